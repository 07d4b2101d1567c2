/**
 * The parsers: each is a named regex over the normalized text plus a handler that turns a match into a candidate.
 * Patterns are compiled once from the lexicons in data/time/. Refiners (engine.ts) then merge candidates.
 */
import { hijriMonthSpan, hijriToDayNum, isValidDate, isoDay, isoMonth, isoWeek, isoYmd, addMonths } from "./calendar.js";
import { alt, key, loadTimeLexicon, type TimeLexicon } from "./lexicon.js";
import { normWord } from "./normalize.js";
import {
  nearestWeekday, pubDay, resolveWeekday, resolveYearlessDay, resolveYearlessMonth, type Direction, type Pub,
} from "./resolve.js";

/** Calendar parts a candidate stands for, kept so refiners (ranges) can combine candidates. */
export interface Parts {
  precision: "day" | "month" | "year" | "week" | "decade" | "interval";
  y?: number; m?: number; d?: number;
  /** true when the year was written in the text (not taken from the publication date). */
  yearExplicit?: boolean;
  /** the month/day came from a year-less expression resolved with this direction */
  dir?: Direction;
}

export interface Cand {
  /** normalized-text offsets */
  s: number;
  e: number;
  value: string | null;
  rule: string;
  parts: Parts;
  /** a bare weekday (so «الثلاثاء 19 نوفمبر» can merge) */
  weekdayOnly?: boolean;
  /** true when the value does not depend on the publication date */
  absolute: boolean;
}

export interface Ctx {
  text: string;
  pub: Pub | null;
  lex: TimeLexicon;
}

/** Keyword classes found by the engine's single word scan (see buildTriggerIndex). */
export type TriggerClass = "month" | "hijri" | "weekday" | "relday" | "unit" | "decade" | "cue" | "ago" | "year4";

/** First word of every keyword → its trigger classes (clitic-free, normalized). "year4" is any 4-digit number. */
export function buildTriggerIndex(lex: TimeLexicon): Map<string, TriggerClass[]> {
  const idx = new Map<string, TriggerClass[]>();
  const add = (words: Iterable<string>, cls: TriggerClass): void => {
    for (const w of words) {
      const first = normWord(w).split(" ")[0]!;
      const cur = idx.get(first) ?? [];
      if (!cur.includes(cls)) cur.push(cls);
      idx.set(first, cur);
    }
  };
  add(lex.gregorian.keys(), "month");
  add(lex.hijri.keys(), "hijri");
  add(lex.weekdays.keys(), "weekday");
  add([...lex.relativeDays.keys(), ...lex.relativeDaysNeedTod.keys()], "relday");
  add(lex.units.keys(), "unit");
  add(lex.decades.keys(), "decade");
  add(lex.cues.keys(), "cue");
  add(lex.agoUnits.keys(), "ago");
  return idx;
}

export interface Rule {
  name: string;
  re: RegExp;
  /**
   * Optional fast keyword regex (global): the rule's pattern is only tried at word starts up to `lookback`
   * characters before each keyword hit, instead of at every position of the text.
   */
  trigger?: TriggerClass;
  lookback?: number;
  /**
   * Words a match may start with when it starts before the keyword (prefix words such as «مطلع», «من», «صباح»);
   * "#" allows a number. Lets the engine skip hopeless start positions without running the pattern.
   */
  starts?: Set<string>;
  /**
   * true when no match can begin at the keyword itself unless its word is in `starts` too (the pattern opens with
   * a number or a word that precedes the keyword): the engine then applies `starts` at the keyword as well.
   */
  startsAtKeyword?: boolean;
  /** A candidate; null: no reading here (the engine may try a later start); false: veto the whole keyword hit. */
  handle(m: RegExpExecArray, ctx: Ctx): Cand | null | false;
}

// ---------- regex building blocks ----------
/** Letters of the normalized text (Arabic block letters, Latin lowercase). */
export const LETTER = "[\\u0620-\\u064A\\u066E-\\u06D3a-z]";
/** Left boundary for a number: not inside another number, amount or time. */
const NB = "(?<![0-9.,:/\\u066B\\u066C])";
const NOT_LETTER = `(?!${LETTER})`;
const NOT_DIGIT = "(?![0-9]|[.,\\u066B][0-9])";

/**
 * Word-start test used by the engine instead of a lookbehind in every pattern (a \p{L} lookbehind tried at every
 * position made the scan ~10x slower): not after a letter/digit, or after one proclitic letter (و ف ب ل) that itself
 * starts a word («والأحد», «بيناير», «و10»).
 */
export function leftOk(text: string, i: number): boolean {
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  if (!isAlnum(p)) return true;
  // «الـ15 من أكتوبر»: a number with the article glued (tatweel already dropped)
  const c = text.charCodeAt(i);
  if (c >= 0x30 && c <= 0x39 && p === 0x0644 && i >= 2 && text.charCodeAt(i - 2) === 0x0627) {
    return i === 2 || !isAlnum(text.charCodeAt(i - 3)) || leftOkClitic(text, i - 2);
  }
  if (p !== 0x0648 && p !== 0x0641 && p !== 0x0628 && p !== 0x0644) return false; // و ف ب ل
  return i === 1 || !isAlnum(text.charCodeAt(i - 2));
}
/** «وال15»: the article itself preceded by a proclitic at a word start. */
function leftOkClitic(text: string, i: number): boolean {
  const p = text.charCodeAt(i - 1);
  return (p === 0x0648 || p === 0x0641 || p === 0x0628) && (i === 1 || !isAlnum(text.charCodeAt(i - 2)));
}
function isAlnum(c: number): boolean {
  return (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

export const MIN_YEAR = 1800;
export const MAX_YEAR = 2100;
const plausibleYear = (y: number): boolean => y >= MIN_YEAR && y <= MAX_YEAR;

/** Up to k words before offset s in the same sentence (within 50 chars), in text order. */
function prevWords(ctx: Ctx, s: number, k: number): string[] {
  const t = ctx.text, lo = Math.max(0, s - 50), out: string[] = [];
  let i = s;
  while (out.length < k && i > lo) {
    while (i > lo && !isAlnum(t.charCodeAt(i - 1))) {
      const c = t[i - 1]!;
      if (c === "." || c === "!" || c === "?" || c === "؟" || c === "\n") return out.reverse();
      i--;
    }
    const e = i;
    while (i > lo && isAlnum(t.charCodeAt(i - 1))) i--;
    if (e > i) out.push(t.slice(i, e));
  }
  return out.reverse();
}
/** Does the word at i open a clause (text start or punctuation before it, a glued و/ف aside)? */
function clauseStart(text: string, i: number): boolean {
  let k = i;
  if (k > 0 && (text[k - 1] === "و" || text[k - 1] === "ف")) k--;
  while (k > 0 && /\s/.test(text[k - 1]!)) k--;
  return k === 0 || /[.!?؟،,:;]/.test(text[k - 1]!);
}
function nextText(ctx: Ctx, e: number, n = 30): string {
  return ctx.text.slice(e, e + n);
}
const stripClitic = (w: string): string => w.replace(/^[وف]/, "");

/** How far back (characters, same sentence) a future cue may stand from the expression it points forward. */
const FUTURE_SCAN_CHARS = 80;
/**
 * How many words back (particles of ≤ 2 letters not counted) a future verb («سيزور») may stand: verb, subject,
 * object, place («سيزور الرئيس الفرنسي العاصمة المصرية القاهرة الأحد»).
 */
const FUTURE_VERB_WORDS = 6;

/**
 * Rule future-cue: a future marker in the stretch of the clause before the expression (same sentence, after the
 * last clause punctuation «، , ; :»): an explicit cue («سوف», «من المقرر», «من المزمع», «يعتزم»…), the negation
 * «لن», or a verb with the future prefix سـ among the FUTURE_VERB_WORDS previous words.
 * The stretch also ends (scanning back) at a past auxiliary or «منذ» («وكان قد التقى نظيره الأحد»), and at a
 * relative pronoun followed by a perfect verb («سيصوت البرلمان على القانون الذي قدمته الحكومة الثلاثاء»: the
 * weekday dates the relative clause). Shared by the weekday rule (→ next such day) and year-less month names.
 */
export function hasFutureCue(ctx: Ctx, s: number): boolean {
  const lm = lexMemo(ctx.lex), t = ctx.text;
  const lo = Math.max(0, s - FUTURE_SCAN_CHARS);
  let verbs: string[] | null = null;
  // the word following the current one (text order): first letter and length, for the relative-clause test
  let afterC = 0, afterLen = 0;
  let i = s, cut = lo, nWords = 0;
  while (i > lo) {
    // skip separators; clause/sentence punctuation ends the stretch
    let stop = false;
    while (i > lo && !isAlnum(t.charCodeAt(i - 1))) {
      if (isClauseBreak(t.charCodeAt(i - 1))) { stop = true; break; }
      i--;
    }
    if (stop) { cut = i; break; }
    const e = i;
    while (i > lo && isAlnum(t.charCodeAt(i - 1))) i--;
    if (e === i) break;
    if (i === lo && lo > 0 && isAlnum(t.charCodeAt(i - 1))) { cut = e; break; } // a word cut by the window
    let ws = i;
    const c1 = t.charCodeAt(ws);
    if ((c1 === 0x0648 || c1 === 0x0641) && e - ws > 2) ws++; // glued و ف
    const c0 = t.charCodeAt(ws), len = e - ws;
    // only words starting with س (verbs), ك م (stop words), ا (relative pronouns) or ل («لن») are looked at
    if (c0 === 0x0633) {
      if (nWords < FUTURE_VERB_WORDS && len >= 4) (verbs ??= []).push(t.slice(ws, e));
    } else if (c0 === 0x0643 || c0 === 0x0645 || c0 === 0x0627 || c0 === 0x0644) {
      const w = t.slice(ws, e);
      if (lm.stopScan.has(w) || (lm.relPron.has(w) && looksPerfect(afterC, afterLen))) { cut = e; break; }
      if (lm.exact.has(w)) return true;
    }
    if (len > 2) nWords++; // short particles («في», «من», «مع») do not use up the verb window
    afterC = c0; afterLen = len;
  }
  const b = t.slice(cut, s);
  for (const c of lm.cues) if (b.includes(c)) return true;
  if (verbs) for (const w of verbs) if (isFutureVerb(w, lm)) return true;
  return false;
}
/** Sentence or clause punctuation: . ! ? ؟ newline ، , ; ؛ : */
function isClauseBreak(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x61f || c === 0x0a || c === 0x60c || c === 0x2c || c === 0x3b || c === 0x61b || c === 0x3a;
}
/** «سيزور», «ستعقد», «سنواصل»: سـ + an imperfect prefix (ي ت ن), minus nouns and names that look alike. */
function isFutureVerb(w: string, lm: LexMemo): boolean {
  if (w.length < 4 || w.charCodeAt(0) !== 0x0633) return false; // س
  const c = w.charCodeAt(1);
  if (c !== 0x064a && c !== 0x062a && c !== 0x0646) return false; // ي ت ن
  return !lm.stopW.has(w) && !lm.stopP.some((p) => w.startsWith(p));
}
/**
 * The word after a relative pronoun looks like a perfect (past) verb: not an imperfect/future form (ي ت ن ا س
 * first letter, which also covers nouns with the article). A cheap shape test: «الذي قدمته» yes, «الذي يرأسه»,
 * «التي ستعقد» no.
 */
function looksPerfect(c: number, len: number): boolean {
  return len >= 2 && c !== 0x064a && c !== 0x062a && c !== 0x0646 && c !== 0x0627 && c !== 0x0633; // ي ت ن ا س
}
interface LexMemo { cues: string[]; exact: Set<string>; stopScan: Set<string>; relPron: Set<string>; stopP: string[]; stopW: Set<string> }
const memo = new WeakMap<TimeLexicon, LexMemo>();
function lexMemo(lex: TimeLexicon): LexMemo {
  let v = memo.get(lex);
  if (!v) {
    const raw = lex.raw;
    v = {
      cues: raw.futureCues.map(normWord),
      exact: new Set(raw.futureCueWordsExact.map(normWord)),
      stopScan: new Set(raw.futureScanStopWords.map(normWord)),
      relPron: new Set(raw.relativePronouns.map(normWord)),
      stopP: raw.futureVerbStopPrefixes.map(normWord),
      stopW: new Set(raw.futureVerbStopWords.map(normWord)),
    };
    memo.set(lex, v);
  }
  return v;
}

function cueDirection(lex: TimeLexicon, cue: string | undefined): Direction | null {
  if (!cue) return null;
  const sh = lex.cues.get(key(cue));
  return sh === -1 ? "past" : sh === 1 ? "future" : sh === 0 ? "current" : null;
}

function mk(s: number, e: number, value: string | null, rule: string, parts: Parts, absolute: boolean): Cand {
  return { s, e, value, rule, parts, absolute };
}

// ---------- the rules ----------

export function buildRules(lex: TimeLexicon = loadTimeLexicon()): Rule[] {
  const r = lex.raw;
  const MONTHS = alt(lex.gregorian.keys());
  const HIJRI = alt(lex.hijri.keys());
  const WEEKDAYS = alt(lex.weekdays.keys());
  const ORDS = alt(lex.ordinals.keys());
  const CUES = alt(lex.cues.keys());
  const PARTS = alt(r.monthParts);
  const TODS = alt(r.timesOfDay);
  const RELDAYS = alt([...lex.relativeDays.keys(), ...lex.relativeDaysNeedTod.keys()]);
  const UNITS = alt(lex.units.keys());
  const DEMS = alt(r.demonstratives);
  const DECADES = alt(lex.decades.keys());
  const CENTS = alt(lex.centuries.keys());
  const YEARW = alt(r.yearWords);
  const ANCHORS = alt(r.yearAnchors);
  const todayBlock = new Set(r.todayBlockersAfter.map(normWord));
  const wdBlockBefore = new Set(r.weekdayBlockersBefore.map(normWord));
  const wdBlockAfter = new Set(r.weekdayBlockersAfter.map(normWord));
  const decadeBlockAfter = r.decadeBlockersAfter.map(normWord);
  const namedEvent = new Set(r.namedEventNouns.map(normWord));
  const datedName = new Set(r.datedNameNouns.map(normWord));
  const generalNoun = new Set(r.generalNounsBeforeAam.map(normWord));
  const counted = new Set(r.countedNouns.map(normWord));
  const U = "gu";
  const firstWords = (...lists: Iterable<string>[]): Set<string> => {
    const out = new Set<string>();
    for (const l of lists) for (const w of l) out.add(normWord(w).split(" ")[0]!);
    return out;
  };
  const monthStarts = firstWords(r.monthParts, ["من", "بين", "شهر", "#"], lex.ordinals.keys(), lex.gregorian.keys());
  const hijriStarts = firstWords(["شهر", "#"], lex.ordinals.keys(), lex.hijri.keys());
  const numStarts = firstWords(["#"]);
  const yearStarts = firstWords(["من", "بين", "منذ", "#", "الاعوام", "السنوات"], r.yearWords, r.yearAnchors);
  const dayStarts = firstWords(r.timesOfDay, ["يوم"], lex.relativeDays.keys(), lex.relativeDaysNeedTod.keys(), lex.weekdays.keys());
  const periodStarts = firstWords(r.monthParts, r.demonstratives, lex.units.keys());
  const decadeStarts = firstWords(["عقد", "حقبه"], lex.decades.keys());

  const rules: Rule[] = [];

  // numeric-ymd: «2024-06-14», «2024/6/14», ISO timestamps «2024-06-14T08:00:00+03:00».
  rules.push({
    name: "numeric-ymd",
    trigger: "year4",
    lookback: 0,
    re: new RegExp(`${NB}(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![\\p{N}])`, U),
    handle(m) {
      const y = +m[1]!, mo = +m[3]!, d = +m[4]!;
      if (!plausibleYear(y) || !isValidDate(y, mo, d)) return null;
      return mk(m.index, m.index + m[0].length, isoYmd(y, mo, d), "numeric-ymd", { precision: "day", y, m: mo, d, yearExplicit: true }, true);
    },
  });

  // numeric-dmy: «24/1/2024», «24-01-2024», «24.1.2024»; day first (Arab convention), month first only if day-first is impossible.
  rules.push({
    name: "numeric-dmy",
    trigger: "year4",
    lookback: 8,
    starts: numStarts,
    re: new RegExp(`${NB}(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})${NOT_DIGIT}`, U),
    handle(m) {
      const a = +m[1]!, b = +m[3]!, y = +m[4]!;
      if (!plausibleYear(y)) return null;
      let d = a, mo = b, rule = "numeric-dmy";
      if (!isValidDate(y, mo, d)) {
        if (!isValidDate(y, a, b)) return null;
        d = b; mo = a; rule = "numeric-mdy";
      }
      return mk(m.index, m.index + m[0].length, isoYmd(y, mo, d), rule, { precision: "day", y, m: mo, d, yearExplicit: true }, true);
    },
  });

  // hijri-numeric: «1445/9/1هـ», «01/09/1445 هـ» (Saudi and Gulf pages); the Hijri marker is required.
  rules.push({
    name: "hijri-numeric",
    trigger: "year4",
    lookback: 8,
    starts: numStarts,
    re: new RegExp(`(?:(?<y1>${NB}1[2-5]\\d\\d)([-/.])(?<m1>\\d{1,2})\\2(?<d1>\\d{1,2})|(?<d2>${NB}\\d{1,2})([-/.])(?<m2>\\d{1,2})\\6(?<y2>1[2-5]\\d\\d))${NOT_DIGIT}\\s*(?:ه|هجريه|هجري|للهجره)${NOT_LETTER}`, U),
    handle(m) {
      const g = m.groups!;
      const hy = +(g.y1 ?? g.y2)!, hm = +(g.m1 ?? g.m2)!, hd = +(g.d1 ?? g.d2)!;
      const n = hijriToDayNum(hy, hm, hd);
      if (n === null) return null;
      return mk(m.index, m.index + m[0].length, isoDay(n), "hijri-numeric", { precision: "day" }, true);
    },
  });

  // month-name: the main Gregorian rule, any naming system, with optional day (number or ordinal word), day range,
  // paired name («يونيو/حزيران», «حزيران (يونيو)»), month part («مطلع يناير»), year or cue («الماضي», «من العام المقبل»).
  const monthRe = new RegExp(
    `(?:(?<part>${PARTS})\\s+)?` +
    `(?:(?:(?<rs>من|بين)\\s+)?(?<d1>${NB}\\d{1,2})\\s*(?<conn>-|–|الي|حتي|و)\\s*)?` +
    `(?:(?<dn>${NB}\\d{1,2})(?:st|nd|rd|th)?\\.?\\s*,?\\s*(?:من\\s+)?|(?<dord>${ORDS})\\s+من\\s+)?` +
    `(?<shahr>شهر\\s+)?(?<mon>${MONTHS})${NOT_LETTER}` +
    `(?:(?:\\s*[/(\\-–]\\s*|\\s+)(?<mon2>${MONTHS})${NOT_LETTER}(?:\\s*\\))?)?` +
    `(?:\\s*,?\\s*(?:من\\s+)?(?:(?:${YEARW})\\s*)?(?<year>\\d{4})${NOT_DIGIT}(?:\\s*(?:ميلاديه|ميلادي|م)${NOT_LETTER})?` +
    `|\\s+(?:من\\s+)?(?:(?<dem>${DEMS})\\s+)?(?<yunit>العام|السنه)(?:\\s+(?<ycue>${CUES}))?${NOT_LETTER}` +
    `|\\s+(?<cue>${CUES})${NOT_LETTER})?`,
    U,
  );
  rules.push({
    name: "month-name",
    trigger: "month",
    lookback: 44, // longest prefix: «الحادي والثلاثين من شهر», «منتصف من 15 إلى 17»
    starts: monthStarts,
    re: monthRe,
    handle(m, ctx) {
      const g = m.groups!;
      const mon = lex.gregorian.get(key(g.mon!))!;
      // «سبتمبر أيلول»: a second name after a bare space must name the same month (else it is not a pair)
      if (g.mon2 && lex.gregorian.get(key(g.mon2)) !== mon && !/[/(\-–]/.test(m[0].slice(m[0].indexOf(g.mon!) + g.mon!.length))) return null;
      const hasDay = !!(g.dn || g.dord);
      // ambiguous names («مارس» verb, «آب» father, «نيسان» brand…) need support around them
      if (lex.ambiguousMonths.has(key(g.mon!)) && !hasDay && !g.year && !g.cue && !g.yunit && !g.mon2 && !g.part && !g.shahr) {
        const pw = prevWords(ctx, m.index, 1)[0];
        if (!pw || !["في", "منذ", "خلال", "حتي", "بحلول", "اواخر", "اوائل", "مطلع", "منتصف", "نهايه", "بدايه"].includes(pw)) return null;
      }
      // Hijri year after a Gregorian month name is not a Gregorian year
      if (g.year && /^\s*ه(?!\p{L})/u.test(nextText(ctx, m.index + m[0].length, 4))) return null;
      let s = m.index;
      let day = g.dn ? +g.dn : g.dord ? lex.ordinals.get(key(g.dord))! : undefined;
      let d1 = g.d1 ? +g.d1 : undefined;
      if (d1 !== undefined && day === undefined) { day = d1; d1 = undefined; } // «15 - يناير»: no range
      if (d1 !== undefined && g.conn === "و" && g.rs !== "بين") { // «15 و17 يناير» without «بين»: keep the later date
        s = m.index + m[0].lastIndexOf(g.dn!, m[0].indexOf(g.mon!));
        d1 = undefined;
      }
      const e = m.index + m[0].length;
      let y: number | undefined, yearExplicit = false, dir: Direction = "default", how: string;
      if (g.year) {
        y = +g.year; yearExplicit = true; how = "explicit-year";
        if (!plausibleYear(y)) return null;
      } else if (g.yunit) {
        const sh = g.dem ? 0 : g.ycue ? lex.cues.get(key(g.ycue)) : 0;
        how = "relative-year";
        y = ctx.pub ? ctx.pub.y + (sh ?? 0) : undefined;
      } else {
        dir = cueDirection(lex, g.cue) ?? (hasFutureCue(ctx, m.index) ? "future" : "default");
        how = g.cue ? `cue-${dir}` : dir === "future" ? "future-cue" : "pub-year";
      }
      const base = hasDay ? "day-month" : "month";
      if (hasDay && y === undefined && !g.cue && !g.yunit) {
        const pw = stripClitic(prevWords(ctx, m.index, 1)[0] ?? "");
        // «مدينة 6 أكتوبر», «قوى 14 آذار»: part of a name, not a date
        if (datedName.has(pw) || datedName.has(pw.replace(/^ال/, ""))) return false;
        // «ثورة 25 يناير», «هجمات 11 سبتمبر»: a year-less date naming a past event says nothing about which year
        if (namedEvent.has(pw)) return mk(s, e, null, `${base}:named-event`, { precision: "day", m: mon, d: day }, false);
      }
      if (hasDay) {
        if (!isValidDate(2024, mon, day!)) return null; // impossible day (2024 is a leap year: 29 Feb allowed)
        let v: string | null;
        if (y !== undefined) v = isValidDate(y, mon, day!) ? isoYmd(y, mon, day!) : null;
        else if (g.yunit) v = null;
        else v = resolveYearlessDay(mon, day!, ctx.pub, dir);
        if (v !== null && y === undefined) y = +v.slice(0, 4);
        if (d1 !== undefined) {
          if (!isValidDate(2024, mon, d1) || d1 >= day!) return null;
          const v1 = v === null ? null : `${v.slice(0, 8)}${String(d1).padStart(2, "0")}`;
          return mk(s, e, v1 && v ? `${v1}/${v}` : null, `day-range-month:${how}`,
            { precision: "interval", y, m: mon, d: day, yearExplicit, dir }, yearExplicit);
        }
        return mk(s, e, v, `${base}:${how}`, { precision: "day", y, m: mon, d: day, yearExplicit, dir }, yearExplicit);
      }
      let v: string | null = null;
      if (y !== undefined) v = isoMonth(y, mon);
      else if (!g.yunit) {
        const r2 = resolveYearlessMonth(mon, ctx.pub, dir);
        if (r2) { v = isoMonth(r2.y, r2.m); y = r2.y; }
      }
      return mk(s, e, v, `${base}:${how}`, { precision: "month", y, m: mon, yearExplicit, dir }, yearExplicit);
    },
  });

  // month-day-year (English order, met in Arabic pages): «September 13, 2023», «June 14 2024».
  rules.push({
    name: "month-day-year",
    trigger: "month",
    lookback: 0,
    re: new RegExp(`(?<mon>${MONTHS})\\.?\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,\\s*|\\s+)(?<y>\\d{4})${NOT_DIGIT}`, U),
    handle(m) {
      const g = m.groups!;
      const mo = lex.gregorian.get(key(g.mon!))!, d = +g.d!, y = +g.y!;
      if (!plausibleYear(y) || !isValidDate(y, mo, d)) return null;
      return mk(m.index, m.index + m[0].length, isoYmd(y, mo, d), "month-day-year", { precision: "day", y, m: mo, d, yearExplicit: true }, true);
    },
  });

  // hijri-date: «٢ ربيع الثاني ١٤٤٢ هـ», «12 ذو القعدة 1445», «رمضان 1445» (month → interval of its days).
  rules.push({
    name: "hijri-date",
    trigger: "hijri",
    lookback: 40,
    starts: hijriStarts,
    re: new RegExp(
      `(?:(?<dn>${NB}\\d{1,2})\\s*(?:من\\s+)?|(?<dord>${ORDS})\\s+من\\s+)?(?:شهر\\s+)?(?<hm>${HIJRI})${NOT_LETTER}` +
      `\\s*(?:من\\s+)?(?:(?:عام|العام|سنه)\\s+)?(?<hy>1[2-5]\\d\\d)${NOT_DIGIT}(?:\\s*(?:ه|هجريه|هجري|للهجره)${NOT_LETTER})?`, U),
    handle(m) {
      const g = m.groups!;
      const hm = lex.hijri.get(key(g.hm!))!, hy = +g.hy!;
      const d = g.dn ? +g.dn : g.dord ? lex.ordinals.get(key(g.dord)) : undefined;
      const s = m.index, e = m.index + m[0].length;
      if (d !== undefined) {
        if (d > 30) return null;
        const n = hijriToDayNum(hy, hm, d);
        return mk(s, e, n === null ? null : isoDay(n), "hijri-date:day", { precision: "day" }, true);
      }
      const span = hijriMonthSpan(hy, hm);
      return mk(s, e, span ? `${isoDay(span[0])}/${isoDay(span[1])}` : null, "hijri-date:month", { precision: "interval" }, true);
    },
  });

  // year-range: «1950-1953», «بين عامي 2014 و2016», «من عام 2014 إلى 2016», «2023/2024».
  rules.push({
    name: "year-range",
    trigger: "year4",
    lookback: 30,
    starts: yearStarts,
    re: new RegExp(
      `(?:(?<rs>من|بين|منذ)\\s+)?(?:(?<yw>${YEARW}|الاعوام|السنوات)\\s*)?(?<y1>${NB}\\d{4})(?:\\s*م${NOT_LETTER})?` +
      `\\s*(?<conn>-|–|—|/|الي|حتي|و)\\s*(?:(?:${YEARW})\\s*)?(?<y2>\\d{4})${NOT_DIGIT}`, U),
    handle(m) {
      const g = m.groups!;
      const y1 = +g.y1!, y2 = +g.y2!;
      if (!plausibleYear(y1) || !plausibleYear(y2) || y2 <= y1 || y2 - y1 > 100) return null;
      if (g.conn === "و" && g.rs !== "بين" && !g.yw) return null; // «2014 و2016» alone: two years, not a span
      const s = m.index;
      return mk(s, m.index + m[0].length, `${y1}/${y2}`, "year-range", { precision: "interval", y: y1 }, true);
    },
  });

  // year-word: «عام 2000», «العام 2019», «سنة 1948م», «لعام 2024».
  rules.push({
    name: "year-word",
    trigger: "year4",
    lookback: 14,
    starts: yearStarts,
    re: new RegExp(`(?:${YEARW})\\s*(?<y>\\d{4})${NOT_DIGIT}(?:\\s*(?:ميلاديه|ميلادي|م)${NOT_LETTER})?`, U),
    handle(m, ctx) {
      const y = +m.groups!.y!;
      if (!plausibleYear(y)) return null;
      if (/^\s*(?:ه|هجريه|هجري|للهجره)(?!\p{L})/u.test(nextText(ctx, m.index + m[0].length, 8))) return null;
      return mk(m.index, m.index + m[0].length, String(y), "year-word", { precision: "year", y, yearExplicit: true }, true);
    },
  });

  // year-anchored: a bare year after a preposition/period word: «في 2011», «منذ 2003», «بحلول 2030», «مطلع 2024».
  rules.push({
    name: "year-anchored",
    trigger: "year4",
    lookback: 16,
    starts: yearStarts,
    re: new RegExp(`(?:${ANCHORS})\\s+(?<y>(?:19|20)\\d\\d)${NOT_DIGIT}(?!\\s*[%٪])(?:\\s*(?:ميلاديه|ميلادي|م)${NOT_LETTER})?`, U),
    handle(m, ctx) {
      const y = +m.groups!.y!;
      const after = nextText(ctx, m.index + m[0].length, 16);
      // «في 2000 موقع»: a number followed by a counted noun or a unit is an amount; «1445 هـ» is a Hijri year
      const nw = stripClitic(after.trimStart().split(/[^\p{L}]/u)[0] ?? "");
      if (counted.has(nw) || counted.has(nw.replace(/(?:ا|ين|ون|ات)$/, "")) || nw === "ه") return null;
      const s = m.index + m[0].indexOf(m.groups!.y!);
      return mk(s, m.index + m[0].length, String(y), "year-anchored", { precision: "year", y, yearExplicit: true }, true);
    },
  });

  // decade: «التسعينيات», «في الثمانينيات من القرن الماضي», «عشرينيات القرن الحالي».
  rules.push({
    name: "decade",
    trigger: "decade",
    lookback: 12,
    starts: decadeStarts,
    re: new RegExp(`(?:(?:عقد|حقبه)\\s+)?(?<dec>${DECADES})${NOT_LETTER}(?:\\s+(?:من\\s+)?(?<cent>${CENTS})${NOT_LETTER})?`, U),
    handle(m, ctx) {
      const g = m.groups!;
      const after = nextText(ctx, m.index + m[0].length, 20).trimStart();
      if (decadeBlockAfter.some((b) => after.startsWith(b))) return null; // «في العشرينيات من عمره»: an age
      const dec = lex.decades.get(key(g.dec!))!;
      const cent = g.cent ? lex.centuries.get(key(g.cent))! : 19; // bare decades in news: the 20th century
      return mk(m.index, m.index + m[0].length, `${cent}${dec}`, g.cent ? "decade+century" : "decade", { precision: "decade" }, true);
    },
  });

  // relative-day: «أمس», «أول أمس», «اليوم», «غدا», «بعد غد», with optional time of day («صباح اليوم», «مساء أمس»,
  // «صباح الغد») and weekday («أمس الثلاثاء», «اليوم الأربعاء»), checked for consistency.
  rules.push({
    name: "relative-day",
    trigger: "relday",
    lookback: 24,
    starts: dayStarts,
    re: new RegExp(`(?:(?<tod>${TODS})\\s+(?:يوم\\s+)?)?(?<rd>${RELDAYS})${NOT_LETTER}(?:\\s*[،,]?\\s*(?:يوم\\s+)?(?<wd>${WEEKDAYS})${NOT_LETTER})?`, U),
    handle(m, ctx) {
      const g = m.groups!;
      const rd = key(g.rd!);
      if (lex.relativeDaysNeedTod.has(rd) && !g.tod) return null; // «الغد» alone is «the future»
      const off = lex.relativeDays.get(rd) ?? lex.relativeDaysNeedTod.get(rd)!;
      if (rd === "اليوم" && !g.wd) {
        const nw = nextText(ctx, m.index + m[0].length, 20).trimStart().split(/[^\p{L}]/u)[0] ?? "";
        if (todayBlock.has(nw)) return null; // «اليوم العالمي», «اليوم التالي»…
        const pw = prevWords(ctx, m.index, 1)[0];
        if (pw === "مثل" || pw === "هذا") return null; // «في مثل هذا اليوم», «هذا اليوم»: not the publication day
      }
      // «غدا الوضع أكثر تعقيدا»: the verb «became» opens its clause and is followed by its subject
      if (rd === "غدا" && !g.wd && !g.tod && clauseStart(ctx.text, m.index) && /^\s+ال/.test(nextText(ctx, m.index + m[0].length, 4))) {
        return null;
      }
      const p = pubDay(ctx.pub);
      let rule = g.tod ? "time-of-day+relative-day" : "relative-day";
      let v: string | null = null;
      if (p !== null) {
        let n = p + off;
        if (g.wd) {
          const wd = lex.weekdays.get(key(g.wd))!;
          const fixed = nearestWeekday(n, wd);
          rule += fixed === n ? "+weekday" : "+weekday:weekday-wins"; // a stated weekday beats a shifted pub date
          n = fixed;
        }
        v = isoDay(n);
      }
      return mk(m.index, m.index + m[0].length, v, rule, { precision: "day" }, false);
    },
  });

  // weekday: «الأحد», «يوم الاثنين», «الجمعة الماضية», «السبت المقبل», «مساء الأحد», «فجر الجمعة».
  rules.push({
    name: "weekday",
    trigger: "weekday",
    lookback: 24,
    starts: dayStarts,
    re: new RegExp(`(?:(?<tod>${TODS})\\s+)?(?:(?<yawm>يوم)\\s+)?(?<wd>${WEEKDAYS})${NOT_LETTER}(?:\\s+(?<cue>${CUES})${NOT_LETTER})?`, U),
    handle(m, ctx) {
      const g = m.groups!;
      const nw = nextText(ctx, m.index + m[0].length, 12).trimStart().split(/[^\p{L}]/u)[0] ?? "";
      if (!g.cue && wdBlockAfter.has(nw)) return null; // «الأحد عشر»: eleven
      if (!g.yawm && !g.tod) {
        const pw = stripClitic(prevWords(ctx, m.index, 1)[0] ?? "");
        if (wdBlockBefore.has(pw)) return null; // «صلاة الجمعة», «كل سبت», «أيام الجمعة»: not a date
        // «البلدين الاثنين»: «the two», agreeing in case with an oblique dual/plural noun
        if (key(g.wd!) === "الاثنين" && /^ال\p{L}+ين$/u.test(pw)) return null;
      }
      const wd = lex.weekdays.get(key(g.wd!))!;
      const shift = g.cue ? lex.cues.get(key(g.cue)) : undefined;
      let mode: "past" | "next" | "on-or-before" | "on-or-after";
      let why: string;
      if (shift === -1) { mode = "past"; why = "cue-past"; }
      else if (shift === 1) { mode = "next"; why = "cue-next"; }
      // A future cue picks the first such day on or after publication: the publication weekday itself stays that
      // day («سيعقد المجلس جلسة مساء الأربعاء» in a Wednesday paper: later today); a week later needs «المقبل».
      else if (hasFutureCue(ctx, m.index)) { mode = "on-or-after"; why = "future-cue"; }
      else { mode = "on-or-before"; why = "default-past"; }
      const n = resolveWeekday(wd, ctx.pub, mode);
      const c = mk(m.index, m.index + m[0].length, n === null ? null : isoDay(n), `${g.tod ? "time-of-day+" : ""}weekday:${why}`, { precision: "day" }, false);
      c.weekdayOnly = !g.tod && !g.cue;
      return c;
    },
  });

  // day-of-relative-month: «في 20 الجاري» (the 20th of this month), «يوم 5 من الشهر الماضي», «10 الشهر المقبل».
  rules.push({
    name: "day-of-relative-month",
    trigger: "cue",
    lookback: 16,
    starts: numStarts,
    startsAtKeyword: true, // the pattern opens with a number, the keyword is a word
    re: new RegExp(`(?<d>${NB}\\d{1,2})\\s+(?:من\\s+)?(?:(?<unit>الشهر|شهر)\\s+)?(?<cue>${CUES})${NOT_LETTER}`, U),
    handle(m, ctx) {
      const g = m.groups!;
      const shift = lex.cues.get(key(g.cue!))!;
      if (!g.unit && shift !== 0) return null; // «20 الماضي» alone is not a date form
      const d = +g.d!;
      if (d < 1 || d > 31) return null;
      let v: string | null = null;
      if (ctx.pub) {
        const a = addMonths(ctx.pub.y, ctx.pub.m, shift);
        v = isValidDate(a.y, a.m, d) ? isoYmd(a.y, a.m, d) : null;
      }
      return mk(m.index, m.index + m[0].length, v, `day-of-relative-month:${shift < 0 ? "past" : shift > 0 ? "next" : "current"}`, { precision: "day" }, false);
    },
  });

  // ago: «قبل يومين», «قبل ثلاثة أيام», «منذ أسبوع», «قبل عام», «قبل 5 سنوات» → publication date minus the amount, at the
  // unit's precision (day, ISO week, month, year). «قبل يوم من الانتخابات» counts from an event: not tagged.
  const AGO = alt(r.agoWords), AGO_UNITS = alt(lex.agoUnits.keys()), COUNTS = alt(lex.counts.keys());
  rules.push({
    name: "ago",
    trigger: "ago",
    lookback: 16,
    starts: firstWords(r.agoWords),
    startsAtKeyword: true, // the pattern opens with «قبل»/«منذ» and a space: a match at the keyword starts with one
    re: new RegExp(`(?:${AGO})\\s+(?:(?<n>${NB}\\d{1,2}|${COUNTS})\\s+)?(?<unit>${AGO_UNITS})${NOT_LETTER}`, U),
    handle(m, ctx) {
      const g = m.groups!;
      const after = nextText(ctx, m.index + m[0].length, 6);
      if (/^\s+(?:من|علي)\s/.test(after)) return null; // «قبل يوم من …»: relative to an event
      if (/^\s*(?:\d|ال)/.test(after)) return null; // «قبل عام 2000», «منذ يوم الأحد»: another expression's words
      const u = lex.agoUnits.get(key(g.unit!))!;
      const n = g.n ? (/^\d/.test(g.n) ? +g.n : lex.counts.get(key(g.n))!) : u.count;
      if (!n || (g.n && u.count !== 0) || (!g.n && u.count === 0)) return null; // «قبل أيام»: vague; «قبل 3 يومين»: broken
      const rule = `ago:${u.unit}`;
      const pub = ctx.pub, p = pubDay(pub);
      let v: string | null = null;
      if (u.unit === "day" && p !== null) v = isoDay(p - n);
      else if (u.unit === "week" && p !== null) v = isoWeek(p - 7 * n);
      else if (u.unit === "month" && pub) { const a = addMonths(pub.y, pub.m, -n); v = isoMonth(a.y, a.m); }
      else if (u.unit === "year" && pub) v = String(pub.y - n);
      return mk(m.index, m.index + m[0].length, v, rule, { precision: u.unit === "day" ? "day" : u.unit === "week" ? "week" : u.unit === "month" ? "month" : "year" }, false);
    },
  });

  // relative-period: «الأسبوع المقبل», «الشهر الماضي», «العام الجاري», «هذا العام», «أواخر الشهر الماضي», «مطلع العام».
  rules.push({
    name: "relative-period",
    trigger: "unit",
    lookback: 24,
    starts: periodStarts,
    re: new RegExp(`(?:(?<part>${PARTS})\\s+)?(?:(?<dem>${DEMS})\\s+)?(?<unit>${UNITS})${NOT_LETTER}(?:\\s+(?:(?<bl>${alt(r.beforeLast)})\\s+)?(?<cue>${CUES})${NOT_LETTER})?`, U),
    handle(m, ctx) {
      const g = m.groups!;
      if (!g.dem && !g.cue && !g.part) return null; // bare «العام», «الشهر»: generic
      if (!g.cue && /^\s*\d/.test(nextText(ctx, m.index + m[0].length, 3))) return null; // «مطلع العام 2024»: year-word's
      const unit = lex.units.get(key(g.unit!))!;
      let shift = g.cue ? lex.cues.get(key(g.cue))! : 0;
      if (g.bl) { if (shift !== -1) return null; shift = -2; } // «العام قبل الماضي»: the year before last
      // «المدعي العام الحالي», «الأمين العام السابق»: «العام» = «general» after these nouns
      if (!g.part && !g.dem && key(g.unit!) === "العام" && generalNoun.has(stripClitic(prevWords(ctx, m.index, 1)[0] ?? ""))) return false;
      const rule = `relative-period:${unit}${shift < 0 ? "-past" : shift > 0 ? "-next" : "-current"}`;
      const s = m.index, e = m.index + m[0].length;
      const pub = ctx.pub;
      let v: string | null = null;
      if (unit === "year" && pub) v = String(pub.y + shift);
      else if (unit === "month" && pub) { const a = addMonths(pub.y, pub.m, shift); v = isoMonth(a.y, a.m); }
      else if (unit === "week") { const p = pubDay(pub); if (p !== null) v = isoWeek(p + 7 * shift); }
      return mk(s, e, v, rule, { precision: unit === "week" ? "week" : unit === "month" ? "month" : "year" }, false);
    },
  });

  return rules;
}


/**
 * The engine: parsers (rules.ts) → overlap resolution → refiners → spans mapped back to the original text.
 */
import type { TimeExpr } from "../record.js";
import { isValidDate, isoMonth, isoYmd } from "./calendar.js";
import { loadTimeLexicon } from "./lexicon.js";
import { normalize, origSpan } from "./normalize.js";
import { parsePublished } from "./resolve.js";
import { buildRules, buildTriggerIndex, leftOk, type TriggerClass, type Cand, type Ctx, type Rule } from "./rules.js";

let rules: Rule[] | null = null;
function getRules(): Rule[] {
  rules ??= buildRules(loadTimeLexicon());
  return rules;
}

/** Cheap prefilter: a text without digits and without any Arabic letter cannot hold a time expression. */
const MAYBE = /[\p{N}\u0600-\u06FF]/u;

const sticky = new WeakMap<Rule, RegExp>();
function stickyOf(r: Rule): RegExp {
  let y = sticky.get(r);
  if (!y) { y = new RegExp(r.re.source, r.re.flags.replace("g", "") + "y"); sticky.set(r, y); }
  return y;
}

/** Plain scan: the rule's regex over the whole text. */
function scanAll(r: Rule, ctx: Ctx, out: Cand[]): void {
  r.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = r.re.exec(ctx.text)) !== null) {
    if (m[0].length === 0) { r.re.lastIndex++; continue; }
    if (!leftOk(ctx.text, m.index)) { r.re.lastIndex = m.index + 1; continue; } // starts inside a word: retry further
    const c = r.handle(m, ctx);
    if (c && c.e > c.s) out.push(c);
  }
}

/**
 * Words (the trigger keywords, a rule's allowed first words) in an open-addressing table keyed by the FNV-1a hash of
 * their UTF-16 units: the scans look a word up straight from the text's units, without slicing a string for a Map or
 * Set. A hash hit is confirmed by comparing the units.
 */
interface WordTable<T> {
  mask: number;
  hashes: Int32Array;
  keys: (Uint16Array | undefined)[];
  values: (T | undefined)[];
}
let trigTable: WordTable<TriggerClass[]> | null = null;
/**
 * Cheap pre-check before hashing a word: a bitmap of (first char, length) of all keys, indexed by the low 8 bits of
 * the char code, and one of (last two chars, length), hashed into 16 bits (a collision only costs one extra
 * lookup). About a sixth of a news text's words pass both; a twentieth of those are keywords.
 */
let firstLen: Uint8Array | null = null;
let lastTwoLen: Uint8Array | null = null;
const slot2 = (cl: number, cl2: number, len: number): number =>
  (Math.imul(cl, 31) + Math.imul(cl2, 7) + Math.imul(len, 131)) & 0xffff;
const slot = (c: number, len: number): number => ((c & 0xff) << 6) | (len & 0x3f);
/** Character classes of the normalized text: 1 letter (Arabic block, Latin lowercase), 2 ASCII digit, 0 other. */
const CLASS = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0x0620; c <= 0x064a; c++) t[c] = 1;
  for (let c = 0x066e; c <= 0x06d3; c++) t[c] = 1;
  for (let c = 0x61; c <= 0x7a; c++) t[c] = 1;
  for (let c = 0x30; c <= 0x39; c++) t[c] = 2;
  return t;
})();
const isLetter = (c: number): boolean => (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x61 && c <= 0x7a);

/** FNV-1a over units[s, e). */
function hashUnits(u: Uint16Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let k = s; k < e; k++) { h ^= u[k]!; h = Math.imul(h, 0x01000193); }
  return h;
}

function buildWordTable<T>(entries: Iterable<readonly [string, T]>): WordTable<T> {
  const list = [...entries];
  let size = 64;
  while (size < list.length * 4) size <<= 1;
  const t: WordTable<T> = { mask: size - 1, hashes: new Int32Array(size), keys: new Array(size).fill(undefined), values: new Array(size).fill(undefined) };
  for (const [k, v] of list) {
    const units = new Uint16Array(k.length);
    for (let i = 0; i < k.length; i++) units[i] = k.charCodeAt(i);
    const h = hashUnits(units, 0, units.length);
    let sl = h & t.mask;
    while (t.keys[sl] !== undefined) sl = (sl + 1) & t.mask;
    t.hashes[sl] = h; t.keys[sl] = units; t.values[sl] = v;
  }
  return t;
}

/** The value of the word units[s, e), if it is a key of the table. */
function lookupWord<T>(t: WordTable<T>, u: Uint16Array, s: number, e: number): T | undefined {
  const h = hashUnits(u, s, e);
  for (let sl = h & t.mask; ; sl = (sl + 1) & t.mask) {
    const key = t.keys[sl];
    if (key === undefined) return undefined;
    if (t.hashes[sl] !== h || key.length !== e - s) continue;
    let k = 0;
    while (k < key.length && key[k] === u[s + k]) k++;
    if (k === key.length) return t.values[sl];
  }
}

/** Scratch copy of the scanned text's UTF-16 units (reading a typed array is cheaper than `charCodeAt`). */
let scanBytes = Buffer.allocUnsafe(16384);
let scanUnits = new Uint16Array(scanBytes.buffer, scanBytes.byteOffset, 8192);
function unitsOf(text: string): Uint16Array {
  if (scanUnits.length < text.length) {
    const n = Math.max(text.length, scanUnits.length * 2);
    scanBytes = Buffer.allocUnsafe(n * 2);
    scanUnits = new Uint16Array(scanBytes.buffer, scanBytes.byteOffset, n);
  }
  scanBytes.write(text, 0, text.length * 2, "utf16le");
  return scanUnits;
}

/**
 * One pass over the words of the text: positions of every keyword class (month names, weekdays, «أمس»…, 4-digit
 * numbers). A word with a glued proclitic (و ف ب ل) is looked up without it.
 */
export function triggerHits(text: string): Map<TriggerClass, number[]> {
  if (!trigTable || !firstLen || !lastTwoLen) {
    const idx = buildTriggerIndex(loadTimeLexicon());
    trigTable = buildWordTable(idx);
    firstLen = new Uint8Array(1 << 14);
    lastTwoLen = new Uint8Array(1 << 16);
    for (const k of idx.keys()) {
      firstLen[slot(k.charCodeAt(0), k.length)] = 1;
      lastTwoLen[slot2(k.charCodeAt(k.length - 1), k.length > 1 ? k.charCodeAt(k.length - 2) : 0, k.length)] = 1;
    }
  }
  const table = trigTable, fl = firstLen, ll = lastTwoLen;
  const maybe = (c0: number, cl: number, cl2: number, len: number): boolean =>
    len < 64 && fl[slot(c0, len)] === 1 && ll[slot2(cl, cl2, len)] === 1;
  const hits = new Map<TriggerClass, number[]>();
  const push = (c: TriggerClass, p: number): void => { const a = hits.get(c); if (a) a.push(p); else hits.set(c, [p]); };
  const n = text.length, u = unitsOf(text);
  let i = 0;
  while (i < n) {
    const c0 = u[i]!;
    const k0 = CLASS[c0]!;
    if (k0 === 0) { i++; continue; }
    let j = i + 1;
    while (j < n && CLASS[u[j]!] === k0) j++;
    if (k0 === 2) { // digit run
      if (j - i === 4) push("year4", i);
      i = j;
      continue;
    }
    const len = j - i, cl = u[j - 1]!;
    let cls: TriggerClass[] | undefined, p = i;
    const cl2 = len > 1 ? u[j - 2]! : 0; // the clitic-less word below (len > 2) has the same last two chars
    if (maybe(c0, cl, cl2, len)) cls = lookupWord(table, u, i, j);
    if (!cls && len > 2 && (c0 === 0x0648 || c0 === 0x0641 || c0 === 0x0628 || c0 === 0x0644) &&
      maybe(u[i + 1]!, cl, cl2, len - 1)) {
      cls = lookupWord(table, u, i + 1, j); p = i + 1;
    }
    if (cls) for (const c of cls) push(c, p);
    i = j;
  }
  return hits;
}

/**
 * Triggered scan: for each keyword hit, try the anchored pattern at the word starts within `lookback` characters
 * before it (earliest first, so optional prefixes such as «مطلع», a day or «من 15 إلى» are included).
 */
function scanTriggered(r: Rule, positions: number[], ctx: Ctx, u: Uint16Array, out: Cand[]): void {
  const text = ctx.text, re = stickyOf(r), lb = r.lookback ?? 0, starts = r.starts ? startTableOf(r) : null;
  let done = 0; // text before this offset already belongs to an accepted match
  for (const p of positions) {
    if (p < done) continue;
    for (let s = Math.max(done, p - lb); s <= p; s++) {
      if (!leftOk(text, s)) continue; // only word starts (a glued proclitic «و10», «ومطلع» is allowed)
      // cannot begin this rule's prefix (nor, for some rules, a match at the keyword itself: see Rule.startsAtKeyword)
      if (starts !== null && (s < p || r.startsAtKeyword === true) && !startsWith(starts, u, text.length, s)) continue;
      re.lastIndex = s;
      const m = re.exec(text);
      if (!m || m.index + m[0].length <= p) continue;
      const c = r.handle(m, ctx);
      if (c === false) break; // vetoed: no reading of this keyword at all
      if (c && c.e > c.s) { out.push(c); done = m.index + m[0].length; break; }
      // rejected (e.g. «31 من فبراير»): a later start may still give a shorter valid reading («فبراير»)
    }
  }
}

/** A rule's `starts` as a word table over units (no slicing per tried start), and whether «#» (a number) is in. */
interface StartTable { num: boolean; words: WordTable<true> }
const startTables = new WeakMap<Rule, StartTable>();
function startTableOf(r: Rule): StartTable {
  let t = startTables.get(r);
  if (!t) {
    const ws = [...r.starts!].filter((w) => w !== "#");
    t = { num: r.starts!.has("#"), words: buildWordTable(ws.map((w) => [w, true] as const)) };
    startTables.set(r, t);
  }
  return t;
}

/** Is the word at s (units u of a text of length n) one of the allowed first words («#»: any number)? */
function startsWith(starts: StartTable, u: Uint16Array, n: number, s: number): boolean {
  const c = u[s]!;
  if (c >= 0x30 && c <= 0x39) return starts.num;
  let e = s;
  while (e < n && isLetter(u[e]!)) e++;
  return e > s && lookupWord(starts.words, u, s, e) !== undefined;
}

/** All raw candidates of all rules. */
export function candidates(ctx: Ctx): Cand[] {
  const out: Cand[] = [];
  const hits = triggerHits(ctx.text);
  const u = scanUnits; // the units of ctx.text, just copied by triggerHits (the rules' handlers do not scan)
  for (const r of getRules()) {
    if (r.trigger) { const ps = hits.get(r.trigger); if (ps) scanTriggered(r, ps, ctx, u, out); }
    else scanAll(r, ctx, out);
  }
  return out;
}

/** Refiner longest-wins: keep non-overlapping candidates, longer first, then earlier, then rule order. */
export function selectLongest(cands: Cand[]): Cand[] {
  const order = cands.map((c, i) => ({ c, i })).sort((a, b) => (b.c.e - b.c.s) - (a.c.e - a.c.s) || a.c.s - b.c.s || a.i - b.i);
  const kept: Cand[] = [];
  for (const { c } of order) if (!kept.some((k) => c.s < k.e && k.s < c.e)) kept.push(c);
  return kept.sort((a, b) => a.s - b.s);
}

/** Refiner weekday+date: «الثلاثاء 19 نوفمبر 2024», «يوم الأحد، 5 مايو» → one span, the date's value. */
export function mergeWeekdayDate(cs: Cand[], text: string): Cand[] {
  const out: Cand[] = [];
  for (let i = 0; i < cs.length; i++) {
    const a = cs[i]!, b = cs[i + 1];
    if (a.weekdayOnly && b && b.parts.precision === "day" && !b.weekdayOnly && /^[\s,،\-–(]*(?:الموافق[\s,،(]*)?$/.test(text.slice(a.e, b.s)) &&
      b.rule !== "relative-day" && !b.rule.startsWith("relative-day")) {
      out.push({ ...b, s: a.s, rule: `weekday+${b.rule}` });
      i++;
    } else out.push(a);
  }
  return out;
}

/**
 * Refiner date-range: «من 28 فبراير إلى 3 مارس 2024», «من يناير إلى مارس 2023» → an interval. A year-less first date
 * takes the second's explicit year (one year earlier when it would come after it).
 */
export function mergeRanges(cs: Cand[], text: string): Cand[] {
  const out: Cand[] = [];
  for (let i = 0; i < cs.length; i++) {
    const a = cs[i]!, b = cs[i + 1];
    if (b && b.value && a.parts.precision === b.parts.precision &&
      (a.parts.precision === "day" || a.parts.precision === "month") && !a.weekdayOnly && !b.weekdayOnly &&
      /^\s*(?:-|–|الي|حتي)\s*$/.test(text.slice(a.e, b.s)) &&
      (/(?:^|[^\p{L}])(?:من|بين|منذ)\s+$/u.test(text.slice(Math.max(0, a.s - 8), a.s)) || /^(?:من|بين)\s/.test(text.slice(a.s, a.e)))) {
      let av = a.value;
      const { m, d } = a.parts;
      if (!a.parts.yearExplicit && b.parts.yearExplicit && b.parts.y !== undefined && m !== undefined) {
        // the first date borrows the second's year (the year before when it would come after the second)
        let y = b.parts.y;
        if (m * 100 + (d ?? 0) > (b.parts.m ?? 0) * 100 + (b.parts.d ?? 0)) y -= 1;
        av = d !== undefined ? (isValidDate(y, m, d) ? isoYmd(y, m, d) : null) : isoMonth(y, m);
      }
      if (av && av < b.value) {
        out.push({ ...a, e: b.e, value: `${av}/${b.value}`, rule: `range:${a.rule}`, parts: { precision: "interval" }, absolute: b.absolute });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** Tags every date expression in `body`; relative ones are resolved against `published` or get value null. */
export function tagTimes(body: string, published: string | null): TimeExpr[] {
  if (!body || !MAYBE.test(body)) return [];
  const nz = normalize(body);
  const ctx: Ctx = { text: nz.text, pub: parsePublished(published), lex: loadTimeLexicon() };
  let cs = selectLongest(candidates(ctx));
  cs = mergeWeekdayDate(cs, nz.text);
  cs = mergeRanges(cs, nz.text);
  return cs.map((c) => {
    const [start, end] = origSpan(nz, c.s, c.e);
    return { start, end, text: body.slice(start, end), value: c.value, rule: c.rule };
  });
}

/** The last `normalizedCandidates` call: a date line is often read twice in a row (isDateLine, then parseDateLine). */
let lastText: string | null = null;
let lastCands: Cand[] = [];

/**
 * Candidates for one short, already normalized text without a publication date (see `absoluteCandidates`). The
 * result is shared with the next call for the same text: callers must not modify it.
 */
export function normalizedCandidates(text: string): Cand[] {
  if (text === lastText) return lastCands;
  const ctx: Ctx = { text, pub: null, lex: loadTimeLexicon() };
  let cs = selectLongest(candidates(ctx));
  cs = mergeWeekdayDate(cs, text);
  lastText = text; lastCands = cs;
  return cs;
}

/** Candidates (normalized offsets) for one short text without a publication date: used by the date-line helpers. */
export function absoluteCandidates(line: string): { cands: Cand[]; text: string } {
  const text = normalize(line).text;
  return { cands: normalizedCandidates(text), text };
}

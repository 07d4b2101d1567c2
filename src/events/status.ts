/**
 * Status and date of a coded event, from cues in its sentence.
 * - negation right before the trigger («لم يزر», «لن يلتقي», «عدم إرسال») → not reported, unless someone denies it
 *   («نفى …») → denied;
 * - the nearest cue before the trigger (same sentence, a few tokens) decides: «من المقرر / من المتوقع / مرتقبة /
 *   يعتزم / سوف» → expected; «قد» + present, «محتمل، ربما، يمكن» → possible; «مزاعم، تقارير، كشفت مصادر» → alleged;
 *   a cue adjective right after a noun trigger counts too («الزيارة المرتقبة», «زيارة محتملة»);
 * - future prefix سـ → expected; a date after the publication date → expected (in code.ts).
 * Dates: which time expression dates the event is decided in dating.ts; here, the ISO helpers it uses.
 */
import type { EventStatus } from "../record.js";
import type { Token } from "../text/index.js";
import { lightVerb, type Lexicon } from "./lexicon.js";
import { W_LIGHT, W_STATUS, type TokenFacts } from "./facts.js";

const CUE_WINDOW = 8;
const STATUS_ORDER = ["denied", "expected", "possible", "alleged"] as const;

interface TrigLike { i: number; kind: string; prefix: string; type: string; def: { pos: string } }

type Cat = "expected" | "possible" | "alleged" | "denied";

/** Length of a status cue of category `cat` starting at token k (0 if none). */
function cueAt(lex: Lexicon, tokens: Token[], k: number, cat: Cat, end: number, skipParticles = false): number {
  // with skipParticles, a one-token cue written «قد»/«سوف» (also behind a conjunction) is the particle itself:
  // the caller judges it on its own
  const particle = skipParticles && (tokens[k]!.norm.endsWith("قد") || tokens[k]!.norm.endsWith("سوف"));
  return lex.statusIndex.firstLenOf(tokens, k, end, cat, particle ? (len) => len === 1 : undefined);
}

/** «وقد», «ولم», «فلن», «وسوف»: the particle without its conjunction. */
function bare(n: string): string {
  return n.length <= 4 && /^[وف](قد|لم|لن|لا|سوف|ليس|ليست|لما)$/.test(n) ? n.slice(1) : n;
}

/** `facts`: the article's token facts, when the caller has them: tokens where no status cue starts are skipped. */
export function statusOf(
  lex: Lexicon, tokens: Token[], tr: TrigLike, lo: number, hi: number, c0: number, facts?: TokenFacts,
): EventStatus | null {
  const flags = facts?.flags;
  /** whether a status cue may start at token k (else cueAt finds none there) */
  const cueMay = (k: number) => flags === undefined || (flags[k]! & W_STATUS) !== 0;
  const prev = tr.i - 1 >= lo ? bare(tokens[tr.i - 1]!.norm) : "";
  const prev2 = tr.i - 2 >= lo ? bare(tokens[tr.i - 2]!.norm) : "";
  const negated = lex.cues.negation.has(prev) || (prev === "قد" && lex.cues.negation.has(prev2));
  // denial anywhere before the trigger in the sentence
  let denied = false;
  for (let k = lo; k < tr.i; k++) if (cueMay(k) && cueAt(lex, tokens, k, "denied", tr.i)) { denied = true; break; }
  if (negated) return denied ? "denied" : null;
  if (denied) return "denied";
  // nearest cue before the trigger
  for (let k = tr.i - 1; k >= Math.max(lo, tr.i - CUE_WINDOW); k--) {
    const n = bare(tokens[k]!.norm);
    if (n === "قد") {
      // «قد» + present = may; «قد» + past = already (no change)
      if (k === tr.i - 1 && tr.kind === "present") return "possible";
      continue;
    }
    if (n === "سوف") return "expected";
    if (!cueMay(k)) continue;
    for (const s of STATUS_ORDER) {
      if (s === "denied") continue;
      if (s === "alleged" && tr.type === "ACCUSE") continue;
      if (cueAt(lex, tokens, k, s, tr.i + 1, true)) return s;
    }
  }
  // a cue right before the complementizer that opens the trigger's clause («من المقرر أن …», «من المتوقع أن …»)
  if (c0 - 1 > lo && tr.i - c0 <= 12) {
    for (let k = Math.max(lo, c0 - 5); k < c0 - 1; k++) {
      if (!cueMay(k)) continue;
      for (const s of ["expected", "possible"] as const) if (cueAt(lex, tokens, k, s, c0 - 1)) return s;
    }
  }
  // a noun takes the tense and modality of its light verb («سيعقد … قمة», «قد يجري محادثات», «لم يعقد اجتماعا»)
  if (tr.def.pos === "noun") {
    for (let k = tr.i - 1; k >= Math.max(lo, tr.i - 6); k--) {
      const lv = flags === undefined ? lightVerb(lex, tokens[k]!.norm) : (flags[k]! & W_LIGHT) !== 0 ? facts!.info(k).light : null;
      if (!lv) continue;
      const before = k - 1 >= lo ? bare(tokens[k - 1]!.norm) : "";
      if (lex.cues.negation.has(before)) return denied ? "denied" : null;
      if (before === "قد" && lv.kind === "present") return "possible";
      if (lv.kind === "present" && /^[وف]?س$/.test(lv.prefix)) return "expected";
      break;
    }
  }
  // cue adjective after a noun («الزيارة المرتقبة», «زيارة محتملة»)
  if (tr.def.pos === "noun") {
    for (let k = tr.i + 1; k <= Math.min(hi - 1, tr.i + 2); k++) {
      if (!cueMay(k)) continue;
      for (const s of ["expected", "possible"] as const) if (cueAt(lex, tokens, k, s, hi)) return s;
    }
  }
  if (tr.kind === "present" && /^[وف]?س$/.test(tr.prefix)) return "expected";
  return "occurred";
}

/** ISO value → its first day "YYYY-MM-DD" (day, month, year, decade, ISO week, interval). */
export function dateStart(v: string): string | null {
  const first = v.split("/")[0]!;
  let m = /^(\d{4})-W(\d{2})/.exec(first);
  if (m) {
    const y = +m[1]!, w = +m[2]!;
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (w - 1) * 7 * 86400000);
    return monday.toISOString().slice(0, 10);
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(first))) return m[0];
  if ((m = /^(\d{4})-(\d{2})$/.exec(first))) return `${m[1]}-${m[2]}-01`;
  if ((m = /^(\d{4})$/.exec(first))) return `${m[1]}-01-01`;
  if ((m = /^(\d{3})$/.exec(first))) return `${m[1]}0-01-01`;
  return null;
}

/** ISO value → its last day "YYYY-MM-DD" (day, month, year, decade, ISO week, interval: its end). */
export function dateEnd(v: string): string | null {
  const parts = v.split("/");
  const last = parts[parts.length - 1]!;
  let m = /^(\d{4})-W(\d{2})/.exec(last);
  if (m) {
    const monday = dateStart(m[0]);
    return monday ? new Date(Date.parse(monday) + 6 * 86400000).toISOString().slice(0, 10) : null;
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(last))) return m[0];
  if ((m = /^(\d{4})-(\d{2})$/.exec(last))) return new Date(Date.UTC(+m[1]!, +m[2]!, 0)).toISOString().slice(0, 10);
  if ((m = /^(\d{4})$/.exec(last))) return `${m[1]}-12-31`;
  if ((m = /^(\d{3})$/.exec(last))) return `${m[1]}9-12-31`;
  return null;
}

/** Whether an ISO value is a plain day "YYYY-MM-DD" (its own start and end). */
function isDay(v: string): boolean {
  return v.length === 10 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45; // -
}

/** dateStart, memoized: the resolved values of an article repeat, and so do dates across articles (bounded). */
function dateStartCached(v: string): string | null {
  if (isDay(v)) return v;
  let d = DATE_START.get(v);
  if (d === undefined) {
    d = dateStart(v);
    if (DATE_START.size > 10_000) DATE_START.clear();
    DATE_START.set(v, d);
  }
  return d;
}
const DATE_START = new Map<string, string | null>();

/** Whether a publication date is "YYYY", "YYYY-MM" or "YYYY-MM-DD" (the last one asked, remembered). */
function pubOk(published: string): boolean {
  if (published !== lastPub) { lastPub = published; lastPubOk = /^\d{4}(-\d{2}){0,2}$/.test(published); }
  return lastPubOk;
}
let lastPub = "", lastPubOk = false;

/** A "YYYY-MM-DD" day at the precision of `published`. */
function atPrecision(d: string, published: string): string {
  return d.length === published.length ? d : d.slice(0, published.length);
}

/** Whether `date` starts after the publication date (compared at the precision of `published`). */
export function isFuture(date: string, published: string): boolean {
  const d = dateStartCached(date);
  if (!d || !pubOk(published)) return false;
  return atPrecision(d, published) > published;
}

/** Whether `date` ended before the publication date (compared at the precision of `published`). */
export function endsBefore(date: string, published: string): boolean {
  // a day is its own end (the common case: no look-up)
  let d = isDay(date) ? date : DATE_END.get(date);
  if (d === undefined) {
    d = dateEnd(date);
    if (DATE_END.size > 10_000) DATE_END.clear();
    DATE_END.set(date, d);
  }
  if (!d || !pubOk(published)) return false;
  return atPrecision(d, published) < published;
}
const DATE_END = new Map<string, string | null>();

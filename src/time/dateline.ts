/**
 * Date lines of scraped pages: «تاريخ النشر: 13th, September 2023 GMT», «نشر في 5 مارس 2024 - 10:30 ص»,
 * «آخر تحديث: الأحد 12 ذو القعدة 1445», «Published: June 14, 2024», «2024-06-14T08:00:00+03:00».
 */
import { normalizedCandidates } from "./engine.js";
import { loadTimeLexicon, alt } from "./lexicon.js";
import { normalize, normWord } from "./normalize.js";

const DAY_OR_MONTH = /^\d{4}-\d{2}(?:-\d{2})?$/;

/**
 * The first ABSOLUTE date in a line at day precision ("YYYY-MM-DD"), or month precision when only month and year
 * are given. Relative words («أمس») and bare years are not publication dates: null.
 */
export function parseDateLine(line: string): { value: string; rule: string } | null {
  if (!line) return null;
  return firstDayOrMonth(normalize(line.length > 400 ? line.slice(0, 400) : line).text);
}

/** Four digits in a row: every day or month value of a date line has an explicit 4-digit year. */
const FOUR_DIGITS = /\d{4}/;

/** parseDateLine of an already normalized text. */
function firstDayOrMonth(n: string): { value: string; rule: string } | null {
  // Pre-check: every absolute candidate with a day or month value (numeric dates, month names with a year, Hijri
  // dates, their weekday merges) matched a 4-digit year in the text; most lines have none and skip the engine.
  if (!FOUR_DIGITS.test(n)) return null;
  for (const c of normalizedCandidates(n)) {
    if (!c.absolute || c.value === null) continue;
    if (DAY_OR_MONTH.test(c.value)) return { value: c.value, rule: `dateline:${c.rule}` };
    // a Hijri month alone («رمضان 1445») is an interval: too coarse for a publication date
  }
  return null;
}

let labelRe: RegExp | null = null;
let noise: Set<string> | null = null;
let mayBeAbsolute: RegExp | null = null;
function lineRegexes(): { labelRe: RegExp; noise: Set<string>; mayBeAbsolute: RegExp } {
  if (!labelRe || !noise || !mayBeAbsolute) {
    const lex = loadTimeLexicon();
    // a strong label («تاريخ النشر», «نشر في», «آخر تحديث») or a weak one followed by a colon («تاريخ:», «Date:»)
    labelRe = new RegExp(`^[\\s\\p{P}\\p{S}]*(?:(?:${alt(lex.raw.dateLineLabels)})(?![\\p{L}])\\s*[:：\\-–|]?` +
      `|(?:${alt(lex.raw.dateLineLabelsNeedColon)})\\s*[:：])`, "u");
    noise = new Set([...lex.raw.dateLineNoise, ...lex.raw.dateLineLabels, ...lex.raw.dateLineLabelsNeedColon]
      .flatMap((w) => normWord(w).split(" ")));
    // Pre-check of a normalized line: an ABSOLUTE candidate has a 4-digit year (numeric dates, month names with a
    // year, Hijri dates, year rules) or is a decade («التسعينيات»); a line with neither skips the engine.
    mayBeAbsolute = new RegExp(`\\d{4}|${alt(lex.decades.keys())}`);
  }
  return { labelRe, noise, mayBeAbsolute };
}

/** «منذ 3 ساعات», «قبل يومين», «5 hours ago»: a relative timestamp made only of noise words and numbers. */
function isRelativeStamp(n: string, noise: Set<string>): boolean {
  // pre-check: one of the words below must be in the text
  if (!n.includes("منذ") && !n.includes("قبل") && !n.includes("ago")) return false;
  const ws = n.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return ws.length > 0 && ws.length <= 4 && ws.some((w) => w === "منذ" || w === "قبل" || w === "ago") &&
    ws.every((w) => noise.has(w) || /^\d+$/.test(w));
}

/** Longest line still considered a date line. */
export const MAX_DATE_LINE = 120;

/**
 * True when a short line is (mostly) just a date: a label («تاريخ النشر», «نشر في», «آخر تحديث», «Published»…)
 * followed by a short rest, or a line whose words, once its date expressions, clock times and noise words
 * (GMT, ص/م, بتوقيت…) are removed, leave at most one word (a place of a dateline).
 */
export function isDateLine(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > MAX_DATE_LINE) return false;
  const { labelRe, noise, mayBeAbsolute } = lineRegexes();
  const n = normalize(t).text;
  const lm = labelRe.exec(n);
  if (lm && lm[0].trim().length > 0) {
    // the label must introduce something date-like: a date, a clock time, a weekday/relative day, «منذ ساعتين»
    // (rest is a slice of normalized text: normalizing it again would change nothing)
    const rest = n.slice(lm[0].length);
    if ((rest && firstDayOrMonth(rest.length > 400 ? rest.slice(0, 400) : rest) !== null) ||
      /\d{1,2}:\d{2}|\d{1,4}[/.-]\d{1,2}/.test(rest) || isRelativeStamp(rest, noise) ||
      normalizedCandidates(rest).length > 0) return true;
  }
  if (!mayBeAbsolute.test(n)) return isRelativeStamp(n, noise); // no absolute candidate possible (see lineRegexes)
  const cands = normalizedCandidates(n), text = n;
  const dated = cands.filter((c) => c.value !== null || c.weekdayOnly);
  if (!dated.some((c) => c.absolute)) return isRelativeStamp(n, noise);
  let rest = "";
  let pos = 0;
  for (const c of dated) { rest += text.slice(pos, c.s) + " "; pos = c.e; }
  rest += text.slice(pos);
  const words = rest
    .replace(/\d{1,2}:\d{2}(?::\d{2})?/g, " ")
    .replace(/[+\-]\d{2}:?\d{2}\b/g, " ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !noise.has(w) && !/^\d+$/.test(w));
  return words.length <= 1;
}

/**
 * Resolution helpers: turn calendar parts plus the publication date into ISO values.
 * Every function returns null rather than guessing when the publication date is missing or too coarse.
 */
import { dayNum, isValidDate, isoDay, weekday, type DayNum } from "./calendar.js";

/** The publication date as parts; d is null for a month-precision date. */
export interface Pub { y: number; m: number; d: number | null }

export function parsePublished(published: string | null): Pub | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(published);
  if (!m) return null;
  const y = +m[1]!, mo = +m[2]!, d = m[3] ? +m[3] : null;
  if (mo < 1 || mo > 12) return null;
  if (d !== null && !isValidDate(y, mo, d)) return null;
  return { y, m: mo, d };
}

/** Day number of the publication day, or null when the publication date is missing or month-precision. */
export function pubDay(pub: Pub | null): DayNum | null {
  return pub && pub.d !== null ? dayNum(pub.y, pub.m, pub.d) : null;
}

/** How far after publication a year-less «2 يناير» / «في يونيو» may still point (beyond that: the previous year). */
export const FUTURE_WINDOW_DAYS = 60;
export const FUTURE_WINDOW_MONTHS = 2;

/** Which occurrence of a year-less date to pick. */
export type Direction = "past" | "future" | "default" | "current";

/**
 * Rule year-less-day: year of «2 يناير» from the publication date.
 * past (…الماضي): latest strictly before publication; future (…المقبل, or a future cue): earliest on/after;
 * current (…الجاري): publication year; default: latest occurrence no more than FUTURE_WINDOW_DAYS after publication.
 */
export function resolveYearlessDay(m: number, d: number, pub: Pub | null, dir: Direction): string | null {
  if (!pub) return null;
  if (dir === "current") return isValidDate(pub.y, m, d) ? isoDay(dayNum(pub.y, m, d)) : null;
  // A month-precision publication date counts as its middle for this choice (only the year is decided here).
  const ref = dayNum(pub.y, pub.m, pub.d ?? 15);
  const cands: DayNum[] = [];
  for (const y of [pub.y - 1, pub.y, pub.y + 1]) if (isValidDate(y, m, d)) cands.push(dayNum(y, m, d));
  let pick: DayNum | undefined;
  if (dir === "past") pick = cands.filter((c) => c < ref).pop();
  else if (dir === "future") pick = cands.find((c) => c >= ref);
  else pick = cands.filter((c) => c <= ref + FUTURE_WINDOW_DAYS).pop();
  return pick === undefined ? null : isoDay(pick);
}

/** Rule year-less-month: same choice at month precision («في يونيو», «سبتمبر الماضي», «مارس المقبل»). */
export function resolveYearlessMonth(m: number, pub: Pub | null, dir: Direction): { y: number; m: number } | null {
  if (!pub) return null;
  if (dir === "current") return { y: pub.y, m };
  const ref = pub.y * 12 + pub.m - 1;
  const cands = [pub.y - 1, pub.y, pub.y + 1].map((y) => ({ y, m, t: y * 12 + m - 1 }));
  let pick: { y: number; m: number; t: number } | undefined;
  if (dir === "past") pick = cands.filter((c) => c.t < ref).pop();
  else if (dir === "future") pick = cands.find((c) => c.t > ref);
  else pick = cands.filter((c) => c.t <= ref + FUTURE_WINDOW_MONTHS).pop();
  return pick ? { y: pick.y, m: pick.m } : null;
}

/**
 * Rule weekday: the day a weekday name points to.
 * past (…الماضي): strictly before publication; next (…المقبل): strictly after; on-or-before: the default for a bare
 * weekday in news (events already reported, incl. publication day); on-or-after: a bare weekday with a future cue.
 */
export function resolveWeekday(wd: number, pub: Pub | null, mode: "past" | "next" | "on-or-before" | "on-or-after"): DayNum | null {
  const p = pubDay(pub);
  if (p === null) return null;
  const back = (weekday(p) - wd + 7) % 7; // days back to the most recent wd on or before p
  const fwd = (wd - weekday(p) + 7) % 7;
  switch (mode) {
    case "on-or-before": return p - back;
    case "past": return p - (back === 0 ? 7 : back);
    case "on-or-after": return p + fwd;
    case "next": return p + (fwd === 0 ? 7 : fwd);
  }
}

/** The occurrence of weekday wd nearest to day n (used when «أمس الثلاثاء» disagrees with the calendar). */
export function nearestWeekday(n: DayNum, wd: number): DayNum {
  let diff = (wd - weekday(n) + 7) % 7;
  if (diff > 3) diff -= 7;
  return n + diff;
}


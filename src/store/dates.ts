/**
 * Date values of the record (ISO day, month, year, decade, ISO week, interval) as day intervals, for joining
 * reports of one event across articles. Days are counted from 1970-01-01 (UTC).
 */
import type { EventStatus } from "../record.js";

export interface DayInterval {
  lo: number;
  hi: number;
  /** 0 day · 1 week · 2 month · 3 year · 4 decade/interval · 5 inferred from the report date */
  precision: number;
}

const DAY = 86_400_000;
export const dayOf = (y: number, m: number, d: number): number => Math.floor(Date.UTC(y, m - 1, d) / DAY);
export const isoOfDay = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);

/** First day of ISO week w of ISO year y. */
function isoWeekStart(y: number, w: number): number {
  const jan4 = dayOf(y, 1, 4);
  const dow = (new Date(jan4 * DAY).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - dow + (w - 1) * 7;
}

export function isoWeekOfDay(n: number): string {
  const dow = (new Date(n * DAY).getUTCDay() + 6) % 7;
  const thursday = n - dow + 3;
  const y = new Date(thursday * DAY).getUTCFullYear();
  const w = Math.floor((thursday - isoWeekStart(y, 1)) / 7) + 1;
  return `${y}-W${String(w).padStart(2, "0")}`;
}

/** Parse one record date value to a day interval; null when not a recognised value. */
export function parseDateValue(v: string | null | undefined): DayInterval | null {
  if (!v) return null;
  const s = v.trim();
  let m: RegExpMatchArray | null;
  if (s.includes("/")) {
    const [a, b] = s.split("/", 2);
    const A = parseDateValue(a), B = parseDateValue(b);
    if (!A || !B) return null;
    return { lo: A.lo, hi: B.hi, precision: 4 };
  }
  if ((m = s.match(/^(\d{4})-(\d{2})-(\d{2})/))) {
    const d = dayOf(+m[1]!, +m[2]!, +m[3]!);
    return { lo: d, hi: d, precision: 0 };
  }
  if ((m = s.match(/^(\d{4})-W(\d{2})$/))) {
    const lo = isoWeekStart(+m[1]!, +m[2]!);
    return { lo, hi: lo + 6, precision: 1 };
  }
  if ((m = s.match(/^(\d{4})-(\d{2})$/))) {
    const lo = dayOf(+m[1]!, +m[2]!, 1);
    return { lo, hi: dayOf(+m[1]!, +m[2]! + 1, 1) - 1, precision: 2 };
  }
  if ((m = s.match(/^(\d{4})$/))) return { lo: dayOf(+m[1]!, 1, 1), hi: dayOf(+m[1]!, 12, 31), precision: 3 };
  if ((m = s.match(/^(\d{3})$/))) return { lo: dayOf(+m[1]! * 10, 1, 1), hi: dayOf(+m[1]! * 10 + 9, 12, 31), precision: 4 };
  return null;
}

/** How far before its report an undated past event may lie (rule `undated-past-window`). */
export const UNDATED_PAST_DAYS = 7;
/** How far after its report an undated expected/possible event may lie (rule `undated-future-window`). */
export const UNDATED_FUTURE_DAYS = 60;

/**
 * The interval in which an event may have happened: its own date (±1 day for time zones), else a window
 * around the report date that depends on the status (past for what occurred, future for what is expected).
 */
export function eventInterval(date: string | null, status: EventStatus, published: string | null): DayInterval | null {
  const d = parseDateValue(date);
  if (d) return { lo: d.lo - 1, hi: d.hi + 1, precision: d.precision };
  const p = parseDateValue(published);
  if (!p) return null;
  if (status === "expected" || status === "possible") return { lo: p.lo, hi: p.hi + UNDATED_FUTURE_DAYS, precision: 5 };
  return { lo: p.lo - UNDATED_PAST_DAYS, hi: p.hi, precision: 5 };
}

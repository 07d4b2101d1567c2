/**
 * The cleaner's view of dates: date lines and publication dates, delegated to the time stage's parsers
 * (src/time owns every date format; the cleaner only decides where a date line is).
 */
import * as time from "../time/index.js";

/** An absolute date in a date line or first sentence → "YYYY-MM-DD" / "YYYY-MM", or null. */
export function parseDateLine(line: string, opts: { dayOnly?: boolean } = {}): string | null {
  const r = time.parseDateLine(line);
  if (!r) return null;
  if (opts.dayOnly && !/^\d{4}-\d{2}-\d{2}$/.test(r.value)) return null;
  return r.value;
}

/** A short line that is just a date («24/1/2024», «تاريخ النشر: …», «آخر تحديث …»). */
export function isDateLine(line: string): boolean {
  return line.length <= 120 && time.isDateLine(line);
}

/** A date from HTML metadata (ISO timestamp or any date-line format) → "YYYY-MM-DD" / "YYYY-MM", or null. */
export function parseMetaDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  return parseDateLine(value);
}

/** Calendar arithmetic on UTC day numbers (days since 1970-01-01), ISO weeks and Hijri (Umm al-Qura) conversion. */

export type DayNum = number;

export function dayNum(y: number, m: number, d: number): DayNum {
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDayNum(n: DayNum): { y: number; m: number; d: number } {
  const dt = new Date(n * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(n: DayNum): number {
  return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const f = fromDayNum(dayNum(y, m, d));
  return f.y === y && f.m === m && f.d === d;
}

const p2 = (n: number): string => String(n).padStart(2, "0");
const p4 = (n: number): string => String(n).padStart(4, "0");

export function isoDay(n: DayNum): string {
  const { y, m, d } = fromDayNum(n);
  return `${p4(y)}-${p2(m)}-${p2(d)}`;
}
export function isoMonth(y: number, m: number): string {
  return `${p4(y)}-${p2(m)}`;
}
export function isoYmd(y: number, m: number, d: number): string {
  return `${p4(y)}-${p2(m)}-${p2(d)}`;
}

/** ISO 8601 week ("2024-W25") of a day: weeks start Monday, week 1 holds the year's first Thursday. */
export function isoWeek(n: DayNum): string {
  const wd = (weekday(n) + 6) % 7; // Monday = 0
  const thursday = n - wd + 3;
  const { y } = fromDayNum(thursday);
  const week = Math.floor((thursday - dayNum(y, 1, 1)) / 7) + 1;
  return `${p4(y)}-W${p2(week)}`;
}

/** Adds months to (y, m), returning a normalized pair. */
export function addMonths(y: number, m: number, k: number): { y: number; m: number } {
  const t = y * 12 + (m - 1) + k;
  return { y: Math.floor(t / 12), m: (((t % 12) + 12) % 12) + 1 };
}

// ---------- Hijri (Umm al-Qura) via the platform's ICU calendar ----------

let hijriFmt: Intl.DateTimeFormat | null = null;
function hijriParts(n: DayNum): { y: number; m: number; d: number } {
  hijriFmt ??= new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", {
    timeZone: "UTC", year: "numeric", month: "numeric", day: "numeric",
  });
  let y = 0, m = 0, d = 0;
  for (const p of hijriFmt.formatToParts(new Date(n * 86_400_000))) {
    if (p.type === "year") y = parseInt(p.value, 10);
    else if (p.type === "month") m = parseInt(p.value, 10);
    else if (p.type === "day") d = parseInt(p.value, 10);
  }
  return { y, m, d };
}

/** Mean-calendar estimate of a Hijri date's day number (within a few days), refined by searching the formatter. */
const HIJRI_EPOCH = dayNum(622, 7, 19); // 1 Muharram 1 AH (proleptic Gregorian), as a starting guess only
const hijriCache = new Map<string, DayNum | null>();

/** Gregorian day number of Hijri y/m/d (Umm al-Qura), or null when no such day exists (e.g. day 30 of a 29-day month). */
export function hijriToDayNum(hy: number, hm: number, hd: number): DayNum | null {
  if (hm < 1 || hm > 12 || hd < 1 || hd > 30 || hy < 1 || hy > 1600) return null;
  const key = `${hy}-${hm}-${hd}`;
  const hit = hijriCache.get(key);
  if (hit !== undefined) return hit;
  const guess = HIJRI_EPOCH + Math.round((hy - 1) * 354.36667 + (hm - 1) * 29.530588 + (hd - 1));
  let result: DayNum | null = null;
  // Walk by the difference in Hijri days until exact (converges in 1–3 steps), then verify.
  let n = guess;
  for (let i = 0; i < 6 && result === null; i++) {
    const h = hijriParts(n);
    const diff = (hy - h.y) * 354 + (hm - h.m) * 29.5 + (hd - h.d);
    if (h.y === hy && h.m === hm && h.d === hd) result = n;
    else if (Math.abs(diff) < 0.5) break;
    else n += Math.round(diff);
  }
  if (result === null) {
    for (let k = -3; k <= 3 && result === null; k++) {
      const h = hijriParts(n + k);
      if (h.y === hy && h.m === hm && h.d === hd) result = n + k;
    }
  }
  hijriCache.set(key, result);
  return result;
}

/** First and last Gregorian day of a Hijri month. */
export function hijriMonthSpan(hy: number, hm: number): [DayNum, DayNum] | null {
  const first = hijriToDayNum(hy, hm, 1);
  if (first === null) return null;
  const last = hijriToDayNum(hy, hm, 30) ?? hijriToDayNum(hy, hm, 29);
  return last === null ? null : [first, last];
}

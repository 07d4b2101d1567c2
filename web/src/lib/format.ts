/** Numbers and record dates for display, per locale (Intl). Record date values stay visible when not a plain date. */
export type Lang = "ar" | "en";

const locales: Record<Lang, string> = { ar: "ar", en: "en-GB" };
const numCache = new Map<string, Intl.NumberFormat>();
const dateCache = new Map<string, Intl.DateTimeFormat>();

export function formatNumber(lang: Lang, n: number, digits = 0): string {
  const key = `${lang}:${digits}`;
  let f = numCache.get(key);
  if (!f) numCache.set(key, (f = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: digits })));
  return f.format(n);
}

/** A signed score (−3.5, +4): the sign written by hand, so it stays in front in right-to-left text. */
export function formatSigned(lang: Lang, n: number, digits = 1): string {
  const sign = n < 0 ? "\u2212" : n > 0 ? "+" : "";
  return sign + formatNumber(lang, Math.abs(n), digits);
}

function dtf(lang: Lang, kind: "day" | "month"): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`;
  let f = dateCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locales[lang], kind === "day"
      ? { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }
      : { year: "numeric", month: "long", timeZone: "UTC" });
    dateCache.set(key, f);
  }
  return f;
}

/**
 * A record date value (YYYY-MM-DD, YYYY-MM, YYYY, an ISO week, an interval a/b) for display.
 * Days and months are spelled per locale; other values (weeks, decades) are shown as they are.
 */
export function formatDateValue(lang: Lang, v: string | null | undefined, weekOf?: (monday: string) => string): string {
  if (!v) return "";
  const iv = v.split("/");
  if (iv.length === 2) return `${formatDateValue(lang, iv[0], weekOf)} – ${formatDateValue(lang, iv[1], weekOf)}`;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return dtf(lang, "day").format(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return dtf(lang, "month").format(Date.UTC(+m[1]!, +m[2]! - 1, 1));
  // An ISO week (YYYY-Www): "week of <its Monday>" when the caller gives the phrase.
  m = /^(\d{4})-W(\d{2})$/.exec(v);
  if (m && weekOf) return weekOf(dtf(lang, "day").format(isoWeekMonday(+m[1]!, +m[2]!)));
  if (/^\d{4}$/.test(v)) return new Intl.NumberFormat(locales[lang], { useGrouping: false }).format(+v);
  // Weeks, decades and other ISO values: shown as they are, isolated left-to-right inside Arabic text.
  return `\u2066${v}\u2069`;
}

/** UTC time of the Monday of ISO week `week` of `year` (week 1 holds the year's first Thursday). */
export function isoWeekMonday(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - jan4Dow * 86400000 + (week - 1) * 7 * 86400000;
}

/** Short month label for chart axes ("YYYY-MM"). */
export function formatMonthShort(lang: Lang, period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  return new Intl.DateTimeFormat(locales[lang], { year: "2-digit", month: "short", timeZone: "UTC" }).format(Date.UTC(+m[1]!, +m[2]! - 1, 1));
}

/** Only http(s) links from records become anchors (a `javascript:` URL in a record is shown as text). */
export function safeHttpUrl(u: string | null | undefined): string | null {
  if (!u) return null;
  try {
    const url = new URL(u);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Time expressions: Arabic (and English-in-Arabic-pages) date expressions with offsets and ISO values resolved
 * against the publication date. Relative expressions in undated articles get value null: never guessed, never
 * resolved against today's date.
 *
 * Engine (engine.ts): normalize (offset map) → one word scan finds keyword positions → each rule's anchored pattern
 * is tried just before its keywords → longest non-overlapping candidates → refiners (weekday+date, date ranges).
 * Rules (rules.ts), each recorded in `rule`: numeric-ymd, numeric-dmy/numeric-mdy, month-name (every naming system,
 * day/ordinal day, day range, paired names, month parts, year/cue/«من العام الماضي»), month-day-year (English order),
 * hijri-date (Umm al-Qura via Intl), year-range, year-word, year-anchored, decade, relative-day (+time of day,
 * +weekday consistency), weekday (cue / future cue / default most recent), day-of-relative-month («20 الجاري»),
 * relative-period (week/month/year + cue, month parts). Lexicons: data/time/months.json, data/time/lexicon.json.
 */
export { tagTimes } from "./engine.js";
export { parseDateLine, isDateLine } from "./dateline.js";
export { hijriToDayNum, isoWeek } from "./calendar.js";

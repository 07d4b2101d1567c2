/**
 * Time expressions: Arabic (and English-in-Arabic-pages) date expressions with offsets and ISO values resolved
 * against the publication date. Relative expressions in undated articles get value null: never guessed.
 */
export { tagTimes } from "./engine.js";
export { parseDateLine, isDateLine } from "./dateline.js";
export { hijriToDayNum, isoWeek } from "./calendar.js";

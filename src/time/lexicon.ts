/** Loads and validates the time lexicons in data/time/ and indexes them by normalized form. */
import { readFileSync } from "node:fs";
import { normWord } from "./normalize.js";

interface MonthRow { month: number; system?: string; names: string[]; ambiguous?: string[] }
interface MonthsFile { version: number; gregorian: MonthRow[]; hijri: MonthRow[] }
interface Named<K extends string> { names: string[] }
type Row<K extends string> = Named<K> & Record<K, number>;
export interface LexiconFile {
  version: number;
  weekdays: Row<"weekday">[];
  weekdayBlockersBefore: string[];
  weekdayBlockersAfter: string[];
  relativeDays: Row<"offset">[];
  relativeDaysNeedTimeOfDay: Row<"offset">[];
  todayBlockersAfter: string[];
  timesOfDay: string[];
  periodUnits: { unit: "week" | "month" | "year"; names: string[] }[];
  cues: Row<"shift">[];
  /** «الأمين العام الحالي»: nouns after which «العام» means «general», not «the year» */
  generalNounsBeforeAam: string[];
  demonstratives: string[];
  /** «الأسبوع قبل الماضي»: the word that makes a past cue one step further back */
  beforeLast: string[];
  monthParts: string[];
  futureCues: string[];
  /** future markers that count only as whole words («لن» + verb: «will not») */
  futureCueWordsExact: string[];
  /** words that end the stretch a future cue may govern (a past auxiliary, a temporal subordinator) */
  futureScanStopWords: string[];
  /** a relative pronoun followed by a perfect verb opens a past relative clause («… الذي قدمته الحكومة الثلاثاء») */
  relativePronouns: string[];
  futureVerbPrefix: string;
  futureVerbStopPrefixes: string[];
  futureVerbStopWords: string[];
  yearWords: string[];
  yearAnchors: string[];
  /** «في 2000 موقع»: a number followed by one of these is an amount, not a year */
  countedNouns: string[];
  rangeStart: string[];
  rangeConnectors: string[];
  namedEventNouns: string[];
  /** «مدينة 6 أكتوبر», «قوى 14 آذار»: a date that is part of a name is not a time expression */
  datedNameNouns: string[];
  agoWords: string[];
  agoUnits: { unit: "day" | "week" | "month" | "year"; count: number; names: string[] }[];
  countWords: Row<"count">[];
  decades: Row<"decade">[];
  centuries: Row<"century">[];
  decadeBlockersAfter: string[];
  ordinalDays: Row<"day">[];
  dateLineLabels: string[];
  dateLineLabelsNeedColon: string[];
  dateLineNoise: string[];
}

const dataUrl = (f: string): URL => new URL(`../../data/time/${f}`, import.meta.url);

export function readMonthsFile(): MonthsFile {
  return JSON.parse(readFileSync(dataUrl("months.json"), "utf8")) as MonthsFile;
}
export function readLexiconFile(): LexiconFile {
  return JSON.parse(readFileSync(dataUrl("lexicon.json"), "utf8")) as LexiconFile;
}

/** Problems in the data files (empty when valid). Used by the validator test and at load time. */
export function validateTimeData(months: MonthsFile, lex: LexiconFile): string[] {
  const errs: string[] = [];
  const nonEmpty = (xs: unknown, where: string): void => {
    if (!Array.isArray(xs) || xs.length === 0 || xs.some((x) => typeof x !== "string" || x.trim() === "")) {
      errs.push(`${where}: expected a non-empty list of non-empty strings`);
    }
  };
  for (const [cal, rows] of [["gregorian", months.gregorian], ["hijri", months.hijri]] as const) {
    const seen = new Set<number>();
    for (const r of rows) {
      if (!Number.isInteger(r.month) || r.month < 1 || r.month > 12) errs.push(`${cal}: bad month ${r.month}`);
      seen.add(r.month);
      nonEmpty(r.names, `${cal} ${r.month}`);
      for (const a of r.ambiguous ?? []) if (!r.names.includes(a)) errs.push(`${cal} ${r.month}: ambiguous «${a}» not in names`);
    }
    if (seen.size !== 12) errs.push(`${cal}: months missing`);
  }
  // A normalized month name must mean one month only.
  const owner = new Map<string, string>();
  for (const [cal, rows] of [["g", months.gregorian], ["h", months.hijri]] as const) {
    for (const r of rows) for (const n of r.names) {
      const k = normWord(n), v = `${cal}${r.month}`;
      if (owner.has(k) && owner.get(k) !== v) errs.push(`month name «${n}» maps to two months`);
      owner.set(k, v);
    }
  }
  const systems = new Set(months.gregorian.map((r) => r.system));
  for (const s of systems) {
    const ms = new Set(months.gregorian.filter((r) => r.system === s).map((r) => r.month));
    if (ms.size !== 12) errs.push(`system ${s}: not all 12 months named`);
  }
  const checkRows = (rows: { names: string[] }[], key: string, lo: number, hi: number, where: string): void => {
    if (!Array.isArray(rows) || rows.length === 0) { errs.push(`${where}: empty`); return; }
    for (const r of rows) {
      const v = (r as unknown as Record<string, number>)[key];
      if (!Number.isInteger(v) || v! < lo || v! > hi) errs.push(`${where}: bad ${key} ${v}`);
      nonEmpty(r.names, `${where} ${v}`);
    }
  };
  checkRows(lex.weekdays, "weekday", 0, 6, "weekdays");
  if (new Set(lex.weekdays.map((w) => w.weekday)).size !== 7) errs.push("weekdays: need all 7");
  checkRows(lex.relativeDays, "offset", -7, 7, "relativeDays");
  checkRows(lex.relativeDaysNeedTimeOfDay, "offset", -7, 7, "relativeDaysNeedTimeOfDay");
  checkRows(lex.cues, "shift", -1, 1, "cues");
  checkRows(lex.decades, "decade", 0, 9, "decades");
  checkRows(lex.centuries, "century", 0, 30, "centuries");
  checkRows(lex.ordinalDays, "day", 1, 31, "ordinalDays");
  checkRows(lex.countWords, "count", 2, 99, "countWords");
  checkRows(lex.agoUnits, "count", 0, 2, "agoUnits");
  for (const u of lex.agoUnits) if (!["day", "week", "month", "year"].includes(u.unit)) errs.push(`agoUnits: bad unit ${u.unit}`);
  if (new Set(lex.ordinalDays.map((o) => o.day)).size !== 31) errs.push("ordinalDays: need 1..31");
  // hasFutureCue (rules.ts) tests the future prefix by its char code
  if (lex.futureVerbPrefix !== "س") errs.push("futureVerbPrefix: must be «س»");
  for (const u of lex.periodUnits) {
    if (!["week", "month", "year"].includes(u.unit)) errs.push(`periodUnits: bad unit ${u.unit}`);
    nonEmpty(u.names, `periodUnits ${u.unit}`);
  }
  for (const k of ["weekdayBlockersBefore", "weekdayBlockersAfter", "todayBlockersAfter", "timesOfDay", "demonstratives", "beforeLast", "generalNounsBeforeAam",
    "monthParts", "namedEventNouns", "datedNameNouns", "agoWords", "futureCues", "futureCueWordsExact", "futureScanStopWords", "relativePronouns", "futureVerbStopPrefixes", "futureVerbStopWords", "yearWords", "yearAnchors", "countedNouns", "rangeStart", "rangeConnectors", "decadeBlockersAfter",
    "dateLineLabels", "dateLineLabelsNeedColon", "dateLineNoise"] as const) nonEmpty(lex[k], k);
  return errs;
}

/** Escapes a normalized word for a regex; inner spaces match any run of whitespace. */
export function wordRe(w: string): string {
  return w.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&").replace(/ /g, "\\s+");
}
/** Alternation of words, longest first (so «كانون الثاني» wins over a shorter prefix). */
export function alt(words: Iterable<string>): string {
  const uniq = [...new Set([...words].map(normWord))].sort((a, b) => b.length - a.length);
  return uniq.map(wordRe).join("|");
}

/** The indexed lexicon used by the rules. */
export interface TimeLexicon {
  raw: LexiconFile;
  /** normalized month name (single spaces) → month number */
  gregorian: Map<string, number>;
  ambiguousMonths: Set<string>;
  hijri: Map<string, number>;
  weekdays: Map<string, number>;
  relativeDays: Map<string, number>;
  relativeDaysNeedTod: Map<string, number>;
  cues: Map<string, number>;
  units: Map<string, "week" | "month" | "year">;
  decades: Map<string, number>;
  centuries: Map<string, number>;
  ordinals: Map<string, number>;
  agoUnits: Map<string, { unit: "day" | "week" | "month" | "year"; count: number }>;
  counts: Map<string, number>;
}

function index<K extends string>(rows: Row<K>[], key: K): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) for (const n of r.names) m.set(normWord(n), r[key]);
  return m;
}

let cached: TimeLexicon | null = null;

export function loadTimeLexicon(): TimeLexicon {
  if (cached) return cached;
  const months = readMonthsFile(), raw = readLexiconFile();
  const errs = validateTimeData(months, raw);
  if (errs.length) throw new Error(`data/time is invalid:\n${errs.join("\n")}`);
  const gregorian = new Map<string, number>(), ambiguousMonths = new Set<string>(), hijri = new Map<string, number>();
  for (const r of months.gregorian) {
    for (const n of r.names) gregorian.set(normWord(n), r.month);
    for (const a of r.ambiguous ?? []) ambiguousMonths.add(normWord(a));
  }
  for (const r of months.hijri) for (const n of r.names) hijri.set(normWord(n), r.month);
  const units = new Map<string, "week" | "month" | "year">();
  for (const u of raw.periodUnits) for (const n of u.names) units.set(normWord(n), u.unit);
  cached = {
    raw, gregorian, ambiguousMonths, hijri, units,
    weekdays: index(raw.weekdays, "weekday"),
    relativeDays: index(raw.relativeDays, "offset"),
    relativeDaysNeedTod: index(raw.relativeDaysNeedTimeOfDay, "offset"),
    cues: index(raw.cues, "shift"),
    decades: index(raw.decades, "decade"),
    centuries: index(raw.centuries, "century"),
    ordinals: index(raw.ordinalDays, "day"),
    agoUnits: new Map(raw.agoUnits.flatMap((u) => u.names.map((n) => [normWord(n), { unit: u.unit, count: u.count }] as const))),
    counts: index(raw.countWords, "count"),
  };
  return cached;
}

/** Normalized key of a matched phrase (whitespace runs → one space). */
export const key = (s: string): string => s.replace(/\s+/g, " ").trim();

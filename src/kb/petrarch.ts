/**
 * Import of the PETRARCH Arabic actor dictionary (e.g. UniversalPetrarch `actor_dict_ar_v4.txt`) into KB entries
 * with local ids `rasd:import:…`. Imported entries go to the USER LAYER (outside the repo), never into `data/`.
 *
 * Format (as found in the file): a name line — words joined by "_" (often a trailing "_"), sometimes plain spaces —
 * either followed on the same line by one code `[USAGOV]`, or followed by tab-indented code lines
 * `[IRQGOV 20101221-20140908]`, `[PSEREB > 19870101]`. A code is an ISO alpha-3 country (or IGO) then 3-letter
 * CAMEO agent codes (GOV, MIL, ELI, REB…). Dates are YYYYMMDD; 18000101 / 19700101 are placeholders. The names are
 * lemmatized forms («وزارة دفاع أميركي»), so they match normalized text only partially.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { formatKbFile } from "./format.js";
import { normalizeKey } from "./normalize.js";
import { SECTOR_CODES, KB_SCHEMA, type KbEntry, type KbRole, type SectorCode } from "./types.js";

export interface PetrarchCode {
  /** The code as written, e.g. "IRQGOV". */
  raw: string;
  country: string | null;
  /** true when the code starts with IGO. */
  igo: boolean;
  /** CAMEO agent codes after the country, e.g. ["GOV"], ["CVL", "ELI"]. */
  agents: string[];
  from: string | null;
  to: string | null;
}

export interface PetrarchActor {
  /** Name with "_" turned to spaces. */
  name: string;
  codes: PetrarchCode[];
  /** 1-based line of the name in the file. */
  line: number;
}

const CODE_LINE = /^\s*\[/;
const CODE_RE = /\[\s*([^\]\s]*?)\s*([<>])?\s*(\d{8})?(?:\s*-\s*(\d{8}))?\s*\]/;
/** Dates PETRARCH uses as "open"/"unknown" placeholders. */
const PLACEHOLDER_DATES = new Set(["18000101", "19700101", "22000101"]);
const SECTORS = new Set<string>(SECTOR_CODES);

/** "20101221" → "2010-12-21"; placeholders and impossible dates → null. */
function isoDate(d: string | undefined): string | null {
  if (!d || PLACEHOLDER_DATES.has(d)) return null;
  const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  return /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(iso) ? iso : null;
}

/** Parse one bracketed code. `countries` is the set of valid alpha-3 codes (unknown prefixes are not countries). */
export function parsePetrarchCode(text: string, countries: Set<string>): PetrarchCode | null {
  const m = CODE_RE.exec(text);
  if (!m) return null;
  // "china,CHNCRMEDU" → take the part after a comma; drop "?", "~" and other noise
  const raw = (m[1] ?? "").split(",").pop()!.toUpperCase().replace(/[^A-Z]/g, "");
  if (!raw) return null;
  let rest = raw;
  let country: string | null = null;
  let igo = false;
  const head = raw.slice(0, 3);
  if (head === "IGO") { igo = true; rest = raw.slice(3); }
  else if (countries.has(head)) { country = head; rest = raw.slice(3); }
  const agents = rest.match(/.{3}/g) ?? [];
  let from: string | null = null;
  let to: string | null = null;
  if (m[2] === ">") from = isoDate(m[3]);
  else if (m[2] === "<") to = isoDate(m[3]);
  else { from = isoDate(m[3]); to = isoDate(m[4]); }
  if (from && to && to < from) to = null; // rule petrarch-bad-range: an end before the start is a placeholder
  return { raw, country, igo, agents, from, to };
}

/** Parse the dictionary text into actors (names with their codes). Lines that fit neither shape are skipped. */
export function parsePetrarchActors(text: string, countries: Set<string>): PetrarchActor[] {
  const actors: PetrarchActor[] = [];
  let current: PetrarchActor | null = null;
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith("#")) return;
    if (CODE_LINE.test(line)) {
      const code = parsePetrarchCode(line, countries);
      if (current && code) current.codes.push(code);
      return;
    }
    const at = line.indexOf("[");
    const name = (at >= 0 ? line.slice(0, at) : line).replace(/_/g, " ").replace(/\s+/g, " ").trim();
    if (!name || !/[\u0600-\u06FF]/.test(name)) { current = null; return; }
    current = { name, codes: [], line: i + 1 };
    actors.push(current);
    if (at >= 0) {
      const code = parsePetrarchCode(line.slice(at), countries);
      if (code) current.codes.push(code);
    }
  });
  return actors;
}

/**
 * First words that make a name an organization whatever its codes say (PETRARCH dates groups like persons).
 * Kept here, not in data/, because it only serves this importer's type guess.
 */
const ORG_HEAD_WORDS = new Set([
  "حركة", "منظمة", "قوة", "قوات", "جيش", "وزارة", "مجلس", "حزب", "جبهة", "اتحاد", "جماعة", "هيئة", "وكالة",
  "شركة", "مؤسسة", "جمعية", "لجنة", "كتائب", "تنظيم", "محكمة", "بنك", "صحيفة", "قناة", "جامعة", "شرطة", "حكومة",
].map(normalizeKey));

const sectorOf = (c: PetrarchCode): SectorCode | null => {
  const s = c.agents.find((a) => SECTORS.has(a));
  if (s) return s as SectorCode;
  return c.igo ? "IGO" : null;
};

/**
 * Turn a parsed actor into a KB entry. Type rules (recorded in `note`):
 *  - petrarch-org-head-word: the name starts with حركة، منظمة، وزارة، حزب… → organization;
 *  - petrarch-dated: any code with a date → person (PETRARCH dates the offices people hold), roles office "other";
 *  - petrarch-agent: a sector code or IGO → organization;
 *  - petrarch-country-only: a bare country code → place (cities, regions; also some nisba words).
 */
export function petrarchToEntry(a: PetrarchActor): KbEntry | null {
  if (!a.codes.length) return null;
  const first = a.codes[0]!;
  // a dated code with an agent part (IRQGOV 2010…) marks an office holder; a dated bare country code does not
  const dated = a.codes.some((c) => (c.from || c.to) && c.agents.length > 0);
  const withSector = a.codes.find((c) => sectorOf(c));
  let type: KbEntry["type"];
  let rule: string;
  const orgHead = ORG_HEAD_WORDS.has(normalizeKey(a.name).split(" ")[0] ?? "");
  if (orgHead) { type = "organization"; rule = "petrarch-org-head-word"; }
  else if (dated) { type = "person"; rule = "petrarch-dated"; }
  else if (withSector || first.igo) { type = "organization"; rule = "petrarch-agent"; }
  else if (first.country) { type = "place"; rule = "petrarch-country-only"; }
  else return null;
  const id = `rasd:import:petrarch-${createHash("sha1").update(normalizeKey(a.name)).digest("hex").slice(0, 12)}`;
  const main = withSector ?? first;
  const e: KbEntry = {
    id, type, name: { ar: a.name, en: null }, aliases: [],
    country: main.country ?? a.codes.find((c) => c.country)?.country ?? null,
    igo: null,
    sector: type === "organization" ? sectorOf(main) : null,
    parent: null,
    note: `imported from PETRARCH actor dictionary line ${a.line}; codes ${a.codes.map((c) => c.raw).join(",")}; rule ${rule}`,
  };
  if (type === "person") {
    e.roles = a.codes.map((c): KbRole => ({
      office: "other", country: c.country, igo: c.igo ? "IGO" : null, sector: sectorOf(c), from: c.from, to: c.to,
    }));
  }
  return e;
}

/**
 * Read a PETRARCH actor dictionary file and return KB entries (ids `rasd:import:petrarch-<hash>`), one per distinct
 * normalized name (the first occurrence wins; the file repeats some names with unrelated codes). `countries`: valid alpha-3 codes (default: ISO-shaped).
 * Throws a clear Error when the file is missing or holds no actor.
 */
export function importPetrarchActors(file: string, countries?: Set<string>): KbEntry[] {
  if (!existsSync(file)) throw new Error(`PETRARCH dictionary not found: ${file}`);
  const text = readFileSync(file, "utf8");
  const actors = parsePetrarchActors(text, countries ?? ANY_ALPHA3);
  const byName = new Map<string, PetrarchActor>();
  for (const a of actors) {
    const k = normalizeKey(a.name);
    if (!byName.has(k)) byName.set(k, a);
  }
  const entries = [...byName.values()].map(petrarchToEntry).filter((e): e is KbEntry => e !== null);
  if (!entries.length) throw new Error(`no PETRARCH actor entries found in ${file} (is it an actor dictionary?)`);
  return entries;
}

/** Fallback country test when no KB code list is given: any three capital letters except agent-only codes. */
const ANY_ALPHA3 = new Proxy(new Set<string>(), {
  get(target, prop) {
    if (prop === "has") return (c: string) => /^[A-Z]{3}$/.test(c) && !SECTORS.has(c) && !["ELI", "IMG", "REF", "AGR", "UAF", "SPY", "HLH", "LAB", "MNC", "NGM", "IGO"].includes(c);
    return Reflect.get(target, prop);
  },
});

export interface MergeResult {
  file: string;
  added: number;
  updated: number;
  total: number;
}

/** Merge entries into the user-layer file (created if missing; same id replaces). Never writes into the repo. */
export function mergeIntoUserLayer(entries: KbEntry[], file: string): MergeResult {
  let existing: KbEntry[] = [];
  if (existsSync(file)) {
    let json: { schema?: string; entries?: KbEntry[] };
    try { json = JSON.parse(readFileSync(file, "utf8")); } catch (err) {
      throw new Error(`user layer ${file} is not valid JSON (${(err as Error).message}); fix or remove it`);
    }
    if (json.schema !== KB_SCHEMA || !Array.isArray(json.entries)) throw new Error(`user layer ${file} is not a ${KB_SCHEMA} file`);
    existing = json.entries;
  }
  const byId = new Map(existing.map((e) => [e.id, e]));
  let added = 0;
  let updated = 0;
  for (const e of entries) {
    const { _file, ...clean } = e;
    void _file;
    if (byId.has(e.id)) updated++; else added++;
    byId.set(e.id, clean);
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, formatKbFile({
    schema: KB_SCHEMA,
    description: "Rasd user layer: local additions and imports (rasd kb import). Not part of the repository.",
    sources: ["rasd kb import"],
    entries: [...byId.values()],
  }));
  return { file, added, updated, total: byId.size };
}

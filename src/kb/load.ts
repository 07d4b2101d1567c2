/**
 * Synchronous, cached loader of the knowledge base: every `data/kb/*.json`, every `data/kb/people/*.json`, and
 * optionally the user layer (imports, local additions) kept outside the repo.
 *
 * Loading is lenient so one broken entry never takes the product down: invalid entries and unreadable files are
 * skipped and reported in `kb.problems` (a cheap structural check; the full zod schema is the job of the validator
 * test `src/kb/kb.test.ts` and `rasd kb validate`).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ID_RE } from "./schema.js";
import { normalizeKey } from "./normalize.js";
import { ENTITY_TYPES, KB_AMBIGUOUS_SCHEMA, KB_SCHEMA, KB_STOPWORDS_SCHEMA, type KbAmbiguousFile, type KbEntry } from "./types.js";

export interface Kb {
  /** Content hash of the loaded files: changes whenever any KB file changes. */
  version: string;
  entries: KbEntry[];
  byId: Map<string, KbEntry>;
  /** normalizeKey(name.ar | aliases | name.en | aliases_en) → entries (several when ambiguous). */
  byName: Map<string, KbEntry[]>;
  /** Aliases knowingly shared by several entries (data/kb/ambiguous.json). */
  ambiguous: KbAmbiguousFile["entries"];
  /** Common words no KB form should equal (data/kb/stopwords.json); used by the validator. */
  stopwords?: string[];
  /** Files read, repo-relative for the repo layer, absolute for the user layer. */
  files: string[];
  /** What was skipped while loading (invalid entries, unreadable files, duplicate ids). */
  problems: string[];
}

export interface LoadKbOptions {
  /** Also load the user layer file (see `userLayerPath`). Default false. */
  userLayer?: boolean;
  /** Directory holding the KB files (`*.json` and `people/*.json`). Default: the package's `data/kb`. */
  dataDir?: string;
}

/** The package's own `data/kb` (works from src/ under tsx and from dist/). */
export const DEFAULT_KB_DIR = fileURLToPath(new URL("../../data/kb/", import.meta.url));

/** User layer file: $RASD_KB_USER, else $XDG_DATA_HOME/rasd/kb-user.json, else ~/.local/share/rasd/kb-user.json. */
export function userLayerPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RASD_KB_USER) return env.RASD_KB_USER;
  const base = env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return join(base, "rasd", "kb-user.json");
}

/** The repo's KB files in load order: top-level files sorted, then people files sorted. */
export function listKbFiles(dir: string = DEFAULT_KB_DIR): string[] {
  const jsonIn = (d: string) =>
    existsSync(d) ? readdirSync(d).filter((f) => f.endsWith(".json")).sort().map((f) => join(d, f)) : [];
  return [...jsonIn(dir), ...jsonIn(join(dir, "people"))];
}

const cache = new Map<string, Kb>();
const TYPES = new Set<string>(ENTITY_TYPES);
const isStrings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string");

/**
 * Structural check of one entry at load time: the fields consumers rely on have the right shapes. Much cheaper than
 * the zod schema (which the validator test and `rasd kb validate` apply in full). Returns a reason or null.
 */
function quickCheck(raw: unknown): string | null {
  const e = raw as Record<string, unknown> | null;
  if (!e || typeof e !== "object") return "not an object";
  if (typeof e.id !== "string" || !ID_RE.test(e.id)) return "bad id";
  if (typeof e.type !== "string" || !TYPES.has(e.type)) return "bad type";
  const name = e.name as { ar?: unknown; en?: unknown } | undefined;
  if (!name || typeof name.ar !== "string" || !name.ar) return "no name.ar";
  if (name.en !== undefined && name.en !== null && typeof name.en !== "string") return "bad name.en";
  if (!isStrings(e.aliases)) return "aliases must be a list of strings";
  for (const k of ["aliases_en", "short", "nisba", "metonyms"]) if (e[k] !== undefined && !isStrings(e[k])) return `${k} must be a list of strings`;
  for (const k of ["country", "igo", "sector", "parent", "capital"]) if (e[k] != null && typeof e[k] !== "string") return `bad ${k}`;
  if (e.roles !== undefined && !(Array.isArray(e.roles) && e.roles.every((r) => r && typeof r === "object" && typeof r.office === "string"))) return "bad roles";
  return null;
}

/** Fill absent nullable fields so consumers can rely on them being null rather than undefined. */
function withDefaults(raw: Record<string, unknown>): KbEntry {
  const e = { ...raw } as Record<string, unknown>;
  for (const k of ["country", "igo", "sector", "parent"]) if (e[k] === undefined) e[k] = null;
  const name = e.name as { ar: string; en?: string | null };
  if (name.en === undefined) e.name = { ar: name.ar, en: null };
  return e as unknown as KbEntry;
}

/** Drop cached KBs (after `kb import` wrote the user layer, or in tests). */
export function clearKbCache(): void {
  cache.clear();
}

export function loadKb(opts: LoadKbOptions = {}): Kb {
  const dir = opts.dataDir ?? DEFAULT_KB_DIR;
  const userFile = opts.userLayer ? userLayerPath() : null;
  const key = `${dir}\u0000${userFile ?? ""}`;
  const hit = cache.get(key);
  if (hit) return hit;

  const problems: string[] = [];
  const hash = createHash("sha1");
  const entries: KbEntry[] = [];
  const byId = new Map<string, KbEntry>();
  const ambiguous: KbAmbiguousFile["entries"] = [];
  const stopwords: string[] = [];
  const files: string[] = [];

  const readLayer = (file: string, label: string, override: boolean) => {
    let json: { schema?: unknown; entries?: unknown };
    try {
      const text = readFileSync(file, "utf8");
      hash.update(label).update(text);
      json = JSON.parse(text);
    } catch (err) {
      problems.push(`${label}: unreadable (${(err as Error).message})`);
      return;
    }
    files.push(label);
    if (json?.schema === KB_STOPWORDS_SCHEMA) {
      const words = (json as { words?: unknown }).words;
      if (Array.isArray(words)) stopwords.push(...words.filter((w): w is string => typeof w === "string"));
      return;
    }
    if (json?.schema === KB_AMBIGUOUS_SCHEMA) {
      if (Array.isArray(json.entries)) ambiguous.push(...(json.entries as KbAmbiguousFile["entries"]));
      return;
    }
    if (json?.schema !== KB_SCHEMA || !Array.isArray(json.entries)) {
      problems.push(`${label}: not a ${KB_SCHEMA} file`);
      return;
    }
    json.entries.forEach((raw, i) => {
      const bad = quickCheck(raw);
      if (bad) {
        problems.push(`${label}: entries.${i}: invalid (${bad}), skipped`);
        return;
      }
      const e = { ...withDefaults(raw as Record<string, unknown>), _file: label };
      const prev = byId.get(e.id);
      if (prev && !override) {
        problems.push(`${label}: ${e.id} duplicates an entry of ${prev._file}, skipped`);
        return;
      }
      if (prev) entries[entries.indexOf(prev)] = e; // rule user-layer-overrides: same id in the user layer replaces
      else entries.push(e);
      byId.set(e.id, e);
    });
  };

  for (const f of listKbFiles(dir)) readLayer(f, f.slice(dir.length).replace(/^[/\\]+/, ""), false);
  if (userFile && existsSync(userFile)) readLayer(userFile, userFile, true);

  const byName = new Map<string, KbEntry[]>();
  for (const e of entries) {
    const forms = [e.name.ar, ...e.aliases, ...(e.name.en ? [e.name.en] : []), ...(e.aliases_en ?? [])];
    for (const k of new Set(forms.map(normalizeKey))) {
      const list = byName.get(k);
      if (list) list.push(e);
      else byName.set(k, [e]);
    }
  }

  const kb: Kb = { version: `kb-${hash.digest("hex").slice(0, 12)}`, entries, byId, byName, ambiguous, stopwords, files, problems };
  cache.set(key, kb);
  return kb;
}

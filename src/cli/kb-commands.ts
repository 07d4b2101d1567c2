/**
 * `rasd kb …` commands: stats, show, search, validate, import. The actions are plain functions returning the text
 * to print (tested directly); `registerKbCommands` wires them into commander.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import {
  clearKbCache, findEntries, kbStats, listKbFiles, loadKb, normalizeKey, searchKb, userLayerPath, validateKb,
  validateKbFile, DEFAULT_KB_DIR, KB_SCHEMA, type KbEntry,
} from "../kb/index.js";
import { importPetrarchActors, mergeIntoUserLayer } from "../kb/petrarch.js";

export interface KbCommandResult {
  /** Text for stdout. */
  out: string;
  /** Process exit code: 0 ok, 1 validation/lookup failure, 2 usage or input error. */
  code: number;
}

const strip = (e: KbEntry) => {
  const { _file, ...rest } = e;
  return { ...rest, file: _file };
};

export function kbStatsCommand(opts: { json?: boolean; user?: boolean; dataDir?: string } = {}): KbCommandResult {
  const kb = loadKb({ userLayer: !!opts.user, dataDir: opts.dataDir });
  const s = kbStats(kb);
  if (opts.json) return { out: JSON.stringify(s, null, 2), code: 0 };
  const lines = [`KB ${s.version}: ${s.entries} entries in ${s.files} files`];
  for (const [t, n] of Object.entries(s.byType).sort((a, b) => b[1] - a[1])) lines.push(`  ${t.padEnd(13)} ${n}`);
  lines.push(`countries: ${s.countries.iso} current + ${s.countries.historical} historical/non-ISO; ` +
    `${s.countries.withCapital} with capital, ${s.countries.withNisba} with nisba, ${s.countries.withMetonyms} with metonyms`);
  lines.push(`organizations: ${s.media} media, ${s.igoBodies} IGO bodies; by sector ` +
    Object.entries(s.bySector).map(([k, v]) => `${k} ${v}`).join(", "));
  lines.push(`people: ${s.people.total} (${s.people.withRoles} with roles, ${s.people.withCurrentRole} holding a current role)`);
  lines.push(`aliases: ${s.aliases}; Wikidata ids: ${s.wikidataIds}`);
  if (s.problems) lines.push(`problems while loading: ${s.problems} (run \`rasd kb validate\`)`);
  return { out: lines.join("\n"), code: 0 };
}

export function kbShowCommand(query: string, opts: { user?: boolean; dataDir?: string } = {}): KbCommandResult {
  const hits = findEntries(loadKb({ userLayer: !!opts.user, dataDir: opts.dataDir }), query);
  if (!hits.length) return { out: `no KB entry has the id or name «${query}» (try \`rasd kb search\`)`, code: 1 };
  return { out: JSON.stringify(hits.map(strip), null, 2), code: 0 };
}

export function kbSearchCommand(
  text: string, opts: { json?: boolean; limit?: number; user?: boolean; dataDir?: string } = {},
): KbCommandResult {
  const hits = searchKb(loadKb({ userLayer: !!opts.user, dataDir: opts.dataDir }), text, opts.limit ?? 20);
  if (opts.json) return { out: JSON.stringify(hits.map((h) => ({ ...strip(h.entry), matched: h.form, score: h.score })), null, 2), code: 0 };
  if (!hits.length) return { out: `nothing in the KB matches «${text}»`, code: 1 };
  return {
    out: hits.map((h) => [h.entry.id, h.entry.type, h.entry.country ?? "-", h.entry.name.ar, h.entry.name.en ?? "",
      h.form !== h.entry.name.ar ? `(matched «${h.form}»)` : ""].join("\t").trimEnd()).join("\n"),
    code: 0,
  };
}

function readJson(file: string): { json?: unknown; error?: string } {
  if (!existsSync(file)) return { error: `${file}: file not found` };
  try { return { json: JSON.parse(readFileSync(file, "utf8")) }; } catch (e) {
    return { error: `${file}: not valid JSON (${(e as Error).message})` };
  }
}

/**
 * Validate KB files: with no arguments, every repo file (shape) and the whole KB (cross-file rules). With files,
 * each file's shape plus the cross-file rules of the repo KB with those files put in (same path replaces).
 */
export function kbValidateCommand(files: string[] = [], opts: { dataDir?: string } = {}): KbCommandResult {
  const dir = opts.dataDir ?? DEFAULT_KB_DIR;
  const repoFiles = listKbFiles(dir);
  const targets = files.length ? files.map((f) => resolve(f)) : repoFiles;
  const errors: string[] = [];
  const warnings: string[] = [];
  const entries: KbEntry[] = [];
  const ambiguous: { alias: string; ids: string[] }[] = [];
  const stopwords: string[] = [];
  const add = (file: string, json: unknown) => {
    const j = json as { schema?: string; entries?: unknown[] };
    if (j?.schema === KB_SCHEMA) entries.push(...((j.entries ?? []) as KbEntry[]).map((e) => ({ ...e, _file: file })));
    else if (Array.isArray((j as { words?: unknown })?.words)) stopwords.push(...(j as { words: string[] }).words);
    else if (Array.isArray(j?.entries)) ambiguous.push(...(j.entries as { alias: string; ids: string[] }[]));
  };
  for (const f of targets) {
    const { json, error } = readJson(f);
    if (error) { errors.push(error); continue; }
    const r = validateKbFile(json, f);
    errors.push(...r.errors);
    warnings.push(...r.warnings);
    if (r.ok) add(f, json);
  }
  // context: the repo files not given on the command line
  for (const f of repoFiles) if (!targets.includes(f)) {
    const { json } = readJson(f);
    if (json && validateKbFile(json, f).ok) add(f, json);
  }
  if (!errors.length) {
    const r = validateKb(entries, ambiguous, stopwords);
    errors.push(...r.errors);
    warnings.push(...r.warnings);
  }
  const lines = [...errors.map((e) => `error: ${e}`), ...warnings.map((w) => `warning: ${w}`)];
  lines.push(errors.length
    ? `${errors.length} error(s) in ${targets.length} file(s)`
    : `ok: ${targets.length} file(s), ${entries.length} entries checked`);
  return { out: lines.join("\n"), code: errors.length ? 1 : 0 };
}

/**
 * Import a file into the user layer: a PETRARCH actor dictionary (text) or a `rasd/kb@1` JSON file. Names the repo
 * KB already knows (same normalized name and type) are skipped.
 */
export function kbImportCommand(
  file: string, opts: { userFile?: string; dryRun?: boolean; dataDir?: string } = {},
): KbCommandResult {
  if (!existsSync(file)) return { out: `error: ${file}: file not found`, code: 2 };
  const kb = loadKb({ dataDir: opts.dataDir });
  let entries: KbEntry[];
  let format: string;
  if (/\.json$/i.test(file)) {
    format = KB_SCHEMA;
    const { json, error } = readJson(file);
    if (error) return { out: `error: ${error}`, code: 2 };
    const r = validateKbFile(json, file);
    if (!r.ok) return { out: [`error: ${file} is not a valid ${KB_SCHEMA} file:`, ...r.errors.slice(0, 20)].join("\n"), code: 2 };
    entries = (json as { entries: KbEntry[] }).entries;
  } else {
    format = "PETRARCH actor dictionary";
    const countries = new Set(kb.entries.filter((e) => e.type === "country" && e.iso3).map((e) => e.iso3!));
    try { entries = importPetrarchActors(file, countries); } catch (e) {
      return { out: `error: ${(e as Error).message}`, code: 2 };
    }
  }
  // rule import-skip-known: do not shadow repo entries with imported duplicates
  const known = (e: KbEntry) => (kb.byName.get(normalizeKey(e.name.ar)) ?? []).some((k) => k.type === e.type);
  const fresh = entries.filter((e) => !kb.byId.has(e.id) && !known(e));
  const byType: Record<string, number> = {};
  for (const e of fresh) byType[e.type] = (byType[e.type] ?? 0) + 1;
  const target = opts.userFile ?? userLayerPath();
  const head = `${format}: ${entries.length} entries read, ${entries.length - fresh.length} already in the KB, ` +
    `${fresh.length} to import (${Object.entries(byType).map(([t, n]) => `${t} ${n}`).join(", ") || "none"})`;
  if (opts.dryRun) return { out: `${head}\ndry run: nothing written`, code: 0 };
  let merged;
  try { merged = mergeIntoUserLayer(fresh, target); } catch (e) { return { out: `error: ${(e as Error).message}`, code: 2 }; }
  clearKbCache();
  return { out: `${head}\nuser layer ${merged.file}: ${merged.added} added, ${merged.updated} updated, ${merged.total} total`, code: 0 };
}

function emit(r: KbCommandResult): void {
  (r.code === 0 ? console.log : console.error)(r.out);
  if (r.code) process.exitCode = r.code;
}

export function registerKbCommands(program: Command): void {
  const kb = program.command("kb").description("knowledge base: stats, look-ups, validation, imports");
  kb.command("stats").description("counts by type, country, sector")
    .option("--json", "print JSON").option("--user", "include the user layer")
    .action((o: { json?: boolean; user?: boolean }) => emit(kbStatsCommand(o)));
  kb.command("show").argument("<id|name>", "an entry id (Q159, rasd:…) or a name/alias").description("JSON of matching entries")
    .option("--user", "include the user layer")
    .action((q: string, o: { user?: boolean }) => emit(kbShowCommand(q, o)));
  kb.command("search").argument("<text>", "text contained in a name, alias, nisba or metonym").description("search entries")
    .option("--json", "print JSON").option("--limit <n>", "maximum hits", (v) => Number.parseInt(v, 10), 20)
    .option("--user", "include the user layer")
    .action((t: string, o: { json?: boolean; limit?: number; user?: boolean }) => emit(kbSearchCommand(t, o)));
  kb.command("validate").argument("[files...]", "KB files (default: all repo KB files)").description("validate KB files")
    .action((files: string[]) => emit(kbValidateCommand(files)));
  kb.command("import").argument("<file>", "PETRARCH actor dictionary (.txt) or rasd/kb@1 JSON")
    .description(`add entries to the user layer (${userLayerPath()})`)
    .option("--user-file <path>", "user layer file to write").option("--dry-run", "parse and count only")
    .action((file: string, o: { userFile?: string; dryRun?: boolean }) => emit(kbImportCommand(file, o)));
}

/**
 * `rasd extract <files|dirs|->`: pages → rasd/article@1 records.
 * One input: pretty JSON on stdout. --format jsonl (or several inputs): one record per line.
 * --out DIR: DIR/<input name>.json per input. Bad inputs are reported on stderr and the batch goes on;
 * the exit code is 1 when any input failed, with a summary line at the end.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { readInputs, isInputError, type InputDoc, type InputError } from "../ingest/index.js";
import { extractDocument } from "../extract.js";
import type { ArticleRecord } from "../record.js";

export interface ExtractOptions {
  out?: string;
  format?: "json" | "jsonl";
  quiet?: boolean;
}

export interface ExtractSummary {
  ok: number;
  failed: number;
}

function safeName(name: string): string {
  return name.replace(/[#/\\:*?"<>|]+/g, "-");
}

/** Run extraction over inputs, writing records through `emit`. Errors go to `warn`. */
export async function runExtract(
  inputs: string[],
  opts: ExtractOptions,
  io: { stdout: (s: string) => void; stderr: (s: string) => void } = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  },
): Promise<ExtractSummary> {
  const summary: ExtractSummary = { ok: 0, failed: 0 };
  if (opts.out) await mkdir(opts.out, { recursive: true });
  const records: ArticleRecord[] = [];
  const used = new Set<string>();
  let streaming = opts.format === "jsonl";
  const fail = (e: InputError) => {
    summary.failed++;
    io.stderr(`rasd: error: ${e.error}\n`);
  };
  for await (const item of readInputs(inputs, { exclude: opts.out ? [opts.out] : [] })) {
    if (isInputError(item)) { fail(item); continue; }
    let rec: ArticleRecord;
    try {
      rec = extractDocument(item as InputDoc);
    } catch (e) {
      fail({ error: `${item.path ?? "<stdin>"}${item.name.includes("#") ? " " + item.name.slice(item.name.indexOf("#")) : ""}: extraction failed: ${(e as Error).message}`, path: item.path, name: item.name });
      continue;
    }
    summary.ok++;
    if (opts.out) {
      let base = safeName(item.name);
      for (let k = 2; used.has(base); k++) base = `${safeName(item.name)}-${k}`;
      used.add(base);
      await writeFile(path.join(opts.out, base + ".json"), JSON.stringify(rec, null, 2) + "\n");
    } else if (streaming) {
      io.stdout(JSON.stringify(rec) + "\n");
    } else {
      records.push(rec);
      // More than one record and no format asked: switch to JSON Lines so output stays streamable.
      if (records.length > 1) {
        streaming = true;
        for (const r of records) io.stdout(JSON.stringify(r) + "\n");
        records.length = 0;
      }
    }
  }
  if (!opts.out && records.length === 1) io.stdout(JSON.stringify(records[0], null, 2) + "\n");
  if (summary.failed > 0 || (!opts.quiet && opts.out)) {
    io.stderr(`rasd extract: ${summary.ok} extracted, ${summary.failed} failed${opts.out ? ` (written to ${opts.out})` : ""}\n`);
  }
  return summary;
}

export function registerExtractCommand(program: Command): void {
  program
    .command("extract")
    .description("turn Arabic news pages (.txt, .html, .json, .jsonl, directories or - for stdin) into rasd/article@1 records")
    .argument("<inputs...>", "files, directories or - (stdin)")
    .option("-o, --out <dir>", "write <dir>/<input name>.json for each input")
    .option("-f, --format <format>", "json (one pretty record) or jsonl (one record per line)", "json")
    .option("-q, --quiet", "no summary line when everything succeeded")
    .action(async (inputs: string[], o: { out?: string; format: string; quiet?: boolean }) => {
      if (o.format !== "json" && o.format !== "jsonl") {
        process.stderr.write(`rasd extract: unknown --format "${o.format}" (use json or jsonl)\n`);
        process.exitCode = 2;
        return;
      }
      const s = await runExtract(inputs, { out: o.out, format: o.format, quiet: o.quiet });
      if (s.failed > 0) process.exitCode = 1;
      if (s.ok === 0 && s.failed === 0) {
        process.stderr.write("rasd extract: no input files found\n");
        process.exitCode = 1;
      }
    });
}

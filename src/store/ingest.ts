/**
 * Batch ingest into the store: paths → documents (src/ingest) → records (src/extract) → store.
 *
 * - Idempotent: the key is the article id; an identical record is skipped, a changed one replaces the old.
 * - Crash-safe: records are committed in batches (one transaction each, DEFAULT_BATCH records or MAX_BATCH_MS); a
 *   killed run loses at most the uncommitted batch, and re-running completes it (nothing doubled: upserts are keyed
 *   on the id). Records are written into the open batch as they arrive (Store.openBatch).
 * - Bad inputs (unreadable, undecodable, extraction errors) are reported and the batch goes on.
 * - Already-extracted records (`rasd/article@1` JSON or JSON Lines, e.g. the output of `rasd extract`) are
 *   stored as they are, without re-extraction.
 * - Extraction runs on worker threads (src/ingest/pool.ts; `threads`, default cores − 1) while the main thread keeps
 *   reading inputs and committing batches; records are stored in input order, as before. `threads: 0` (or a custom
 *   `extract` function) extracts in the main thread.
 * - The workers also prepare each record for the store (src/store/prepare.ts: JSON, hash, packed record, FTS strings,
 *   MinHash, entity contributions), so the main thread's per-article work is reading inputs and the SQLite writes.
 */
import { open, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { INPUT_EXTENSIONS, readInputFile, readInputs } from "../ingest/index.js";
import { ExtractPool } from "../ingest/pool.js";
import { isInputError, type InputDoc } from "../ingest/types.js";
import { SCHEMA, type ArticleRecord } from "../record.js";
import type { PreparedRecord } from "./prepare.js";
import type { BatchWriter, Store, UpsertResult } from "./store.js";

export interface IngestOptions {
  /** records per transaction (default DEFAULT_BATCH) */
  batchSize?: number;
  /** progress bar on stderr (default: when stderr is a TTY) */
  progress?: boolean;
  /** extraction function (default: the pipeline's extractDocument, on worker threads); a custom one runs in the main thread */
  extract?: (doc: InputDoc) => ArticleRecord;
  /** extraction worker threads (default max(1, available cores − 1)); 0 = extract in the main thread */
  threads?: number;
  /** called after each committed batch */
  onBatch?: (done: number) => void;
  /** where progress goes (default process.stderr) */
  stream?: NodeJS.WriteStream;
}

export interface IngestError {
  name: string;
  path: string | null;
  error: string;
}

export interface IngestSummary {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: IngestError[];
  seconds: number;
  perSecond: number;
}

type Item = { record: ArticleRecord } | { error: IngestError } | { doc: InputDoc };

/**
 * Records per transaction (rule `large-batches`). A commit writes every page the batch touched to the WAL, and
 * random-order index inserts (LSH bands, timeline, events by timeline) touch a page per row: 100 articles wrote ~38
 * pages each, 400 ~17 (−23% CPU). At a few hundred articles/s a batch is still ~1–2 s of work to lose on a crash.
 */
export const DEFAULT_BATCH = 500;
/** A batch is committed after this long even if not full: readers see progress, other writers get the lock. */
export const MAX_BATCH_MS = 2000;

/** Walk paths (directories recursively, sorted) into input files; "-" passes through for stdin. */
async function* walk(p: string): AsyncGenerator<string | IngestError> {
  if (p === "-") { yield p; return; }
  let st;
  try {
    st = await stat(p);
  } catch (e) {
    yield { name: path.basename(p), path: p, error: `${p}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (e as Error).message}` };
    return;
  }
  if (!st.isDirectory()) { yield p; return; }
  // Directory entries carry their type: no stat per file (symbolic links and unknown types are stat'ed).
  const entries = (await readdir(p, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const n = e.name;
    if (n.startsWith(".")) continue;
    const child = path.join(p, n);
    const known = e.isDirectory() || e.isFile();
    const cst = known ? null : await stat(child).catch(() => null);
    const isDir = known ? e.isDirectory() : !!cst?.isDirectory();
    const exists = known || !!cst;
    if (isDir) yield* walk(child);
    else if (exists && INPUT_EXTENSIONS.includes(path.extname(n).toLowerCase())) yield child;
  }
}

/** Does the file hold rasd/article@1 records? (peek at its first bytes) */
async function isRecordFile(f: string): Promise<boolean> {
  if (!/\.(json|jsonl|ndjson)$/i.test(f)) return false;
  const fh = await open(f, "r").catch(() => null);
  if (!fh) return false;
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return /"schema"\s*:\s*"rasd\/article@1"/.test(buf.subarray(0, bytesRead).toString("utf8"));
  } finally {
    await fh.close();
  }
}

/** Validate the minimum a stored record needs. */
export function checkRecord(x: unknown): string | null {
  if (!x || typeof x !== "object") return "not a JSON object";
  const r = x as Partial<ArticleRecord>;
  if (r.schema !== SCHEMA) return `schema is not ${SCHEMA}`;
  if (typeof r.id !== "string" || !r.id) return "missing id";
  if (typeof r.body !== "string") return "missing body";
  for (const k of ["entities", "times", "events"] as const) if (r[k] !== undefined && !Array.isArray(r[k])) return `${k} is not an array`;
  return null;
}

async function* recordsOfFile(f: string): AsyncGenerator<Item> {
  const text = await readFile(f, "utf8");
  const name = path.basename(f).replace(/\.[^.]+$/, "");
  const lines = /\.json$/i.test(f) ? null : text.split(/\r?\n/);
  const objs: { o: unknown; where: string }[] = [];
  if (lines === null) {
    try {
      const parsed = JSON.parse(text) as unknown;
      (Array.isArray(parsed) ? parsed : [parsed]).forEach((o, i) => objs.push({ o, where: Array.isArray(parsed) ? `#${i + 1}` : "" }));
    } catch (e) {
      yield { error: { name, path: f, error: `${f}: invalid JSON (${(e as Error).message})` } };
      return;
    }
  } else {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (!line) continue;
      try {
        objs.push({ o: JSON.parse(line), where: `#${i + 1}` });
      } catch (e) {
        yield { error: { name: `${name}#${i + 1}`, path: f, error: `${f} line ${i + 1}: invalid JSON (${(e as Error).message})` } };
      }
    }
  }
  for (const { o, where } of objs) {
    const problem = checkRecord(o);
    if (problem) yield { error: { name: name + where, path: f, error: `${f}${where}: ${problem}` } };
    else yield { record: o as ArticleRecord };
  }
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function* items(paths: string[]): AsyncGenerator<Item> {
  for (const p of paths) {
    for await (const f of walk(p)) {
      if (typeof f !== "string") { yield { error: f }; continue; }
      if (f !== "-" && (await isRecordFile(f))) { yield* recordsOfFile(f); continue; }
      for (const d of f === "-" ? await collect(readInputs([f])) : await readInputFile(f)) {
        if (isInputError(d)) yield { error: { name: d.name, path: d.path, error: d.error } };
        else yield { doc: d };
      }
    }
  }
}

/** Count input files up front (for the progress bar); JSONL files count as one. */
async function countFiles(paths: string[]): Promise<number | null> {
  let n = 0;
  for (const p of paths) {
    if (p === "-") return null;
    for await (const f of walk(p)) if (typeof f === "string") n++;
  }
  return n;
}

class Progress {
  private last = 0;
  constructor(private stream: NodeJS.WriteStream, private total: number | null, private t0: number) {}
  update(done: number, errors: number, force = false): void {
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const rate = done / Math.max(0.001, (now - this.t0) / 1000);
    const width = 24;
    let bar = "";
    if (this.total) {
      const frac = Math.min(1, done / this.total);
      const full = Math.round(frac * width);
      bar = `▕${"█".repeat(full)}${"░".repeat(width - full)}▏ ${done}/${this.total} ${Math.round(frac * 100)}%`;
    } else {
      bar = `${done} done`;
    }
    this.stream.write(`\r\x1b[2K ingest ${bar} · ${rate.toFixed(0)}/s${errors ? ` · ${errors} errors` : ""}`);
  }
  end(): void {
    this.stream.write("\n");
  }
}

/** Store already-built records, committed per batch. */
export async function ingestRecords(store: Store, records: AsyncIterable<ArticleRecord> | Iterable<ArticleRecord>, opts: IngestOptions = {}): Promise<IngestSummary> {
  async function* asItems(): AsyncGenerator<Item> {
    for await (const r of records as AsyncIterable<ArticleRecord>) yield { record: r };
  }
  return run(store, asItems(), null, opts);
}

/** Read, extract and store every input under `paths`. */
export async function ingestPaths(store: Store, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const stream = opts.stream ?? process.stderr;
  const showProgress = opts.progress ?? !!stream.isTTY;
  const total = showProgress ? await countFiles(paths) : null;
  return run(store, items(paths), total, opts);
}

async function run(store: Store, source: AsyncIterable<Item>, total: number | null, opts: IngestOptions): Promise<IngestSummary> {
  const stream = opts.stream ?? process.stderr;
  const showProgress = opts.progress ?? !!stream.isTTY;
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH);
  const t0 = Date.now();
  const progress = showProgress ? new Progress(stream, total, t0) : null;
  const sum: IngestSummary = { read: 0, inserted: 0, updated: 0, unchanged: 0, errors: [], seconds: 0, perSecond: 0 };
  // Records go into an open write transaction as they arrive (Store.openBatch), committed every `batchSize`
  // records or MAX_BATCH_MS: the event loop keeps turning between records, so the workers never wait for a long
  // synchronous batch write (rule `streamed-batches`), and transactions stay large.
  let writer: BatchWriter | null = null;
  let inBatch = 0;
  let done = 0;

  const commit = (): void => {
    if (!writer) return;
    writer.commit();
    writer = null;
    done += inBatch;
    inBatch = 0;
    opts.onBatch?.(done);
  };
  const put = (r: ArticleRecord | PreparedRecord): void => {
    writer ??= store.openBatch();
    inBatch++;
    try {
      const res: UpsertResult = writer.add(r);
      sum[res]++;
    } catch (e) {
      // One bad record does not sink its batch: the writer leaves no trace of it (batch-replay); it is reported.
      const rec = "packed" in r ? r.record : r;
      sum.errors.push({ name: rec?.id ?? "?", path: rec?.source?.path ?? null, error: `store: ${(e as Error).message}` });
    }
    if (inBatch >= batchSize || writer.age >= MAX_BATCH_MS) commit();
  };

  // Documents go to the extraction pool; results (and the items that need no extraction) come back in input order.
  const pool = new ExtractPool({
    threads: opts.extract ? 0 : opts.threads,
    inlineExtract: opts.extract,
    prepare: true,
    onWarning: (m) => stream.write(`${progress ? "\n" : ""}warning: ${m}\n`),
  });
  try {
    for await (const r of pool.map(source, (it) => ("doc" in it ? it.doc : null))) {
      const it = r.item;
      sum.read++;
      if ("error" in it) {
        sum.errors.push(it.error);
      } else {
        const rec = "record" in it ? it.record : (r.prepared ?? r.record);
        if (r.error) sum.errors.push({ name: r.doc.name, path: r.doc.path, error: `${r.doc.path ?? r.doc.name}: extraction failed: ${r.error.message}` });
        if (rec) put(rec);
      }
      progress?.update(sum.read, sum.errors.length);
    }
    commit();
  } finally {
    (writer as BatchWriter | null)?.rollback(); // only when the loop threw: a batch left open is not committed
    await pool.close();
  }
  if (progress) { progress.update(sum.read, sum.errors.length, true); progress.end(); }
  sum.seconds = (Date.now() - t0) / 1000;
  sum.perSecond = Math.round((sum.read / Math.max(0.001, sum.seconds)) * 10) / 10;
  return sum;
}

/** One-line human summary. */
export function formatSummary(s: IngestSummary): string {
  return `ingested ${s.read} input(s) in ${s.seconds.toFixed(1)} s (${s.perSecond}/s): ${s.inserted} new, ${s.updated} updated, ` +
    `${s.unchanged} unchanged, ${s.errors.length} error(s)`;
}

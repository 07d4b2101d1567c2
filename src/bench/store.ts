/**
 * Store benchmark: ingest N articles, then measure search and timeline latency (p95), peak RSS and database size.
 *
 * Two ingest modes:
 *   - end to end (`benchStoreEndToEnd`, what `npm run bench` runs): N generated text pages written as files, then
 *     read, extracted on the worker pool and stored through the real ingest path (`ingestPaths`); wall-clock rate.
 *   - records (`benchStore`): records from a generator stored with `upsertMany` in batches (the store alone).
 * Standalone:
 *   node --import tsx src/bench/store.ts [--articles 20000] [--batch 500] [--db /tmp/rasd-bench-store.db]
 *     synthetic records; reports the store's CPU per article overall and per window of 10,000 articles
 *   node --import tsx src/bench/store.ts --e2e [--articles 20000] [--dir .bench/store-input] [--threads N] [--db …]
 *   node --import tsx src/bench/store.ts --queries-only --db .bench/store.db                     latencies only
 * Targets on 100,000 articles: ingest ≥ 300/s end to end, search p95 ≤ 50 ms, timeline p95 ≤ 100 ms, peak RSS ≤ 1 GB.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { defaultThreads } from "../ingest/pool.js";
import type { ArticleRecord } from "../record.js";
import { ingestPaths } from "../store/ingest.js";
import { syntheticRecord, rng } from "../store/sample.js";
import { Store } from "../store/store.js";
import { actorCode } from "../store/timeline.js";
import { textPage } from "./corpus.js";

export interface StoreBenchResult {
  ingestPerSec: number;
  /** records mode: CPU of the store writes alone (upsertMany: preparation included), ms per article, overall */
  storeCpuMsPerArticle?: number;
  /** records mode: the same per window of 10,000 articles (how the cost grows with the store) */
  storeCpuMsPerWindow?: number[];
  searchP95ms: number;
  timelineP95ms: number;
  peakRssMB: number;
  dbSizeMB: number;
}

export interface EndToEndResult extends StoreBenchResult {
  articles: number;
  threads: number;
  ingestSeconds: number;
  /** main-thread CPU per article during the ingest (reading, decoding, message handling, SQLite writes); null off Linux */
  mainCpuMsPerArticle: number | null;
  errors: number;
  searchMedianMs: number;
  timelineMedianMs: number;
}

function quantile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(s.length * q))]! * 100) / 100;
}
const p95 = (xs: number[]) => quantile(xs, 0.95);

/** Query material sampled from records: words of titles, entity spellings, actor codes and dyads. */
interface QueryMaterial {
  words: string[];
  actors: Set<string>;
  dyads: [string, string][];
}

function sampleQueries(rec: ArticleRecord, r: () => number, m: QueryMaterial): void {
  const words = (rec.title ?? rec.body.slice(0, 200)).split(/\s+/).filter((w) => w.length >= 4);
  if (words.length) m.words.push(words[Math.floor(r() * words.length)]!);
  const ent = rec.entities[Math.floor(r() * rec.entities.length)];
  if (ent) m.words.push(ent.mentions[0]?.text ?? ent.name.ar);
  for (const ev of rec.events) {
    const a = actorCode(ev.source), b = actorCode(ev.target);
    if (a) m.actors.add(a);
    if (a && b) m.dyads.push([a, b]);
  }
}

/** Search and timeline latencies on a filled store. */
function measureQueries(store: Store, m: QueryMaterial): { search: number[]; timeline: number[] } {
  const queries = [
    ...m.words.slice(0, 60),
    "بيونغ يانغ", "بوتين", "الولايات المتحدة", "وزير الخارجية", "عقوبات جديدة", "كوريا الشمالية", "بيونغيانغ",
  ];
  store.search("تجربة"); // warm-up: loads the knowledge-base variant index once per process
  const search: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    store.search(q, { limit: 20 });
    search.push(performance.now() - t);
  }
  const timeline: number[] = [];
  const actorList = [...m.actors];
  for (let k = 0; k < 40 && actorList.length; k++) {
    const a = actorList[k % actorList.length]!;
    const t = performance.now();
    store.timeline({ actor: a, limit: 100 });
    timeline.push(performance.now() - t);
  }
  for (const [a, b] of m.dyads.slice(0, 40)) {
    const t = performance.now();
    store.timeline({ actor: a, target: b, limit: 100 });
    timeline.push(performance.now() - t);
  }
  return { search, timeline };
}

/**
 * CPU time of the main thread alone (process.cpuUsage counts the worker threads too): utime + stime of the
 * thread whose id is the process id, from /proc (Linux; clock ticks of 10 ms). Null where /proc is missing.
 */
export function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) * 10; // fields 14 and 15 of stat(5), counted after the command name
  } catch {
    return null;
  }
}

function dbSize(dbPath: string): number {
  return ["", "-wal"].reduce((n, s) => n + (existsSync(dbPath + s) ? statSync(dbPath + s).size : 0), 0);
}

function removeDb(dbPath: string): void {
  for (const suffix of ["", "-wal", "-shm"]) if (existsSync(dbPath + suffix)) rmSync(dbPath + suffix);
}

/** Search and timeline latencies on a filled store, with query material from 1% of its records. */
export function benchQueries(store: Store): { search: number[]; timeline: number[] } {
  const r = rng(42);
  const m: QueryMaterial = { words: [], actors: new Set(), dyads: [] };
  const ids = store.db.prepare("SELECT id FROM articles WHERE rid % 100 = 7 ORDER BY rid").pluck().all() as string[];
  for (const id of ids) {
    const rec = store.getArticle(id);
    if (rec) sampleQueries(rec, r, m);
  }
  return measureQueries(store, m);
}

/** Records mode: `makeRecord(i)` for i < articles, stored with upsertMany in batches (the store alone). */
export async function benchStore(opts: {
  articles: number;
  dbPath: string;
  makeRecord: (i: number) => ArticleRecord;
  /** queries to time (default: words and entity names sampled from the records) */
  queries?: string[];
  batchSize?: number;
  log?: (s: string) => void;
}): Promise<StoreBenchResult> {
  const log = opts.log ?? (() => {});
  removeDb(opts.dbPath);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  const store = Store.open(opts.dbPath);
  try {
    const batchSize = opts.batchSize ?? 100;
    const r = rng(42);
    const m: QueryMaterial = { words: [], actors: new Set(), dyads: [] };
    const t0 = performance.now();
    // CPU time of the store writes alone (no worker threads in this mode: process CPU is this thread's).
    const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    let storeCpu = 0, windowCpu = 0, windowN = 0;
    const windows: number[] = [];
    const write = (b: ArticleRecord[]) => {
      const c = cpuMs();
      store.upsertMany(b);
      const d = cpuMs() - c;
      storeCpu += d; windowCpu += d; windowN += b.length;
    };
    let batch: ArticleRecord[] = [];
    for (let i = 0; i < opts.articles; i++) {
      const rec = opts.makeRecord(i);
      batch.push(rec);
      if (r() < 0.01) sampleQueries(rec, r, m); // query material from a sample of the records
      if (batch.length >= batchSize) {
        write(batch);
        batch = [];
        peak = Math.max(peak, process.memoryUsage().rss);
        if ((i + 1) % 10_000 < batchSize) {
          windows.push(Math.round((windowCpu / windowN) * 1000) / 1000);
          log(`  ${i + 1} articles, ${Math.round((i + 1) / ((performance.now() - t0) / 1000))}/s, store CPU ${windows[windows.length - 1]} ms/article over the last ${windowN}`);
          windowCpu = 0; windowN = 0;
          await new Promise((res) => setImmediate(res));
        }
      }
    }
    if (batch.length) write(batch);
    const ingestSec = (performance.now() - t0) / 1000;
    store.db.pragma("wal_checkpoint(TRUNCATE)");
    if (opts.queries) m.words = opts.queries;
    const q = measureQueries(store, m);
    // Sampled RSS (not the process maxRSS: the caller may have run other benches in this process before).
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      ingestPerSec: Math.round(opts.articles / ingestSec),
      storeCpuMsPerArticle: Math.round((storeCpu / Math.max(1, opts.articles)) * 1000) / 1000,
      storeCpuMsPerWindow: windows,
      searchP95ms: p95(q.search),
      timelineP95ms: p95(q.timeline),
      peakRssMB: Math.round(peak / 1048576),
      dbSizeMB: Math.round(dbSize(opts.dbPath) / 1048576),
    };
  } finally {
    clearInterval(sampler);
    store.close();
  }
}

/** Page i of the store benchmark's input (text pages, disjoint from the extract benchmark's corpus). */
export const storeBenchPage = (i: number) => textPage(1_000_000 + 2 * i);
/** Its file name (without generating the page). */
export const storeBenchFile = (i: number) => `t${String(1_000_000 + 2 * i).padStart(6, "0")}.txt`; // = storeBenchPage(i).name + ".txt"

/**
 * Write the N input pages as files under `dir` (kept between runs: only missing files are written; files beyond N
 * are removed, so the directory holds exactly the N pages). Not part of the timed ingest.
 */
export function writeStorePages(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  const want = new Set<string>();
  for (let i = 0; i < n; i++) want.add(storeBenchFile(i));
  const have = new Set(readdirSync(dir));
  for (const f of have) if (!want.has(f)) rmSync(path.join(dir, f));
  for (let i = 0; i < n; i++) {
    const f = storeBenchFile(i);
    if (!have.has(f)) writeFileSync(path.join(dir, f), storeBenchPage(i).content);
  }
}

/**
 * End to end: the N pages in `inputDir` (writeStorePages) read, extracted on the worker pool and stored through
 * `ingestPaths`, timed wall-clock; then query latencies. Peak RSS is the process maxRSS (worker threads included):
 * run it in a fresh process (bench/run.ts does) for a figure of the store alone.
 */
export async function benchStoreEndToEnd(opts: {
  inputDir: string;
  dbPath: string;
  threads?: number;
  batchSize?: number;
  log?: (s: string) => void;
}): Promise<EndToEndResult> {
  const log = opts.log ?? (() => {});
  removeDb(opts.dbPath);
  const store = Store.open(opts.dbPath);
  const threads = opts.threads ?? defaultThreads();
  try {
    const t0 = performance.now();
    const c0 = mainThreadCpuMs();
    let nextLog = 10_000;
    const s = await ingestPaths(store, [opts.inputDir], {
      threads, batchSize: opts.batchSize, progress: false,
      onBatch: (done) => {
        if (done < nextLog) return;
        nextLog += 10_000;
        log(`  ${done} articles, ${Math.round(done / ((performance.now() - t0) / 1000))}/s, RSS ${Math.round(process.memoryUsage().rss / 1048576)} MB`);
      },
    });
    const ingestSec = (performance.now() - t0) / 1000;
    const c1 = mainThreadCpuMs();
    store.db.pragma("wal_checkpoint(TRUNCATE)");
    const n = s.inserted + s.updated + s.unchanged;
    const q = benchQueries(store);
    return {
      articles: n,
      threads,
      ingestSeconds: Math.round(ingestSec * 10) / 10,
      ingestPerSec: Math.round(n / ingestSec),
      mainCpuMsPerArticle: c0 === null || c1 === null ? null : Math.round(((c1 - c0) / Math.max(1, n)) * 1000) / 1000,
      errors: s.errors.length,
      searchP95ms: p95(q.search),
      searchMedianMs: quantile(q.search, 0.5),
      timelineP95ms: p95(q.timeline),
      timelineMedianMs: quantile(q.timeline, 0.5),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      dbSizeMB: Math.round(dbSize(opts.dbPath) / 1048576),
    };
  } finally {
    store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, def: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : def;
  };
  const articles = Number(arg("--articles", "20000"));
  const dbPath = arg("--db", "/tmp/rasd-bench-store.db");
  const log = (s: string) => process.stderr.write(s + "\n");
  const run = process.argv.includes("--queries-only")
    ? Promise.resolve().then(() => {
      // Query latencies on an existing store (e.g. the one `npm run bench` left in .bench/store.db).
      const store = Store.open(dbPath, { readonly: true, checkIndex: false });
      try {
        const q = benchQueries(store);
        return { articles: store.count().articles, searchP95ms: p95(q.search), searchMedianMs: quantile(q.search, 0.5),
          timelineP95ms: p95(q.timeline), timelineMedianMs: quantile(q.timeline, 0.5) };
      } finally {
        store.close();
      }
    })
    : process.argv.includes("--e2e")
    ? (() => {
      const dir = path.resolve(arg("--dir", ".bench/store-input"));
      writeStorePages(dir, articles);
      const threads = process.argv.includes("--threads") ? Number(arg("--threads", "1")) : undefined;
      return benchStoreEndToEnd({ inputDir: dir, dbPath, threads, log });
    })()
    : benchStore({ articles, dbPath, makeRecord: syntheticRecord, log, batchSize: Number(arg("--batch", "100")) })
      .then((r) => ({ articles, ...r }));
  run
    .then((r) => process.stdout.write(JSON.stringify(r, null, 2) + "\n"))
    .catch((e: unknown) => { process.stderr.write(String(e) + "\n"); process.exitCode = 1; });
}

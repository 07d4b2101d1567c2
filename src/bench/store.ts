/**
 * Store benchmark: ingest N records, then measure search and timeline latency (p95), peak RSS and database size.
 * Used by the lead's bench (`benchStore`) and runnable standalone with a synthetic generator:
 *   node --import tsx src/bench/store.ts [--articles 20000] [--db /tmp/rasd-bench.db]
 * Targets on 100,000 articles: ingest ≥ 300/s, search p95 ≤ 50 ms, timeline p95 ≤ 100 ms, peak RSS ≤ 1 GB.
 */
import { existsSync, rmSync, statSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { ArticleRecord } from "../record.js";
import { syntheticRecord, rng } from "../store/sample.js";
import { Store } from "../store/store.js";
import { actorCode } from "../store/timeline.js";

export interface StoreBenchResult {
  ingestPerSec: number;
  searchP95ms: number;
  timelineP95ms: number;
  peakRssMB: number;
  dbSizeMB: number;
}

function p95(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! * 100) / 100;
}

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
  for (const suffix of ["", "-wal", "-shm"]) if (existsSync(opts.dbPath + suffix)) rmSync(opts.dbPath + suffix);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  const store = Store.open(opts.dbPath);
  try {
    const batchSize = opts.batchSize ?? 100;
    const r = rng(42);
    const sampleWords: string[] = [];
    const actors = new Set<string>();
    const dyads: [string, string][] = [];
    const t0 = performance.now();
    let batch: ArticleRecord[] = [];
    for (let i = 0; i < opts.articles; i++) {
      const rec = opts.makeRecord(i);
      batch.push(rec);
      // Collect query material from a sample of the records.
      if (r() < 0.01) {
        const words = (rec.title ?? rec.body.slice(0, 200)).split(/\s+/).filter((w) => w.length >= 4);
        if (words.length) sampleWords.push(words[Math.floor(r() * words.length)]!);
        const ent = rec.entities[Math.floor(r() * rec.entities.length)];
        if (ent) sampleWords.push(ent.mentions[0]?.text ?? ent.name.ar);
        for (const ev of rec.events) {
          const a = actorCode(ev.source), b = actorCode(ev.target);
          if (a) actors.add(a);
          if (a && b) dyads.push([a, b]);
        }
      }
      if (batch.length >= batchSize) {
        store.upsertMany(batch);
        batch = [];
        peak = Math.max(peak, process.memoryUsage().rss);
        if ((i + 1) % 10_000 < batchSize) {
          log(`  ${i + 1} articles, ${Math.round((i + 1) / ((performance.now() - t0) / 1000))}/s`);
          await new Promise((res) => setImmediate(res));
        }
      }
    }
    if (batch.length) store.upsertMany(batch);
    const ingestSec = (performance.now() - t0) / 1000;
    store.db.pragma("wal_checkpoint(TRUNCATE)");

    const queries = opts.queries ?? [
      ...sampleWords.slice(0, 60),
      "بيونغ يانغ", "بوتين", "الولايات المتحدة", "وزير الخارجية", "عقوبات جديدة", "كوريا الشمالية", "بيونغيانغ",
    ];
    store.search("تجربة"); // warm-up: loads the knowledge-base variant index once per process
    const searchTimes: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      store.search(q, { limit: 20 });
      searchTimes.push(performance.now() - t);
    }
    const tlTimes: number[] = [];
    const actorList = [...actors];
    for (let k = 0; k < 40 && actorList.length; k++) {
      const a = actorList[k % actorList.length]!;
      const t = performance.now();
      store.timeline({ actor: a, limit: 100 });
      tlTimes.push(performance.now() - t);
    }
    for (const [a, b] of dyads.slice(0, 40)) {
      const t = performance.now();
      store.timeline({ actor: a, target: b, limit: 100 });
      tlTimes.push(performance.now() - t);
    }
    // Sampled RSS (not the process maxRSS: the caller may have run other benches in this process before).
    peak = Math.max(peak, process.memoryUsage().rss);
    const size = ["", "-wal"].reduce((n, s) => n + (existsSync(opts.dbPath + s) ? statSync(opts.dbPath + s).size : 0), 0);
    return {
      ingestPerSec: Math.round(opts.articles / ingestSec),
      searchP95ms: p95(searchTimes),
      timelineP95ms: p95(tlTimes),
      peakRssMB: Math.round(peak / 1048576),
      dbSizeMB: Math.round(size / 1048576),
    };
  } finally {
    clearInterval(sampler);
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
  benchStore({ articles, dbPath, makeRecord: syntheticRecord, log: (s) => process.stderr.write(s + "\n") })
    .then((r) => process.stdout.write(JSON.stringify({ articles, ...r }, null, 2) + "\n"))
    .catch((e: unknown) => { process.stderr.write(String(e) + "\n"); process.exitCode = 1; });
}

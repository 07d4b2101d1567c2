/**
 * `npm run bench`: generates a corpus at realistic scale and measures each stage on one core.
 *
 *   extract   ≥ 20,000 pages (half scraped text 3–12 KB, half HTML ~46 KB), written to .bench/corpus, then read,
 *             decoded, cleaned and fully extracted through the real ingest path; pages/s (steady state and including
 *             warm-up), MB/s, peak RSS, split by kind.
 *             The same HTML pages (a sample) go through @mozilla/readability over jsdom for comparison.
 *
 *   stages    text core, entity linking, time tagging and event coding alone, on 1,000 extracted bodies.
 *   store     N generated text pages (default 100,000) ingested end to end through `ingestPaths` (worker-thread
 *             extraction, main-thread store), wall clock; then search and timeline latency (p95), peak RSS, DB size.
 *   web       the dashboard in headless chromium on a 10,000-article store: first load, a 1,000-event timeline.
 * Options: --pages N (default 20000), --jsdom-sample N (default 300), --store-articles N (default 100000; 0 skips),
 *          --web-articles N (default 10000; 0 skips),
 *          --skip-write (reuse .bench/corpus).
 * Extraction and stage throughputs are per CPU-second of this one process (one core), so a busy machine skews them
 * less; the store's end-to-end rate is wall clock on all cores.
 */
import { mkdir, writeFile, readdir } from "node:fs/promises";
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import { page, htmlPage } from "./corpus.js";
import { readInputs, isInputError, type InputDoc } from "../ingest/index.js";
import { extractDocument } from "../extract.js";
import { cleanDocument } from "../clean/index.js";
import { extractionKb } from "../extract.js";
import { linkEntities } from "../entities/index.js";
import { tagTimes } from "../time/index.js";
import { textPage } from "./corpus.js";
import { benchText } from "./text.js";
import { benchEntities } from "./entities.js";
import { benchTime } from "./time.js";
import { benchEvents } from "./events.js";
import { benchStoreEndToEnd, writeStorePages } from "./store.js";

const args = process.argv.slice(2);
const opt = (k: string, d: number) => { const i = args.indexOf(k); return i >= 0 ? Number(args[i + 1]) : d; };
const PAGES = opt("--pages", 20000);
const JSDOM_SAMPLE = opt("--jsdom-sample", 300);
const STORE_ARTICLES = opt("--store-articles", 100000);
const DIR = path.resolve(".bench/corpus");

let peakRss = 0;
const sampleRss = () => { const r = process.memoryUsage().rss; if (r > peakRss) peakRss = r; };
const mb = (b: number) => (b / 1048576).toFixed(1);

async function writeCorpus(): Promise<void> {
  if (args.includes("--skip-write") && existsSync(DIR)) return;
  await mkdir(DIR, { recursive: true });
  const existing = new Set(await readdir(DIR));
  for (let i = 0; i < PAGES; i++) {
    const p = page(i);
    const file = `${p.name}.${p.kind === "html" ? "html" : "txt"}`;
    if (!existing.has(file)) await writeFile(path.join(DIR, file), p.content);
  }
}

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/** Bodies of extracted pages, kept for the stage benchmarks (strings only, so they do not inflate peak RSS). */
const sampleBodies: { body: string; published: string | null }[] = [];

/** Pages of each kind extracted before the steady-state figure starts (V8 takes about this long to finish optimizing). */
const WARM_UP = 3000;

/**
 * Text pages and HTML pages are read in two separate passes (all text pages, then all HTML pages), so each kind's
 * figure carries its own garbage-collection cost: interleaved, the HTML pages' large parsed documents trigger full
 * collections that land on whichever page runs next.
 *
 * Each kind gets two figures: the whole pass, and the steady state after its first WARM_UP pages. The first
 * thousands of pages of a fresh process run partly in V8's interpreter and baseline tiers while its optimizing
 * compiler works on background threads (process CPU time counts those threads too); a long ingest runs at the
 * steady-state rate, a short one at the whole-pass rate.
 */
async function benchExtract(): Promise<void> {
  const zero = () => ({ n: 0, bytes: 0, cleanMs: 0, fullMs: 0, steadyN: 0, steadyMs: 0 });
  const stats = { text: zero(), html: zero() };
  let errors = 0;
  const t0 = performance.now(), c0 = cpuMs();
  let i = 0;
  extractionKb(); // load the knowledge base once, outside the timed loop (its load time is reported by the entity bench)
  const files = readdirSync(DIR).sort();
  for (const [kind, ext] of [["text", ".txt"], ["html", ".html"]] as const) {
    const paths = files.filter((f) => f.endsWith(ext)).map((f) => path.join(DIR, f));
    const warm = Math.min(WARM_UP, Math.floor(paths.length / 2));
    for await (const doc of readInputs(paths)) {
      if (isInputError(doc)) { errors++; continue; }
      const d = doc as InputDoc;
      const s = stats[kind];
      s.bytes += Buffer.byteLength(d.html ?? d.text ?? "");
      let c = cpuMs();
      cleanDocument(d);
      s.cleanMs += cpuMs() - c;
      c = cpuMs();
      extractDocument(d);
      const ms = cpuMs() - c;
      s.fullMs += ms;
      if (s.n >= warm) { s.steadyN++; s.steadyMs += ms; }
      s.n++;
      if (++i % 500 === 0) sampleRss();
    }
  }
  const wall = performance.now() - t0, cpu = cpuMs() - c0;
  sampleRss();
  const total = stats.text.n + stats.html.n;
  const bytes = stats.text.bytes + stats.html.bytes;
  console.log(`extract   ${total} pages (${stats.text.n} text, then ${stats.html.n} HTML), ${mb(bytes)} MB, ${errors} errors; per CPU-second of one core:`);
  for (const k of ["text", "html"] as const) {
    const s = stats[k];
    console.log(`  ${k.padEnd(4)} pages (avg ${(s.bytes / s.n / 1024).toFixed(1)} KB): clean ${(s.n / (s.cleanMs / 1000)).toFixed(0)} pages/s (${(s.bytes / 1048576 / (s.cleanMs / 1000)).toFixed(1)} MB/s); ` +
      `full extraction (clean + entities + time + events) ${(s.steadyN / (s.steadyMs / 1000)).toFixed(0)} pages/s in steady state ` +
      `(the last ${s.steadyN} pages), ${(s.n / (s.fullMs / 1000)).toFixed(0)} pages/s over all ${s.n} including warm-up`);
  }
  console.log(`  whole run incl. reading and decoding (and cleaning twice): ${(total / (wall / 1000)).toFixed(0)} pages/s wall, ${(total / (cpu / 1000)).toFixed(0)} pages/s CPU`);
  console.log(`  peak RSS ${mb(peakRss)} MB`);
}

async function benchStages(): Promise<void> {
  // Bodies of 1,000 generated text pages, cleaned (the stages' input). Run first, so the RSS figures describe the
  // stage itself and not what the other benchmarks left in memory.
  for (let i = 0; sampleBodies.length < 1000; i += 2) {
    const p = textPage(i);
    const c = cleanDocument({ path: null, name: p.name, url: null, encoding: "utf-8", title: null, published: null, html: null, text: p.content });
    sampleBodies.push({ body: c.body, published: c.published });
  }
  const bodies = sampleBodies;
  const avg = bodies.reduce((a, b) => a + b.body.length, 0) / Math.max(1, bodies.length);
  console.log(`stages on ${bodies.length} article bodies (avg ${avg.toFixed(0)} characters), articles per CPU-second:`);
  const tx = await benchText(bodies.map((b) => b.body));
  console.log(`  text core (normalize + tokenize): ${tx.articlesPerSec} articles/s, ${tx.mbPerSec} MB/s`);
  const en = await benchEntities(bodies);
  console.log(`  entities: ${en.articlesPerSec} articles/s; knowledge base (${en.kbEntries} entries) load + index ${en.loadMs} ms CPU (${en.loadMsWall} ms wall); RSS ${en.rssMB} MB`);
  const tm = await benchTime(bodies);
  console.log(`  time: ${tm.articlesPerSec} articles/s`);
  const kb = extractionKb();
  const ev = await benchEvents(bodies.map(({ body, published }) => ({ body, published, entities: linkEntities(body, { published, kb }), times: tagTimes(body, published) })));
  console.log(`  events: ${ev.articlesPerSec} articles/s (${ev.eventsPerArticle} events per article; lexicon + KB load ${ev.lexiconMs} ms)`);
}

async function benchStoreRun(): Promise<void> {
  const n = STORE_ARTICLES;
  if (n <= 0) return;
  const dbPath = path.resolve(".bench/store.db");
  // End to end through the real ingest path: N generated text pages (the common case) written as files (not timed),
  // then read, decoded, extracted and prepared on the worker pool (default cores − 1 threads) and stored by the
  // main thread (`ingestPaths`), wall-clock. Peak RSS is this process's maxRSS, worker threads included.
  const dir = path.resolve(".bench/store-input");
  const t = performance.now();
  writeStorePages(dir, n);
  const log = (s: string) => process.stderr.write(s + "\n");
  log(`store     input: ${n} text pages in ${dir} (written in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  const r = await benchStoreEndToEnd({ inputDir: dir, dbPath, log });
  console.log(`store     ${r.articles} text pages read, extracted (${r.threads} worker thread(s)) and stored end to end (ingestPaths): ` +
    `${r.ingestPerSec} articles/s wall (${r.ingestSeconds} s; main thread ${r.mainCpuMsPerArticle ?? "?"} ms CPU/article; ${r.errors} errors); ` +
    `search p95 ${r.searchP95ms} ms (median ${r.searchMedianMs}); timeline p95 ${r.timelineP95ms} ms (median ${r.timelineMedianMs}); ` +
    `peak RSS ${r.peakRssMB} MB; database ${r.dbSizeMB} MB`);
}

/** The `rasd extract` command itself, in its own process, over the whole corpus: wall time and peak RSS. */
function benchCommand(): void {
  const main = fileURLToPath(new URL("../cli/main.js", import.meta.url));
  const hook = "data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss '+process.resourceUsage().maxRSS+'\\n'))";
  const t = performance.now();
  const r = spawnSync(process.execPath, ["--import", hook, main, "extract", DIR, "--format", "jsonl", "--quiet"], {
    stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024,
  });
  const secs = (performance.now() - t) / 1000;
  const rss = /maxrss (\d+)/.exec(r.stderr ?? "");
  const n = readdirSync(DIR).length;
  console.log(`rasd extract ${DIR} --format jsonl (its own process): ${n} pages in ${secs.toFixed(1)} s = ${(n / secs).toFixed(0)} pages/s wall, ` +
    `peak RSS ${rss ? (Number(rss[1]) / 1024).toFixed(0) : "?"} MB, exit ${r.status}`);
}

async function benchJsdom(): Promise<void> {
  const { JSDOM } = await import("jsdom");
  const { Readability } = await import("@mozilla/readability");
  const pages = Array.from({ length: JSDOM_SAMPLE }, (_, k) => htmlPage(2 * k + 1).content);
  const bytes = pages.reduce((a, p) => a + Buffer.byteLength(p), 0);
  let t = performance.now();
  for (const html of pages) {
    const dom = new JSDOM(html);
    new Readability(dom.window.document).parse();
    dom.window.close();
  }
  const jsdomMs = performance.now() - t;
  t = performance.now();
  for (const html of pages) cleanDocument({ path: null, name: "x", url: null, encoding: "utf-8", title: null, published: null, html, text: null });
  const oursMs = performance.now() - t;
  sampleRss();
  console.log(`html comparison on ${pages.length} pages (${mb(bytes)} MB):`);
  console.log(`  @mozilla/readability over jsdom:      ${(pages.length / (jsdomMs / 1000)).toFixed(0)} pages/s`);
  console.log(`  rasd clean (readability over linkedom + page rules): ${(pages.length / (oursMs / 1000)).toFixed(0)} pages/s`);
}

/** The store benchmark in a fresh process of its own, so its peak RSS is not the earlier benchmarks' memory. */
function benchStoreChild(): void {
  if (STORE_ARTICLES <= 0) return;
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [self, "--only-store", "--store-articles", String(STORE_ARTICLES)], { stdio: "inherit" });
  if (r.status !== 0) console.log(`store     benchmark failed (exit ${r.status})`);
}

/** The dashboard (first load on a 10,000-article store, a 1,000-event timeline) in headless chromium, own process. */
function benchWebChild(): void {
  const n = opt("--web-articles", 10000);
  if (n <= 0) return;
  const web = fileURLToPath(new URL("./web.js", import.meta.url));
  console.log(`web       dashboard on ${n} synthetic articles (src/bench/web.ts):`);
  const r = spawnSync(process.execPath, [web, "--articles", String(n)], { stdio: "inherit" });
  if (r.status !== 0) console.log(`web       benchmark failed (exit ${r.status}; it needs /usr/bin/chromium and dist/web)`);
}

async function main(): Promise<void> {
  if (args.includes("--only-store")) { await benchStoreRun(); return; }
  console.log(`rasd bench on ${os.cpus()[0]?.model ?? "?"} (${os.cpus().length} cores), node ${process.version}, one process`);
  const t = performance.now();
  await writeCorpus();
  console.log(`corpus: ${PAGES} pages in ${DIR} (generated in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  await benchStages();
  await benchExtract();
  benchCommand();
  await benchJsdom();
  benchStoreChild();
  benchWebChild();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

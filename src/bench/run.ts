/**
 * `npm run bench`: generates a corpus at realistic scale and measures each stage on one core.
 *
 *   extract   ≥ 20,000 pages (half scraped text 3–12 KB, half HTML ~46 KB), written to .bench/corpus, then read,
 *             decoded and cleaned through the real ingest path; pages/s, MB/s, peak RSS, split by kind.
 *             The same HTML pages (a sample) go through @mozilla/readability over jsdom for comparison.
 *
 * Options: --pages N (default 20000), --jsdom-sample N (default 300), --skip-write (reuse .bench/corpus).
 */
import { mkdir, writeFile, readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import { page, htmlPage } from "./corpus.js";
import { readInputs, isInputError, type InputDoc } from "../ingest/index.js";
import { extractDocument } from "../extract.js";
import { cleanDocument } from "../clean/index.js";

const args = process.argv.slice(2);
const opt = (k: string, d: number) => { const i = args.indexOf(k); return i >= 0 ? Number(args[i + 1]) : d; };
const PAGES = opt("--pages", 20000);
const JSDOM_SAMPLE = opt("--jsdom-sample", 300);
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

async function benchExtract(): Promise<void> {
  const stats = { text: { n: 0, bytes: 0, ms: 0 }, html: { n: 0, bytes: 0, ms: 0 } };
  let errors = 0;
  const t0 = performance.now();
  let readMs = 0, tRead = performance.now();
  let i = 0;
  for await (const doc of readInputs([DIR])) {
    readMs += performance.now() - tRead;
    if (isInputError(doc)) { errors++; tRead = performance.now(); continue; }
    const d = doc as InputDoc;
    const kind = d.html != null ? "html" : "text";
    const bytes = Buffer.byteLength(d.html ?? d.text ?? "");
    const t = performance.now();
    extractDocument(d);
    stats[kind].ms += performance.now() - t;
    stats[kind].n++;
    stats[kind].bytes += bytes;
    if (++i % 500 === 0) sampleRss();
    tRead = performance.now();
  }
  const wall = performance.now() - t0;
  sampleRss();
  const total = stats.text.n + stats.html.n;
  const bytes = stats.text.bytes + stats.html.bytes;
  console.log(`extract   ${total} pages (${stats.text.n} text, ${stats.html.n} HTML), ${mb(bytes)} MB, ${errors} errors`);
  console.log(`  end to end (read + decode + extract): ${(total / (wall / 1000)).toFixed(0)} pages/s, ${(bytes / 1048576 / (wall / 1000)).toFixed(1)} MB/s (read/decode ${(readMs / 1000).toFixed(1)} s)`);
  for (const k of ["text", "html"] as const) {
    const s = stats[k];
    console.log(`  ${k.padEnd(4)} pages: ${(s.n / (s.ms / 1000)).toFixed(0)} pages/s, ${(s.bytes / 1048576 / (s.ms / 1000)).toFixed(1)} MB/s, avg ${(s.bytes / s.n / 1024).toFixed(1)} KB`);
  }
  console.log(`  peak RSS ${mb(peakRss)} MB`);
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

async function main(): Promise<void> {
  console.log(`rasd bench on ${os.cpus()[0]?.model ?? "?"} (${os.cpus().length} cores), node ${process.version}, one process`);
  const t = performance.now();
  await writeCorpus();
  console.log(`corpus: ${PAGES} pages in ${DIR} (generated in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  await benchExtract();
  await benchJsdom();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

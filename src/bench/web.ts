/**
 * Dashboard performance on a 10,000-article store (synthetic records from src/store/sample.ts):
 *  - first load: navigation → DOMContentLoaded, and → first search results and store stats rendered (cold cache);
 *  - a 1,000-event timeline: time to first events, then scrolling through all 1,000 (rendered in chunks),
 *    with the longest main-thread task (PerformanceObserver 'longtask') and the longest frame gap.
 * Run: node --import tsx src/bench/web.ts [--articles 10000] [--db /tmp/rasd-web-bench.db] [--keep]
 * Needs dist/web (built here when missing) and chromium (/usr/bin/chromium or CHROMIUM_PATH).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, BrowserContext } from "playwright-core";
import { serve } from "../api/serve.js";
import { syntheticRecord } from "../store/sample.js";
import { Store } from "../store/store.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync"];

export interface WebBenchResult {
  articles: number;
  buildStoreSec: number;
  firstLoad: { domContentLoadedMs: number; resultsMs: number; statsMs: number }[];
  timeline: { events: number; firstEventsMs: number; allRenderedMs: number; longestTaskMs: number; longTasks: number; maxFrameGapMs: number };
}

/** In-page probes: when results/stats first appear, long tasks, frame gaps. */
const PROBE = `(() => {
  const w = window; w.__bench = { longTasks: [], frames: [], marks: {} };
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__bench.longTasks.push(e.duration); }).observe({ type: "longtask", buffered: true }); } catch {}
  const seen = (sel, name) => { if (!w.__bench.marks[name] && document.querySelector(sel)) w.__bench.marks[name] = performance.now(); };
  new MutationObserver(() => { seen(".hit", "results"); seen("[data-testid=stats]", "stats"); seen(".tl-item", "timeline"); })
    .observe(document, { childList: true, subtree: true });
  let last = performance.now();
  const frame = (t) => { w.__bench.frames.push(t - last); last = t; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export async function benchWeb(opts: { articles: number; db: string; log?: (s: string) => void }): Promise<WebBenchResult> {
  const log = opts.log ?? (() => {});
  if (!existsSync(join(ROOT, "dist/web/index.html"))) {
    log("building dist/web …");
    const r = spawnSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--config", "web/vite.config.ts"], { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) throw new Error("vite build failed");
  }
  let buildStoreSec = 0;
  const store = Store.open(opts.db);
  if (store.count().articles < opts.articles) {
    const t0 = performance.now();
    for (let i = store.count().articles; i < opts.articles; i += 200) {
      const batch = [];
      for (let k = i; k < Math.min(opts.articles, i + 200); k++) batch.push(syntheticRecord(k));
      store.upsertMany(batch);
    }
    buildStoreSec = Math.round((performance.now() - t0) / 100) / 10;
    log(`store: ${opts.articles} articles in ${buildStoreSec} s`);
  }
  store.close();
  const srv = await serve({ db: opts.db, port: 0, host: "127.0.0.1", token: null });
  const { chromium } = await import("playwright-core");
  // One browser process (its own fresh temporary profile); a new context per run has an empty cache and storage,
  // so each "first load" downloads the app again, as a first visit does.
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const open = async (_name: string): Promise<BrowserContext> => {
    const ctx = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    await ctx.addInitScript(PROBE);
    return ctx;
  };
  try {
    // Warm the browser process itself (not the page's cache): an analyst's browser is already running.
    const warm = await browser.newContext();
    await (await warm.newPage()).goto("about:blank");
    await warm.close();
    // First load, three cold runs (new context each: empty cache).
    const firstLoad: WebBenchResult["firstLoad"] = [];
    for (let run = 0; run < 3; run++) {
      const ctx = await open(`load-${run}`);
      const page = await ctx.newPage();
      await page.goto(srv.url + "/");
      await page.waitForFunction(() => {
        const m = (window as unknown as { __bench: { marks: Record<string, number> } }).__bench.marks;
        return m.results !== undefined && m.stats !== undefined;
      }, undefined, { timeout: 30_000 });
      const r = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const m = (window as unknown as { __bench: { marks: Record<string, number> } }).__bench.marks;
        return { domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd), resultsMs: Math.round(m.results!), statsMs: Math.round(m.stats!) };
      });
      firstLoad.push(r);
      log(`first load ${run + 1}: DOMContentLoaded ${r.domContentLoadedMs} ms, results ${r.resultsMs} ms, stats ${r.statsMs} ms`);
      await ctx.close();
    }

    // A 1,000-event timeline (all of one busy actor's events), scrolled through to the end.
    const counts = Store.open(opts.db, { readonly: true });
    const busiest = (counts.db.prepare("SELECT src_code AS code, count(*) AS n FROM timeline GROUP BY src_code ORDER BY n DESC LIMIT 1").get() as { code: string }).code;
    counts.close();
    const ctx = await open("timeline");
    const page = await ctx.newPage();
    await page.goto(srv.url + "/#/search");
    await page.locator(".hit").first().waitFor({ timeout: 30_000 });
    await page.evaluate(() => { const b = (window as unknown as { __bench: { longTasks: number[]; frames: number[] } }).__bench; b.longTasks = []; b.frames = []; });
    const t0 = await page.evaluate(() => performance.now());
    await page.evaluate((code) => { location.hash = `#/relationship/${code}`; }, busiest);
    await page.locator(".tl-item").first().waitFor({ timeout: 30_000 });
    const t1 = await page.evaluate(() => performance.now());
    // A string, not a function: tsx's name helpers must not leak into the page.
    const total = await page.evaluate(`(async () => {
      let last = -1, still = 0;
      for (let i = 0; i < 3000 && still < 30; i++) {
        window.scrollBy(0, 900);
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const n = document.querySelectorAll(".tl-item").length;
        still = n === last ? still + 1 : 0;
        last = n;
      }
      return document.querySelectorAll(".tl-item").length;
    })()`) as number;
    const t2 = await page.evaluate(() => performance.now());
    const probe = await page.evaluate(() => (window as unknown as { __bench: { longTasks: number[]; frames: number[] } }).__bench);
    await ctx.close();
    const timeline = {
      events: total, firstEventsMs: Math.round(t1 - t0), allRenderedMs: Math.round(t2 - t0),
      longestTaskMs: Math.round(Math.max(0, ...probe.longTasks)), longTasks: probe.longTasks.length,
      maxFrameGapMs: Math.round(Math.max(0, ...probe.frames)),
    };
    log(`timeline (${busiest}): ${timeline.events} events; first events ${timeline.firstEventsMs} ms; all rendered while scrolling ${timeline.allRenderedMs} ms; ` +
      `longest task ${timeline.longestTaskMs} ms (${timeline.longTasks} tasks > 50 ms); longest frame gap ${timeline.maxFrameGapMs} ms`);
    return { articles: opts.articles, buildStoreSec, firstLoad, timeline };
  } finally {
    await browser.close();
    await srv.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
  const articles = Number(arg("--articles") ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), "rasd-web-bench-"));
  const db = arg("--db") ?? join(dir, "bench.db");
  const r = await benchWeb({ articles, db, log: (s) => console.log(s) });
  const fl = r.firstLoad;
  console.log(`\nfirst load (median of ${fl.length}, cold): DOMContentLoaded ${median(fl.map((x) => x.domContentLoadedMs))} ms, ` +
    `first results ${median(fl.map((x) => x.resultsMs))} ms, stats ${median(fl.map((x) => x.statsMs))} ms — target < 1000 ms`);
  console.log(`timeline: ${r.timeline.events} events, longest task ${r.timeline.longestTaskMs} ms — target < 200 ms`);
  if (!process.argv.includes("--keep") && !arg("--db")) rmSync(dir, { recursive: true, force: true });
}

/**
 * Entity linker benchmark: KB load + index build time (cold), then linking throughput on one core and RSS.
 * Targets: ≥ 1,000 articles/s, load < 1 s, RSS < 300 MB.
 * `articlesPerSec` is wall-clock throughput of the single-threaded linker (like the other stage benches);
 * `articlesPerSecCpu` divides by the process CPU time instead — lower than the truth on an idle machine (V8's GC
 * helper threads add CPU time) but stable when other processes compete for the cores.
 */
import { clearKbCache, loadKb } from "../kb/index.js";
import { buildKbIndex, linkEntities } from "../entities/index.js";

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export async function benchEntities(articles: { body: string; published: string | null }[]): Promise<{
  articlesPerSec: number;
  articlesPerSecCpu: number;
  kbPerSec: number;
  loadMs: number;
  loadMsWall: number;
  rssMB: number;
  kbEntries: number;
}> {
  clearKbCache();
  const c0 = cpuMs();
  const t0 = performance.now();
  const kb = loadKb();
  buildKbIndex(kb);
  const loadMs = Math.round(cpuMs() - c0);
  const loadMsWall = Math.round(performance.now() - t0);
  const rss = () => Math.round(process.memoryUsage().rss / 1048576);
  if (articles.length === 0) {
    return { articlesPerSec: 0, articlesPerSecCpu: 0, kbPerSec: 0, loadMs, loadMsWall, rssMB: rss(), kbEntries: kb.entries.length };
  }
  // warm-up (JIT, per-word caches): every article at least once, and at least 300 ms
  const tw = performance.now();
  do for (const a of articles) linkEntities(a.body, { published: a.published, kb });
  while (performance.now() - tw < 300);
  const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a.body), 0);
  let n = 0;
  let rounds = 0;
  const c1 = cpuMs();
  const t1 = performance.now();
  do {
    for (const a of articles) linkEntities(a.body, { published: a.published, kb });
    n += articles.length;
    rounds++;
  } while (performance.now() - t1 < 1000);
  const cpuSecs = (cpuMs() - c1) / 1000;
  const wallSecs = (performance.now() - t1) / 1000;
  return {
    articlesPerSec: Math.round(n / wallSecs),
    articlesPerSecCpu: Math.round(n / cpuSecs),
    kbPerSec: Math.round((bytes * rounds) / 1024 / wallSecs),
    loadMs,
    loadMsWall,
    rssMB: rss(),
    kbEntries: kb.entries.length,
  };
}

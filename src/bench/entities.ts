/**
 * Entity linker benchmark: KB load + index build time (cold), then linking throughput on one core and RSS.
 * Targets: ≥ 1,000 articles/s, load < 1 s, RSS < 300 MB.
 * Throughput is measured in CPU time of this process (process.cpuUsage), so a busy machine does not distort the
 * single-core figure; the wall-clock figure is reported too.
 */
import { clearKbCache, loadKb } from "../kb/index.js";
import { buildKbIndex, linkEntities } from "../entities/index.js";

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export async function benchEntities(articles: { body: string; published: string | null }[]): Promise<{
  articlesPerSec: number;
  articlesPerSecWall: number;
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
    return { articlesPerSec: 0, articlesPerSecWall: 0, kbPerSec: 0, loadMs, loadMsWall, rssMB: rss(), kbEntries: kb.entries.length };
  }
  for (const a of articles.slice(0, 50)) linkEntities(a.body, { published: a.published, kb }); // warm-up (JIT, caches)
  const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a.body), 0);
  let n = 0;
  let rounds = 0;
  const c1 = cpuMs();
  const t1 = performance.now();
  do {
    for (const a of articles) linkEntities(a.body, { published: a.published, kb });
    n += articles.length;
    rounds++;
  } while (cpuMs() - c1 < 1000);
  const cpuSecs = (cpuMs() - c1) / 1000;
  const wallSecs = (performance.now() - t1) / 1000;
  return {
    articlesPerSec: Math.round(n / cpuSecs),
    articlesPerSecWall: Math.round(n / wallSecs),
    kbPerSec: Math.round((bytes * rounds) / 1024 / cpuSecs),
    loadMs,
    loadMsWall,
    rssMB: rss(),
    kbEntries: kb.entries.length,
  };
}

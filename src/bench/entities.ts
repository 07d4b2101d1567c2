/**
 * Entity linker benchmark: KB load + index build time (cold), then linking throughput on one core and RSS.
 * Targets: ≥ 1,000 articles/s, load < 1 s, RSS < 300 MB.
 */
import { clearKbCache, loadKb } from "../kb/index.js";
import { buildKbIndex, linkEntities } from "../entities/index.js";

export async function benchEntities(
  articles: { body: string; published: string | null }[],
): Promise<{ articlesPerSec: number; loadMs: number; rssMB: number; kbEntries: number }> {
  clearKbCache();
  const t0 = performance.now();
  const kb = loadKb();
  buildKbIndex(kb);
  const loadMs = Math.round(performance.now() - t0);
  if (articles.length === 0) return { articlesPerSec: 0, loadMs, rssMB: Math.round(process.memoryUsage().rss / 1048576), kbEntries: kb.entries.length };
  for (const a of articles.slice(0, 50)) linkEntities(a.body, { published: a.published, kb }); // warm-up (JIT)
  let n = 0;
  const t1 = performance.now();
  do {
    for (const a of articles) linkEntities(a.body, { published: a.published, kb });
    n += articles.length;
  } while (performance.now() - t1 < 500);
  const secs = (performance.now() - t1) / 1000;
  return {
    articlesPerSec: Math.round(n / secs),
    loadMs,
    rssMB: Math.round(process.memoryUsage().rss / 1048576),
    kbEntries: kb.entries.length,
  };
}

/**
 * Throughput of the time tagger alone (tagTimes), articles per second on one core.
 * Measured on the process's CPU time (user + system), so other load on a shared machine does not distort it;
 * wall-clock throughput is returned too.
 */
import { tagTimes } from "../time/index.js";

export async function benchTime(
  bodies: { body: string; published: string | null }[],
): Promise<{ articlesPerSec: number; wallArticlesPerSec: number }> {
  if (bodies.length === 0) return { articlesPerSec: 0, wallArticlesPerSec: 0 };
  // warm-up: lexicon load, regex compilation, JIT
  for (let i = 0; i < 3; i++) for (const b of bodies.slice(0, 200)) tagTimes(b.body, b.published);
  let n = 0;
  const c0 = process.cpuUsage(), t0 = performance.now();
  do { // at least ~0.5 s of work so the figure is stable
    for (const b of bodies) tagTimes(b.body, b.published);
    n += bodies.length;
  } while (performance.now() - t0 < 500);
  const wall = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  const cpu = (cu.user + cu.system) / 1e6;
  return { articlesPerSec: Math.round(n / cpu), wallArticlesPerSec: Math.round(n / wall) };
}

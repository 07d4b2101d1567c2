/** Throughput of the time tagger alone (tagTimes), articles per second on one core. */
import { tagTimes } from "../time/index.js";

export async function benchTime(bodies: { body: string; published: string | null }[]): Promise<{ articlesPerSec: number }> {
  if (bodies.length === 0) return { articlesPerSec: 0 };
  for (const b of bodies.slice(0, 50)) tagTimes(b.body, b.published); // warm-up: lexicon load, regex compile, JIT
  let n = 0;
  const t0 = performance.now();
  // at least ~0.5 s of work so the figure is stable
  do {
    for (const b of bodies) tagTimes(b.body, b.published);
    n += bodies.length;
  } while (performance.now() - t0 < 500);
  const secs = (performance.now() - t0) / 1000;
  return { articlesPerSec: Math.round(n / secs) };
}

/**
 * Text-core benchmark: normalize (with offset map) + tokenize throughput in MB/s and articles/s on one core,
 * and the transliteration-key collision measurement over the real KB.
 */
import { loadKb } from "../kb/index.js";
import { measureKeyCollisions } from "../entities/index.js";
import { normalize, splitSentences, tokenizeNormalized } from "../text/index.js";

export async function benchText(
  bodies: string[],
): Promise<{ articlesPerSec: number; mbPerSec: number }> {
  if (bodies.length === 0) return { articlesPerSec: 0, mbPerSec: 0 };
  const bytes = bodies.reduce((a, b) => a + Buffer.byteLength(b), 0);
  for (const b of bodies.slice(0, 50)) tokenizeNormalized(b, normalize(b));
  let n = 0;
  let rounds = 0;
  const t0 = performance.now();
  do {
    for (const b of bodies) {
      tokenizeNormalized(b, normalize(b));
      splitSentences(b);
    }
    n += bodies.length;
    rounds++;
  } while (performance.now() - t0 < 500);
  const secs = (performance.now() - t0) / 1000;
  return { articlesPerSec: Math.round(n / secs), mbPerSec: Math.round(((bytes * rounds) / 1048576 / secs) * 10) / 10 };
}

/** Transliteration-key collisions between different entities over the real KB (see src/text/translit.ts). */
export function translitCollisionReport(): ReturnType<typeof measureKeyCollisions> {
  return measureKeyCollisions(loadKb());
}

// `node --import tsx src/bench/text.ts` prints the collision report
if (import.meta.url === `file://${process.argv[1]}`) {
  const r = translitCollisionReport();
  console.log(JSON.stringify({ ...r, examples: r.examples.slice(0, 30) }, null, 1));
}

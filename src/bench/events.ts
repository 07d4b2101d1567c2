/**
 * Event coder benchmark: lexicon build time (cold) and coding throughput on one core (articles per CPU-second of
 * this process, so a loaded machine does not distort it). Target: event coding is a small share of the ≥ 1,000
 * articles/s of the full extraction.
 */
import { codeEvents, loadLexicon } from "../events/index.js";
import { loadKb } from "../kb/index.js";

export async function benchEvents(
  inputs: Parameters<typeof codeEvents>[0][],
): Promise<{ articlesPerSec: number; lexiconMs: number; eventsPerArticle: number }> {
  const t0 = performance.now();
  loadLexicon();
  const kb = loadKb();
  const lexiconMs = Math.round(performance.now() - t0);
  if (inputs.length === 0) return { articlesPerSec: 0, lexiconMs, eventsPerArticle: 0 };
  // warm-up (JIT, look-up memos)
  const w = performance.now();
  do for (const x of inputs) codeEvents(x, { kb }); while (performance.now() - w < 1000);
  let n = 0, events = 0;
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  do {
    for (const x of inputs) events += codeEvents(x, { kb }).length;
    n += inputs.length;
  } while (performance.now() - t1 < 1000);
  const cpu = process.cpuUsage(c1);
  const secs = Math.max((cpu.user + cpu.system) / 1e6, 1e-6);
  return { articlesPerSec: Math.round(n / secs), lexiconMs, eventsPerArticle: +(events / n).toFixed(2) };
}

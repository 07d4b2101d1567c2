/**
 * Measure how many PETRARCH Arabic actor names the repo KB matches.
 * Usage: npx tsx scripts/kb-coverage.ts [actor_dict.txt] [--json]
 * Default dictionary: /work/shared/dictionaries/arabic/actor_dict_ar_v4.txt (or $RASD_PETRARCH_ACTORS).
 * Normalization: src/text normalizeForMatch when present, then the KB key (diacritics, alif/ya/ta-marbuta folds).
 */
import { existsSync } from "node:fs";
import { loadKb } from "../src/kb/index.js";
import { importPetrarchActors } from "../src/kb/petrarch.js";
import { measureCoverage } from "../src/kb/coverage.js";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"))
  ?? process.env.RASD_PETRARCH_ACTORS ?? "/work/shared/dictionaries/arabic/actor_dict_ar_v4.txt";
if (!existsSync(file)) {
  console.error(`dictionary not found: ${file}`);
  process.exit(2);
}

let norm: (s: string) => string = (s) => s;
let normName = "kb normalizeKey";
try {
  const text = (await import("../src/text/index.js")) as { normalizeForMatch?: (s: string) => string };
  if (typeof text.normalizeForMatch === "function") { norm = text.normalizeForMatch; normName = "text.normalizeForMatch + kb normalizeKey"; }
} catch { /* src/text not available: KB key only */ }

const t0 = performance.now();
const kb = loadKb();
const countries = new Set(kb.entries.filter((e) => e.type === "country" && e.iso3).map((e) => e.iso3!));
const actors = importPetrarchActors(file, countries);
const r = measureCoverage(kb, actors.map((a) => ({ name: a.name.ar, type: a.type })), norm);
const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : "0.0") + "%";
if (args.includes("--json")) {
  console.log(JSON.stringify({ file, normalization: normName, kbVersion: kb.version, ...r }, null, 2));
} else {
  console.log(`PETRARCH actor names: ${r.names} (${file})`);
  console.log(`KB ${kb.version}: ${kb.entries.length} entries; normalization: ${normName}`);
  console.log(`matched exactly (normalized): ${r.exact} = ${pct(r.exact, r.names)}`);
  console.log(`matched ignoring the article ال: ${r.loose} = ${pct(r.loose, r.names)}`);
  for (const [t, c] of Object.entries(r.byType))
    console.log(`  ${t.padEnd(13)} ${String(c.names).padStart(5)} names, exact ${pct(c.exact, c.names)}, loose ${pct(c.loose, c.names)}`);
  console.log(`examples matched: ${r.examples.matched.join(" | ")}`);
  console.log(`examples unmatched: ${r.examples.unmatched.join(" | ")}`);
  console.log(`(${(performance.now() - t0).toFixed(0)} ms)`);
}

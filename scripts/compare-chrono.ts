/**
 * Side-by-side time tagging: Rasd's tagTimes vs chrono-node's Arabic parser (chrono.ar), both scored with the shared
 * scorer on the dev gold files. Only the `times` of the records are filled, so only the time figures mean anything.
 *
 *   npx tsx scripts/compare-chrono.ts [--gold /work/shared/eval/dev] [--scorer /work/shared/eval/score.mjs]
 *
 * chrono gets the publication date as its reference date; for an undated article it gets none, so it falls back to
 * the current date: that is how it invents values for unresolvable expressions.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as chrono from "chrono-node";
import type { TimeExpr } from "../src/record.js";
import { tagTimes } from "../src/time/index.js";

const arg = (k: string, d: string): string => {
  const i = process.argv.indexOf(k);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : d;
};
const goldDir = arg("--gold", "/work/shared/eval/dev");
const scorer = arg("--scorer", "/work/shared/eval/score.mjs");

const p2 = (n: number): string => String(n).padStart(2, "0");

/** chrono component → ISO value at the precision chrono is certain of (a weekday or relative day counts as a day). */
function chronoValue(c: chrono.ParsedComponents): string {
  const y = c.get("year")!, m = c.get("month")!, d = c.get("day")!;
  if (c.isCertain("day") || c.isCertain("weekday")) return `${y}-${p2(m)}-${p2(d)}`;
  if (c.isCertain("month")) return `${y}-${p2(m)}`;
  if (c.isCertain("year")) return String(y);
  return `${y}-${p2(m)}-${p2(d)}`;
}

function chronoTimes(body: string, published: string | null): TimeExpr[] {
  const ref = published ? new Date(`${published.length === 7 ? `${published}-15` : published}T12:00:00Z`) : undefined;
  return chrono.ar.parse(body, ref).map((r) => {
    const start = r.index, end = r.index + r.text.length;
    const v = chronoValue(r.start);
    return { start, end, text: r.text, value: r.end ? `${v}/${chronoValue(r.end)}` : v, rule: "chrono.ar" };
  });
}

interface TimeFigures { value_acc: number; invented_values: number; gold_valued: number; gold_unresolvable: number }

function run(name: string, tagger: (body: string, published: string | null) => TimeExpr[]): TimeFigures {
  const dir = mkdtempSync(join(tmpdir(), `rasd-times-${name}-`));
  for (const f of readdirSync(goldDir).filter((x) => x.endsWith(".gold.json"))) {
    const gold = JSON.parse(readFileSync(join(goldDir, f), "utf8")) as { body: string; published: string | null };
    const record = { schema: "rasd/article@1", body: gold.body, published: gold.published, times: tagger(gold.body, gold.published) };
    writeFileSync(join(dir, f.replace(/\.gold\.json$/, ".json")), JSON.stringify(record, null, 1));
  }
  const out = execFileSync(process.execPath, [scorer, "--gold", goldDir, "--pred", dir, "--json"], { encoding: "utf8" });
  const times = (JSON.parse(out) as { times: TimeFigures }).times;
  console.log(`${name.padEnd(10)} value accuracy ${(100 * times.value_acc).toFixed(1)}% of ${times.gold_valued}` +
    `   invented values ${times.invented_values} of ${times.gold_unresolvable} unresolvable   (records in ${dir})`);
  return times;
}

console.log(`times on ${goldDir} (chrono-node ${"ar" in chrono ? "Arabic locale chrono.ar" : "default parser"})`);
run("rasd", tagTimes);
run("chrono.ar", chronoTimes);

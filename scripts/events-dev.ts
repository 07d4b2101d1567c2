/**
 * Development run of the event coder on gold bodies, independent of the rest of the pipeline:
 *   node --import tsx scripts/events-dev.ts [--gold DIR] [--out DIR] [--oracle] [--print]
 * Writes OUT/<name>.json records (body, entities, times, events) for eval/score.mjs.
 * --oracle: entities from the gold surfaces (ids from the KB by name) instead of the linker, to measure the coder
 * alone. Times come from src/time (tagTimes).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Entity } from "../src/record.js";
import { codeEvents } from "../src/events/index.js";
import { loadKb, normalizeKey } from "../src/kb/index.js";
import { linkEntities } from "../src/entities/index.js";
import { tagTimes } from "../src/time/index.js";

const args = process.argv.slice(2);
const opt = (k: string, d: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1]! : d; };
const goldDir = opt("--gold", "/work/shared/eval/dev");
const outDir = opt("--out", "/tmp/ev");
const oracle = args.includes("--oracle");
const print = args.includes("--print");
mkdirSync(outDir, { recursive: true });
const kb = loadKb();

interface GoldEnt { en: string; type: Entity["type"]; country: string | null; surfaces: string[] }

function oracleEntities(body: string, gold: GoldEnt[]): Entity[] {
  const out: Entity[] = [];
  const taken: [number, number][] = [];
  const all = gold.flatMap((g, gi) => g.surfaces.map((s) => ({ g, gi, s }))).sort((a, b) => b.s.length - a.s.length);
  const byGi = new Map<number, Entity>();
  for (const { g, gi, s } of all) {
    let from = 0;
    for (;;) {
      const at = body.indexOf(s, from);
      if (at < 0) break;
      from = at + s.length;
      if (taken.some(([a, b]) => at < b && at + s.length > a)) continue;
      taken.push([at, at + s.length]);
      let e = byGi.get(gi);
      if (!e) {
        const hit = kb.byName.get(normalizeKey(g.en))?.[0] ?? g.surfaces.map((x) => kb.byName.get(normalizeKey(x))?.[0]).find(Boolean);
        e = { id: hit?.id ?? `gold:${gi}`, name: { ar: g.surfaces[0]!, en: g.en }, type: g.type,
          country: hit?.igo ? null : g.country, igo: hit?.igo ?? null, known: !!hit, mentions: [], sector: hit?.sector ?? null };
        byGi.set(gi, e);
        out.push(e);
      }
      e.mentions.push({ start: at, end: at + s.length, text: s });
    }
  }
  return out;
}

for (const f of readdirSync(goldDir).filter((x) => x.endsWith(".gold.json")).sort()) {
  const g = JSON.parse(readFileSync(join(goldDir, f), "utf8"));
  const body: string = g.body;
  const entities: Entity[] = oracle ? oracleEntities(body, g.entities) : (linkEntities(body, { published: g.published, kb }) as Entity[]);
  const times = tagTimes(body, g.published);
  const events = codeEvents({ body, published: g.published, entities, times }, { kb });
  const name = f.replace(/\.gold\.json$/, "");
  writeFileSync(join(outDir, name + ".json"), JSON.stringify({ body, published: g.published, entities, times, events }, null, 1));
  if (print) {
    console.log(`== ${name}`);
    for (const e of events) {
      const k = (a: { country: string | null; igo: string | null } | null) => (a ? (a.igo ? "IGO:" + a.igo : a.country) : null);
      console.log(`  ${e.type} ${e.mode ?? ""} ${k(e.source)}->${k(e.target)} ${e.date ?? ""} ${e.status} [${e.rule}] «${body.slice(e.evidence.start, e.evidence.end).slice(0, 90)}»`);
    }
  }
}

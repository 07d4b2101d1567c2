import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { cuesFileSchema, titlesFileSchema } from "./data.js";
import { buildKbIndex, measureKeyCollisions, phraseWords } from "./index.js";
import { loadKb } from "../kb/index.js";
import { normalizeForMatch } from "../text/index.js";

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../data/entities/${name}`, import.meta.url), "utf8"));

test("titles.json validates; a title form means one thing", () => {
  const t = titlesFileSchema.parse(read("titles.json"));
  const seen = new Map<string, string>();
  for (const def of t.titles) {
    for (const f of def.forms) {
      const k = phraseWords(f).join(" ");
      assert.ok(k, `empty form in ${def.offices.join(",")}`);
      assert.ok(!seen.has(k), `title form «${f}» appears twice (${seen.get(k)} / ${def.offices.join(",")})`);
      seen.set(k, def.offices.join(","));
    }
    if (def.resolve) assert.notEqual(def.offices[0], "other", "a resolvable title names a real office");
  }
});

test("cues.json validates; no cue form twice; stop/generic/common lists are normalized-unique words", () => {
  const c = cuesFileSchema.parse(read("cues.json"));
  const seen = new Set<string>();
  for (const cue of c.cues) {
    for (const f of cue.forms) {
      const k = phraseWords(f).join(" ");
      assert.ok(!seen.has(k), `cue form «${f}» appears twice`);
      seen.add(k);
    }
  }
  for (const list of [c.stop, c.generic, c.common]) {
    for (const w of list) assert.equal(normalizeForMatch(w).trim().split(/\s+/).length, 1, `«${w}» is one word`);
  }
});

test("real KB: index builds fast and transliteration keys rarely merge entities", () => {
  const kb = loadKb();
  const t0 = performance.now();
  const ix = buildKbIndex(kb);
  const ms = performance.now() - t0;
  assert.ok(ix.full.size > 0 || kb.entries.length === 0);
  assert.ok(ms < 5000, `index build ${Math.round(ms)} ms`);
  const m = measureKeyCollisions(kb);
  // measured 2026-11-22: see the report printed by `node --import tsx src/bench/text.ts`
  if (m.keys > 0) assert.ok(m.collidingKeys / m.keys < 0.03, `colliding keys ${m.collidingKeys}/${m.keys}: ${m.examples.join("; ")}`);
});

/**
 * The per-article token facts (facts.ts) and the per-article entity index (ArticleActors) are shortcuts: they must
 * answer exactly what the look-ups they replace answer (wordInfo, candidatesFor, the phrase indexes, a scan of the
 * entities), token by token and sentence by sentence.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { analyzeText } from "../text/index.js";
import { loadKb } from "../kb/index.js";
import { linkEntities } from "../entities/index.js";
import { ArticleActors, candidatesFor, indexKb } from "./actors.js";
import { TokenFacts, W_ATTRIB, W_CLAUSE, W_COMPL, W_DYAD, W_KB, W_LIGHT, W_OBJ, W_REPORT, W_SECTOR, W_STATUS, W_TRIG, W_WORD } from "./facts.js";
import { loadLexicon, matchesObject, wordInfo } from "./lexicon.js";

const BODIES = [
  readFileSync(new URL("../../examples/01_saudi_iran_beijing.txt", import.meta.url), "utf8"),
  readFileSync(new URL("../../examples/04_ukraine_jeddah.txt", import.meta.url), "utf8"),
  "الرياض - استقبل ولي العهد السعودي في الرياض يوم الثلاثاء وزير الخارجية الصيني، وبحث الجانبان سبل تعزيز التعاون. " +
    "وقال الوزير إن بلاده ستواصل دعم جهود التهدئة، فيما نفت طهران الاتهامات. ومن المقرر أن يزور الرئيس التركي القاهرة، " +
    "حسبما ذكرت وكالة الأنباء، وأكد للبلدين أن 3 مسؤولين كوريين جنوبيين وقعوا اتفاقية تعاون.",
];

test("token facts answer what the look-ups they replace answer", () => {
  const lex = loadLexicon();
  const kbi = indexKb(loadKb());
  const senses = lex.triggers.flatMap((d) => d.senses);
  for (const body of BODIES) {
    const { tokens } = analyzeText(body);
    const facts = new TokenFacts(lex, kbi, tokens);
    let kb = 0;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      const f = facts.flags[k]!;
      const w = wordInfo(lex, t.norm);
      assert.deepEqual(facts.info(k), w, t.norm);
      assert.equal((f & W_WORD) !== 0, t.kind === "word", t.norm);
      // tokens that are not words: the questions asked about any token are left to the look-ups ("may")
      if (t.kind !== "word") {
        assert.ok((f & W_STATUS) !== 0 && (f & W_LIGHT) !== 0 && (f & W_OBJ) !== 0, t.norm);
        continue;
      }
      assert.equal((f & W_TRIG) !== 0, !!w.trig && t.norm.length >= 2, t.norm);
      assert.equal((f & W_REPORT) !== 0, w.report, t.norm);
      assert.equal((f & W_ATTRIB) !== 0, w.attrib, t.norm);
      assert.equal((f & W_COMPL) !== 0, w.compl, t.norm);
      assert.equal((f & W_LIGHT) !== 0, !!w.light, t.norm);
      assert.equal((f & W_KB) !== 0, candidatesFor(kbi, t.norm).length > 0, t.norm);
      if (f & W_KB) {
        assert.deepEqual(facts.cands(k), candidatesFor(kbi, t.norm));
        assert.equal(facts.kbAt[kb++], k);
      }
      assert.equal((f & W_STATUS) !== 0, lex.statusIndex.mayStart(t.norm), t.norm);
      if (lex.statusIndex.matchAt(tokens, k, tokens.length).length) assert.ok(f & W_STATUS, t.norm);
      assert.equal((f & W_SECTOR) !== 0, lex.sectorIndex.mayStart(t.norm), t.norm);
      if (lex.sectorIndex.matchAt(tokens, k, tokens.length).length) assert.ok(f & W_SECTOR, t.norm);
      if (senses.some((s) => matchesObject(lex, s, t.norm))) assert.ok(f & W_OBJ, t.norm);
      assert.equal((f & W_DYAD) !== 0, facts.dyadPrefix(k) !== null, t.norm);
      assert.equal((f & W_CLAUSE) !== 0, lex.cues.date.openers.has(t.norm), t.norm);
    }
    assert.equal(facts.kbAt.length, kb);
  }
  // «الجانبان» and «للبلدين» are dyad anaphors, with their proclitics
  const { tokens } = analyzeText(BODIES[2]!);
  const facts = new TokenFacts(lex, kbi, tokens);
  const dyads = tokens.map((t, k) => [t.norm, facts.flags[k]! & W_DYAD ? facts.dyadPrefix(k) : null]).filter(([, p]) => p !== null);
  assert.deepEqual(dyads, [["الجانبان", ""], ["للبلدين", "لل"]]);
});

test("entities by sentence are the entities with a mention inside the sentence", () => {
  const lex = loadLexicon();
  const kb = loadKb();
  const kbi = indexKb(kb);
  const scan = (entities: { mentions: { start: number; end: number }[] }[], span: { start: number; end: number }) =>
    entities.flatMap((e, i) => (e.mentions.some((m) => m.start >= span.start && m.end <= span.end) ? [i] : []));
  for (const body of BODIES) {
    const text = analyzeText(body);
    const entities = linkEntities(body, { published: "2024-05-14", kb, text });
    assert.ok(entities.length > 0);
    const art = new ArticleActors(kbi, text.tokens, body, entities, text.sentences, new TokenFacts(lex, kbi, text.tokens));
    text.sentences.forEach((s, si) => assert.deepEqual(art.entitiesIn(si), scan(entities, s)));
    // overlapping spans (not made by the sentence splitter): each sentence scans the entities
    const spans = [{ start: 0, end: body.length }, ...text.sentences];
    const art2 = new ArticleActors(kbi, text.tokens, body, entities, spans, new TokenFacts(lex, kbi, text.tokens));
    spans.forEach((s, si) => assert.deepEqual(art2.entitiesIn(si), scan(entities, s)));
  }
});

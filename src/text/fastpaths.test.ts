/**
 * The fast paths of the text core agree with their reference implementations: `normalize` (units decoded natively)
 * with `normalizeSlow` (slices joined), and the shared analysis with a fresh normalize + tokenize + split.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { collapseWhitespace, normalize, normalizeSlow, normalizeForMatch, normalizeForMatchSlow } from "./normalize.js";
import { analyzeText, analysisFor } from "./analysis.js";
import { tokenize } from "./tokenize.js";
import { splitSentences } from "./sentences.js";

/** A deterministic mix of the characters the table treats specially, ordinary Arabic and Latin, and surrogates. */
function sample(seed: number, len: number): string {
  const pool = ["ا", "أ", "إ", "آ", "ى", "ئ", "ؤ", "ة", "ـ", "\u064E", "\u0651", "\u0670", "٣", "۵", "«", "»", "–", "\u00a0",
    "\u200c", "\ufeff", "ﻻ", "ﷲ", "ﺏ", "Ａ", "B", "c", " ", "\n", ".", "؟", "😀", "\ud800", "\udc00", "ک", "پ", "x", "م", "ن"];
  let x = seed, out = "";
  for (let i = 0; i < len; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += pool[x % pool.length];
  }
  return out;
}

test("normalize equals the reference implementation, offsets included", () => {
  for (let seed = 1; seed <= 400; seed++) {
    const s = sample(seed, 1 + (seed % 90));
    const fast = normalize(s), slow = normalizeSlow(s);
    assert.equal(fast.text, slow.text, JSON.stringify(s));
    assert.deepEqual([...fast.map], [...slow.map], JSON.stringify(s));
    assert.equal(normalizeForMatch(s), slow.text);
    assert.equal(normalizeForMatchSlow(s), slow.text);
  }
  const plain = "رئيس الوزراء";
  assert.equal(normalize(plain).text, "رييس الوزراء");
  assert.equal(normalize("abc").text, "abc");
  assert.equal(normalize("").text, "");
  // a long text grows the scratch buffer
  const long = sample(7, 30000);
  assert.equal(normalize(long).text, normalizeSlow(long).text);
  assert.equal(normalizeForMatch(long), normalizeSlow(long).text);
});

test("the shared analysis is the stages' own normalize + tokenize + sentence split", () => {
  const s = "قال وزير الخارجية المصري، الأحد، إن بلاده ستستضيف جولة جديدة من المحادثات. ورحبت الأطراف بالخطوة!";
  const a = analyzeText(s);
  assert.deepEqual(a.tokens, tokenize(s));
  assert.deepEqual(a.sentences, splitSentences(s));
  assert.equal(a.norm.text, normalize(s).text);
  assert.equal(analysisFor(s, a), a);
  // an analysis of another text is not used
  assert.notEqual(analysisFor(s + " ", a), a);
  assert.equal(analysisFor(s + " ", a).text, s + " ");
});

test("collapseWhitespace is replace(/\\s+/gu, \" \").trim()", () => {
  const pool = ["ا", "ب", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2009", "\ufeff", "\u3000", "x", "\u200b", "."];
  for (let seed = 1; seed <= 500; seed++) {
    let x = seed, s = "";
    for (let i = 0; i < seed % 40; i++) { x = (Math.imul(x, 1103515245) + 12345) >>> 0; s += pool[x % pool.length]; }
    assert.equal(collapseWhitespace(s), s.replace(/\s+/gu, " ").trim(), JSON.stringify(s));
  }
});

test("tokenize: a run of numerals only is a number, a run with a letter is a word", () => {
  const kinds = (s: string) => tokenize(s).map((t) => `${t.norm}:${t.kind}`);
  assert.deepEqual(kinds("²³ 19كم ⅻ 3.5 ب٣"), ["²³:number", "19كم:word", "ⅻ:number", "3.5:number", "ب3:word"]);
});

test("normalize keeps lone surrogates as they are", () => {
  const s = "\ud800ا\udc00ب" + "ت".repeat(40);
  const n = normalize(s);
  assert.equal(n.text, normalizeSlow(s).text);
  assert.equal(n.text.charCodeAt(0), 0xd800);
  assert.equal(normalizeForMatch(s), n.text);
});

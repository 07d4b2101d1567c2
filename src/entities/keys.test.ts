/**
 * The fast key and distance primitives of the transliteration tier (integer rows, char-code loops) against their
 * definitions: collapseKey/collapseWord collapse doubled letters by code point, editDistance is the weighted
 * distance documented in kbindex.ts; the per-word starts of the token tries (startsOf/matchFrom) match as matchAt,
 * and the per-word table (WordTable) finds every word it stored, across growth.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { collapseKey, collapseWord, WordTable, wordHash, foldHash, type WordInfo } from "./kbindex.js";
import { editDistance } from "./link.js";
import { phraseWords, TokenTrie } from "./trie.js";
import { tokenize } from "../text/index.js";

/** the definition: code points, a letter equal to the previous one is dropped */
function collapseRef(s: string): string {
  let out = "";
  for (const ch of s) if (out[out.length - 1] !== ch) out += ch;
  return out;
}

test("collapseWord: doubled letters written once, strings without doubles returned as they are", () => {
  assert.equal(collapseWord("فيلليب"), "فيليب");
  assert.equal(collapseWord("السوفييتي"), "السوفيتي");
  assert.equal(collapseWord("موسكو"), "موسكو");
  assert.equal(collapseWord(""), "");
  assert.equal(collapseKey(["كيم", "مين"]), "كيمين");
  assert.equal(collapseKey(["بيونغ", "يانغ"]), "بيونغيانغ");
});

test("collapseWord equals the code-point definition, also with surrogate pairs and lone surrogates", () => {
  const parts = ["ا", "ب", "ب", "ل", "😀", "😀", "\ud83d", "\ude00", "a", " "];
  let seed = 11;
  const r = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let k = 0; k < 5000; k++) {
    const s = Array.from({ length: Math.floor(r() * 8) }, () => parts[Math.floor(r() * parts.length)]!).join("");
    assert.equal(collapseWord(s), collapseRef(s), JSON.stringify(s));
  }
});

test("editDistance: letter classes free, long vowels cost 1, other edits 2, early exit above max", () => {
  assert.equal(editDistance("بوتين", "بوتن", 3), 1);
  assert.equal(editDistance("بيونجيانج", "بيونغيانغ", 3), 0);
  assert.equal(editDistance("اجراء", "اكرا", 3), 2);
  assert.equal(editDistance("فوستوتشني", "فوستوشني", 3), 0); // تش folded to ش
  assert.equal(editDistance("", "ابc", 9), 5);
  assert.equal(editDistance("كندا", "جنودا", 0), 1); // above max: max + 1
  // a long string after a short one (the reused rows grow)
  const long = "ب".repeat(200);
  assert.equal(editDistance(long, long, 1), 0);
  assert.equal(editDistance("بوتين", "بوتن", 3), 1);
});

test("TokenTrie.matchFrom from the word's startsOf equals matchAt, with clitics and without the article variants", () => {
  const trie = new TokenTrie<string>();
  for (const p of ["روسيا", "الولايات المتحدة", "الولايات المتحدة الأمريكية", "كرملين", "وكالة الأنباء", "الأنباء", "بيت", "البيت الأبيض"]) trie.add(p, p);
  const words: (string | null)[] = [
    ...phraseWords("وروسيا وللولايات المتحدة الأمريكية والكرملين بالبيت الأبيض وكالة الأنباء الرسمية"),
    null,
    ...phraseWords("الولايات المتحدة بيت"),
  ];
  let matched = 0;
  for (let i = 0; i < words.length; i++) {
    for (const noArticle of [false, true]) {
      const starts = words[i] == null ? null : trie.startsOf(words[i]!);
      const a = trie.matchAt(words, i, noArticle ? "noArticle" : true);
      assert.deepEqual(trie.matchFrom(words, i, starts, noArticle), a, `${words[i]} noArticle=${noArticle}`);
      if (a) matched++;
    }
  }
  assert.ok(matched >= 10);
});

test("WordTable finds every stored word across growth and keeps mask and info in the slot", () => {
  const t = new WordTable(2);
  const words = Array.from({ length: 3000 }, (_, k) => `w${k.toString(36)}`);
  const info = (k: number) => ({ mask: k, fullNext: -k }) as unknown as WordInfo;
  for (let k = 0; k < words.length; k++) {
    assert.equal(t.find(words[k]!, wordHash(words[k]!)), -1);
    t.insert(words[k]!, wordHash(words[k]!), info(k));
  }
  for (let k = 0; k < words.length; k++) {
    const s = t.find(words[k]!, wordHash(words[k]!));
    assert.ok(s >= 0);
    assert.equal(t.slots[s], words[k]);
    assert.equal(t.slots[s + 1], k);
    assert.equal((t.slots[s + 2] as unknown as { mask: number }).mask, k);
    assert.equal(t.slots[s + 3], -k);
  }
  assert.equal(t.find("absent", wordHash("absent")), -1);
});

test("a token's hash from the tokenizer folds to the word table's hash of its word", () => {
  const s = "التقى وزيرُ الخارجية نظيرَه في طوكيو يوم 12/3، وبحثا «كوفيد-19» والطاقة… ﻻ جديد 😀";
  for (const t of tokenize(s)) assert.equal(foldHash(t.hash), wordHash(t.norm), t.norm);
});

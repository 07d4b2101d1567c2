/**
 * The fast key and distance primitives of the transliteration tier (integer rows, char-code loops) against their
 * definitions: collapseKey/collapseWord collapse doubled letters by code point, editDistance is the weighted
 * distance documented in link.ts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { collapseKey, collapseWord } from "./kbindex.js";
import { editDistance } from "./link.js";

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

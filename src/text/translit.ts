/**
 * A skeleton key for foreign names, tolerant to the usual Arabic transliteration variation:
 * «بيونغ يانغ» = «بيونج يانج» = «بيونغيانغ» = «بيونج-يانج» ; «بوتين» = «بوتن» ; «فوستوشني» = «فوستوتشني».
 *
 * Rules (in order), applied to the normalized phrase:
 * 1. joinParts: spaces, hyphens and other non-letters are removed (joined / split / hyphenated parts agree).
 * 2. digraphs: تش → ش (ch/tch), دج → ج (dj).
 * 3. letterClasses: foreign g/k written غ ج ك ق → one class «ك»; emphatic/plain pairs of transliteration
 *    ط→ت, ص→س, ث→س, ض→د, ذ→ز, ظ→ز; the hamza ء is dropped (its seat is already normalized).
 * 4. optionalVowels: when the joined name has ≥ 4 letters, the long vowels ا و ي are dropped everywhere except in
 *    first position (the first letter is always kept: «أون» keeps its alef, «يانغ» after a split does not) and a
 *    final ا or ي (it separates «ألبانيا» from «اليابان», «ألمانيا» from «اليمن»: measured, 23 → fewer collisions).
 * 5. collapseDoubles: a letter repeated after the previous rules is written once («فيلليب» = «فيليب»).
 * The key is only a candidate generator: the entity linker uses it (per word) as a fallback after exact matching,
 * verifies every candidate with a weighted edit distance and drops ties between entities. Measurement over the KB
 * (`node --import tsx src/bench/text.ts`, test in src/entities/data.test.ts): on 2026-11-22, 29 of 2,551 per-word key
 * sequences (1.1%) and 17 joined keys are shared by different entities (e.g. «منسك»: مينسك / مونوسكو).
 */
import { normalizeForMatch } from "./normalize.js";

const CLASS: Record<string, string> = {
  غ: "ك",
  ج: "ك",
  ق: "ك",
  ك: "ك",
  ط: "ت",
  ص: "س",
  ث: "س",
  ض: "د",
  ذ: "ز",
  ظ: "ز",
  ء: "",
};
const VOWELS = new Set(["ا", "و", "ي"]);
/** Below this joined length vowels are kept (short names are too easy to merge). */
export const VOWEL_DROP_MIN_LEN = 4;

/** The transliteration class of a letter (ج غ ق ك → ك, ط → ت, ص ث → س, ض → د, ذ ظ → ز; others unchanged). */
export function letterClass(ch: string): string {
  const r = CLASS[ch];
  return r === undefined ? ch : r === "" ? ch : r;
}

export function translitKey(normPhrase: string): string {
  // 1. joinParts
  let s = normalizeForMatch(normPhrase).replace(/[^\p{L}\p{N}]+/gu, "");
  // 2. digraphs
  s = s.replace(/تش/g, "ش").replace(/دج/g, "ج");
  // 3. letterClasses
  let c = "";
  for (const ch of s) {
    const r = CLASS[ch];
    c += r === undefined ? ch : r;
  }
  // 4. optionalVowels
  let v = c;
  if (c.length >= VOWEL_DROP_MIN_LEN) {
    v = c[0]!;
    const last = c.length - 1;
    for (let i = 1; i < c.length; i++) if (!VOWELS.has(c[i]!) || (i === last && c[i] !== "و")) v += c[i];
  }
  // 5. collapseDoubles
  let out = "";
  for (const ch of v) if (out[out.length - 1] !== ch) out += ch;
  return out;
}

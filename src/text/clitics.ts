/**
 * Proclitic segmentation candidates for a NORMALIZED token.
 *
 * Arabic glues conjunctions (و ف), prepositions (ب ل ك) and the article (ال) to the word:
 * «وروسيا» = و + روسيا, «بالصين» = ب + الصين, «للولايات» = ل + (ا)لولايات (ل + ال drops the alef), «وبالصين» = وب + الصين.
 * Candidates are only hypotheses: a caller accepts one when the stem is a known word/name (so «بوتين» never
 * becomes ب + «وتين» unless «وتين» is itself in the lexicon). Enclitics (pronoun suffixes) are not handled.
 */

export interface CliticVariant {
  /** the remaining word */
  stem: string;
  /** the stripped prefix as written (normalized), e.g. "و", "وب", "ل" for «للولايات» → «الولايات» */
  prefix: string;
  /** index in the normalized token where the stem's written form starts: prefix.length when the stem is a literal
   * suffix of the token; 0 for «لل» → «ال» (the stem is not written as such, so a mention keeps the whole token) */
  offset: number;
  /** true when the stem is the word with its article ال removed («الصين» → «صين») */
  articleStripped?: boolean;
}

/** Smallest stem kept after stripping a one-letter prefix: 2 letters (Arabic words/names are ≥ 2). */
const MIN_STEM = 2;

/**
 * All segmentations, the unsegmented token first, then by increasing prefix length.
 * Rules: optional conjunction و|ف, then optional preposition ب|ل|ك; «لل» after the conjunction is ل + ال;
 * finally, a variant without the article ال is added for every stem that has one (names in a lexicon may be
 * stored without it: «كرملين»), marked `articleStripped`.
 */
export function cliticVariants(normToken: string): CliticVariant[] {
  const hit = CACHE.get(normToken);
  if (hit) return hit;
  const out = computeVariants(normToken);
  if (CACHE.size >= CACHE_MAX) CACHE.clear();
  CACHE.set(normToken, out);
  return out;
}

/** Words repeat across articles (Zipf): a bounded cache makes segmentation a map look-up. Results are frozen. */
const CACHE = new Map<string, CliticVariant[]>();
const CACHE_MAX = 200_000;

function addVariant(out: CliticVariant[], normToken: string, stem: string, prefix: string, articleStripped: boolean): void {
  if (stem.length < MIN_STEM) return;
  for (const v of out) if (v.stem === stem && v.prefix === prefix) return;
  const offset = normToken.endsWith(stem) ? normToken.length - stem.length : 0;
  out.push(Object.freeze(articleStripped ? { stem, prefix, offset, articleStripped } : { stem, prefix, offset }));
}

function computeVariants(normToken: string): CliticVariant[] {
  const out: CliticVariant[] = [];
  const c0 = normToken[0];
  const conjs = c0 === "و" || c0 === "ف" ? ["", c0] : [""];
  for (const c of conjs) {
    const rest = normToken.slice(c.length);
    if (c && rest.length < MIN_STEM) continue;
    addVariant(out, normToken, rest, c, false);
    if (rest.startsWith("لل") && rest.length >= 4) {
      // ل + ال: «للولايات» → «الولايات»
      addVariant(out, normToken, "ال" + rest.slice(2), c + "ل", false);
    }
    const p = rest[0];
    if ((p === "ب" || p === "ل" || p === "ك") && rest.length > MIN_STEM) addVariant(out, normToken, rest.slice(1), c + p, false);
  }
  // article-less variants
  const n = out.length;
  for (let k = 0; k < n; k++) {
    const v = out[k]!;
    if (v.stem.startsWith("ال") && v.stem.length >= 4) {
      addVariant(out, normToken, v.stem.slice(2), normToken.slice(0, normToken.length - v.stem.length + 2), true);
    }
  }
  return Object.freeze(out) as CliticVariant[];
}

/** Strip leading clitics the way the evaluation does (و ف, then ب ل ك, «لل» → «ال») — for comparing surfaces. */
export function stripLeadingClitics(normToken: string): string[] {
  return cliticVariants(normToken)
    .filter((v) => !v.articleStripped)
    .map((v) => v.stem);
}

/**
 * Search-side Arabic text handling for the store: normalization for the index, tokens, clitic stems and
 * transliteration keys. Matching is done on normalized text; the original body is kept in the record for display.
 *
 * Normalization and transliteration keys come from the text core (src/text), so search agrees with the entity
 * linker. What is indexed depends on them: `indexFingerprint()` changes whenever their output changes, and the
 * store then re-indexes on open.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { normalizeForMatch, translitKey as coreTranslitKey } from "../text/index.js";

/** Bump when the indexing rules here change (the fingerprint also catches changes in the text core). */
export const INDEX_TEXT_VERSION = 3;

interface SearchLexicon {
  schema: string;
  stopwords: string[];
  translitMinKey: number;
  translitMinToken: number;
  pairMaxToken: number;
}

export const LEXICON_URL = new URL("../../data/store/search-lexicon.json", import.meta.url);

let lexicon: SearchLexicon | null = null;
export function searchLexicon(): SearchLexicon {
  if (!lexicon) lexicon = JSON.parse(readFileSync(LEXICON_URL, "utf8")) as SearchLexicon;
  return lexicon;
}

let stopSet: Set<string> | null = null;
export function isStopword(normToken: string): boolean {
  if (!stopSet) stopSet = new Set(searchLexicon().stopwords.map((w) => normalizeArabic(w)));
  return stopSet.has(normToken);
}

/**
 * Rule `norm`: the text core's normalization for matching (alef forms → ا, ى → ي, ة → ه, ؤ → و, ئ → ي,
 * diacritics/tatweel/zero-width removed, Arabic-Indic digits → ASCII, Latin lower-cased) — what FTS5's unicode61
 * tokenizer does not fold.
 */
export function normalizeArabic(s: string): string {
  return normalizeForMatch(s);
}

const TOKEN_RE = /[\p{L}\p{N}]+/gu;

/** Tokens of already-normalized text (letters and digits). */
export function tokensOf(norm: string): string[] {
  return norm.match(TOKEN_RE) ?? [];
}

/** Tokens with their UTF-16 offsets in the ORIGINAL string (normalized per token), for snippets. */
export function tokensWithOffsets(original: string): { start: number; end: number; norm: string }[] {
  const out: { start: number; end: number; norm: string }[] = [];
  // Tokens of the original include combining marks so that a diacritized word stays one token.
  const re = /[\p{L}\p{N}\p{M}\u0640]+/gu;
  for (let m = re.exec(original); m; m = re.exec(original)) {
    const norm = normalizeToken(m[0]);
    if (norm) out.push({ start: m.index, end: m.index + m[0].length, norm });
  }
  return out;
}

const ARABIC_RE = /^[\u0621-\u064A\u066E-\u06D3]+$/;

/** normalizeArabic of one word, memoized (snippets normalize every word of a body). */
function normalizeToken(w: string): string {
  const hit = normCache.get(w);
  if (hit !== undefined) return hit;
  const r = normalizeArabic(w);
  memo(normCache, w, r);
  return r;
}

/**
 * Rule `translit-pair` (which words pair): a short Arabic content word — 2..pairMaxToken letters, no article, not a
 * stopword. Two such adjacent words are also keyed joined («بيونغ يانغ» ↔ «بيونغيانغ»). Index and snippets agree.
 */
export function isPairToken(t: string): boolean {
  return t.length >= 2 && t.length <= searchLexicon().pairMaxToken && !t.startsWith("ال") && !isStopword(t) && ARABIC_RE.test(t);
}

/**
 * Rule `clitic-stem`: the stems a normalized token may stand for once proclitics are removed:
 * conjunction و|ف, preposition ب|ل|ك, article ال («وروسيا» → «روسيا», «بالصين» → «الصين», «صين»,
 * «للولايات» → «الولايات», «ولايات»). Indexed next to the token, so the plain word finds its cliticized forms.
 * Over-generation («وزير» → «زير») only adds harmless extra terms: a query must still name the stem.
 */
export function cliticStems(tok: string): string[] {
  const hit = stemCache.get(tok);
  if (hit) return hit;
  const r = computeCliticStems(tok);
  memo(stemCache, tok, r);
  return r;
}

/** Per-word memo (news vocabulary repeats a lot); cleared when it grows past MEMO_MAX. */
const MEMO_MAX = 200_000;
const normCache = new Map<string, string>();
const stemCache = new Map<string, string[]>();
const keyCache = new Map<string, string | null>();
function memo<V>(m: Map<string, V>, k: string, v: V): void {
  if (m.size >= MEMO_MAX) m.clear();
  m.set(k, v);
}

function computeCliticStems(tok: string): string[] {
  if (tok.length < 4 || !ARABIC_RE.test(tok)) return [];
  const out = new Set<string>();
  const add = (stem: string): void => {
    if (stem.length >= 3 && stem !== tok) out.add(stem);
  };
  const conj = /^[وف]/.test(tok) ? ["", tok[0]!] : [""];
  for (const c of conj) {
    const rest = tok.slice(c.length);
    if (c) add(rest);
    if (rest.startsWith("لل") && rest.length >= 5) add("ال" + rest.slice(2));
    else if (/^[بلك]/.test(rest)) add(rest.slice(1));
  }
  // Article-less forms of every stem (and of the token itself) that starts with ال.
  for (const s of [tok, ...out]) if (s.startsWith("ال") && s.length >= 5) add(s.slice(2));
  return [...out];
}

/**
 * Rule `translit-key`: the text core's spelling-insensitive skeleton of a word (transliteration classes
 * ج غ ق ك, ت ط, …; long vowels dropped except first/final; doubles collapsed): «بوتين», «بوتن» → «بتن»;
 * «بيونغيانغ», «بيونج يانج» (joined) → «بنكنك». Gated here: null for short or non-Arabic words, whose skeletons
 * would collide with too many ordinary words.
 */
export function translitKey(normWord: string): string | null {
  const hit = keyCache.get(normWord);
  if (hit !== undefined) return hit;
  const r = computeTranslitKey(normWord);
  memo(keyCache, normWord, r);
  return r;
}

function computeTranslitKey(normWord: string): string | null {
  const lx = searchLexicon();
  if (normWord.length < lx.translitMinToken || !ARABIC_RE.test(normWord)) return null;
  const key = coreTranslitKey(normWord);
  return key.length >= lx.translitMinKey ? key : null;
}

const PROBE = "أعلنَ الكرملينُ أنّ بوتين وبوتن سيزوران بيونغ يانغ وبيونجيانج ولِلولايات المتحدة ٢٠٢٤ فـي مدرسةٍ إلى طهران ChatGPT";

/** Fingerprint of the indexing rules: changes when normalization, stems or keys would index differently. */
export function indexFingerprint(): string {
  const lx = searchLexicon();
  return createHash("sha1")
    .update(JSON.stringify([INDEX_TEXT_VERSION, indexText(PROBE), lx.translitMinKey, lx.translitMinToken, lx.pairMaxToken, lx.stopwords]))
    .digest("hex").slice(0, 16);
}

/** What one text contributes to the FTS row. */
export interface IndexedText {
  /** normalized tokens, space-joined, each followed by its clitic stems (rule `inline-stems`) */
  text: string;
  /** translit keys of tokens and of adjacent short token pairs */
  keys: string[];
}

/**
 * Index one text: normalized tokens, clitic stems, and translit keys of single tokens and of joined pairs of
 * short adjacent content words (rule `translit-pair`: «بيونغ يانغ» is also indexed as the key of «بيونغيانغ»,
 * so joined and split spellings of compound names find each other).
 */
export function indexText(original: string): IndexedText {
  return indexTokens(tokensOf(normalizeArabic(original)));
}

/** What the index derives from one normalized token (memoized: one lookup per token instead of four). */
export interface TokenInfo {
  stems: string[];
  key: string | null;
  /** isPairToken */
  pair: boolean;
}

const infoCache = new Map<string, TokenInfo>();
export function tokenInfo(t: string): TokenInfo {
  const hit = infoCache.get(t);
  if (hit) return hit;
  const r = { stems: cliticStems(t), key: translitKey(t), pair: isPairToken(t) };
  memo(infoCache, t, r);
  return r;
}

/** `indexText` of already normalized tokens. */
export function indexTokens(toks: string[]): IndexedText {
  const out: string[] = [];
  // Keys are a set per text (rule `keys-as-set`): positions are not needed (multi-word names match by joined key
  // or by all their word keys), and a set is a third of the index work.
  const keys = new Set<string>();
  let prev: string | null = null;
  for (const t of toks) {
    const info = tokenInfo(t);
    out.push(t);
    for (const s of info.stems) out.push(s);
    if (info.key) keys.add("k" + info.key);
    const usable = info.pair;
    if (usable && prev) {
      const pk = translitKey(prev + t);
      if (pk) keys.add("k" + pk);
    }
    prev = usable ? t : null;
  }
  return { text: out.join(" "), keys: [...keys] };
}

/**
 * Arabic-aware tokenizer. Tokens are found on the normalized text (so tatweel, diacritics, zero-width characters
 * and presentation forms never split a word) and reported with offsets into the ORIGINAL string.
 */
import { normalize, type Normalized } from "./normalize.js";

export type TokenKind = "word" | "number" | "punct";

export interface Token {
  /** original text: s.slice(start, end) */
  text: string;
  /** normalized text (normalizeForMatch of the token) */
  norm: string;
  start: number;
  end: number;
  /** offsets of `norm` in the normalized text (normalize(s).text.slice(nstart, nend) === norm) */
  nstart: number;
  nend: number;
  kind: TokenKind;
  /** true when this token is glued to the previous one by a hyphen with no space («كوفيد-19», «بيونج-يانج»):
   * the hyphen itself is a separate punct token between them. */
  hyphenJoined?: boolean;
  /** true when this token is preceded by whitespace (or is first): false inside «"فادي"» after the quote, etc. */
  spaceBefore: boolean;
  /** FNV-1a of `norm`'s UTF-16 units (a 32-bit integer, as `Math.imul` leaves it): computed once by the tokenizer
   * for its intern table, reused by stages that hash words (the entity linker's word table) */
  hash: number;
}

// Character classes of the normalized text, precomputed for the BMP:
// WORD = letters and marks (any script), DIGIT = decimal digits, OTHER_NUM = other numerals (glued to words),
// SPACE = whitespace, PUNCT = anything else. Words are runs of WORD/DIGIT/OTHER_NUM; a run that starts with a digit
// and contains only digits (with inner . or , between digits: 3.5, 1,000) is a number.
const SPACE = 0;
const WORD = 1;
const DIGIT = 2;
const OTHER_NUM = 3;
const PUNCT = 4;
const CLS = new Uint8Array(0x10000);
(() => {
  const L = /[\p{L}\p{M}]/u;
  const D = /\p{Nd}/u;
  const N = /\p{N}/u;
  const S = /\s/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      CLS[c] = PUNCT;
      continue;
    }
    const ch = String.fromCharCode(c);
    CLS[c] = S.test(ch) ? SPACE : L.test(ch) ? WORD : D.test(ch) ? DIGIT : N.test(ch) ? OTHER_NUM : PUNCT;
  }
})();
const isWordish = (k: number) => k === WORD || k === DIGIT || k === OTHER_NUM;

/**
 * The objects `tokenizeNormalized` returns (plain data: the same own properties as a `Token` literal). Made by a
 * constructor rather than an object literal: V8 may "pretenure" a literal's allocation site — allocate its objects
 * straight into the old generation — when they survive young collections, as an article's tokens do while the
 * stages read them; old objects are only freed by full collections (measured on the linker's words, see WordRecord
 * in src/entities/link.ts: several times the GC work).
 */
class TokenRecord implements Token {
  declare hyphenJoined?: boolean; // set only on joined tokens (no own property otherwise, as before)
  constructor(
    /** the whole original string the token was cut from: `text` is sliced from it on demand */
    private readonly src: string,
    public norm: string,
    public start: number,
    public end: number,
    public nstart: number,
    public nend: number,
    public kind: TokenKind,
    public spaceBefore: boolean,
    public hash: number,
  ) {}
  /** original text, sliced when asked: few consumers read it (most work on `norm`), so most tokens never pay for it */
  get text(): string {
    return this.src.slice(this.start, this.end);
  }
}

/**
 * Interned normalized words. The words of news text repeat (Zipf): a token's normalized form is looked up here by a
 * hash of its characters in the normalized text, and a known word reuses the one string kept for it instead of
 * slicing a new one per occurrence. Besides the allocation, a kept string carries its hash (V8 caches it in the
 * string), so the stages' Map look-ups on `norm` do not hash the word again. Bounded: when full, the table starts
 * over (the words of the texts that follow fill it again).
 */
const INTERN_BITS = 17;
const INTERN_SLOTS = 1 << INTERN_BITS;
const INTERN_MAX = INTERN_SLOTS >> 1; // load factor ≤ 0.5
const INTERN_MAX_LEN = 40; // longer runs (URLs, glued junk) are rare and not worth keeping
let internSlot = new Int32Array(INTERN_SLOTS).fill(-1);
let internStr: string[] = [];

/** The FNV-1a hash of t[i, end) (the tokenizer folds the same steps into its character scan). */
export function fnv(t: string, i: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = i; k < end; k++) h = Math.imul(h ^ t.charCodeAt(k), 0x01000193);
  return h;
}

/** The kept string equal to t[i, end), whose FNV-1a hash is `h`; a new slice (kept if there is room) when unseen. */
function interned(t: string, i: number, end: number, h: number): string {
  const len = end - i;
  if (len > INTERN_MAX_LEN) return t.slice(i, end);
  let slot = (h ^ (h >>> INTERN_BITS)) & (INTERN_SLOTS - 1);
  for (;;) {
    const at = internSlot[slot]!;
    if (at < 0) break;
    const w = internStr[at]!;
    if (w.length === len) {
      let k = 0;
      while (k < len && w.charCodeAt(k) === t.charCodeAt(i + k)) k++;
      if (k === len) return w;
    }
    slot = (slot + 1) & (INTERN_SLOTS - 1);
  }
  const w = t.slice(i, end);
  if (internStr.length >= INTERN_MAX) {
    internSlot.fill(-1);
    internStr = [];
    return w;
  }
  internSlot[slot] = internStr.length;
  internStr.push(w);
  return w;
}

/** Tokenize `s`. Whitespace is skipped; every other non-word character is a one-character punct token. */
export function tokenize(s: string): Token[] {
  return tokenizeNormalized(s, normalize(s));
}

/** Tokenize when the caller already has the normalization of `s` (avoids normalizing twice). */
export function tokenizeNormalized(s: string, n: Normalized): Token[] {
  const t = n.text;
  const map = n.map;
  const out: Token[] = [];
  let i = 0;
  let sawSpace = true;
  const len = t.length;
  /** the previous token is punctuation / a hyphen glued to the token before it; the one before that is a word */
  let prevPunct = false, prevGluedDash = false, prev2Word = false;
  while (i < len) {
    const k0 = CLS[t.charCodeAt(i)]!;
    if (k0 === SPACE) {
      sawSpace = true;
      i++;
      continue;
    }
    let end: number;
    let kind: TokenKind;
    let h: number; // FNV-1a of the token's characters, for the intern table
    if (k0 === PUNCT) {
      // a surrogate pair (emoji…) stays one token
      const cp = t.codePointAt(i)!;
      end = i + (cp > 0xffff ? 2 : 1);
      kind = "punct";
      h = fnv(t, i, end);
    } else {
      end = i + 1;
      h = Math.imul(0x811c9dc5 ^ t.charCodeAt(i), 0x01000193);
      let allDigits = k0 === DIGIT;
      let hasLetter = k0 === WORD;
      for (;;) {
        while (end < len) {
          const c = t.charCodeAt(end);
          const k = CLS[c]!;
          if (!isWordish(k)) break;
          if (k !== DIGIT) allDigits = false;
          if (k === WORD) hasLetter = true;
          h = Math.imul(h ^ c, 0x01000193);
          end++;
        }
        // inner separator of a number: 3.5, 1,000
        const sep = t.charCodeAt(end);
        if (allDigits && (sep === 46 || sep === 44) && end + 1 < len && CLS[t.charCodeAt(end + 1)] === DIGIT) {
          h = Math.imul(h ^ sep, 0x01000193);
          end += 1;
          continue;
        }
        break;
      }
      if (allDigits) {
        kind = "number";
      } else {
        // digits then letters («19كم») stay one word; a pure numeral run (other numerals) is a number. The run
        // holds only WORD (letters, marks), DIGIT and OTHER_NUM characters, so «all numerals» = «no WORD character»
        kind = hasLetter ? "word" : "number";
      }
    }
    const start = map[i]!;
    const oend = map[end]!;
    // original end = map[end]: characters deleted by normalization right after the token (its diacritics, a
    // tatweel, a ZWNJ) stay with it; whitespace is never deleted, so it is never included
    const tok: Token = new TokenRecord(s, interned(t, i, end, h), start, oend, i, end, kind, sawSpace, h);
    // «كوفيد-19», «بيونج-يانج»: a word glued to a hyphen that is glued to a word before it (the facts about the two
    // previous tokens are kept in locals rather than read back from `out`)
    const isPunct = k0 === PUNCT;
    if (!isPunct && !sawSpace && prevGluedDash && prev2Word) tok.hyphenJoined = true;
    prev2Word = !prevPunct && out.length > 0;
    prevGluedDash = isPunct && !sawSpace && end === i + 1 && t.charCodeAt(i) === 0x2d;
    prevPunct = isPunct;
    out.push(tok);
    sawSpace = false;
    i = end;
  }
  return out;
}

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
}

// A word: letters (any script, Arabic included) and digits glued together; marks never split.
// Numbers: digits with inner . or , groups (3.5, 1,000).
const WORD_RE = /[\p{L}\p{M}\p{N}]+/uy;
const NUMBER_RE = /\p{Nd}+(?:[.,]\p{Nd}+)*(?![\p{L}\p{M}])/uy;
const SPACE_RE = /\s/u;

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
  while (i < t.length) {
    const ch = t[i]!;
    if (SPACE_RE.test(ch)) {
      sawSpace = true;
      i++;
      continue;
    }
    let end = -1;
    let kind: TokenKind = "word";
    NUMBER_RE.lastIndex = i;
    if (NUMBER_RE.test(t)) {
      end = NUMBER_RE.lastIndex;
      kind = "number";
    } else {
      WORD_RE.lastIndex = i;
      if (WORD_RE.test(t)) {
        end = WORD_RE.lastIndex;
        kind = /^\p{N}+$/u.test(t.slice(i, end)) ? "number" : "word";
      }
    }
    if (end < 0) {
      // a surrogate pair (emoji…) stays one token
      const cp = t.codePointAt(i)!;
      end = i + (cp > 0xffff ? 2 : 1);
      kind = "punct";
    }
    const start = map[i]!;
    const oend = map[end]!;
    // original end = map[end]: characters deleted by normalization right after the token (its diacritics, a
    // tatweel, a ZWNJ) stay with it; whitespace is never deleted, so it is never included
    const tok: Token = {
      text: s.slice(start, oend),
      norm: t.slice(i, end),
      start,
      end: oend,
      nstart: i,
      nend: end,
      kind,
      spaceBefore: sawSpace,
    };
    const prev = out[out.length - 1];
    const prev2 = out[out.length - 2];
    if (
      kind !== "punct" &&
      !sawSpace &&
      prev &&
      prev.kind === "punct" &&
      prev.norm === "-" &&
      !prev.spaceBefore &&
      prev2 &&
      prev2.kind !== "punct"
    ) {
      tok.hyphenJoined = true;
    }
    out.push(tok);
    sawSpace = false;
    i = end;
  }
  return out;
}

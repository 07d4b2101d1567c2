/**
 * Sentence splitter respecting Arabic punctuation. A sentence ends at . ! ? ؟ (and runs of them, plus closing
 * quotes/brackets that follow) when followed by whitespace or the end of text, or at a newline. A period between
 * digits (3.5) or after a single Latin capital (initials «U.S.») does not end a sentence.
 * Returns spans into the original text, trimmed of surrounding whitespace; empty sentences are skipped.
 */
export interface Span {
  start: number;
  end: number;
}

// . ! ? ؟ … ۔ (a set of char codes, tested with a small lookup)
const END_CODES = [0x2e, 0x21, 0x3f, 0x61f, 0x2026, 0x6d4];
// " ' » ” ’ ) ] }
const CLOSER_CODES = [0x22, 0x27, 0xbb, 0x201d, 0x2019, 0x29, 0x5d, 0x7d];
const END = { has: (c: number) => c < 0x2030 && (END_T[c] === 1) };
const CLOSERS = { has: (c: number) => c < 0x2030 && (CLOSER_T[c] === 1) };
const END_T = new Uint8Array(0x2030);
const CLOSER_T = new Uint8Array(0x2030);
for (const c of END_CODES) END_T[c] = 1;
for (const c of CLOSER_CODES) CLOSER_T[c] = 1;
/** 1 for the characters the splitter stops at: line breaks and sentence ends (all others are skipped at once). */
const STOPS = new Uint8Array(0x10000);
for (const c of [10, 13, 0x2029, ...END_CODES]) STOPS[c] = 1;

const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
const isDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9);
const isUpperLatin = (c: number): boolean => c >= 65 && c <= 90;
const isLetterish = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0x621 && c <= 0x64a);

export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (a: number, b: number): void => {
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (STOPS[ch] === 0) continue; // most characters: neither a line break nor a sentence end (one table load)
    if (ch === 10 || ch === 13 || ch === 0x2029) {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (!END.has(ch)) continue;
    if (ch === 0x2e && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) continue;
    if (ch === 0x2e && isUpperLatin(text.charCodeAt(i - 1)) && !isLetterish(text.charCodeAt(i - 2))) continue;
    let j = i + 1;
    while (j < n && (END.has(text.charCodeAt(j)) || CLOSERS.has(text.charCodeAt(j)))) j++;
    if (j < n && !isSpace(text.charCodeAt(j))) {
      i = j - 1;
      continue;
    }
    push(start, j);
    start = j;
    i = j - 1;
  }
  push(start, n);
  return out;
}

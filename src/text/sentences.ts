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

const END = new Set([".", "!", "?", "؟", "…", "۔"]);
const CLOSERS = new Set(['"', "'", "»", "”", "’", ")", "]", "}"]);

export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (a: number, b: number): void => {
    while (a < b && /\s/u.test(text[a]!)) a++;
    while (b > a && /\s/u.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i]!;
    if (ch === "\n" || ch === "\r" || ch === "\u2029") {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (!END.has(ch)) continue;
    if (ch === "." && /\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? "")) continue;
    if (ch === "." && /[A-Z]/.test(text[i - 1] ?? "") && !/\p{L}/u.test(text[i - 2] ?? "")) continue;
    let j = i + 1;
    while (j < n && (END.has(text[j]!) || CLOSERS.has(text[j]!))) j++;
    if (j < n && !/\s/u.test(text[j]!)) {
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

/**
 * Offset-keeping normalization for matching time expressions.
 * Its own table (small and specific: digits, alef/yaa/taa forms, diacritics, Latin case: fewer characters than
 * src/text's, which also maps quotes, dashes and ئ/ؤ: not a drop-in for the time rules); every span found in the
 * normalized text maps back to the original body through `map` (the identity map is src/text's shared one).
 */
import { identityMap } from "../text/normalize.js";

export interface Normalized {
  /** The normalized text. */
  text: string;
  /** map[i] = index in the original string of text[i]; map[text.length] = original length. */
  map: Int32Array;
}

/**
 * One lookup table for every UTF-16 code unit: 0 = dropped (harakat, tanween, shadda, sukun, superscript alef,
 * tatweel, zero-width/bidi marks), else the normalized unit: Arabic-Indic ٠-٩ and Persian ۰-۹ digits → ASCII;
 * أ إ آ ٱ → ا; ى ی → ي; ة → ه; ک → ك; odd spaces → space; A-Z → a-z. Only 1:1 maps and drops, so offsets stay simple.
 */
const TABLE = (() => {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  for (let c = 0x064b; c <= 0x065f; c++) t[c] = 0;
  for (const c of [0x0670, 0x0640, 0x200c, 0x200d, 0x200e, 0x200f, 0x061c]) t[c] = 0;
  for (let c = 0; c <= 9; c++) { t[0x0660 + c] = 48 + c; t[0x06f0 + c] = 48 + c; }
  for (const c of [0x0623, 0x0625, 0x0622, 0x0671]) t[c] = 0x0627;
  t[0x0649] = 0x064a; t[0x06cc] = 0x064a; t[0x0629] = 0x0647; t[0x06a9] = 0x0643;
  for (const c of [0x00a0, 0x2007, 0x2009, 0x200a, 0x202f]) t[c] = 0x20;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 32;
  return t;
})();
// The text is copied into a UTF-16 scratch buffer natively (Buffer.write) and the loop reads that typed array: reading
// a typed array is several times cheaper than `charCodeAt` on strings of every shape (sliced, flat, one-byte) that the
// engine and the date-line helpers pass. The output is decoded natively too (several times cheaper than a
// TextDecoder). UTF-16 copies in both directions keep every unit as it is: a leading U+FEFF stays (offsets must not
// shift) and so does a lone surrogate (typed arrays are little-endian wherever Node runs).
let inBytes = Buffer.allocUnsafe(16384);
let inUnits = new Uint16Array(inBytes.buffer, inBytes.byteOffset, 8192);
let outBytes = Buffer.allocUnsafe(16384);
let outUnits = new Uint16Array(outBytes.buffer, outBytes.byteOffset, 8192);
function grow(len: number): void {
  const units = Math.max(len, inUnits.length * 2);
  inBytes = Buffer.allocUnsafe(units * 2);
  inUnits = new Uint16Array(inBytes.buffer, inBytes.byteOffset, units);
  outBytes = Buffer.allocUnsafe(units * 2);
  outUnits = new Uint16Array(outBytes.buffer, outBytes.byteOffset, units);
}

/**
 * Single pass through the table. Most texts drop nothing: the first loop maps without an offset map; at the first
 * dropped unit the second loop takes over and records the offsets.
 */
export function normalize(s: string): Normalized {
  const len = s.length;
  if (inUnits.length < len) grow(len);
  const src = inUnits, out = outUnits, T = TABLE; // locals: the loops need not reload the module variables
  inBytes.write(s, 0, len * 2, "utf16le");
  let i = 0;
  for (; i < len; i++) {
    const u = T[src[i]!]!;
    if (u === 0) break;
    out[i] = u;
  }
  if (i === len) return { text: outBytes.toString("utf16le", 0, len * 2), map: identityMap(len) };
  const map = new Int32Array(len + 1);
  for (let k = 0; k < i; k++) map[k] = k;
  let n = i;
  for (; i < len; i++) {
    const u = T[src[i]!]!;
    if (u === 0) continue;
    map[n] = i;
    out[n++] = u;
  }
  map[n] = len;
  return { text: outBytes.toString("utf16le", 0, n * 2), map: map.subarray(0, n + 1) };
}

/** Normalizes a lexicon word the same way (no offsets needed). */
export function normWord(s: string): string {
  return normalize(s).text.replace(/\s+/g, " ").trim();
}

/** Original span [start, end) of normalized span [ns, ne). */
export function origSpan(nz: Normalized, ns: number, ne: number): [number, number] {
  // map[ne] is the next kept character, so diacritics trailing the last letter stay inside the span.
  return [nz.map[ns]!, nz.map[ne]!];
}

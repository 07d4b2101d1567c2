/**
 * Offset-keeping normalization for matching time expressions.
 * Kept local to src/time (small and specific: digits, alef/yaa/taa forms, diacritics, Latin case) so the time
 * tagger does not depend on the moment src/text lands; every span found in the normalized text maps back to the
 * original body through `map`.
 */

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
// Buffer's UTF-16 decoding (several times cheaper than a TextDecoder's) keeps every unit as it is: a leading U+FEFF
// stays (offsets must not shift) and so does a lone surrogate (typed arrays are little-endian wherever Node runs).
const decodeUnits = (b: Uint16Array, n: number): string => Buffer.from(b.buffer, b.byteOffset, n * 2).toString("utf16le");
let buf = new Uint16Array(8192);

/** Single pass through the table into a UTF-16 buffer, decoded natively; the map is built only when units drop. */
export function normalize(s: string): Normalized {
  const len = s.length;
  if (buf.length < len) buf = new Uint16Array(Math.max(len, buf.length * 2));
  const out = buf; // a local: the loop then need not reload the module variable
  let n = 0, map: Int32Array | null = null;
  for (let i = 0; i < len; i++) {
    const u = TABLE[s.charCodeAt(i)]!;
    if (u === 0) {
      if (map === null) { map = new Int32Array(len + 1); for (let k = 0; k < n; k++) map[k] = k; }
      continue;
    }
    if (map !== null) map[n] = i;
    out[n++] = u;
  }
  const text = decodeUnits(out, n);
  if (map === null) return { text, map: identity(len) };
  map[n] = len;
  return { text, map: map.subarray(0, n + 1) };
}

/** Identity offset map (shared, grown on demand; read-only for callers). */
let ident = new Int32Array(0);
function identity(len: number): Int32Array {
  if (ident.length < len + 1) {
    ident = new Int32Array(Math.max(len + 1, ident.length * 2, 8192));
    for (let i = 0; i < ident.length; i++) ident[i] = i;
  }
  return ident.subarray(0, len + 1);
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

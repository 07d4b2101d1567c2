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

/** Characters dropped: harakat, tanween, shadda, sukun, superscript alef, tatweel, zero-width/bidi marks. */
const DROP_G = /[\u064B-\u065F\u0670\u0640\u200C-\u200F\u061C]/g;
/** Rare 1:1 replacements, done in one callback pass: digits, odd spaces, Persian letters, ٱ, Latin capitals. */
const RARE = /[\u0660-\u0669\u06F0-\u06F9\u00A0\u2007\u2009\u200A\u202F\u06A9\u06CC\u0671A-Z]/g;
function rare(ch: string): string {
  const c = ch.charCodeAt(0);
  if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) return String.fromCharCode((c & 0x0f) + 48);
  if (c === 0x06a9) return "\u0643"; // ک → ك
  if (c === 0x06cc) return "\u064A"; // ی → ي
  if (c === 0x0671) return "\u0627"; // ٱ → ا
  if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 32);
  return " ";
}

/**
 * 1:1 replacements with native regex replaces (fast): أ إ آ → ا; ى → ي; ة → ه; plus the rare ones above.
 * Then drops (diacritics, tatweel, zero-width marks) with an offset map built from copied identity runs.
 */
export function normalize(s: string): Normalized {
  const t = s
    .replace(/[\u0623\u0625\u0622]/g, "\u0627")
    .replace(/\u0649/g, "\u064A")
    .replace(/\u0629/g, "\u0647")
    .replace(RARE, rare);
  DROP_G.lastIndex = 0;
  let d = DROP_G.exec(t);
  if (d === null) return { text: t, map: identity(s.length) };
  const id = identity(s.length);
  const map = new Int32Array(s.length + 1);
  let n = 0, from = 0, out = "";
  while (d !== null) {
    map.set(id.subarray(from, d.index), n); // kept run [from, d.index)
    n += d.index - from;
    out += t.slice(from, d.index);
    from = d.index + 1;
    d = DROP_G.exec(t);
  }
  map.set(id.subarray(from, s.length + 1), n);
  n += s.length - from;
  out += t.slice(from);
  return { text: out, map: map.subarray(0, n + 1) };
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

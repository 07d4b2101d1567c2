/**
 * Orthographic normalization of Arabic text FOR MATCHING (never for display), with an offset map back
 * to the original string.
 *
 * Decisions (each is a row of the character table built below):
 * - alef forms أ إ آ ٱ ٲ ٳ ٵ → ا
 * - ى ی (Farsi yeh) ۍ ې ے → ي ; ئ → ي (hamza seat dropped: «رئيس»→«رييس», same as the scorer)
 * - ؤ → و ; ة ۀ ە → ه ; ھ (Urdu heh) → ه ; bare hamza ء is KEPT (it can be the only difference: «جزء»)
 * - Persian/Urdu letters: ک → ك ; گ → ك (a foreign "g": the transliteration key, not the normalizer, merges
 *   the g-class غ/ج/ك/ق) ; پ → ب ; چ → ج ; ژ → ز ; ڤ ۋ → ف/و ; ڨ (Maghrebi g) → ق
 * - removed: tatweel ـ, harakat and Quranic marks U+064B–065F, U+0670, U+06D6–06ED, zero-width and bidi
 *   controls (U+200B–200F, U+202A–202E, U+2066–2069, U+FEFF)
 * - Arabic-Indic ٠-٩ and Persian ۰-۹ digits → 0-9 ; Arabic decimal/thousands separators ٫ ٬ → . ,
 * - presentation forms (U+FB50–FDFF, U+FE70–FEFC) and full-width forms → NFKC of the single code point
 *   (a ligature like ﻻ expands to «لا»: both output chars map to the ligature's offset)
 * - Latin lowercased ; typographic double quotes “ ” „ ‟ « » ″ → " ; single quotes ‘ ’ ‚ ‛ ′ → ' ;
 *   dashes ‐ ‑ ‒ – — ― − → - ; any other whitespace (NBSP, thin space, …) → " " (one for one; runs are NOT collapsed,
 *   so the normalized text keeps the token layout of the original).
 */

/** Result of `normalize`: `map[i]` is the index in the original string of normalized char i; `map[text.length]` is
 * the original length, so a span [s, e) of `text` is `original.slice(map[s], map[e])`. */
export interface Normalized {
  text: string;
  map: Int32Array;
}

/** For each UTF-16 code unit: KEEP, or the replacement string ("" = delete). */
const TABLE: (string | null)[] = new Array(0x10000).fill(null);

function set(chars: string, to: string): void {
  for (const ch of chars) TABLE[ch.charCodeAt(0)] = to;
}
function setRange(from: number, to: number, rep: string): void {
  for (let c = from; c <= to; c++) TABLE[c] = rep;
}

function buildTable(): void {
  // Latin uppercase (ASCII and Latin-1/Extended where lowercasing is one code unit)
  for (let c = 0x41; c <= 0x5a; c++) TABLE[c] = String.fromCharCode(c + 32);
  for (let c = 0xc0; c <= 0x24f; c++) {
    const ch = String.fromCharCode(c);
    const lo = ch.toLowerCase();
    if (lo !== ch && lo.length === 1) TABLE[c] = lo;
  }
  // Arabic letters
  set("أإآٱٲٳٵ", "ا");
  set("ىیۍېےۓ", "ي");
  set("ئ", "ي");
  set("ؤ", "و");
  set("ةۀەھۃ", "ه");
  set("ک", "ك");
  set("گ", "ك");
  set("پ", "ب");
  set("چ", "ج");
  set("ژ", "ز");
  set("ڤ", "ف");
  set("ۋ", "و");
  set("ڨ", "ق");
  // deletions
  set("\u0640", ""); // tatweel
  setRange(0x064b, 0x065f, ""); // harakat, hamza above/below marks
  set("\u0670", ""); // superscript alef
  setRange(0x06d6, 0x06ed, ""); // Quranic annotation marks
  setRange(0x200b, 0x200f, ""); // ZWSP, ZWNJ, ZWJ, LRM, RLM
  setRange(0x202a, 0x202e, ""); // bidi embeddings
  setRange(0x2066, 0x2069, ""); // bidi isolates
  set("\ufeff", ""); // BOM
  // digits
  for (let d = 0; d <= 9; d++) {
    TABLE[0x0660 + d] = String(d);
    TABLE[0x06f0 + d] = String(d);
  }
  set("٫", ".");
  set("٬", ",");
  // punctuation
  set("“”„‟«»″", '"');
  set("‘’‚‛′", "'");
  set("‐‑‒–—―−", "-");
  set("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " ");
  // presentation forms and full-width forms: NFKC of the code point, then the table again
  const compat: [number, number][] = [
    [0xfb50, 0xfdff],
    [0xfe70, 0xfefc],
    [0xff01, 0xff5e],
  ];
  for (const [a, b] of compat) {
    for (let c = a; c <= b; c++) {
      const nf = String.fromCharCode(c).normalize("NFKC");
      if (nf === String.fromCharCode(c)) continue;
      let out = "";
      for (const ch of nf) out += applyChar(ch);
      // isolated harakat forms (U+FE70…) decompose to " " + mark: the mark is removed, drop the space too
      if (c >= 0xfe70 && c <= 0xfe7f) out = out.trim();
      TABLE[c] = out;
    }
  }
}

function applyChar(ch: string): string {
  if (ch.length !== 1) return ch;
  const r = TABLE[ch.charCodeAt(0)];
  return r === null ? ch : r;
}

buildTable();

/**
 * The table as char codes, for the fast path: KEEP, DROP, MULTI (several chars: see TABLE) or the one replacement
 * code unit. Built from TABLE, so both paths apply the same rules.
 */
const KEEP = -1, DROP = -2, MULTI = -3;
const CODE = new Int32Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  const r = TABLE[c];
  CODE[c] = r === null ? KEEP : r.length === 0 ? DROP : r.length === 1 ? r.charCodeAt(0) : MULTI;
}
// Decoding the output units natively is much cheaper than joining slices (and Buffer's UTF-16 decoding is several
// times cheaper than a TextDecoder's). A text with a lone surrogate takes the slice-joining path (`normalizeSlow`),
// which keeps it as it is whatever the decoder would make of it.
let units: Uint16Array = new Uint16Array(8192);
/** The string of UTF-16 code units buf[0..n) (typed arrays are little-endian on every platform Node supports). */
function decodeUnits(buf: Uint16Array, n: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset, n * 2).toString("utf16le");
}

/** The characters normalization expands into several (ligatures such as ﻻ → «لا»), as one character class. */
const EXPANDING = (() => {
  let cls = "";
  for (let c = 0; c < 0x10000; c++) if (CODE[c] === MULTI) cls += `\\u${c.toString(16).padStart(4, "0")}`;
  return cls ? new RegExp(`[${cls}]`) : /(?!)/;
})();

/** Identity offset map, shared and grown on demand: read-only for callers (the time tagger's normalizer uses it too). */
let identity = new Int32Array(0);
export function identityMap(len: number): Int32Array {
  if (identity.length < len + 1) {
    identity = new Int32Array(Math.max(len + 1, 2 * identity.length, 16384));
    for (let i = 0; i < identity.length; i++) identity[i] = i;
  }
  return identity.subarray(0, len + 1);
}

/**
 * `normalize(s)` for a caller that already has the normalized text (`known` must be normalizeForMatch(s), e.g. the
 * cleaner's normalized body): only the offset map is missing. Normalization drops characters (marks, tatweel…) and
 * expands a few (ligatures); a text of the same length with no expanding character therefore dropped nothing, and
 * its map is the identity (shared, read-only). Any other text is normalized again.
 */
export function normalizeKnown(s: string, known: string): Normalized {
  if (known.length !== s.length || EXPANDING.test(s)) return normalize(s);
  return { text: known, map: identityMap(s.length) };
}

/** Normalize with an offset map (see module comment for the rules). */
export function normalize(s: string): Normalized {
  const n = s.length;
  if (units.length < n + 64) units = new Uint16Array(Math.max(n + 64, units.length * 2));
  let buf: Uint16Array = units;
  let map: Int32Array = new Int32Array(n + 1);
  let out = 0;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const r = CODE[c]!;
    if (r !== KEEP) changed = true;
    if (r === KEEP) {
      if (c >= 0xd800 && c <= 0xdfff) {
        // a surrogate: a well-formed pair is kept as is; a lone one sends the text to the slow path
        const d = s.charCodeAt(i + 1);
        if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return normalizeSlow(s);
        if (out + 2 >= map.length) map = grow(map, out + 2);
        buf[out] = c; map[out++] = i;
        buf[out] = d; map[out++] = ++i;
        continue;
      }
      buf[out] = c; map[out++] = i;
    } else if (r >= 0) {
      buf[out] = r; map[out++] = i;
    } else if (r === MULTI) {
      // room for the expansion and for every later character kept one to one (the next expansion checks again)
      const rep = TABLE[c]!;
      const need = out + rep.length + (n - i) + 1;
      if (need > map.length) map = grow(map, need);
      if (need > buf.length) { units = grow16(buf, need); buf = units; }
      for (let k = 0; k < rep.length; k++) { buf[out] = rep.charCodeAt(k); map[out++] = i; }
    }
  }
  if (out + 1 > map.length) map = grow(map, out + 1);
  map[out] = n;
  const text = changed ? decodeUnits(buf, out) : s;
  return { text, map: map.length === out + 1 ? map : map.slice(0, out + 1) };
}

function grow(a: Int32Array, min: number): Int32Array {
  const b = new Int32Array(Math.max(min + 1, a.length * 2));
  b.set(a);
  return b;
}
function grow16(a: Uint16Array, min: number): Uint16Array {
  const b = new Uint16Array(Math.max(min + 1, a.length * 2));
  b.set(a);
  return b;
}

/** The reference implementation of `normalize` (slices joined): used for texts with a lone surrogate. */
export function normalizeSlow(s: string): Normalized {
  const n = s.length;
  // Most characters map one to one: allocate n + extra for ligature expansions.
  let map: Int32Array = new Int32Array(n + 1);
  const parts: string[] = [];
  let out = 0;
  let runStart = 0; // start of the current run of unchanged characters
  const flushRun = (end: number): void => {
    if (end > runStart) {
      parts.push(s.slice(runStart, end));
      // after a ligature expansion the map may be full: grow it (a write past a typed array's end is lost)
      if (out + (end - runStart) >= map.length) map = grow(map, out + (end - runStart));
      for (let k = runStart; k < end; k++) map[out++] = k;
    }
  };
  for (let i = 0; i < n; i++) {
    const r = TABLE[s.charCodeAt(i)];
    if (r === null) continue;
    flushRun(i);
    runStart = i + 1;
    if (r.length === 0) continue;
    if (out + r.length >= map.length) {
      const bigger = new Int32Array(map.length * 2 + r.length);
      bigger.set(map);
      map = bigger;
    }
    parts.push(r);
    for (let k = 0; k < r.length; k++) map[out++] = i;
  }
  flushRun(n);
  if (out + 1 > map.length) {
    const bigger = new Int32Array(out + 1);
    bigger.set(map);
    map = bigger;
  }
  map[out] = n;
  return { text: parts.join(""), map: map.length === out + 1 ? map : map.slice(0, out + 1) };
}

/** Same normalization as `normalize(s).text`, without the map. Stable: used for content ids. */
export function normalizeForMatch(s: string): string {
  const n = s.length;
  // short strings: joining slices is as cheap as a decoder call
  if (n < 24) return normalizeForMatchSlow(s);
  if (units.length < n + 64) units = new Uint16Array(Math.max(n + 64, units.length * 2));
  let buf: Uint16Array = units;
  let out = 0;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const r = CODE[c]!;
    if (r === KEEP) {
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = s.charCodeAt(i + 1);
        if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return normalizeForMatchSlow(s); // a lone surrogate
        buf[out++] = c;
        buf[out++] = d;
        i++;
        continue;
      }
      buf[out++] = c;
      continue;
    }
    changed = true;
    if (r >= 0) buf[out++] = r;
    else if (r === MULTI) {
      const rep = TABLE[c]!;
      const need = out + rep.length + (n - i) + 1;
      if (need > buf.length) { units = grow16(buf, need); buf = units; }
      for (let k = 0; k < rep.length; k++) buf[out++] = rep.charCodeAt(k);
    }
  }
  return changed ? decodeUnits(buf, out) : s;
}

/** The reference implementation of `normalizeForMatch` (slices joined): short strings and lone surrogates. */
export function normalizeForMatchSlow(s: string): string {
  let out = "";
  let runStart = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const r = TABLE[s.charCodeAt(i)];
    if (r === null) continue;
    if (i > runStart) out += s.slice(runStart, i);
    out += r;
    runStart = i + 1;
  }
  if (runStart === 0) return s;
  if (n > runStart) out += s.slice(runStart, n);
  return out;
}

/** JavaScript's `\s` (white space and line terminators): what `/\s/u` and `String.prototype.trim` remove. */
export function isJsSpace(c: number): boolean {
  // ordered so that letters (Latin, Arabic) are rejected after two or three comparisons
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  if (c === 0xa0) return true;
  if (c < 0x1680) return false;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f
    || c === 0x3000 || c === 0xfeff;
}

/**
 * `s.replace(/\s+/gu, " ").trim()` without the regex: the words joined by single spaces. Text that is already
 * single-spaced between its words is kept in one piece, so a body costs a few slices and one join.
 */
export function collapseWhitespace(s: string): string {
  const n = s.length;
  const parts: string[] = [];
  let i = 0;
  while (i < n && isJsSpace(s.charCodeAt(i))) i++;
  let segStart = i;
  while (i < n) {
    if (!isJsSpace(s.charCodeAt(i))) { i++; continue; }
    let j = i + 1;
    while (j < n && isJsSpace(s.charCodeAt(j))) j++;
    if (j === n) break; // trailing white space: trimmed
    if (j - i !== 1 || s.charCodeAt(i) !== 0x20) {
      // a run other than one plain space: cut the segment here, the join puts one space back
      parts.push(s.slice(segStart, i));
      segStart = j;
    }
    i = j;
  }
  if (segStart === 0 && i === n) return s;
  parts.push(s.slice(segStart, i));
  return parts.join(" ");
}

/** Map a span [start, end) of normalized text back to the original: `[map[start], map[end]]`. Characters deleted
 * by normalization right after the span (e.g. the last letter's diacritics) are included. */
export function mapSpan(norm: Normalized, start: number, end: number): [number, number] {
  return [norm.map[start]!, norm.map[end]!];
}

/** Arabic letter (base letters of the Arabic blocks, not marks or digits). */
export function isArabicLetter(ch: string | number): boolean {
  const c = typeof ch === "number" ? ch : ch.charCodeAt(0);
  return (
    (c >= 0x0621 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x066f) ||
    (c >= 0x0671 && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0x06ee && c <= 0x06ff && !(c >= 0x06f0 && c <= 0x06f9)) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08c9) ||
    (c >= 0xfb50 && c <= 0xfdfb) ||
    (c >= 0xfe70 && c <= 0xfefc)
  );
}

/** Arabic diacritic (haraka, shadda, sukun, superscript alef, Quranic marks). */
export function isArabicDiacritic(ch: string | number): boolean {
  const c = typeof ch === "number" ? ch : ch.charCodeAt(0);
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed);
}

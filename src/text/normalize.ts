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

/** Normalize with an offset map (see module comment for the rules). */
export function normalize(s: string): Normalized {
  const n = s.length;
  // Most characters map one to one: allocate n + extra for ligature expansions.
  let map = new Int32Array(n + 1);
  const parts: string[] = [];
  let out = 0;
  let runStart = 0; // start of the current run of unchanged characters
  const flushRun = (end: number): void => {
    if (end > runStart) {
      parts.push(s.slice(runStart, end));
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

/**
 * The page cleaner: lines of a scraped page → title, metadata and clean body paragraphs.
 *
 * A page is read as three zones, each with its own named rules (the rule names appear in `trace`):
 *   header  lines before the first body paragraph: site header, title (maybe printed twice), byline,
 *           lone author line, date line, desk label, photo captions, share buttons;
 *   body    paragraphs, with share/caption/duplicate lines removed, glued subheadings split, the dateline read;
 *   tail    from the first source line, tag line, «اقرأ أيضا» block or comment form near the end:
 *           credited sources, keywords, appended related stories (kept apart) and link lists (dropped).
 * Every rule keeps the original characters of what it keeps: normalization is only used to decide.
 */
import { isJsSpace, normalizeForMatch } from "../text/index.js";
import { loadCleanLexicon, type CleanLexicon } from "./lexicon.js";
import { isDateLine, parseDateLine } from "./dates.js";
import type { RelatedStory } from "../record.js";

export interface PageHints {
  title?: string | null;
  published?: string | null;
  outlet?: string | null;
  authors?: string[];
  /** true when lines come from an HTML article body: the title is known from metadata, no header zone guessing. */
  fromHtml?: boolean;
}

export interface CleanPage {
  title: string | null;
  published: string | null;
  outlet: string | null;
  authors: string[];
  credited: string[];
  dateline: string | null;
  keywords: string[];
  body: string;
  related: RelatedStory[];
  /** Which rule removed or classified which line: for debugging and tests. */
  trace: { rule: string; line: string }[];
  /** The body normalized for matching (paragraph by paragraph, as the rules saw it): for the content id. */
  bodyNorm: string;
}

/**
 * A trimmed line of the page. Its normalized form is computed on first use: long prose lines of an appended story
 * or a comment zone are classified by their word count and raw text alone.
 */
class Line {
  private normCache: string | null = null;
  /** `words`: the number of words, up to 61 (see countWordUnits) */
  constructor(readonly text: string, readonly words: number) {}
  get norm(): string {
    return this.normCache ??= normalizeForMatch(this.text);
  }
}

const TERMINAL = /[.!؟?…»"”:)]\s*$/u;
const SENTENCE_END = /[.!؟?]["”»)]?\s*$/u;

/**
 * The non-empty lines of a page, trimmed: `page.split("\n").map((l) => l.trim()).filter(Boolean)`, found and
 * trimmed over the page's UTF-16 units copied once into a typed array (reading it is several times cheaper than
 * `charCodeAt` on each line's sliced string), so that only the kept lines are sliced; their words are counted there
 * too.
 */
function pageLines(page: string): Line[] {
  const u = unitsOf(page, 0), n = page.length;
  const out: Line[] = [];
  for (let ls = 0; ls <= n;) {
    let le = page.indexOf("\n", ls);
    if (le < 0) le = n;
    let a = ls, b = le;
    while (a < b && isSpaceUnit(u[a]!)) a++; // trim() removes exactly the JavaScript white space
    while (b > a && isSpaceUnit(u[b - 1]!)) b--;
    if (b > a) out.push(new Line(page.slice(a, b), countWordUnits(u, a, b)));
    ls = le + 1;
  }
  return out;
}

/**
 * Scratch copies of strings' UTF-16 units (0: the page, 1: one paragraph), grown on demand; Buffer.write copies
 * natively and keeps every unit as it is (typed arrays are little-endian wherever Node runs).
 */
const scratchBytes = [Buffer.allocUnsafe(32768), Buffer.allocUnsafe(16384)];
const scratchUnits = scratchBytes.map((b) => new Uint16Array(b.buffer, b.byteOffset, b.length >> 1));
function unitsOf(s: string, k: 0 | 1): Uint16Array {
  if (scratchUnits[k]!.length < s.length + 1) {
    const b = Buffer.allocUnsafe(Math.max(s.length + 1, scratchUnits[k]!.length * 2) * 2);
    scratchBytes[k] = b;
    scratchUnits[k] = new Uint16Array(b.buffer, b.byteOffset, b.length >> 1);
  }
  scratchBytes[k]!.write(s, 0, s.length * 2, "utf16le");
  return scratchUnits[k]!;
}

/**
 * Number of white-space separated words of the units u[s, e) (`s.split(/\s+/u).filter(Boolean).length`), counted
 * up to MAX_COUNTED_WORDS: every rule compares a line's word count with at most 60 (or a short line's with a shorter
 * line's), so a long paragraph need not be counted to its end.
 */
function countWordUnits(u: Uint16Array, s: number, e: number): number {
  let n = 0, inWord = false;
  for (let i = s; i < e; i++) {
    if (isSpaceUnit(u[i]!)) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (++n === MAX_COUNTED_WORDS) return n;
    }
  }
  return n;
}
const MAX_COUNTED_WORDS = 61;

/** JS_SPACE[c] === 1 with the common cases (plain space, ASCII, Arabic) decided by comparisons alone. */
const isSpaceUnit = (c: number): boolean =>
  c === 0x20 || (c < 0x20 ? c >= 0x09 && c <= 0x0d : c >= 0xa0 && (c === 0xa0 || (c >= 0x1680 && JS_SPACE[c] === 1)));

/** isJsSpace as a table over the BMP (line trimming and word counts read every character of the page). */
const JS_SPACE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) JS_SPACE[c] = isJsSpace(c) ? 1 : 0;

/**
 * Words of a normalized line, without punctuation: `norm.replace(/[^\p{L}\p{N}\s+-]/gu, " ").split(/\s+/u)
 * .filter(Boolean)` in one pass, i.e. the maximal runs of letters, digits, «+» and «-» (a surrogate pair is one code
 * point, tested as a whole; a lone surrogate is not a letter).
 */
export function wordsOf(norm: string): string[] {
  const out: string[] = [];
  const n = norm.length;
  let start = -1;
  for (let i = 0; i < n; i++) {
    const c = norm.charCodeAt(i);
    let inWord: boolean, width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (norm.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      inWord = WORD_CHAR_RE.test(norm.slice(i, i + 2)); width = 2;
    } else inWord = WORD_UNIT[c] === 1;
    if (inWord) { if (start < 0) start = i; } else if (start >= 0) { out.push(norm.slice(start, i)); start = -1; }
    i += width - 1;
  }
  if (start >= 0) out.push(norm.slice(start));
  return out;
}
const WORD_CHAR_RE = /^[\p{L}\p{N}+-]$/u;
/** WORD_UNIT[c] = 1 when the BMP code point c is a letter, a digit, «+» or «-» (0 for surrogate units). */
const WORD_UNIT = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && WORD_CHAR_RE.test(String.fromCharCode(c))) WORD_UNIT[c] = 1;

/**
 * `res.some((re) => re.test(s))` with one regex call for all the start-anchored patterns: «^A», «^B»… (same flags,
 * no top-level alternation, no backreference or named group) are joined into «^(?:A|B…)», which matches exactly when
 * one of them does; the other patterns are tried one by one. Built once per pattern list.
 */
export function anyMatches(res: RegExp[], s: string): boolean {
  let t = anyTests.get(res);
  if (!t) { t = joinAnchored(res); anyTests.set(res, t); }
  if (t.anchored !== null && t.anchored.test(s)) return true;
  for (const re of t.others) if (re.test(s)) return true;
  return false;
}
const anyTests = new WeakMap<RegExp[], { anchored: RegExp | null; others: RegExp[] }>();

function joinAnchored(res: RegExp[]): { anchored: RegExp | null; others: RegExp[] } {
  const bodies: string[] = [], others: RegExp[] = [];
  const flags = res[0]?.flags ?? "";
  for (const re of res) {
    const src = re.source;
    const joinable = re.flags === flags && !re.global && !re.sticky && !/[gmy]/.test(flags) && src.startsWith("^") &&
      !/\\[1-9k]|\(\?<(?![=!])/.test(src) && !hasTopLevelAlternation(src);
    if (joinable) bodies.push(src.slice(1)); else others.push(re);
  }
  if (bodies.length < 2) return { anchored: null, others: res };
  return { anchored: new RegExp(`^(?:${bodies.map((b) => `(?:${b})`).join("|")})`, flags), others };
}

/** Does a regex source have a «|» outside groups and character classes? */
function hasTopLevelAlternation(src: string): boolean {
  let depth = 0, inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") { i++; continue; }
    if (inClass) { if (c === "]") inClass = false; continue; }
    if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return true;
  }
  return false;
}

function firstMatch(res: RegExp[], s: string): RegExpExecArray | null {
  for (const re of res) {
    const m = re.exec(s);
    if (m) return m;
  }
  return null;
}

/**
 * A body paragraph: a sentence-like line. Short lines without a sentence end are furniture or headings; a short
 * question («ماذا يريد بوتين من كيم؟») is a headline or subheading far more often than a paragraph.
 */
function isProse(l: Line): boolean {
  return l.words >= 15 || (l.words >= 6 && SENTENCE_END.test(l.text) && !/[؟?]["”»)]?\s*$/u.test(l.text));
}

// ---------------------------------------------------------------------------------------------------------------
// Line classifiers (each a named rule)

/** rule share-buttons: a short line made only of interface words (مشاركة، فيسبوك، طباعة…) and bullets. */
function isUiLine(l: Line, lex: CleanLexicon): boolean {
  if (l.words > 8) return false;
  const ws = wordsOf(l.norm);
  if (ws.length === 0) return true;
  return ws.some((w) => lex.uiWords.has(w)) && ws.every((w) => lex.uiWords.has(w) || /^\d+$/.test(w));
}

/** rule junk-line: class names left by a scraper («post-title»), bullets, breadcrumbs, bare times. */
function isJunkLine(l: Line, lex: CleanLexicon): boolean {
  return l.words <= 12 && anyMatches(lex.junkLine, l.text);
}

/** rule subscribe-prompt: «تابعونا على…», «اشترك في…». */
function isSubscribeLine(l: Line, lex: CleanLexicon): boolean {
  if (l.words <= 8 && /^اشترك(\s|$)/u.test(l.norm)) return true; // «إشترك», «اشترك لمشاهدة…» (a long line may be prose: «اشترك الآلاف في…»)
  return l.words <= 20 && lex.subscribePrefixes.some((p) => l.norm.startsWith(p));
}

function isBoilerplate(l: Line, lex: CleanLexicon): string | null {
  if (isJunkLine(l, lex)) return "junk-line";
  if (isUiLine(l, lex)) return "share-buttons";
  if (isSubscribeLine(l, lex)) return "subscribe-prompt";
  return null;
}

/** rule site-header: «الموقع الرسمي | القاهرة الاخبارية» → the outlet is the non-generic side. */
function siteHeader(l: Line, lex: CleanLexicon): string | null {
  if (l.words > 10 || !/[|｜]/.test(l.text)) return null;
  const parts = l.text.split(/\s*[|｜]\s*/u).map((p) => p.trim()).filter(Boolean);
  const specific = parts.filter((p) => !lex.siteHeaderGeneric.has(normalizeForMatch(p)));
  if (parts.length < 2 || specific.length === 0) return null;
  return specific[specific.length - 1];
}

/** rule desk-label: «المناطق_ متابعات», «خاص», «وكالات»: a desk or section label, not an author. */
function isDeskLabel(l: Line, lex: CleanLexicon): boolean {
  if (l.words > 4) return false;
  const ws = wordsOf(l.norm.replace(/_/g, " "));
  return ws.some((w) => lex.deskLabels.has(w)) && (/_/.test(l.text) || ws.length <= 2);
}

/** A plausible personal name: 2–5 words, letters only, no stopwords, no sentence punctuation. */
function looksLikeName(s: string, lex: CleanLexicon): boolean {
  // Honorifics before a name («د.», «م.», «أ.د.») are part of a byline, not a sentence.
  const t = s.trim().replace(/^(?:(?:أ\.?\s*د|د|م|أ|الدكتور|الدكتورة|المهندس)\.?\s+)+/u, "");
  if (!t || /[0-9٠-٩.،,:؛!?؟"«»“”()]/u.test(t)) return false;
  const ws = wordsOf(normalizeForMatch(t));
  if (ws.length < 2 || ws.length > 5) return false;
  return ws.every((w) => !lex.stopwords.has(w) && /^\p{L}+$/u.test(w));
}

/**
 * rule byline: «بقلم: X», «كتب X», «كتب- X», or «<outlet or place> - <name>» on a line of its own.
 * `explicit` is true when a byline word («بقلم», «كتب») says so: such a line is a byline even above the headline.
 */
function byline(l: Line, lex: CleanLexicon): { author: string; outlet: string | null; explicit: boolean } | null {
  if (l.words > 10) return null;
  const p = lex.bylinePrefixes.exec(l.text);
  if (p?.groups?.value && looksLikeName(p.groups.value, lex)) return { author: p.groups.value.trim(), outlet: null, explicit: true };
  const k = /^(?:كتب|كتبت|بقلم|إعداد|اعداد)\s*[-–:]?\s+(?<name>.{3,50})$/u.exec(l.text);
  if (k?.groups && looksLikeName(k.groups.name, lex)) return { author: k.groups.name.trim(), outlet: null, explicit: true };
  const m = /^(?<left>[^-–—|]{2,40}?)\s+[-–—]\s+(?<right>[^-–—|]{3,40})$/u.exec(l.text);
  if (m?.groups && looksLikeName(m.groups.right, lex) && !SENTENCE_END.test(l.text)) {
    return { author: m.groups.right.trim(), outlet: m.groups.left.trim(), explicit: false };
  }
  return null;
}

/** rule photo-caption: explicit caption cues, or a short person-describing line without a sentence end. */
function isCaption(l: Line, lex: CleanLexicon): boolean {
  if (l.words > 25) return false;
  if (anyMatches(lex.captionCues, l.text)) return true;
  if (SENTENCE_END.test(l.text) || l.words < 3) return false;
  // «الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونج أون», «وزيرة خارجية … ونظيرها الروسي»:
  // a line that opens with a title word and joins people with «و» is a photo caption, not a heading.
  const opensWithTitle = lex.captionTitleWords.some((w) => l.norm.startsWith(w + " "));
  const joinsPeople = /\sو\S/u.test(l.norm);
  return opensWithTitle && joinsPeople;
}

function credited(l: Line, lex: CleanLexicon): string | null {
  if (l.words > 14) return null;
  const m = firstMatch(lex.credited, l.text);
  const v = m?.groups?.value?.trim().replace(/^[*"«“]+|[*"»”]+$/g, "").trim();
  return v ? v : null;
}

/** «الجزيرة + وكالات», «رويترز، أ ف ب»: several credited sources on one source line. */
function splitCredited(v: string): string[] {
  return v.split(/\s*(?:\+|،|,|\s\/\s)\s*/u).map((x) => x.trim()).filter(Boolean);
}

function tagLine(l: Line, lex: CleanLexicon): string[] | null {
  const m = firstMatch(lex.tags, l.text);
  if (!m) return null;
  const v = (m.groups?.value ?? "").trim();
  if (!v) return [];
  // Tags are usually separated by commas, «،», «|», «#» or bullets; without separators the line is kept whole.
  const parts = v.split(/\s*[,،|#•؛;]\s*|\s{2,}/u).map((x) => x.trim()).filter(Boolean);
  return parts;
}

function readAlso(l: Line, lex: CleanLexicon): { inline: string } | null {
  if (l.words > 30) return null;
  const m = firstMatch(lex.readAlso, l.text);
  if (!m) return null;
  // Whatever follows the marker on the same line (a link title) makes it an inline link; stray marks do not.
  const inline = (m.groups?.value ?? "").trim();
  return { inline: /\p{L}{2}/u.test(inline) ? inline : "" };
}

function isCommentStart(l: Line, lex: CleanLexicon): boolean {
  return l.words <= 60 && anyMatches(lex.comment, l.text);
}

/** Content words of lines: normalized words of 3+ letters that are not stopwords. */
function contentWords(ls: Line[], lex: CleanLexicon): Set<string> {
  const out = new Set<string>();
  for (const l of ls) for (const w of wordsOf(l.norm)) if (w.length >= 3 && !lex.stopwords.has(w) && !/^\d+$/.test(w)) out.add(stripArticle(w));
  return out;
}

/** `w.replace(/^(وال|بال|فال|لل|ال|و)/u, "")` without a regex: the first prefix of that list that matches goes. */
function stripArticle(w: string): string {
  if (w.startsWith("وال") || w.startsWith("بال") || w.startsWith("فال")) return w.slice(3);
  if (w.startsWith("لل") || w.startsWith("ال")) return w.slice(2);
  if (w.startsWith("و")) return w.slice(1);
  return w;
}

/**
 * Does prose after a «اقرأ أيضا» link continue the article (the link was dropped into its middle), or is it an
 * unrelated story appended to the page? A continuation shares its vocabulary (names, places, topic) with the
 * paragraphs before it; an appended story mostly does not.
 */
function continuesArticle(before: Line[], after: Line[], lex: CleanLexicon): boolean {
  if (before.length === 0) return true;
  const a = contentWords(before, lex), b = contentWords(after, lex);
  if (b.size === 0) return false;
  let shared = 0;
  for (const w of b) if (a.has(w)) shared++;
  return shared / b.size >= 0.3;
}

/**
 * rule dateline-line: a wire dateline printed on a line of its own above the text: «أبوظبي - وام:»,
 * «الجزائر: «المنصة اليومية»», «القاهرة (أ ش أ)». The place becomes the dateline, the agency or paper is credited.
 */
function datelineLine(l: Line, lex: CleanLexicon): { place: string; source: string | null } | null {
  if (l.words > 6) return null;
  const m = /^(?<place>[\p{L}\p{M}\s'’]{2,30}?)\s*(?:[-–—:]\s*|\()\s*[«"“(]?(?<src>[^»"”()]{2,30}?)[»"”)]?\s*[:：]?$/u.exec(l.text);
  if (!m?.groups) return null;
  const place = m.groups.place.trim(), src = m.groups.src.trim();
  const pw = wordsOf(normalizeForMatch(place));
  if (pw.length === 0 || pw.length > 3 || pw.some((w) => lex.stopwords.has(w))) return null;
  // The source side must not be a person's name (that is a byline) and must be short.
  if (looksLikeName(src, lex) && !/[«"“(]/u.test(l.text) && !/[:：]$/u.test(l.text)) return null;
  if (wordsOf(normalizeForMatch(src)).length > 4) return null;
  return { place, source: src || null };
}

// ---------------------------------------------------------------------------------------------------------------
// Body refinements

const FIRST_STOP = /[.!؟?\n]/;

/** rule glued-subheading: «ما تاريخ العلاقات بين البلدين؟ومع تزايد…» → a heading line and the paragraph after it. */
function splitGluedHeading(text: string): string[] {
  // Pre-check (a necessary condition of the pattern below): the first of . ! ؟ ? or a newline is a question or
  // exclamation mark after 3–120 characters (up to 240 UTF-16 units: the pattern counts code points). Most
  // paragraphs fail it at their first full stop, without running the regex.
  const j = text.search(FIRST_STOP);
  if (j < 3 || j > 240) return [text];
  const c = text.charCodeAt(j);
  if (!(c === 0x21 || c === 0x61f || c === 0x3f)) return [text];
  const m = /^([^.!؟?\n]{3,120}?[؟?!])(?=[\p{L}"«“])/u.exec(text);
  if (!m) return [text];
  const head = m[1], rest = text.slice(head.length);
  if (head.split(/\s+/u).length > 14 || rest.split(/\s+/u).length < 4) return [text];
  return [head.trim(), rest.trim()];
}

/** Characters that separate words: white space, ASCII and Arabic punctuation, Latin-1 and general punctuation. */
function isSeparator(c: number): boolean {
  return c <= 0x2f || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0xbf)
    || c === 0x060c || c === 0x061b || c === 0x061f || (c >= 0x066a && c <= 0x066d) || c === 0x06d4
    || (c >= 0x2000 && c <= 0x206f) || c === 0x3000 || c === 0xfeff;
}

/** isSeparator as a table over the BMP (wordHashes reads every character of every paragraph). */
const SEPARATOR = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) SEPARATOR[c] = isSeparator(c) ? 1 : 0;

/**
 * The distinct words of a normalized paragraph as 32-bit FNV-1a hashes (in order of first occurrence), computed in
 * one pass over the paragraph's units (this runs on every paragraph of every page). The result is a view of a
 * scratch buffer, valid until the next call, and the hashes stay in a small hash set (`inLastSet`) until then:
 * nothing is allocated per paragraph and nothing is sorted.
 */
function wordHashes(norm: string): Uint32Array {
  const len = norm.length;
  const u = unitsOf(norm, 1);
  u[len] = 0x20; // a separator after the last word
  // a paragraph has at most one word per two characters (plus one): the scratch buffers never overflow
  if (hashScratch.length < (len >> 1) + 2) { hashScratch = new Uint32Array(len + 2); hashViews = []; }
  if (setKeys.length < len + 2) {
    let size = setKeys.length;
    while (size < len + 2) size <<= 1;
    setKeys = new Int32Array(size); setStamps = new Int32Array(size); setGen = 0;
  }
  if (setGen >= 0x3fffffff) { setStamps.fill(0); setGen = 0; }
  // the table's first `size` slots are used, size ≥ twice the most words a paragraph of this length can have (a
  // short paragraph stays in a few cache lines)
  let size = 64;
  while (size < len + 2) size <<= 1;
  setMask = size - 1;
  const gen = ++setGen, keys = setKeys, stamps = setStamps, mask = setMask;
  const buf = hashScratch;
  let d = 0;
  let h = 0x811c9dc5, inWord = false;
  for (let i = 0; i <= len; i++) {
    const c = u[i]!;
    if (SEPARATOR[c] === 1) {
      if (inWord) {
        // add the word's hash to the set (linear probing; a slot is in use when stamped with this generation)
        const k = h | 0;
        let sl = (k ^ (k >>> 15)) & mask;
        while (stamps[sl] === gen && keys[sl] !== k) sl = (sl + 1) & mask;
        if (stamps[sl] !== gen) { stamps[sl] = gen; keys[sl] = k; buf[d++] = h >>> 0; }
        h = 0x811c9dc5; inWord = false;
      }
    } else {
      h ^= c; h = Math.imul(h, 0x01000193); inWord = true;
    }
  }
  return hashViews[d] ??= buf.subarray(0, d);
}
let hashScratch = new Uint32Array(4096);
/** hashViews[n] = hashScratch.subarray(0, n) (at most one per length up to the scratch size). */
let hashViews: Uint32Array[] = [];
/** The hash set of the last `wordHashes` call: open addressing, slots stamped with the call's generation. */
let setKeys = new Int32Array(8192);
let setStamps = new Int32Array(8192);
let setGen = 0;
let setMask = 63;
/** Is h one of the word hashes of the last `wordHashes` call? */
function inLastSet(h: number): boolean {
  const k = h | 0, mask = setMask, gen = setGen;
  let sl = (k ^ (k >>> 15)) & mask;
  while (setStamps[sl] === gen) {
    if (setKeys[sl] === k) return true;
    sl = (sl + 1) & mask;
  }
  return false;
}

/**
 * rule duplicate-paragraph: exact duplicates. Equal texts have equal word-hash sets, so a signature of the set (a
 * few dozen numbers instead of every character) finds the candidates; comparing the texts confirms them.
 */
class ExactDuplicates {
  private bySig = new Map<number, string[]>();
  has(n: string, sig: number): boolean {
    const l = this.bySig.get(sig);
    return l !== undefined && l.includes(n);
  }
  add(n: string, sig: number): void {
    const l = this.bySig.get(sig);
    if (l) l.push(n); else this.bySig.set(sig, [n]);
  }
}

/** FNV-1a over the distinct word hashes of a paragraph (in order of first occurrence: equal texts, equal signatures), as a signed 32-bit integer (a small-integer Map key). */
function setSignature(hs: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < hs.length; i++) { h ^= hs[i]!; h = Math.imul(h, 0x01000193); }
  return h | 0;
}

/**
 * rule near-duplicate-paragraph: token-set Jaccard similarity ≥ threshold. Prefix filtering (a set-similarity
 * join): two sets with Jaccard ≥ t share one of the first |s| − ⌈t·|s|⌉ + 1 elements of each in a fixed order
 * (here: word hashes, ascending), so only those are indexed and probed, and candidates are verified exactly.
 * A page costs about its word count, not n² comparisons.
 */
class NearDuplicates {
  /** the hash sets seen, one after the other: set k is pool[starts[k], starts[k] + lens[k]) */
  private pool = nearPool;
  private used = 0;
  private starts: number[] = [];
  private lens: number[] = [];
  /** prefix hash (as a signed 32-bit integer: a small-integer key, one to one with the hash) → sets */
  private index = new Map<number, number[]>();
  /** the probe that last verified set k (instead of a fresh Set of tried sets per probe) */
  private tried: number[] = [];
  private probe = 0;
  constructor(private threshold: number) {}
  /** true when `hs` is a near-duplicate of a paragraph seen before; otherwise remembers it. */
  seenOrAdd(hs: Uint32Array): boolean {
    const plen = hs.length - Math.ceil(this.threshold * hs.length) + 1;
    const prefix = smallest(hs, plen);
    const stamp = ++this.probe;
    for (let i = 0; i < plen; i++) {
      const list = this.index.get(prefix[i]! | 0);
      if (!list) continue;
      for (const k of list) {
        if (this.tried[k] === stamp) continue;
        this.tried[k] = stamp;
        const olen = this.lens[k]!;
        // length filter: |A∩B|/|A∪B| ≤ min/max, so sizes further apart than the threshold cannot reach it (the
        // margin keeps a pair whose ratio is the threshold exactly, up to rounding)
        const lo = Math.min(hs.length, olen), hi = Math.max(hs.length, olen);
        if (lo < this.threshold * hi - 1e-9) continue;
        if (jaccardWithLast(hs.length, this.pool, this.starts[k]!, olen) >= this.threshold) return true;
      }
    }
    // remember a copy (`hs` is a scratch view)
    if (this.used + hs.length > this.pool.length) {
      const bigger = new Uint32Array(Math.max(this.pool.length * 2, this.used + hs.length));
      bigger.set(this.pool.subarray(0, this.used));
      this.pool = nearPool = bigger;
    }
    this.pool.set(hs, this.used);
    const k = this.starts.push(this.used) - 1;
    this.lens.push(hs.length);
    this.used += hs.length;
    this.tried.push(0);
    for (let i = 0; i < plen; i++) {
      const key = prefix[i]! | 0;
      const list = this.index.get(key);
      if (list) list.push(k); else this.index.set(key, [k]);
    }
    return false;
  }
}

/** The pool of NearDuplicates, reused from page to page (one cleanLines call at a time uses it). */
let nearPool = new Uint32Array(4096);

/**
 * The k smallest of the distinct values hs, ascending (the prefix of the set in the fixed order): an insertion into
 * a short sorted list, as k is about a tenth of the set.
 */
function smallest(hs: Uint32Array, k: number): Uint32Array {
  if (prefixScratch.length < k) prefixScratch = new Uint32Array(Math.max(k, prefixScratch.length * 2));
  const out = prefixScratch;
  let m = 0;
  for (let i = 0; i < hs.length; i++) {
    const x = hs[i]!;
    if (m === k && x >= out[m - 1]!) continue;
    let j = m < k ? m++ : k - 1; // when full, the largest kept value goes
    while (j > 0 && out[j - 1]! > x) { out[j] = out[j - 1]!; j--; }
    out[j] = x;
  }
  return out;
}
let prefixScratch = new Uint32Array(64);

/** Jaccard similarity of the last `wordHashes` set (of size alen) and the distinct values b[bs, bs + blen). */
function jaccardWithLast(alen: number, b: Uint32Array, bs: number, blen: number): number {
  let inter = 0;
  for (let j = bs; j < bs + blen; j++) if (inLastSet(b[j]!)) inter++;
  return inter / (alen + blen - inter);
}

/** rule dateline: «بيونج يانج - قالت…», «واشنطن (رويترز) - …» at the start of the first paragraph. */
export function readDateline(text: string, lex: CleanLexicon): { place: string; agency: string | null } | null {
  const m = /^(?<place>[\p{L}\p{M}\s'’،,-]{2,40}?)\s*(?:\((?<agency>[^()]{2,30})\))?\s*[-–—]{1,2}\s+\S/u.exec(text);
  if (!m?.groups) return null;
  const place = m.groups.place.trim().replace(/[،,]$/u, "");
  const ws = wordsOf(normalizeForMatch(place));
  if (ws.length === 0 || ws.length > 4 || ws.some((w) => lex.stopwords.has(w))) return null;
  return { place, agency: m.groups.agency?.trim() ?? null };
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Clean the lines of a page. `raw` is the page text (lines separated by newlines).
 */
export function cleanLines(raw: string, hints: PageHints = {}): CleanPage {
  const lex = loadCleanLexicon();
  const trace: CleanPage["trace"] = [];
  const lines = pageLines(raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw);

  let title: string | null = hints.title?.trim() || null;
  let published: string | null = hints.published ?? null;
  let outlet: string | null = hints.outlet ?? null;
  const authors: string[] = [...(hints.authors ?? [])];
  const creditedList: string[] = [];
  const keywords: string[] = [];
  const related: RelatedStory[] = [];
  let dateline: string | null = null;

  const drop = (rule: string, l: Line) => trace.push({ rule, line: l.text });

  // ---- find the first body paragraph: the header zone is everything before it.
  let firstBody = lines.findIndex((l) => isProse(l) && !isBoilerplate(l, lex) && !isCaption(l, lex) && !isDateLine(l.text)
    && !credited(l, lex) && !readAlso(l, lex));
  if (firstBody < 0) firstBody = lines.length;

  // ---- header zone
  const titleNorm = () => (title ? normalizeForMatch(title) : null);
  for (let i = 0; i < firstBody; i++) {
    const l = lines[i];
    let r: string | null;
    if (isDateLine(l.text)) {
      // Date lines are tested before share buttons: «7/11/2023» is all digits too.
      const d = parseDateLine(l.text);
      if (d && !published) published = d;
      drop("date-line", l); continue;
    }
    if ((r = isBoilerplate(l, lex))) { drop(r, l); continue; }
    const site = siteHeader(l, lex);
    if (site) { if (!outlet) outlet = site; drop("site-header", l); continue; }
    if (title && l.norm === titleNorm()) { drop("title-repeated", l); continue; }
    const by = byline(l, lex);
    if (by && (title || hints.fromHtml || by.explicit || l.words <= 6)) {
      authors.push(by.author);
      if (by.outlet && !outlet) outlet = by.outlet;
      drop("byline", l); continue;
    }
    if (isDeskLabel(l, lex)) { drop("desk-label", l); continue; }
    const dl = datelineLine(l, lex);
    if (dl) {
      if (!dateline) dateline = dl.place;
      if (dl.source && !creditedList.includes(dl.source)) creditedList.push(dl.source);
      drop("dateline-line", l); continue;
    }
    const cr = credited(l, lex);
    if (cr) { for (const c of splitCredited(cr)) if (!creditedList.includes(c)) creditedList.push(c); drop("credited-source", l); continue; }
    if (!title && !hints.fromHtml && l.words <= 30 && !isCaption(l, lex)) { title = l.text; drop("title", l); continue; }
    // rule author-line: a lone name under the headline of a scraped page (HTML pages name authors in metadata;
    // their short header lines are widgets such as «مشاهدات عالية»).
    if (title && !hints.fromHtml && looksLikeName(l.text, lex) && l.words <= 4 && authors.length === 0) {
      authors.push(l.text); drop("author-line", l); continue;
    }
    // Anything else above the first paragraph is a caption or a teaser: not body text.
    drop(isCaption(l, lex) ? "photo-caption" : "header-furniture", l);
  }

  // ---- tail zone: the first source line, tag line, read-also block or comment form after the body started.
  const body: Line[] = [];
  let i = firstBody;
  let stop = false;
  let pastTail = false; // a source or tag line has been seen: what follows is page furniture, not the article
  for (; i < lines.length && !stop; i++) {
    const l = lines[i];
    let r: string | null;
    if (isCommentStart(l, lex)) { drop("comment-form", l); stop = true; break; }
    const cr = credited(l, lex);
    if (cr) { for (const c of splitCredited(cr)) if (!creditedList.includes(c)) creditedList.push(c); drop("credited-source", l); pastTail = true; continue; }
    const tags = tagLine(l, lex);
    if (tags) { keywords.push(...tags); drop("tag-line", l); pastTail = true; continue; }
    const ra = readAlso(l, lex);
    if (ra) {
      drop("read-also", l);
      if (ra.inline) continue; // «اقرأ أيضا: <link title>» on one line: just a link.
      // A block: short link lines are dropped; a short title followed by prose is an appended story.
      let j = i + 1;
      const block: Line[] = [];
      while (j < lines.length && !readAlso(lines[j], lex) && !isCommentStart(lines[j], lex) && !credited(lines[j], lex) && !tagLine(lines[j], lex)) {
        block.push(lines[j]); j++;
      }
      const proseAt = block.findIndex((b) => isProse(b));
      if (proseAt < 0) {
        block.forEach((b) => drop("read-also-links", b));
      } else if (!pastTail && continuesArticle(body, block.slice(proseAt), lex)) {
        // rule read-also-inline-link: a link dropped into the middle of the article, which then goes on.
        block.slice(0, proseAt).forEach((b) => drop("read-also-links", b));
        i = i + proseAt; // resume the body at the prose
        continue;
      } else {
        // rule related-story: a short title followed by prose, appended after the article: kept apart.
        block.slice(0, Math.max(0, proseAt - 1)).forEach((b) => drop("read-also-links", b));
        const storyTitle = proseAt > 0 ? block[proseAt - 1].text : null;
        const storyLines = block.slice(proseAt).filter((b) => !isBoilerplate(b, lex) && !isCaption(b, lex));
        related.push({ title: storyTitle, body: storyLines.map((b) => b.text).join("\n\n") });
        block.slice(Math.max(0, proseAt - 1)).forEach((b) => drop("related-story", b));
      }
      i = j - 1;
      continue;
    }
    if ((r = isBoilerplate(l, lex))) { drop(r, l); continue; }
    if (l.words <= 10 && isDateLine(l.text)) { drop("date-line", l); continue; }
    if (!isProse(l) && isCaption(l, lex)) { drop("photo-caption", l); continue; }
    // rule caption-before-heading: two short non-sentence lines in a row: the first is a photo caption,
    // the second the subheading that introduces the next paragraph.
    const next = lines[i + 1];
    if (!isProse(l) && !TERMINAL.test(l.text) && l.words >= 3 && next && !isProse(next) && !TERMINAL.test(next.text)
      && next.words <= 8 && lines[i + 2] && isProse(lines[i + 2]) && l.words > next.words) {
      drop("photo-caption", l); continue;
    }
    body.push(l);
  }
  for (; i < lines.length; i++) drop("comment-zone", lines[i]);
  // rule trailing-furniture: short lines after the last paragraph (section names, next/previous links, tag words,
  // app prompts) are page furniture; a closing sentence that ends with a full stop is kept.
  while (body.length && !isProse(body[body.length - 1]) && !/[.!]["”»)]?\s*$/u.test(body[body.length - 1].text)) {
    drop("trailing-furniture", body.pop()!);
  }

  // ---- body refinements: glued headings, duplicates, dateline
  const paras: string[] = [];
  const seenExact = new ExactDuplicates();
  const near = new NearDuplicates(0.9);
  const parasNorm: string[] = [];
  for (const l of body) {
    const parts = splitGluedHeading(l.text);
    for (const part of parts) {
      const n = parts.length === 1 ? l.norm : normalizeForMatch(part);
      const hs = wordHashes(n);
      const sig = setSignature(hs);
      if (seenExact.has(n, sig)) { trace.push({ rule: "duplicate-paragraph", line: part }); continue; }
      if (hs.length >= 8 && near.seenOrAdd(hs)) { trace.push({ rule: "near-duplicate-paragraph", line: part }); continue; }
      seenExact.add(n, sig);
      paras.push(part);
      parasNorm.push(n);
    }
  }
  if (title && paras.length && parasNorm[0] === normalizeForMatch(title)) {
    trace.push({ rule: "title-repeated", line: paras.shift()! });
    parasNorm.shift();
  }

  if (paras.length) {
    const dl = readDateline(paras[0], lex);
    if (dl) {
      dateline = dl.place;
      if (dl.agency && !creditedList.includes(dl.agency)) creditedList.push(dl.agency);
    }
    // rule dated-first-sentence: «…، الثلاثاء 19نوفمبر2024، …» gives the publication date when no date line did.
    if (!published) {
      const firstSentence = paras[0].split(/(?<=[.!؟?])\s/u)[0].slice(0, 200);
      const d = parseDateLine(firstSentence, { dayOnly: true });
      if (d) published = d;
    }
  }

  return {
    title,
    published,
    outlet,
    authors: [...new Set(authors)].filter((a) => !lex.genericAuthors.has(normalizeForMatch(a).toLowerCase())),
    credited: creditedList,
    dateline,
    keywords: [...new Set(keywords)],
    body: paras.join("\n\n"),
    bodyNorm: parasNorm.join("\n\n"),
    related,
    trace,
  };
}

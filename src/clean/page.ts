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

interface Line {
  text: string;
  norm: string;
  words: number;
}

const TERMINAL = /[.!؟?…»"”:)]\s*$/u;
const SENTENCE_END = /[.!؟?]["”»)]?\s*$/u;

function mkLine(text: string): Line {
  const t = text.trim();
  const norm = normalizeForMatch(t);
  return { text: t, norm, words: countWords(t) };
}

/** isJsSpace as a table over the BMP (countWords reads every character of every line; charCodeAt is ≤ 0xffff). */
const JS_SPACE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) JS_SPACE[c] = isJsSpace(c) ? 1 : 0;

/** Number of white-space separated words: `s.split(/\s+/u).filter(Boolean).length`, in one pass without allocating. */
export function countWords(s: string): number {
  let n = 0, inWord = false;
  for (let i = 0; i < s.length; i++) {
    if (JS_SPACE[s.charCodeAt(i)] === 1) inWord = false;
    else if (!inWord) { inWord = true; n++; }
  }
  return n;
}

/** Words of a normalized line, without punctuation. */
function wordsOf(norm: string): string[] {
  return norm.replace(/[^\p{L}\p{N}\s+-]/gu, " ").split(/\s+/u).filter(Boolean);
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
  return l.words <= 12 && lex.junkLine.some((re) => re.test(l.text));
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
  if (lex.captionCues.some((re) => re.test(l.text))) return true;
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
  return l.words <= 60 && lex.comment.some((re) => re.test(l.text));
}

/** Content words of lines: normalized words of 3+ letters that are not stopwords. */
function contentWords(ls: Line[], lex: CleanLexicon): Set<string> {
  const out = new Set<string>();
  for (const l of ls) for (const w of wordsOf(l.norm)) if (w.length >= 3 && !lex.stopwords.has(w) && !/^\d+$/.test(w)) out.add(w.replace(/^(وال|بال|فال|لل|ال|و)/u, ""));
  return out;
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

/** rule glued-subheading: «ما تاريخ العلاقات بين البلدين؟ومع تزايد…» → a heading line and the paragraph after it. */
function splitGluedHeading(text: string): string[] {
  // Pre-check (a necessary condition of the pattern below): the first of . ! ؟ ? or a newline is a question or
  // exclamation mark after 3–120 characters (up to 240 UTF-16 units: the pattern counts code points). Most
  // paragraphs fail it at their first full stop, without running the regex.
  let j = 0;
  while (j <= 240 && j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x2e || c === 0x21 || c === 0x61f || c === 0x3f || c === 0x0a) break;
    j++;
  }
  const c = text.charCodeAt(j);
  if (j < 3 || j > 240 || !(c === 0x21 || c === 0x61f || c === 0x3f)) return [text];
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
 * The distinct words of a normalized paragraph as sorted 32-bit FNV-1a hashes, computed in one pass over the
 * characters (this runs on every paragraph of every page).
 */
function wordHashes(norm: string): Uint32Array {
  // a paragraph has at most one word per two characters (plus one): the scratch buffer never overflows
  if (hashScratch.length < (norm.length >> 1) + 2) hashScratch = new Uint32Array(norm.length + 2);
  const buf = hashScratch;
  let w = 0;
  let h = 0x811c9dc5, inWord = false;
  let full = 0x811c9dc5; // FNV-1a of the whole text, for the exact-duplicate check (same pass)
  for (let i = 0; i <= norm.length; i++) {
    const c = i < norm.length ? norm.charCodeAt(i) : 0x20;
    full ^= c; full = Math.imul(full, 0x01000193);
    if (SEPARATOR[c] === 1) {
      if (inWord) { buf[w++] = h >>> 0; h = 0x811c9dc5; inWord = false; }
    } else {
      h ^= c; h = Math.imul(h, 0x01000193); inWord = true;
    }
  }
  lastFullHash = full >>> 0;
  const sorted = buf.subarray(0, w).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i];
  return sorted.slice(0, n);
}
let hashScratch = new Uint32Array(4096);
/** The whole-text hash of the last `wordHashes` call. */
let lastFullHash = 0;

/** rule duplicate-paragraph: exact duplicates, found by a whole-text hash and confirmed by comparing the texts. */
class ExactDuplicates {
  private byHash = new Map<number, string[]>();
  has(n: string, hash: number): boolean {
    const l = this.byHash.get(hash);
    return l !== undefined && l.includes(n);
  }
  add(n: string, hash: number): void {
    const l = this.byHash.get(hash);
    if (l) l.push(n); else this.byHash.set(hash, [n]);
  }
}

/**
 * rule near-duplicate-paragraph: token-set Jaccard similarity ≥ threshold. Prefix filtering (a set-similarity
 * join): two sets with Jaccard ≥ t share one of the first |s| − ⌈t·|s|⌉ + 1 elements of each in a fixed order
 * (here: word hashes, ascending), so only those are indexed and probed, and candidates are verified exactly.
 * A page costs about its word count, not n² comparisons.
 */
class NearDuplicates {
  private sets: Uint32Array[] = [];
  private index = new Map<number, number[]>();
  /** the probe that last verified set k (instead of a fresh Set of tried sets per probe) */
  private tried: number[] = [];
  private probe = 0;
  constructor(private threshold: number) {}
  /** true when `hs` is a near-duplicate of a paragraph seen before; otherwise remembers it. */
  seenOrAdd(hs: Uint32Array): boolean {
    const plen = hs.length - Math.ceil(this.threshold * hs.length) + 1;
    const stamp = ++this.probe;
    for (let i = 0; i < plen; i++) {
      const list = this.index.get(hs[i]);
      if (!list) continue;
      for (const k of list) {
        if (this.tried[k] === stamp) continue;
        this.tried[k] = stamp;
        const other = this.sets[k];
        // length filter: |A∩B|/|A∪B| ≤ min/max, so sizes further apart than the threshold cannot reach it (the
        // margin keeps a pair whose ratio is the threshold exactly, up to rounding)
        const lo = Math.min(hs.length, other.length), hi = Math.max(hs.length, other.length);
        if (lo < this.threshold * hi - 1e-9) continue;
        if (jaccardSorted(hs, other) >= this.threshold) return true;
      }
    }
    const k = this.sets.push(hs) - 1;
    this.tried.push(0);
    for (let i = 0; i < plen; i++) {
      const list = this.index.get(hs[i]);
      if (list) list.push(k); else this.index.set(hs[i], [k]);
    }
    return false;
  }
}

function jaccardSorted(a: Uint32Array, b: Uint32Array): number {
  let i = 0, j = 0, inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { inter++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return inter / (a.length + b.length - inter);
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
  const lines = (raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw).split("\n").map(mkLine).filter((l) => l.text !== "");

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
      const full = lastFullHash;
      if (seenExact.has(n, full)) { trace.push({ rule: "duplicate-paragraph", line: part }); continue; }
      if (hs.length >= 8 && near.seenOrAdd(hs)) { trace.push({ rule: "near-duplicate-paragraph", line: part }); continue; }
      seenExact.add(n, full);
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

/**
 * The entity linker: body text → linked entities with mentions (offsets into the original body).
 *
 * Passes; each mention records the rule that produced it in `rule`:
 * 1. KB names over normalized tokens (token trie, clitics on the first word, longest match):
 *    kb_exact (+model_number for «هواسونغ-11»); then, on windows no exact match touched, kb_collapsed (equal up to
 *    doubled letters) and kb_translit (per-word transliteration keys + weighted edit distance). Guards: common-word
 *    aliases, ة vs ه, adjectives after a definite noun («الشعر الرمادي» no place, «الحضارة السومرية» no
 *    organization), hamza/taa words never fuzzy. Ambiguous aliases are resolved
 *    by the countries present in the article, else by type, else dropped.
 * 2. Titles («الرئيس الروسي», «وزير خارجية روسيا», «المتحدث باسم الكرملين», «السفير الأمريكي لدى إسرائيل»):
 *    a following name (also after a comma) is the person — a KB match, or a discovered person (title_name:<office>);
 *    a name before «، TITLE» likewise (title_apposition:<office>); without a name, a resolvable title links to the
 *    KB person holding the office for that country at the publication date (title_holder:<office>).
 * 3. Discovery cues («وكالة X», «صحيفة "X"», «منطقة X», «مطار رفيق الحريري»): cue_name:<type>, cue_quoted:<type>,
 *    cue_named_after:<type>; for `namedAfter` cues a known place or «الملك/الأمير/الشيخ + name» after the cue is
 *    the namesake and the name includes the cue word (cue_named_after_place, cue_named_after_honorific: «جامعة
 *    القاهرة», «جامعة الملك سعود»); press cues take a place name as the medium's name
 *    (cue_medium_named_after_place: «صحيفة الرياض»); cue + quoted name forming a KB name → kb_cue_quoted.
 *    A head noun of another kind before a KB organization makes the phrase another entity (cue_head_noun: «جامعة
 *    الجزيرة», «مدينة الجزيرة» are not the broadcaster); an organization read inside the cue phrase itself is
 *    dropped («شبه الجزيرة»).
 *    Discovered ids: rasd:<type>:<romanized-name>-<hash>, stable across articles.
 *    Guards: nisba_not_name («الجيش المالي» is not Mali), masdar_not_name («أعلن X Y إغلاق …»); a title lacking its
 *    required country designator still types a name right after it (multi-word titles only); an ambiguous KB
 *    name takes the country of a nisba right after it («طرابلس الليبية»), else of the article's nisba adjectives.
 * 4. merge_surname / merge_variant: discovered duplicates («بوتين» / «فلاديمير بوتين», «دايلي ميل» / «ديلي ميل»).
 * 5. repeat (a discovered name again) and short forms: short_antecedent (nearest mention in this or the previous
 *    paragraph), short_topical (else the candidate introduced first), short_titled (after an honorific:
 *    «الرئيس السيسي»), short_safe (an unambiguous surname alone, see kbindex isSafeShort).
 * 6. Countries of discovered entities without one: country_rule sentence_country | article_country.
 *
 * Mention offsets EXCLUDE a clitic prefix written as such («وروسيا» → «روسيا»); for «لل» + noun («للولايات») the
 * whole word is kept (the stem «الولايات» is not written in the text). Country nisba adjectives never create
 * entities; they only give titles and discovered names their country. Named events and "other" are left out unless
 * `types` asks for them; persons known only through a title unless `includeTitleOnly`.
 */
import { createHash } from "node:crypto";
import type { Entity, EntityType, Mention } from "../record.js";
import type { Kb, KbEntry } from "../kb/index.js";
import {
  analysisFor,
  cliticVariants,
  normalizeForMatch,
  translitKey,
  type TextAnalysis,
  type Token,
} from "../text/index.js";
import type { CueDef, TitleDef } from "./data.js";
import {
  buildKbIndex,
  CAN,
  editDistance,
  wordInfo,
  wordSlot,
  foldHash,
  wordBit,
  type WordInfo,
  type TranslitForm,
  type TranslitVerdict,
  translitVerdict,
  verdictIndex,
  TRANSLIT_KEY,
  TRANSLIT_COLLAPSED,
  TRANSLIT_JOINED,
  entryNames,
  roleKey,
  type KbIndex,
} from "./kbindex.js";
import { phraseWords, type TokenTrie, type TrieMatch, type TrieNode } from "./trie.js";

export { editDistance };

export interface LinkOptions {
  /** publication date "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | null */
  published: string | null;
  kb: Kb;
  /** also output KB persons referred to only by a title («الرئيس الروسي»), not by name. Default false: the record
   * lists entities mentioned by name; title mentions are still added to persons who are named. */
  includeTitleOnly?: boolean;
  /** entity types to output. Default: person, organization, country, place, facility, weapon — named events
   * («الحرب الباردة») and "other" are left out (the record lists them as optional at most); pass all types to get them. */
  types?: readonly EntityType[];
  /** the body's shared text analysis (normalization, tokens, sentences), when the pipeline already has it */
  text?: TextAnalysis | null;
}

export const DEFAULT_TYPES: readonly EntityType[] = ["person", "organization", "country", "place", "facility", "weapon"];

/** A mention with the rule that produced it. */
export interface LinkedMention extends Mention {
  rule: string;
}
export interface LinkedEntity extends Entity {
  mentions: LinkedMention[];
  /** when the country is a guess from context: "sentence_country" | "article_country" */
  country_rule?: string;
}

type MentionKind = "name" | "short" | "title";
interface M extends LinkedMention {
  kind: MentionKind;
}

interface Ident {
  id: string;
  entry: KbEntry | null;
  type: EntityType;
  country: string | null;
  igo: string | null;
  sector: string | null;
  nameAr: string;
  nameEn: string | null;
  mentions: M[];
  /** discovered: normalized words of the full name and short forms */
  words?: string[];
  shorts?: string[];
  countryRule?: string;
}

interface Span {
  from: number;
  to: number;
  skip: number;
  cands: KbEntry[];
  rule: string;
  ident: Ident | null;
}

/** The clitic prefixes of kbindex stemsOf. */
const ONE_LETTER_CLITICS = ["و", "ف", "ب", "ل", "ك"];
const TWO_LETTER_CLITICS = ["وب", "ول", "فب", "فل", "وك"];

const PERSON_CONNECTORS = new Set(["عبد", "ابو", "ابن", "بن", "بنت", "ال", "ولد", "دي", "دا", "فون", "فان", "دو"]);
/** Imperfect-verb look: a single unknown word after a title starting with these is more likely a verb than a name. */
const VERB_PREFIX = /^(ي|ت|سي|ست|سن)/;
/** Verbal nouns of derived forms (normalized): IV إفعال «إغلاق», VIII افتعال «انتخاب», X استفعال «استئناف». */
const MASDAR = /^(ا[^اوي][^اوي]ا[^اوي]|ا[^اوي]ت[^اوي]ا[^اوي]|است[^اوي][^اوي]?ا[^اوي])$/;
/** Verbal noun of form II تفعيل («تعيين», «توقيع») or of the forms in MASDAR. */
function isMasdar(x: string): boolean {
  return MASDAR.test(x) || /^ت[^ا][^ا]ي[^اوي]$/.test(x);
}
/** A noun with a possessive pronoun («سياستها», «بلادهم»). */
const POSSESSIVE = /..(ها|هم|هما|كم|هن)$/;

/**
 * The person holding the title's first office that has a holder for `scope` on `day` (the publication day, see
 * pubDay; null = no date: current holders): null when none does or when that office has several holders.
 */
function officeHolder(ix: KbIndex, def: TitleDef, scope: string, day: string | null): KbEntry | null {
  for (const hs of holderLists(ix, def, scope)) {
    let p: KbEntry | null = null;
    let several = false;
    for (const h of hs) {
      if (!periodActive(h.period, day)) continue;
      if (p === null) p = h.entry;
      else if (h.entry !== p) several = true;
    }
    if (p !== null) return several ? null : p;
  }
  return null;
}

/** A role's period as comparable days (see dayOf; null = unbounded), computed once per role. */
interface Period {
  from: string | null;
  to: string | null;
  /** the role has no end date: it is current */
  current: boolean;
}
const PERIODS = new WeakMap<object, Period>();
function periodOf(role: { from: string | null; to: string | null }): Period {
  let p = PERIODS.get(role);
  if (!p) {
    p = { from: role.from ? dayOf(role.from, false) : null, to: role.to ? dayOf(role.to, true) : null, current: role.to == null };
    PERIODS.set(role, p);
  }
  return p;
}
/** roleActiveAt on a period and a publication day (pubDay of the date, null = no date) */
function periodActive(p: Period, day: string | null): boolean {
  if (day === null) return p.current;
  if (p.from !== null && p.from > day) return false;
  if (p.to !== null && p.to < day) return false;
  return true;
}

/** The holders of each of a title's offices for a scope, with their periods: they depend only on the KB index, the
 * title and the scope (a KB country or IGO), so they are gathered once. */
function holderLists(ix: KbIndex, def: TitleDef, scope: string): HolderSpan[][] {
  const byDef = ix.holderLists as Map<TitleDef, Map<string, HolderSpan[][]>>;
  let byScope = byDef.get(def);
  if (!byScope) byDef.set(def, (byScope = new Map()));
  let lists = byScope.get(scope);
  if (!lists) {
    lists = def.offices.map((office) => (ix.holders.get(roleKey(office, scope)) ?? []).map((h) => ({ entry: h.entry, period: periodOf(h.role) })));
    byScope.set(scope, lists);
  }
  return lists;
}
interface HolderSpan {
  entry: KbEntry;
  period: Period;
}

/** Pad a partial ISO date to a comparable day: start or end of the period. */
function dayOf(d: string, end: boolean): string {
  if (/^\d{4}$/.test(d)) return end ? `${d}-12-31` : `${d}-01-01`;
  if (/^\d{4}-\d{2}$/.test(d)) return end ? `${d}-31` : `${d}-01`;
  return d.slice(0, 10);
}
function pubDay(p: string): string {
  if (/^\d{4}$/.test(p)) return `${p}-07-01`;
  if (/^\d{4}-\d{2}$/.test(p)) return `${p}-15`;
  return p.slice(0, 10);
}
export function roleActiveAt(role: { from: string | null; to: string | null }, date: string | null): boolean {
  if (date == null) return role.to == null;
  const d = pubDay(date);
  if (role.from && dayOf(role.from, false) > d) return false;
  if (role.to && dayOf(role.to, true) < d) return false;
  return true;
}

const ROMAN: Record<string, string> = {
  ا: "a", ب: "b", ت: "t", ث: "th", ج: "j", ح: "h", خ: "kh", د: "d", ذ: "dh", ر: "r", ز: "z", س: "s", ش: "sh",
  ص: "s", ض: "d", ط: "t", ظ: "z", ع: "a", غ: "gh", ف: "f", ق: "q", ك: "k", ل: "l", م: "m", ن: "n", ه: "h",
  و: "w", ي: "y", ء: "",
};
/** Stable local id of a discovered entity: rasd:<type>:<romanized-normalized-name>-<hash6>. */
export function discoveredId(type: EntityType, name: string): string {
  const n = normalizeForMatch(name).replace(/["'«»]/g, "").replace(/\s+/g, " ").trim();
  let r = "";
  for (const ch of n) r += ROMAN[ch] ?? (/[a-z0-9]/.test(ch) ? ch : ch === " " ? "-" : "");
  r = r.replace(/-+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "x";
  const h = createHash("sha1").update(n).digest("hex").slice(0, 6);
  return `rasd:${type}:${r}-${h}`;
}

/** Bits of a word's letter flags (see Linker.art, taa, hamza); LETTERS_KNOWN marks them computed. */
const ART = 1, TAA = 2, HAMZA = 4, LETTERS_KNOWN = 8;

/** One pass over a word's original letters: hamza seats anywhere, أ/إ after the first letter, the last letter
 * (marks skipped), the article. */
function letterFlags(x: string): number {
  let hamza = false;
  let last = 0;
  for (let k = 0; k < x.length; k++) {
    const c = x.charCodeAt(k);
    if (c === 0x621 || c === 0x626 || c === 0x624 || (k > 0 && (c === 0x623 || c === 0x625))) hamza = true;
    if (!((c >= 0x64b && c <= 0x65f) || c === 0x670 || c === 0x640)) last = c;
  }
  return (x.length > 3 && hasArticle(x) ? ART : 0) | (last === 0x629 ? TAA : 0) | (hamza ? HAMZA : 0);
}

/**
 * Buffers of the per-word typed arrays, reused from one article to the next (grown on demand): a typed array of an
 * article's length is an off-heap allocation that costs more than the pass that fills it. A Linker takes views of
 * them (subarray); linkEntities is synchronous and never re-entered, so one Linker at a time uses them.
 */
interface Scratch {
  masks: Int32Array;
  fullNext: Int32Array;
  bits: Int32Array;
  owner: Int32Array;
  letters: Uint8Array;
  titleInside: Uint8Array;
}
let SCRATCH: Scratch | null = null;
/** Above this many tokens an article gets buffers of its own (the kept ones stay small). */
const SCRATCH_MAX = 1 << 16;
function scratch(len: number): Scratch {
  if (len > SCRATCH_MAX) return newScratch(len);
  if (SCRATCH === null || SCRATCH.masks.length < len) SCRATCH = newScratch(Math.min(SCRATCH_MAX, Math.max(1024, 2 * len)));
  return SCRATCH;
}
function newScratch(cap: number): Scratch {
  return {
    masks: new Int32Array(cap),
    fullNext: new Int32Array(cap),
    bits: new Int32Array(cap),
    owner: new Int32Array(cap),
    letters: new Uint8Array(cap),
    titleInside: new Uint8Array(cap),
  };
}

class Linker {
  readonly ix: KbIndex;
  readonly body: string;
  readonly published: string | null;
  /** the publication date as a comparable day (see pubDay), null without a date */
  readonly day: string | null;
  /**
   * The word sequence, as parallel arrays (no object per word): the body's tokens without the hyphens that join
   * two words («كوفيد-19»); `norms[i]` is the word's normalized form, null for a barrier (other punctuation).
   */
  readonly toks: readonly Token[];
  readonly norms: (string | null)[];
  /** number of words */
  readonly n: number;
  /** per word: ART | TAA | HAMZA | LETTERS_KNOWN, 0 until computed on first use (most words are only looked up by
   * their normalized form, never asked about their letters) */
  readonly letters: Uint8Array;
  readonly nmap: Int32Array;
  readonly sentences: readonly { start: number; end: number }[];
  /** owner[i] = index into spans, -1 = free, -2 = used by a title/cue phrase */
  readonly owner: Int32Array;
  /** per-word facts (null for barriers) */
  readonly info: (WordInfo | null)[];
  /** per-word CAN bits (0 for barriers): the passes test these without reading the WordInfo objects */
  readonly masks: Int32Array;
  /** per word: WordInfo.fullNext, and the word's own wordBit (0 for barriers) */
  readonly fullNext: Int32Array;
  readonly bits: Int32Array;
  /** per word: 1 inside a title phrase (after its first word), see matchKb */
  readonly titleInside: Uint8Array;
  readonly spans: Span[] = [];
  readonly idents = new Map<string, Ident>();
  /** title trie matches by start word, found once in pass 1 */
  readonly titleMatches = new Map<number, TrieMatch<TitleDef> | null>();

  constructor(body: string, opts: LinkOptions) {
    this.ix = buildKbIndex(opts.kb);
    this.body = body;
    this.published = opts.published;
    this.day = opts.published == null ? null : pubDay(opts.published);
    const a = analysisFor(body, opts.text);
    this.sentences = a.sentences;
    this.nmap = a.norm.map;
    // the word sequence: hyphens joining two words disappear, other punctuation is a barrier
    const tokens = a.tokens;
    const len = tokens.length;
    const ix = this.ix;
    const sc = scratch(len);
    const { masks, fullNext, bits } = sc;
    // (arrays of the token count, cut to the word count at the end: no growing by push)
    const norms = new Array<string | null>(len);
    const info = new Array<WordInfo | null>(len);
    /** the words' tokens: the token list itself until a joining hyphen is left out */
    let toks: Token[] = tokens;
    let n = 0;
    for (let i = 0; i < len; i++) {
      const t = tokens[i]!;
      if (t.kind === "punct") {
        if (t.norm === "-" && tokens[i + 1]?.hyphenJoined) {
          if (toks === tokens) toks = tokens.slice(0, n);
          continue;
        }
        norms[n] = null;
        info[n] = null;
        masks[n] = 0;
        fullNext[n] = 0;
        bits[n] = 0;
      } else {
        // the mask and the facts sit side by side in the table's slot (see WordTable)
        const h = foldHash(t.hash); // = wordHash(t.norm), from the tokenizer's hash of the word
        const s = wordSlot(ix, t.norm, h);
        const slots = ix.words.slots;
        norms[n] = t.norm;
        info[n] = slots[s + 2] as WordInfo;
        masks[n] = slots[s + 1] as number;
        fullNext[n] = slots[s + 3] as number;
        bits[n] = wordBit(h);
      }
      if (toks !== tokens) toks.push(t);
      n++;
    }
    if (n < len) {
      norms.length = n;
      info.length = n;
    }
    this.n = n;
    this.toks = toks;
    this.norms = norms;
    this.info = info;
    // views of exactly n words: reads past the last word are undefined, as the passes expect
    this.masks = masks.subarray(0, n);
    this.fullNext = fullNext.subarray(0, n);
    this.bits = bits.subarray(0, n);
    this.letters = sc.letters.subarray(0, n).fill(0);
    this.owner = sc.owner.subarray(0, n).fill(-1);
    this.titleInside = sc.titleInside.subarray(0, n).fill(0);
  }
  /** the word's letter flags (see `letterFlags`; 0 for punctuation) */
  private letterBits(i: number): number {
    let f = this.letters[i]!;
    if (f === 0) {
      f = (this.norms[i] === null ? 0 : letterFlags(this.toks[i]!.text)) | LETTERS_KNOWN;
      this.letters[i] = f;
    }
    return f;
  }
  /** word i is written with the article ال (bare alef), possibly behind clitics — judged on the ORIGINAL letters,
   * since normalization makes «ألكسندر» look like «الكسندر» */
  art(i: number): boolean {
    return (this.letterBits(i) & ART) !== 0;
  }
  /** word i is written with a final taa marbuta ة (an Arabic noun, not a transliterated name) */
  taa(i: number): boolean {
    return (this.letterBits(i) & TAA) !== 0;
  }
  /** word i is written with a hamza seat ء ئ ؤ or a non-initial أ إ: Arabic morphology («وسائل», «أنباء»), rare in
   * transliterated names — the fuzzy transliteration tier does not take such words */
  hamza(i: number): boolean {
    return (this.letterBits(i) & HAMZA) !== 0;
  }
  /** the ORIGINAL word i starts with «ال» (no clitic, no marks: the text as written) */
  writtenWithAl(i: number): boolean {
    const t = this.toks[i]!;
    return t.end - t.start >= 2 && this.body.charCodeAt(t.start) === 0x627 && this.body.charCodeAt(t.start + 1) === 0x644;
  }
  /** word i (not a barrier) cannot be (part of) a discovered name: blocksName of its normalized form */
  blocks(i: number): boolean {
    return this.info[i]!.blocks;
  }
  /** word i is a double quote (a barrier) */
  quote(i: number): boolean {
    return i < this.n && this.norms[i] === null && this.toks[i]!.norm === '"';
  }
  /** word i is a comma */
  isComma(i: number): boolean {
    if (this.norms[i] != null) return false;
    const x = this.toks[i]!.norm;
    return x === "،" || x === ",";
  }
  can(i: number, bit: number): boolean {
    return (this.masks[i]! & bit) !== 0;
  }

  // ---------- helpers ----------
  free(i: number): boolean {
    return i < this.n && this.owner[i] === -1 && this.norms[i] != null;
  }
  mention(from: number, to: number, skip: number, kind: MentionKind, rule: string): M {
    const t0 = this.toks[from]!;
    const start = skip > 0 ? this.nmap[t0.nstart + skip]! : t0.start;
    const end = this.toks[to - 1]!.end;
    return { start, end, text: this.body.slice(start, end), kind, rule };
  }
  identFor(e: KbEntry): Ident {
    let id = this.idents.get(e.id);
    if (!id) {
      id = {
        id: e.id,
        entry: e,
        type: e.type,
        country: e.country ?? null,
        igo: e.igo ?? null,
        sector: e.sector ?? null,
        nameAr: e.name.ar,
        nameEn: e.name.en ?? null,
        mentions: [],
      };
      if (e.type === "person") {
        // sector and IGO from the office held at the publication date (the UN Secretary-General → UN)
        const role = (e.roles ?? []).find((r) => periodActive(periodOf(r), this.day));
        if (role) {
          id.sector = role.sector ?? id.sector;
          id.igo = role.igo ?? id.igo;
        }
      }
      this.idents.set(e.id, id);
    }
    return id;
  }
  discovered(type: EntityType, nameWords: number[], country: string | null, sector: string | null, igo: string | null): Ident {
    const from = nameWords[0]!;
    const to = nameWords[nameWords.length - 1]! + 1;
    const text = this.body.slice(this.toks[from]!.start, this.toks[to - 1]!.end);
    const id = discoveredId(type, text);
    let ident = this.idents.get(id);
    if (!ident) {
      const ws = nameWords.map((i) => this.norms[i]!);
      ident = { id, entry: null, type, country, igo, sector, nameAr: text, nameEn: null, mentions: [], words: ws, shorts: [] };
      if (type === "person" && ws.length >= 2) {
        const last = ws[ws.length - 1]!;
        ident.shorts!.push(last);
        // East-Asian order («كيم هونغ كيون»): the family name comes first, and is used alone
        if (ws.length === 3) ident.shorts!.push(ws[0]!);
      }
      this.idents.set(id, ident);
    } else {
      if (!ident.country && country) ident.country = country;
      if (!ident.sector && sector) ident.sector = sector;
    }
    return ident;
  }
  /** A discovered entity over words [from, to) whose first word may carry a clitic (skip normalized chars). */
  discoveredSpan(type: EntityType, from: number, to: number, skip: number, country: string | null, sector: string | null): Ident {
    const t0 = this.toks[from]!;
    const start = skip > 0 ? this.nmap[t0.nstart + skip]! : t0.start;
    const text = this.body.slice(start, this.toks[to - 1]!.end);
    const id = discoveredId(type, text);
    let ident = this.idents.get(id);
    if (!ident) {
      const ws = [this.norms[from]!.slice(skip), ...this.norms.slice(from + 1, to)] as string[];
      ident = { id, entry: null, type, country, igo: null, sector, nameAr: text, nameEn: null, mentions: [], words: ws, shorts: [] };
      this.idents.set(id, ident);
    }
    return ident;
  }

  isNameStop(s: string): boolean {
    const d = this.ix.data;
    return d.stop.has(s) || d.generic.has(s) || this.ix.nameStops.has(s);
  }
  /** a word that cannot be (part of) a discovered name: a stop/generic/title/nisba word, also behind و ف */
  blocksName(x: string): boolean {
    return wordInfo(this.ix, x).blocks;
  }
  /** the word was written with a final taa marbuta (ة): an Arabic noun, not a transliterated name */
  taaFinal(i: number): boolean {
    return this.taa(i);
  }
  /** a span of pass 1 that starts exactly at word i */
  spanAt(i: number): Span | null {
    const o = this.owner[i] ?? -1;
    if (o < 0) return null;
    const s = this.spans[o]!;
    return s.from === i ? s : null;
  }

  // ---------- pass 1: KB names ----------
  matchKb(): void {
    const { full, titles } = this.ix;
    const N = this.n;
    // words inside a title phrase («وزيرة الخارجية …», «المتحدث باسم الخارجية …») never start a KB name: the KB
    // alias «الخارجية الكورية الشمالية» (the ministry) must not eat the minister's title
    const titleInside = this.titleInside;
    for (let i = 0; i < N; i++) {
      if (!this.can(i, CAN.TITLE)) continue;
      const t = titles.matchFrom(this.norms, i, this.info[i]!.titles, true);
      this.titleMatches.set(i, t);
      if (t) for (let j = i + 1; j < t.to; j++) titleInside[j] = 1;
    }
    for (let i = 0; i < N; i++) {
      if (titleInside[i] || !this.can(i, CAN.FULL)) continue;
      // no reading of the word is a KB name by itself, and the next word (its bit) follows none of them: no match
      if (!this.can(i, CAN.FULL_HIT) && (this.fullNext[i]! & this.bits[i + 1]!) === 0) continue;
      const m = full.matchFrom(this.norms, i, this.info[i]!.full, false);
      if (!m) continue;
      // trie hits are distinct (TokenTrie.addWords) and span candidates are never mutated: no copy needed
      const cands = this.exactFilter(m.from, m.to, m.skip, m.hits, m.prefix);
      if (cands.length) {
        // a model number glued by a hyphen belongs to the name: «هواسونغ-11», «سو-35»
        const nx = m.to < this.n ? this.toks[m.to]! : null;
        const model = nx !== null && nx.kind === "number" && nx.hyphenJoined === true && this.norms[m.to] != null;
        this.addSpan({ from: m.from, to: model ? m.to + 1 : m.to, skip: m.skip, cands, rule: model ? "kb_exact+model_number" : "kb_exact", ident: null });
        i = (model ? m.to + 1 : m.to) - 1;
      }
    }
    // transliteration fallback, only on windows no exact match touched
    for (let i = 0; i < N; i++) {
      if (!this.free(i) || !this.can(i, CAN.TRANSLIT)) continue;
      const t = this.translitAt(i);
      if (t) {
        this.addSpan(t);
        i = t.to - 1;
      }
    }
    this.resolveAmbiguous();
  }
  /**
   * Guards on exact matches: (1) a one-word match that is a stop or common word («كيف» = how / Kyiv, «صور» =
   * pictures / Tyre) is dropped; (2) a body word ending in ة does not match an alias written with a final ه
   * («مالية» ≠ «ماليه» Malé): the normalizer folds them, the writer did not.
   */
  exactFilter(from: number, to: number, skip: number, cands: KbEntry[], prefix = ""): KbEntry[] {
    const d = this.ix.data;
    if (to - from === 1) {
      // the stem the match read: for «لل» + noun (skip 0) it is «ال» + the rest («للغرب» → «الغرب»)
      const norm = this.norms[from]!;
      const stem = skip === 0 && prefix.endsWith("ل") && norm.startsWith(prefix + "ل") ? "ال" + norm.slice(prefix.length + 1) : norm.slice(skip);
      if (d.stop.has(stem) || d.common.has(stem) || (skip > 0 && d.stop.has(this.norms[from]!))) return [];
      // rule nisba_not_name: a country nisba adjective read as article + name («الجيش المالي» ≠ Mali, «السوداني»):
      // the article was stripped to reach the name, and the written word (behind و ف ب ل) is a nisba
      if ((prefix.endsWith("ال") || prefix.endsWith("لل")) && this.info[from]!.stems.some(([x]) => this.ix.nisba.root.next.has(x))) return [];
      // an adjective agreeing with the definite noun before it: «الشعر الرمادي» (grey), not the city of Ramadi;
      // the feminine «ـية» likewise is no organization's name: «الحضارة السومرية» (Sumerian) is not the channel,
      // «اللجنة الرباعية» not the Quad, «الدول الفرنكوفونية» not the Francophonie
      const prev = from > 0 ? this.norms[from - 1] : null;
      if (
        skip === 0 &&
        prev != null &&
        (stem.endsWith("ي") || stem.endsWith("يه")) &&
        this.writtenWithAl(from) &&
        this.writtenWithAl(from - 1) &&
        !d.stop.has(prev) &&
        this.owner[from - 1] === -1
      ) {
        const drop = stem.endsWith("ي") ? "place" : this.taa(from) ? "organization" : null;
        if (drop !== null) {
          cands = cands.filter((e) => e.type !== drop);
          if (!cands.length) return [];
        }
      }
    }
    // (the last word as written ends in ة, marks aside)
    if (this.taa(to - 1)) {
      const key = [this.norms[from]!.slice(skip), ...this.norms.slice(from + 1, to)].join(" ");
      const heh = this.ix.hehFinal.get(key);
      if (heh) cands = cands.filter((e) => !heh.has(e) || entryHasTaaForm(e, key));
    }
    return cands;
  }
  addSpan(s: Span): void {
    const k = this.spans.length;
    this.spans.push(s);
    for (let j = s.from; j < s.to; j++) this.owner[j] = k;
  }
  /** Walk a per-word key trie from its node for word i (found by wordInfo): every alias end reached is a candidate
   * (`src` tells which index it came from, see translitAt). */
  private translitWalk(start: TrieNode<TranslitForm> | undefined, i: number, src: number, cands: TranslitCand[]): void {
    let node = start;
    let j = i + 1;
    while (node) {
      if (node.hits) cands.push({ to: j, forms: node.hits, src });
      // (a node without children ends the walk whatever the next word is: its key is not computed)
      if (node.next.size === 0) break;
      // info[j] is wordInfo(norms[j]) (free(j): norms[j] != null), so this is blocksName(norms[j]) without a look-up
      if (j >= this.n || !this.free(j) || this.info[j]!.blocks) break;
      // the next word's per-word key (wordKey) or collapsed letters (collapseWord), kept in its WordInfo
      const f = this.info[j]!;
      node = node.next.get(src === TRANSLIT_KEY ? f.translitKey : f.collapsed);
      j++;
    }
  }
  /**
   * Transliteration fallback at a free word: the per-word translit keys of the following words walk a trie of the
   * aliases' per-word keys (first word possibly with a clitic; a single body word may also join the parts of an
   * alias: «بيونغيانغ»). Each candidate is verified on the normalized letters (see translitVerdict); several
   * distinct entities passing = ambiguous, no match. (Words that do not start with a letter, or that block names,
   * have no transliteration starts: see kbindex wordInfo.)
   */
  translitAt(i: number): Span | null {
    // an exact short form of a KB person («بيسكوف») is left to the short-form pass, not fuzzily taken for another
    // entity («بسكوف», the city of Pskov)
    if (this.can(i, CAN.SHORT)) return null;
    let best: Span | null = null;
    // the stems of the word that reach a trie or a joined alias, in stem order (stems reaching none give no candidate)
    for (const start of this.info[i]!.translit ?? []) {
      const { stem, skip, keyNode, collapsedNode, joined: jf } = start;
      const cands: TranslitCand[] = [];
      this.translitWalk(keyNode, i, TRANSLIT_KEY, cands);
      this.translitWalk(collapsedNode, i, TRANSLIT_COLLAPSED, cands);
      if (jf) cands.push({ to: i + 1, forms: jf, src: TRANSLIT_JOINED });
      cands.sort((x, y) => x.to - y.to);
      for (let c = cands.length - 1; c >= 0; c--) {
        const { to, forms, src } = cands[c]!;
        if (best && to <= best.to) break;
        // hamza seats and a final taa marbuta are Arabic morphology («وسائل», «حماية»): no fuzzy match
        let art = this.art(i);
        let hamza = this.hamza(i) || this.taa(i);
        let v: TranslitVerdict;
        if (to === i + 1) {
          // a one-word candidate: its verdict depends only on the stem, the index and the letter flags, and was
          // found with the word's facts (kbindex wordInfo)
          v = start.verdicts[verdictIndex(src, art, hamza)]!;
        } else {
          let joined = stem;
          for (let j = i + 1; j < to; j++) {
            joined += this.norms[j]!;
            art ||= this.art(j);
            hamza ||= this.hamza(j) || this.taa(j);
          }
          v = translitVerdict(joined, to - i, forms, art, hamza);
        }
        if (v.pick) {
          const cands1 = this.exactFilter(i, to, skip, [v.pick]);
          if (cands1.length) {
            best = { from: i, to, skip, cands: cands1, rule: v.rule, ident: null };
            break;
          }
        }
      }
    }
    return best;
  }
  /** Ambiguous aliases: prefer the candidate whose country is otherwise present in the article; else the most
   * "geographic" type (country > place > organization > …) when it is unique; else leave the span unlinked. */
  resolveAmbiguous(): void {
    const present = new Set<string>();
    for (const s of this.spans) if (s.cands.length === 1 && s.cands[0]!.country) present.add(s.cands[0]!.country!);
    const rank: Record<string, number> = { country: 0, place: 1, organization: 2, facility: 3, person: 4 };
    for (const s of this.spans) {
      let c = s.cands;
      if (c.length > 1) {
        // a nisba right after the name picks its country: «طرابلس الليبية», «صور اللبنانية»
        const nb = this.free(s.to) && this.can(s.to, CAN.NISBA) ? this.nisbaAt(s.to) : null;
        const byNisba = nb ? c.filter((e) => e.country === nb.country) : [];
        if (byNisba.length === 1) c = byNisba;
      }
      if (c.length > 1) {
        const inCtx = c.filter((e) => e.country && present.has(e.country));
        if (inCtx.length >= 1) c = inCtx;
      }
      if (c.length > 1) {
        // else the countries of nisba adjectives in the article («وزيرة الخارجية الليبية … طرابلس»)
        const adj = this.nisbaCountries();
        const inAdj = c.filter((e) => e.country && adj.has(e.country));
        if (inAdj.length === 1) c = inAdj;
      }
      if (c.length > 1) {
        const best = Math.min(...c.map((e) => rank[e.type] ?? 9));
        const top = c.filter((e) => (rank[e.type] ?? 9) === best);
        c = top.length === 1 ? top : [];
      }
      if (c.length === 1) {
        const ident = this.identFor(c[0]!);
        s.ident = ident;
        ident.mentions.push(this.mention(s.from, s.to, s.skip, "name", s.rule));
      }
    }
  }

  private nisbaSet: Set<string> | null = null;
  /** countries whose nisba adjectives occur in the article (computed once, on demand) */
  nisbaCountries(): Set<string> {
    if (this.nisbaSet) return this.nisbaSet;
    const out = new Set<string>();
    for (let i = 0; i < this.n; i++) {
      if (!this.can(i, CAN.NISBA)) continue;
      const n = this.ix.nisba.matchAt(this.norms, i, false);
      const c = n ? n.hits[0]!.iso3 ?? n.hits[0]!.country : null;
      if (c) out.add(c);
    }
    return (this.nisbaSet = out);
  }

  // ---------- designators (country after a title or a name) ----------
  /** A country designator at word i: nisba, KB country/organization/place name in construct, metonym, or an IGO
   * adjective («الأممي»). */
  designatorAt(i: number, allowPlace: boolean): { to: number; country: string | null; igo: string | null; entry: KbEntry | null } | null {
    if (i >= this.n || this.norms[i] == null) return null;
    const span = this.spanAt(i);
    if (span && span.ident?.entry) {
      const e = span.ident.entry;
      if (e.type === "country" || e.type === "organization" || (allowPlace && (e.type === "place" || e.type === "facility"))) {
        return { to: span.to, country: e.country ?? null, igo: e.igo ?? null, entry: e };
      }
      return null;
    }
    if (this.owner[i] !== -1) return null;
    const n = this.can(i, CAN.NISBA) ? this.ix.nisba.matchAt(this.norms, i, false) : null;
    if (n) {
      const c = n.hits[0]!;
      return { to: n.to, country: c.iso3 ?? c.country ?? null, igo: null, entry: null };
    }
    const g = this.can(i, CAN.IGO_ADJ) ? this.ix.igoAdj.matchAt(this.norms, i, false) : null;
    if (g) return { to: g.to, country: null, igo: g.hits[0]!, entry: null };
    const m = this.can(i, CAN.METONYM) ? this.ix.metonym.matchAt(this.norms, i, false) : null;
    if (m) {
      const c = m.hits[0]!;
      return { to: m.to, country: c.iso3 ?? c.country ?? null, igo: null, entry: c };
    }
    return null;
  }

  /** A nisba right after word i (used for a discovered name's country: «وكالة يونهاب الكورية»). */
  nisbaAfter(i: number): string | null {
    for (let j = i; j < Math.min(i + 2, this.n); j++) {
      const x = this.norms[j];
      if (x == null || this.owner[j] !== -1) return null;
      const n = this.can(j, CAN.NISBA) ? this.ix.nisba.matchAt(this.norms, j, false) : null;
      if (n) return n.hits[0]!.iso3 ?? n.hits[0]!.country ?? null;
      if (!this.ix.data.generic.has(x)) return null; // allow one generic word in between («الرسمية»)
    }
    return null;
  }

  // ---------- name shapes ----------
  /** A person name at word i: 1–3 name-like words (4 with connectors such as «عبد», «بن»). */
  personNameAt(i: number, needBoundary = false): number[] | null {
    const out: number[] = [];
    let j = i;
    while (j < this.n && out.length < 4) {
      if (this.initialDot(j, out)) j++;
      const x = this.norms[j];
      if (x == null || !this.free(j)) break;
      if (!this.info[j]!.letters || x.length < 2) break;
      const prev = out.length ? this.norms[out[out.length - 1]!]! : null;
      const afterConnector = prev != null && PERSON_CONNECTORS.has(prev);
      // «نور الدين», «عز الدين», «سيف الإسلام»: the second part of a compound first name carries the article
      const compound = out.length >= 1 && (x === "الدين" || x === "الاسلام") && !this.art(out[out.length - 1]!);
      // a given name with the article opens the name («العميد الصادق الأزرق»); it never stands alone (checked below)
      const givenArt = out.length === 0 && this.ix.data.articleGivenNames.has(x);
      if (this.art(j) && !afterConnector && !compound && !givenArt && !(out.length >= 1 && this.familyNameAt(j))) break;
      if (this.blocks(j) && !afterConnector) break;
      if (this.taaFinal(j) || (x.length >= 5 && POSSESSIVE.test(x))) break;
      // rule masdar_not_name: a verbal noun after a name is the object of the verb («أعلن X Y إغلاق …»)
      if (out.length >= 1 && !afterConnector && MASDAR.test(x)) break;
      if (out.length === 3 && !out.some((k) => PERSON_CONNECTORS.has(this.norms[k]!))) break;
      out.push(j);
      j++;
    }
    if (!out.length) return null;
    if (PERSON_CONNECTORS.has(this.norms[out[out.length - 1]!]!)) out.pop();
    if (out.length === 1 && this.art(out[0]!)) return null;
    if (!out.length) return null;
    // a third word must close the name («كيم هونغ كيون قال»); otherwise it is likely a noun of the sentence
    // («بيل نيلسون نجاح المهمة»)
    if (out.length === 3 && !out.some((k) => PERSON_CONNECTORS.has(this.norms[k]!)) && !this.boundaryAt(out[2]! + 1)) {
      out.pop();
      j = out[out.length - 1]! + 1;
    }
    if (needBoundary) {
      // after an apposition comma the name must be closed: punctuation, a stopword or a known name
      const nx = this.norms[j];
      if (!(j >= this.n || nx == null || this.ix.data.stop.has(nx) || this.owner[j]! >= 0 || this.blocks(j))) return null;
    }
    if (out.length === 1) {
      // a lone word must be followed by a boundary and not look like a verb
      const x = this.norms[out[0]!]!;
      const nx = this.norms[j];
      // (a following KB name is not enough: «المتحدث باسم الخارجية الصينية موقف بكين» — «موقف» is a noun)
      const boundary = j >= this.n || nx == null || this.ix.data.stop.has(nx);
      // …and not end in alef (accusative adverbs «وفقا», «حاليا») or in a pronoun ه («قوله», «بيانه»)
      if (!boundary || (VERB_PREFIX.test(x) && x.length <= 6) || x.length < 3 || x.endsWith("ا") || (x.endsWith("ه") && x.length <= 5)) return null;
    }
    return out;
  }

  /** An article-bearing family name closing a person name («محمد المنشاوي», «ماجد الأنصاري»): the nisba-shaped
   * family name ending in ي (plural nouns such as «التقارير» are not names), not a stop, generic, title or country
   * nisba word, and followed by a boundary (punctuation, a stopword, a known name or the end). */
  familyNameAt(j: number): boolean {
    const x = this.norms[j]!;
    if (this.blocks(j) || x.length < 5 || !this.writtenWithAl(j)) return false;
    // nisba-shaped («المنشاوي»), or a trade/descriptive family name («العطار», «الأحمد») — never a noun with ة
    // («العرادة» is lost: too many ال…ة words are ordinary nouns)
    // (the latter only before «إن/أن» of reported speech: «قال … علاء العطار إن» — plurals such as «التقارير»,
    // «الوفد» end a clause instead)
    const nx = this.norms[j + 1];
    if (!x.endsWith("ي")) return !this.taa(j) && nx === "ان";
    // (a verbal noun also closes it: «أعلن محافظ X مرتضى الإبراهيمي تعطيل الدوام»)
    return j + 1 >= this.n || nx == null || this.ix.data.stop.has(nx) || this.owner[j + 1]! >= 0 || this.blocks(j + 1) || isMasdar(nx);
  }

  /** A person name ending at word e (reverse apposition «X Y، المتحدث…»): 1–3 name-like words going left.
   * A leading word with a conjunction («وعادت X Y Z») is a verb starting the clause, not part of the name. */
  personNameBefore(e: number): number[] | null {
    const out: number[] = [];
    let j = e;
    while (j >= 0 && out.length < 3) {
      const x = this.norms[j];
      if (x == null || !this.free(j) || !this.info[j]!.letters || x.length < 2) break;
      // «نور الدين بن سالم»: the compound part «الدين» joins the word before it
      const compound = (x === "الدين" || x === "الاسلام") && out.length >= 1 && j >= 1 && this.norms[j - 1] != null && !this.art(j - 1) && this.free(j - 1) && !this.blocks(j - 1);
      if (!compound && (this.art(j) || this.blocks(j) || this.taaFinal(j) || (x.length >= 5 && POSSESSIVE.test(x)))) break;
      out.unshift(j);
      j--;
      if (compound) {
        out.unshift(j);
        j--;
      }
    }
    if (out.length >= 2 && /^[وف]/.test(this.norms[out[0]!]!) && this.norms[out[0]!]!.length >= 4) out.shift();
    if (!out.length) return null;
    if (out.length === 1) {
      const x = this.norms[out[0]!]!;
      if ((VERB_PREFIX.test(x) && x.length <= 6) || x.length < 3 || x.endsWith("ا") || /^[وف]/.test(x)) return null;
    }
    return out;
  }

  /** word j closes a name: end of text, punctuation, a stopword or blocking word, or a known name */
  boundaryAt(j: number): boolean {
    if (j >= this.n) return true;
    const x = this.norms[j];
    return x == null || this.ix.data.stop.has(x) || this.blocks(j) || this.owner[j]! >= 0;
  }

  /** a period closing an initial inside a name («جون إف. كينيدي»): the word before is 1–2 letters and a word
   * follows */
  initialDot(j: number, out: number[]): boolean {
    if (j >= this.n || this.norms[j] != null || this.toks[j]!.norm !== "." || !out.length) return false;
    const prev = this.norms[out[out.length - 1]!]!;
    return prev.length <= 2 && out[out.length - 1] === j - 1 && this.norms[j + 1] != null;
  }

  /** A quoted name at word i («"X Y"»): the words up to the closing quote (≤ 5). */
  quotedAt(i: number): number[] | null {
    if (!this.quote(i)) return null;
    const out: number[] = [];
    let j = i + 1;
    while (j < this.n && !this.quote(j)) {
      if (this.norms[j] == null || out.length >= 5) return null;
      out.push(j);
      j++;
    }
    if (j >= this.n || !out.length) return null;
    return out;
  }

  /** An unquoted name after a cue: 1–maxTokens name-like words. */
  cueNameAt(i: number, cue: CueDef): number[] | null {
    const out: number[] = [];
    let j = i;
    while (j < this.n && out.length < cue.maxTokens) {
      if (this.initialDot(j, out)) j++;
      const x = this.norms[j];
      if (x == null || !this.free(j)) break;
      if (!this.info[j]!.alnumName) break;
      if (this.art(j) && !(cue.nameArticle && out.length === 0 && stripMarks(this.toks[j]!.text).startsWith("ال"))) break;
      if (this.blocks(j)) break;
      // «منطقة ومواجهة…»: a conjunction starts a new phrase, not a name
      if (out.length === 0 && /^[وف]/.test(x)) break;
      // a taa-marbuta word is an Arabic noun or an adjective agreeing with the cue («منطقة عازلة», «شركة عملاقة»);
      // only a newspaper-style definite name may have one («صحيفة الحياة»)
      if ((this.taaFinal(j) && !(out.length === 0 && cue.nameArticle && this.art(j))) || (x.length >= 5 && POSSESSIVE.test(x))) break;
      // feminine adjective shape («عسكرية», «إلكترونية»): not a name
      if (x.length >= 5 && x.endsWith("يه")) break;
      out.push(j);
      j++;
    }
    if (!out.length) return null;
    if (out.length === 1 && this.norms[out[0]!]!.length < 3) return null;
    // construct phrase: «منطقة خفض التصعيد» — a one-word name followed by a definite noun (bare ال, not an adjective:
    // not a nisba/generic word, not ending in ي/ية) that it governs; a name would not be
    const nx = this.norms[j];
    if (
      out.length === 1 &&
      nx != null &&
      this.art(j) &&
      this.writtenWithAl(j) &&
      !this.can(j, CAN.NISBA) &&
      !this.ix.data.generic.has(nx) &&
      !nx.endsWith("ي") &&
      !nx.endsWith("يه")
    )
      return null;
    return out;
  }

  markUsed(from: number, to: number): void {
    for (let j = from; j < to; j++) if (this.owner[j] === -1) this.owner[j] = -2;
  }

  // ---------- pass 2: titles ----------
  matchTitles(): void {
    const N = this.n;
    for (let i = 0; i < N; i++) {
      if (!this.free(i) || !this.can(i, CAN.TITLE)) continue;
      // (every word that can start a title was matched in pass 1)
      const m = this.titleMatches.get(i) ?? null;
      if (!m) continue;
      const def = m.hits[0]!;
      const next = this.titleAt(i, m.to, m.skip, def);
      if (next > i) i = next - 1;
    }
  }

  /** Handle one title found at [i, j). Returns the index after what it consumed (or i when nothing). */
  titleAt(i: number, j: number, skip: number, def: TitleDef): number {
    let k = j;
    let country: string | null = null;
    let igo: string | null = def.igo ?? null;
    let designated = false;
    // place titles: «حاكم منطقة X», «عمدة موسكو»
    if (def.place) {
      const d = this.designatorAt(k, true);
      if (d) {
        k = d.to;
        country = d.country;
        designated = true;
      } else {
        const c = this.cueMatchAt(k);
        const kp = c && c.hits[0]!.type === "place" ? this.spanAt(c.to) : null;
        if (kp && kp.ident?.entry && (kp.ident.type === "place" || kp.ident.type === "country")) {
          // «عمدة مدينة ميلانو X»: a known place after the place cue designates the title
          k = kp.to;
          country = kp.ident.country;
          designated = true;
          const nb = this.nisbaAt(k); // «ولاية كسلا السودانية»
          if (nb) k = nb.to;
        } else if (c && c.hits[0]!.type === "place") {
          // «حاكم منطقة X Y Z»: the place is one word, the person's name follows
          const r = this.cueAt(k, c.to, { ...c.hits[0]!, maxTokens: 1 });
          if (r > k) {
            k = r;
            designated = true;
            const nb = this.nisbaAt(k);
            if (nb) {
              country = nb.country;
              k = nb.to;
            }
          }
        }
      }
    } else if (def.designator !== "none") {
      // portfolio words («وزير الموارد الطبيعية والبيئة الروسي»), then the designator
      const maxSkip = def.skip ?? 0;
      let s = 0;
      for (;;) {
        const d = this.designatorAt(k + s, false);
        if (d) {
          k = d.to;
          country = d.country;
          igo = igo ?? d.igo;
          designated = true;
          break;
        }
        const x = this.norms[k + s];
        if (s >= maxSkip || x == null || !this.free(k + s) || !(this.art(k + s) || this.ix.data.generic.has(x))) break;
        s++;
      }
      if (!designated) k += s;
    }
    // a title that needs a designator may still type a name that follows it directly («محافظ البنك المركزي حسن
    // عبد الله»): the person is discovered without a country (fallbackCountries decides), the title is never resolved
    // (multi-word titles only: a bare «الملك X» / «الرئيس X» without a country is too often part of another name,
    // «جامعة الملك سعود»)
    const undesignated = def.designator === "required" && !designated;
    if (undesignated && j - i < 2) return i;
    // posting: «السفير الأمريكي لدى إسرائيل X», «المبعوث الأممي إلى ليبيا X»
    if (def.posting && (this.norms[k] === "لدي" || this.norms[k] === "الي" || this.norms[k] === "في")) {
      const ps = this.spanAt(k + 1);
      if (ps && ps.ident?.entry && (ps.ident.type === "country" || ps.ident.type === "place" || ps.ident.type === "organization")) {
        k = ps.to;
      }
    }
    // modifiers: «وزير الدفاع الروسي آنذاك»; a former office is not resolved to the holder
    let former = false;
    const mod = this.free(k) && this.can(k, CAN.MODIFIER) ? this.ix.modifiers.matchAt(this.norms, k, false) : null;
    if (mod) {
      k = mod.to;
      former = this.ix.data.former.has(mod.hits[0]!);
    }
    // an honorific before the name: «رئيس الإمارات الشيخ محمد بن زايد», «قائد الجيش الفريق أول X»
    if (k < this.n && this.norms[k] != null && this.free(k) && this.ix.honorifics.has(this.norms[k]!)) k++;
    // apposition: «الرئيس الروسي، فلاديمير بوتين،»
    let comma = false;
    if (k < this.n && this.isComma(k)) {
      comma = true;
      k++;
    }
    if (undesignated && (mod || comma)) return i;
    // the name that follows
    const span = this.spanAt(k);
    if (span) {
      if (span.ident?.type === "person") {
        // «الرئيس الروسي فلاديمير بوتين»: one person mention (the name), the title types it
        this.markUsed(i, k);
        if (!span.ident.sector && def.sector) span.ident.sector = def.sector;
        return span.to;
      }
    } else {
      const name = this.personNameAt(k, comma);
      // «… وزير الداخلية وتعيين X»: a conjunction + verbal noun opens a new clause, not a name
      if (name && undesignated && /^[وف]/.test(this.norms[name[0]!]!) && isMasdar(this.norms[name[0]!]!.slice(1))) return i;
      if (name) {
        const ident = this.discovered("person", name, country, def.sector, igo);
        ident.mentions.push(this.mention(name[0]!, name[name.length - 1]! + 1, 0, "name", `title_name:${def.offices[0]}`));
        this.markUsed(i, k);
        for (const n of name) this.owner[n] = -2;
        return name[name.length - 1]! + 1;
      }
    }
    if (undesignated) return i;
    // reverse apposition: «ديمتري بيسكوف، المتحدث باسم الكرملين»
    if (i >= 2 && this.isComma(i - 1)) {
      const o = this.owner[i - 2]!;
      if (o >= 0 && this.spans[o]!.ident?.type === "person") {
        this.markUsed(i, k);
        return k;
      }
      const name = this.personNameBefore(i - 2);
      if (name) {
        const ident = this.discovered("person", name, country, def.sector, igo);
        ident.mentions.push(this.mention(name[0]!, name[name.length - 1]! + 1, 0, "name", `title_apposition:${def.offices[0]}`));
        for (const n of name) this.owner[n] = -2;
        this.markUsed(i, k);
        return k;
      }
    }
    // no name: resolve the title to the office holder
    if (!def.resolve || former) return i;
    const scope = def.designator === "none" ? igo : country;
    if (!scope) return i;
    const holder = this.holderOf(def, scope);
    if (!holder) return i;
    const ident = this.identFor(holder);
    // the title mention: title words plus a nisba designator (not a KB name, which is its own mention)
    const to = this.owner[j] === -1 && k > j && !comma ? k : j;
    ident.mentions.push(this.mention(i, to, skip, "title", `title_holder:${def.offices[0]}`));
    this.markUsed(i, to);
    return to;
  }

  nisbaAt(i: number): { to: number; country: string | null } | null {
    if (!this.free(i) || !this.can(i, CAN.NISBA)) return null;
    const n = this.ix.nisba.matchAt(this.norms, i, false);
    return n ? { to: n.to, country: n.hits[0]!.iso3 ?? n.hits[0]!.country ?? null } : null;
  }

  /** The KB person holding one of the title's offices for `scope` at the publication date (unique), or null.
   * Without a publication date only a current holder already named in the article qualifies. */
  holderOf(def: TitleDef, scope: string): KbEntry | null {
    const p = officeHolder(this.ix, def, scope, this.day);
    if (p && this.published == null) {
      const named = this.idents.get(p.id)?.mentions.some((m) => m.kind === "name");
      if (!named) return null;
    }
    return p;
  }

  // ---------- pass 3: cues ----------
  /** the cue phrase starting at word i (none behind a stripped article: «الوكالة» is not the cue «وكالة») */
  cueMatchAt(i: number): TrieMatch<CueDef> | null {
    return this.can(i, CAN.CUE) ? this.ix.cues.matchFrom(this.norms, i, this.info[i]!.cues, true) : null;
  }
  matchCues(): void {
    const N = this.n;
    for (let i = 0; i < N; i++) {
      if (!this.free(i) || !this.can(i, CAN.CUE)) continue;
      const m = this.cueMatchAt(i);
      if (!m) continue;
      const r = this.cueAt(i, m.to, m.hits[0]!, m.skip);
      if (r > i) i = r - 1;
    }
  }

  /** An honorific and a personal name at word j («الملك سعود», «الملك عبد العزيز», «الأمير محمد بن فهد»):
   * the index after it, or -1. The name is one word, «عبد» + a word, optionally followed by «بن» + a word. */
  honorificNameAt(j: number): number {
    const h = this.norms[j];
    if (h == null || !this.free(j) || !this.ix.honorifics.has(h)) return -1;
    const nameWord = (k: number, article: boolean): boolean => {
      const x = this.norms[k];
      if (x == null || !this.free(k) || !this.info[k]!.letters2 || this.blocks(k) || this.taaFinal(k)) return false;
      return article || !this.art(k);
    };
    let k = j + 1;
    if (this.norms[k] === "عبد" && nameWord(k + 1, true)) k += 2;
    else if (nameWord(k, false)) k += 1;
    else return -1;
    if ((this.norms[k] === "بن" || this.norms[k] === "ابن") && this.free(k) && nameWord(k + 1, true)) k += 2;
    return k;
  }

  /** The KB place/country/region span starting at word j (ending at `end` unless -1) is released — its mention
   * removed, its words free — and its word indices returned; null when there is no such span. */
  placeSpanAsName(j: number, end: number): number[] | null {
    const ps = this.spanAt(j);
    const id = ps?.ident;
    if (!ps || !id?.entry || (id.type !== "place" && id.type !== "country") || (end >= 0 && ps.to !== end)) return null;
    const at = this.toks[ps.from]!.start;
    id.mentions = id.mentions.filter((m) => m.start !== at);
    ps.ident = null;
    const out: number[] = [];
    for (let k = ps.from; k < ps.to; k++) {
      this.owner[k] = -1;
      out.push(k);
    }
    return out;
  }

  /**
   * Rule cue_head_noun: a head noun of another kind right before a KB organization's name makes the phrase another
   * entity, named like the organization — «جامعة الجزيرة» (a university in Sudan), «مستشفى الجزيرة», «منطقة
   * الجزيرة», «مدينة الجزيرة» are not the broadcaster. The head noun is a place cue («مدينة», «منطقة», «ولاية»,
   * «جزيرة»), or a named-after cue of another sector (EDU «جامعة», the club «نادي», facilities «مطار», «ملعب»): «جامعة
   * الأزهر» is the university, not the religious institution. A cue of the organization's own kind keeps it («قناة الجزيرة», «حركة حماس», «جامعة الأزهر»); where the KB knows the compound
   * itself («ولاية الجزيرة», «شبه الجزيرة العربية») the longer KB name has already won in pass 1.
   */
  headNounOverOrg(cue: CueDef, org: Ident): boolean {
    if (org.type !== "organization" || org.entry == null) return false;
    if (cue.type === "place") return true;
    if (cue.namedAfter !== true) return false;
    // (a named-after cue of no sector is a kind of its own: «نادي الجزيرة» is a sports club)
    return cue.type === "facility" || (cue.type === "organization" && (cue.sector == null || cue.sector !== org.sector));
  }

  /** A KB span of pass 1 is no mention after all: its mention removed, its words free. */
  releaseSpan(s: Span): void {
    const id = s.ident!;
    const at = s.skip > 0 ? this.nmap[this.toks[s.from]!.nstart + s.skip]! : this.toks[s.from]!.start;
    id.mentions = id.mentions.filter((m) => m.start !== at);
    s.ident = null;
    for (let k = s.from; k < s.to; k++) this.owner[k] = -1;
  }

  /** Handle a cue at [i, j): discover the name after it. Returns the index after the name, or i. */
  cueAt(i: number, j: number, cue: CueDef, skip = 0): number {
    // rule cue_head_noun, inside the phrase: a KB organization read in the cue's own words is part of the head noun
    // («شبه الجزيرة» is «the peninsula», not the broadcaster), whatever follows
    for (let k = i + 1; k < j; k++) {
      const s = this.spanAt(k);
      if (s !== null && s.to <= j && s.ident?.type === "organization") this.releaseSpan(s);
    }
    let name = this.quotedAt(j);
    let rule = `cue_quoted:${cue.type}`;
    let after = name ? name[name.length - 1]! + 2 : j;
    const medium = cue.type === "organization" && cue.sector === "MED";
    if (name) {
      // rule kb_cue_quoted: the cue and the quoted name together are a KB name («صحيفة "الشرق الأوسط"» is the
      // KB newspaper «صحيفة الشرق الأوسط»)
      const key = [...this.norms.slice(i, j), ...name.map((k) => this.norms[k]!)];
      const km = this.ix.full.matchAt(key, 0);
      const ents = km && km.to === key.length ? uniq(km.hits) : [];
      if (ents.length === 1 && (this.owner[name[0]!] === -1 || this.placeSpanAsName(name[0]!, name[name.length - 1]! + 1))) {
        this.identFor(ents[0]!).mentions.push(this.mention(name[0]!, name[name.length - 1]! + 1, 0, "name", "kb_cue_quoted"));
        this.markUsed(i, after);
        return after;
      }
      // a quoted KB name is the KB entity — unless a medium is named after a place («صحيفة "الشرق الأوسط"»)
      if (this.owner[name[0]!] !== -1 && !(medium && this.placeSpanAsName(name[0]!, name[name.length - 1]! + 1))) return i;
    } else if (medium && cue.nameArticle && this.spanAt(j)?.ident?.type === "place" && (name = this.placeSpanAsName(j, -1))) {
      // «صحيفة الرياض», «صحيفة الشرق الأوسط» is the newspaper, not the place (unquoted: only after the
      // press cues, whose names take the article — «موقع روسيا» is Russia's position, not a website)
      rule = `cue_medium_named_after_place:${cue.type}`;
      after = name[name.length - 1]! + 1;
    } else {
      if (cue.quotedOnly) return i;
      // «مطار رفيق الحريري», «جامعة جورج واشنطن»: a place, facility or organization named after a known person
      const ps = this.spanAt(j);
      const namesake =
        ps?.ident != null &&
        (ps.ident.type === "person" ||
          (cue.namedAfter === true && ps.ident.entry != null && (ps.ident.type === "place" || ps.ident.type === "country")) ||
          this.headNounOverOrg(cue, ps.ident));
      if (ps && namesake && (cue.type === "facility" || cue.type === "organization" || cue.type === "place")) {
        const person = ps.ident!;
        const at = this.toks[ps.from]!.start;
        person.mentions = person.mentions.filter((m) => m.start !== at);
        const rule =
          person.type === "person"
            ? `cue_named_after:${cue.type}`
            : person.type === "organization"
              ? `cue_head_noun:${cue.type}`
              : `cue_named_after_place:${cue.type}`;
        ps.ident = null;
        for (let k = ps.from; k < ps.to; k++) this.owner[k] = -1;
        const to = ps.to;
        // the name includes the cue word («مطار رفيق الحريري»), without a clitic written on it
        // (the country is the namesake's: «مطار رفيق الحريري» is in Lebanon, «مطار جون كينيدي» in the United States)
        // (a namesake organization gives no country: «جامعة الجزيرة» is in Sudan, the broadcaster in Qatar)
        const ident = this.discoveredSpan(cue.type, i, to, skip, person.type === "organization" ? this.nisbaAfter(to) : person.country, cue.sector);
        ident.mentions.push(this.mention(i, to, skip, "name", rule));
        this.markUsed(i, to);
        return to;
      }
      const hn = cue.namedAfter ? this.honorificNameAt(j) : -1;
      if (hn > j) {
        // rule cue_named_after_honorific: «جامعة الملك سعود», «مستشفى الأمير محمد بن عبد العزيز» — the name
        // includes the cue word; the country comes from the context (fallbackCountries)
        const ident = this.discoveredSpan(cue.type, i, hn, skip, null, cue.sector);
        ident.mentions.push(this.mention(i, hn, skip, "name", `cue_named_after_honorific:${cue.type}`));
        this.markUsed(i, hn);
        return hn;
      }
      name = this.cueNameAt(j, cue);
      rule = `cue_name:${cue.type}`;
      if (!name) return i;
      after = name[name.length - 1]! + 1;
    }
    const country = this.nisbaAfter(after);
    const ident = this.discovered(cue.type, name, country, cue.sector, null);
    ident.mentions.push(this.mention(name[0]!, name[name.length - 1]! + 1, 0, "name", rule));
    this.markUsed(i, after);
    return after;
  }

  // ---------- pass 4: repeats and short forms ----------
  matchRepeatsAndShorts(): void {
    const discovered = [...this.idents.values()].filter((x) => !x.entry);
    const dyn = new Map<string, { ident: Ident; kind: "name" | "short"; len: number; words: string[] }[]>();
    const addDyn = (ws: string[], ident: Ident, kind: "name" | "short") => {
      const k = ws[0]!;
      let l = dyn.get(k);
      if (!l) dyn.set(k, (l = []));
      l.push({ ident, kind, len: ws.length, words: ws });
    };
    for (const d of discovered) {
      if (d.words) addDyn(d.words, d, "name");
      for (const s of d.shorts ?? []) if (s.length >= 3 && !this.isNameStop(s)) addDyn([s], d, "short");
    }
    // the written words that have a first word of `dyn` among their stems (kbindex stemsOf: the word, behind one of
    // و ف ب ل ك when longer than 3 letters, behind وب ول فب فل وك when longer than 4): one set look-up per body word
    const dynForms = new Set<string>();
    for (const k of dyn.keys()) {
      dynForms.add(k);
      for (const c of ONE_LETTER_CLITICS) if (k.length + 1 > 3) dynForms.add(c + k);
      for (const c of TWO_LETTER_CLITICS) if (k.length + 2 > 4) dynForms.add(c + k);
    }
    const N = this.n;
    for (let i = 0; i < N; i++) {
      if (!this.free(i)) continue;
      if (!this.can(i, CAN.SHORT) && !dynForms.has(this.norms[i]!)) continue;
      const stems = this.info[i]!.stems;
      const pos = this.toks[i]!.start;
      // discovered full names (with clitics on the first word)
      let best: { to: number; skip: number; ident: Ident; kind: "name" | "short" }[] = [];
      let bestTo = -1;
      for (const [stem, skip] of stems) {
        for (const c of dyn.get(stem) ?? []) {
          let ok = true;
          for (let t = 1; t < c.len; t++) if (this.norms[i + t] !== c.words[t] || !this.free(i + t)) ok = false;
          if (!ok) continue;
          const to = i + c.len;
          if (to > bestTo) {
            best = [];
            bestTo = to;
          }
          if (to === bestTo) best.push({ to, skip, ident: c.ident, kind: c.kind });
        }
      }
      const names = best.filter((b) => b.kind === "name");
      if (names.length) {
        const b = names[0]!;
        b.ident.mentions.push(this.mention(i, b.to, b.skip, "name", "repeat"));
        this.markUsed(i, b.to);
        i = b.to - 1;
        continue;
      }
      // short forms: discovered persons' and KB persons'
      const cands: { ident: Ident | null; entry: KbEntry | null; to: number; skip: number }[] = best.map((b) => ({
        ident: b.ident,
        entry: null,
        to: b.to,
        skip: b.skip,
      }));
      const ks = this.can(i, CAN.SHORT) ? this.ix.short.matchFrom(this.norms, i, this.info[i]!.short, false) : null;
      if (ks && ks.to >= bestTo) {
        if (ks.to > bestTo) cands.length = 0;
        for (const e of ks.hits) cands.push({ ident: this.idents.get(e.id) ?? null, entry: e, to: ks.to, skip: ks.skip });
      }
      if (!cands.length) continue;
      // antecedent: the nearest preceding mention in this or the previous paragraph; failing that, the candidate introduced
      // first in the article (the topical one: after a paragraph about «كيم هونغ كيون», a later «كيم» is again
      // the leader introduced at the top)
      let pick: (typeof cands)[number] | null = null;
      let pickLast = -1;
      let pickFirst = Infinity;
      let pickLocal = false;
      const para = this.paragraphStart(pos);
      for (const c of cands) {
        if (!c.ident) continue;
        let last = -1;
        let first = Infinity;
        for (const m of c.ident.mentions) {
          if (m.start >= pos) continue;
          if (m.start > last) last = m.start;
          if (m.start < first) first = m.start;
        }
        if (last < 0) continue;
        const local = last >= para;
        const better = local ? !pickLocal || last > pickLast : !pickLocal && first < pickFirst;
        if (better) {
          pick = c;
          pickLast = last;
          pickFirst = first;
          pickLocal = local;
        }
      }
      let rule = pickLocal ? "short_antecedent" : "short_topical";
      if (!pick) {
        // no antecedent, but an honorific right before: «الرئيس السيسي», «المشير حفتر» (one KB person only)
        const kbCands = uniq(cands.filter((c) => c.entry).map((c) => c.entry!));
        const c0 = kbCands.length === 1 ? cands.find((x) => x.entry === kbCands[0])! : null;
        if (c0 && this.honorificBefore(i) && this.safeClitic(i) && this.writtenAsShort(i, c0.skip, c0.entry!, c0.to)) {
          const c = c0;
          pick = { ...c, ident: this.identFor(c.entry!) };
          rule = "short_titled";
        }
      }
      if (!pick) {
        // no antecedent: a safe KB short form stands alone
        const safe = this.safeClitic(i)
          ? cands.filter((c) => c.entry && this.ix.safeShort.has(`${c.entry.id}|${[stemOfMatch(this.norms[i]!, c.skip), ...this.norms.slice(i + 1, c.to)].join(" ")}`) && this.writtenAsShort(i, c.skip, c.entry, c.to))
          : [];
        if (safe.length === 1) {
          pick = { ...safe[0]!, ident: this.identFor(safe[0]!.entry!) };
          rule = "short_safe";
        }
      }
      if (!pick || !pick.ident) continue;
      pick.ident.mentions.push(this.mention(i, pick.to, pick.skip, "short", rule));
      this.markUsed(i, pick.to);
      i = pick.to - 1;
    }
  }

  /** the word(s) right before word i form an honorific («الرئيس», «رئيس الوزراء»), possibly with a clitic */
  honorificBefore(i: number): boolean {
    for (let len = 1; len <= 2; len++) {
      if (i - len < 0) return false;
      const ws: string[] = [];
      for (let k = i - len; k < i; k++) {
        const x = this.norms[k];
        if (x == null) return false;
        ws.push(x);
      }
      for (const v of cliticVariants(ws[0]!)) {
        if (!v.articleStripped && this.ix.honorifics.has([v.stem, ...ws.slice(1)].join(" "))) return true;
      }
    }
    return false;
  }

  /** start offset of the local context of position `pos`: its paragraph and the non-empty one before it */
  paragraphStart(pos: number): number {
    const b = this.body;
    let start = b.lastIndexOf("\n", pos - 1) + 1; // current paragraph
    let k = start - 1;
    while (k >= 0 && /\s/u.test(b[k]!)) k--; // blank lines before it
    if (k < 0) return 0;
    start = b.lastIndexOf("\n", k) + 1; // previous non-empty paragraph
    return start;
  }

  /** a word standing for a safe short form must not also read as clitic + function word («بأول» = ب + أول) */
  safeClitic(i: number): boolean {
    return !cliticVariants(this.norms[i]!).some((v) => this.ix.data.stop.has(v.stem) || this.ix.data.generic.has(v.stem));
  }
  /** the body word is written like one of the entry's short forms (only diacritics, an initial hamza-alef and
   * Persian letter shapes may differ): «بأول» is not «باول» */
  writtenAsShort(i: number, skip: number, e: KbEntry, to = i + 1): boolean {
    let text = this.toks[i]!.text.slice(skip);
    for (let k = i + 1; k < to; k++) text += " " + this.toks[k]!.text;
    const body = looseLetters(text);
    return (e.short ?? []).some((s) => looseLetters(s) === body);
  }

  // ---------- pass 5: countries of discovered entities without one ----------
  /**
   * sentence_country: the single country named in the entity's sentence (KB countries and places, and free nisba
   * adjectives — not the nisba of a title, which belongs to that title's person); for a person or organization, only what comes
   * before its first mention (an organization too: «قالت شركة X إن … الصينية» describes what it says);
   * article_country: else the country mentioned most in the article (KB countries and places), when unique, and
   * when the sentence names no country or names it among others.
   */
  fallbackCountries(): void {
    const todo = [...this.idents.values()].filter((x) => !x.entry && !x.country && !x.igo);
    if (!todo.length) return;
    const sentences = this.sentences;
    const hits: { pos: number; country: string }[] = [];
    for (const s of this.spans) {
      const e = s.ident?.entry;
      if (e?.country && (e.type === "country" || e.type === "place")) hits.push({ pos: this.toks[s.from]!.start, country: e.country });
    }
    for (let i = 0; i < this.n; i++) {
      if (!this.free(i) || !this.can(i, CAN.NISBA)) continue;
      const n = this.ix.nisba.matchAt(this.norms, i, false);
      const c = n ? n.hits[0]!.iso3 ?? n.hits[0]!.country : null;
      if (c) hits.push({ pos: this.toks[i]!.start, country: c });
    }
    const counts = new Map<string, number>();
    for (const s of this.spans) {
      const e = s.ident?.entry;
      if (e?.country && (e.type === "country" || e.type === "place")) counts.set(e.country, (counts.get(e.country) ?? 0) + 1);
    }
    const ranked = [...counts].sort((x, y) => y[1] - x[1]);
    const top = ranked.length && (ranked.length === 1 || ranked[0]![1] > ranked[1]![1]) ? ranked[0]![0] : null;
    for (const d of todo) {
      const first = Math.min(...d.mentions.map((m) => m.start));
      const s = sentences.find((x) => x.start <= first && first < x.end);
      // a person takes a country named BEFORE him in the sentence («… الروسي X»), not one describing what he says
      const until = d.type === "person" || d.type === "organization" ? first : s ? s.end : 0;
      const cs = new Set(s ? hits.filter((h) => h.pos >= s.start && h.pos < until).map((h) => h.country) : []);
      if (cs.size === 1) {
        d.country = [...cs][0]!;
        d.countryRule = "sentence_country";
      } else if (top && (cs.size === 0 || cs.has(top))) {
        // none in the sentence, or several of which one is the article's main country
        d.country = top;
        d.countryRule = "article_country";
      }
    }
  }

  /** «الرئيس الروسي بوتين» … «فلاديمير بوتين»: a one-word discovered person whose word is the last word of a
   * longer discovered person's name is the same person (rule merge_surname). */
  mergeSurnames(): void {
    const persons = [...this.idents.values()].filter((x) => !x.entry && x.type === "person" && x.words);
    for (const one of persons.filter((p) => p.words!.length === 1)) {
      const longer = persons.filter((p) => p.words!.length > 1 && p.words![p.words!.length - 1] === one.words![0]);
      if (longer.length !== 1) continue;
      const into = longer[0]!;
      for (const m of one.mentions) into.mentions.push({ ...m, kind: "short", rule: `${m.rule}+merge_surname` });
      into.country = into.country ?? one.country;
      into.sector = into.sector ?? one.sector;
      this.idents.delete(one.id);
    }
  }

  /** «دايلي ميل» … «ديلي ميل»: discovered entities of one type whose names are transliteration variants of each
   * other (same translitKey, weighted distance ≤ 1 per 5 letters) are one entity (rule merge_variant). */
  mergeVariants(): void {
    const ds = [...this.idents.values()].filter((x) => !x.entry && x.words);
    const byKey = new Map<string, Ident>();
    for (const d of ds) {
      const joined = d.words!.join("");
      const key = `${d.type}|${translitKey(joined)}`;
      const into = byKey.get(key);
      if (!into) {
        byKey.set(key, d);
        continue;
      }
      const maxD = Math.max(1, Math.floor(joined.length / 5));
      if (editDistance(into.words!.join(""), joined, maxD) > maxD) continue;
      for (const m of d.mentions) into.mentions.push({ ...m, rule: `${m.rule}+merge_variant` });
      into.country = into.country ?? d.country;
      into.sector = into.sector ?? d.sector;
      into.shorts = [...new Set([...(into.shorts ?? []), ...(d.shorts ?? [])])];
      this.idents.delete(d.id);
    }
  }

  run(includeTitleOnly: boolean, types: readonly EntityType[]): LinkedEntity[] {
    this.matchKb();
    this.matchTitles();
    this.matchCues();
    this.mergeSurnames();
    this.mergeVariants();
    this.matchRepeatsAndShorts();
    this.fallbackCountries();
    const out: LinkedEntity[] = [];
    for (const x of this.idents.values()) {
      if (!x.mentions.length || !types.includes(x.type)) continue;
      if (!includeTitleOnly && !x.mentions.some((m) => m.kind !== "title")) continue;
      const ms = dedupe(x.mentions);
      out.push({
        id: x.id,
        name: { ar: x.nameAr, en: x.nameEn },
        type: x.type,
        country: x.country,
        igo: x.igo,
        known: x.entry != null,
        mentions: ms.map(({ start, end, text, rule }) => ({ start, end, text, rule })),
        sector: x.sector,
        ...(x.countryRule ? { country_rule: x.countryRule } : {}),
      });
    }
    out.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
    return out;
  }
}

/** A transliteration candidate: the words [i, to) against the alias forms of one index (TRANSLIT_KEY: per-word
 * translit keys, TRANSLIT_COLLAPSED: per-word collapsed letters, TRANSLIT_JOINED: the whole alias joined). */
interface TranslitCand {
  to: number;
  forms: TranslitForm[];
  src: number;
}
/** Whether `s` has a character of [\u064B-\u065F\u0670\u0640] (harakat, superscript alef, tatweel). */
function hasMarks(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x64b && c <= 0x65f) || c === 0x670 || c === 0x640) return true;
  }
  return false;
}

/** letters with only diacritics, tatweel, an initial hamza-alef, ى/ی/ک and ة folded */
function looseLetters(s: string): string {
  return stripMarks(s.trim())
    .replace(/^[أإآ]/u, "ا")
    .replace(/[ىی]/gu, "ي")
    .replace(/ک/gu, "ك")
    .replace(/ة/gu, "ه");
}


function stripMarks(s: string): string {
  if (!hasMarks(s)) return s;
  return s.replace(/[\u064B-\u065F\u0670\u0640]/gu, "");
}
/** the ORIGINAL word carries the article (bare alef), possibly behind clitics: «الروسي», «للصحفيين», «بالعاصمة»,
 * «والجيش» — but not «ألكسندر», «إلهام» */
export function hasArticle(original: string): boolean {
  const c0 = original.charCodeAt(0);
  // fast path: the first letter of an article word (or of its clitic) is one of ا و ف ب ك ل
  if (c0 !== 0x627 && c0 !== 0x648 && c0 !== 0x641 && c0 !== 0x628 && c0 !== 0x643 && c0 !== 0x644) return false;
  const x = stripMarks(original);
  return /^([وف]?[بكل]?ال|[وف]?لل)/.test(x) && x.length > 3;
}

/** does the entry have a form, equal to the normalized `key`, written with a final ة? */
function entryHasTaaForm(e: KbEntry, key: string): boolean {
  return entryNames(e).some((f) => f.trim().endsWith("ة") && phraseWords(f).join(" ") === key);
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function dedupe(ms: M[]): M[] {
  const sorted = ms.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  return sorted.filter((m, k) => k === 0 || m.start !== sorted[k - 1]!.start || m.end !== sorted[k - 1]!.end);
}

function stemOfMatch(x: string, skip: number): string {
  return x.slice(skip);
}

/**
 * Link the entities of an article body. Offsets are UTF-16 indices into `body`, end exclusive.
 */
export function linkEntities(body: string, opts: LinkOptions): LinkedEntity[] {
  return new Linker(body, opts).run(opts.includeTitleOnly ?? false, opts.types ?? DEFAULT_TYPES);
}

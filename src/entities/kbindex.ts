/**
 * Per-KB matching structures, built once per `Kb` object and cached (WeakMap): token tries for names/aliases,
 * person short forms, country nisba adjectives and metonyms, title phrases and discovery cues, the
 * transliteration-key index, and office holders by office and country; and the per-word facts the linker looks
 * up for every body word (WordTable), with the transliteration tier's verdicts and edit distance.
 */
import type { Kb, KbEntry, KbRole } from "../kb/index.js";
import { fnv, letterClass, translitKey } from "../text/index.js";
import { loadLinkerData, type CueDef, type LinkerData, type TitleDef } from "./data.js";
import { phraseWords, TokenTrie, type TrieNode, type TrieStart } from "./trie.js";

export interface Holder {
  entry: KbEntry;
  role: KbRole;
}

/** An alias as the transliteration tier sees it. */
export interface TranslitForm {
  entry: KbEntry;
  /** normalized words joined without spaces */
  joined: string;
  /** `joined` with doubled letters collapsed */
  collapsed: string;
  words: number;
  /** a word of the alias is written with the article, or the entry's type is not transliterated: the tier then
   * only accepts a body form equal up to doubled letters («السوفييتي» = «السوفيتي») */
  strict: boolean;
}

/** Per-word transliteration key, cached (words repeat across articles). */
const WORD_KEYS = new Map<string, string>();
export function wordKey(w: string): string {
  let k = WORD_KEYS.get(w);
  if (k === undefined) {
    k = translitKey(w);
    if (WORD_KEYS.size > 200_000) WORD_KEYS.clear();
    WORD_KEYS.set(w, k);
  }
  return k;
}

/** Bits of `WordInfo.mask`: which matcher can start at the word (through any clitic segmentation for the
 * first three, the bare word for the others). */
export const CAN = {
  FULL: 1,
  TITLE: 2,
  CUE: 4,
  SHORT: 8,
  TRANSLIT: 16,
  NISBA: 32,
  METONYM: 64,
  MODIFIER: 128,
  IGO_ADJ: 256,
  /** a `full` reading of the word is a whole KB name by itself */
  FULL_HIT: 512,
} as const;

/** What the linker needs to know about one normalized word, computed once per distinct word and KB index. */
export interface WordInfo {
  mask: number;
  /** the word cannot be (part of) a discovered name: stop/generic/title/nisba word (also behind و ف), a particle
   * with a pronoun («أنهما»), an imperfect verb with a plural ending («سيبحثان») */
  blocks: boolean;
  /** the word and its forms without a conjunction/preposition prefix, with the prefix length */
  stems: [string, number][];
  /** wordKey(word) and collapseWord(word): the word's keys in the transliteration tries after a first word */
  translitKey: string;
  collapsed: string;
  /** the word is letters only (/^\p{L}+$/u): a possible person name word */
  letters: boolean;
  /** /^\p{L}{2,}$/u: letters only, at least two (code points) */
  letters2: boolean;
  /** the word is letters and digits, not starting with a digit: a possible word of a cue's name */
  alnumName: boolean;
  /** where the transliteration tier starts for each stem that can start it (null when none can, see CAN.TRANSLIT) */
  translit: TranslitStart[] | null;
  /** the word's readings that start a KB name, a title, a cue, a person's short form (null when none does: the
   * CAN bit is then clear) — see TokenTrie.startsOf / matchFrom */
  full: TrieStart<KbEntry>[] | null;
  titles: TrieStart<TitleDef>[] | null;
  cues: TrieStart<CueDef>[] | null;
  short: TrieStart<KbEntry>[] | null;
  /** signature (see wordBit) of the words that can follow this one inside a KB name: the second words of the names
   * its `full` readings start */
  fullNext: number;
}

/** The transliteration tier's entry points for one stem of a word (found once per word, reused per occurrence). */
export interface TranslitStart {
  stem: string;
  /** prefix length of the stem in the word */
  skip: number;
  /** the per-word translit-key trie node of the stem, the collapsed-letters trie node, the joined-alias forms */
  keyNode: TrieNode<TranslitForm> | undefined;
  collapsedNode: TrieNode<TranslitForm> | undefined;
  joined: TranslitForm[] | undefined;
  /** the verdicts of the one-word candidates (the stem alone against keyNode.hits, collapsedNode.hits, joined),
   * by index and letter flags: see verdictIndex */
  verdicts: TranslitVerdict[];
}

/** The outcome of verifying a transliteration candidate: the single entity it matches (null: none or several) and
 * the rule (kb_collapsed | kb_translit). */
export interface TranslitVerdict {
  pick: KbEntry | null;
  rule: string;
}

export interface KbIndex {
  kb: Kb;
  data: LinkerData;
  /** name.ar + aliases of every entry */
  full: TokenTrie<KbEntry>;
  /** persons' `short` forms (need an antecedent unless safe) */
  short: TokenTrie<KbEntry>;
  /** "<entry id>|<normalized short>" of short forms that may stand alone (see `isSafeShort`) */
  safeShort: Set<string>;
  /** country nisba adjectives (with and without the article) → the country entry */
  nisba: TokenTrie<KbEntry>;
  /** country metonyms («الكرملين», «البيت الأبيض») → the country entry */
  metonym: TokenTrie<KbEntry>;
  titles: TokenTrie<TitleDef>;
  modifiers: TokenTrie<string>;
  /** IGO adjectives → IGO code */
  igoAdj: TokenTrie<string>;
  /** honorific phrases, normalized words joined by a space («الرئيس», «رئيس الوزراء») */
  honorifics: Set<string>;
  cues: TokenTrie<CueDef>;
  /** per-word transliteration keys of the aliases the fuzzy tier may take (non-strict) → candidates */
  translitWords: TokenTrie<TranslitForm>;
  /** per-word collapsed letters (doubles written once) of strict aliases → candidates (equality tier only) */
  collapsedWords: TokenTrie<TranslitForm>;
  /** translitKey of a whole alias (words joined) → candidates, for a body word that joins the parts («بيونغيانغ») */
  translitJoined: Map<string, TranslitForm[]>;
  /** normalized full forms whose written last letter is ه (not ة): a body word ending in ة does not match them */
  hehFinal: Map<string, Set<KbEntry>>;
  /** "<office>|<country or igo>" → holders */
  holders: Map<string, Holder[]>;
  /** country entries by ISO alpha-3 */
  countries: Map<string, KbEntry>;
  /** single words that can never be part of a discovered name: title and cue heads, nisba words */
  nameStops: Set<string>;
  /** per-word cache (see wordInfo) */
  words: WordTable;
  /** the linker's cache of office holders by title and scope (see link.ts holderLists): bounded by the titles and
   * the KB's countries and IGOs */
  holderLists: Map<TitleDef, Map<string, unknown>>;
}

/** Below these lengths a transliteration key is too short to be trusted. */
export const TRANSLIT_MIN_KEY = 4;
export const TRANSLIT_MIN_SINGLE_TOKEN = 5;
/** Entity types whose names are transliterated foreign names often enough to try the fuzzy key. */
export const TRANSLIT_TYPES = new Set(["person", "place", "facility", "organization", "weapon"]);

/** a word of the written phrase starts with the article ال (bare alef; «ألكسندر» does not) */
export function hasArticleWord(phrase: string): boolean {
  return phrase
    .replace(/[\u064B-\u065F\u0670\u0640]/gu, "")
    .split(/[\s\-]+/u)
    .some((w) => /^ال/.test(w) && w.length > 3);
}

/** A phrase's words joined, doubled letters collapsed. */
export function collapseKey(words: string[]): string {
  return collapseWord(words.length === 1 ? words[0]! : words.join(""));
}
/** One string with doubled letters collapsed: «فيلليب» → «فيليب» (collapseKey of one word, without an array). */
export function collapseWord(s: string): string {
  // fast path over UTF-16 units (equal to the code-point loop below when there is no surrogate): a string without
  // a doubled letter is its own key; otherwise copy the part before the first double and skip repeats after it
  let first = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return collapseKeySlow(s);
    if (first < 0 && i > 0 && c === s.charCodeAt(i - 1)) first = i;
  }
  if (first < 0) return s;
  let out = s.slice(0, first);
  for (let i = first + 1; i < s.length; i++) if (s.charCodeAt(i) !== s.charCodeAt(i - 1)) out += s[i];
  return out;
}
/** collapseKey by code points (the reference; strings with surrogates). */
function collapseKeySlow(s: string): string {
  let out = "";
  for (const ch of s) if (out[out.length - 1] !== ch) out += ch;
  return out;
}

const cache = new WeakMap<Kb, KbIndex>();

/** The Arabic surface forms of an entry that the matcher indexes as full names. */
export function entryNames(e: KbEntry): string[] {
  return [e.name.ar, ...(e.aliases ?? [])].filter((s) => s && s.trim());
}

/** Add the article to every word of a nisba phrase that lacks it («كوري شمالي» → «الكوري الشمالي»). */
function withArticle(words: string[]): string[] {
  return words.map((w) => (w.startsWith("ال") ? w : "ال" + w));
}
function withoutArticle(words: string[]): string[] {
  return words.map((w) => (w.startsWith("ال") && w.length > 3 ? w.slice(2) : w));
}

/**
 * Safe short form rule: a person's short form may link WITHOUT an antecedent in the article when
 * (1) it is one word of ≥ 4 letters written without the article (an article word — «المهندس», «الضيف», «البرهان» —
 * is too often an ordinary noun), (2) it is the last word of the person's Arabic name or of an alias (a surname),
 * (3) no other KB entry uses that word in its name, aliases or short forms, (4) it is not a stop/generic word,
 * and (5) the person holds or held an office in the KB (a public figure news refer to by surname: «بوتين»).
 */
const SHORT_CONNECTORS = new Set(["بن", "ابن", "ابو", "ال"]);

function isSafeShort(e: KbEntry, short: string, wordOwners: Map<string, Set<string>>, data: LinkerData): boolean {
  let w = phraseWords(short);
  // «بن غفير», «أبو مازن»: a connector + one distinctive word is judged on that word
  if (w.length === 2 && SHORT_CONNECTORS.has(w[0]!)) w = [w[1]!];
  if (w.length !== 1) return false;
  const s = w[0]!;
  if (s.length < 4 || hasArticleWord(short)) return false;
  // the last word of the name or of an alias («بوتن» for «فلاديمير بوتن»)
  const lastWords = entryNames(e).map((f) => phraseWords(f).at(-1));
  if (!lastWords.includes(s)) return false;
  const owners = wordOwners.get(s);
  if (!owners || owners.size !== 1) return false;
  if (data.stop.has(s) || data.generic.has(s)) return false;
  return (e.roles?.length ?? 0) > 0;
}

export function roleKey(office: string, scope: string | null): string {
  return `${office}|${scope ?? ""}`;
}

export function buildKbIndex(kb: Kb): KbIndex {
  const hit = cache.get(kb);
  if (hit) return hit;
  const data = loadLinkerData();
  const full = new TokenTrie<KbEntry>();
  const short = new TokenTrie<KbEntry>();
  const nisba = new TokenTrie<KbEntry>();
  const metonym = new TokenTrie<KbEntry>();
  const titles = new TokenTrie<TitleDef>();
  const cues = new TokenTrie<CueDef>();
  const modifiers = new TokenTrie<string>();
  for (const m of data.modifiers) modifiers.add(m, phraseWords(m).join(" "));
  const igoAdj = new TokenTrie<string>();
  for (const g of data.igoDesignators) for (const f of g.forms) igoAdj.add(f, g.igo);
  const holders = new Map<string, Holder[]>();
  const countries = new Map<string, KbEntry>();
  const nameStops = new Set<string>();
  const translitWords = new TokenTrie<TranslitForm>();
  const collapsedWords = new TokenTrie<TranslitForm>();
  const translitJoined = new Map<string, TranslitForm[]>();
  const hehFinal = new Map<string, Set<KbEntry>>();
  const wordOwners = new Map<string, Set<string>>();

  const own = (w: string, id: string) => {
    let s = wordOwners.get(w);
    if (!s) wordOwners.set(w, (s = new Set()));
    s.add(id);
  };

  for (const e of kb.entries) {
    for (const form of entryNames(e)) {
      const words = phraseWords(form);
      full.addWords(words, e);
      for (const w of words) own(w, e.id);
      if (!words.length) continue;
      const lastLetter = form.replace(/[\u064B-\u065F\u0670\u0640\s]+$/u, "").slice(-1);
      if (lastLetter === "ه") {
        const k = words.join(" ");
        let hs = hehFinal.get(k);
        if (!hs) hehFinal.set(k, (hs = new Set()));
        hs.add(e);
      }
      const tf: TranslitForm = {
        entry: e,
        joined: words.join(""),
        collapsed: collapseKey(words),
        words: words.length,
        strict: !TRANSLIT_TYPES.has(e.type) || hasArticleWord(form),
      };
      if (tf.strict) collapsedWords.addWords(words.map(collapseWord), tf);
      else translitWords.addWords(words.map(wordKey), tf);
      if (words.length > 1 && !tf.strict) {
        const jk = translitKey(tf.joined);
        if (jk.length >= TRANSLIT_MIN_KEY) translitJoined.set(jk, [...(translitJoined.get(jk) ?? []), tf]);
      }
    }
    for (const s of e.short ?? []) {
      short.add(s, e);
      for (const w of phraseWords(s)) own(w, e.id);
    }
    if (e.type === "country") {
      if (e.iso3) countries.set(e.iso3, e);
      else if (e.country) countries.set(e.country, e);
      for (const n of e.nisba ?? []) {
        const words = phraseWords(n);
        if (!words.length) continue;
        nisba.addWords(words, e);
        nisba.addWords(withArticle(words), e);
        nisba.addWords(withoutArticle(words), e);
        for (const w of [...words, ...withArticle(words), ...withoutArticle(words)]) nameStops.add(w);
      }
      for (const m of e.metonyms ?? []) metonym.add(m, e);
    }
    for (const r of e.roles ?? []) {
      const k = roleKey(r.office, r.country ?? r.igo);
      let l = holders.get(k);
      if (!l) holders.set(k, (l = []));
      l.push({ entry: e, role: r });
    }
  }
  const safeShort = new Set<string>();
  for (const e of kb.entries) {
    for (const s of e.short ?? []) {
      if (isSafeShort(e, s, wordOwners, data)) safeShort.add(`${e.id}|${phraseWords(s).join(" ")}`);
    }
  }
  for (const t of data.titles) {
    for (const f of t.forms) {
      titles.add(f, t);
      nameStops.add(phraseWords(f)[0]!);
    }
  }
  for (const c of data.cues) {
    for (const f of c.forms) {
      cues.add(f, c);
      nameStops.add(phraseWords(f)[0]!);
    }
  }
  const idx: KbIndex = {
    kb,
    data,
    full,
    short,
    safeShort,
    nisba,
    metonym,
    titles,
    modifiers,
    igoAdj,
    honorifics: new Set(data.honorifics.map((h) => phraseWords(h).join(" "))),
    cues,
    translitWords,
    collapsedWords,
    translitJoined,
    hehFinal,
    holders,
    countries,
    nameStops,
    words: new WordTable(),
    holderLists: new Map(),
  };
  cache.set(kb, idx);
  return idx;
}

/**
 * Measurement: how many transliteration keys are shared by different entities, over the forms the fuzzy tier
 * accepts (TRANSLIT_TYPES, no article words): `collidingKeys` for the per-word key sequence the matcher uses,
 * `collidingJoinedKeys` for translitKey of the joined alias. A shared key is not a false match by itself (the
 * linker verifies each candidate by edit distance and drops ties), but it measures how much the key merges.
 * `exactCollidingForms`: normalized forms shared by entities (ambiguous aliases, resolved by context).
 */
export function measureKeyCollisions(kb: Kb): {
  forms: number;
  keys: number;
  collidingKeys: number;
  collidingJoinedKeys: number;
  exactCollidingForms: number;
  examples: string[];
} {
  const seqOwners = new Map<string, Map<string, string>>();
  const joinedOwners = new Map<string, Set<string>>();
  const formOwners = new Map<string, Set<string>>();
  let forms = 0;
  const add = <T>(m: Map<string, T>, k: string, make: () => T): T => {
    let v = m.get(k);
    if (v === undefined) m.set(k, (v = make()));
    return v;
  };
  for (const e of kb.entries) {
    for (const f of entryNames(e)) {
      const words = phraseWords(f);
      if (!words.length) continue;
      add(formOwners, words.join(" "), () => new Set<string>()).add(e.id);
      if (!TRANSLIT_TYPES.has(e.type) || hasArticleWord(f)) continue;
      forms++;
      add(seqOwners, words.map(wordKey).join(" "), () => new Map<string, string>()).set(e.id, f);
      const jk = translitKey(words.join(""));
      if (jk.length >= TRANSLIT_MIN_KEY) add(joinedOwners, jk, () => new Set<string>()).add(e.id);
    }
  }
  const examples: string[] = [];
  let colliding = 0;
  for (const [k, m] of seqOwners) {
    if (m.size > 1) {
      colliding++;
      if (examples.length < 30) examples.push(`${k}: ${[...m.values()].join(" / ")}`);
    }
  }
  let joined = 0;
  for (const s of joinedOwners.values()) if (s.size > 1) joined++;
  let exact = 0;
  for (const s of formOwners.values()) if (s.size > 1) exact++;
  return { forms, keys: seqOwners.size, collidingKeys: colliding, collidingJoinedKeys: joined, exactCollidingForms: exact, examples };
}

/** The candidate lists of the transliteration tier: per-word translit keys, per-word collapsed letters, the whole
 * alias joined. */
export const TRANSLIT_KEY = 0, TRANSLIT_COLLAPSED = 1, TRANSLIT_JOINED = 2;
/** Index into TranslitStart.verdicts: the candidate list and the body word's letter flags (article; hamza seat or
 * final ة). */
export function verdictIndex(src: number, art: boolean, hamza: boolean): number {
  return src * 4 + (art ? 2 : 0) + (hamza ? 1 : 0);
}
export const NO_VERDICT: TranslitVerdict = { pick: null, rule: "" };

/**
 * The verification of a transliteration candidate: `joined` (the body words' normalized letters, joined; `words`
 * body words) against the forms of one candidate list, `art` / `hamza` = a body word has the article / Arabic
 * morphology (hamza seat or final ة):
 * - kb_collapsed: equal once doubled letters are collapsed — the only test for aliases with the article or of
 *   types that are not transliterated («الاتحاد السوفييتي» = «السوفيتي»);
 * - kb_translit: weighted edit distance (see editDistance) ≤ max(1, ⌊len/5⌋), same number of words, no body
 *   word with the article — so «جنودا» is not «كندا» and «إجراء» is not «أكرا».
 * The single entity passing, or NO_VERDICT (none, several, or fewer than TRANSLIT_MIN_SINGLE_TOKEN letters).
 */
export function translitVerdict(joined: string, words: number, forms: TranslitForm[], art: boolean, hamza: boolean): TranslitVerdict {
  if (joined.length < TRANSLIT_MIN_SINGLE_TOKEN) return NO_VERDICT;
  const collapsed = collapseWord(joined);
  let pick: KbEntry | null = null;
  let several = false;
  let rule = "kb_collapsed";
  for (const f of forms) {
    if (f.collapsed !== collapsed) continue;
    if (pick && pick !== f.entry) several = true;
    pick = f.entry;
  }
  if (!pick && !art && !hamza) {
    rule = "kb_translit";
    const maxD = Math.max(1, Math.floor(joined.length / 5));
    for (const f of forms) {
      if (f.strict) continue;
      // a one-word alias shorter than 5 letters is too easy to meet by chance («إرنا» ~ «أرينا» arena)
      if (f.joined.length < TRANSLIT_MIN_SINGLE_TOKEN) continue;
      const d = editDistance(f.joined, joined, maxD);
      if (f.words === words ? d <= maxD : d <= 1) {
        if (pick && pick !== f.entry) several = true;
        pick = f.entry;
      }
    }
  }
  return pick && !several ? { pick, rule } : NO_VERDICT;
}

/** A particle carrying a pronoun («أنهما», «لأنه», «إنها»): never part of a name. */
const PARTICLE_PRONOUN = /^(ان|لان|كان|بان|لكن|وان|فان)(ه|ها|هم|هما|هن|ني|نا)$/;
/** An imperfect verb with a plural/dual ending («سيبحثان», «يتحدثون»): never part of a name. */
const VERB_SHAPE = /^(س?[يتن])[^اوي].{2,}(ون|ان|ين|وا)$/;

/** the word and its forms without a conjunction/preposition prefix (و ف ب ل ك, وب ول فب فل وك), prefix length */
function stemsOf(x: string): [string, number][] {
  const out: [string, number][] = [[x, 0]];
  if (/^[وفبلك]/.test(x) && x.length > 3) out.push([x.slice(1), 1]);
  if (/^(وب|ول|فب|فل|وك)/.test(x) && x.length > 4) out.push([x.slice(2), 2]);
  return out;
}

/**
 * The per-word cache of a KB index: an open-addressing table keyed by a hash of the word's characters, whose slots
 * keep the word, its CAN mask, its WordInfo and its `fullNext` signature side by side in one array. The linker looks
 * up every word of every article but most words only need their mask: a slot is one cache line, where a Map look-up
 * touches a bucket, an entry and then the WordInfo object — lines that the other stages evict between articles.
 * Bounded: past MAX_WORDS the table starts over (the words of the texts that follow fill it again).
 */
export class WordTable {
  /** SLOT values per slot: [word, mask, info, fullNext]; word undefined = empty slot */
  slots: (string | number | WordInfo | undefined)[];
  private bits: number;
  size = 0;
  static readonly MAX_WORDS = 200_000;
  constructor(bits = 12) {
    this.bits = bits;
    this.slots = emptySlots(bits);
  }
  /** the index in `slots` of the slot of `w` (hash `h` = wordHash(w)), -1 when absent */
  find(w: string, h: number): number {
    const mask = (1 << this.bits) - 1;
    let s = h & mask;
    const slots = this.slots;
    for (;;) {
      const k = slots[SLOT * s];
      if (k === undefined) return -1;
      if (k === w) return SLOT * s;
      s = (s + 1) & mask;
    }
  }
  /** store a word known to be absent; returns the index of its slot */
  insert(w: string, h: number, info: WordInfo): number {
    if (this.size >= WordTable.MAX_WORDS) this.reset(this.bits);
    else if (2 * (this.size + 1) > 1 << this.bits) this.grow();
    const mask = (1 << this.bits) - 1;
    let s = h & mask;
    while (this.slots[SLOT * s] !== undefined) s = (s + 1) & mask;
    const k = SLOT * s;
    this.slots[k] = w;
    this.slots[k + 1] = info.mask;
    this.slots[k + 2] = info;
    this.slots[k + 3] = info.fullNext;
    this.size++;
    return k;
  }
  private reset(bits: number): void {
    this.bits = bits;
    this.slots = emptySlots(bits);
    this.size = 0;
  }
  private grow(): void {
    const old = this.slots;
    this.reset(this.bits + 1);
    for (let k = 0; k < old.length; k += SLOT) {
      const w = old[k];
      if (w !== undefined) this.insert(w as string, wordHash(w as string), old[k + 2] as WordInfo);
    }
  }
}
/** values per WordTable slot */
const SLOT = 4;

/** 2^bits empty slots, as a packed array (no holes: element reads need no prototype check). */
function emptySlots(bits: number): (string | number | WordInfo | undefined)[] {
  const a: (string | number | WordInfo | undefined)[] = [];
  for (let k = 0; k < SLOT << bits; k++) a.push(undefined);
  return a;
}

/** FNV-1a over the UTF-16 units, folded: the slot of a word in a WordTable, and its `wordBit`. */
export function wordHash(w: string): number {
  return foldHash(fnv(w, 0, w.length));
}
/** `wordHash` of a token's word from the FNV-1a the tokenizer already computed (`Token.hash`). */
export function foldHash(h: number): number {
  return (h ^ (h >>> 15)) >>> 0;
}
/** One of 32 bits chosen by a word's hash: signatures of word sets (WordInfo.fullNext) are ORs of these bits, so a
 * word whose bit is not in a signature is not in the set. */
export function wordBit(h: number): number {
  return 1 << (h >>> 27);
}

/** The index of the slot of `w` (hash `h`) in `ix.words.slots`, computing its facts on first sight: the mask is at
 * +1, the WordInfo at +2, fullNext at +3. Valid until the next look-up of another word. */
export function wordSlot(ix: KbIndex, w: string, h: number = wordHash(w)): number {
  const s = ix.words.find(w, h);
  return s >= 0 ? s : ix.words.insert(w, h, computeWordInfo(ix, w));
}

/** Word facts for the linker, cached per KB index (bounded). */
export function wordInfo(ix: KbIndex, w: string): WordInfo {
  const s = wordSlot(ix, w); // (before reading `slots`: an insertion may grow the table)
  return ix.words.slots[s + 2] as WordInfo;
}

function computeWordInfo(ix: KbIndex, w: string): WordInfo {
  const d = ix.data;
  const stop = (x: string) => d.stop.has(x) || d.generic.has(x) || ix.nameStops.has(x);
  let mask = 0;
  const full = ix.full.startsOf(w);
  const titles = ix.titles.startsOf(w);
  const cues = ix.cues.startsOf(w);
  const short = ix.short.startsOf(w);
  let fullNext = 0;
  if (full) {
    mask |= CAN.FULL;
    for (const st of full) {
      if (st.node.hits) mask |= CAN.FULL_HIT;
      for (const k of st.node.next.keys()) fullNext |= wordBit(wordHash(k));
    }
  }
  if (titles) mask |= CAN.TITLE;
  if (cues) mask |= CAN.CUE;
  if (short) mask |= CAN.SHORT;
  const stems = stemsOf(w);
  const blocks =
    stop(w) ||
    (/^[وف]/.test(w) && w.length > 2 && stop(w.slice(1))) ||
    PARTICLE_PRONOUN.test(w) ||
    (w.length >= 6 && VERB_SHAPE.test(w));
  let translit: TranslitStart[] | null = null;
  // (a word not starting with a letter — a number — is never a transliterated name)
  if (!blocks && w.length >= 2 && /^\p{L}/u.test(w)) {
    for (const [stem, skip] of stems) {
      const keyNode = ix.translitWords.root.next.get(wordKey(stem));
      const collapsedNode = ix.collapsedWords.root.next.get(collapseWord(stem));
      const joined = stem.length >= 6 ? ix.translitJoined.get(wordKey(stem)) : undefined;
      if (keyNode || collapsedNode || joined) {
        // the stem alone against each candidate list, for each combination of letter flags
        const verdicts: TranslitVerdict[] = [];
        let any = false;
        for (const [src, forms] of [[TRANSLIT_KEY, keyNode?.hits], [TRANSLIT_COLLAPSED, collapsedNode?.hits], [TRANSLIT_JOINED, joined]] as const) {
          for (const art of [false, true]) {
            for (const hamza of [false, true]) {
              const v = forms ? translitVerdict(stem, 1, forms, art, hamza) : NO_VERDICT;
              verdicts[verdictIndex(src, art, hamza)] = v;
              if (v.pick) any = true;
            }
          }
        }
        // a stem whose one-word candidates never pass and whose key/letters start no longer alias can never give a
        // match, wherever it occurs: no start (most such words are common words that happen to share a key)
        const longer = (keyNode !== undefined && keyNode.next.size > 0) || (collapsedNode !== undefined && collapsedNode.next.size > 0);
        if (!any && !longer) continue;
        mask |= CAN.TRANSLIT;
        (translit ??= []).push({ stem, skip, keyNode, collapsedNode, joined, verdicts });
      }
    }
  }
  if (ix.nisba.root.next.has(w)) mask |= CAN.NISBA;
  if (ix.metonym.root.next.has(w)) mask |= CAN.METONYM;
  if (ix.modifiers.root.next.has(w)) mask |= CAN.MODIFIER;
  if (ix.igoAdj.root.next.has(w)) mask |= CAN.IGO_ADJ;
  const letters = /^\p{L}+$/u.test(w);
  const letters2 = /^\p{L}{2,}$/u.test(w);
  const alnumName = /^[\p{L}\p{N}]+$/u.test(w) && !/^\p{N}/u.test(w);
  return { mask, blocks, translitKey: translitKey(w), collapsed: collapseWord(w), letters, letters2, alnumName, stems, translit, full, titles, cues, short, fullNext };
}

/** Indel cost per UTF-16 code unit: a long vowel ا و ي costs 1, anything else 2. */
function indelCost(c: number): number {
  return c === 0x627 || c === 0x648 || c === 0x64a ? 1 : 2;
}
/** letterClass as an integer per UTF-16 code unit (equal ids = equal classes), filled on first use. */
const CLASS_ID = new Int32Array(0x10000).fill(-1);
const CLASS_IDS = new Map<string, number>();
function classId(c: number): number {
  let id = CLASS_ID[c]!;
  if (id < 0) {
    const k = letterClass(String.fromCharCode(c));
    id = CLASS_IDS.get(k) ?? CLASS_IDS.size;
    CLASS_IDS.set(k, id);
    CLASS_ID[c] = id;
  }
  return id;
}
/** the two rows of editDistance, reused (grown on demand) */
let edPrev = new Int32Array(64);
let edCur = new Int32Array(64);
/**
 * Weighted edit distance for transliteration variants, abandoning early above `max` (returns max + 1):
 * letters of one transliteration class are equal (ج/غ, ت/ط …), inserting or dropping a long vowel ا و ي costs 1,
 * any other insertion, deletion or substitution costs 2; the digraphs تش/دج are folded first.
 * So «بوتين»~«بوتن» = 1, «بيونج يانج»~«بيونغ يانغ» = 0, but «إجراء»~«أكرا» = 2 (the hamza is a consonant).
 * (Two reused integer rows over char codes: this runs for every transliteration candidate.)
 */
export function editDistance(a0: string, b0: string, max: number): number {
  const fold = (x: string) => (x.includes("تش") || x.includes("دج") ? x.replace(/تش/g, "ش").replace(/دج/g, "ج") : x);
  const a = fold(a0);
  const b = fold(b0);
  const n = b.length;
  if (edPrev.length < n + 1) {
    edPrev = new Int32Array(2 * n + 2);
    edCur = new Int32Array(2 * n + 2);
  }
  let prev = edPrev;
  let cur = edCur;
  prev[0] = 0;
  for (let j = 1; j <= n; j++) prev[j] = prev[j - 1]! + indelCost(b.charCodeAt(j - 1));
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    const da = indelCost(ca);
    const ka = classId(ca);
    cur[0] = prev[0]! + da;
    let rowMin = cur[0]!;
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      const sub = ca === cb || ka === classId(cb) ? 0 : 2;
      const v = Math.min(prev[j]! + da, cur[j - 1]! + indelCost(cb), prev[j - 1]! + sub);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[n]!;
}

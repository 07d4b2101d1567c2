/**
 * Actor units of an article: spans of tokens that name a codable actor (country + sector, or an IGO), built from
 * the linker's entity mentions and from nominal phrases the KB makes codable (sector noun + nisba adjective:
 * «مسؤولون كوريون جنوبيون» → KOR GOV, «القوات الروسية» → RUS MIL; government metonyms «الكرملين»; capitals used for
 * their government «موسكو» → RUS GOV). Adjacent spans of the same actor merge («الزعيم الكوري الشمالي كيم جونغ أون»),
 * and a sector noun right before an entity gives it its sector («وزير خارجية كوريا الشمالية» → PRK GOV).
 */
import type { Actor, Entity } from "../record.js";
import type { Token } from "../text/index.js";
import { normalizeForMatch } from "../text/index.js";
import type { Lexicon, Phrase } from "./lexicon.js";
import { phrase } from "./lexicon.js";
import { procliticSplits } from "./morph.js";
import { W_SECTOR, W_WORD, type TokenFacts } from "./facts.js";

/** The part of the KB the coder reads (a `Kb` from src/kb fits). */
export interface EventKbEntry {
  id: string;
  type: string;
  country: string | null;
  igo?: string | null;
  sector?: string | null;
  nisba?: string[];
  metonyms?: string[];
  capital?: string | null;
  historical?: boolean;
}
export interface EventKb {
  entries: readonly EventKbEntry[];
}

export interface Unit {
  /** first and last token index (inclusive) */
  t0: number;
  t1: number;
  actor: Actor;
  /** an entity that is a place (not a government metonym): only a location, or the target of a visit */
  place: boolean;
  /** entity id for location / reported_by */
  entityId: string | null;
  entityType: string | null;
  /** a bare nisba adjective («الروسي»): an actor only right after a trigger noun («الهجوم الروسي») */
  adjOnly: boolean;
  /** the preposition that introduces it (normalized: «الي», «مع», «ل», «ب», …) or null */
  prep: string | null;
  /** the first token carries a coordinating و/ف */
  conj: boolean;
  /** token of the preposition heading the noun phrase that ends with this actor (head-prep rule) */
  head?: number;
  rule: string;
}

export interface PhraseEntry {
  toks: Phrase;
  country: string;
  kind: "nisba" | "metonym";
}

export interface KbIndex {
  /** first token → phrases (longest first) */
  phrases: Map<string, PhraseEntry[]>;
  /** KB id of a capital (or metonym entry) → country it stands for */
  govPlaces: Map<string, string>;
  /** normalized metonym names → country */
  metonymNames: Map<string, string>;
  /** token → candidate phrases (memo) */
  memo: Map<string, PhraseEntry[]>;
}

const kbCache = new WeakMap<object, KbIndex>();

export function indexKb(kb: EventKb | null): KbIndex {
  const key = kb ?? EMPTY;
  const hit = kbCache.get(key);
  if (hit) return hit;
  const phrases = new Map<string, PhraseEntry[]>();
  const govPlaces = new Map<string, string>();
  const metonymNames = new Map<string, string>();
  const ambiguous = new Set<string>();
  const seen = new Map<string, string>();
  const add = (s: string, country: string, kind: PhraseEntry["kind"]) => {
    const toks = phrase(s);
    if (!toks.length) return;
    const k = toks.join(" ");
    const prev = seen.get(k);
    if (prev && prev !== country) ambiguous.add(k);
    seen.set(k, country);
    const list = phrases.get(toks[0]!) ?? [];
    if (!list.some((p) => p.toks.join(" ") === k && p.country === country)) list.push({ toks, country, kind });
    phrases.set(toks[0]!, list);
  };
  for (const e of kb?.entries ?? []) {
    // states that no longer exist (SUN) share capitals and nisba with their successors: the current state wins
    if (e.type !== "country" || !e.country) continue;
    for (const nb of e.nisba ?? []) {
      add(nb, e.country, "nisba");
      // Rule: the indefinite accusative of a masculine nisba («صحفيا فرنسيا») is the same actor
      if (!nb.startsWith("ال") && /ي$/.test(nb)) add(nb + "ا", e.country, "nisba");
    }
    if (e.historical) continue;
    for (const m of e.metonyms ?? []) {
      add(m, e.country, "metonym");
      metonymNames.set(normalizeForMatch(m), e.country);
    }
    if (e.capital) govPlaces.set(e.capital, e.country);
  }
  // Rule: a phrase that names two countries («الكوري» alone) codes neither; longer phrases still decide.
  for (const [first, list] of phrases) {
    const kept = list.filter((p) => !ambiguous.has(p.toks.join(" ")));
    kept.sort((a, b) => b.toks.length - a.toks.length);
    if (kept.length) phrases.set(first, kept);
    else phrases.delete(first);
  }
  const out = { phrases, govPlaces, metonymNames, memo: new Map<string, PhraseEntry[]>() };
  kbCache.set(key, out);
  return out;
}
const EMPTY = {};

const DEFAULT_SECTOR: Record<string, string | null> = { country: "GOV", person: null, organization: null };

/** Rule: how an entity acts. null when it cannot be coded (no country and no IGO, or not an actor type). */
export function entityActor(e: Entity, kbi: KbIndex): { actor: Actor; place: boolean } | null {
  const igo = e.igo ?? null;
  const country = igo ? null : e.country ?? null;
  if (!igo && !country) return null;
  const sector = e.sector ?? (igo ? "IGO" : DEFAULT_SECTOR[e.type] ?? null);
  if (e.type === "person" || e.type === "organization" || e.type === "country") {
    return { actor: { entity: e.id, country, igo, sector }, place: false };
  }
  if (e.type === "place" || e.type === "facility") {
    // capitals and metonyms act for their government («موسكو», «البيت الأبيض»)
    const gov = kbi.govPlaces.get(e.id) ?? metonymOf(e, kbi);
    if (gov) return { actor: { entity: e.id, country: gov, igo: null, sector: "GOV" }, place: false };
    return { actor: { entity: e.id, country, igo, sector: null }, place: true };
  }
  return null;
}

/**
 * One article as unit building reads it: its tokens with their facts (facts.ts), its body and its entities, whose
 * actors (entityActor) are computed once per article, when a sentence first needs them.
 */
export class ArticleActors {
  private readonly coded: (ReturnType<typeof entityActor> | undefined)[];
  constructor(
    readonly kbi: KbIndex,
    readonly tokens: Token[],
    readonly body: string,
    readonly entities: Entity[],
    /** the article's sentence spans (entitiesIn takes a sentence's index) */
    readonly sentences: readonly { start: number; end: number }[],
    readonly facts: TokenFacts,
  ) {
    this.coded = new Array(entities.length);
  }
  /** entityActor of entity `i` (memo) */
  actorOf(i: number): ReturnType<typeof entityActor> {
    let a = this.coded[i];
    if (a === undefined) this.coded[i] = a = entityActor(this.entities[i]!, this.kbi);
    return a;
  }
  /**
   * Indexes of the entities with a mention inside sentence `si` (so unit building looks at a handful, not all), in
   * the order of the entity list. Mentions are assigned to their sentence once per article.
   */
  entitiesIn(si: number): number[] {
    if (this.bySentence === undefined) this.bySentence = this.mentionsBySentence();
    if (this.bySentence === null) {
      // sentences that overlap, or empty mentions: scan the entities
      const span = this.sentences[si]!;
      const out: number[] = [];
      const es = this.entities;
      for (let i = 0; i < es.length; i++) {
        for (const m of es[i]!.mentions) if (m.start >= span.start && m.end <= span.end) { out.push(i); break; }
      }
      return out;
    }
    return this.bySentence[si] ?? NO_ENTITIES;
  }
  private bySentence: (number[] | undefined)[] | null | undefined = undefined;

  /** Entity indexes by sentence, or null when a mention could lie in two sentences (then each sentence scans). */
  private mentionsBySentence(): (number[] | undefined)[] | null {
    const ss = this.sentences;
    for (let j = 1; j < ss.length; j++) if (ss[j]!.start < ss[j - 1]!.end) return null;
    const out: (number[] | undefined)[] = new Array(ss.length);
    const es = this.entities;
    for (let i = 0; i < es.length; i++) {
      for (const m of es[i]!.mentions) {
        if (m.end <= m.start) return null;
        // the last sentence starting at or before the mention: the only one that may hold it
        let a = 0, b = ss.length;
        while (a < b) {
          const mid = (a + b) >> 1;
          if (ss[mid]!.start <= m.start) a = mid + 1; else b = mid;
        }
        const j = a - 1;
        if (j < 0 || m.end > ss[j]!.end) continue;
        const list = (out[j] ??= []);
        if (list[list.length - 1] !== i) list.push(i);
      }
    }
    return out;
  }
}
const NO_ENTITIES: number[] = [];

function metonymOf(e: Entity, kbi: KbIndex): string | undefined {
  for (const m of e.mentions) {
    const c = kbi.metonymNames.get(normalizeForMatch(m.text));
    if (c) return c;
  }
  return kbi.metonymNames.get(normalizeForMatch(e.name.ar));
}

const NAME_HEAD = new Map<string, string>();
function mentionProclitic(tokNorm: string, name: string): string {
  let nm = NAME_HEAD.get(name);
  if (nm === undefined) {
    nm = normalizeForMatch(name).split(" ")[0] ?? "";
    if (NAME_HEAD.size > 100_000) NAME_HEAD.clear();
    NAME_HEAD.set(name, nm);
  }
  if (!nm || tokNorm.startsWith(nm)) return "";
  for (const sp of procliticSplits(tokNorm)) {
    if (!sp.prefix || /ال$/.test(sp.prefix)) continue;
    if (sp.stem === nm || (sp.prefix.endsWith("لل") && "ال" + sp.stem === nm)) return sp.prefix;
  }
  return "";
}

/** Index of the token containing offset `pos` (tokens sorted by start), or -1. */
export function tokenAt(tokens: Token[], pos: number): number {
  let lo = 0, hi = tokens.length - 1, ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start <= pos) { ans = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (ans >= 0 && pos < tokens[ans]!.end) return ans;
  return ans;
}

const STANDALONE_PREPS = new Set(["الي", "مع", "علي", "ضد", "من", "عن", "في", "بين", "لدي", "نحو", "تجاه", "حول", "عبر", "ل", "ب", "إزاء", "حيال", "بشأن"].map(normalizeForMatch));

/** The preposition in a proclitic chain («وب» → «ب», «لل» → «ل»), or null. */
function prepOfPrefix(prefix: string): string | null {
  // the letter after a leading و/ف (char codes: no string is cut)
  const c0 = prefix.charCodeAt(0);
  const c = c0 === 0x648 || c0 === 0x641 ? prefix.charCodeAt(1) : c0; // و ف
  if (c === 0x644) return "ل";
  if (c === 0x628) return "ب";
  if (c === 0x643) return "ك";
  return null;
}

/** Match a phrase at token i (first token may carry proclitics). Returns the proclitic prefix or null. */
export function matchPhraseAt(tokens: Token[], i: number, p: Phrase, end: number): string | null {
  if (i + p.length > end) return null;
  for (let k = 1; k < p.length; k++) if (tokens[i + k]!.norm !== p[k]) return null;
  const first = tokens[i]!.norm;
  if (first === p[0]) return "";
  if ((first[0] === "و" || first[0] === "ف") && first.slice(1) === p[0]) return first[0]!;
  for (const sp of procliticSplits(first)) {
    if (sp.stem === p[0]) return sp.prefix;
    // «لل» + word = ل + ال + word
    if (sp.prefix.endsWith("لل") && "ال" + sp.stem === p[0]) return sp.prefix;
  }
  return null;
}

/** Sector-noun matches by start token, computed on demand (most tokens are never asked about). */
class SectorAt {
  /** made on the first token that may start a sector noun */
  private memo: ({ v: string; len: number; prefix: string }[] | undefined)[] | null = null;
  constructor(
    private readonly lex: Lexicon, private readonly tokens: Token[], private readonly facts: TokenFacts,
    private readonly lo: number, private readonly hi: number,
  ) {}
  at(s: number): { v: string; len: number; prefix: string }[] {
    // most words start no sector noun: answered by the token's flags
    if (!this.facts.all(s, W_WORD | W_SECTOR)) return NO_MATCH;
    const memo = (this.memo ??= new Array(this.hi - this.lo));
    let m = memo[s - this.lo];
    if (m === undefined) {
      m = this.lex.sectorIndex.matchAt(this.tokens, s, this.hi);
      memo[s - this.lo] = m;
    }
    return m;
  }
}
const NO_MATCH: { v: string; len: number; prefix: string }[] = [];

/** Sector noun phrase ending within `gap` tokens before token `i`, starting at or after `minT0`. */
function sectorNounBefore(
  lex: Lexicon, at: SectorAt, lo: number, i: number, minT0: number, gap: number,
): { sector: string; t0: number; prefix: string } | null {
  const maxLen = lex.sectorIndex.maxLen;
  for (let g = 1; g <= gap; g++) {
    const end = i - g; // last token of the phrase
    for (let len = maxLen; len >= 1; len--) {
      const s = end - len + 1;
      if (s < minT0 || s < lo) continue;
      for (const m of at.at(s)) if (m.len === len) return { sector: m.v, t0: s, prefix: m.prefix };
    }
  }
  return null;
}

/**
 * Build actor units for the tokens [lo, hi) of one sentence of the article; `picked`: the indexes of the entities
 * with a mention in the sentence (ArticleActors.entitiesIn).
 */
export function buildUnits(lex: Lexicon, art: ArticleActors, lo: number, hi: number, picked: number[]): Unit[] {
  const units: Unit[] = [];
  if (hi <= lo) return units;
  const { tokens, body, facts } = art;
  const sectorAt = new SectorAt(lex, tokens, facts, lo, hi);
  const sStart = tokens[lo]!.start, sEnd = tokens[hi - 1]!.end;
  // 1. entity mentions
  for (const ei of picked) {
    const e = art.entities[ei]!;
    let coded: ReturnType<typeof entityActor> | undefined;
    for (const m of e.mentions) {
      if (m.start < sStart || m.end > sEnd) continue;
      if (coded === undefined) coded = art.actorOf(ei);
      if (!coded) break;
      const t0 = tokenAt(tokens, m.start), t1 = tokenAt(tokens, m.end - 1);
      if (t0 < lo || t1 < t0) continue;
      const tStart = tokens[t0]!.start;
      let prefix = m.start === tStart ? "" : normalizeForMatch(body.slice(tStart, m.start));
      // Rule: a mention that includes its proclitics («لليابان» for اليابان) still has them
      if (!prefix && m.start === tokens[t0]!.start && /^[وفبلك]/.test(m.text)) prefix = mentionProclitic(tokens[t0]!.norm, e.name.ar);
      units.push({
        t0, t1, actor: { ...coded.actor }, place: coded.place, entityId: e.id, entityType: e.type, adjOnly: false,
        prep: prepOfPrefix(prefix), conj: /^[وف]/.test(prefix), rule: "entity",
      });
    }
  }
  // 2. nominal actors from the KB: nisba adjectives and metonyms
  const nEntity = units.length;
  // only words where a KB phrase may start (facts.kbAt), not inside an entity unit nor a phrase matched before
  const kbAt = facts.kbAt;
  let covered = lo - 1;
  for (let j = facts.firstKbAt(lo); j < kbAt.length; j++) {
    const i = kbAt[j]!;
    if (i >= hi) break;
    if (i <= covered || inUnits(units, nEntity, i)) continue;
    const cands = facts.cands(i);
    let best: { p: PhraseEntry; prefix: string } | null = null;
    for (const p of cands) {
      const prefix = matchPhraseAt(tokens, i, p.toks, hi);
      if (prefix !== null && (!best || p.toks.length > best.p.toks.length)) best = { p, prefix };
    }
    if (!best) continue;
    const t1 = i + best.p.toks.length - 1;
    if (best.p.kind === "metonym") {
      units.push({ t0: i, t1, actor: { entity: null, country: best.p.country, igo: null, sector: "GOV" }, place: false,
        entityId: null, entityType: "organization", adjOnly: false, prep: prepOfPrefix(best.prefix), conj: /^[وف]/.test(best.prefix), rule: "kb-metonym" });
    } else {
      // Rule: nisba after a sector noun («مسؤولون كوريون», «وزير الموارد الطبيعية الروسي») is an actor with that sector
      // the sector noun may not reach back over another actor («السلطات الإيرانية مواطنين فرنسيين»)
      const prevEnd = units.reduce((m, u) => (u.t1 < i ? Math.max(m, u.t1 + 1) : m), lo);
      let sn = sectorNounBefore(lex, sectorAt, lo, i, prevEnd, 4);
      // Rule: a plural nisba after a quantity word names people («آلاف السودانيين», «عشرات من الإيرانيين»)
      if (!sn && /(يين|يون)$/.test(tokens[t1]!.norm)) {
        const q = i - 1 >= lo && tokens[i - 1]!.norm === "من" ? i - 2 : i - 1;
        if (q >= lo && lex.cues.quantity.has(tokens[q]!.norm.replace(/^[وف](?=.{3})/, ""))) sn = { sector: "CVL", t0: q, prefix: "" };
      }
      const t0 = sn ? sn.t0 : i;
      const pre = sn ? sn.prefix : best.prefix;
      units.push({ t0, t1, actor: { entity: null, country: best.p.country, igo: null, sector: sn?.sector ?? null }, place: false,
        entityId: null, entityType: null, adjOnly: !sn, prep: prepOfPrefix(pre), conj: /^[وف]/.test(pre), rule: sn ? "nominal-nisba" : "nisba-adjective" });
    }
    covered = t1;
  }
  sortUnits(units);
  // 3. a chain of sector nouns right before an entity gives the sector and extends the span
  //    («القوات», «وزير خارجية», «رئيس الكرملين»)
  for (const u of units) {
    if (u.place || u.adjOnly) continue;
    for (;;) {
      const sn = sectorNounBefore(lex, sectorAt, lo, u.t0, lo, 1);
      if (!sn || otherUnitReaches(units, u, sn.t0)) break;
      // a place head («في العاصمة نظيره X») names a city, not the title of the actor after it
      if (isPlaceHead(lex, tokens[sn.t0]!.norm)) break;
      if (u.actor.sector == null || u.entityType === "country") u.actor.sector = sn.sector;
      u.t0 = sn.t0;
      u.prep = prepOfPrefix(sn.prefix);
      u.conj = /^[وف]/.test(sn.prefix);
      if (u.prep || u.conj) break;
    }
  }
  // 4. merge adjacent / overlapping units of the same actor (title + name); drop units inside others
  sortUnits(units);
  const out: Unit[] = [];
  for (const u of units) {
    const last = out[out.length - 1];
    if (last && u.t0 <= last.t1) {
      // overlapping: keep the entity (named) one, widen
      if (last.rule !== "entity" && u.rule === "entity" && sameCountry(last.actor, u.actor)) {
        out[out.length - 1] = { ...u, t0: last.t0, prep: last.prep, conj: last.conj, actor: { ...u.actor, sector: u.actor.sector ?? last.actor.sector } };
      }
      continue;
    }
    // two organizations of one country with different sectors side by side («الجيش السوداني قوات الدعم السريع») are
    // two actors (the object follows the subject), not a title and a name
    const twoOrgs = u.entityType === "organization" && !!last && !!last.actor.sector && !!u.actor.sector && last.actor.sector !== u.actor.sector;
    if (last && u.t0 === last.t1 + 1 && !u.conj && !u.prep && sameCountry(last.actor, u.actor) && !u.place && !last.place && !twoOrgs) {
      // Rule: title phrase followed by the name of the same country's actor is one actor
      const named = u.rule === "entity" ? u : last;
      const other = named === u ? last : u;
      out[out.length - 1] = { ...named, t0: last.t0, t1: u.t1, prep: last.prep, conj: last.conj, adjOnly: false,
        actor: { ...named.actor, sector: named.actor.sector ?? other.actor.sector } };
      continue;
    }
    out.push(u);
  }
  // 5. standalone prepositions before the unit
  for (const u of out) {
    // Rule: the owner of a prepositional object («على مواقع لحزب الله») takes the phrase's preposition
    if (u.prep === "ل" && !u.conj && !u.adjOnly && u.t0 > lo && !/^[وف]?ل/.test(tokens[u.t0 - 1]!.norm)) {
      const probe: Unit = { ...u, prep: null };
      headPrep(lex, art, lo, probe, out);
      if (probe.prep && probe.head !== undefined && tokens[probe.head]!.norm === probe.prep && (probe.prep === "علي" || probe.prep === "ضد")) {
        u.prep = probe.prep; u.head = probe.head; u.rule = probe.rule;
      }
      continue;
    }
    if (u.prep || u.t0 <= lo) continue;
    const prev = tokens[u.t0 - 1]!;
    // Rule: «وفد من X», «مسؤولان من X و Y»: a sector noun + من + actor is that actor (not a «from» phrase)
    if (prev.norm === "من" && u.t0 - 2 >= lo && !u.place) {
      const sn = sectorNounBefore(lex, sectorAt, lo, u.t0 - 1, lo, 1); // a sector noun ending right before «من»
      if (sn) {
        if (u.actor.sector == null || u.entityType === "country") u.actor.sector = sn.sector;
        u.t0 = sn.t0;
        u.prep = prepOfPrefix(sn.prefix);
        u.conj = /^[وف]/.test(sn.prefix);
        continue;
      }
    }
    if (STANDALONE_PREPS.has(prev.norm)) u.prep = prev.norm;
    else if (facts.info(u.t0 - 1).attrib) u.prep = "attrib";
    else if (/^[وف]?ل/.test(prev.norm) && lex.cues.beneficiary.has(prev.norm.replace(/^[وف]?ل/, ""))) u.prep = "ل";
    else if (prev.norm === "قبل" && u.t0 - 2 >= lo && tokens[u.t0 - 2]!.norm === "من") u.prep = "من قبل";
    else if (prev.norm === "يد" && u.t0 - 2 >= lo && tokens[u.t0 - 2]!.norm === "علي") u.prep = "من قبل";
    else if (!u.conj && !u.adjOnly) headPrep(lex, art, lo, u, out);
  }
  return out;
}

/** Whether another unit than u ends at or after token t0 and starts before u. */
function otherUnitReaches(units: Unit[], u: Unit, t0: number): boolean {
  for (const v of units) if (v !== u && v.t1 >= t0 && v.t0 < u.t0) return true;
  return false;
}

/** Whether a written word is a place head («مدينة», «العاصمة»), with or without proclitics. */
function isPlaceHead(lex: Lexicon, norm: string): boolean {
  for (const sp of procliticSplits(norm)) if (lex.cues.placeHeads.has(sp.stem)) return true;
  return false;
}

/** Whether token k is inside one of the first n units. */
function inUnits(units: Unit[], n: number, k: number): boolean {
  for (let j = 0; j < n; j++) if (units[j]!.t0 <= k && units[j]!.t1 >= k) return true;
  return false;
}

/** Sort units by start, longer first (stable, like Array.prototype.sort): insertion sort, as a sentence has a few. */
export function sortUnits(units: Unit[]): void {
  for (let j = 1; j < units.length; j++) {
    const u = units[j]!;
    let k = j - 1;
    while (k >= 0 && (units[k]!.t0 - u.t0 || u.t1 - units[k]!.t1) > 0) {
      units[k + 1] = units[k]!;
      k--;
    }
    units[k + 1] = u;
  }
}

const HEAD_PREPS = new Set(["الي", "مع", "علي", "ضد", "عن", "في", "بين", "لدي", "نحو", "تجاه", "من"].map(normalizeForMatch));
const HEAD_WINDOW = 8;

/**
 * Rule: the preposition of a noun phrase belongs to the actor at its end («مع القائد العام للإدارة الجديدة X»,
 * «إلى مدينة جدة»): scan back over plain words (no trigger, reporting or light verb, no other actor, no punctuation)
 * to a standalone preposition; a place head with a proclitic preposition («بمدينة X») gives that preposition.
 */
function headPrep(lex: Lexicon, art: ArticleActors, lo: number, u: Unit, units: Unit[]): void {
  const { tokens, facts } = art;
  for (let k = u.t0 - 1; k >= Math.max(lo, u.t0 - HEAD_WINDOW); k--) {
    const t = tokens[k]!;
    if (t.kind !== "word") return;
    // a genitive actor inside the phrase («للإدارة السورية», «الروسية») does not end it
    const inner = units.find((v) => v !== u && v.t0 <= k && v.t1 >= k);
    if (inner) {
      if (!(inner.adjOnly || inner.prep === "ل") || inner.place) return;
      k = inner.t0;
      continue;
    }
    if (HEAD_PREPS.has(t.norm)) { u.prep = t.norm; u.head = k; u.rule += "+head-prep"; return; }
    const w = facts.info(k);
    if (w.trig || w.report || w.light || w.attrib || w.compl || lex.cues.relative.has(t.norm)) return;
    const split = procliticSplits(t.norm).find((sp) => sp.prefix && lex.cues.placeHeads.has(sp.stem));
    if (split) {
      const p = prepOfPrefix(split.prefix);
      if (p) { u.prep = p; u.head = k; u.rule += "+head-prep"; }
      return;
    }
  }
}

export function candidatesFor(kbi: KbIndex, norm: string): PhraseEntry[] {
  const m = kbi.memo.get(norm);
  if (m) return m;
  const out = computeCandidates(kbi, norm);
  if (kbi.memo.size > 200_000) kbi.memo.clear();
  kbi.memo.set(norm, out);
  return out;
}

function computeCandidates(kbi: KbIndex, norm: string): PhraseEntry[] {
  const direct = kbi.phrases.get(norm);
  const out: PhraseEntry[] = direct ? [...direct] : [];
  for (const sp of procliticSplits(norm)) {
    if (!sp.prefix) continue;
    const l = kbi.phrases.get(sp.stem);
    if (l) out.push(...l);
    if (sp.prefix.endsWith("لل")) {
      const l2 = kbi.phrases.get("ال" + sp.stem);
      if (l2) out.push(...l2);
    }
  }
  return out;
}

export function sameCountry(a: Actor, b: Actor): boolean {
  return actorKey(a) === actorKey(b);
}

export function actorKey(a: Actor | null): string | null {
  if (!a) return null;
  if (a.igo) return "IGO:" + a.igo;
  return a.country;
}

/**
 * Loads the event data files (`data/events/*.json`) and builds the look-up structures the coder scans with:
 * a Map from normalized written form (without proclitics) to trigger entries, the reporting-verb forms, and the
 * cue phrase tables. Built once per process (lazily), so coding an article costs Map look-ups only.
 */
import { readFileSync } from "node:fs";
import { normalizeForMatch, tokenize } from "../text/index.js";
import { nounForms, procliticSplits, prefixAllows, verbForms, type FormKind, type VerbLemma } from "./morph.js";

export interface Sense {
  objects: string[];
  type: string;
  mode: string | null;
}

export interface TriggerDef {
  id: string;
  pos: "verb" | "noun";
  /** null: only the senses produce events */
  type: string | null;
  mode: string | null;
  senses: Sense[];
  joint: boolean;
  reverse: boolean;
  /** the type when the target is a person */
  personSense: { type: string; mode: string | null; reverse: boolean } | null;
  /** prepositions allowed before the target (normalized); null = default set */
  preps: string[] | null;
  needPrep: boolean;
  /** a verb's entry read as its verbal noun («ستواصل دعم أوكرانيا») */
  fromVerb?: boolean;
  /** a place may be the target (seizing a town: the target is the place's country) */
  placeTarget: boolean;
  /** a noun whose genitive actor is its object, not its agent («تزويد روسيا بصواريخ», «استدعاء السفير الفرنسي») */
  genObject: boolean;
}

export interface TriggerFile {
  schema: string;
  description: string;
  sources: string[];
  verbs: (VerbLemma & {
    id: string; type: string | null; mode?: string | null; senses?: Sense[]; joint?: boolean; reverse?: boolean;
    preps?: string[]; need_prep?: boolean; person_sense?: { type: string; mode: string | null; reverse: boolean };
    place_target?: boolean;
  })[];
  nouns: {
    id: string; forms: string[]; type: string | null; mode?: string | null; senses?: Sense[]; joint?: boolean;
    preps?: string[]; need_prep?: boolean; place_target?: boolean; gen_object?: boolean; reverse?: boolean;
  }[];
}

export interface TypeInfo {
  score: number;
  target_required: boolean;
  modes: Record<string, number>;
}

export interface TypesFile {
  schema: string;
  description: string;
  sources: string[];
  types: Record<string, TypeInfo>;
}

export interface CuesFile {
  schema: string;
  description: string;
  sources: string[];
  reporting_verbs: VerbLemma[];
  attribution: string[];
  complementizers: string[];
  pronoun_complementizers: string[];
  status: { expected: string[]; possible: string[]; alleged: string[]; denied: string[] };
  negation: string[];
  passive_markers: string[];
  agent_markers: string[];
  between: string[];
  skip_between_verb_and_subject: string[];
  sector_nouns: Record<string, string[]>;
  beneficiary_heads: string[];
  not_before_verb: string[];
  relative_pronouns: string[];
  light_verbs: VerbLemma[];
  quantity_words: string[];
  dyad_anaphors: string[];
  event_anaphors: string[];
  place_heads: string[];
  third_party_heads: string[];
  content_heads: string[];
  agreement_heads: string[];
  abuse_nouns: string[];
  date_cues: DateCuesFile;
}

/** Words that decide which time expression of a sentence dates an event (see dating.ts). */
export interface DateCuesFile {
  /** before a time: the start of a state, not the date of an event («منذ عام 2014») */
  since: string[];
  /** before an event noun: another event at another time («بعد زيارته»); with «أن»: a subordinate clause */
  anterior: string[];
  /** open a clause dated by the time right before them («في عام 2000، عندما التقى …») */
  when: string[];
  /** open a clause of its own («بينما», «في حين») */
  contrast: string[];
  /** before an event noun: it shares the time of the event around it («خلال زيارته») */
  containers: string[];
  /** adjectives marking an event noun as an earlier one («زيارته السابقة») */
  background: string[];
}

export interface IndexHit {
  def: TriggerDef;
  kind: FormKind;
}

/** A multi-token phrase in normalized tokens. */
export type Phrase = string[];

export interface Lexicon {
  triggers: TriggerDef[];
  /** normalized form without proclitics → entries */
  index: Map<string, IndexHit[]>;
  /** normalized reporting-verb forms (without proclitics) → kind */
  reporting: Map<string, FormKind>;
  /** object word forms of each sense (normalized, without proclitics) */
  senseForms: Map<Sense, Set<string>>;
  types: Record<string, TypeInfo>;
  memo: { word: Map<string, WordInfo> };
  /** status cue phrases → category */
  statusIndex: PhraseIndex<"expected" | "possible" | "alleged" | "denied">;
  /** sector noun phrases → sector */
  sectorIndex: PhraseIndex<string>;
  cues: {
    attribution: Set<string>;
    complementizers: Set<string>;
    pronounComplementizers: Set<string>;
    status: Record<"expected" | "possible" | "alleged" | "denied", Phrase[]>;
    negation: Set<string>;
    passive: Set<string>;
    agent: Phrase[];
    between: Set<string>;
    skip: Set<string>;
    /** «لـ + head + X»: X is the beneficiary («لمساعدة روسيا») */
    beneficiary: Set<string>;
    /** a verb form after these is a verbal noun */
    notBeforeVerb: Set<string>;
    relative: Set<string>;
    /** «آلاف», «مئات»: a plural nisba after them is a group of people */
    quantity: Set<string>;
    /** «الجانبان», «البلدين»: the two parties of the last coded dyad */
    dyadAnaphors: Set<string>;
    /** «الخطوة», «الاتفاق»: an object that stands for the last coded event */
    eventAnaphors: Set<string>;
    /** «مدينة», «العاصمة»: a head noun before a place name; the preposition before it is the place's */
    placeHeads: Set<string>;
    /** «وساطة», «رعاية»: a nisba after them is a third party, not an object */
    thirdParty: Set<string>;
    /** «مقترح», «خطة»: an event noun in their genitive is content, not an event */
    contentHeads: Set<string>;
    /** «اتفاق», «صفقة»: an event noun in their genitive is agreed (AGREE) */
    agreementHeads: Set<string>;
    /** «الانتهاكات», «الجرائم»: a condemned act of the previous sentence's aggressor */
    abuseNouns: Set<string>;
    /** date attachment cues (dating.ts) */
    date: {
      since: Set<string>;
      anterior: Set<string>;
      when: Set<string>;
      contrast: Phrase[];
      containers: Set<string>;
      background: Set<string>;
      /** words that may open a subordinate clause (relative pronouns, when, anterior, first words of contrast
       * phrases), also behind و/ف */
      openers: Set<string>;
    };
    /** light-verb forms (without proclitics) → kind */
    lightVerbs: Map<string, FormKind>;
    /** sector noun phrases, longest first */
    sectorNouns: { phrase: Phrase; sector: string }[];
  };
}

const DATA = (f: string) => new URL(`../../data/events/${f}`, import.meta.url);

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(DATA(file), "utf8")) as T;
}

/** Normalize a phrase into match tokens. */
export function phrase(s: string): Phrase {
  return tokenize(s).filter((t) => t.kind !== "punct").map((t) => t.norm);
}

let cached: Lexicon | null = null;

export function loadLexicon(): Lexicon {
  if (cached) return cached;
  cached = buildLexicon(readJson<TriggerFile>("triggers.json"), readJson<TypesFile>("types.json"), readJson<CuesFile>("cues.json"));
  return cached;
}

export function buildLexicon(tf: TriggerFile, types: TypesFile, cues: CuesFile): Lexicon {
  const index = new Map<string, IndexHit[]>();
  const triggers: TriggerDef[] = [];
  const senseForms = new Map<Sense, Set<string>>();
  const put = (form: string, hit: IndexHit) => {
    const list = index.get(form);
    if (!list) index.set(form, [hit]);
    else if (!list.some((h) => h.def === hit.def && h.kind === hit.kind)) list.push(hit);
  };
  const normPreps = (p?: string[]) => (p ? p.map((x) => normalizeForMatch(x)) : null);
  const addSenses = (senses: Sense[]) => {
    for (const s of senses) {
      const set = new Set<string>();
      for (const o of s.objects) for (const f of nounForms(o)) set.add(f);
      senseForms.set(s, set);
    }
  };
  for (const v of tf.verbs) {
    const def: TriggerDef = {
      id: v.id, pos: "verb", type: v.type, mode: v.mode ?? null, senses: v.senses ?? [], joint: !!v.joint,
      reverse: !!v.reverse, personSense: v.person_sense ?? null, preps: normPreps(v.preps), needPrep: !!v.need_prep,
      placeTarget: !!v.place_target, genObject: false,
    };
    triggers.push(def);
    addSenses(def.senses);
    for (const g of verbForms(v)) put(g.form, { def, kind: g.kind });
  }
  for (const nn of tf.nouns) {
    const def: TriggerDef = {
      id: nn.id, pos: "noun", type: nn.type, mode: nn.mode ?? null, senses: nn.senses ?? [], joint: !!nn.joint,
      reverse: !!nn.reverse, personSense: null, preps: normPreps(nn.preps), needPrep: !!nn.need_prep,
      placeTarget: !!nn.place_target, genObject: !!nn.gen_object,
    };
    triggers.push(def);
    addSenses(def.senses);
    for (const f of nn.forms) for (const g of nounForms(f)) put(g, { def, kind: "noun" });
  }
  const reporting = new Map<string, FormKind>();
  for (const r of cues.reporting_verbs) for (const g of verbForms(r)) if (!reporting.has(g.form)) reporting.set(g.form, g.kind);
  const lightVerbs = new Map<string, FormKind>();
  for (const r of cues.light_verbs) for (const g of verbForms(r)) if (!lightVerbs.has(g.form)) lightVerbs.set(g.form, g.kind);
  const set = (xs: string[]) => new Set(xs.map((x) => normalizeForMatch(x)));
  const sectorNouns: { phrase: Phrase; sector: string }[] = [];
  for (const [sector, list] of Object.entries(cues.sector_nouns)) for (const p of list) sectorNouns.push({ phrase: phrase(p), sector });
  sectorNouns.sort((a, b) => b.phrase.length - a.phrase.length);
  const statusIndex = new PhraseIndex<"expected" | "possible" | "alleged" | "denied">();
  for (const cat of ["expected", "possible", "alleged", "denied"] as const) for (const p of cues.status[cat]) statusIndex.add(phrase(p), cat);
  const sectorIndex = new PhraseIndex<string>();
  for (const sn of sectorNouns) sectorIndex.add(sn.phrase, sn.sector);
  return {
    triggers, index, reporting, senseForms, types: types.types, statusIndex, sectorIndex,
    memo: { word: new Map() },
    cues: {
      attribution: set(cues.attribution.map((a) => a.split(" ")[0]!)),
      complementizers: set(cues.complementizers),
      pronounComplementizers: set(cues.pronoun_complementizers),
      status: {
        expected: cues.status.expected.map(phrase),
        possible: cues.status.possible.map(phrase),
        alleged: cues.status.alleged.map(phrase),
        denied: cues.status.denied.map(phrase),
      },
      negation: set(cues.negation),
      passive: set(cues.passive_markers),
      agent: cues.agent_markers.map(phrase),
      between: set(cues.between),
      skip: set(cues.skip_between_verb_and_subject),
      beneficiary: set(cues.beneficiary_heads),
      notBeforeVerb: set(cues.not_before_verb),
      relative: set(cues.relative_pronouns),
      quantity: set(cues.quantity_words.map((q) => q.split(" ")[0]!)),
      dyadAnaphors: set(cues.dyad_anaphors),
      eventAnaphors: set(cues.event_anaphors),
      placeHeads: set(cues.place_heads),
      thirdParty: set(cues.third_party_heads),
      contentHeads: set(cues.content_heads),
      agreementHeads: set(cues.agreement_heads),
      abuseNouns: set(cues.abuse_nouns),
      date: {
        since: set(cues.date_cues.since),
        anterior: set(cues.date_cues.anterior),
        when: set(cues.date_cues.when),
        contrast: cues.date_cues.contrast.map(phrase),
        containers: set(cues.date_cues.containers),
        background: set(cues.date_cues.background),
        openers: clauseOpeners([...cues.relative_pronouns, ...cues.date_cues.when, ...cues.date_cues.anterior],
          cues.date_cues.contrast.map((p) => phrase(p)[0]!)),
      },
      lightVerbs,
      sectorNouns,
    },
  };
}

/** Clause-opening words, normalized, also behind a conjunction و/ف. */
function clauseOpeners(words: string[], normalized: string[]): Set<string> {
  const out = new Set<string>();
  for (const w of [...words.map((x) => normalizeForMatch(x)), ...normalized]) { out.add(w); out.add("و" + w); out.add("ف" + w); }
  return out;
}

/** What the coder needs to know about one written word, computed once per distinct word (memo). */
export interface WordInfo {
  trig: { hit: IndexHit; prefix: string } | null;
  report: boolean;
  attrib: boolean;
  compl: boolean;
  light: { kind: FormKind; prefix: string } | null;
}

export function wordInfo(lex: Lexicon, norm: string): WordInfo {
  const memo = lex.memo.word;
  const m = memo.get(norm);
  if (m !== undefined) return m;
  let trig: WordInfo["trig"] = null;
  let report = false;
  let light: WordInfo["light"] = null;
  for (const sp of procliticSplits(norm)) {
    if (!light) {
      const k = lex.cues.lightVerbs.get(sp.stem);
      if (k && k !== "noun" && prefixAllows(sp.prefix, k)) light = { kind: k, prefix: sp.prefix };
    }
    if (!trig) {
      const hits = lex.index.get(sp.stem);
      if (hits) for (const h of hits) if (prefixAllows(sp.prefix, h.kind)) { trig = { hit: h, prefix: sp.prefix }; break; }
    }
    if (!report) {
      const k = lex.reporting.get(sp.stem);
      if (k && prefixAllows(sp.prefix, k)) report = true;
    }
  }
  // Rule: a coordinating و/ف on a two-letter verb («وحث», «وحط») is split too (procliticSplits keeps 3-letter words whole)
  if (!trig && norm.length === 3 && (norm[0] === "و" || norm[0] === "ف")) {
    const hits = lex.index.get(norm.slice(1));
    if (hits) for (const h of hits) if (h.kind !== "noun" && prefixAllows(norm[0]!, h.kind)) { trig = { hit: h, prefix: norm[0]! }; break; }
  }
  const a = lex.cues.attribution;
  const attrib = a.has(norm) || ((norm[0] === "و" || norm[0] === "ف") && a.has(norm.slice(1)));
  const out: WordInfo = { trig, report: report && !attrib, attrib, compl: lex.cues.complementizers.has(norm), light };
  if (memo.size > 200_000) memo.clear();
  memo.set(norm, out);
  return out;
}

/** Look a normalized token up in the trigger index, trying proclitic splits; the first accepted split wins. */
export function lookupTrigger(lex: Lexicon, norm: string): { hit: IndexHit; prefix: string } | null {
  return wordInfo(lex, norm).trig;
}

/** Whether a normalized token is a reporting verb form (with proclitics). */
export function isReportingVerb(lex: Lexicon, norm: string): boolean {
  return wordInfo(lex, norm).report;
}

/**
 * Phrases indexed by their first token; `matchAt` tries the token as written and its proclitic splits, then
 * checks the following tokens exactly. One Map look-up per split instead of a scan of every phrase.
 */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, { p: Phrase; v: T }[]>();
  /** Memo: a first token as written → every phrase that may start there, with the proclitic prefix stripped to
   * reach it, in the order `matchAt` reports them. Words repeat, so a token costs one Map look-up. */
  private readonly memo = new Map<string, PhraseCandidate<T>[]>();
  maxLen = 0;
  add(p: Phrase, v: T): void {
    if (!p.length) return;
    const l = this.byFirst.get(p[0]!) ?? [];
    l.push({ p, v });
    l.sort((a, b) => b.p.length - a.p.length);
    this.byFirst.set(p[0]!, l);
    this.maxLen = Math.max(this.maxLen, p.length);
    this.memo.clear();
  }
  /** Matches starting at token i (ending before `end`), longest first, with the first token's proclitics. */
  matchAt(tokens: readonly { norm: string }[], i: number, end: number): { v: T; len: number; prefix: string }[] {
    const cands = this.candidates(tokens[i]!.norm);
    if (cands.length === 0) return [];
    const out: { v: T; len: number; prefix: string }[] = [];
    for (const c of cands) if (phraseRestAt(tokens, i, end, c.p)) out.push({ v: c.v, len: c.p.length, prefix: c.prefix });
    return out;
  }
  /** The first match at token i (ending before `end`) whose value is `v`: its length, or 0. Allocates nothing. */
  firstLenOf(tokens: readonly { norm: string }[], i: number, end: number, v: T, skip?: (len: number) => boolean): number {
    for (const c of this.candidates(tokens[i]!.norm)) {
      if (c.v !== v || !phraseRestAt(tokens, i, end, c.p)) continue;
      if (skip && skip(c.p.length)) continue;
      return c.p.length;
    }
    return 0;
  }

  /** Whether any phrase may start at a token written `first` (else `matchAt` and `firstLenOf` find nothing there). */
  mayStart(first: string): boolean {
    return this.candidates(first).length > 0;
  }

  /** Phrases that may start at a token written `first`: as written, without و/ف, then its proclitic splits. */
  private candidates(first: string): PhraseCandidate<T>[] {
    let out = this.memo.get(first);
    if (out) return out;
    out = [];
    this.tryList(out, first, "");
    if ((first[0] === "و" || first[0] === "ف") && first.length <= 4) this.tryList(out, first.slice(1), first[0]!);
    for (const sp of procliticSplits(first)) {
      if (!sp.prefix) continue;
      this.tryList(out, sp.stem, sp.prefix);
      if (sp.prefix.endsWith("لل")) this.tryList(out, "ال" + sp.stem, sp.prefix);
    }
    if (this.memo.size > 200_000) this.memo.clear();
    this.memo.set(first, out);
    return out;
  }

  private tryList(out: PhraseCandidate<T>[], key: string, prefix: string): void {
    const l = this.byFirst.get(key);
    if (!l) return;
    for (const { p, v } of l) out.push({ p, v, prefix });
  }
}

interface PhraseCandidate<T> {
  p: Phrase;
  v: T;
  prefix: string;
}

/** Whether phrase `p` fits at token i before `end` and its tokens after the first are written exactly. */
function phraseRestAt(tokens: readonly { norm: string }[], i: number, end: number, p: Phrase): boolean {
  if (i + p.length > end) return false;
  for (let k = 1; k < p.length; k++) if (tokens[i + k]!.norm !== p[k]) return false;
  return true;
}

/** Whether a normalized token is an attribution word («بحسب», «وفقا», «حسبما»), with or without و/ف. */
export function isAttribution(lex: Lexicon, n: string): boolean {
  return wordInfo(lex, n).attrib;
}

/** A light verb form: its kind and proclitic prefix, or null. */
export function lightVerb(lex: Lexicon, norm: string): { kind: FormKind; prefix: string } | null {
  return wordInfo(lex, norm).light;
}

/** Whether a normalized token (with proclitics) is one of a sense's object forms. */
export function matchesObject(lex: Lexicon, sense: Sense, norm: string): boolean {
  const forms = lex.senseForms.get(sense);
  if (!forms) return false;
  for (const sp of procliticSplits(norm)) if (forms.has(sp.stem) && prefixAllows(sp.prefix, "noun")) return true;
  return false;
}

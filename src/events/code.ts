/**
 * PLOVER event coding of Arabic sentences.
 *
 * One pass over the tokens of each sentence: triggers are found by Map look-up (lexicon.ts), actors are the units of
 * actors.ts, and each trigger takes its arguments from the Arabic structure around it:
 * - verbs: VSO (clause-initial verb, subject right after it) or SVO (subject right before it in the same clause,
 *   e.g. after «إن»); a pronoun complementizer («إنه», «أنها») takes the reporting clause's subject; the target is
 *   the next actor, bare (object) or after an allowed preposition (إلى، مع، على، ضد، لـ، بـ …);
 * - nouns: genitive source («زيارة بوتين إلى …», «الهجوم الروسي على …»), else the subject of the light verb before
 *   it («أجرى X محادثات مع Y»); «بين X و Y» and coordinated joint subjects give pairs; «تم + masdar» is passive;
 * - a masdar with بـ after an accusation is the alleged act of the accused («اتهمت X Y بإرسال قوات»); after a
 *   threat, request, promise or refusal it is not an event of its own.
 * - across sentences: «الجانبان / البلدين …» are the two parties of the article's main dyad so far; a reaction to
 *   «الخطوة / الاتفاق» (welcome, condemn) targets those parties; a coordinated verb without a subject («… وسيبحث
 *   مع Y») shares the subject of the event before it; an event noun with a possessive («زيارته», «خلال لقائه Y»)
 *   belongs to the sentence's subject;
 * - joint nouns take a later «بين X و Y» («التوصل إلى اتفاق لوقف إطلاق النار بين X و Y»); nouns whose genitive is
 *   their object («تزويد روسيا», «استدعاء السفير الفرنسي», «زيارة القاهرة») take the agent of the verb before them;
 *   an event noun in the genitive of a content noun («مقترح الهدنة») is not an event;
 * - a dateline («القاهرة - …») is not a subject; a place may be a target for seizures («السيطرة على مدينة X»).
 * Status, date, location and reported_by come from cues in the same sentence (see status.ts).
 */
import type { Actor, Entity, Event, EventStatus, TimeExpr } from "../record.js";
import { analysisFor, type TextAnalysis, type Token } from "../text/index.js";
import { actorKey, ArticleActors, buildUnits, indexKb, sortUnits, type EventKb, type Unit } from "./actors.js";
import { TokenFacts, W_ATTRIB, W_COMPL, W_DYAD, W_LIGHT, W_OBJ, W_REPORT, W_TRIG, W_WORD } from "./facts.js";
import { prefixAllows, procliticSplits } from "./morph.js";
import { matchesObject, type Lexicon, type TriggerDef } from "./lexicon.js";
import { mergeEvents, type Coded } from "./merge.js";
import { statusOf, isFuture } from "./status.js";
import { SentenceDating } from "./dating.js";

export interface CodeInput {
  body: string;
  published: string | null;
  entities: Entity[];
  times: TimeExpr[];
  /** the body's shared text analysis (tokens, sentences), when the pipeline already has it */
  text?: TextAnalysis | null;
}

export interface CodeOptions {
  kb?: EventKb | null;
  /** keep events of one sentence unmerged (debugging) */
  noMerge?: boolean;
}

/** A trigger found in a sentence. */
export interface Trig {
  i: number;
  def: TriggerDef;
  type: string;
  mode: string | null;
  /** proclitic prefix of the trigger token */
  prefix: string;
  kind: "past" | "present" | "noun";
  /** object tokens consumed by a multi-word sense */
  objEnd: number;
  rule: string;
}

/** A group of coordinated units («الولايات المتحدة وكوريا الجنوبية»). */
interface Group {
  units: Unit[];
  t0: number;
  t1: number;
  prep: string | null;
}

const DEFAULT_VERB_PREPS = new Set([null, "الي", "مع", "علي", "ضد", "ل", "ب", "بين", "ازاء", "تجاه", "حيال"]);
/** prepositions after which a bare nisba adjective still qualifies the verb's object («قلقها إزاء التحركات الروسية») */
const ADJ_OBJECT_PREPS = new Set([null, "ازاء", "تجاه", "حيال", "بشان", "علي", "من"]);
const DEFAULT_NOUN_PREPS = new Set(["الي", "مع", "علي", "ضد", "ل", "بين"]);
const OBJECT_WINDOW = 10;
const TARGET_WINDOW = 10;

export function codeEventsWith(lex: Lexicon, input: CodeInput, opts: CodeOptions = {}): Event[] {
  const { body } = input;
  if (!body) return [];
  const kbi = indexKb(opts.kb ?? null);
  const { tokens, sentences } = analysisFor(body, input.text);
  // per article, once: the facts of every token, and the entities' actors (on demand)
  const art = new ArticleActors(kbi, tokens, body, input.entities, sentences, new TokenFacts(lex, kbi, tokens));
  const events: Coded[] = [];
  let ti = 0;
  const memory: Memory = {
    prev: null, cur: null, prevTopic: null, curTopic: null, dyad: null, dyads: new Map(), dyadsChanged: false, aggressor: null, nextAggressor: null,
  };
  let first = true;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    while (ti < tokens.length && tokens[ti]!.end <= s.start) ti++;
    let tj = ti;
    while (tj < tokens.length && tokens[tj]!.start < s.end) tj++;
    if (first && tj > ti) { ti = skipDateline(tokens, ti, tj); first = false; }
    memory.cur = null;
    const [a, b] = [ti, tj];
    memory.curTopic = () => sentenceTopic(lex, art, a, b, si);
    if (tj > ti) codeSentence(lex, art, input, ti, tj, si, events, memory);
    memory.prev = memory.cur;
    memory.prevTopic = memory.cur ? null : memory.curTopic;
    // the main dyad changes only when a dyad was noted
    if (memory.dyadsChanged) { memory.dyad = mainDyad(memory); memory.dyadsChanged = false; }
    memory.aggressor = memory.nextAggressor;
    memory.nextAggressor = null;
    ti = tj;
  }
  return opts.noMerge ? events.map((c) => c.ev) : mergeEvents(events);
}

const DASHES = new Set(["-", "–", "—"]);
/** Rule: a dateline opening the article («القاهرة - …», «موسكو (رويترز) - …») is not the subject of the first verb. */
function skipDateline(tokens: Token[], lo: number, hi: number): number {
  for (let k = lo + 1; k < Math.min(hi - 1, lo + 7); k++) {
    const n = tokens[k]!.norm;
    if (DASHES.has(n)) return k + 1;
    if (tokens[k]!.kind === "punct" && n !== "(" && n !== ")" && n !== "،" && n !== ",") return lo;
  }
  return lo;
}

function codeSentence(
  lex: Lexicon, art: ArticleActors, input: CodeInput, lo: number, hi: number, si: number, out: Coded[], memory: Memory,
): void {
  const { tokens, facts } = art;
  const span = art.sentences[si]!;
  // cheap pre-check: any trigger in the sentence?
  const trigs = findTriggers(lex, tokens, lo, hi, facts);
  if (!trigs.length) return;
  const units = buildUnits(lex, art, lo, hi, art.entitiesIn(si));
  if (memory.dyad) addDyadAnaphors(tokens, facts, lo, hi, units, memory.dyad);
  const triggers = units.length ? trigs.filter((t) => !inSomeUnit(units, t.i)) : trigs;
  if (!triggers.length) return;
  const groups = groupUnits(tokens, units);
  const clauses = clauseStarts(tokens, lo, hi, facts);
  const reporters = findReporters(facts, lo, hi, groups);
  const sentTimes: TimeExpr[] = [];
  for (const t of input.times) if (t.start >= span.start && t.end <= span.end && t.value) sentTimes.push(t);
  const timeTok = new TimeTokens(tokens, lo, hi, sentTimes);
  // the sentence's dating (subordinate clauses, time positions): built for the first event that needs a date
  let dating: SentenceDating | null = null;
  // verbs of the sentence: its verb triggers and its reporting verbs (token flags)
  const verbTrigs: number[] = [];
  for (const t of triggers) if (t.def.pos === "verb") verbTrigs.push(t.i);
  const verbIdx = new VerbIndex(facts.flags, verbTrigs, lo, hi);
  const reportIdx = new ReportIndex(facts.flags, lo, hi);

  const accuseTargets: { after: number; units: Unit[] }[] = [];
  let sentSubject: Group | null = null;
  const complementHeads: { i: number; type: string }[] = [];
  // one context for the sentence; the trigger's clause and the sentence's subject so far are set per trigger
  const ctx: ArgCtx = { lex, tokens, facts, groups, lo, hi, c0: lo, c1: hi, timeTok, verbIdx, reportIdx, prevSubject: () => previousSubject(memory),
    sentSubject, dyad: memory.dyad, aggressor: memory.aggressor };
  for (const tr of triggers) {
    const c0 = clauseOf(clauses, lo, tr.i), c1 = clauseEnd(clauses, hi, tr.i);
    ctx.c0 = c0; ctx.c1 = c1; ctx.sentSubject = sentSubject;
    let args: Args | null = null;
    let statusOverride: EventStatus | null = null;
    // Rule: بـ + masdar after an accusation is the accused act (alleged); after threats/requests/promises/refusals
    // the masdar is the content of that act, not an event.
    if (tr.def.pos === "noun" && prepLetterIs(tr.prefix, "ب")) {
      const acc = [...accuseTargets].reverse().find((a) => a.after < tr.i);
      const head = [...complementHeads].reverse().find((h) => h.i < tr.i && tr.i - h.i <= 12);
      if (acc && head?.type === "ACCUSE") {
        // the accused act's object: a bare genitive («بتزويد الحوثيين») or a prepositional target («بإرسال قوات إلى X»)
        const tgt = findTarget(ctx, tr, tr.i, null, true);
        args = { sources: acc.units, targets: tgt?.units ?? [], rule: "accused-act", pairs: false };
        statusOverride = "alleged";
      } else if (head && ["THREATEN", "REQUEST", "AGREE", "REJECT", "CONCEDE", "ACCUSE"].includes(head.type)) {
        continue;
      }
    }
    // Rule: لـ + masdar right after another trigger is its purpose («أرسل قوات لمساعدة روسيا»), not a new event.
    if (!args && tr.def.pos === "noun" && prepLetterIs(tr.prefix, "ل") && headWithin(complementHeads, tr.i, 12)) continue;
    // Rule: an event noun in the genitive of a content noun («مقترح الهدنة», «خطة الانسحاب») is not an event; in the
    // genitive of an agreement noun («اتفاق وقف إطلاق النار بين X و Y») it is what the parties agreed
    let headType: string | null = null;
    if (!args && tr.def.pos === "noun" && (tr.prefix === "" || tr.prefix === "ال") && tr.i > lo) {
      const h = contentHead(lex, tokens[tr.i - 1]!.norm);
      if (h === "content") continue;
      if (h === "agreement") headType = "AGREE";
    }
    if (!args) args = tr.def.pos === "verb" ? verbArgs(ctx, tr) : nounArgs(ctx, tr);
    if (args && headType) { args.type = headType; args.mode = null; }
    // a host noun («خلال استقباله X»): the possessor hosts, the genitive visits
    if (args && tr.def.pos === "noun" && tr.def.reverse && args.targets.length && !args.pairs) {
      args = { ...args, sources: args.targets, targets: args.sources, rule: args.rule + "+host" };
    }
    complementHeads.push({ i: tr.i, type: tr.type });
    if (!args) continue;
    if (args.subject && !args.pairs && args.rule !== "accused-act") sentSubject = args.subject;
    if (!memory.cur && args.sources.length && !args.pairs && args.rule !== "accused-act") memory.cur = args.subject ?? null;
    if (tr.type === "ACCUSE" && args.targets.length) {
      const lastT = Math.max(...args.targets.map((u) => u.t1));
      accuseTargets.push({ after: lastT, units: args.targets });
    }
    const type = args.type ?? tr.type;
    let mode = args.mode !== undefined ? args.mode : tr.mode;
    const typeInfo = lex.types[type];
    if (!typeInfo) continue;
    let status = statusOverride ?? statusOf(lex, tokens, tr, lo, hi, c0, facts);
    if (status === null) continue; // negated, not denied
    // the date is chosen knowing the status: a future event takes no past date, a reported one no report date
    const dc = sentTimes.length === 0 ? null
      : (dating ??= new SentenceDating(lex, tokens, facts.flags, lo, hi, sentTimes, triggers))
        .choose(tr, c0, c1, status, input.published, c0 > lo && (facts.flags[c0 - 1]! & W_COMPL) !== 0);
    const date = dc?.value ?? null;
    if (status === "occurred" && date && input.published && isFuture(date, input.published)) status = "expected";
    const loc = findLocation(ctx, tr);
    let pairs = expandPairs(args, tr);
    // Rule: a meeting in one party's country is a visit by the other («التقى X بY في موسكو»)
    if (type === "CONSULT" && mode === null && loc?.country) {
      const visitPairs: [Unit, Unit | null][] = [];
      for (const [s, t] of pairs) {
        if (t && actorKey(t.actor) === loc.country && actorKey(s.actor) !== loc.country) visitPairs.push([s, t]);
        else if (t && actorKey(s.actor) === loc.country && actorKey(t.actor) !== loc.country) visitPairs.push([t, s]);
      }
      if (visitPairs.length === pairs.length && pairs.length) { pairs = visitPairs; mode = "visit"; }
    }
    const location = loc?.id ?? null;
    const score = (mode != null ? typeInfo.modes[mode] : undefined) ?? typeInfo.score;
    for (const [s, t] of pairs) {
      if (!t && typeInfo.target_required) continue;
      if (t && !distinctActors(s.actor, t.actor, s, t)) continue;
      const ev: Event = {
        type, mode, source: { ...s.actor }, target: t ? targetActor(t) : null, date, status,
        location, reported_by: reporterFor(reporters, tr.i),
        evidence: { start: span.start, end: span.end }, score, rule: `${tr.rule}/${args.rule}${dc ? "|date:" + dc.rule : ""}`,
      };
      out.push({ ev, joint: (tr.def.joint || args.pairs) && mode !== "visit", srcType: s.entityType, tgtType: t?.entityType ?? null });
      if (t && status !== "denied") noteDyad(memory, s, t, tr.def.joint || args.pairs, span.start);
      if ((type === "ASSAULT" || type === "COERCE") && (status === "occurred" || status === "alleged")) memory.nextAggressor = s;
    }
  }
}

/** Whether a proclitic chain, without its leading و/ف, starts with `letter` («وب», «بال» for ب). */
function prepLetterIs(prefix: string, letter: string): boolean {
  const c = prefix.charCodeAt(0);
  return prefix.charAt(c === 0x648 || c === 0x641 ? 1 : 0) === letter; // و ف
}

/** Whether a trigger coded before token i lies within `max` tokens before it. */
function headWithin(heads: { i: number }[], i: number, max: number): boolean {
  for (const h of heads) if (h.i < i && i - h.i <= max) return true;
  return false;
}

/** Tokens of the sentence inside one of its resolved time expressions (skippable between a verb and its subject). */
class TimeTokens {
  /** first and last token of each time expression (pairs); empty when the sentence has none */
  private readonly ranges: number[] = [];
  constructor(tokens: Token[], lo: number, hi: number, times: TimeExpr[]) {
    for (const t of times) {
      let k0 = -1, k1 = -1;
      for (let k = lo; k < hi; k++) {
        const tk = tokens[k]!;
        if (tk.start >= t.start && tk.end <= t.end) { if (k0 < 0) k0 = k; k1 = k; }
      }
      // tokens are ordered and do not overlap: the ones inside a span are contiguous
      if (k0 >= 0) this.ranges.push(k0, k1);
    }
  }
  has(k: number): boolean {
    const r = this.ranges;
    for (let j = 0; j < r.length; j += 2) if (k >= r[j]! && k <= r[j + 1]!) return true;
    return false;
  }
}

/** Reporting-verb tokens of the sentence [lo, hi). */
class ReportIndex {
  constructor(private readonly flags: Uint16Array, private readonly lo: number, private readonly hi: number) {}
  has(k: number): boolean {
    return k >= this.lo && k < this.hi && (this.flags[k]! & REPORT_WORD) === REPORT_WORD;
  }
}
const REPORT_WORD = W_WORD | W_REPORT;

/** Verb tokens of the sentence [lo, hi): its verb triggers and its reporting verbs. */
class VerbIndex {
  constructor(
    private readonly flags: Uint16Array, private readonly trigs: number[], private readonly lo: number, private readonly hi: number,
  ) {}
  has(k: number): boolean {
    if (k < this.lo || k >= this.hi) return false;
    if ((this.flags[k]! & REPORT_WORD) === REPORT_WORD) return true;
    for (const i of this.trigs) if (i === k) return true;
    return false;
  }
}

function targetActor(u: Unit): Actor {
  return { ...u.actor };
}

/** Rule: no event between an actor and itself (same entity, or same country and sector). */
function distinctActors(a: Actor, b: Actor, ua: Unit, ub: Unit): boolean {
  if (ua === ub) return false;
  if (a.entity && a.entity === b.entity) return false;
  if (actorKey(a) === actorKey(b) && (a.sector ?? "GOV") === (b.sector ?? "GOV")) return false;
  return true;
}

interface Args {
  sources: Unit[];
  targets: Unit[];
  rule: string;
  /** sources are a joint group with no target: pair them with each other */
  pairs: boolean;
  /** the grammatical subject group (kept for the next sentence's subjectless verbs) */
  subject?: Group | null;
  /** type/mode decided by the arguments (person_sense) */
  type?: string;
  mode?: string | null;
}

function expandPairs(args: Args, tr: Trig): [Unit, Unit | null][] {
  const out: [Unit, Unit | null][] = [];
  if (args.pairs) {
    for (let a = 0; a < args.sources.length; a++)
      for (let b = a + 1; b < args.sources.length; b++) out.push([args.sources[a]!, args.sources[b]!]);
    return out;
  }
  const src = args.sources.filter((u) => !u.place || tr.type === "PROTEST");
  if (!args.targets.length) return src.map((s) => [s, null]);
  for (const s of src) for (const t of args.targets) out.push([s, t]);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// triggers

/** Triggers of the sentence [lo, hi), in order; a sense's object words are consumed (not triggers themselves). */
export function findTriggers(lex: Lexicon, tokens: Token[], lo: number, hi: number, facts: TokenFacts): Trig[] {
  const out: Trig[] = [];
  const flags = facts.flags;
  // a sense consumes the tokens right after its trigger up to its object word: the consumed tokens are those up to
  // the furthest object so far
  let consumedTo = -1;
  for (let i = lo; i < hi; i++) {
    // word tokens of two letters or more that are trigger forms (token flags)
    if ((flags[i]! & TRIG_WORD) !== TRIG_WORD || i <= consumedTo) continue;
    const found = facts.info(i).trig!;
    let { def } = found.hit;
    let kind = found.hit.kind;
    // Rule: a verb form right after a preposition or determiner is a verbal noun («عن نشر القوات»)
    if (kind !== "noun" && !found.prefix && i > lo && lex.cues.notBeforeVerb.has(tokens[i - 1]!.norm)) continue;
    // Rule: a verb form right after a content or agreement noun is its genitive noun («اتفاقية تعاون», «خطة انسحاب»)
    if (kind !== "noun" && !found.prefix && i > lo && tokens[i - 1]!.kind === "word" && contentHead(lex, tokens[i - 1]!.norm)) continue;
    // Rule: a verb form right after a light/aspectual verb is its verbal noun («ستواصل دعم أوكرانيا»): coded as a
    // noun, so it takes the light verb's subject and tense
    if (kind !== "noun" && !found.prefix && i > lo && (flags[i - 1]! & LIGHT_WORD) === LIGHT_WORD) {
      def = asNoun(def);
      kind = "noun";
    }
    let type = def.type, mode = def.mode, rule = def.id, objEnd = i;
    // senses: an object word within the window (multi-word triggers, noun-object constraints)
    for (const sense of def.senses) {
      let hitAt = -1;
      for (let k = i + 1; k < Math.min(hi, i + 1 + OBJECT_WINDOW); k++) {
        if (tokens[k]!.kind === "punct" && tokens[k]!.norm !== "-" && tokens[k]!.norm !== '"') break;
        // only words that are some sense's object (token flags) may be this one's
        if ((flags[k]! & W_OBJ) !== 0 && matchesObject(lex, sense, tokens[k]!.norm)) { hitAt = k; break; }
      }
      if (hitAt >= 0) {
        type = sense.type; mode = sense.mode; rule = `${def.id}+${tokens[hitAt]!.norm}`; objEnd = hitAt;
        if (hitAt > consumedTo) consumedTo = hitAt;
        break;
      }
    }
    if (!type) continue;
    out.push({ i, def, type, mode, prefix: found.prefix, kind, objEnd, rule });
  }
  return out;
}

const TRIG_WORD = W_WORD | W_TRIG;
const LIGHT_WORD = W_WORD | W_LIGHT;

const nounViews = new WeakMap<TriggerDef, TriggerDef>();
/** The verbal-noun reading of a verb trigger (same type and senses, noun argument rules). */
function asNoun(def: TriggerDef): TriggerDef {
  let v = nounViews.get(def);
  if (!v) {
    v = { ...def, pos: "noun", fromVerb: true };
    nounViews.set(def, v);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// structure

function groupUnits(tokens: Token[], units: Unit[]): Group[] {
  const groups: Group[] = [];
  for (const u of units) {
    const g = groups[groups.length - 1];
    // Rule: «X و Y» (و glued or alone) right after X coordinates; «بين X و Y» is one group
    if (g && u.t0 === g.t0 && u.rule === "dyad-anaphor") { g.units.push(u); continue; }
    if (g && !u.adjOnly && !g.units[0]!.adjOnly && (
      (u.conj && u.t0 === g.t1 + 1) || (u.t0 === g.t1 + 2 && tokens[g.t1 + 1]!.norm === "و"))) {
      g.units.push(u); g.t1 = u.t1;
      continue;
    }
    groups.push({ units: [u], t0: u.t0, t1: u.t1, prep: u.prep });
  }
  return groups;
}

function clauseOf(clauses: number[], lo: number, i: number): number {
  let c = lo;
  for (const b of clauses) if (b <= i) c = b;
  return c;
}

function clauseEnd(clauses: number[], hi: number, i: number): number {
  for (const b of clauses) if (b > i) return b;
  return hi;
}

/** Token indexes where a new clause starts (after a complementizer). */
function clauseStarts(tokens: Token[], lo: number, hi: number, facts: TokenFacts): number[] {
  const out: number[] = [];
  const flags = facts.flags;
  for (let i = lo; i < hi; i++) {
    // complementizers and attributions only (token flags)
    const f = flags[i]!;
    if ((f & W_WORD) === 0 || (f & (W_COMPL | W_ATTRIB)) === 0) continue;
    const w = facts.info(i);
    if (w.compl) out.push(i + 1);
    // an attribution («حسبما ذكرت X», «وفقا لـ X») opens a clause of its own; a fronted one («وبحسب X، …») ends at
    // the next comma
    else if (w.attrib) {
      out.push(i);
      for (let k = i + 1; k < hi && k <= i + 12; k++) {
        const n2 = tokens[k]!.norm;
        if (n2 === "،" || n2 === ",") { if (k + 1 < hi) out.push(k + 1); break; }
        if (tokens[k]!.kind === "word" && facts.info(k).trig) break;
      }
    }
  }
  return out;
}

interface ArgCtx {
  lex: Lexicon;
  tokens: Token[];
  groups: Group[];
  lo: number;
  hi: number;
  c0: number;
  c1: number;
  /** the article's token facts */
  facts: TokenFacts;
  timeTok: TimeTokens;
  verbIdx: VerbIndex;
  reportIdx: ReportIndex;
  /** subject of the previous sentence's first event, else its opening subject (computed on demand) */
  prevSubject: () => Group | null;
  /** subject of the last event coded earlier in this sentence */
  sentSubject: Group | null;
  /** the two parties of the last coded dyad before this sentence */
  dyad: [Unit, Unit] | null;
  /** author of the previous sentence's use of force or repression */
  aggressor: Unit | null;
}

/** What the coder remembers across sentences. */
interface Memory {
  prev: Group | null;
  cur: Group | null;
  /** the previous sentence's topic (its opening subject), computed only when asked */
  prevTopic: (() => Group | null) | null;
  curTopic: (() => Group | null) | null;
  /** the two parties of the last coded event with a target (for «الجانبان», «بالخطوة») */
  dyad: [Unit, Unit] | null;
  /** source of the previous sentence's ASSAULT/COERCE event, and the one being built for the next sentence */
  aggressor: Unit | null;
  nextAggressor: Unit | null;
  /** dyads coded so far (unordered country pair): how often, whether mutual, where last */
  dyads: Map<string, { pair: [Unit, Unit]; n: number; joint: boolean; last: number }>;
  /** a dyad was noted since the main dyad was last chosen */
  dyadsChanged: boolean;
}

function noteDyad(memory: Memory, s: Unit, t: Unit, joint: boolean, at: number): void {
  const a = actorKey(s.actor), b = actorKey(t.actor);
  if (!a || !b || a === b) return;
  const k = a < b ? `${a}|${b}` : `${b}|${a}`;
  memory.dyadsChanged = true;
  const d = memory.dyads.get(k);
  if (d) { d.n++; d.joint ||= joint; d.last = at; d.pair = [s, t]; }
  else memory.dyads.set(k, { pair: [s, t], n: 1, joint, last: at });
}

/** Rule: «الجانبان» refers to the article's main dyad so far: most events, then mutual ones, then the latest. */
function mainDyad(memory: Memory): [Unit, Unit] | null {
  let best: { pair: [Unit, Unit]; n: number; joint: boolean; last: number } | null = null;
  for (const d of memory.dyads.values()) {
    if (!best || d.n > best.n || (d.n === best.n && (Number(d.joint) - Number(best.joint) || d.last - best.last) > 0)) best = d;
  }
  return best?.pair ?? null;
}

/** Rule: «الجانبان / الطرفين / البلدان …» name the two parties of the last coded dyad: two units on one token. */
function addDyadAnaphors(tokens: Token[], facts: TokenFacts, lo: number, hi: number, units: Unit[], dyad: [Unit, Unit]): void {
  let added = false;
  const flags = facts.flags;
  for (let k = lo; k < hi; k++) {
    // the anaphors are known words (token flags, see facts.ts)
    if ((flags[k]! & DYAD_WORD) !== DYAD_WORD || inSomeUnit(units, k)) continue;
    const prefix = facts.dyadPrefix(k)!;
    const p = prefix.replace(/^[وف]/, "");
    const prep = p.startsWith("ل") ? "ل" : p.startsWith("ب") ? "ب" : (k > lo && STANDALONE_BEFORE.has(tokens[k - 1]!.norm) ? tokens[k - 1]!.norm : null);
    for (const d of dyad) {
      units.push({ ...d, t0: k, t1: k, actor: { ...d.actor }, prep, conj: /^[وف]/.test(prefix), rule: "dyad-anaphor", place: false, adjOnly: false });
    }
    added = true;
  }
  if (added) sortUnits(units);
}
const STANDALONE_BEFORE = new Set(["الي", "مع", "علي", "ضد", "عن", "في", "بين", "من"]);
const DYAD_WORD = W_WORD | W_DYAD;

function inSomeUnit(units: Unit[], k: number): boolean {
  for (const u of units) if (u.t0 <= k && u.t1 >= k) return true;
  return false;
}

function previousSubject(memory: Memory): Group | null {
  if (memory.prev) return memory.prev;
  if (memory.prevTopic) {
    const t = memory.prevTopic();
    memory.prev = t;
    memory.prevTopic = null;
    return t;
  }
  return null;
}

/** The subject a sentence opens with («ويقوم كيم …»): the first bare actor group within its first 4 tokens. */
function sentenceTopic(
  lex: Lexicon, art: ArticleActors, lo: number, hi: number, si: number,
): Group | null {
  const units = buildUnits(lex, art, lo, hi, art.entitiesIn(si));
  const g = groupUnits(art.tokens, units)[0];
  return g && g.t0 - lo <= 4 && isSubjectCandidate(g) ? g : null;
}

/** Tokens between a and b (exclusive) that are all skippable (adverbs, time words, punctuation-free). */
function gapOk(ctx: ArgCtx, a: number, b: number, max: number): boolean {
  let n = 0;
  for (let k = a + 1; k < b; k++) {
    const t = ctx.tokens[k]!;
    if (ctx.timeTok.has(k) || ctx.lex.cues.skip.has(t.norm)) continue;
    if (t.kind === "punct" && (t.norm === "," || t.norm === "،")) continue;
    n++;
    if (n > max) return false;
  }
  return true;
}

function onlyPunct(ctx: ArgCtx, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (ctx.tokens[k]!.kind !== "punct" && !ctx.lex.cues.skip.has(ctx.tokens[k]!.norm)) return false;
  return b > a + 1;
}

function hasLightVerb(ctx: ArgCtx, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    if (ctx.reportIdx.has(k)) return true;
    if ((ctx.facts.flags[k]! & LIGHT_WORD) === LIGHT_WORD) return true;
  }
  return false;
}

function isCommaLike(n: string | undefined): boolean {
  return n === "،" || n === "," || n === "-" || n === "(";
}


/** Whether every unit of the group is a bare nisba adjective. */
function allAdjOnly(g: Group): boolean {
  for (const u of g.units) if (!u.adjOnly) return false;
  return true;
}

function isSubjectCandidate(g: Group): boolean {
  return g.prep === null && !g.units.every((u) => u.place);
}

/** The subject right after a verb (VSO); a title before the name widens the gap («طالب الأمين العام للأمم المتحدة X»). */
function groupAfter(ctx: ArgCtx, i: number, maxGap: number): Group | null {
  const g = ctx.groups.find((x) => x.t0 > i && x.t1 < ctx.c1);
  if (!g || !isSubjectCandidate(g)) return null;
  if (g.units.every((u) => u.adjOnly)) return null;
  const title = i + 1 < ctx.hi && ctx.tokens[i + 1]!.kind === "word" && ctx.lex.sectorIndex.matchAt(ctx.tokens, i + 1, ctx.hi).length > 0;
  // Rule: an actor after a prepositional phrase («ووعد بمساعدة X») is that phrase's complement, not the subject
  for (let k = i + 1; k < g.t0 && !title; k++) {
    const n = ctx.tokens[k]!.norm;
    if (ctx.timeTok.has(k) || ctx.lex.cues.skip.has(n)) continue;
    if (/^[وف]?[بل]/.test(n) && n.length > 4 && procliticSplits(n).some((sp) => /[بل]$/.test(sp.prefix) && ctx.lex.sectorIndex.matchAt(ctx.tokens, k, ctx.hi).length === 0)) return null;
  }
  return gapOk(ctx, i, g.t0, title ? maxGap + 3 : maxGap) ? g : null;
}

/** The subject before a verb/noun in the same clause (SVO). */
function groupBefore(ctx: ArgCtx, i: number, maxGap: number, crossReporting = false): Group | null {
  // the last subject candidate before i in the clause
  let g: Group | null = null;
  for (let j = ctx.groups.length - 1; j >= 0 && !g; j--) {
    const x = ctx.groups[j]!;
    if (x.t1 < i && x.t0 >= ctx.c0 && isSubjectCandidate(x) && !allAdjOnly(x)) g = x;
  }
  if (!g) return null;
  for (let k = g.t1 + 1; k < i; k++) if (ctx.verbIdx.has(k) && !(crossReporting && ctx.reportIdx.has(k))) return null;
  return gapOk(ctx, g.t1, i, maxGap) ? g : null;
}

/** Subject of the reporting clause for a pronoun complementizer («قالت X إنها …»); with `plain`, also for «أن»
 * opening a clause whose verb has no subject of its own («نفت موسكو أن تكون تلقت …»). */
function pronounSubject(ctx: ArgCtx, tr: Trig, plain = false): Group | null {
  const comp = ctx.c0 - 1;
  if (comp < ctx.lo) return null;
  const cn = ctx.tokens[comp]!.norm;
  if (!ctx.lex.cues.pronounComplementizers.has(cn) && !(plain && ctx.lex.cues.complementizers.has(cn))) return null;
  // the verb must open the complement clause (allowing skippable words)
  if (!gapOk(ctx, comp, tr.i, plain ? 3 : 2)) return null;
  const before = ctx.groups.filter((g) => g.t1 < comp && isSubjectCandidate(g) && !g.units.every((u) => u.adjOnly));
  return before[before.length - 1] ?? null;
}

function allowedPrep(tr: Trig, prep: string | null): boolean {
  if (tr.def.preps) return tr.def.preps.includes(prep as string) || (!tr.def.needPrep && prep === null && tr.def.pos === "verb");
  if (tr.def.needPrep) return false;
  return tr.def.pos === "verb" ? DEFAULT_VERB_PREPS.has(prep) : DEFAULT_NOUN_PREPS.has(prep as string);
}

/** First group after `from` that can be this trigger's target. */
function findTarget(ctx: ArgCtx, tr: Trig, from: number, exclude: Group | null, allowBare = false): Group | null {
  const limit = Math.min(ctx.c1, from + TARGET_WINDOW + 1);
  for (const g of ctx.groups) {
    if (g.t0 <= from || g === exclude) continue;
    // a phrase headed by its preposition («مع القائد العام للإدارة الجديدة X») counts from the preposition
    const head = g.units[0]!.head;
    if ((head !== undefined && head > from ? head : g.t0) >= limit) { if (g.t0 >= limit + 6) break; continue; }
    // Rule: an apposition of the source («وزير الدفاع الروسي، سيرغي شويغو،») is not its target
    if (exclude && g.units.every((u) => actorKey(u.actor) === actorKey(exclude.units[0]!.actor))
      && (onlyPunct(ctx, exclude.t1, g.t0) || isCommaLike(ctx.tokens[exclude.t1 + 1]?.norm))) continue;
    // Rule: the source's own country later in the clause («بتعزيز القدرات الدفاعية لليابان») is not its target
    if (exclude && g.prep !== null && g.units.every((u) => exclude.units.some((x) => actorKey(x.actor) === actorKey(u.actor)
      && (x.actor.sector ?? "GOV") === (u.actor.sector ?? "GOV")))) continue;
    // Rule: «الجانبان» after a subject that is already one of the two parties is not a target
    if (exclude && g.units[0]!.rule === "dyad-anaphor"
      && g.units.some((u) => exclude.units.some((x) => actorKey(x.actor) === actorKey(u.actor)))) continue;
    // stop at another verb or a relative clause between
    for (let k = from + 1; k < g.t0; k++) {
      if (ctx.verbIdx.has(k) && k !== tr.i) return null;
      // a relative clause on the subject («تعهد X، الذي يشارك Y مخاوفه») hides its actors; one on the object
      // («أدانت X الهجوم الذي شنته Y») does not
      if (ctx.lex.cues.relative.has(ctx.tokens[k]!.norm) && exclude && exclude.t1 > tr.i && k > exclude.t1
        && (k === exclude.t1 + 1 || onlyPunct(ctx, exclude.t1, k))) return null;
    }
    // a bare nisba adjective is a verb's target when it qualifies the object right after the verb
    // («أدانت مصر الغارات الإسرائيلية»)
    // a nisba qualifying a seized place («السيطرة على بلدة أوكرانية») is the place's country
    const placeAdj = tr.def.placeTarget && g.t0 - 1 > from
      && procliticSplits(ctx.tokens[g.t0 - 1]!.norm).some((sp) => ctx.lex.cues.placeHeads.has(sp.stem))
      && /^[وف]?علي$/.test(ctx.tokens[g.t0 - 2]?.norm ?? "");
    if (placeAdj) return g;
    // a nisba qualifying the object of the trigger's preposition («هجوم على سفينة إسرائيلية») is the target
    if (g.units.every((u) => u.adjOnly) && g.t0 - 2 > from && ctx.tokens[g.t0 - 1]!.kind === "word"
      && STANDALONE_BEFORE.has(ctx.tokens[g.t0 - 2]!.norm) && ctx.tokens[g.t0 - 2]!.norm !== "في" && ctx.tokens[g.t0 - 2]!.norm !== "من"
      && allowedPrep(tr, ctx.tokens[g.t0 - 2]!.norm) && !ctx.facts.info(g.t0 - 1).trig) {
      return { ...g, prep: ctx.tokens[g.t0 - 2]!.norm };
    }
    if (g.units.every((u) => u.adjOnly)
      && !(tr.def.pos === "verb" && ADJ_OBJECT_PREPS.has(g.prep) && gapOk(ctx, Math.max(from, tr.objEnd), g.t0, 2)
        && !prepPhraseBetween(ctx, Math.max(from, tr.objEnd), g.t0))) continue;
    const isPlace = g.units.every((u) => u.place);
    if (isPlace && tr.mode !== "visit" && !tr.def.placeTarget) continue;
    if (!allowedPrep(tr, g.prep) && !(allowBare && g.prep === null)) {
      if (g.prep === null && tr.def.pos === "verb") return null; // a bare actor that cannot be the target: stop
      continue;
    }
    return g;
  }
  return null;
}

function verbArgs(ctx: ArgCtx, tr: Trig): Args | null {
  let source: Group | null = null;
  let rule = "";
  const after = groupAfter(ctx, tr.i, 2);
  const before = groupBefore(ctx, tr.i, 3);
  const clauseInitial = gapOk(ctx, ctx.c0 - 1, tr.i, 0);
  const pron = pronounSubject(ctx, tr);
  if (pron) { source = pron; rule = "pronoun-subject"; }
  else if (before && !(clauseInitial && after)) { source = before; rule = "SVO"; }
  else if (after) { source = after; rule = "VSO"; }
  else {
    const inh = pronounSubject(ctx, tr, true);
    const coord = !inh && /^[وف]/.test(tr.prefix) ? coordinatedSubject(ctx, tr) : null;
    if (inh) { source = inh; rule = "inherited-subject"; }
    else if (coord) { source = coord; rule = "coordinated-subject"; }
    else if (ctx.c0 === ctx.lo && tr.i - ctx.lo <= 6 && !before
      && !ctx.groups.some((g) => g.t1 < tr.i && g.prep === null)
      && ctx.groups.some((g) => g.t0 === tr.i + 1 && g.prep !== null && g.prep !== "attrib")) {
      // Rule: a subjectless verb opening a sentence, with a prepositional object right after it, continues the
      // previous sentence's subject («وصل كيم إلى موسكو. والتقى ببوتين …»)
      const prev = ctx.prevSubject();
      if (prev) { source = prev; rule = "previous-subject"; }
    }
  }
  if (!source) return null;
  const from = source.t1 > tr.i ? source.t1 : tr.i;
  const target = findTarget(ctx, tr, from, source);
  let sources = source.units, targets = target?.units ?? [];
  if (!target && (tr.type === "SUPPORT" || tr.type === "ACCUSE") && tr.rule === tr.def.id) {
    const ana = eventAnaphorTargets(ctx, tr, source);
    const abuse = !ana.length && tr.type === "ACCUSE" ? abuseAnaphorTargets(ctx, tr, source) : [];
    if (ana.length) { targets = ana; rule += "+event-anaphor"; }
    else if (abuse.length) { targets = abuse; rule += "+abuse-anaphor"; }
  }
  let type: string | undefined, mode: string | null | undefined;
  const ps = tr.def.personSense;
  if (ps && targets.length && targets.every((u) => u.entityType === "person")) {
    // «رحب بوتين بكيم»: welcoming a person is receiving a visit
    type = ps.type; mode = ps.mode;
    if (ps.reverse) { [sources, targets] = [targets, sources]; rule += "+host"; }
  } else if (tr.def.reverse && targets.length) { [sources, targets] = [targets, sources]; rule += "+host"; }
  const pairs = tr.def.joint && !targets.length && sources.length > 1;
  return { sources, targets, rule: rule + (target ? "+" + (target.prep ?? "obj") : ""), pairs, type, mode, subject: source };
}

/**
 * Rule: a verb coordinated with و/ف and without a subject of its own («وقال X إنه سيعرض … وسيبحث مع Y») shares the
 * subject of the event before it in the sentence, else of the pronoun complementizer that opens its clause; no
 * other bare actor may stand between.
 */
function coordinatedSubject(ctx: ArgCtx, tr: Trig): Group | null {
  let subj = ctx.sentSubject && ctx.sentSubject.t1 < tr.i ? ctx.sentSubject : null;
  if (!subj) {
    const comp = ctx.c0 - 1;
    if (comp >= ctx.lo && ctx.lex.cues.pronounComplementizers.has(ctx.tokens[comp]!.norm)) {
      const before = ctx.groups.filter((g) => g.t1 < comp && isSubjectCandidate(g) && !g.units.every((u) => u.adjOnly));
      subj = before[before.length - 1] ?? null;
    }
  }
  if (!subj) return null;
  const s = subj;
  if (ctx.groups.some((g) => g.t0 > s.t1 && g.t1 < tr.i && g.prep === null && !g.units.every((u) => u.adjOnly || u.place))) return null;
  return s;
}

/** Rule: a reaction to «الخطوة / الاتفاق / الإعلان» right after the verb (bare or with بـ/لـ) targets the parties of
 * the last coded dyad (minus the reacting actor). */
function eventAnaphorTargets(ctx: ArgCtx, tr: Trig, source: Group): Unit[] {
  if (!ctx.dyad) return [];
  const start = source.t1 > tr.i ? source.t1 + 1 : tr.i + 1;
  for (let k = start; k < Math.min(ctx.c1, start + 3); k++) {
    const t = ctx.tokens[k]!;
    if (t.kind !== "word") return [];
    if (ctx.timeTok.has(k) || ctx.lex.cues.skip.has(t.norm)) continue;
    // only a definite noun refers back («بالخطوة», «الاتفاق»); «اتفاقية تعاون» is a new object
    const hit = procliticSplits(t.norm).some((sp) => /^[وف]?[بل]?$/.test(sp.prefix) && sp.stem.startsWith("ال") && ctx.lex.cues.eventAnaphors.has(sp.stem))
      || (/^[وف]?لل/.test(t.norm) && ctx.lex.cues.eventAnaphors.has("ال" + t.norm.replace(/^[وف]?لل/, "")));
    if (hit) {
      const src = new Set(source.units.map((u) => actorKey(u.actor)));
      return ctx.dyad.filter((u) => !src.has(actorKey(u.actor)));
    }
    return [];
  }
  return [];
}

/** Rule: a condemnation of «الانتهاكات / الهجوم / الجرائم» with no actor of its own, right after a sentence whose event
 * was a use of force or repression, targets that event's author («سيطرت X على المدينة. وأدانت الأمم المتحدة
 * انتهاكات بحق المدنيين»). */
function abuseAnaphorTargets(ctx: ArgCtx, tr: Trig, source: Group): Unit[] {
  if (!ctx.aggressor) return [];
  const start = source.t1 > tr.i ? source.t1 + 1 : tr.i + 1;
  for (let k = start; k < Math.min(ctx.c1, start + 4); k++) {
    const t = ctx.tokens[k]!;
    if (t.kind !== "word") return [];
    if (ctx.groups.some((g) => g.t0 <= k && g.t1 >= k)) return [];
    if (procliticSplits(t.norm).some((sp) => ctx.lex.cues.abuseNouns.has(sp.stem) || ctx.lex.cues.abuseNouns.has("ال" + sp.stem))) {
      return source.units.some((u) => actorKey(u.actor) === actorKey(ctx.aggressor!.actor) && u.actor.sector === ctx.aggressor!.actor.sector) ? [] : [ctx.aggressor];
    }
  }
  return [];
}

/** Rule: an event noun with a possessive pronoun («زيارته», «زيارة … له إلى X») belongs to the subject of the event
 * before it in the sentence. */
function possessiveSubject(ctx: ArgCtx, tr: Trig): Group | null {
  const n = ctx.tokens[tr.i]!.norm;
  let poss = /(ه|ها|هما|هم)$/.test(n) && procliticSplits(n).some((sp) => {
    const m = sp.stem.match(/^(.+?)(ه|ها|هما|هم)$/);
    // «زيارته» → زيارة, «لقائه» (normalized «لقايه») → لقاء
    return !!m && [m[1]!, m[1]!.replace(/ت$/, "ة"), m[1]!.replace(/ي$/, ""), m[1]!.replace(/ي$/, "ء")].some((b) => ctx.lex.index.get(b)?.some((h) => h.kind === "noun"));
  });
  for (let k = tr.i + 1; !poss && k < Math.min(ctx.hi, tr.i + 4); k++) if (/^(له|لها|لهما|لهم)$/.test(ctx.tokens[k]!.norm)) poss = true;
  if (!poss) return null;
  if (ctx.sentSubject && ctx.sentSubject.t1 < tr.i) return ctx.sentSubject;
  // else the subject of the reporting verb before it («وأكد X خلال لقائه Y …»)
  const b = groupBefore(ctx, tr.i, 6, true);
  return b && hasLightVerb(ctx, Math.max(ctx.lo, b.t0 - 2), b.t0) ? b : null;
}

/** Rule: a joint noun whose parties follow later in the clause («التوصل إلى اتفاق لوقف إطلاق النار بين X و Y»), with
 * no verb or other actor between. */
function laterBetween(ctx: ArgCtx, tr: Trig): Group | null {
  if (!tr.def.joint) return null;
  for (const g of ctx.groups) {
    if (g.t0 <= tr.i) continue;
    if (g.t0 > tr.i + 16 || g.t1 >= ctx.c1) return null;
    if (g.prep !== "بين") { if (!g.units.every((u) => u.place || u.adjOnly)) return null; continue; }
    for (let k = tr.i + 1; k < g.t0; k++) if (ctx.verbIdx.has(k) && !nounReadable(ctx.lex, ctx.tokens[k]!.norm)) return null;
    return g.units.length > 1 ? g : null;
  }
  return null;
}

/** Rule: a third-party head between a verb and a bare nisba («بوساطة إماراتية», «برعاية صينية», «بمشاركة
 * أمريكية») makes the nisba that third party, not the verb's object. */
function prepPhraseBetween(ctx: ArgCtx, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) {
    if (procliticSplits(ctx.tokens[k]!.norm).some((sp) => ctx.lex.cues.thirdParty.has(sp.stem))) return true;
  }
  return false;
}

function contentHead(lex: Lexicon, norm: string): "content" | "agreement" | null {
  for (const sp of procliticSplits(norm)) {
    if (lex.cues.contentHeads.has(sp.stem)) return "content";
    if (lex.cues.agreementHeads.has(sp.stem)) return "agreement";
  }
  return null;
}

/** Whether a written form (with proclitics) can also be read as an event noun («وتبادل الأسرى»). */
function nounReadable(lex: Lexicon, norm: string): boolean {
  return procliticSplits(norm).some((sp) => lex.index.get(sp.stem)?.some((h) => h.kind === "noun" && prefixAllows(sp.prefix, "noun")));
}

function nounArgs(ctx: ArgCtx, tr: Trig): Args | null {
  const { tokens } = ctx;
  const pv = tr.i - 1 >= ctx.lo ? tokens[tr.i - 1]!.norm : "";
  const passive = ctx.lex.cues.passive.has(pv) || (/^[وف]/.test(pv) && ctx.lex.cues.passive.has(pv.slice(1)));
  // genitive: actor right after the noun (or after its sense object), or a nisba adjective after it
  const gen = ctx.groups.find((g) => g.t0 > tr.i && g.t1 < ctx.c1);
  const genOk = gen && gen.prep === null && gapOk(ctx, Math.max(tr.i, tr.objEnd), gen.t0, 1) && !gen.units.every((u) => u.place && tr.mode !== "visit");
  if (passive) {
    // «تم توقيع اتفاقية بين X و Y»
    const pb = tr.def.joint ? ctx.groups.find((g) => g.t0 > tr.i && g.t0 <= Math.max(tr.i, tr.objEnd) + 4 && g.prep === "بين" && g.t1 < ctx.c1) : null;
    if (pb && pb.units.length > 1) return { sources: pb.units, targets: [], rule: "passive-between", pairs: true };
    // «تم اعتقال X من قبل Y»
    if (!genOk || !gen) return null;
    const agent = ctx.groups.find((g) => g.t0 > gen.t1 && g.t1 < ctx.c1 && g.prep === "من قبل");
    if (!agent) return null;
    return { sources: agent.units, targets: gen.units, rule: "passive", pairs: false };
  }
  // «قمة بين X و Y»
  const betw = ctx.groups.find((g) => g.t0 > tr.i && g.t0 <= tr.i + 3 && g.prep === "بين" && g.t1 < ctx.c1);
  if (betw && tr.def.joint && betw.units.length > 1) return { sources: betw.units, targets: [], rule: "between", pairs: true };
  const later = laterBetween(ctx, tr);
  if (later) return { sources: later.units, targets: [], rule: "later-between", pairs: true };
  let source: Group | null = null, rule = "";
  // «ستواصل X دعم Y»: the masdar of a transitive verb after a light verb takes the light verb's subject as agent,
  // and its genitive is the object
  // Rule: a noun whose genitive is its object («تزويد روسيا بصواريخ», «استدعاء السفير الفرنسي», «زيارة القاهرة»,
  // «لقائه الرئيس X») takes its agent from the verb before it (light, reporting or aspectual verb) or its possessor
  const poss = possessiveSubject(ctx, tr);
  const placeGen = tr.mode === "visit" && !!gen && gen.units.every((u) => u.entityType === "place" || u.entityType === "country" || u.rule === "kb-metonym");
  if (tr.def.fromVerb || tr.def.genObject || placeGen || poss) {
    const b = poss ?? groupBefore(ctx, tr.i, 6, true);
    if (b && b.t1 < tr.i && (poss || hasLightVerb(ctx, Math.max(ctx.lo, b.t0 - 2), tr.i))) {
      const tgt = genOk && gen ? gen : findTarget(ctx, tr, Math.max(tr.i, tr.objEnd), b);
      return { sources: b.units, targets: tgt?.units ?? [], rule: (poss ? "possessive" : "light-verb-masdar") + (tgt ? "+" + (tgt.prep ?? "obj") : ""), pairs: false };
    }
  }
  // «زيارة مرتقبة للرئيس X إلى Y»: for a visit noun, لـ + actor followed by إلى + destination is the visitor
  if (!genOk && gen && gen.prep === "ل" && tr.mode === "visit" && gapOk(ctx, tr.i, gen.t0, 1)) {
    const dest = findTarget(ctx, tr, gen.t1, gen);
    if (dest && dest.prep === "الي") return { sources: gen.units, targets: dest.units, rule: "visitor-li+الي", pairs: false };
  }
  if (genOk && gen && tr.def.genObject) return null; // the genitive is the object and no agent was found
  if (genOk && gen) { source = gen; rule = gen.units.every((u) => u.adjOnly) ? "nisba-adjective" : "genitive"; }
  else {
    const b = groupBefore(ctx, tr.i, 4, true);
    // Rule: the subject before an event noun is its agent only through a light verb («شنت X هجوما», «أجرى X
    // محادثات», «قال X في اتصال»), not when the noun is the object of another verb («أدانت X الهجوم»)
    if (b && hasLightVerb(ctx, Math.max(ctx.lo, b.t0 - 2), tr.i)) { source = b; rule = "light-verb-subject"; }
    else {
      const pron = pronounSubject(ctx, tr);
      if (pron) { source = pron; rule = "pronoun-subject"; }
    }
  }
  if (!source) return null;
  const from = Math.max(source.t1 > tr.i ? source.t1 : tr.i, tr.objEnd);
  const target = findTarget(ctx, tr, from, source);
  const pairs = tr.def.joint && !target && source.units.length > 1;
  return { sources: source.units, targets: target?.units ?? [], rule: rule + (target ? "+" + (target.prep ?? "obj") : ""), pairs };
}

function findLocation(ctx: ArgCtx, tr: Trig): { id: string; country: string | null } | null {
  let best: { d: number; id: string; country: string | null } | null = null;
  for (const g of ctx.groups) {
    if (g.prep !== "في" || g.t0 < ctx.c0 || g.t1 >= ctx.c1) continue;
    const u = g.units[0]!;
    if (!u.entityId || !(u.entityType === "place" || u.entityType === "country" || u.entityType === "facility")) continue;
    const d = Math.abs(g.t0 - tr.i);
    if (d <= 15 && (!best || d < best.d)) best = { d, id: u.entityId, country: u.actor.country };
  }
  return best ? { id: best.id, country: best.country } : null;
}

/** reported_by candidates: «قالت وكالة X», «ذكرت X», «وفقا لـ X», «بحسب X», «حسبما ذكرت X», «نقلا عن X». */
interface Reporter { k: number; id: string; attrib: boolean }

function findReporters(facts: TokenFacts, lo: number, hi: number, groups: Group[]): Reporter[] {
  const out: Reporter[] = [];
  const flags = facts.flags;
  for (let i = lo; i < hi; i++) {
    // attributions and reporting verbs only (token flags)
    const f = flags[i]!;
    if ((f & W_WORD) === 0 || (f & (W_ATTRIB | W_REPORT)) === 0) continue;
    const w = facts.info(i);
    let g: Group | undefined;
    const reach = i + (w.attrib ? 3 : 2);
    for (const x of groups) if (x.t0 > i && x.t0 <= reach) { g = x; break; }
    if (g) {
      const u = g.units[0]!;
      if (u.entityId && !u.place) out.push({ k: i, id: u.entityId, attrib: w.attrib });
    }
  }
  return out;
}

/** Rule: an attribution anywhere in the sentence, or a reporting verb BEFORE the event («قالت X إن …»); a verb after
 * it («…، وهو ما نفته طهران») is a reaction, not the source of the report. */
function reporterFor(reporters: Reporter[], i: number): string | null {
  for (const r of reporters) if (r.attrib) return r.id;
  let best: Reporter | null = null;
  for (const r of reporters) if (r.k < i) best = r;
  return best?.id ?? null;
}

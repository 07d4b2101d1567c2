/**
 * Which time expression of a sentence dates an event. The chosen rule is named in the event's `rule`
 * («…|date:own-clause»); a time no rule allows leaves the date null (a wrong date is worse than none: reports of one
 * event are joined across articles by date).
 *
 * Candidates, nearest first (token distance to the trigger phrase), each under one named rule:
 * - `own-clause`: a time in the trigger's clause (after a complementizer, the clause it opens);
 * - `when-anchor`: the time right before «عندما / حين» dates the event of that clause («منذ عام 2000، عندما التقى …»);
 * - `relative-of-trigger`: a relative clause on the event noun itself dates it («الهجوم الذي وقع يوم الأحد»);
 * - `when-clause`: an event in a «عندما» clause shares the time of the clause around it;
 * - `shared-coordination` / `shared-container`: a time reaches the event across a coordinated verb («في سبتمبر، رحب
 *   … ووعد …», «زار X موسكو والتقى بوتين يوم الأحد») or an event noun it contains («التقى X خلال زيارته الأحد»);
 * - `complement-shared`: a time after the event's complement noun dates the event too («وقعت X اتفاقية للتعاون يوم
 *   الأحد»), unless tense forbids it (below);
 * - `report-date` (fallback): the time of the reporting clause («قالت الوكالة الثلاثاء إن X التقى Y»), only for
 *   an event told as real and not on the publication day; `fronted-time`: likewise a time of an earlier clause.
 * Times that are not the event's:
 * - `since-background`: «منذ» + time is the start of a state, not the date of an event («منذ عام 2014»);
 * - `subclause-time`: a time inside a relative, «بعد أن / قبل أن / منذ أن» or «بينما / في حين» clause belongs to
 *   that clause («التقى X، الذي زار موسكو في مارس، بـ Y»), and an event inside such a clause does not take the times
 *   outside it;
 * - `anterior-event`: an event noun after «بعد / قبل / عقب / إثر» happened at another time than the clause around
 *   it: a time after it is its own, a time before it is not («التقى X بـ Y الأحد بعد زيارته إلى Z»);
 * - `background-marker`: a time after an event noun marked as earlier («خلال زيارته السابقة في مارس») is that
 *   earlier event's;
 * - `complement-noun`: an event noun that is the complement of another event does not take the time fronted before
 *   that event («اتفقا الأحد على عقد قمة», «أدانت X الأحد الهجوم»);
 * - `other-verb`: a time after another verb (not coordinated with the event) is that verb's;
 * - `tense-mismatch`: an expected or possible event does not take a date that ended before publication («العام
 *   الماضي» is background), and a past-tense verb not one after it («اتفقا على عقد قمة الشهر المقبل»);
 * - `later-clause`: a time in a later clause is that clause's; `distant-time`: a time more than MAX_TRAIL tokens
 *   after the trigger is too far to attach.
 */
import type { EventStatus, TimeExpr } from "../record.js";
import type { Token } from "../text/index.js";
import type { Lexicon, Phrase } from "./lexicon.js";
import { W_CLAUSE, W_LIGHT, W_REPORT, W_WORD } from "./facts.js";
import { endsBefore, isFuture } from "./status.js";

/** What the dating rules read of a trigger (code.ts `Trig`). */
export interface DatedTrig {
  i: number;
  objEnd: number;
  prefix: string;
  kind: "past" | "present" | "noun";
  /** `reverse`: a host verb or noun («استضاف», «استقبل») */
  def: { reverse: boolean };
}

export type DateRule =
  | "own-clause" | "when-anchor" | "relative-of-trigger" | "when-clause" | "shared-coordination" | "shared-container"
  | "complement-shared" | "report-date" | "fronted-time";

export interface DateChoice {
  value: string;
  rule: DateRule;
}

type RegionKind = "relative" | "anterior" | "when" | "contrast";
/** A subordinate clause: from its opener (relative pronoun, «بعد أن», «عندما», …) to the next break. */
interface Region {
  s0: number;
  s1: number;
  kind: RegionKind;
}

/** a time after the trigger phrase farther than this (tokens) is not attached to it */
const MAX_TRAIL = 25;
/** penalties (in tokens of distance) of the weaker attachments */
const P_SHARED = 4, P_COMPLEMENT = 8, P_WHEN_CLAUSE = 10, P_OTHER_CLAUSE = 20;
/** punctuation that ends a subordinate clause */
const BREAKS = new Set(["،", ",", "؛", ";", ":", "(", ")", "-", "–", "—", "\"", "«", "»", ".", "!", "؟", "?"]);

/** A word, or the word without a leading و/ف, when it is in the set. */
function inSet(set: Set<string>, n: string): boolean {
  if (set.has(n)) return true;
  const c = n.charCodeAt(0);
  return n.length > 2 && (c === 0x648 || c === 0x641) && set.has(n.slice(1)); // و ف
}

function phraseAt(tokens: Token[], k: number, hi: number, p: Phrase): boolean {
  if (k + p.length > hi) return false;
  for (let j = 0; j < p.length; j++) {
    const n = tokens[k + j]!.norm;
    if (n !== p[j] && !(j === 0 && n.length > 2 && (n[0] === "و" || n[0] === "ف") && n.slice(1) === p[0])) return false;
  }
  return true;
}

/** The dating of one sentence's events: its valued times and subordinate clauses, computed once. */
export class SentenceDating {
  private readonly k0: number[] = [];
  private readonly k1: number[] = [];
  private readonly values: string[] = [];
  private readonly since: boolean[] = [];
  private readonly timeRegion: (Region | null)[] = [];
  private readonly regions: Region[] = [];

  constructor(
    private readonly lex: Lexicon,
    private readonly tokens: Token[],
    private readonly flags: Uint16Array,
    private readonly lo: number,
    private readonly hi: number,
    times: TimeExpr[],
    /** the sentence's triggers, in order */
    private readonly trigs: readonly DatedTrig[],
  ) {
    const dc = lex.cues.date;
    this.findRegions();
    let k = lo;
    for (const t of times) {
      if (!t.value) continue;
      // times are in text order: the scan goes on from the previous one's first token
      if (k > lo && tokens[k - 1]!.end > t.start) k = lo;
      while (k < hi && tokens[k]!.end <= t.start) k++;
      if (k >= hi) continue;
      let e = k;
      while (e + 1 < hi && tokens[e + 1]!.start < t.end) e++;
      this.k0.push(k);
      this.k1.push(e);
      this.values.push(t.value);
      this.since.push((k > lo && inSet(dc.since, tokens[k - 1]!.norm)) || tokens[k]!.norm === "منذ");
      this.timeRegion.push(this.regionAt(k));
    }
  }

  /** Rule: subordinate clauses open at a relative pronoun, «بعد أن / قبل أن / منذ أن», «عندما / حين», «بينما / في
   * حين», and end at the next punctuation break or the next opener. */
  private findRegions(): void {
    const { tokens, lo, hi } = this;
    const dc = this.lex.cues.date;
    const flags = this.flags;
    let open: Region | null = null;
    for (let k = lo; k < hi; k++) {
      // token flags: most words open no clause (W_CLAUSE), only punctuation ends one
      const f = flags[k]!;
      if ((f & W_WORD) === 0) {
        if (open && BREAKS.has(tokens[k]!.norm)) { open.s1 = k; open = null; }
        continue;
      }
      if ((f & W_CLAUSE) === 0) continue;
      const n = tokens[k]!.norm;
      let kind: RegionKind | null = null;
      let len = 1;
      for (const p of dc.contrast) if (phraseAt(tokens, k, hi, p)) { kind = "contrast"; len = p.length; break; }
      if (!kind) {
        if (inSet(this.lex.cues.relative, n)) kind = "relative";
        else if (inSet(dc.when, n)) kind = "when";
        else if (inSet(dc.anterior, n) && k + 1 < hi && tokens[k + 1]!.norm === "ان") { kind = "anterior"; len = 2; }
      }
      if (!kind) continue;
      if (open) open.s1 = k;
      open = { s0: k, s1: hi, kind };
      this.regions.push(open);
      k += len - 1;
    }
  }

  private regionAt(k: number): Region | null {
    for (const r of this.regions) if (r.s0 <= k && k < r.s1) return r;
    return null;
  }

  /** An event noun after «بعد / قبل / عقب / إثر» («بعد زيارته»): another event at another time. */
  private anteriorNoun(t: DatedTrig): boolean {
    return t.kind === "noun" && t.i > this.lo && inSet(this.lex.cues.date.anterior, this.tokens[t.i - 1]!.norm);
  }

  /** An event noun marked as earlier («زيارته السابقة»). */
  private backgroundNoun(t: DatedTrig): boolean {
    if (t.kind !== "noun") return false;
    const bg = this.lex.cues.date.background;
    const e = Math.max(t.i, t.objEnd);
    for (let k = e + 1; k < Math.min(this.hi, e + 3); k++) if (bg.has(this.tokens[k]!.norm)) return true;
    return false;
  }

  /** How a trigger is tied to the event before it: a coordinated verb, or an event noun after a container word
   * («خلال زيارته») shares its time; anything else is its complement or a new event. */
  private link(t: DatedTrig): "coordination" | "container" | null {
    if (t.kind !== "noun") return /^[وف]/.test(t.prefix) ? "coordination" : null;
    if (t.i > this.lo && inSet(this.lex.cues.date.containers, this.tokens[t.i - 1]!.norm) && !this.backgroundNoun(t)) return "container";
    // the noun of a coordinated light verb («… وأجرى محادثات مع …»)
    for (let k = t.i - 1; k >= Math.max(this.lo, t.i - 2); k--) {
      if ((this.flags[k]! & LIGHT_WORD) === LIGHT_WORD) return /^[وف]/.test(this.tokens[k]!.norm) ? "coordination" : null;
    }
    return null;
  }

  /**
   * The date of the event of trigger `tr` in clause [c0, c1), told with `status`; `complBefore`: the clause is opened
   * by a complementizer (a time before it belongs to the reporting clause).
   */
  choose(tr: DatedTrig, c0: number, c1: number, status: EventStatus, published: string | null, complBefore: boolean): DateChoice | null {
    const n = this.values.length;
    if (n === 0) return null;
    const { tokens } = this;
    const unreal = status === "expected" || status === "possible";
    const rT = this.regionAt(tr.i);
    const e = Math.max(tr.i, tr.objEnd);
    let best: DateChoice | null = null, bestScore = Infinity;
    for (let x = 0; x < n; x++) {
      const k0 = this.k0[x]!, k1 = this.k1[x]!, v = this.values[x]!;
      const rt = this.timeRegion[x]!;
      let rule: DateRule | null = null;
      let penalty = 0;
      if (rT && rT.kind === "when" && rt !== rT && (k1 + 1 === rT.s0 || (k1 + 2 === rT.s0 && isComma(tokens[k1 + 1]!)))) {
        // Rule when-anchor: «في عام 2000، عندما التقى …», also after «منذ»
        const d = tr.i - k1;
        if (d - 100 < bestScore && this.tenseOk(tr, v, unreal, published)) { bestScore = d - 100; best = { value: v, rule: "when-anchor" }; }
        continue;
      }
      // Rule since-background
      if (this.since[x]) continue;
      if (rt !== rT) {
        if (rt) {
          // Rule subclause-time, except a relative clause on the event noun itself (relative-of-trigger)
          if (!(rt.kind === "relative" && this.relativeOn(tr, e, rt))) continue;
          rule = "relative-of-trigger";
          penalty += P_SHARED;
        } else {
          // the event is inside a subordinate clause: only a «عندما» clause shares the time around it
          if (rT!.kind !== "when") continue;
          rule = "when-clause";
          penalty += P_WHEN_CLAUSE;
        }
      }
      const after = k0 > tr.i;
      if (!(k0 >= c0 && k0 < c1)) {
        // Rule later-clause
        if (after) continue;
        // Rule report-date / fronted-time: a fallback for events told as real, never the publication day
        if (unreal || (published && v === published)) continue;
        rule ??= complBefore ? "report-date" : "fronted-time";
        penalty += P_OTHER_CLAUSE;
      }
      let d: number;
      if (!after) {
        // Rule anterior-event: «… الأحد بعد زيارته»: the time before is not the visit's
        if (this.anteriorNoun(tr)) continue;
        const link = this.pathBefore(k1, tr, c0);
        if (link === false) continue; // complement-noun
        if (link) { rule ??= link === "coordination" ? "shared-coordination" : "shared-container"; penalty += P_SHARED; }
        d = tr.i - k1;
      } else {
        // a time inside the trigger phrase («وقع X يوم الأحد اتفاقية …») is at distance 0
        d = k0 > e ? k0 - e : 0;
        // Rule distant-time
        if (d > MAX_TRAIL) continue;
        const link = this.pathAfter(e, k0);
        if (link === false) continue; // anterior-event, background-marker, other-verb
        if (link === "complement") { rule ??= "complement-shared"; penalty += P_COMPLEMENT; }
        else if (link) { rule ??= link === "coordination" ? "shared-coordination" : "shared-container"; penalty += P_SHARED; }
      }
      const score = d + penalty;
      if (score < bestScore && this.tenseOk(tr, v, unreal, published)) { bestScore = score; best = { value: v, rule: rule ?? "own-clause" }; }
    }
    return best;
  }

  /** Rule tense-mismatch: a future event does not take a past date (a background fact, «العام الماضي»); a past-tense
   * verb does not take a date after publication (it belongs to its complement: «اتفقا على عقد قمة الشهر المقبل»). */
  private tenseOk(tr: DatedTrig, v: string, unreal: boolean, published: string | null): boolean {
    if (!published) return true;
    if (unreal) return !endsBefore(v, published);
    return tr.kind !== "past" || !isFuture(v, published);
  }

  /** Rule relative-of-trigger: the relative pronoun follows the event noun (its adjectives and a prepositional phrase: 5 tokens at most), no verb between. */
  private relativeOn(tr: DatedTrig, e: number, r: Region): boolean {
    if (tr.kind !== "noun" || r.s0 <= e || r.s0 - e > 5) return false;
    for (let k = e + 1; k < r.s0; k++) {
      const t = this.tokens[k]!;
      if (t.kind !== "word" && !isComma(t)) return false;
      if (this.isVerbAt(k)) return false;
    }
    return true;
  }

  /**
   * A time before the trigger reaches it when the trigger is tied to the event around it (a coordinated verb, a noun
   * after a container word or a coordinated light verb), or when no other event claims the time: a trigger between
   * them (except an event noun it contains: «وخلال زيارتها في يناير دعت X …»), or, for an event noun, a verb of its
   * clause before the time (Rule complement-noun: «اتفقا يوم الخميس على عقد قمة», «أدانت X الأحد الهجوم»). A host
   * verb shares its time with what it hosts («استضافت القاهرة أمس جولة من المحادثات»).
   */
  private pathBefore(k1: number, tr: DatedTrig, c0: number): "coordination" | "container" | null | false {
    const l = this.link(tr);
    if (l) return l;
    let claim = false, host = false, contained = false;
    for (const j of this.trigs) {
      if (j.i >= tr.i) break;
      if (j.i > k1) {
        if (j.def.reverse && j.kind !== "noun") host = true;
        else if (this.link(j) === "container") contained = true;
        else claim = true;
      } else if (j.i >= c0 && j.kind !== "noun" && tr.kind === "noun") {
        if (j.def.reverse) host = true;
        else claim = true;
      }
    }
    if (host) return "container";
    if (claim) return false;
    return contained ? "container" : null;
  }

  /** A time after the trigger reaches it across coordinated verbs and contained nouns, and (weaker) complement
   * nouns; not across another verb, an anterior or background-marked event noun, or a reporting verb. */
  private pathAfter(e: number, k0: number): "coordination" | "container" | "complement" | null | false {
    let kind: "coordination" | "container" | "complement" | null = null;
    for (const j of this.trigs) {
      if (j.i <= e) continue;
      if (j.i >= k0) break;
      if (this.anteriorNoun(j) || this.backgroundNoun(j)) return false;
      const l = this.link(j);
      if (l) { if (kind !== "complement") kind ??= l; continue; }
      if (j.kind !== "noun") return false; // another verb
      kind = "complement";
    }
    const flags = this.flags;
    for (let k = e + 1; k < k0; k++) if ((flags[k]! & REPORT_WORD) === REPORT_WORD) return false;
    return kind;
  }

  private isVerbAt(k: number): boolean {
    if ((this.flags[k]! & REPORT_WORD) === REPORT_WORD) return true;
    for (const j of this.trigs) if (j.i === k) return j.kind !== "noun";
    return false;
  }
}
const REPORT_WORD = W_WORD | W_REPORT;
const LIGHT_WORD = W_WORD | W_LIGHT;

function isComma(t: Token): boolean {
  return t.norm === "،" || t.norm === ",";
}

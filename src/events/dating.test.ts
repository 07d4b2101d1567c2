/** Which time expression dates an event (dating.ts): one case per rule, with negative cases (sentences written for
 * these tests; times are given with their resolved values, the publication date is Friday 2024-06-14). */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Event, TimeExpr } from "../record.js";
import { codeEvents } from "./index.js";
import { A, KB, ents, time, type EntSpec } from "./testkit.js";

const PUB = "2024-06-14";

function code(body: string, specs: EntSpec[], times: [string, string][] = [], published: string | null = PUB): Event[] {
  const ts: TimeExpr[] = times.map(([text, value]) => time(body, text, value));
  return codeEvents({ body, published, entities: ents(body, specs), times: ts }, { kb: KB });
}

const key = (a: Event["source"] | null) => (a ? (a.igo ? `IGO:${a.igo}` : a.country) : null);
const show = (evs: Event[]) => JSON.stringify(evs.map((e) => `${e.type} ${key(e.source)}->${key(e.target)} ${e.date} ${e.status} ${e.rule}`));
/** the one event of `type` (and dyad `src->tgt` when given) */
function one(evs: Event[], type: string, dyad?: string): Event {
  const xs = evs.filter((e) => e.type === type && (!dyad || `${key(e.source)}->${key(e.target)}` === dyad));
  assert.equal(xs.length, 1, `expected one ${type} ${dyad ?? ""}, got ${show(evs)}`);
  return xs[0]!;
}
const dateRule = (e: Event) => /\|date:(.+)$/.exec(e.rule ?? "")?.[1] ?? null;

// ---- reported speech: the event's own date wins; the report date is a fallback for real events only -----------

test("own-clause: the date in the reported clause, not the report date («قال … يوم الثلاثاء إن … في 5 يوليو»)", () => {
  const evs = code("وقال الكرملين يوم الثلاثاء إن بوتين سيزور الصين في 5 يوليو.", [A.kremlin, A.putin, A.CHN],
    [["يوم الثلاثاء", "2024-06-11"], ["5 يوليو", "2024-07-05"]]);
  const e = one(evs, "CONSULT");
  assert.deepEqual([e.status, e.date, dateRule(e)], ["expected", "2024-07-05", "own-clause"]);
});

test("report-date: an event told as having happened takes the report date when its clause has none", () => {
  const evs = code("وقالت وكالة تاس يوم الثلاثاء إن بوتين التقى أردوغان في أنقرة.", [A.tass, A.putin, A.erdogan],
    [["يوم الثلاثاء", "2024-06-11"]]);
  const e = one(evs, "CONSULT");
  assert.deepEqual([e.status, e.date, dateRule(e)], ["occurred", "2024-06-11", "report-date"]);
});

test("report-date (negative): a future event does not take the date it was announced on", () => {
  const evs = code("وقالت وكالة تاس يوم الثلاثاء إن بوتين سيزور الصين.", [A.tass, A.putin, A.CHN], [["يوم الثلاثاء", "2024-06-11"]]);
  const e = one(evs, "CONSULT");
  assert.deepEqual([e.status, e.date], ["expected", null]);
});

// ---- background times --------------------------------------------------------------------------------------

test("since-background: «منذ عام 2022» starts a state, it does not date the event", () => {
  const evs = code("وتقدم روسيا دعما عسكريا لكوريا الشمالية منذ عام 2022.", [A.RUS, A.PRK], [["عام 2022", "2022"]]);
  assert.equal(evs.length, 1, show(evs));
  assert.equal(evs[0]!.date, null, show(evs));
});

test("when-anchor: the time right before «عندما» dates that clause's event, even after «منذ»", () => {
  const evs = code("وهي الزيارة الأولى للرئيس الروسي إلى فرنسا منذ عام 2000، عندما التقى بوتين الرئيس الفرنسي في باريس.",
    [A.putin, A.FRA, A.paris], [["عام 2000", "2000"]]);
  const e = one(evs, "CONSULT", "RUS->FRA");
  assert.deepEqual([e.date, dateRule(e)], ["2000", "when-anchor"]);
});

test("tense-mismatch: a future event does not take a past date of the same clause («كما فعل في مارس الماضي»)", () => {
  const evs = code("ومن المقرر أن يزور ماكرون القاهرة كما فعل في مارس الماضي.", [A.macron, A.cairo], [["مارس الماضي", "2024-03"]]);
  const e = one(evs, "CONSULT");
  assert.deepEqual([e.status, e.date], ["expected", null]);
  // a future date of the same sentence still dates it
  const evs2 = code("وقد يزور بوتين الصين الشهر المقبل.", [A.putin, A.CHN], [["الشهر المقبل", "2024-07"]]);
  const e2 = one(evs2, "CONSULT");
  assert.deepEqual([e2.status, e2.date], ["possible", "2024-07"]);
});

test("tense-mismatch: a past verb does not take a future date; its complement noun does («اتفقا على عقد قمة الشهر المقبل»)", () => {
  const evs = code("واتفق ماكرون وأردوغان على عقد قمة في باريس الشهر المقبل.", [A.macron, A.erdogan, A.paris],
    [["الشهر المقبل", "2024-07"]]);
  const agree = one(evs, "AGREE");
  assert.deepEqual([agree.status, agree.date], ["occurred", null]);
  const summit = one(evs, "CONSULT");
  assert.deepEqual([summit.status, summit.date], ["expected", "2024-07"]);
});

// ---- clause structure -------------------------------------------------------------------------------------

test("subclause-time: a time in a relative clause on another noun is that clause's («القاهرة التي شهدت … في مارس»)", () => {
  const evs = code("والتقى ماكرون أردوغان في القاهرة التي شهدت قمة إقليمية في مارس.", [A.macron, A.erdogan, A.cairo],
    [["في مارس", "2024-03"]]);
  assert.equal(one(evs, "CONSULT", "FRA->TUR").date, null, show(evs));
});

test("subclause-time: a time in a «بعد أن» clause dates that clause, not the main event", () => {
  const evs = code("والتقى ماكرون أردوغان في أنقرة بعد أن وصل إلى تركيا يوم الأحد.", [A.macron, A.erdogan, A.TUR],
    [["يوم الأحد", "2024-06-09"]]);
  assert.equal(one(evs, "CONSULT", "FRA->TUR").date, null, show(evs));
});

test("relative-of-trigger: a relative clause on the event noun itself dates it («الهجوم … الذي وقع يوم الأحد»)", () => {
  const evs = code("وأدانت فرنسا الهجوم الروسي على أوكرانيا الذي وقع يوم الأحد.", [A.FRA, A.RUS, A.UKR],
    [["يوم الأحد", "2024-06-09"]]);
  const e = one(evs, "ASSAULT");
  assert.deepEqual([e.date, dateRule(e)], ["2024-06-09", "relative-of-trigger"]);
  // not the condemnation's: the relative clause is on its object
  assert.equal(one(evs, "ACCUSE").date, null, show(evs));
});

test("anterior-event: an event noun after «بعد» keeps its own time; the main event keeps its own", () => {
  const body = "والتقى ماكرون أردوغان يوم الخميس بعد زيارة ماكرون إلى مصر في مارس.";
  const evs = code(body, [A.macron, A.erdogan, A.EGY], [["يوم الخميس", "2024-06-13"], ["في مارس", "2024-03"]]);
  assert.equal(one(evs, "CONSULT", "FRA->TUR").date, "2024-06-13", show(evs));
  assert.equal(one(evs, "CONSULT", "FRA->EGY").date, "2024-03", show(evs));
  // without a time of its own, the visit does not take the meeting's
  const evs2 = code("والتقى ماكرون أردوغان يوم الخميس بعد زيارة ماكرون إلى مصر.", [A.macron, A.erdogan, A.EGY], [["يوم الخميس", "2024-06-13"]]);
  assert.equal(one(evs2, "CONSULT", "FRA->EGY").date, null, show(evs2));
});

test("background-marker: a time after «زيارته السابقة» is that earlier visit's", () => {
  const evs = code("وأجرى ماكرون محادثات مع أردوغان تناولت نتائج زيارته السابقة إلى مصر في مارس.", [A.macron, A.erdogan, A.EGY],
    [["في مارس", "2024-03"]]);
  assert.equal(one(evs, "CONSULT", "FRA->TUR").date, null, show(evs));
  assert.equal(one(evs, "CONSULT", "FRA->EGY").date, "2024-03", show(evs));
});

test("shared-container: an event noun after «خلال» shares the main event's time («التقى … خلال زيارته … يوم الخميس»)", () => {
  const evs = code("والتقى ماكرون أردوغان خلال زيارته إلى أنقرة يوم الخميس.", [A.macron, A.erdogan],
    [["يوم الخميس", "2024-06-13"]]);
  const meet = evs.find((e) => e.type === "CONSULT" && e.mode !== "visit");
  assert.ok(meet, show(evs));
  assert.deepEqual([meet.date, dateRule(meet)], ["2024-06-13", "shared-container"]);
});

test("shared-coordination: a fronted time dates coordinated verbs and light verbs («وفي مارس، زار … وانتقد …»)", () => {
  const evs = code("وفي مارس، زار ماكرون القاهرة وانتقد إسرائيل.", [A.macron, A.cairo, A.ISR], [["مارس", "2024-03"]]);
  const visit = one(evs, "CONSULT");
  assert.deepEqual([visit.date, dateRule(visit)], ["2024-03", "own-clause"]);
  const crit = one(evs, "ACCUSE");
  assert.deepEqual([crit.date, dateRule(crit)], ["2024-03", "shared-coordination"]);
  // a time after the first verb reaches the noun of a coordinated light verb
  const evs2 = code("ووصل ماكرون إلى أنقرة يوم الأحد وأجرى محادثات مع أردوغان.", [A.macron, A.erdogan], [["يوم الأحد", "2024-06-09"]]);
  assert.equal(one(evs2, "CONSULT", "FRA->TUR").date, "2024-06-09", show(evs2));
});

test("complement-noun: the complement of another event does not take the time fronted before that event", () => {
  const evs = code("واتفق ماكرون وأردوغان يوم الخميس على عقد قمة في باريس.", [A.macron, A.erdogan, A.paris],
    [["يوم الخميس", "2024-06-13"]]);
  assert.equal(one(evs, "AGREE").date, "2024-06-13", show(evs));
  assert.equal(one(evs, "CONSULT").date, null, show(evs));
  // the condemned attack did not necessarily happen on the day of the condemnation
  const evs2 = code("وأدانت فرنسا يوم الأحد الهجوم الروسي على أوكرانيا.", [A.FRA, A.RUS, A.UKR], [["يوم الأحد", "2024-06-09"]]);
  assert.equal(one(evs2, "ACCUSE").date, "2024-06-09", show(evs2));
  assert.equal(one(evs2, "ASSAULT").date, null, show(evs2));
});

test("complement-noun (negative): talks hosted by a host verb share its time («استضافت القاهرة أمس … المحادثات»)", () => {
  const evs = code("واستضافت القاهرة أمس الخميس جولة جديدة من المحادثات بين فرنسا وتركيا.", [A.cairo, A.FRA, A.TUR],
    [["أمس الخميس", "2024-06-13"]]);
  const talks = one(evs, "CONSULT", "FRA->TUR");
  assert.equal(talks.date, "2024-06-13", show(evs));
});

test("complement-shared: a past time after the event's complement noun dates the event («وقعت … اتفاقية للتعاون … يوم الخميس»)", () => {
  const evs = code("ووقعت مصر وتركيا اتفاقية للتعاون في مجال الطاقة يوم الخميس.", [A.EGY, A.TUR], [["يوم الخميس", "2024-06-13"]]);
  for (const e of evs) assert.equal(e.date, "2024-06-13", show(evs));
  assert.ok(evs.length > 0);
});

test("later-clause and merge: the merged event's date rule follows its date", () => {
  const body = "والتقى ماكرون أردوغان في يونيو. وكان اللقاء بين ماكرون وأردوغان يوم 12 يونيو مثمرا.";
  const evs = code(body, [A.macron, A.erdogan], [["في يونيو", "2024-06"], ["يوم 12 يونيو", "2024-06-12"]]);
  assert.equal(evs.length, 1, show(evs));
  assert.equal(evs[0]!.date, "2024-06-12");
  assert.equal((evs[0]!.rule ?? "").split("|date:").length, 2, evs[0]!.rule);
});

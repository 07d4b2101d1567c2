import { test } from "node:test";
import assert from "node:assert/strict";
import type { Event, TimeExpr } from "../record.js";
import { codeEvents } from "./index.js";
import { A, KB, ents, time, type EntSpec } from "./testkit.js";

const PUB = "2024-06-14";

function code(body: string, specs: EntSpec[], times: TimeExpr[] = [], published: string | null = PUB): Event[] {
  return codeEvents({ body, published, entities: ents(body, specs), times }, { kb: KB });
}

const key = (a: Event["source"] | null) => (a ? (a.igo ? `IGO:${a.igo}` : a.country) : null);
const dyads = (evs: Event[]) => evs.map((e) => `${e.type} ${key(e.source)}->${key(e.target)}`).sort();
const one = (evs: Event[], type: string) => {
  const xs = evs.filter((e) => e.type === type);
  assert.equal(xs.length, 1, `expected one ${type}, got ${JSON.stringify(dyads(evs))}`);
  return xs[0]!;
};

// ---- the 16 types --------------------------------------------------------------------------------------------

test("CONSULT visit: VSO with a capital as destination", () => {
  const e = one(code("زار الرئيس الفرنسي إيمانويل ماكرون القاهرة أمس.", [A.macron, A.cairo]), "CONSULT");
  assert.equal(e.mode, "visit");
  assert.equal(key(e.source), "FRA");
  assert.equal(key(e.target), "EGY");
  assert.equal(e.status, "occurred");
  assert.equal(e.score, 4);
  assert.match(e.rule!, /^visit\//);
});

test("CONSULT phone: «اتصال هاتفي مع نظيره المصري» with nominal actors from nisba", () => {
  const e = one(code("وأجرى وزير الخارجية الفرنسي اتصالا هاتفيا مع نظيره المصري.", []), "CONSULT");
  assert.equal(e.mode, "phone");
  assert.deepEqual([key(e.source), e.source.sector, key(e.target)], ["FRA", "GOV", "EGY"]);
  assert.equal(e.score, 1.5);
});

test("SUPPORT: a coordinated subject signing a treaty gives the pair", () => {
  const evs = code("ووقع ماكرون وأردوغان اتفاقية للتعاون في مجال الطاقة.", [A.macron, A.erdogan]);
  assert.deepEqual(dyads(evs), ["SUPPORT FRA->TUR"]);
});

test("AGREE: joint agreement of two countries", () => {
  const evs = code("واتفقت مصر وتركيا على تعزيز التعاون الاقتصادي بينهما.", [A.EGY, A.TUR]);
  assert.deepEqual(dyads(evs), ["AGREE EGY->TUR"]);
});

test("AGREE: a pledge to someone; the promised act after بـ is not an event of its own", () => {
  const evs = code("وتعهدت فرنسا بإرسال مساعدات إنسانية لمصر.", [A.FRA, A.EGY]);
  assert.deepEqual(dyads(evs), ["AGREE FRA->EGY"]);
});

test("CONCEDE: apology with لـ", () => {
  const e = one(code("واعتذرت تركيا لفرنسا عن الحادث.", [A.TUR, A.FRA]), "CONCEDE");
  assert.deepEqual([key(e.source), key(e.target)], ["TUR", "FRA"]);
});

test("COOPERATE: joint exercises («مناورات مشتركة») vs MOBILIZE for exercises alone", () => {
  const evs = code("وأجرت روسيا والصين مناورات مشتركة في المحيط الهادئ.", [A.RUS, A.CHN]);
  assert.deepEqual(dyads(evs), ["COOPERATE RUS->CHN"]);
  const mob = code("وبدأت الصين مناورات عسكرية واسعة.", [A.CHN]);
  assert.deepEqual(dyads(mob), ["MOBILIZE CHN->null"]);
});

test("AID: «أرسل» only with aid/weapons/troops objects", () => {
  assert.deepEqual(dyads(code("وأرسلت تركيا مساعدات إنسانية إلى مصر.", [A.TUR, A.EGY])), ["AID TUR->EGY"]);
  assert.deepEqual(dyads(code("وأرسلت تركيا رسالة إلى مصر.", [A.TUR, A.EGY])), []);
});

test("RETREAT release: «أفرجت عن» with a nominal target", () => {
  const e = one(code("وأفرجت إيران عن مواطنين فرنسيين بعد أشهر من الاحتجاز.", [A.IRN]), "RETREAT");
  assert.equal(e.mode, "release");
  assert.deepEqual([key(e.source), key(e.target), e.target?.sector], ["IRN", "FRA", "CVL"]);
});

test("REQUEST: demand", () => {
  assert.deepEqual(dyads(code("وطالبت مصر إسرائيل بوقف العمليات العسكرية.", [A.EGY, A.ISR])), ["REQUEST EGY->ISR"]);
});

test("ACCUSE: coordinated accusers give one event per pair; the accused act is alleged", () => {
  const body = "واتهمت الولايات المتحدة وكوريا الجنوبية كوريا الشمالية بإرسال قوات لمساعدة روسيا.";
  const evs = code(body, [A.USA, A.KOR, A.PRK, A.RUS]);
  assert.deepEqual(dyads(evs), ["ACCUSE KOR->PRK", "ACCUSE USA->PRK", "AID PRK->RUS"]);
  assert.equal(one(evs, "AID").status, "alleged");
  assert.equal(evs.find((e) => e.type === "ACCUSE")!.status, "occurred");
});

test("REJECT: object qualified by a nisba adjective", () => {
  assert.deepEqual(dyads(code("ورفضت مصر الطلب الإسرائيلي بشكل قاطع.", [A.EGY])), ["REJECT EGY->ISR"]);
});

test("THREATEN: the threatened act after بـ is not coded", () => {
  assert.deepEqual(dyads(code("وهددت الولايات المتحدة إيران بفرض عقوبات جديدة.", [A.USA, A.IRN])), ["THREATEN USA->IRN"]);
});

test("PROTEST: nominal source, no target needed", () => {
  const e = one(code("وتظاهر آلاف المحتجين المصريين في وسط العاصمة.", []), "PROTEST");
  assert.deepEqual([key(e.source), e.source.sector, e.target], ["EGY", "CVL", null]);
  assert.equal(e.mode, "demo");
});

test("SANCTION with reported_by from «وفقا لـ»", () => {
  const e = one(code("وفرضت الولايات المتحدة عقوبات جديدة على إيران، وفقا لوكالة تاس.", [A.USA, A.IRN, A.tass]), "SANCTION");
  assert.deepEqual([key(e.source), key(e.target)], ["USA", "IRN"]);
  assert.equal(e.reported_by, A.tass.id);
});

test("MOBILIZE: missile launch, target null", () => {
  const e = one(code("وأطلقت كوريا الشمالية صاروخا باليستيا قصير المدى.", [A.PRK]), "MOBILIZE");
  assert.equal(e.mode, "weapons");
  assert.equal(e.target, null);
  assert.equal(e.score, -6.5);
});

test("COERCE: arrest by authorities of foreign citizens", () => {
  const e = one(code("واعتقلت السلطات الإيرانية مواطنين فرنسيين.", []), "COERCE");
  assert.deepEqual([key(e.source), e.source.sector, key(e.target)], ["IRN", "GOV", "FRA"]);
});

test("ASSAULT: light verb + noun with military nominal source", () => {
  const e = one(code("وشنت القوات الروسية هجوما واسعا على أوكرانيا.", [A.UKR]), "ASSAULT");
  assert.deepEqual([key(e.source), e.source.sector, key(e.target)], ["RUS", "MIL", "UKR"]);
});

test("ASSAULT: nisba adjective after the noun is the attacker («الغارات الإسرائيلية»), condemned by a third party", () => {
  const evs = code("وأدانت مصر الغارات الإسرائيلية على لبنان.", [A.EGY, { id: "Q822", type: "country", country: "LBN", say: ["لبنان"] }]);
  assert.deepEqual(dyads(evs), ["ACCUSE EGY->ISR", "ASSAULT ISR->LBN"]);
});

// ---- argument patterns --------------------------------------------------------------------------------------

test("SVO after «إن», reporting verb is not an event, reported_by from the reporting subject", () => {
  const evs = code("وقالت وكالة تاس إن بوتين التقى أردوغان في أنقرة.", [A.putin, A.erdogan, A.tass]);
  assert.deepEqual(dyads(evs), ["CONSULT RUS->TUR"]);
  assert.equal(evs[0]!.reported_by, A.tass.id);
});

test("pronoun complementizer takes the reporting subject («قالت موسكو إنها …»), capital as metonym", () => {
  const e = one(code("وقالت موسكو إنها صادقت على معاهدة دفاعية مع كوريا الشمالية.", [A.moscow, A.PRK]), "SUPPORT");
  assert.deepEqual([key(e.source), e.source.sector, key(e.target)], ["RUS", "GOV", "PRK"]);
  assert.match(e.rule!, /pronoun-subject/);
});

test("genitive visit noun with إلى and with لـ", () => {
  const a = one(code("وتأتي زيارة بوتين إلى بيونغ يانغ بعد أشهر من التحضير.", [A.putin, A.pyongyang]), "CONSULT");
  assert.deepEqual([a.mode, key(a.source), key(a.target)], ["visit", "RUS", "PRK"]);
  const b = one(code("وأثارت زيارة كيم لروسيا قلقا واسعا.", [A.kim, A.RUS]), "CONSULT");
  assert.deepEqual([key(b.source), key(b.target)], ["PRK", "RUS"]);
});

test("«قمة بين X و Y» gives the pair; location from «في X»", () => {
  const e = one(code("وعقدت قمة بين ماكرون وأردوغان في القاهرة.", [A.macron, A.erdogan, A.cairo]), "CONSULT");
  assert.deepEqual([key(e.source), key(e.target)], ["FRA", "TUR"]);
  assert.equal(e.location, A.cairo.id);
});

test("a host receiving a visitor: the visitor is the source of the visit", () => {
  const e = one(code("واستقبل بوتين كيم جونغ أون في فلاديفوستوك.", [A.putin, A.kim, A.vladivostok]), "CONSULT");
  assert.deepEqual([e.mode, key(e.source), key(e.target)], ["visit", "PRK", "RUS"]);
  assert.equal(e.location, A.vladivostok.id);
});

test("a meeting in one party's capital is a visit by the other", () => {
  const e = one(code("والتقى ماكرون أردوغان في باريس.", [A.macron, A.erdogan, A.paris]), "CONSULT");
  assert.deepEqual([e.mode, key(e.source), key(e.target)], ["visit", "TUR", "FRA"]);
});

test("passive «تم اعتقال X من قبل Y»", () => {
  const e = one(code("وتم اعتقال مواطنين فرنسيين من قبل السلطات الإيرانية.", []), "COERCE");
  assert.deepEqual([key(e.source), key(e.target)], ["IRN", "FRA"]);
});

test("intergovernmental actors get igo and no country", () => {
  const e = one(code("وانتقدت الأمم المتحدة إسرائيل بشدة.", [A.un, A.ISR]), "ACCUSE");
  assert.deepEqual([e.source.igo, e.source.country, key(e.target)], ["UN", null, "ISR"]);
});

test("an apposition of the subject is not the target", () => {
  const e = one(code("وزار وزير الدفاع الروسي آنذاك، سيرغي شويغو، بيونغ يانغ.", [
    { id: "Q140819", type: "person", country: "RUS", say: ["سيرغي شويغو"] }, A.pyongyang]), "CONSULT");
  assert.deepEqual([key(e.source), key(e.target)], ["RUS", "PRK"]);
});

test("a verb form after a preposition is a verbal noun, not a verb", () => {
  assert.deepEqual(dyads(code("وسئل المتحدث عن نشر القوات الروسية قرب الحدود.", [])), []);
});

// ---- status -----------------------------------------------------------------------------------------------

test("expected: «من المقرر أن», future prefix, date after publication", () => {
  assert.equal(one(code("ومن المقرر أن يلتقي ماكرون أردوغان الشهر المقبل.", [A.macron, A.erdogan]), "CONSULT").status, "expected");
  assert.equal(one(code("وقال الكرملين إن بوتين سيزور كوريا الشمالية.", [A.putin, A.PRK, A.kremlin]), "CONSULT").status, "expected");
  const body = "ويزور بوتين الصين الأسبوع المقبل.";
  const e = one(code(body, [A.putin, A.CHN], [time(body, "الأسبوع المقبل", "2024-W25")]), "CONSULT");
  assert.deepEqual([e.status, e.date], ["expected", "2024-W25"]);
});

test("expected: the noun takes the future of its light verb", () => {
  const e = one(code("وسيعقد ماكرون وأردوغان اجتماعا في إسطنبول.", [A.macron, A.erdogan]), "CONSULT");
  assert.equal(e.status, "expected");
});

test("possible: «قد» + present, «محتملة»", () => {
  assert.equal(one(code("وقد يزور بوتين الصين في الربيع.", [A.putin, A.CHN]), "CONSULT").status, "possible");
  assert.equal(one(code("وتثير زيارة محتملة لبوتين إلى بيونغ يانغ قلق سيول.", [A.putin, A.pyongyang]), "CONSULT").status, "possible");
  // «قد» + past = already: occurred
  assert.equal(one(code("وقد زار بوتين الصين مرات عدة.", [A.putin, A.CHN]), "CONSULT").status, "occurred");
});

test("alleged: reports and claims", () => {
  const e = one(code("ووفق تقارير غربية، قصفت روسيا مواقع في أوكرانيا.", [A.RUS, A.UKR]), "ASSAULT");
  assert.equal(e.status, "alleged");
});

test("denied: «نفت» + the denied act; negation alone drops the event", () => {
  const d = one(code("ونفت موسكو أن تكون قد تلقت أسلحة من كوريا الشمالية.", [A.moscow, A.PRK]), "AID");
  assert.deepEqual([d.status, key(d.source), key(d.target)], ["denied", "PRK", "RUS"]);
  assert.deepEqual(code("لم يزر بوتين فرنسا منذ سنوات.", [A.putin, A.FRA]), []);
  assert.deepEqual(code("ولن تفرض الصين عقوبات على روسيا.", [A.CHN, A.RUS]), []);
  assert.deepEqual(code("وقالت تركيا إنها لا تدعم الهجوم.", [A.TUR]), []);
});

// ---- date, merge ------------------------------------------------------------------------------------------

test("date: the time in the trigger's clause; a report date in the reporting clause is not the event's", () => {
  const body = "وقالت وكالة تاس، الجمعة 14 يونيو 2024، إن بوتين التقى أردوغان يوم الأربعاء.";
  const times = [time(body, "الجمعة 14 يونيو 2024", "2024-06-14"), time(body, "يوم الأربعاء", "2024-06-12")];
  const e = one(code(body, [A.putin, A.erdogan, A.tass], times), "CONSULT");
  assert.equal(e.date, "2024-06-12");
  const body2 = "وقالت وكالة تاس، الجمعة 14 يونيو 2024، إن بوتين التقى أردوغان.";
  const e2 = one(code(body2, [A.putin, A.erdogan, A.tass], [time(body2, "الجمعة 14 يونيو 2024", "2024-06-14")]), "CONSULT");
  assert.equal(e2.date, null);
});

test("the same event told twice is one event with the more precise date", () => {
  const body = "والتقى ماكرون أردوغان في يونيو. وكان اللقاء بين ماكرون وأردوغان يوم 12 يونيو الأول منذ عام.";
  const times = [time(body, "في يونيو", "2024-06"), time(body, "يوم 12 يونيو", "2024-06-12")];
  const evs = code(body, [A.macron, A.erdogan], times);
  assert.equal(evs.length, 1, JSON.stringify(dyads(evs)));
  assert.equal(evs[0]!.date, "2024-06-12");
});

test("different visits of the same dyad by different persons stay apart", () => {
  const body = "وزار كيم جونغ أون روسيا. وزارت وزيرة الخارجية تشوي سون هوي موسكو.";
  const evs = code(body, [A.kim, A.RUS, A.moscow, { id: "Q4573279", type: "person", country: "PRK", say: ["تشوي سون هوي"] }]);
  assert.equal(evs.filter((e) => e.type === "CONSULT").length, 2);
});

test("evidence is the sentence span; empty and trigger-free bodies give nothing", () => {
  const body = "خبر أول بلا حدث. وزار ماكرون القاهرة.";
  const e = one(code(body, [A.macron, A.cairo]), "CONSULT");
  assert.equal(body.slice(e.evidence.start, e.evidence.end), "وزار ماكرون القاهرة.");
  assert.deepEqual(code("", []), []);
  assert.deepEqual(code("قال المتحدث إن الطقس جميل.", []), []);
});

test("without a KB, named entities still code (nisba phrases do not)", () => {
  const body = "وزار ماكرون مصر.";
  const evs = codeEvents({ body, published: null, entities: ents(body, [A.macron, A.EGY]), times: [] }, { kb: null });
  assert.deepEqual(dyads(evs), ["CONSULT FRA->EGY"]);
});

test("a subjectless verb with a prepositional object continues the previous sentence's subject", () => {
  const body = "ووصل أردوغان إلى روسيا أمس. واجتمع بالرئيس الفرنسي ماكرون على هامش المنتدى.";
  const evs = code(body, [A.erdogan, A.RUS, A.macron]);
  const meet = evs.filter((e) => e.rule?.includes("previous-subject"));
  assert.equal(meet.length, 1, JSON.stringify(evs.map((e) => e.rule)));
  assert.deepEqual([key(meet[0]!.source), key(meet[0]!.target)], ["TUR", "FRA"]);
  // but not when the verb has a noun subject of its own
  assert.deepEqual(dyads(code("وزار أردوغان روسيا. وأطلقت الدولة الجارة صاروخا.", [A.erdogan, A.RUS])), ["CONSULT TUR->RUS"]);
});

test("return from a capital with an apposition of the subject", () => {
  const e = one(code("وعادت تشوي سون هوي، وزيرة الخارجية الكورية الشمالية، من موسكو.", [
    { id: "Q4573279", type: "person", country: "PRK", say: ["تشوي سون هوي"] }, A.moscow]), "CONSULT");
  assert.deepEqual([e.mode, key(e.source), key(e.target)], ["visit", "PRK", "RUS"]);
});

test("«أعرب عن» takes its type from the object: support, concern (ACCUSE), readiness (AGREE)", () => {
  assert.deepEqual(dyads(code("وأعربت مصر عن دعمها الكامل لتركيا.", [A.EGY, A.TUR])), ["SUPPORT EGY->TUR"]);
  assert.deepEqual(dyads(code("وأعربت فرنسا عن قلقها إزاء التحركات الروسية.", [A.FRA])), ["ACCUSE FRA->RUS"]);
  assert.deepEqual(dyads(code("وأعربت الصين عن تقديرها لإيران.", [A.CHN, A.IRN])), ["SUPPORT CHN->IRN"]);
});

test("robust on odd input: mentions outside the body, overlapping mentions, null times, no sentences", () => {
  const body = "زار ماكرون القاهرة";
  const entities = ents(body, [A.macron, A.cairo]);
  entities.push({ id: "x", name: { ar: "س", en: null }, type: "person", country: "EGY", igo: null, known: false,
    mentions: [{ start: 500, end: 510, text: "??" }, { start: 4, end: 9, text: "ماكرو" }] });
  const evs = codeEvents({ body, published: null, entities, times: [{ start: 0, end: 3, text: "زار", value: null }] }, { kb: KB });
  assert.ok(Array.isArray(evs), "array");
  assert.deepEqual(codeEvents({ body: "...،،، . ؟", published: "2024", entities: [], times: [] }, { kb: KB }), []);
});

test("a relative clause on the object keeps its agent as the target; an event noun object takes no source", () => {
  const houthi = { id: "rasd:organization:houthis", type: "organization", country: "YEM", sector: "REB", say: ["جماعة الحوثي"] } satisfies EntSpec;
  const evs = code("وأدانت مصر الهجوم الذي شنته جماعة الحوثي على سفينة تجارية.", [A.EGY, houthi]);
  assert.deepEqual(dyads(evs), ["ACCUSE EGY->YEM"]);
});

test("a plural nisba after a quantity word is a group of people", () => {
  const e = one(code("وتظاهر آلاف الإيرانيين أمام البرلمان.", []), "PROTEST");
  assert.deepEqual([key(e.source), e.source.sector], ["IRN", "CVL"]);
});

test("a title before the name does not hide a VSO subject", () => {
  const guterres = { id: "Q311440", type: "person", country: "PRT", igo: "UN", sector: "IGO", say: ["أنطونيو غوتيريش"] } satisfies EntSpec;
  const e = one(code("وطالب الأمين العام للأمم المتحدة أنطونيو غوتيريش إسرائيل بوقف القصف.", [guterres, A.ISR]), "REQUEST");
  assert.deepEqual([key(e.source), key(e.target)], ["IGO:UN", "ISR"]);
});

test("reported_by: a reporting verb after the event is a reaction, not the report", () => {
  const evs = code("واتهمت مصر إسرائيل بقصف المدنيين، وهو ما نفته وكالة تاس.", [A.EGY, A.ISR, A.tass]);
  assert.equal(one(evs, "ACCUSE").reported_by, null);
});

test("accused act with a genitive recipient («اتهمت X Y بتزويد Z بالصواريخ»)", () => {
  const houthi = { id: "rasd:organization:houthis", type: "organization", country: "YEM", sector: "REB", say: ["الحوثيين"] } satisfies EntSpec;
  const evs = code("واتهمت الولايات المتحدة إيران بتزويد الحوثيين بالصواريخ.", [A.USA, A.IRN, houthi]);
  const aid = one(evs, "AID");
  assert.deepEqual([key(aid.source), key(aid.target), aid.status], ["IRN", "YEM", "alleged"]);
});

test("a fronted attribution («وبحسب X، …») is not the subject; it is the reporter", () => {
  const evs = code("وبحسب وكالة تاس، التقى الرئيس التركي بوزير الخارجية الروسي في أنقرة.", [A.tass]);
  const e = one(evs, "CONSULT");
  assert.deepEqual([key(e.source), key(e.target), e.reported_by], ["TUR", "RUS", A.tass.id]);
});

test("a time in a later clause is not the event's date", () => {
  const body = "واستأنفت روسيا صادرات القمح إلى مصر، حسبما أظهرت البيانات، وهي الأولى منذ عام 2020.";
  const evs = code(body, [A.RUS, A.EGY], [time(body, "عام 2020", "2020")]);
  assert.equal(one(evs, "COOPERATE").date, null);
});

test("«وفد من X» is X acting; sports and economy sentences give no events", () => {
  const imf = { id: "Q7804", type: "organization", country: null, igo: "IMF", sector: "IGO", say: ["صندوق النقد الدولي"] } satisfies EntSpec;
  const e = one(code("وزار وفد من صندوق النقد الدولي مصر لبحث برنامج القرض.", [imf, A.EGY]), "CONSULT");
  assert.deepEqual([key(e.source), key(e.target)], ["IGO:IMF", "EGY"]);
  assert.deepEqual(code("وفاز منتخب مصر على منتخب تركيا بهدفين نظيفين في المباراة الودية.", [A.EGY, A.TUR]), []);
  assert.deepEqual(code("وارتفعت أسعار النفط بعد أن قررت مصر خفض الإنتاج.", [A.EGY]), []);
});

test("a verb form after a light verb is its masdar: subject from the light verb, genitive object, light verb's tense", () => {
  const e = one(code("وقال ماكرون إن فرنسا ستواصل دعم أوكرانيا.", [A.macron, A.FRA, A.UKR]), "SUPPORT");
  assert.deepEqual([key(e.source), key(e.target), e.status], ["FRA", "UKR", "expected"]);
});

test("an invitation with a long subject is still an invitation (AGREE), not a request", () => {
  const e = one(code("ودعا وزير الخارجية التركي هاكان فيدان نظيره الفرنسي إلى زيارة أنقرة.", []), "AGREE");
  assert.deepEqual([key(e.source), key(e.target)], ["TUR", "FRA"]);
});

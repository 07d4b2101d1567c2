import { test } from "node:test";
import assert from "node:assert/strict";
import { normalizeForMatch } from "../text/index.js";
import { loadLexicon, lookupTrigger, readJson, type CuesFile, type TriggerFile, type TypesFile } from "./lexicon.js";
import { nounForms, pastForms, presentForms, verbForms, withProclitics } from "./morph.js";

const N = normalizeForMatch;
const PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
  "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const SECTORS = ["GOV", "MIL", "LEG", "JUD", "COP", "SPY", "MED", "BUS", "OPP", "REB", "CVL", "IGO", "PTY", "REL", "EDU", "NGO"];

// ---- morphology ------------------------------------------------------------------------------------------------

test("past forms of a hollow verb use the short stem before consonant suffixes", () => {
  const f = pastForms({ past: "زار", past_short: "زر", present: "يزور" });
  for (const w of ["زار", "زارت", "زاروا", "زارا", "زرنا", "زرت"]) assert.ok(f.includes(N(w)), w);
});

test("defective verbs in ى and ا", () => {
  const a = pastForms({ past: "التقى", present: "يلتقي" });
  for (const w of ["التقى", "التقت", "التقوا", "التقيا", "التقينا"]) assert.ok(a.includes(N(w)), w);
  const b = pastForms({ past: "دعا", present: "يدعو" });
  for (const w of ["دعا", "دعت", "دعوا", "دعونا"]) assert.ok(b.includes(N(w)), w);
  const p = presentForms({ past: "دعا", present: "يدعو" });
  for (const w of ["يدعو", "تدعو", "يدعون", "يدعوان", "ندعو"]) assert.ok(p.includes(N(w)), w);
  const q = presentForms({ past: "التقى", present: "يلتقي" });
  for (const w of ["يلتقي", "تلتقي", "يلتقون", "يلتقيان", "يلتق"]) assert.ok(q.includes(N(w)), w);
});

test("object pronouns attach (وا loses its alef, final ى becomes ا); intransitive verbs get none", () => {
  const f = verbForms({ past: "زار", past_short: "زر", present: "يزور" }).map((g) => g.form);
  for (const w of ["زاره", "زاروه", "زارها", "يزورها", "تزوره"]) assert.ok(f.includes(N(w)), w);
  const g = verbForms({ past: "التقى", present: "يلتقي" }).map((x) => x.form);
  assert.ok(g.includes(N("التقاه")), `g.includes(N("التقاه"))`);
  const h = verbForms({ past: "تعاون", present: "يتعاون", intransitive: true }).map((x) => x.form);
  assert.ok(!h.includes(N("تعاونهما")), `!h.includes(N("تعاونهما"))`);
  assert.ok(h.includes(N("تعاونوا")), `h.includes(N("تعاونوا"))`);
});

test("proclitics: سـ only before the present, the article only before nouns", () => {
  assert.ok(withProclitics(N("يزور"), "present").includes(N("وسيزور")), "وسيزور");
  assert.ok(!withProclitics(N("زار"), "past").some((w) => w.startsWith("س")), "no سـ before the past");
  assert.ok(withProclitics(N("زيارة"), "noun").includes(N("بالزيارة")), "بالزيارة");
  assert.ok(withProclitics(N("زيارة"), "noun").includes(N("للزيارة")), "للزيارة");
  assert.ok(!withProclitics(N("زيارته"), "noun", true).includes(N("الزيارته")), "no article before a suffixed noun");
});

test("noun forms: pronoun suffixes on ة → ت, dual, accusative", () => {
  const f = nounForms("زيارة");
  for (const w of ["زيارة", "زيارته", "زيارتها", "زيارتين", "زيارتان"]) assert.ok(f.includes(N(w)), w);
  assert.ok(nounForms("هجوم").includes(N("هجوما")), `nounForms("هجوم").includes(N("هجوما"))`);
  assert.ok(nounForms("اتصال").includes(N("اتصالا")), `nounForms("اتصال").includes(N("اتصالا"))`);
});

test("trigger look-up strips proclitics only where the form allows them", () => {
  const lex = loadLexicon();
  const t = (w: string) => lookupTrigger(lex, N(w))?.hit.def.id ?? null;
  assert.equal(t("وسيزور"), "visit");
  assert.equal(t("فالتقى"), "meet");
  assert.equal(t("والتقت"), "meet");
  assert.equal(t("للزيارة"), "visit-n");
  assert.equal(t("وبزيارته"), "visit-n");
  assert.equal(t("واتهمت"), "accuse");
  assert.equal(t("يتهمون"), "accuse");
  assert.equal(t("بوتين"), null);
  assert.equal(t("الزار"), null); // the article never stands before a verb
});

// ---- data validation -------------------------------------------------------------------------------------------

test("types.json: the 16 PLOVER types with scores in −10…10", () => {
  const tf = readJson<TypesFile>("types.json");
  assert.deepEqual(Object.keys(tf.types).sort(), [...PLOVER_TYPES].sort());
  for (const [t, info] of Object.entries(tf.types)) {
    assert.ok(info.score >= -10 && info.score <= 10, t);
    for (const [m, s] of Object.entries(info.modes)) assert.ok(s >= -10 && s <= 10, `${t}/${m}`);
  }
});

test("triggers.json: unique ids, known types and modes, valid stems, every type covered", () => {
  const tf = readJson<TriggerFile>("triggers.json");
  const types = readJson<TypesFile>("types.json").types;
  assert.equal(tf.schema, "rasd/event-triggers@1");
  assert.ok(tf.description && tf.sources.length, "tf.description && tf.sources.length");
  const ids = new Set<string>();
  const covered = new Set<string>();
  const checkType = (id: string, type: string | null, mode: string | null | undefined) => {
    if (type === null) return;
    assert.ok(types[type], `${id}: unknown type ${type}`);
    if (mode != null) assert.ok(mode in types[type]!.modes, `${id}: unknown mode ${type}/${mode}`);
    covered.add(type);
  };
  for (const v of tf.verbs) {
    assert.ok(!ids.has(v.id), `duplicate id ${v.id}`);
    ids.add(v.id);
    assert.ok(/^[\u0621-\u064A\u0651]+$/.test(v.past), `${v.id}: past stem`);
    if (v.present) assert.ok(v.present.startsWith("ي"), `${v.id}: present must start with ي`);
    assert.ok(v.type !== null || (v.senses && v.senses.length), `${v.id}: no type and no senses`);
    checkType(v.id, v.type, v.mode);
    for (const s of v.senses ?? []) { assert.ok(s.objects.length, v.id); checkType(v.id, s.type, s.mode); }
    if (v.person_sense) checkType(v.id, v.person_sense.type, v.person_sense.mode);
  }
  for (const n of tf.nouns) {
    assert.ok(!ids.has(n.id), `duplicate id ${n.id}`);
    ids.add(n.id);
    assert.ok(n.forms.length, n.id);
    assert.ok(n.type !== null || (n.senses && n.senses.length), `${n.id}: no type and no senses`);
    checkType(n.id, n.type, n.mode);
    for (const s of n.senses ?? []) { assert.ok(s.objects.length, n.id); checkType(n.id, s.type, s.mode); }
  }
  assert.deepEqual([...covered].sort(), [...PLOVER_TYPES].sort(), "every PLOVER type has a trigger");
});

test("cues.json: non-empty lists and valid sector codes", () => {
  const c = readJson<CuesFile>("cues.json");
  for (const k of ["reporting_verbs", "attribution", "complementizers", "negation", "passive_markers", "light_verbs"] as const) {
    assert.ok(c[k].length, k);
  }
  for (const s of ["expected", "possible", "alleged", "denied"] as const) assert.ok(c.status[s].length, s);
  for (const sector of Object.keys(c.sector_nouns)) assert.ok(SECTORS.includes(sector), sector);
  for (const r of [...c.reporting_verbs, ...c.light_verbs]) if (r.present) assert.ok(r.present.startsWith("ي"), r.past);
});

test("the lexicon index builds quickly and is reused", () => {
  const a = loadLexicon();
  assert.equal(loadLexicon(), a);
  assert.ok(a.index.size > 10000, `index size ${a.index.size}`);
});

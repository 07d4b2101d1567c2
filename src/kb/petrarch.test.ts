/** PETRARCH actor dictionary import, the user-layer merge and the `rasd kb` command functions. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importPetrarchActors, mergeIntoUserLayer, parsePetrarchCode, parsePetrarchActors } from "./petrarch.js";
import { clearKbCache, loadKb, validateKbFile } from "./index.js";
import { measureCoverage } from "./coverage.js";
import {
  kbImportCommand, kbSearchCommand, kbShowCommand, kbStatsCommand, kbValidateCommand,
} from "../cli/kb-commands.js";

const COUNTRIES = new Set(["SDN", "EGY", "USA", "RUS"]);
// A small dictionary in the PETRARCH layout (names and codes written for this test).
const DICT = [
  "# test dictionary",
  "مجلس_السيادة_الانتقالي_  [SDNGOV]",
  "عبد_الفتاح_البرهان_",
  "\t[SDNMIL 20190411-18000101]",
  "حركة_تحرير_السودان_",
  "\t[SDNREB 20030101-18000101]",
  "أم_درمان_  [SDN]",
  "منظمة_دولية_للهجرة_  [IGO]",
  "أم_درمان  [EGY]",
  "",
].join("\n");

function withTmp(fn: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), "rasd-kb-"));
  try { fn(dir); } finally { rmSync(dir, { recursive: true, force: true }); }
}

test("parsePetrarchCode reads country, agents, dates and placeholders", () => {
  // IRQ is not in this test's country set, so it is read as an agent code
  assert.deepEqual(parsePetrarchCode("[IRQGOV 20101221-20140908]", COUNTRIES),
    { raw: "IRQGOV", country: null, igo: false, agents: ["IRQ", "GOV"], from: "2010-12-21", to: "2014-09-08" });
  const c = parsePetrarchCode("\t[SDNCVLELI 19840502-18000101]", COUNTRIES)!;
  assert.equal(c.country, "SDN");
  assert.deepEqual(c.agents, ["CVL", "ELI"]);
  assert.equal(c.from, "1984-05-02");
  assert.equal(c.to, null, "18000101 is a placeholder");
  assert.equal(parsePetrarchCode("[RUSGOV > 19980725]", COUNTRIES)!.from, "1998-07-25");
  assert.equal(parsePetrarchCode("[IGO]", COUNTRIES)!.igo, true);
  assert.equal(parsePetrarchCode("[USAGOV 20200101-20100101]", COUNTRIES)!.to, null, "end before start dropped");
  assert.equal(parsePetrarchCode("no code", COUNTRIES), null);
});

test("parsePetrarchActors handles inline and indented codes", () => {
  const a = parsePetrarchActors(DICT, COUNTRIES);
  assert.deepEqual(a.map((x) => x.name), [
    "مجلس السيادة الانتقالي", "عبد الفتاح البرهان", "حركة تحرير السودان", "أم درمان", "منظمة دولية للهجرة", "أم درمان",
  ]);
  assert.equal(a[1]!.codes[0]!.from, "2019-04-11");
});

test("importPetrarchActors: types by rule, local ids, valid entries, first occurrence wins", () => {
  withTmp((dir) => {
    const f = join(dir, "actors.txt");
    writeFileSync(f, DICT);
    const es = importPetrarchActors(f, COUNTRIES);
    const by = Object.fromEntries(es.map((e) => [e.name.ar, e]));
    assert.equal(es.length, 5, "repeated name merged");
    assert.equal(by["مجلس السيادة الانتقالي"]!.type, "organization");
    assert.equal(by["مجلس السيادة الانتقالي"]!.sector, "GOV");
    assert.equal(by["عبد الفتاح البرهان"]!.type, "person");
    assert.equal(by["عبد الفتاح البرهان"]!.roles![0]!.sector, "MIL");
    assert.equal(by["حركة تحرير السودان"]!.type, "organization", "head word beats the dated code");
    assert.equal(by["أم درمان"]!.type, "place");
    assert.equal(by["أم درمان"]!.country, "SDN");
    assert.equal(by["منظمة دولية للهجرة"]!.sector, "IGO");
    for (const e of es) assert.match(e.id, /^rasd:import:petrarch-[0-9a-f]{12}$/);
    const v = validateKbFile({ schema: "rasd/kb@1", description: "t", sources: ["t"], entries: es });
    assert.deepEqual(v.errors, []);
    assert.throws(() => importPetrarchActors(join(dir, "missing.txt")), /not found/);
    writeFileSync(join(dir, "empty.txt"), "nothing here\n");
    assert.throws(() => importPetrarchActors(join(dir, "empty.txt")), /no PETRARCH actor entries/);
  });
});

test("mergeIntoUserLayer creates, then updates by id", () => {
  withTmp((dir) => {
    const f = join(dir, "sub", "kb-user.json");
    writeFileSync(join(dir, "actors.txt"), DICT);
    const es = importPetrarchActors(join(dir, "actors.txt"), COUNTRIES);
    assert.deepEqual({ ...mergeIntoUserLayer(es, f), file: "" }, { file: "", added: 5, updated: 0, total: 5 });
    assert.deepEqual({ ...mergeIntoUserLayer(es.slice(0, 2), f), file: "" }, { file: "", added: 0, updated: 2, total: 5 });
    assert.ok(validateKbFile(JSON.parse(readFileSync(f, "utf8"))).ok);
    writeFileSync(f, "{ broken");
    assert.throws(() => mergeIntoUserLayer(es, f), /not valid JSON/);
  });
});

test("measureCoverage counts exact and article-insensitive matches", () => {
  const kb = loadKb();
  const r = measureCoverage(kb, [
    { name: "روسيا", type: "place" }, { name: "جامعة دول عربية", type: "organization" }, { name: "اسم غير موجود", type: "person" },
  ]);
  assert.equal(r.names, 3);
  assert.equal(r.exact, 1);
  assert.equal(r.loose, 2);
});

test("kb commands: stats, show, search, validate", () => {
  const stats = kbStatsCommand({ json: true });
  assert.equal(stats.code, 0);
  assert.ok(JSON.parse(stats.out).byType.country >= 249);
  assert.match(kbStatsCommand().out, /countries: \d+ current/);
  const show = kbShowCommand("Q159");
  assert.equal(JSON.parse(show.out)[0].iso3, "RUS");
  assert.equal(JSON.parse(kbShowCommand("الاتحاد الروسي").out)[0].id, "Q159");
  assert.equal(kbShowCommand("لا يوجد كيان بهذا الاسم").code, 1);
  assert.match(kbSearchCommand("بيونغ").out, /Pyongyang/);
  assert.equal(kbValidateCommand().code, 0);
  withTmp((dir) => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ schema: "rasd/kb@1", description: "t", sources: ["t"],
      entries: [{ id: "rasd:place:x", type: "place", name: { ar: "مكان", en: null }, aliases: [], country: "ZZZ", igo: null, sector: null, parent: null }] }));
    const r = kbValidateCommand([bad]);
    assert.equal(r.code, 1);
    assert.match(r.out, /unknown country code ZZZ/);
    assert.match(kbValidateCommand([join(dir, "none.json")]).out, /file not found/);
  });
});

/** A tiny KB directory, so the import test does not depend on the repo data. */
function fixtureKb(dir: string): string {
  const kbDir = join(dir, "kb");
  mkdirSync(kbDir);
  const c = (id: string, ar: string, iso: string) =>
    ({ id, type: "country", name: { ar, en: null }, aliases: [], country: iso, igo: null, sector: null, parent: null, iso3: iso });
  const p = (id: string, ar: string, iso: string) =>
    ({ id, type: "place", name: { ar, en: null }, aliases: [], country: iso, igo: null, sector: null, parent: null });
  writeFileSync(join(kbDir, "t.json"), JSON.stringify({ schema: "rasd/kb@1", description: "t", sources: ["t"], entries: [
    c("rasd:country:sdn", "السودان", "SDN"), c("rasd:country:egy", "مصر", "EGY"), c("rasd:country:rus", "روسيا", "RUS"),
    p("rasd:place:moscow", "موسكو", "RUS"), p("rasd:place:omdurman", "أم درمان", "SDN"),
  ] }));
  return kbDir;
}

test("kb import: PETRARCH text and kb JSON into a user layer; clear errors", () => {
  withTmp((dir) => {
    const dataDir = fixtureKb(dir);
    const user = join(dir, "kb-user.json");
    const dict = join(dir, "actors.txt");
    writeFileSync(dict, DICT + "موسكو  [RUS]\n");
    const dry = kbImportCommand(dict, { userFile: user, dryRun: true, dataDir });
    assert.equal(dry.code, 0);
    assert.match(dry.out, /2 already in the KB/, "موسكو and أم درمان are known places");
    const r = kbImportCommand(dict, { userFile: user, dataDir });
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /4 added/);
    const prev = process.env.RASD_KB_USER;
    process.env.RASD_KB_USER = user;
    try {
      clearKbCache();
      assert.equal(loadKb({ userLayer: true, dataDir }).entries.length, 5 + 4);
    } finally {
      if (prev === undefined) delete process.env.RASD_KB_USER; else process.env.RASD_KB_USER = prev;
      clearKbCache();
    }
    assert.match(kbImportCommand(join(dir, "nope.txt"), { userFile: user, dataDir }).out, /file not found/);
    writeFileSync(join(dir, "bad.json"), "{");
    assert.match(kbImportCommand(join(dir, "bad.json"), { userFile: user, dataDir }).out, /not valid JSON/);
    const good = join(dir, "local.json");
    writeFileSync(good, JSON.stringify({ schema: "rasd/kb@1", description: "t", sources: ["t"], entries: [
      { id: "rasd:import:local-group", type: "organization", name: { ar: "جمعية محلية للاختبار", en: null }, aliases: [],
        country: "SDN", igo: null, sector: "NGO", parent: null }] }));
    assert.match(kbImportCommand(good, { userFile: user, dataDir }).out, /1 added, 0 updated, 5 total/);
    writeFileSync(join(dir, "x.json"), JSON.stringify({ schema: "other" }));
    assert.equal(kbImportCommand(join(dir, "x.json"), { userFile: user, dataDir }).code, 2);
  });
});

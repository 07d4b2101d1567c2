import { test } from "node:test";
import assert from "node:assert/strict";
import { readLexiconFile, readMonthsFile, validateTimeData, loadTimeLexicon } from "./lexicon.js";

test("data/time files are valid", () => {
  assert.deepEqual(validateTimeData(readMonthsFile(), readLexiconFile()), []);
});

test("validator catches a broken month table", () => {
  const months = readMonthsFile();
  const broken = { ...months, gregorian: months.gregorian.filter((r) => r.month !== 7) };
  assert.ok(validateTimeData(broken, readLexiconFile()).some((e) => e.includes("months missing")));
  const clash = { ...months, hijri: [...months.hijri, { month: 3, names: ["يناير"] }] };
  assert.ok(validateTimeData(clash, readLexiconFile()).some((e) => e.includes("two months")));
});

test("every naming system names all twelve months and spelling variants are indexed", () => {
  const lex = loadTimeLexicon();
  for (const [w, m] of [["ابريل", 4], ["إبريل", 4], ["أبريل", 4], ["يونية", 6], ["يولية", 7], ["اغسطس", 8], ["أغسطس", 8],
    ["كانون الثاني", 1], ["شباط", 2], ["آذار", 3], ["نيسان", 4], ["أيار", 5], ["حزيران", 6], ["تموز", 7], ["آب", 8],
    ["أيلول", 9], ["تشرين الأول", 10], ["تشرين الثاني", 11], ["كانون الأول", 12],
    ["جانفي", 1], ["فيفري", 2], ["أفريل", 4], ["ماي", 5], ["جوان", 6], ["جويلية", 7], ["أوت", 8],
    ["يوليوز", 7], ["غشت", 8], ["شتنبر", 9], ["نونبر", 11], ["دجنبر", 12]] as const) {
    const k = w.replace(/[أإآ]/g, "ا").replace(/ة/g, "ه");
    assert.equal(lex.gregorian.get(k), m, w);
  }
  assert.equal(lex.hijri.get("ذو القعده"), 11);
  assert.equal(lex.ordinals.get("الحادي والثلاثين"), 31);
});

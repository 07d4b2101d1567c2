import { test } from "node:test";
import assert from "node:assert/strict";
import {
  normalize,
  normalizeKnown,
  normalizeForMatch,
  mapSpan,
  tokenize,
  cliticVariants,
  stripLeadingClitics,
  translitKey,
  splitSentences,
  isArabicLetter,
} from "./index.js";

/** every span of normalized text maps back to an original slice that normalizes to the same string */
function assertRoundTrips(s: string): void {
  const n = normalize(s);
  assert.equal(n.map.length, n.text.length + 1);
  assert.equal(n.map[n.text.length], s.length);
  for (let i = 1; i < n.map.length; i++) assert.ok(n.map[i]! >= n.map[i - 1]!, "map is monotone");
  const words = [...n.text.matchAll(/[^\s]+/g)];
  for (const m of words) {
    const [a, b] = mapSpan(n, m.index!, m.index! + m[0].length);
    assert.equal(normalizeForMatch(s.slice(a, b)), m[0], `round trip of «${m[0]}»`);
  }
}

test("alef forms, yaa, taa marbuta, hamza seats", () => {
  assert.equal(normalizeForMatch("أإآٱ"), "اااا");
  assert.equal(normalizeForMatch("مستشفى"), "مستشفي");
  assert.equal(normalizeForMatch("مدينة"), "مدينه");
  assert.equal(normalizeForMatch("مؤتمر رئيس"), "موتمر رييس");
  assert.equal(normalizeForMatch("جزء"), "جزء", "bare hamza is kept");
});

test("Persian and Urdu letters", () => {
  assert.equal(normalizeForMatch("کرمان"), "كرمان");
  assert.equal(normalizeForMatch("گيلان"), "كيلان");
  assert.equal(normalizeForMatch("پاکستان"), "باكستان");
  assert.equal(normalizeForMatch("چين"), "جين");
  assert.equal(normalizeForMatch("ڤيينا"), "فيينا");
  assert.equal(normalizeForMatch("ژاپن"), "زابن");
  assert.equal(normalizeForMatch("ایران"), "ايران");
  assert.equal(normalizeForMatch("ھند"), "هند");
});

test("tatweel, diacritics and superscript alef are removed", () => {
  assert.equal(normalizeForMatch("مـــوسكو"), "موسكو");
  assert.equal(normalizeForMatch("وَزِيرُ الخَارِجِيَّةِ"), "وزير الخارجيه");
  assert.equal(normalizeForMatch("هٰذا"), "هذا");
});

test("digits: Arabic-Indic and Persian to ASCII", () => {
  assert.equal(normalizeForMatch("٢٠٢٤/٠٦/١٤"), "2024/06/14");
  assert.equal(normalizeForMatch("۱۴۰۳"), "1403");
  assert.equal(normalizeForMatch("٣٫٥"), "3.5");
});

test("presentation forms become base letters (offset-preserving)", () => {
  // ﺑﻮﺗﻴﻦ = بوتين in presentation forms; ﻻ ligature = لا
  assert.equal(normalizeForMatch("ﺑﻮﺗﻴﻦ"), "بوتين");
  assert.equal(normalizeForMatch("ﻻ"), "لا");
  const n = normalize("قال ﻻ شيء");
  assert.equal(n.text, "قال لا شيء");
  assert.equal(n.map[4], 4);
  assert.equal(n.map[5], 4, "both letters of the ligature map to it");
  assert.equal(n.map[6], 5);
});

test("Latin lowercased, quotes and dashes unified, odd spaces to space", () => {
  assert.equal(normalizeForMatch("CNN"), "cnn");
  assert.equal(normalizeForMatch("«نعم» “لا” ‘x’"), '"نعم" "لا" \'x\'');
  assert.equal(normalizeForMatch("أ–ب—ج"), "ا-ب-ج");
  assert.equal(normalizeForMatch("أ\u00a0ب"), "ا ب");
  assert.equal(normalizeForMatch("بو\u200cتين"), "بوتين", "ZWNJ removed");
});

test("offset map round trips on diacritics, tatweel, presentation forms and Persian letters", () => {
  assertRoundTrips("قالَ الرَّئيسُ الروســي ﻓﻼﺩﻳﻤﻴﺮ بوتين لِـ«وكالة» گزارش ی ٢٠٢٤ هٰذا");
  assertRoundTrips("\u200fمرحبا\u200f  بالعالم ﴿آية﴾");
  const s = "التقى الرَّئيسُ بـــوتين";
  const n = normalize(s);
  const i = n.text.indexOf("بوتين");
  const [a, b] = mapSpan(n, i, i + "بوتين".length);
  assert.equal(s.slice(a, b), "بـــوتين");
  const j = n.text.indexOf("الرييس");
  const [c, d] = mapSpan(n, j, j + 6);
  assert.equal(s.slice(c, d), "الرَّئيسُ", "trailing diacritics of the last letter are included");
});

test("normalizeForMatch equals normalize().text", () => {
  for (const s of ["", "abc", "أَهْلاً", "ﻻ ﷲ", "پ٢"]) assert.equal(normalizeForMatch(s), normalize(s).text);
});

test("tokenize: words, punctuation, digits, Latin, hyphen flag", () => {
  const s = "قال، «بوتين»: كوفيد-19 كلّف 3.5 مليار؛ NATO؟";
  const toks = tokenize(s);
  for (const t of toks) assert.equal(s.slice(t.start, t.end), t.text);
  assert.deepEqual(
    toks.map((t) => t.norm),
    ["قال", "،", '"', "بوتين", '"', ":", "كوفيد", "-", "19", "كلف", "3.5", "مليار", "؛", "nato", "؟"],
  );
  const k19 = toks.find((t) => t.norm === "19")!;
  assert.equal(k19.hyphenJoined, true);
  assert.equal(k19.kind, "number");
  assert.equal(toks.find((t) => t.norm === "كوفيد")!.hyphenJoined, undefined);
  assert.equal(toks.find((t) => t.norm === "بوتين")!.spaceBefore, false);
  // spaced hyphen does not join
  const sp = tokenize("موسكو - كييف");
  assert.equal(sp[2]!.hyphenJoined, undefined);
});

test("tokenize keeps tatweel and diacritics inside the word", () => {
  const toks = tokenize("الـرَّئيـسُ");
  assert.equal(toks.length, 1);
  assert.equal(toks[0]!.norm, "الرييس");
  assert.equal(toks[0]!.text, "الـرَّئيـسُ");
});

test("cliticVariants: conjunctions, prepositions, لل and the article", () => {
  const stems = (w: string) => cliticVariants(w).map((v) => v.stem);
  assert.ok(stems("وروسيا").includes("روسيا"));
  assert.ok(stems("لبيونج").includes("بيونج"));
  assert.ok(stems("للولايات").includes("الولايات"));
  assert.ok(stems("بالصين").includes("الصين"));
  assert.ok(stems("وبالصين").includes("الصين"));
  assert.ok(stems("فالكرملين").includes("كرملين"));
  assert.ok(stems("كالعادة").includes("العادة"));
  assert.equal(cliticVariants("موسكو")[0]!.stem, "موسكو", "the unsegmented token comes first");
  const ll = cliticVariants("للولايات").find((v) => v.stem === "الولايات")!;
  assert.equal(ll.offset, 0, "«لل» keeps the whole token in a mention");
  const wa = cliticVariants("وروسيا").find((v) => v.stem === "روسيا")!;
  assert.equal(wa.offset, 1);
  assert.equal(wa.prefix, "و");
  assert.ok(!stems("وب").includes("ب"), "no one-letter stems");
  assert.deepEqual(stripLeadingClitics("وبالصين").includes("الصين"), true);
});

test("translitKey merges transliteration variants", () => {
  const same = (a: string, b: string) => assert.equal(translitKey(a), translitKey(b), `${a} ~ ${b}`);
  same("بيونغ يانغ", "بيونج يانج");
  same("بيونغ يانغ", "بيونغيانغ");
  same("بيونغ يانغ", "بيونج-يانج");
  same("بوتين", "بوتن");
  same("فوستوشني", "فوستوتشني");
  same("كيم جونغ أون", "كيم جونج أون");
  same("طوكيو", "توكيو");
  same("فيليب", "فيلليب");
});

test("translitKey keeps distinct names apart", () => {
  const diff = (a: string, b: string) => assert.notEqual(translitKey(a), translitKey(b), `${a} ≠ ${b}`);
  diff("كيم جونغ أون", "كيم جونغ إيل");
  diff("لبنان", "ليبيا");
  diff("اليمن", "اليابان");
  diff("عمان", "ايران");
  diff("سوريا", "روسيا");
  diff("النمسا", "المانيا");
});

test("splitSentences", () => {
  const t = "قال الوزير إن النمو بلغ 3.5 بالمئة. وأضاف: هل هذا كاف؟ نعم!\nسطر جديد بلا نقطة";
  const spans = splitSentences(t).map((s) => t.slice(s.start, s.end));
  assert.deepEqual(spans, ["قال الوزير إن النمو بلغ 3.5 بالمئة.", "وأضاف: هل هذا كاف؟", "نعم!", "سطر جديد بلا نقطة"]);
  const q = "قال «انتهى الأمر.» ثم غادر.";
  assert.deepEqual(splitSentences(q).map((s) => q.slice(s.start, s.end)), ["قال «انتهى الأمر.»", "ثم غادر."]);
});

test("isArabicLetter", () => {
  assert.ok(isArabicLetter("ب"));
  assert.ok(isArabicLetter("پ"));
  assert.ok(!isArabicLetter("٣"));
  assert.ok(!isArabicLetter("َ"));
  assert.ok(!isArabicLetter("a"));
});

test("normalizeKnown gives normalize's text and offsets when the normalized text is already known", () => {
  const samples = [
    "قال الرئيس إن الزيارة ستتم الأحد.",
    "الرَّئيسُ يزورُ القاهرةَ", // marks dropped: lengths differ, normalized again
    "ﻻ يزال الحوار قائما", // a ligature expands
    "لا\u064B يزال", // a mark and nothing else
    "emoji 😀 and \ud800 lone surrogate",
    "",
  ];
  for (const s of samples) {
    const a = normalize(s);
    const b = normalizeKnown(s, normalizeForMatch(s));
    assert.equal(b.text, a.text);
    assert.deepEqual([...b.map], [...a.map], s);
  }
});

test("splitSentences skips ordinary characters but still stops at every end mark and line break", () => {
  const s = "قالت الوزارة إن الوفد وصل. وأضافت: هل تستمر المحادثات؟ نعم!\nسطر جديد… ونهاية";
  assert.deepEqual(splitSentences(s).map((x) => s.slice(x.start, x.end)), [
    "قالت الوزارة إن الوفد وصل.", "وأضافت: هل تستمر المحادثات؟", "نعم!", "سطر جديد…", "ونهاية",
  ]);
});

/**
 * Short organization names that are also common nouns («الجزيرة»: the island / the peninsula / the broadcaster):
 * a longer KB name wins over the short alias inside it, a head noun of another kind before the name makes it another
 * entity (rule cue_head_noun), and an agreeing adjective after a definite noun is no organization's name. Sentences
 * written for this test (not from the dev articles), real KB, publication date 2025-07-15.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadKb } from "../kb/index.js";
import { linkEntities, type LinkedEntity } from "./index.js";

const kb = loadKb();
const link = (s: string): LinkedEntity[] => linkEntities(s, { kb, published: "2025-07-15" });
const AJ = "rasd:organization:al-jazeera";
/** the entity whose first mention is exactly `text` */
const at = (es: LinkedEntity[], text: string) => es.find((e) => e.mentions.some((m) => m.text === text));

interface Case {
  text: string;
  /** mention text → expected id (or, for discovered entities, type) */
  expect: [string, string][];
  /** the broadcaster must not be among the entities */
  noAlJazeera?: boolean;
}

const CASES: Case[] = [
  // a longer KB name wins
  { text: "أجرت كوريا الشمالية تجربة صاروخية زادت التوتر في شبه الجزيرة الكورية.", expect: [["شبه الجزيرة الكورية", "rasd:place:korean-peninsula"]], noAlJazeera: true },
  { text: "تعد شبه الجزيرة العربية من أكثر مناطق العالم جفافا.", expect: [["شبه الجزيرة العربية", "rasd:place:arabian-peninsula"]], noAlJazeera: true },
  { text: "ضمت روسيا جزيرة القرم بعد استفتاء لم يعترف به الغرب.", expect: [["جزيرة القرم", "rasd:place:crimea"]], noAlJazeera: true },
  { text: "سيطرت قوات سوريا الديمقراطية على مناطق واسعة في الجزيرة السورية شرق الفرات.", expect: [["الجزيرة السورية", "rasd:place:syrian-jazira"]], noAlJazeera: true },
  { text: "تمتد منطقة الجزيرة الفراتية بين نهري دجلة والفرات.", expect: [["منطقة الجزيرة الفراتية", "rasd:place:upper-mesopotamia"]], noAlJazeera: true },
  { text: "شهدت ولاية الجزيرة في وسط السودان معارك عنيفة.", expect: [["ولاية الجزيرة", "rasd:place:al-jazirah-state"]], noAlJazeera: true },
  // a head noun of another kind before the name (cue_head_noun)
  { text: "تخرج الطبيب من جامعة الجزيرة في مدينة ود مدني.", expect: [["جامعة الجزيرة", "organization"]], noAlJazeera: true },
  { text: "فاز نادي الجزيرة الإماراتي بلقب الدوري.", expect: [["نادي الجزيرة", "organization"]], noAlJazeera: true },
  { text: "نقل المصابون إلى مستشفى الجزيرة في المدينة.", expect: [["مستشفى الجزيرة", "facility"]], noAlJazeera: true },
  { text: "وصل الجيش إلى مدينة الجزيرة شمال البلاد.", expect: [["مدينة الجزيرة", "place"]], noAlJazeera: true },
  // «شبه الجزيرة» without a known compound: the peninsula, unnamed
  { text: "تصاعد التوتر في شبه الجزيرة بعد التجربة الصاروخية.", expect: [], noAlJazeera: true },
  { text: "أجرت البحرية مناورات قبالة شبه الجزيرة الإيبيرية.", expect: [], noAlJazeera: true },
  // negatives: the broadcaster is still the broadcaster
  { text: "قالت قناة الجزيرة إن مراسلها أصيب في غزة.", expect: [["قناة الجزيرة", AJ]] },
  { text: "ذكرت الجزيرة أن المفاوضات ستستأنف الأسبوع المقبل.", expect: [["الجزيرة", AJ]] },
  { text: "وأفادت مراسلة الجزيرة بسقوط قتلى في القصف.", expect: [["الجزيرة", AJ]] },
  { text: "قال مسؤول في وزارة الخارجية لقناة الجزيرة إن الاتفاق قريب.", expect: [["قناة الجزيرة", AJ]] },
  { text: "أفادت شبكة الجزيرة بأن القصف استمر طوال الليل.", expect: [["شبكة الجزيرة", AJ]] },
  { text: "قالت قناة الجزيرة القطرية إن مكتبها في رام الله أغلق.", expect: [["قناة الجزيرة", AJ]] },
];

for (const c of CASES) {
  test(`ambiguous short names: ${c.text}`, () => {
    const es = link(c.text);
    for (const [text, want] of c.expect) {
      const e = at(es, text);
      assert.ok(e, `«${text}» is a mention (got ${es.map((x) => x.mentions[0]!.text).join(" | ")})`);
      if (want.includes(":")) assert.equal(e.id, want, `«${text}»`);
      else {
        assert.equal(e.type, want, `«${text}» type`);
        assert.ok(!kb.byId.has(e.id), `«${text}» is a discovered entity`);
      }
    }
    if (c.noAlJazeera) assert.equal(es.find((e) => e.id === AJ), undefined, "not the broadcaster");
  });
}

test("a head noun keeps an organization of its own kind («جامعة» EDU vs the religious Al-Azhar, «حركة حماس»)", () => {
  assert.equal(link("أعلنت حركة حماس قبولها بالمقترح.")[0]?.name.en, "Hamas");
  const u = link("قال رئيس جامعة الأزهر إن الدراسة ستستأنف.");
  assert.equal(u.find((e) => e.type === "organization")?.name.ar, "جامعة الأزهر", "the university, not the institution");
});

test("the discovered namesake takes a following nisba's country, not the organization's", () => {
  assert.equal(at(link("فاز نادي الجزيرة الإماراتي بلقب الدوري."), "نادي الجزيرة")?.country, "ARE");
  assert.equal(at(link("تخرج من جامعة الجزيرة السودانية."), "جامعة الجزيرة")?.country, "SDN");
});

test("a feminine adjective after a definite noun is no organization's name", () => {
  const es = link("اكتشف علماء آثار ألواحا من الحضارة السومرية في جنوب العراق، وحذرت اللجنة الرباعية من تدهور الوضع.");
  assert.deepEqual(es.map((e) => e.type), ["country"], "only Iraq: not Al Sumaria, not the Quad");
  assert.equal(link("ذكرت قناة السومرية أن الانتخابات تأجلت.")[0]?.name.en, "Al Sumaria", "the channel after «قناة»");
});

test("common-word newspaper names are not linked alone, and are discovered after a press cue", () => {
  assert.equal(link("عادت الحياة إلى طبيعتها في المدينة بعد الحرب، وما زال الأمل قائما.").length, 0);
  const es = link("نشرت صحيفة الحياة تقريرا عن الأزمة.");
  assert.equal(es[0]?.type, "organization");
  assert.equal(es[0]?.sector, "MED");
});

/**
 * The pipeline analyses a body once (src/text/analysis.ts) and hands the analysis to the entity linker and the event
 * coder: their output must be exactly what they produce when they analyse the body themselves, and an analysis of
 * another text must be ignored.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeText } from "../text/index.js";
import { loadKb } from "../kb/index.js";
import { linkEntities } from "../entities/index.js";
import { tagTimes } from "../time/index.js";
import { codeEvents } from "./index.js";

const BODIES = [
  "الرياض - استقبل ولي العهد السعودي في الرياض يوم الثلاثاء وزير الخارجية الصيني، وبحث الجانبان سبل تعزيز التعاون.\n\n" +
    "وقال الوزير إن بلاده ستواصل دعم جهود التهدئة في المنطقة، فيما نفت طهران الاتهامات الموجهة إليها.",
  "أدانت مصر الهجوم على مدينة رفح، ودعت الأمم المتحدة إلى التحرك العاجل. ومن المقرر أن يزور الرئيس التركي القاهرة الشهر المقبل.",
];

test("entities and events are the same with the shared analysis as without it", () => {
  const kb = loadKb();
  const published = "2024-05-14";
  for (const body of BODIES) {
    const text = analyzeText(body);
    const own = linkEntities(body, { published, kb });
    const shared = linkEntities(body, { published, kb, text });
    assert.deepEqual(shared, own);
    const times = tagTimes(body, published);
    assert.deepEqual(
      codeEvents({ body, published, entities: shared, times, text }, { kb }),
      codeEvents({ body, published, entities: own, times }, { kb }),
    );
    // an analysis of another text is not used
    const stale = analyzeText(BODIES[0] === body ? BODIES[1]! : BODIES[0]!);
    assert.deepEqual(linkEntities(body, { published, kb, text: stale }), own);
  }
});

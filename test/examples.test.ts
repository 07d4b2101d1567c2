/** The bundled examples (articles we wrote) through the whole pipeline: metadata, encodings, related stories. */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readInputs, isInputError, type InputDoc } from "../src/ingest/index.js";
import { extractDocument, articleId } from "../src/extract.js";
import type { ArticleRecord } from "../src/record.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const expected: Record<string, Partial<ArticleRecord> & { encoding?: string; relatedCount?: number; paras?: number }> = {
  "01_saudi_iran_beijing": { published: "2023-03-10", outlet: "نشرة الخليج اليوم", authors: ["سلمى الحربي"], credited: ["وكالة الأنباء السعودية"], relatedCount: 1, paras: 6 },
  "02_lebanon_president": { published: "2025-01-09", authors: ["رامي الخوري"], credited: ["وكالة الأنباء الوطنية"], relatedCount: 0, paras: 4 },
  "03_morocco_spain": { title: null, published: "2023-02-02", dateline: "الرباط", paras: 4 },
  "04_ukraine_jeddah": { published: "2023-05-19", credited: ["صحيفة الشرق الرقمية"], paras: 5 },
  "05_gaza_ceasefire": { title: "الوسطاء يعلنون اتفاقا لوقف إطلاق النار في غزة", published: "2025-01-15", outlet: "المرصد العربي", authors: ["نادية الشامي"], dateline: "الدوحة", paras: 4 },
  "06_gcc_summit": { title: "قمة خليجية في الكويت تبحث الأمن الإقليمي", published: "2024-12-01", paras: 3 },
  "08_nile_windows1256": { published: "2023-08-28", credited: ["بوابة النيل الإخبارية"], dateline: "القاهرة", encoding: "windows-1256", paras: 3 },
  "09_turkey_syria_utf16": { published: "2024-12-24", dateline: "دمشق", encoding: "utf-16le", paras: 2 },
};

test("every example extracts with the expected metadata", async () => {
  const records = new Map<string, ArticleRecord>();
  for await (const d of readInputs([path.join(root, "examples")])) {
    assert.ok(!isInputError(d), `input error: ${isInputError(d) ? d.error : ""}`);
    records.set((d as InputDoc).name, extractDocument(d as InputDoc));
  }
  assert.equal(records.size, 11, "9 files, one of them a JSON Lines batch of 3");
  for (const [name, r] of records) assert.equal(r.id, articleId(r.body), `${name}: the id is the hash of the normalized body`);
  for (const [name, exp] of Object.entries(expected)) {
    const r = records.get(name);
    assert.ok(r, `missing ${name}`);
    for (const k of ["title", "published", "outlet", "authors", "credited", "dateline"] as const) {
      if (k in exp) assert.deepEqual(r[k], exp[k], `${name}.${k}`);
    }
    if (exp.encoding) assert.equal(r.source.encoding, exp.encoding, `${name} encoding`);
    if (exp.relatedCount !== undefined) assert.equal(r.related.length, exp.relatedCount, `${name} related`);
    if (exp.paras !== undefined) assert.equal(r.body.split("\n\n").length, exp.paras, `${name} paragraphs`);
    assert.ok(!/^\s*•?\s*مشاركة|فيسبوك تويتر|اترك تعليق|كلمات دلالية|اقرأ أيضا/m.test(r.body), `${name}: furniture left in the body`);
    for (const e of r.entities) for (const m of e.mentions) assert.equal(r.body.slice(m.start, m.end), m.text, `${name}: entity offsets`);
    for (const t of r.times) assert.equal(r.body.slice(t.start, t.end), t.text, `${name}: time offsets`);
  }
  const batch = ["07_batch#1", "07_batch#2", "07_batch#3"].map((n) => records.get(n));
  assert.deepEqual(batch.map((r) => r?.published), ["2024-04-15", "2025-10-27", "2025-10-21"]);
});

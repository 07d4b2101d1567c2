import { test } from "node:test";
import assert from "node:assert/strict";
import type { Worker } from "node:worker_threads";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Store } from "../store/store.js";
import { ingestPaths } from "../store/ingest.js";
import { extractDocument } from "../extract.js";
import { ExtractPool, ExtractionError, defaultThreads } from "./pool.js";
import type { InputDoc } from "./types.js";

const doc = (name: string, text: string): InputDoc =>
  ({ path: `/tmp/${name}.txt`, name, url: null, encoding: "utf-8", title: null, published: null, html: null, text });

const DOCS: InputDoc[] = [
  doc("a", "القاهرة - 3 مارس 2024\nاستقبل وزير الخارجية المصري في القاهرة يوم الأحد نظيره الأردني لبحث الأوضاع في غزة وسبل إيصال المساعدات الإنسانية."),
  doc("b", "أعلنت وزارة الصحة التونسية أمس الثلاثاء عن حملة تطعيم جديدة تشمل المدارس في ولايات الجنوب خلال الشهر المقبل."),
  doc("c", "الرباط - قال رئيس الحكومة المغربية إن بلاده ستوقع اتفاقية تعاون اقتصادي مع فرنسا الأسبوع القادم، في زيارة رسمية إلى باريس."),
  doc("d", "اندلعت اشتباكات عنيفة في العاصمة السودانية الخرطوم صباح الجمعة بين الجيش وقوات الدعم السريع، وفق شهود عيان."),
];
/** A structurally invalid document: its extraction throws. */
const BROKEN = { ...doc("broken", ""), text: 42 as unknown as string };

test("pool: same records as inline extraction, in input order via map()", async () => {
  const inline = DOCS.map((d) => extractDocument(d));
  const pool = new ExtractPool({ threads: 2 });
  try {
    assert.equal(pool.mode, "workers");
    const got = [];
    for await (const r of pool.map(DOCS, (d) => d)) got.push(r);
    assert.deepEqual(got.map((r) => r.item.name), ["a", "b", "c", "d"]);
    for (let i = 0; i < DOCS.length; i++) {
      assert.equal(got[i]!.error, null);
      assert.equal(got[i]!.record!.id, inline[i]!.id);
      assert.equal(got[i]!.record!.body, inline[i]!.body);
      assert.deepEqual(got[i]!.record, inline[i]);
    }
    // extract() on its own
    assert.equal((await pool.extract(DOCS[1]!)).id, inline[1]!.id);
    // close() ends the workers and rejects later work
    const workers = (pool as unknown as { slots: { worker: Worker }[] }).slots.map((s) => s.worker);
    assert.equal(workers.length, 2);
    const exits = workers.map((w) => new Promise<void>((res) => w.once("exit", () => res())));
    await pool.close();
    await Promise.all(exits);
    assert.ok(workers.every((w) => w.threadId === -1), "worker threads ended");
    await assert.rejects(pool.extract(DOCS[0]!), /closed/);
  } finally {
    await pool.close();
  }
});

test("pool: an error in one document does not stop the others; pass-through items keep their place", async () => {
  const pool = new ExtractPool({ threads: 1, maxInFlight: 3 });
  try {
    const items: (InputDoc | string)[] = [DOCS[0]!, "record-x", BROKEN, DOCS[2]!, DOCS[3]!];
    const out = [];
    for await (const r of pool.map(items, (it) => (typeof it === "string" ? null : it))) out.push(r);
    assert.deepEqual(out.map((r) => (typeof r.item === "string" ? r.item : r.item.name)), ["a", "record-x", "broken", "c", "d"]);
    assert.equal(out[1]!.doc, null);
    assert.ok(out[2]!.error instanceof ExtractionError);
    assert.match(out[2]!.error!.message, /not a function|replace/);
    assert.equal(out[2]!.error!.docName, "broken");
    assert.ok(out[0]!.record && out[3]!.record && out[4]!.record);
    await assert.rejects(pool.extract(BROKEN), ExtractionError);
    assert.ok((await pool.extract(DOCS[3]!)).id);
  } finally {
    await pool.close();
  }
});

test("pool: threads 0 extracts inline; inline function and errors", async () => {
  const pool = new ExtractPool({ threads: 0 });
  assert.equal(pool.mode, "inline");
  assert.equal((await pool.extract(DOCS[2]!)).body, extractDocument(DOCS[2]!).body);
  await assert.rejects(pool.extract(BROKEN), ExtractionError);
  const fake = new ExtractPool({ threads: 0, inlineExtract: (d) => ({ ...extractDocument(DOCS[0]!), id: `fake-${d.name}` }) });
  const out = [];
  for await (const r of fake.map(DOCS, (d) => d)) out.push(r.record!.id);
  assert.deepEqual(out, ["fake-a", "fake-b", "fake-c", "fake-d"]);
  await pool.close();
  await fake.close();
  assert.ok(defaultThreads() >= 1);
});

test("pool: falls back to inline extraction when no worker starts", async () => {
  const warnings: string[] = [];
  const pool = new ExtractPool({ threads: 2, workerEntry: new URL("./no-such-worker.js", import.meta.url), onWarning: (m) => warnings.push(m) });
  try {
    const recs = await Promise.all(DOCS.slice(0, 2).map((d) => pool.extract(d)));
    assert.deepEqual(recs.map((r) => r.id), DOCS.slice(0, 2).map((d) => extractDocument(d).id));
    assert.equal(pool.mode, "inline");
    assert.ok(warnings.some((w) => /main thread/.test(w)), warnings.join("; "));
  } finally {
    await pool.close();
  }
});

test("pool in the store ingest: threads 1 stores what threads 0 stores; re-run unchanged", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-pool-"));
  try {
    for (const d of DOCS) writeFileSync(join(dir, `${d.name}.txt`), d.text!);
    const ids = (threads: number) => {
      const store = Store.open(join(dir, `t${threads}.db`));
      return { store, list: () => store.db.prepare("SELECT id, hash, record FROM articles ORDER BY id").all() };
    };
    const a = ids(0), b = ids(1);
    try {
      const s0 = await ingestPaths(a.store, [dir], { threads: 0, progress: false });
      const s1 = await ingestPaths(b.store, [dir], { threads: 1, progress: false, batchSize: 2 });
      assert.deepEqual([s0.inserted, s0.errors.length], [4, 0]);
      assert.deepEqual([s1.inserted, s1.errors.length], [4, 0]);
      assert.deepEqual(b.list(), a.list());
      const again = await ingestPaths(b.store, [dir], { threads: 1, progress: false });
      assert.equal(again.unchanged, 4);
    } finally {
      a.store.close();
      b.store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("pool: a worker crash fails only the document it was running; a replacement takes the rest", async () => {
  // A stand-in worker speaking the pool protocol: it dies on the document named "crash".
  const code = `import { parentPort } from "node:worker_threads";
    parentPort.on("message", ({ id, doc }) => { if (doc.name === "crash") process.exit(3); parentPort.postMessage({ id, record: { id: "r-" + doc.name } }); });
    parentPort.postMessage({ type: "ready" });`;
  const warnings: string[] = [];
  const pool = new ExtractPool({ threads: 1, workerEntry: new URL("data:text/javascript," + encodeURIComponent(code)), onWarning: (m) => warnings.push(m) });
  try {
    const names = ["a", "crash", "b", "c"];
    const out = [];
    for await (const r of pool.map(names.map((n) => doc(n, "نص")), (d) => d)) out.push(r.record?.id ?? r.error?.message);
    assert.equal(out[0], "r-a");
    assert.match(String(out[1]), /crashed/);
    assert.deepEqual(out.slice(2), ["r-b", "r-c"]);
    assert.equal(pool.mode, "workers");
    assert.ok(warnings.some((w) => /restarting/.test(w)), warnings.join("; "));
  } finally {
    await pool.close();
  }
});

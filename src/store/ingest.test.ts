import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Store } from "./store.js";
import { ingestPaths } from "./ingest.js";
import { exampleRecords } from "./fixtures.js";
import { syntheticRecord } from "./sample.js";
import type { InputDoc } from "../ingest/types.js";
import { SCHEMA, type ArticleRecord } from "../record.js";

function tmp(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "rasd-ingest-"));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fake extractor: a text page becomes a record with the text as body (the real pipeline is tested elsewhere). */
function fakeExtract(doc: InputDoc): ArticleRecord {
  const body = (doc.text ?? doc.html ?? "").trim();
  if (body.includes("BROKEN")) throw new Error("cannot extract");
  return { ...exampleRecords()[0]!, id: `doc-${doc.name}`, source: { path: doc.path, url: null, encoding: doc.encoding }, title: doc.name, body, entities: [], events: [], times: [] };
}

test("ingest: record files and pages, bad inputs reported, re-run idempotent", async () => {
  const { dir, done } = tmp();
  const store = Store.open(join(dir, "db", "t.db"));
  try {
    const inp = join(dir, "in");
    mkdirSync(inp);
    const recs = exampleRecords();
    writeFileSync(join(inp, "records.jsonl"), recs.map((r) => JSON.stringify(r)).join("\n") + "\n{not json\n" + JSON.stringify({ schema: SCHEMA, title: "x" }) + "\n");
    writeFileSync(join(inp, "one.json"), JSON.stringify({ ...recs[0]!, id: "single" }));
    writeFileSync(join(inp, "page.txt"), "خبر قصير عن اجتماع وزراء الزراعة العرب في عمّان لبحث الأمن الغذائي.");
    writeFileSync(join(inp, "bad.txt"), "BROKEN صفحة لا يمكن استخراجها");
    const s1 = await ingestPaths(store, [inp, join(dir, "missing.txt")], { extract: fakeExtract, progress: false, batchSize: 3 });
    assert.equal(s1.inserted, recs.length + 2);
    assert.equal(s1.errors.length, 4, JSON.stringify(s1.errors));
    assert.ok(s1.errors.some((e) => /invalid JSON/.test(e.error)));
    assert.ok(s1.errors.some((e) => /missing id/.test(e.error)));
    assert.ok(s1.errors.some((e) => /extraction failed/.test(e.error)));
    assert.ok(s1.errors.some((e) => /no such file/.test(e.error)));
    const counts = store.count();
    const s2 = await ingestPaths(store, [inp], { extract: fakeExtract, progress: false });
    assert.equal(s2.inserted, 0);
    assert.equal(s2.unchanged, recs.length + 2);
    assert.deepEqual(store.count(), counts);
    assert.equal(store.search("الغذائي").total, 1);
  } finally {
    store.close();
    done();
  }
});

test("ingest: killed mid-run, re-run completes without loss or duplicates; readers work meanwhile", async () => {
  const { dir, done } = tmp();
  try {
    const N = 120;
    const file = join(dir, "recs.jsonl");
    const recs = Array.from({ length: N }, (_, i) => syntheticRecord(i));
    writeFileSync(file, recs.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const db = join(dir, "k.db");
    const here = (f: string) => pathToFileURL(join(import.meta.dirname, f)).href;
    // The child ingests in batches of 10 and sleeps after each commit, so the kill lands mid-run.
    const code = `
      const { Store } = await import(${JSON.stringify(here("store.ts"))});
      const { ingestPaths } = await import(${JSON.stringify(here("ingest.ts"))});
      const s = Store.open(${JSON.stringify(db)});
      await ingestPaths(s, [${JSON.stringify(file)}], { batchSize: 10, progress: false, onBatch: (n) => {
        console.log("batch " + n);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150);
      } });
      console.log("finished");`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "", err = "";
    child.stderr.on("data", (d) => { err += d; });
    let readerChecked = false;
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const batches = (out.match(/batch \d+/g) ?? []).length;
        if (batches >= 2 && !readerChecked) {
          // A reader works while the writer runs (WAL).
          const reader = Store.open(db, { readonly: true });
          readerChecked = reader.count().articles >= 20;
          reader.close();
        }
        if (batches >= 3 && !child.killed) child.kill("SIGKILL");
      });
      child.on("exit", () => resolve());
      child.on("error", reject);
    });
    assert.ok(!out.includes("finished"), "the child was killed before the end: " + out + err);
    assert.ok(readerChecked, "reader saw committed batches during the ingest");
    const store = Store.open(db);
    const partial = store.count().articles;
    assert.ok(partial > 0 && partial < N, `partial ${partial}`);
    assert.equal(partial % 10, 0, "only whole batches are committed");
    const s = await ingestPaths(store, [file], { progress: false, batchSize: 10 });
    assert.equal(s.inserted, N - partial);
    assert.equal(s.unchanged, partial);
    const c = store.count();
    assert.equal(c.articles, N);
    assert.equal(c.events, recs.reduce((n, r) => n + r.events.length, 0), "no event doubled");
    const fts = store.db.prepare("SELECT count(*) AS n FROM articles_fts").get() as { n: number };
    assert.equal(fts.n, N);
    store.close();
  } finally {
    done();
  }
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { exampleRecords } from "./fixtures.js";
import { fromWire, packRecord, prepareRecord, toWire, unpackBody, unpackRecord } from "./prepare.js";
import { recordHash, Store } from "./store.js";
import { MIGRATIONS, LATEST_VERSION } from "./schema.js";
import { minhash, sigToBuffer } from "./dedup.js";
import { ExtractPool } from "../ingest/pool.js";
import { extractDocument } from "../extract.js";
import type { InputDoc } from "../ingest/types.js";

process.env.RASD_KB_USER = join(tmpdir(), "rasd-no-user-layer.json");

function tempDir(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "rasd-prep-"));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Everything a store holds for its articles, independent of rowids and timestamps. */
function snapshot(store: Store) {
  const q = (sql: string) => store.db.prepare(sql).all();
  return {
    articles: q("SELECT id, hash, dup_of, record FROM articles ORDER BY id"),
    entities: q("SELECT id, type, name_ar, name_en, country, igo, sector, known, num_articles, num_mentions, first_seen, last_seen FROM entities ORDER BY id"),
    spellings: q("SELECT entity_id, spelling, norm, count FROM entity_spellings ORDER BY entity_id, spelling"),
    ae: q("SELECT a.id, ae.entity_id, ae.mentions, ae.published FROM article_entities ae JOIN articles a ON a.rid = ae.article_rid ORDER BY 1, 2"),
    timeline: q("SELECT type, dyad, date, status, num_articles, num_copies, num_reports FROM timeline ORDER BY tl_id"),
  };
}

test("prepare: packed records round-trip; the preparation survives a thread message (wire form)", () => {
  const rec = exampleRecords()[1]!;
  const p = prepareRecord(rec);
  assert.equal(p.hash, recordHash(rec));
  assert.deepEqual(unpackRecord(p.packed), JSON.parse(p.json));
  assert.deepEqual(unpackRecord(p.json), JSON.parse(p.json), "plain JSON text (stores before schema 2) reads back too");
  assert.ok(p.packed.length < Buffer.byteLength(p.json) / 2, "packed is much smaller than the JSON");
  assert.deepEqual(p.sig, minhash(rec.body).sig);
  assert.equal(p.bands.length, 16);
  const back = fromWire(structuredClone(toWire(p)));
  assert.deepEqual(back.record, JSON.parse(p.json));
  assert.equal(back.hash, p.hash);
  assert.deepEqual(Buffer.from(back.packed), Buffer.from(p.packed));
  const ent = p.entities.find((e) => e.id === "Q7747")!;
  assert.ok(ent.mentions >= 1 && ent.spellings.every(([sp, norm, n]) => sp && norm && n >= 1));
  assert.throws(() => prepareRecord({ id: "" } as never), /missing id or body/);
});

test("prepare: a store fed prepared records holds exactly what it holds from bare records (batch or one by one)", () => {
  const { dir, done } = tempDir();
  const a = Store.open(join(dir, "a.db")), b = Store.open(join(dir, "b.db")), c = Store.open(join(dir, "c.db"));
  try {
    const recs = exampleRecords();
    a.upsertMany(recs);
    b.upsertMany(recs.map((r) => fromWire(structuredClone(toWire(prepareRecord(r))))));
    for (const r of recs) c.upsertArticle(r);
    assert.deepEqual(snapshot(b), snapshot(a));
    assert.deepEqual(snapshot(c), snapshot(a), "per-transaction entity aggregation = article by article");
    assert.deepEqual(b.upsertMany(recs.map(prepareRecord)), { inserted: 0, updated: 0, unchanged: recs.length });
    // A stale preparation (other indexing rules) is re-prepared, not trusted.
    const changed = { ...recs[0]!, title: "عنوان جديد للخبر" };
    const stale = { ...prepareRecord(changed), fingerprint: "other", fts: { title: "x", body: "x", keys: "" } };
    assert.equal(b.upsertArticle(stale), "updated");
    assert.equal(b.search("عنوان جديد").results[0]?.id, changed.id);
  } finally {
    a.close(); b.close(); c.close();
    done();
  }
});

test("migration 2: a store written by schema 1 (plain JSON records, signatures in articles) opens and works", () => {
  const { dir, done } = tempDir();
  try {
    const path = join(dir, "old.db");
    const recs = exampleRecords();
    // A schema-1 store as the previous version wrote it.
    const db = new Database(path);
    db.pragma("journal_mode = WAL");
    db.exec("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)");
    MIGRATIONS[0]!.up(db);
    db.prepare("INSERT INTO schema_version VALUES (1, '2026-01-01')").run();
    const old = recs[1]!; // the story of which recs[2] is a syndicated copy
    const sh = minhash(old.body);
    db.prepare(`INSERT INTO articles (id, title, published, outlet, url, path, hash, sig, shingles, dup_of, record, ingested_at, updated_at)
      VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, 'x', 'x')`)
      .run(old.id, old.title, old.published, old.outlet, old.source?.url ?? null, recordHash(old), sigToBuffer(sh.sig), sh.shingles, old.id, JSON.stringify(old));
    const rid = db.prepare("SELECT rid FROM articles").pluck().get() as number;
    const bands = prepareRecord(old).bands;
    for (const bnd of bands) db.prepare("INSERT INTO article_lsh (band, rid) VALUES (?, ?)").run(bnd, rid);
    db.close();

    const reader = Store.open(path, { readonly: true, checkIndex: false });
    try {
      assert.equal(reader.getArticle(old.id)!.id, old.id, "a read-only open of a schema-1 file works without migrating");
      assert.equal(reader.search("بيونج يانج").total, 0, "(its index was never built in this hand-made file)");
    } finally {
      reader.close();
    }
    const store = Store.open(path);
    try {
      assert.equal(store.db.prepare("SELECT max(version) FROM schema_version").pluck().get(), LATEST_VERSION);
      assert.equal(store.db.prepare("SELECT count(*) FROM article_sig").pluck().get(), 1, "signatures copied");
      assert.deepEqual(store.getArticle(old.id)!.body, old.body, "plain JSON record still reads");
      assert.equal(store.search("بيونج يانج").results[0]?.id, old.id, "re-indexed on open (no fingerprint yet)");
      assert.equal(store.upsertArticle(old), "unchanged", "same hash: nothing rewritten");
      store.upsertMany([recs[2]!]);
      assert.equal(store.getArticle(recs[2]!.id)!._store.dup_of, old.id, "a new copy joins the old article's group");
      assert.equal(typeof store.db.prepare("SELECT typeof(record) FROM articles WHERE id = ?").pluck().get(recs[2]!.id), "string");
      assert.equal(store.db.prepare("SELECT typeof(record) FROM articles WHERE id = ?").pluck().get(recs[2]!.id), "blob", "new rows are packed");
      assert.ok(packRecord("{}").length > 0);
    } finally {
      store.close();
    }
  } finally {
    done();
  }
});

test("prepare: extraction workers prepare records for the store (pool option prepare)", async () => {
  const docs: InputDoc[] = ["أعلنت وزارة الخارجية الأردنية اليوم أن الوزير سيزور القاهرة الأسبوع المقبل لبحث التعاون الاقتصادي.",
    "قال رئيس الوزراء الياباني إن حكومته ستقدم مساعدات إنسانية جديدة إلى السودان خلال الشهر الجاري."]
    .map((text, i) => ({ path: `/tmp/p${i}.txt`, name: `p${i}`, url: null, encoding: "utf-8", title: null, published: null, html: null, text }));
  const pool = new ExtractPool({ threads: 1, prepare: true });
  try {
    const out = [];
    for await (const r of pool.map(docs, (d) => d)) out.push(r);
    for (const [i, r] of out.entries()) {
      const inline = prepareRecord(extractDocument(docs[i]!));
      assert.ok(r.prepared, "a preparation comes with the record");
      assert.deepEqual(r.record, JSON.parse(inline.json));
      assert.equal(r.prepared.hash, inline.hash);
      assert.deepEqual(r.prepared.fts, inline.fts);
      assert.deepEqual([...r.prepared.sig], [...inline.sig]);
    }
  } finally {
    await pool.close();
  }
});

test("openBatch: records stream into one transaction; a failing record leaves no trace, the others commit", () => {
  const { dir, done } = tempDir();
  const a = Store.open(join(dir, "a.db")), b = Store.open(join(dir, "b.db"));
  try {
    const [r0, r1, r2, r3] = exampleRecords();
    const w = a.openBatch();
    assert.equal(w.add(r0!), "inserted");
    // Fails inside its savepoint, after its article, signature and LSH rows were written (a title SQLite cannot bind).
    const bad = prepareRecord(r1!);
    assert.throws(() => w.add({ ...bad, fts: { ...bad.fts, title: {} as never } }));
    assert.equal(w.add(prepareRecord(r2!)), "inserted");
    assert.equal(w.add(r3!), "inserted");
    assert.equal(w.size, 3);
    w.commit();
    assert.throws(() => w.add(r1!), /already committed/);
    b.upsertMany([r0!, r2!, r3!]);
    const s = snapshot(a);
    assert.deepEqual(s.articles.map((r) => (r as { id: string }).id).sort(), [r0!.id, r2!.id, r3!.id].sort());
    assert.equal(a.db.prepare("SELECT count(*) FROM article_sig").pluck().get(), 3);
    assert.deepEqual({ ...s, timeline: null }, { ...snapshot(b), timeline: null });
    const w2 = a.openBatch();
    w2.add(r1!);
    w2.rollback();
    assert.equal(a.getArticle(r1!.id), null, "rolled back");
    assert.equal(a.upsertArticle(r1!), "inserted", "the store is usable after a rollback");
  } finally {
    a.close(); b.close();
    done();
  }
});

test("body-only-decode: unpackBody gives the record's body from packed and plain values, whatever the key order", () => {
  for (const rec of exampleRecords()) {
    const json = JSON.stringify(rec);
    assert.equal(unpackBody(packRecord(json)), rec.body);
    assert.equal(unpackBody(json), rec.body, "plain JSON text of schema-1 rows");
  }
  const tricky = { id: "x", title: 'عنوان فيه "body":"مزيف" \\ ونص', meta: { body: "nested, not the body" }, body: 'نص "مقتبس" \\ وسطر\nثان' };
  assert.equal(unpackBody(packRecord(JSON.stringify(tricky))), tricky.body);
  const nestedFirst = { id: "y", source: { body: "nested" }, body: "the real body" };
  assert.equal(unpackBody(packRecord(JSON.stringify(nestedFirst))), "the real body", "a nested body key is skipped");
  const late = { id: "z", pad: "ب".repeat(10_000), body: "late body" };
  assert.equal(unpackBody(packRecord(JSON.stringify(late))), "late body", "far key: full decode");
  assert.equal(unpackBody(packRecord(JSON.stringify({ id: "w" }))), "", "no body");
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { exampleRecords } from "./fixtures.js";
import { makeRecord } from "./sample.js";
import { Store } from "./store.js";
import { MIGRATIONS, LATEST_VERSION } from "./schema.js";

process.env.RASD_KB_USER = join(tmpdir(), "rasd-no-user-layer.json");

function tempDir(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "rasd-s3-"));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The timeline as readers see it, independent of timeline ids. */
function timelineOf(store: Store) {
  return store.timeline({ limit: 100 }).events.map(({ id: _id, ...e }) => e);
}

test("migration 3: events of a schema-2 store get their article fields; timeline joins read the covering index", () => {
  const { dir, done } = tempDir();
  try {
    const recs = exampleRecords();
    // Reference: everything stored in one go by the current schema.
    const ref = Store.open(join(dir, "ref.db"));
    ref.upsertMany(recs);
    const want = timelineOf(ref);
    ref.close();

    // A schema-2 store holding the first half, written as schema 2 did (events without article columns).
    const path = join(dir, "old.db");
    const db = new Database(path);
    db.exec("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)");
    for (const m of MIGRATIONS.filter((m) => m.version <= 2)) m.up(db);
    db.prepare("INSERT INTO schema_version VALUES (1, 'x'), (2, 'x')").run();
    db.close();
    // Fill it through the current code on a copy of the schema, then strip the schema-3 columns: simplest is to
    // write with a store and null the copied fields, which is what a migrated schema-2 row looks like before the fill.
    const s0 = Store.open(join(dir, "half.db"));
    s0.upsertMany(recs.slice(0, 3));
    s0.close();
    const half = new Database(join(dir, "half.db"));
    half.exec(`ATTACH '${path}' AS old`);
    for (const t of ["articles", "article_sig", "article_lsh", "entities", "entity_spellings", "article_entities", "timeline", "meta"]) {
      half.exec(`INSERT INTO old.${t} SELECT * FROM main.${t}`);
    }
    const cols = (old: Database.Database) =>
      (old.prepare("PRAGMA old.table_info(events)").all() as { name: string }[]).map((c) => c.name);
    const oldCols = cols(half).join(", ");
    half.exec(`INSERT INTO old.events (${oldCols}) SELECT ${oldCols} FROM main.events`);
    half.close();

    const reader = Store.open(path, { readonly: true, checkIndex: false });
    try {
      assert.equal(reader.timeline({ limit: 10 }).events.length > 0, true, "a read-only open of a schema-2 file reads its timeline");
    } finally {
      reader.close();
    }

    const store = Store.open(path);
    try {
      assert.equal(store.db.prepare("SELECT max(version) FROM schema_version").pluck().get(), LATEST_VERSION);
      assert.equal(store.db.prepare(`SELECT count(*) FROM events e JOIN articles a ON a.rid = e.article_rid
        WHERE e.article_id IS a.id AND e.dup_of IS a.dup_of AND e.outlet IS a.outlet AND e.published IS a.published`).pluck().get(),
        store.db.prepare("SELECT count(*) FROM events").pluck().get(), "every events row got its article's fields");
      const plan = store.db.prepare("EXPLAIN QUERY PLAN SELECT rid, dup_of, published FROM events WHERE tl_id = 1 ORDER BY tl_id, rid")
        .all().map((r) => (r as { detail: string }).detail).join(" ");
      assert.match(plan, /COVERING INDEX events_tl_reports/);
      const cols = "tl_id, type, mode, mutual, src_code, tgt_code, date, date_lo, date_hi, coarse";
      for (const where of ["coarse = 0 AND date_lo BETWEEN 1 AND 9 AND date_hi >= 3", "coarse = 1 AND date = '2024'"]) {
        const p = store.db.prepare(`EXPLAIN QUERY PLAN SELECT ${cols} FROM timeline WHERE dyad = 'A|B' AND type = 'AID' AND ${where}`)
          .all().map((r) => (r as { detail: string }).detail).join(" ");
        assert.match(p, /COVERING INDEX timeline_match/, "the join lookup reads no timeline row");
      }
      // A fresh process has no report cache: the remaining articles join timeline events through the index.
      store.upsertMany(recs.slice(3));
      assert.deepEqual(timelineOf(store), want, "same timeline as a store written in one go");
    } finally {
      store.close();
    }
  } finally {
    done();
  }
});

test("report-columns: joins after a reopen (no cached reports) give the same timeline; re-ingest keeps events in step", () => {
  const { dir, done } = tempDir();
  try {
    const recs = exampleRecords();
    const ref = Store.open(join(dir, "ref.db"));
    ref.upsertMany(recs);
    const want = timelineOf(ref);
    ref.close();
    const path = join(dir, "a.db");
    for (const r of recs) {
      const s = Store.open(path); // one open per article: every join reads the stored reports
      s.upsertArticle(r);
      s.close();
    }
    const s = Store.open(path);
    try {
      assert.deepEqual(timelineOf(s), want);
      // Re-ingesting an article with a new outlet rewrites its events with the new copy of the field.
      const moved = { ...recs[1]!, outlet: "وكالة أخرى" };
      assert.equal(s.upsertArticle(moved), "updated");
      assert.deepEqual(s.db.prepare("SELECT DISTINCT outlet FROM events WHERE article_id = ?").pluck().all(moved.id), ["وكالة أخرى"]);
      const tl = s.timeline({ limit: 100 }).events.find((e) => e.articles.includes(moved.id))!;
      assert.ok(tl.sources.some((r) => r.outlet === "وكالة أخرى"));
      // Its aggregate was recomputed from the stored reports (fresh store: nothing cached) with the new outlet.
      const before = want.find((e) => e.articles.includes(moved.id))!;
      assert.equal(tl.num_outlets, before.num_outlets, "one outlet replaced by another");
      assert.ok(!tl.sources.some((r) => r.outlet === recs[1]!.outlet));
    } finally {
      s.close();
    }
  } finally {
    done();
  }
});

test("search count-cap and title-page: broad queries report a capped total; title matches first, then newest", () => {
  const { dir, done } = tempDir();
  try {
    const store = Store.open(join(dir, "broad.db"));
    try {
      const n = 2_100;
      const recs = [];
      // Every article mentions the harbour; every 50th has it in its title. Distinct bodies (no syndication groups).
      for (let i = 0; i < n; i++) {
        recs.push(makeRecord({
          id: `b${i}`, title: i % 50 === 0 ? `الميناء يستقبل السفينة رقم ${i}` : `نشرة اقتصادية رقم ${i}`,
          published: "2024-03-01", outlet: "نشرة", body: `استقبل الميناء التجاري اليوم شحنة جديدة تحمل الرقم ${i} وفق سجلات الجمارك ${"ق".repeat(i % 7 + 1)} ${i * 7919}.`,
        }));
      }
      store.upsertMany(recs);
      const r = store.search("الميناء", { limit: 20 });
      assert.equal(r.total, 2_000);
      assert.equal(r.total_exact, false);
      // Window: the 2,000 newest matches (b100…b2099); its title matches are b2050, b2000, …, b100 (40), newest first.
      const titleIds = Array.from({ length: 40 }, (_, k) => `b${2050 - 50 * k}`);
      assert.deepEqual(r.results.map((x) => x.id), titleIds.slice(0, 20));
      const p2 = store.search("الميناء", { limit: 20, offset: 30 });
      assert.deepEqual(p2.results.slice(0, 10).map((x) => x.id), titleIds.slice(30));
      assert.deepEqual(p2.results.slice(10).map((x) => x.id), ["b2099", "b2098", "b2097", "b2096", "b2095", "b2094", "b2093", "b2092", "b2091", "b2090"]);
      assert.ok(p2.results.every((x) => x.snippet.includes("<mark>")));
      const narrow = store.search("السفينة", { limit: 5 });
      assert.equal(narrow.total, 42);
      assert.equal(narrow.total_exact, true);
    } finally {
      store.close();
    }
  } finally {
    done();
  }
});

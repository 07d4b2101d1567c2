import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Store } from "./store.js";
import { exampleRecords } from "./fixtures.js";
import { cliticStems, normalizeArabic, translitKey, indexText, LEXICON_URL, searchLexicon, isStopword } from "./arabic.js";
import { readFileSync } from "node:fs";
import { setKbVariantIndex } from "./search.js";
import { exportEventsCsv, exportPloverJsonl, exportArticlesJsonl, CSV_COLUMNS } from "./export.js";
import { minhash, isNearDuplicate } from "./dedup.js";
import { parseDateValue, isoWeekOfDay, dayOf } from "./dates.js";
import { LATEST_VERSION } from "./schema.js";

// Deterministic KB: the repository's data only, never a user layer of the machine running the tests.
process.env.RASD_KB_USER = join(tmpdir(), "rasd-no-user-layer.json");

function tempStore(): { store: Store; dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "rasd-store-"));
  const store = Store.open(join(dir, "t.db"));
  return { store, dir, done: () => { store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

test("arabic: normalization, clitic stems, transliteration keys", () => {
  assert.equal(normalizeArabic("أَعلنَ الرئيسُ إلى مدرسةٍ"), "اعلن الرييس الي مدرسه");
  assert.equal(normalizeArabic("كـــوريا"), "كوريا");
  assert.ok(cliticStems("وروسيا").includes("روسيا"));
  assert.ok(cliticStems("للولايات").includes("الولايات"));
  assert.ok(cliticStems("بالصين").includes("الصين"));
  assert.equal(translitKey("بوتين"), translitKey("بوتن"));
  assert.equal(translitKey("بيونغيانغ"), translitKey("بيونجيانج"));
  assert.equal(translitKey("كيم"), null, "short words get no key");
  const ix = indexText("زار بيونغ يانغ");
  assert.ok(ix.keys.includes("k" + translitKey("بيونغيانغ")), "pair key of a split compound name");
});

test("dates: values to day intervals", () => {
  assert.deepEqual(parseDateValue("2024-06-19"), { lo: dayOf(2024, 6, 19), hi: dayOf(2024, 6, 19), precision: 0 });
  const w = parseDateValue("2024-W25")!;
  assert.equal(w.lo, dayOf(2024, 6, 17));
  assert.equal(w.hi, dayOf(2024, 6, 23));
  assert.equal(isoWeekOfDay(dayOf(2024, 6, 19)), "2024-W25");
  assert.equal(parseDateValue("2024-02")!.hi, dayOf(2024, 2, 29));
  assert.equal(parseDateValue("nonsense"), null);
});

test("minhash: copies are near-duplicates, different stories are not", () => {
  const [a, b, c, d] = exampleRecords();
  assert.ok(isNearDuplicate(minhash(b!.body), minhash(c!.body)));
  assert.ok(!isNearDuplicate(minhash(a!.body), minhash(b!.body)));
  assert.ok(!isNearDuplicate(minhash(d!.body), minhash(b!.body)));
});

test("store: migrations, idempotent upsert, update replaces contributions", () => {
  const { store, done } = tempStore();
  try {
    const v = store.db.prepare("SELECT max(version) AS v FROM schema_version").get() as { v: number };
    assert.equal(v.v, LATEST_VERSION);
    const recs = exampleRecords();
    assert.deepEqual(store.upsertMany(recs), { inserted: recs.length, updated: 0, unchanged: 0 });
    const before = store.count();
    assert.deepEqual(store.upsertMany(recs), { inserted: 0, updated: 0, unchanged: recs.length });
    assert.deepEqual(store.count(), before, "re-ingest changes nothing");

    // A changed record replaces the old one everywhere (index, entities, events).
    const changed = { ...recs[4]!, title: "عنوان جديد عن الأرز", events: [] };
    assert.equal(store.upsertArticle(changed), "updated");
    assert.equal(store.count().articles, before.articles);
    assert.equal(store.search("الأرز").total, 1);
    assert.equal(store.search("بكين وواشنطن").results.some((r) => r.id === "ex-trade"), false);
    assert.equal(store.count().events, before.events - 1);
    assert.equal(store.getArticle("ex-trade")!.title, "عنوان جديد عن الأرز");
    // and back
    assert.equal(store.upsertArticle(recs[4]!), "updated");
    assert.deepEqual(store.count(), before);
  } finally {
    done();
  }
});

test("store: entities across articles with spellings, counts, first/last seen", () => {
  const { store, done } = tempStore();
  try {
    store.upsertMany(exampleRecords());
    const putin = store.entity("Q7747")!;
    assert.equal(putin.num_articles, 3);
    assert.equal(putin.first_seen, "2024-06-14");
    assert.equal(putin.last_seen, "2024-06-19");
    const sp = putin.spellings.map((s) => s.text);
    assert.ok(sp.includes("بوتين") && sp.includes("بوتن"));
    const list = store.entities({ limit: 3 });
    assert.ok(list.total >= 6);
    assert.equal(list.results.length, 3);
    assert.equal(store.entities({ q: "بوتن" }).results[0]!.id, "Q7747");
  } finally {
    done();
  }
});

test("search: Arabic normalization, clitics, variant spellings, filters, snippets", () => {
  const { store, done } = tempStore();
  try {
    setKbVariantIndex(null);
    store.upsertMany(exampleRecords());
    const ids = (q: string, o = {}) => new Set(store.search(q, o).results.map((r) => r.id));
    // clitics: «للولايات» and «وروسيا» are found by the bare words
    assert.ok(ids("الولايات").has("ex-trade"));
    assert.ok(ids("روسيا").has("ex-trade"), "«وروسيا» found by «روسيا»");
    // hamza/alef folding: «أشباه» found by «اشباه»
    assert.ok(ids("اشباه الموصلات").has("ex-talks"));
    // variant spellings of names, by transliteration key and seen spellings
    for (const q of ["بيونغ يانغ", "بيونج يانج", "بيونغيانغ"]) {
      const got = ids(q);
      for (const id of ["ex-announce", "ex-arrive", "ex-arrive-copy", "ex-treaty"]) assert.ok(got.has(id), `${q} → ${id}`);
    }
    const putin = ids("بوتين");
    assert.ok(putin.has("ex-arrive") && putin.has("ex-announce"), "«بوتين» finds «بوتن»");
    // exact mode does not expand
    assert.equal(ids("بوتين", { exact: true }).has("ex-arrive"), false);
    // filters
    assert.deepEqual([...ids("بيونغ يانغ", { outlet: "وكالة الشرق" })].sort(), ["ex-announce", "ex-treaty"]);
    assert.deepEqual([...ids("بيونغ يانغ", { from: "2024-06-19", to: "2024-06-19" })].sort(), ["ex-arrive", "ex-arrive-copy"]);
    assert.deepEqual([...ids("بيونغ يانغ", { type: "ACCUSE" })], ["ex-treaty"]);
    assert.deepEqual([...ids("الولايات", { entity: "Q148" })].sort(), ["ex-talks", "ex-trade"]);
    // ranking: the title match comes first; snippets highlight the original spelling
    const r = store.search("بوتن", { highlight: ["[", "]"] });
    assert.ok(r.results[0]!.snippet.includes("[بوتن]") || r.results[0]!.snippet.includes("[بوتين]"), r.results[0]!.snippet);
    // no query: list with filters
    assert.equal(store.search("", { outlet: "قناة الخليج" }).total, 1);
    // odd input never throws
    for (const q of ['"', "-", "* OR AND", "NEAR(", "«»", "'؛؛"]) assert.doesNotThrow(() => store.search(q));
  } finally {
    done();
  }
});

test("search: KB variant expansion (bare spellings never linked in the store)", () => {
  const { store, done } = tempStore();
  try {
    setKbVariantIndex([["لوكسمبورغ", "لكسمبورج", "لوكسمبرغ"]]);
    store.upsertArticle({ ...exampleRecords()[5]!, id: "lux", body: "عقد الاجتماع المقبل في لكسمبورج.", entities: [], events: [] });
    assert.equal(store.search("لوكسمبورغ").total, 1);
  } finally {
    setKbVariantIndex(null);
    done();
  }
});

test("search recall on variant queries: ours vs plain FTS5 on the same data", () => {
  // query → articles that mention the thing in some spelling or clitic form (ground truth by hand)
  const truth: [string, string[]][] = [
    ["بيونغ يانغ", ["ex-announce", "ex-arrive", "ex-arrive-copy", "ex-treaty"]],
    ["بيونج يانج", ["ex-announce", "ex-arrive", "ex-arrive-copy", "ex-treaty"]],
    ["بيونغيانغ", ["ex-announce", "ex-arrive", "ex-arrive-copy", "ex-treaty"]],
    ["بوتين", ["ex-announce", "ex-arrive", "ex-arrive-copy"]],
    ["روسيا", ["ex-treaty", "ex-trade"]],
    ["الولايات", ["ex-trade", "ex-talks", "ex-treaty"]],
    ["اشباه", ["ex-talks"]],
    ["كيم جونغ أون", ["ex-announce", "ex-arrive", "ex-arrive-copy"]],
  ];
  // Twice: with the entities linked (seen spellings help), and with no entities at all (KB + keys only).
  for (const linked of [true, false]) {
    const { store, done } = tempStore();
    try {
      setKbVariantIndex(null);
      store.upsertMany(exampleRecords().map((r) => (linked ? r : { ...r, entities: [] })));
      store.buildPlainIndex();
      let ours = 0, plain = 0, all = 0, extra = 0;
      for (const [q, want] of truth) {
        const o = new Set(store.search(q, { limit: 100 }).results.map((r) => r.id));
        const p = store.plainSearchIds(q);
        ours += want.filter((w) => o.has(w)).length;
        extra += [...o].filter((id) => !want.includes(id)).length;
        plain += want.filter((w) => p.has(w)).length;
        all += want.length;
      }
      console.log(`variant-query recall (${linked ? "entities linked" : "no entities"}): rasd ${(ours / all).toFixed(2)} ` +
        `vs plain FTS5 ${(plain / all).toFixed(2)} over ${all} relevant pairs; ${extra} extra hits`);
      assert.equal(ours, all);
      assert.equal(extra, 0);
      assert.ok(plain < all * 0.7);
    } finally {
      done();
    }
  }
});

test("timeline: reports joined across articles, days and outlets; syndication grouped; status history", () => {
  const { store, done } = tempStore();
  try {
    store.upsertMany(exampleRecords());
    const { events } = store.timeline({ actor: "RUS", target: "PRK", type: "CONSULT" });
    assert.equal(events.length, 1, JSON.stringify(events, null, 1));
    const v = events[0]!;
    assert.equal(v.status, "occurred");
    assert.equal(v.date, "2024-06-19");
    assert.deepEqual(v.status_history.map((h) => h.status), ["expected", "occurred"]);
    assert.equal(v.num_copies, 3);
    assert.equal(v.num_articles, 2, "the syndicated copy is not an independent report");
    assert.equal(v.num_outlets, 3);
    assert.equal(v.first_reported, "2024-06-14");
    assert.equal(v.last_reported, "2024-06-19");
    assert.deepEqual([...v.articles].sort(), ["ex-announce", "ex-arrive", "ex-arrive-copy"]);

    // mutual talks join in either direction; expected (month) + occurred (interval)
    const talks = store.timeline({ actor: "USA", target: "CHN" }).events;
    assert.equal(talks.length, 1);
    assert.equal(talks[0]!.num_articles, 2);
    assert.equal(talks[0]!.status, "occurred");
    // a visit is directional: PRK → RUS finds nothing when directed
    assert.equal(store.timeline({ actor: "PRK", target: "RUS", directed: true }).events.length, 0);
    // actor as entity id, date filters
    assert.equal(store.timeline({ actor: "Q7747" }).events.length, 1);
    assert.equal(store.timeline({ actor: "RUS", from: "2024-07-01" }).events.length, 0);
    assert.equal(store.timeline({}).total, 4);

    // series: cooperation–conflict by month for the RUS–PRK dyad
    const s = store.series({ actor: "RUS", target: "PRK", by: "month" });
    assert.deepEqual(s.map((p) => p.period), ["2024-06"]);
    assert.equal(s[0]!.events, 2);
    assert.equal(s[0]!.sum, 9);
    const w = store.series({ actor: "RUS", by: "week" });
    assert.ok(w.every((p) => /^\d{4}-W\d\d$/.test(p.period)));
  } finally {
    done();
  }
});

test("timeline: a re-ingested article leaves its timeline events consistent", () => {
  const { store, done } = tempStore();
  try {
    const recs = exampleRecords();
    store.upsertMany(recs);
    store.upsertArticle({ ...recs[1]!, events: [] });
    let v = store.timeline({ actor: "RUS", target: "PRK", type: "CONSULT" }).events[0]!;
    assert.equal(v.num_copies, 2);
    store.upsertArticle(recs[1]!);
    v = store.timeline({ actor: "RUS", target: "PRK", type: "CONSULT" }).events[0]!;
    assert.equal(v.num_copies, 3);
    assert.equal(store.timeline({}).total, 4);
  } finally {
    done();
  }
});

test("exports: JSONL, GDELT-like CSV, strict PLOVER", () => {
  const { store, done } = tempStore();
  try {
    const recs = exampleRecords();
    store.upsertMany(recs);
    let out = "";
    assert.equal(exportArticlesJsonl(store, (c) => { out += c; }), recs.length);
    assert.equal(out.trim().split("\n").length, recs.length);
    out = "";
    exportEventsCsv(store, (c) => { out += c; });
    const lines = out.trim().split("\r\n");
    assert.equal(lines[0], CSV_COLUMNS.join(","));
    assert.equal(lines.length, 5);
    assert.ok(lines.some((l) => l.startsWith("2024-06-19,RUSGOV,RUS,PRKGOV,PRK,CONSULT,visit,4,occurred,2,3,")), out);
    // an expected-only consult becomes AGREE in strict PLOVER
    store.upsertArticle({ ...recs[0]!, id: "ex-solo", published: "2025-01-01", events: [{ ...recs[0]!.events[0]!, date: "2025-02", source: { ...recs[0]!.events[0]!.source, country: "IRN" } }] });
    out = "";
    exportPloverJsonl(store, (c) => { out += c; });
    const pl = out.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    const solo = pl.find((p) => p.source_actor === "IRN")!;
    assert.equal(solo.event, "AGREE");
    assert.equal(solo.mode, null);
    assert.ok(pl.some((p) => p.event === "CONSULT" && p.mode === "visit"));
  } finally {
    done();
  }
});

test("data/store/search-lexicon.json: schema and entries are valid", () => {
  const raw = JSON.parse(readFileSync(LEXICON_URL, "utf8")) as Record<string, unknown>;
  assert.equal(raw.schema, "rasd/store-search@1");
  assert.equal(typeof raw.description, "string");
  assert.ok(Array.isArray(raw.sources) && raw.sources.length > 0);
  const lx = searchLexicon();
  for (const k of ["translitMinKey", "translitMinToken", "pairMaxToken"] as const) {
    assert.ok(Number.isInteger(lx[k]) && lx[k] > 0 && lx[k] < 20, k);
  }
  const seen = new Set<string>();
  for (const w of lx.stopwords) {
    assert.match(w, /^[\u0621-\u064A]+$/, `stopword «${w}» is one Arabic word`);
    assert.equal(normalizeArabic(w), w, `stopword «${w}» is written normalized`);
    assert.ok(!seen.has(w), `duplicate stopword «${w}»`);
    seen.add(w);
  }
  assert.ok(isStopword("في") && !isStopword("روسيا"));
});

test("search: seen spellings expand names only; month-precision dates inside a range", () => {
  const { store, done } = tempStore();
  try {
    setKbVariantIndex([]);
    const recs = exampleRecords();
    // The linker may attach titles to a person («الرئيس الروسي»): they must not become name variants.
    const withTitle = {
      ...recs[1]!,
      id: "ex-title",
      published: "2024-06",
      entities: recs[1]!.entities.map((e) => e.id === "Q7747"
        ? { ...e, mentions: [...e.mentions, { start: 0, end: 0, text: "الرئيس الروسي" }] } : e),
    };
    store.upsertMany([...recs, withTitle]);
    const v = store.spellingVariants("بوتين");
    assert.ok(v.includes("بوتن") && !v.includes("الرئيس الروسي"), v.join(","));
    assert.deepEqual(store.spellingVariants("الرييس الروسي"), []);
    assert.ok(store.search("بوتن", { from: "2024-06-10", to: "2024-06-30" }).results.some((r) => r.id === "ex-title"));
  } finally {
    setKbVariantIndex(null);
    done();
  }
});

test("store: a changed index fingerprint re-indexes on the next writable open", () => {
  const { store, dir, done } = tempStore();
  try {
    store.upsertMany(exampleRecords());
    store.db.prepare("UPDATE meta SET value = 'stale' WHERE key = 'index_fingerprint'").run();
    store.db.exec("DELETE FROM articles_fts");
    assert.equal(store.search("بيونغ يانغ").total, 0);
    const reader = Store.open(join(dir, "t.db"), { checkIndex: false });
    assert.equal(reader.search("بيونغ يانغ").total, 0, "readers never re-index");
    reader.close();
    const writer = Store.open(join(dir, "t.db"));
    assert.equal(writer.search("بيونغ يانغ").total, 4);
    writer.close();
  } finally {
    done();
  }
});

test("timeline: rebuild in publication order gives the same events as incremental joining (any ingest order)", () => {
  const { store, done } = tempStore();
  try {
    const strip = (evs: ReturnType<Store["timeline"]>["events"]) =>
      evs.map(({ id, sources, ...rest }) => ({ ...rest, articles: [...rest.articles].sort() })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    store.upsertMany([...exampleRecords()].reverse()); // newest first: the hardest order for joining
    const incremental = strip(store.timeline({}).events);
    assert.equal(store.rebuildTimeline(), 4);
    assert.deepEqual(strip(store.timeline({}).events), incremental);
  } finally {
    done();
  }
});

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Store } from "../store/store.js";
import { exampleRecords } from "../store/fixtures.js";
import { serve, type RunningServer } from "./serve.js";
import { createApp } from "./app.js";
import { CSP, MISSING_BUILD } from "./web.js";
import { mkdirSync, writeFileSync } from "node:fs";

let dir: string;
let ro: RunningServer;
let rw: RunningServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "rasd-api-"));
  const s = Store.open(join(dir, "a.db"));
  s.upsertMany(exampleRecords());
  s.close();
  ro = await serve({ db: join(dir, "a.db"), port: 0, host: "127.0.0.1", token: null });
  rw = await serve({ db: join(dir, "b.db"), port: 0, host: "127.0.0.1", token: "s3cret-token", cors: "https://dash.example" });
});

after(async () => {
  await ro?.close();
  await rw?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (srv: RunningServer, path: string) => {
  const r = await fetch(srv.url + path);
  const text = await r.text();
  let json: unknown = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, headers: r.headers, text, json: json as Record<string, any> };
};

test("api: articles, article, search with snippets, pagination", async () => {
  const a = await get(ro, "/api/articles?limit=2");
  assert.equal(a.status, 200);
  assert.equal(a.json.total, 6);
  assert.equal(a.json.results.length, 2);
  assert.equal(a.json.results[0].id, "ex-talks", "newest first");
  const p2 = await get(ro, "/api/articles?limit=2&offset=2");
  assert.notEqual(p2.json.results[0].id, a.json.results[0].id);
  const one = await get(ro, "/api/articles/ex-arrive");
  assert.equal(one.json.schema, "rasd/article@1");
  assert.equal((await get(ro, "/api/articles/nope")).status, 404);
  const s = await get(ro, "/api/search?q=" + encodeURIComponent("بيونغ يانغ") + "&limit=10");
  assert.equal(s.status, 200);
  assert.equal(s.json.total, 4);
  assert.ok(s.json.results.every((r: { snippet: string }) => r.snippet.includes("<mark>")));
  const f = await get(ro, "/api/search?q=" + encodeURIComponent("بيونغ يانغ") + "&outlet=" + encodeURIComponent("وكالة الشرق"));
  assert.equal(f.json.total, 2);
});

test("api: entities, events, timeline, series, export, openapi", async () => {
  const e = await get(ro, "/api/entities?limit=5");
  assert.equal(e.status, 200);
  assert.ok(e.json.results.length > 0);
  const putin = await get(ro, "/api/entities/Q7747");
  assert.equal(putin.json.num_articles, 3);
  assert.equal((await get(ro, "/api/entities/Q1")).status, 404);
  const ev = await get(ro, "/api/events?type=CONSULT");
  assert.equal(ev.json.total, 5);
  const tl = await get(ro, "/api/timeline?actor=RUS&target=PRK&type=CONSULT");
  assert.equal(tl.json.events.length, 1);
  assert.equal(tl.json.events[0].num_articles, 2);
  assert.deepEqual(tl.json.events[0].status_history.map((h: { status: string }) => h.status), ["expected", "occurred"]);
  const se = await get(ro, "/api/series?actor=RUS&target=PRK&by=week");
  assert.equal(se.json.series[0].period, "2024-W25");
  const csv = await get(ro, "/api/export?format=csv");
  assert.match(csv.headers.get("content-type")!, /text\/csv/);
  assert.equal(csv.text.trim().split("\r\n").length, 5);
  const jl = await get(ro, "/api/export?format=jsonl&what=articles");
  assert.equal(jl.text.trim().split("\n").length, 6);
  const pl = await get(ro, "/api/export?format=plover");
  assert.ok(pl.text.includes('"event":"CONSULT"'));
  const oa = await get(ro, "/api/openapi.json");
  assert.equal(oa.json.openapi, "3.1.0");
  assert.ok(oa.json.paths["/api/timeline"]);
  assert.equal(oa.json.paths["/api/ingest"], undefined, "no ingest on a read-only server");
});

test("api: bad parameters give 400 JSON with the parameter named", async () => {
  const cases: [string, string][] = [
    ["/api/articles?limit=abc", "limit"],
    ["/api/articles?limit=0", "limit"],
    ["/api/articles?from=yesterday", "from"],
    ["/api/search?q=x&type=PARTY", "type"],
    ["/api/search?q=x&colour=red", "colour"],
    ["/api/timeline?status=maybe", "status"],
    ["/api/series", "actor"],
    ["/api/series?actor=RUS&by=day", "by"],
    ["/api/entities?country=ru", "country"],
    ["/api/export?format=xml", "format"],
    ["/api/export?format=csv&what=articles", "what"],
  ];
  for (const [path, param] of cases) {
    const r = await get(ro, path);
    assert.equal(r.status, 400, path);
    assert.equal(r.json.error, "invalid parameters", path);
    assert.ok(r.json.issues.some((i: { param: string }) => i.param.includes(param)), `${path}: ${JSON.stringify(r.json)}`);
  }
  assert.equal((await get(ro, "/api/nothing")).status, 404);
});

test("api: ingest needs the token; CORS only when configured", async () => {
  const rec = exampleRecords()[3]!;
  const post = (token: string | null, body: unknown) => fetch(rw.url + "/api/ingest", {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  assert.equal((await post(null, rec)).status, 401);
  assert.equal((await post("wrong", rec)).status, 401);
  const okr = await post("s3cret-token", [rec, { schema: "rasd/article@1" }]);
  assert.equal(okr.status, 200);
  const body = await okr.json() as { inserted: number; errors: unknown[] };
  assert.equal(body.inserted, 1);
  assert.equal(body.errors.length, 1);
  const again = await (await post("s3cret-token", rec)).json() as { unchanged: number };
  assert.equal(again.unchanged, 1);
  assert.equal((await get(rw, "/api/search?q=" + encodeURIComponent("بيونغيانغ"))).json.total, 1);
  // read-only server: no ingest route at all
  assert.equal((await fetch(ro.url + "/api/ingest", { method: "POST", body: "{}" })).status, 404);
  // CORS
  const c1 = await fetch(rw.url + "/api/stats", { headers: { origin: "https://dash.example" } });
  assert.equal(c1.headers.get("access-control-allow-origin"), "https://dash.example");
  const c2 = await fetch(ro.url + "/api/stats", { headers: { origin: "https://dash.example" } });
  assert.equal(c2.headers.get("access-control-allow-origin"), null);
});

test("api: createApp works in-process (app.request)", async () => {
  const s = Store.open(":memory:");
  s.upsertMany(exampleRecords());
  const app = createApp(s);
  const r = await app.request("/api/timeline?actor=USA");
  assert.equal(r.status, 200);
  const j = await r.json() as { total: number };
  assert.equal(j.total, 2);
  s.close();
});

test("api: dashboard routes (plain highlight, entity months/related, network, actors, outlets)", async () => {
  const s = await get(ro, "/api/search?highlight=plain&q=" + encodeURIComponent("بيونغ يانغ"));
  assert.equal(s.status, 200);
  assert.ok(s.json.results.every((r: { snippet: string }) => r.snippet.includes("\uE000") && !r.snippet.includes("<mark>")));
  assert.equal((await get(ro, "/api/search?q=x&highlight=bold")).status, 400);
  const m = await get(ro, "/api/entities/Q7747/months");
  assert.deepEqual(m.json.months, [{ period: "2024-06", articles: 3 }]);
  const rel = await get(ro, "/api/entities/Q7747/related");
  assert.ok(rel.json.results.some((e: { id: string }) => e.id === "Q56226"));
  const n = await get(ro, "/api/network?actor=RUS&target=PRK");
  assert.deepEqual(n.json.actors, ["RUS", "PRK"]);
  assert.ok(n.json.edges.some((e: { source: string; target: string }) => e.source === "RUS" && e.target === "PRK"));
  assert.equal((await get(ro, "/api/network?limit=0")).status, 400);
  assert.ok((await get(ro, "/api/actors")).json.results.some((a: { code: string }) => a.code === "PRK"));
  assert.equal((await get(ro, "/api/outlets")).json.results[0].outlet, "وكالة الشرق");
  assert.equal((await get(ro, "/api/stats")).json.ingest, false);
  const oa = await get(ro, "/api/openapi.json");
  for (const p of ["/api/network", "/api/actors", "/api/outlets", "/api/entities/{id}/months", "/api/entities/{id}/related"]) assert.ok(oa.json.paths[p], p);
});

test("api: ingest of whole files as bytes (content_base64): encodings, records, per-file errors", async () => {
  const post = (body: unknown) => fetch(rw.url + "/api/ingest", {
    method: "POST", headers: { "content-type": "application/json", authorization: "Bearer s3cret-token" }, body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, json: await r.json() as { inserted: number; ids: string[]; errors: { error: string }[] } }));
  const text = "القاهرة - قال وزير الخارجية المصري اليوم إن بلاده ترحب بأي مبادرة لوقف إطلاق النار في السودان، داعيا الأطراف إلى الحوار.";
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  const r1 = await post({ name: "note.txt", content_base64: utf16.toString("base64") });
  assert.equal(r1.status, 200, JSON.stringify(r1.json));
  assert.equal(r1.json.ids.length, 1);
  const rec = exampleRecords()[4]!;
  const r2 = await post({ name: "records.jsonl", content_base64: Buffer.from(JSON.stringify(rec) + "\n").toString("base64") });
  assert.deepEqual(r2.json.ids, [rec.id], "records in a JSONL file are stored as they are");
  const r3 = await post({ name: "bad.json", content_base64: Buffer.from("{ not json").toString("base64") });
  assert.equal(r3.status, 400);
  assert.match(r3.json.errors[0]!.error, /invalid JSON/);
  const r4 = await post({ name: "empty.txt", content_base64: "" });
  assert.match(r4.json.errors[0]!.error, /empty/);
});

test("api: the dashboard is served at / with CSP and cached hashed assets; a clear message when not built", async () => {
  const s = Store.open(":memory:");
  const web = join(dir, "web");
  mkdirSync(join(web, "assets"), { recursive: true });
  writeFileSync(join(web, "index.html"), "<!doctype html><title>rasd</title>");
  writeFileSync(join(web, "assets", "index-AbCd1234.js"), "console.log(1)");
  const app = createApp(s, { web });
  const home = await app.request("/");
  assert.equal(home.status, 200);
  assert.match(home.headers.get("content-type")!, /text\/html/);
  assert.equal(home.headers.get("content-security-policy"), CSP);
  assert.equal(home.headers.get("cache-control"), "no-cache");
  const js = await app.request("/assets/index-AbCd1234.js");
  assert.match(js.headers.get("content-type")!, /javascript/);
  assert.match(js.headers.get("cache-control")!, /immutable/);
  assert.equal((await app.request("/assets/missing.js")).status, 404);
  assert.equal((await app.request("/api/stats")).status, 200, "the API stays at /api");
  const bare = createApp(s, { web: join(dir, "no-such-build") });
  const r = await bare.request("/");
  assert.equal(r.status, 503);
  assert.equal(await r.text(), MISSING_BUILD);
  s.close();
});

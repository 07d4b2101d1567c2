/**
 * The web dashboard, end to end: `serve()` on a temp store with the example records and one hostile article,
 * Debian's chromium driven by playwright-core. Search, article, relationship, ingest, English switch, and the
 * proof that markup in article text renders inert. Screenshots go to test-results/screenshots/.
 * Also unit tests of the dashboard's pure helpers (snippet markers, highlight segments, routes, i18n keys).
 *
 * chromium missing: skipped with a message, unless CI is set (then it fails). dist/web missing: built first.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { serve, type RunningServer } from "../src/api/serve.js";
import { exampleRecords } from "../src/store/fixtures.js";
import { makeRecord } from "../src/store/sample.js";
import { Store } from "../src/store/store.js";
import { parseMarked } from "../web/src/lib/marked.js";
import { hrefOf, parseHash } from "../web/src/lib/route.js";
import { segments } from "../web/src/lib/spans.js";
import { formatDateValue, isoWeekMonday, safeHttpUrl } from "../web/src/lib/format.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SHOTS = join(ROOT, "test-results", "screenshots");
const TOKEN = "e2e-secret-token";
const inCI = !!process.env.CI && process.env.CI !== "0" && process.env.CI !== "false";

// ───────────────────────────── pure helpers ─────────────────────────────

test("web: i18n ar.json and en.json have the same keys, none empty", () => {
  const ar = JSON.parse(readFileSync(join(ROOT, "web/src/i18n/ar.json"), "utf8")) as Record<string, string>;
  const en = JSON.parse(readFileSync(join(ROOT, "web/src/i18n/en.json"), "utf8")) as Record<string, string>;
  assert.deepEqual(Object.keys(ar).sort(), Object.keys(en).sort());
  for (const [k, v] of [...Object.entries(ar), ...Object.entries(en)]) assert.ok(v.trim(), k);
  // Placeholders match across languages.
  const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
  for (const k of Object.keys(ar)) assert.equal(ph(ar[k]!), ph(en[k]!), k);
  const plover = JSON.parse(readFileSync(join(ROOT, "web/src/data/plover.json"), "utf8")) as { types: Record<string, { ar: string; en: string; quad: string }>; quads: Record<string, unknown> };
  assert.equal(Object.keys(plover.types).length, 16);
  for (const [k, v] of Object.entries(plover.types)) assert.ok(v.ar && v.en && plover.quads[v.quad], k);
});

test("web: snippet markers split into text pieces (never HTML)", () => {
  assert.deepEqual(parseMarked("قال \uE000بوتين\uE001 إن <b>"), [
    { text: "قال ", hit: false }, { text: "بوتين", hit: true }, { text: " إن <b>", hit: false },
  ]);
  assert.deepEqual(parseMarked("\uE000open"), [{ text: "open", hit: true }]);
  assert.deepEqual(parseMarked(""), []);
});

test("web: highlight segments cover the body and carry overlapping annotations", () => {
  const body = "وصل بوتين إلى بيونغ يانغ اليوم.";
  const segs = segments(body, [
    { start: 0, end: body.length, kind: "event", ref: 0 },
    { start: 4, end: 9, kind: "entity", ref: 0 },
    { start: 14, end: 24, kind: "entity", ref: 1 },
    { start: 25, end: 30, kind: "time", ref: 0 },
    { start: 50, end: 40, kind: "time", ref: 1 }, // inverted and out of range: dropped
  ]);
  assert.equal(segs.map((s) => s.text).join(""), body);
  const putin = segs.find((s) => s.text === "بوتين")!;
  assert.deepEqual(putin.anns.map((a) => a.kind).sort(), ["entity", "event"]);
  assert.deepEqual(segs.find((s) => s.text === "اليوم")!.anns.map((a) => a.kind).sort(), ["event", "time"]);
  assert.ok(segs.every((s) => s.anns.some((a) => a.kind === "event")));
  assert.deepEqual(segments("abc", []), [{ start: 0, end: 3, text: "abc", anns: [] }]);
});

test("web: ISO weeks are shown as the week of their Monday", () => {
  assert.equal(new Date(isoWeekMonday(2024, 25)).toISOString().slice(0, 10), "2024-06-17", "2024-W25 starts Monday 17 June");
  assert.equal(new Date(isoWeekMonday(2021, 1)).toISOString().slice(0, 10), "2021-01-04", "2021-W01 starts on 4 January");
  assert.equal(new Date(isoWeekMonday(2026, 1)).toISOString().slice(0, 10), "2025-12-29", "2026-W01 starts in December 2025");
  assert.equal(formatDateValue("en", "2024-W25", (d) => `week of ${d}`), "week of 17 June 2024");
  assert.equal(formatDateValue("en", "2024-W25"), "\u20662024-W25\u2069", "without a phrase the value is shown as it is");
});

test("web: hash routes round-trip; only http(s) links", () => {
  assert.deepEqual(parseHash("#/relationship/RUS/PRK?type=CONSULT").view, "relationship");
  const r = parseHash(hrefOf({ view: "relationship", a: "RUS", b: "PRK", params: new URLSearchParams("type=AID") }));
  assert.ok(r.view === "relationship" && r.a === "RUS" && r.b === "PRK" && r.params.get("type") === "AID");
  const e = parseHash(hrefOf({ view: "entity", id: "rasd:person:x/y" }));
  assert.ok(e.view === "entity" && e.id === "rasd:person:x/y");
  const s = parseHash(hrefOf({ view: "search", params: { q: "بيونغ يانغ", outlet: "" } }));
  assert.ok(s.view === "search" && s.params.get("q") === "بيونغ يانغ" && !s.params.has("outlet"));
  assert.equal(parseHash("").view, "search");
  assert.equal(safeHttpUrl("javascript:alert(1)"), null);
  assert.equal(safeHttpUrl("https://example.org/a"), "https://example.org/a");
});

// ───────────────────────────── browser ─────────────────────────────

const HOSTILE_BODY = "نص تجريبي لاختبار الأمان يحتوي على وسوم خطرة: <script>window.__pwned=1</script> " +
  "وصورة <img src=x onerror=\"window.__pwned=1\"> ثم قال بوتين إن الاختبار انتهى. " +
  "ويجب أن تظهر الوسوم نصا عاديا.";

function hostileRecord() {
  return makeRecord({
    id: "hostile", title: "عنوان فيه <img src=x onerror=\"window.__pwned=1\"> وسم", published: "2024-06-21",
    outlet: "<b>منفذ</b>", url: "javascript:window.__pwned=1", body: HOSTILE_BODY,
    entities: [{ id: "Q7747", ar: "فلاديمير بوتين", en: "Vladimir Putin", country: "RUS", forms: ["بوتين"] }],
    events: [{ type: "ACCUSE", source: { country: "RUS" }, target: { country: "USA" }, status: "alleged", evidence: "قال بوتين", score: -3 }],
  });
}

/** dist/web is missing, or older than a file of web/ (then the e2e test would check an old build). */
function webBuildStale(): boolean {
  const index = join(ROOT, "dist/web/index.html");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const newer = (d: string): boolean => readdirSync(d, { withFileTypes: true }).some((e) =>
    e.isDirectory() ? newer(join(d, e.name)) : statSync(join(d, e.name)).mtimeMs > built);
  return newer(join(ROOT, "web"));
}

let skip: string | false = false;
if (!existsSync(CHROMIUM)) {
  skip = `chromium not found at ${CHROMIUM} (apt-get install chromium)`;
  if (inCI) throw new Error(`web e2e: ${skip}; CI must run the browser tests`);
  process.stderr.write(`# web e2e skipped: ${skip}\n`);
}

let dir: string;
let srv: RunningServer;
let browser: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

describe("web e2e (chromium)", { skip }, () => {
before(async () => {
  if (webBuildStale()) {
    const r = spawnSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--config", "web/vite.config.ts"], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`dist/web is missing or stale and the build failed (run npm run build):\n${r.stderr}`);
  }
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), "rasd-web-"));
  const db = join(dir, "web.db");
  const s = Store.open(db);
  s.upsertMany([...exampleRecords(), hostileRecord()]);
  s.close();
  srv = await serve({ db, port: 0, host: "127.0.0.1", token: TOKEN });
  const { chromium } = await import("playwright-core");
  // A fresh profile directory each run (launchPersistentContext passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const ctx = browser;
  // No external network at run time: every request must go to our server.
  await ctx.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => { pageErrors.push(`external request: ${route.request().url()}`); return route.abort(); });
  page = ctx.pages()[0] ?? await ctx.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.setDefaultTimeout(20_000);
});

after(async () => {
  await browser?.close();
  await srv?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("web e2e: search in Arabic, highlighted snippets and count", async () => {
  await page.goto(srv.url + "/");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.equal(await page.getAttribute("html", "lang"), "ar");
  await page.getByRole("searchbox").fill("بيونغ يانغ");
  await page.getByRole("searchbox").press("Enter");
  await page.waitForFunction(() => location.hash.includes("q="));
  await page.locator(".hit").first().waitFor();
  assert.equal(await page.locator(".hit").count(), 4);
  assert.ok(await page.locator(".hit .snippet mark").count() >= 4);
  const count = await page.getByTestId("result-count").textContent();
  assert.match(count ?? "", /(4|٤)/);
  await shot("search");
  // Filter by outlet from the side panel.
  await page.getByLabel("الوسيلة الإعلامية").selectOption("وكالة الشرق");
  await page.waitForFunction(() => document.querySelectorAll(".hit").length === 2);
  // The font is shipped with the app and used.
  const fontOk = await page.evaluate(async () => { await document.fonts.ready; return document.fonts.check('16px "Noto Naskh Arabic"', "بيونغ"); });
  assert.ok(fontOk, "Noto Naskh Arabic loaded");
});

test("web e2e: article with entity highlights and hover titles", async () => {
  await page.goto(srv.url + "/#/article/ex-announce");
  const putin = page.locator('.article-body a.ann.entity[data-entity="Q7747"]').first();
  await putin.waitFor();
  await putin.hover();
  const title = await putin.getAttribute("title");
  assert.match(title ?? "", /Wikidata: Q7747/);
  assert.match(title ?? "", /RUS/);
  assert.match(title ?? "", /حدث: تشاور/, "inside the evidence sentence: the event's type");
  assert.ok(await page.locator(".article-body .ann.event").count() > 0);
  assert.ok(await page.locator(".side .event-item .status-expected").count() === 1);
  await shot("article");
  await putin.click();
  await page.locator(".entity-head h1").waitFor();
  assert.match(await page.locator(".entity-head h1").textContent() ?? "", /بوتين/);
  await page.locator("svg.chart").first().waitFor();
  await shot("entity");
});

test("web e2e: relationship timeline RUS–PRK with series and network", async () => {
  await page.goto(srv.url + "/#/relationship/RUS/PRK");
  await page.locator(".tl-item").first().waitFor();
  assert.equal(await page.locator(".tl-item").count(), 2, "the visit (two reports joined) and the signing");
  assert.ok(await page.locator(".tl-item .history .status-expected").count() >= 1, "status history expected → occurred");
  assert.ok(await page.locator(".tl-item blockquote.evidence").count() >= 2);
  assert.ok(await page.locator("svg.network path.edge.coop").count() >= 1);
  assert.ok(await page.locator("svg.chart rect.bar.coop").count() >= 1);
  await shot("relationship");
});

test("web e2e: ingest a dropped file with the token and see it done", async () => {
  await page.goto(srv.url + "/#/ingest");
  await page.getByLabel("الرمز السري للخادم").fill(TOKEN);
  const file = join(dir, "خبر.txt");
  writeFileSync(file, "الرباط - أعلنت وزارة الخارجية المغربية اليوم الثلاثاء أن المغرب وإسبانيا وقعا اتفاقا للتعاون في مجال الطاقة المتجددة، " +
    "وذلك خلال زيارة يقوم بها وزير الخارجية الإسباني إلى الرباط.\n\nوقال الوزير إن الاتفاق يفتح مرحلة جديدة في العلاقات بين البلدين.");
  const bad = join(dir, "broken.json");
  writeFileSync(bad, "{ this is not json");
  await page.getByTestId("file-input").setInputFiles([file, bad]);
  await page.locator('.file[data-state="done"]').waitFor({ timeout: 30_000 });
  await page.locator('.file[data-state="failed"]').waitFor();
  assert.match(await page.locator('.file[data-state="failed"] .errors').textContent() ?? "", /invalid JSON/);
  // A file dropped on the drop zone (a real drop event with a DataTransfer), JSON Lines of documents.
  const line = JSON.stringify({ title: "اجتماع في عمّان", published: "2024-09-03", text: "عمّان - بحث وزير الخارجية الأردني مع نظيره العراقي في عمّان اليوم سبل تعزيز التعاون الاقتصادي بين البلدين." });
  const dt = await page.evaluateHandle((content) => {
    const d = new DataTransfer();
    d.items.add(new File([content], "batch.jsonl", { type: "application/x-ndjson" }));
    return d;
  }, line + "\n");
  await page.dispatchEvent(".dropzone", "drop", { dataTransfer: dt });
  await page.locator('.file[data-state="done"]', { hasText: "batch.jsonl" }).waitFor({ timeout: 30_000 });
  await page.getByTestId("stats").filter({ hasText: /(9|٩)/ }).waitFor();
  await shot("ingest");
  const stats = await (await fetch(srv.url + "/api/stats")).json() as { articles: number };
  assert.equal(stats.articles, 9);
});

test("web e2e: untrusted article text renders inert (<script>, <img onerror>)", async () => {
  await page.goto(srv.url + "/#/article/hostile");
  await page.locator(".article-body").waitFor();
  const text = await page.locator(".article-body").textContent();
  assert.ok(text?.includes("<script>window.__pwned=1</script>"), "the tags show as text");
  assert.ok(text?.includes('<img src=x onerror="window.__pwned=1">'));
  assert.ok((await page.locator("h1").textContent())?.includes("<img src=x"), "title as text");
  assert.equal(await page.locator("#root script").count(), 0);
  assert.equal(await page.locator("#root img").count(), 0);
  assert.equal(await page.locator('#root a[href^="javascript:"]').count(), 0, "a javascript: URL is not a link");
  await shot("hostile-article");
  // The search snippet of the same article is inert too.
  await page.goto(srv.url + "/#/search?q=" + encodeURIComponent("وسوم خطرة"));
  await page.locator(".hit").first().waitFor();
  assert.equal(await page.locator("#root img, #root script").count(), 0);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  await shot("hostile");
});

test("web e2e: English switch flips lang and dir, persists", async () => {
  await page.goto(srv.url + "/#/relationship/RUS/PRK");
  await page.getByRole("button", { name: "Switch to English" }).click();
  assert.equal(await page.getAttribute("html", "dir"), "ltr");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.getByRole("link", { name: "Search", exact: true }).waitFor();
  await page.reload();
  await page.locator(".tl-item").first().waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "en", "kept in localStorage");
  await shot("relationship-en");
  await page.getByRole("button", { name: "التبديل إلى العربية" }).click();
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.deepEqual(pageErrors, [], "no page errors, no external requests");
});
});

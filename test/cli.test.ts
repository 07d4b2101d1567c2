/** The `rasd` command as a user runs it: real processes, real files. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const main = path.join(root, "src/cli/main.ts");

function rasd(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", main, ...args], { cwd: root, input, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const PAGE = [
  "وزير الخارجية العماني يزور طهران",
  "تاريخ النشر: 2nd, October 2024 GMT",
  "مسقط - وصل وزير الخارجية العماني إلى طهران اليوم الأربعاء في زيارة رسمية تستغرق يومين يلتقي خلالها عددا من المسؤولين الإيرانيين.",
  "وقال بيان للخارجية العمانية إن الزيارة تهدف إلى بحث العلاقات الثنائية والتطورات الإقليمية الراهنة.",
].join("\n");

test("extract one file prints one pretty rasd/article@1 record", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "rasd-cli-"));
  writeFileSync(path.join(dir, "oman.txt"), PAGE);
  const r = rasd(["extract", path.join(dir, "oman.txt")]);
  assert.equal(r.code, 0, r.stderr);
  const rec = JSON.parse(r.stdout);
  assert.equal(rec.schema, "rasd/article@1");
  assert.equal(rec.title, "وزير الخارجية العماني يزور طهران");
  assert.equal(rec.published, "2024-10-02");
  assert.equal(rec.dateline, "مسقط");
  assert.match(rec.id, /^[0-9a-f]{16}$/);
  for (const k of ["entities", "times", "events", "related", "credited", "authors", "keywords"]) assert.ok(Array.isArray(rec[k]), k);
});

test("the same body from two files gets the same id; stdin works", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "rasd-cli-"));
  writeFileSync(path.join(dir, "a.txt"), PAGE);
  writeFileSync(path.join(dir, "b.json"), JSON.stringify({ text: PAGE, url: "https://example.org/x" }));
  const a = JSON.parse(rasd(["extract", path.join(dir, "a.txt")]).stdout);
  const b = JSON.parse(rasd(["extract", path.join(dir, "b.json")]).stdout);
  const c = JSON.parse(rasd(["extract", "-"], PAGE).stdout);
  assert.equal(a.id, b.id);
  assert.equal(a.id, c.id);
  assert.equal(b.source.url, "https://example.org/x");
});

test("--out writes one file per input; a bad file is reported and the batch goes on with exit 1", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "rasd-cli-"));
  const out = path.join(dir, "out");
  writeFileSync(path.join(dir, "good.txt"), PAGE);
  writeFileSync(path.join(dir, "broken.json"), "{not json");
  writeFileSync(path.join(dir, "batch.jsonl"), [JSON.stringify({ text: PAGE }), "oops", JSON.stringify({ html: `<p>${PAGE}</p>` })].join("\n"));
  const r = rasd(["extract", dir, "--out", out]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /broken\.json: invalid JSON/);
  assert.match(r.stderr, /batch\.jsonl line 2: invalid JSON/);
  assert.match(r.stderr, /3 extracted, 2 failed/);
  assert.deepEqual(readdirSync(out).sort(), ["batch-1.json", "batch-3.json", "good.json"]);
  assert.equal(JSON.parse(readFileSync(path.join(out, "good.json"), "utf8")).schema, "rasd/article@1");
});

test("--format jsonl streams one record per line; bad options exit 2", () => {
  const r = rasd(["extract", path.join(root, "examples"), "--format", "jsonl"]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split("\n");
  assert.ok(lines.length >= 8);
  for (const l of lines) assert.equal(JSON.parse(l).schema, "rasd/article@1");
  assert.equal(rasd(["extract", "x", "--format", "xml"]).code, 2);
});

test("binary input gets a one-line error naming the file", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "rasd-cli-"));
  writeFileSync(path.join(dir, "photo.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 0, 0]));
  const r = rasd(["extract", path.join(dir, "photo.txt")]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /photo\.txt: binary data/);
});

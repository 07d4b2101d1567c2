import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeBytes, DecodeError, readInputs, readInputFile, isInputError, sniffKind, docsFromBytes, type InputDoc } from "./index.js";

const ARABIC = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في الريف.";

function cp1256(s: string): Uint8Array {
  // Encode through the inverse of the platform decoder (Node has no windows-1256 encoder).
  const dec = new TextDecoder("windows-1256");
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(new Uint8Array([b])), b);
  return Uint8Array.from([...s].map((ch) => { const b = table.get(ch); if (b === undefined) throw new Error("not in cp1256: " + ch); return b; }));
}

test("UTF-8 with and without BOM", () => {
  const plain = new TextEncoder().encode(ARABIC);
  assert.deepEqual(decodeBytes(plain, "x"), { text: ARABIC, encoding: "utf-8" });
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
  assert.equal(decodeBytes(bom, "x").text, ARABIC);
});

test("UTF-16 LE/BE with BOM and LE without BOM", () => {
  const le = Buffer.from(ARABIC, "utf16le");
  assert.equal(decodeBytes(new Uint8Array([0xff, 0xfe, ...le]), "x").text, ARABIC);
  const be = Buffer.from(le); be.swap16();
  const r = decodeBytes(new Uint8Array([0xfe, 0xff, ...be]), "x");
  assert.equal(r.text, ARABIC); assert.equal(r.encoding, "utf-16be");
  assert.equal(decodeBytes(new Uint8Array(le), "x").encoding, "utf-16le");
});

test("windows-1256 is detected without a declared charset", () => {
  const long = (ARABIC + " ").repeat(5) + "وقال المتحدث إن الوزارة ستتابع التنفيذ عن كثب خلال الأسابيع المقبلة.";
  const r = decodeBytes(cp1256(long), "page.txt", { html: false });
  assert.equal(r.encoding, "windows-1256");
  assert.equal(r.text, long);
});

test("a declared charset in HTML wins (ISO-8859-6)", () => {
  const html = `<html><head><meta charset="iso-8859-6"></head><body>x</body></html>`;
  const r = decodeBytes(new TextEncoder().encode(html), "p.html");
  assert.equal(r.encoding, "iso-8859-6");
});

test("binary input gets a one-line error naming the file", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0, 0, 5]);
  assert.throws(() => decodeBytes(png, "img.png"), (e: unknown) => e instanceof DecodeError && /img\.png/.test((e as Error).message) && !(e as Error).message.includes("\n"));
});

test("random bytes never crash the decoder: they decode or raise DecodeError", () => {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < 300; i++) {
    const n = Math.floor(rnd() * 400);
    const bytes = Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));
    try { decodeBytes(bytes, "r"); } catch (e) { assert.ok(e instanceof DecodeError, String(e)); }
  }
});

test("sniffKind tells JSON, JSON Lines, HTML and text apart", () => {
  assert.equal(sniffKind('{"text":"x"}'), "json");
  assert.equal(sniffKind('{"text":"x"}\n{"text":"y"}\n'), "jsonl");
  assert.equal(sniffKind("<!DOCTYPE html><html></html>"), "html");
  assert.equal(sniffKind(ARABIC), "text");
});

test("JSON and JSONL inputs: good items pass, bad ones become errors", () => {
  const jl = ['{"title":"عنوان","text":"' + ARABIC + '"}', "not json", '{"url":"u"}', ""].join("\n");
  const out = docsFromBytes(new TextEncoder().encode(jl), "/tmp/b.jsonl", "jsonl");
  assert.equal(out.length, 3);
  assert.equal((out[0] as InputDoc).title, "عنوان");
  assert.ok(isInputError(out[1]) && /line 2: invalid JSON/.test(out[1].error));
  assert.ok(isInputError(out[2]) && /neither "html" nor "text"/.test(out[2].error));
  const one = docsFromBytes(new TextEncoder().encode('{"html":"<p>x</p>","published":"2024-01-02"}'), "/tmp/a.json", "json");
  assert.equal((one[0] as InputDoc).html, "<p>x</p>");
  assert.equal((one[0] as InputDoc).published, "2024-01-02");
});

test("readInputs walks directories, keeps going past bad files", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "rasd-ingest-"));
  mkdirSync(path.join(dir, "sub"));
  writeFileSync(path.join(dir, "a.txt"), ARABIC);
  writeFileSync(path.join(dir, "sub", "b.html"), `<html><body><p>${ARABIC}</p></body></html>`);
  writeFileSync(path.join(dir, "c.json"), "{broken");
  writeFileSync(path.join(dir, "ignored.png"), "x");
  const items = [];
  for await (const x of readInputs([dir, path.join(dir, "missing.txt")])) items.push(x);
  assert.equal(items.length, 4);
  const errors = items.filter(isInputError);
  assert.equal(errors.length, 2);
  assert.ok(errors.some((e) => /missing\.txt: no such file/.test(e.error)));
  assert.ok(errors.some((e) => /c\.json: invalid JSON/.test(e.error)));
  const docs = items.filter((x) => !isInputError(x)) as InputDoc[];
  assert.deepEqual(docs.map((d) => d.name).sort(), ["a", "b"]);
  assert.ok(docs.find((d) => d.name === "b")!.html);
});

test("directory walk: files, sub-directories and symbolic links in sorted order; readInputFile reads one known file", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "rasd-walk-"));
  writeFileSync(path.join(dir, "b.txt"), "وصل الوفد إلى العاصمة صباح اليوم.");
  mkdirSync(path.join(dir, "a-sub"));
  writeFileSync(path.join(dir, "a-sub", "c.txt"), "بدأت المحادثات مساء الأحد.");
  writeFileSync(path.join(dir, "notes.md"), "not an input");
  symlinkSync(path.join(dir, "b.txt"), path.join(dir, "d-link.txt"));
  symlinkSync(path.join(dir, "a-sub"), path.join(dir, "e-linked-dir"));
  const names: string[] = [];
  for await (const d of readInputs([dir])) if (!isInputError(d)) names.push(path.relative(dir, d.path!));
  assert.deepEqual(names, [path.join("a-sub", "c.txt"), "b.txt", "d-link.txt", path.join("e-linked-dir", "c.txt")]);
  const one = await readInputFile(path.join(dir, "b.txt"));
  assert.equal(one.length, 1);
  assert.ok(!isInputError(one[0]!) && (one[0] as InputDoc).text!.includes("الوفد"));
  const missing = await readInputFile(path.join(dir, "gone.txt"));
  assert.ok(isInputError(missing[0]!) && /gone\.txt/.test(missing[0]!.error));
});

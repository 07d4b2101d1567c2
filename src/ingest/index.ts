/**
 * The ingest stage: paths (files, directories, "-" for stdin) → decoded documents.
 * Knows nothing of cleaning; a bad input becomes an InputError and the batch goes on.
 *
 * Input kinds, by extension (or sniffed for stdin and unknown extensions):
 *   .txt            a scraped page as text
 *   .html / .htm    an HTML page
 *   .json           an object (or an array of objects) with any of url, title, published, html, text
 *   .jsonl          one such object per line
 */
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { decodeBytes, DecodeError } from "./decode.js";
import type { InputDoc, InputError } from "./types.js";

export type { InputDoc, InputError } from "./types.js";
export { isInputError } from "./types.js";
export { decodeBytes, DecodeError, declaredCharset } from "./decode.js";

export const INPUT_EXTENSIONS = [".txt", ".html", ".htm", ".json", ".jsonl"];

type Kind = "text" | "html" | "json" | "jsonl";

function kindOfPath(p: string): Kind | null {
  switch (path.extname(p).toLowerCase()) {
    case ".txt": return "text";
    case ".html": case ".htm": case ".xhtml": return "html";
    case ".json": return "json";
    case ".jsonl": case ".ndjson": return "jsonl";
    default: return null;
  }
}

/** Guess the kind of content with no (known) extension from its first characters. */
export function sniffKind(text: string): Kind {
  const head = text.slice(0, 2000).trimStart();
  if (head.startsWith("{") || head.startsWith("[")) {
    const firstLine = head.split("\n", 1)[0].trim();
    // One complete object on the first line and more lines after it → JSON Lines.
    if (head.startsWith("{") && firstLine.endsWith("}") && text.trim().includes("\n")) {
      try { JSON.parse(firstLine); return "jsonl"; } catch { /* a multi-line JSON object */ }
    }
    return "json";
  }
  if (/^<(!doctype\s+html|html|head|body|meta|article|div|p)\b/i.test(head) || /<\/(p|div|html|body)>/i.test(head)) return "html";
  return "text";
}

function baseName(p: string): string {
  return path.basename(p).replace(/\.[^.]+$/, "");
}

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

/** One JSON object → InputDoc, or an error message. */
export function docFromObject(obj: unknown, base: Omit<InputDoc, "url" | "title" | "published" | "html" | "text">): InputDoc | string {
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) return "expected a JSON object with any of url, title, published, html, text";
  const o = obj as Record<string, unknown>;
  const html = str(o.html), text = str(o.text) ?? str(o.body) ?? str(o.content);
  if (!html && !text) return "the object has neither \"html\" nor \"text\"";
  return {
    ...base,
    url: str(o.url),
    title: str(o.title),
    published: str(o.published) ?? str(o.date) ?? str(o.datePublished),
    html: html,
    text: html ? null : text,
  };
}

/** Expand directories (recursively, sorted) into the input files they contain. */
async function* expand(p: string, exclude: string[]): AsyncGenerator<string | InputError> {
  if (exclude.some((x) => path.resolve(p) === x)) return;
  let st;
  try {
    st = await stat(p);
  } catch (e) {
    yield { error: `${p}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (e as Error).message}`, path: p, name: baseName(p) };
    return;
  }
  if (st.isDirectory()) {
    // directory entries carry their type: no stat per file (symbolic links and unknown types are stat'ed)
    const entries = (await readdir(p, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const n = e.name;
      if (n.startsWith(".")) continue;
      const child = path.join(p, n);
      const known = e.isDirectory() || e.isFile();
      const cst = known ? null : await stat(child).catch(() => null);
      const isDir = known ? e.isDirectory() : !!cst?.isDirectory();
      if (isDir) yield* expand(child, exclude);
      else if ((known || cst) && INPUT_EXTENSIONS.includes(path.extname(n).toLowerCase())) yield child;
    }
  } else {
    yield p;
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Decode one file's (or stdin's) bytes into documents. Never throws: problems become InputErrors. */
export function docsFromBytes(bytes: Uint8Array, p: string | null, kindHint: Kind | null): (InputDoc | InputError)[] {
  const what = p ?? "<stdin>";
  const name = p ? baseName(p) : "stdin";
  let decoded;
  try {
    decoded = decodeBytes(bytes, what, { html: kindHint === "html" || kindHint === null });
  } catch (e) {
    return [{ error: e instanceof DecodeError ? e.message : `${what}: ${(e as Error).message}`, path: p, name }];
  }
  const kind = kindHint ?? sniffKind(decoded.text);
  const base = { path: p, name, encoding: decoded.encoding };
  if (decoded.text.trim() === "") return [{ error: `${what}: empty input`, path: p, name }];
  switch (kind) {
    case "text":
      return [{ ...base, url: null, title: null, published: null, html: null, text: decoded.text }];
    case "html":
      return [{ ...base, url: null, title: null, published: null, html: decoded.text, text: null }];
    case "json": {
      let parsed: unknown;
      try {
        parsed = JSON.parse(decoded.text);
      } catch (e) {
        return [{ error: `${what}: invalid JSON (${(e as Error).message})`, path: p, name }];
      }
      const items = Array.isArray(parsed) ? parsed : [parsed];
      return items.map((o, i) => {
        const itemName = Array.isArray(parsed) ? `${name}#${i + 1}` : name;
        const d = docFromObject(o, { ...base, name: itemName });
        return typeof d === "string" ? { error: `${what}${Array.isArray(parsed) ? ` item ${i + 1}` : ""}: ${d}`, path: p, name: itemName } : d;
      });
    }
    case "jsonl": {
      const out: (InputDoc | InputError)[] = [];
      const lines = decoded.text.split(/\r?\n/);
      lines.forEach((line, i) => {
        if (line.trim() === "") return;
        const itemName = `${name}#${i + 1}`;
        let o: unknown;
        try {
          o = JSON.parse(line);
        } catch (e) {
          out.push({ error: `${what} line ${i + 1}: invalid JSON (${(e as Error).message})`, path: p, name: itemName });
          return;
        }
        const d = docFromObject(o, { ...base, name: itemName });
        out.push(typeof d === "string" ? { error: `${what} line ${i + 1}: ${d}`, path: p, name: itemName } : d);
      });
      return out;
    }
  }
}

/**
 * Read every input named by `paths` ("-" = stdin; directories are walked for supported extensions).
 * Yields documents and errors in order; never throws for a bad input. `exclude` names directories not to walk
 * (an output directory inside an input directory).
 */
export async function* readInputs(paths: string[], opts: { exclude?: string[] } = {}): AsyncGenerator<InputDoc | InputError> {
  const exclude = (opts.exclude ?? []).map((x) => path.resolve(x));
  for (const p of paths) {
    if (p === "-") {
      yield* docsFromBytes(await readStdin(), null, null);
      continue;
    }
    for await (const f of expand(p, exclude)) {
      if (typeof f !== "string") { yield f; continue; }
      yield* await readInputFile(f);
    }
  }
}

/**
 * The documents of one input file the caller already found (a directory walk): read and decoded without looking
 * the path up again. A file that cannot be read gives one error.
 */
export async function readInputFile(f: string): Promise<(InputDoc | InputError)[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(f);
  } catch (e) {
    return [{ error: `${f}: ${(e as Error).message}`, path: f, name: baseName(f) }];
  }
  return docsFromBytes(bytes, f, kindOfPath(f));
}

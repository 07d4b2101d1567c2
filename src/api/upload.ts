/**
 * POST /api/ingest of a whole file as raw bytes: `{ name, content_base64 }` (what the dashboard's drop zone sends).
 * The bytes go through the same decoder as `rasd extract` (BOM, declared charset, UTF-8, UTF-16, windows-1256 …)
 * and the same input kinds by extension (.txt, .html, .json, .jsonl; sniffed otherwise). JSON objects that are
 * already records (`schema` set) are stored as they are.
 */
import { docsFromBytes, isInputError, type InputDoc } from "../ingest/index.js";
import type { ArticleRecord } from "../record.js";
import { checkRecord } from "../store/ingest.js";

export interface FileItems {
  docs: InputDoc[];
  records: ArticleRecord[];
  errors: string[];
}

export const isFileUpload = (o: unknown): o is { name?: unknown; content_base64: string } =>
  !!o && typeof o === "object" && typeof (o as { content_base64?: unknown }).content_base64 === "string";

type Kind = "text" | "html" | "json" | "jsonl";

/** Input kind by file extension, as the CLI decides it (null: sniff the content). */
export function kindOfName(name: string): Kind | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  switch (ext) {
    case "txt": return "text";
    case "html": case "htm": case "xhtml": return "html";
    case "json": return "json";
    case "jsonl": case "ndjson": return "jsonl";
    default: return null;
  }
}

/** Records inside a JSON / JSONL file, when every object in it is one (rule `upload-records-as-is`). */
function recordsIn(text: string, kind: Kind | null): unknown[] | null {
  if (kind !== "json" && kind !== "jsonl") return null;
  let items: unknown[];
  try {
    if (kind === "json") {
      const v = JSON.parse(text) as unknown;
      items = Array.isArray(v) ? v : [v];
    } else {
      items = text.split(/\r?\n/).filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown);
    }
  } catch {
    return null; // the document path reports the JSON error with its line
  }
  const isRec = (o: unknown) => !!o && typeof o === "object" && (o as { schema?: unknown }).schema !== undefined;
  return items.length > 0 && items.every(isRec) ? items : null;
}

/** Decode one uploaded file into documents to extract, records to store, and per-item errors. Never throws. */
export function itemsFromUpload(o: { name?: unknown; content_base64: string }): FileItems {
  const name = typeof o.name === "string" && o.name.trim() ? o.name.trim().slice(0, 300) : "upload";
  const out: FileItems = { docs: [], records: [], errors: [] };
  const bytes = Buffer.from(o.content_base64, "base64");
  if (bytes.length === 0) {
    out.errors.push(`${name}: empty file`);
    return out;
  }
  const kind = kindOfName(name);
  if (kind === "json" || kind === "jsonl") {
    const recs = recordsIn(bytes.toString("utf8").replace(/^\uFEFF/, ""), kind);
    if (recs) {
      recs.forEach((r, i) => {
        const problem = checkRecord(r);
        if (problem) out.errors.push(`${name} item ${i + 1}: ${problem}`);
        else out.records.push(r as ArticleRecord);
      });
      return out;
    }
  }
  for (const d of docsFromBytes(bytes, name, kind)) {
    if (isInputError(d)) out.errors.push(d.error);
    else out.docs.push(d);
  }
  return out;
}

/**
 * Per-record index preparation: everything the store derives from a record that does not need the database —
 * the JSON text and its hash, the packed (compressed) record, the full-text index strings, the MinHash signature
 * and LSH band keys, and the entity contributions. Pure and self-contained, so it can run on an extraction worker
 * (src/ingest/pool.ts, option `prepare`) while the main thread only writes: `Store.upsertPrepared(...)`.
 * `Store.upsertMany(records)` prepares bare records itself, with the same function.
 */
import { createHash } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { ArticleRecord } from "../record.js";
import { indexFingerprint, indexText, indexTokens, normalizeArabic, tokensOf } from "./arabic.js";
import { bandKeys, minhashTokens } from "./dedup.js";

/** Bump when the shape or meaning of PreparedRecord changes: a store re-prepares records of another version. */
export const PREPARE_VERSION = 1;

/**
 * Rule `pack-record`: records are stored as raw DEFLATE (level 1) of their JSON — about a fifth of the size (news
 * text and its annotations compress well), cheap to inflate for display. A TEXT value is a plain-JSON record
 * (stores written before schema 2): both read back with `unpackRecord`.
 */
const PACK_LEVEL = 1;

/** One entity's contribution of one article (aggregated per entity id, mentions counted). */
export interface EntityContribution {
  id: string;
  type: string | null;
  name_ar: string | null;
  name_en: string | null;
  country: string | null;
  igo: string | null;
  sector: string | null;
  known: 0 | 1;
  mentions: number;
  /** [surface spelling, its normalized form, occurrences] */
  spellings: [string, string, number][];
}

export interface PreparedRecord {
  version: number;
  /** index fingerprint (arabic.ts) the FTS strings were built with */
  fingerprint: string;
  record: ArticleRecord;
  json: string;
  /** sha1 of json (recordHash) */
  hash: string;
  /** DEFLATE of json (rule `pack-record`) */
  packed: Uint8Array;
  fts: { title: string; body: string; keys: string };
  sig: Uint32Array;
  shingles: number;
  bands: number[];
  entities: EntityContribution[];
}

let fp: string | null = null;
/** indexFingerprint(), computed once per thread. */
export function currentFingerprint(): string {
  return (fp ??= indexFingerprint());
}

export function sha1(s: string): string {
  return createHash("sha1").update(s).digest("hex");
}

export function packRecord(json: string): Buffer {
  return deflateRawSync(json, { level: PACK_LEVEL });
}

/** A stored record value (packed BLOB, or plain JSON text from older stores) → the record. */
export function unpackRecord(v: string | Uint8Array): ArticleRecord {
  return JSON.parse(typeof v === "string" ? v : inflateRawSync(v).toString("utf8")) as ArticleRecord;
}

const BODY_KEY = Buffer.from('"body":"');
/** How far into the record the top-level body key is looked for (extracted records put it after ~300 bytes). */
const BODY_PREFIX_MAX = 8192;

/**
 * Rule `body-only-decode`: the body of a stored record without decoding the whole record (search snippets need only
 * the body; entities, times and events are ~2/3 of a record). The top-level `"body":"` key is found in the inflated
 * bytes — only when the bytes before it are at depth 1 of the JSON object (a scan of the short prefix, strings
 * skipped), so a nested `body` key never passes — and only that string is decoded and parsed. Quotes and
 * backslashes are ASCII, never inside a multi-byte UTF-8 sequence, so the end of the string is found on bytes.
 * Anything unexpected falls back to the full decode.
 */
export function unpackBody(v: string | Uint8Array): string {
  const buf = typeof v === "string" ? Buffer.from(v, "utf8") : inflateRawSync(v);
  const at = buf.indexOf(BODY_KEY);
  if (at > 0 && at < BODY_PREFIX_MAX && depthAt(buf, at) === 1) {
    const start = at + BODY_KEY.length - 1; // the opening quote
    for (let i = start + 1; i < buf.length; i++) {
      const c = buf[i];
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) {
        const body = JSON.parse(buf.toString("utf8", start, i + 1)) as unknown;
        if (typeof body === "string") return body;
        break;
      }
    }
  }
  return (JSON.parse(buf.toString("utf8")) as ArticleRecord).body ?? "";
}

/** Object/array nesting depth of JSON bytes at `end` (strings skipped). */
function depthAt(buf: Uint8Array, end: number): number {
  let depth = 0;
  for (let i = 0; i < end; i++) {
    const c = buf[i];
    if (c === 0x22) {
      for (i++; i < end && buf[i] !== 0x22; i++) if (buf[i] === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return depth;
}

/** Rule `entity-contribution`: per entity id, its mention count and surface spellings (trimmed, counted). */
export function entityContributions(rec: ArticleRecord): EntityContribution[] {
  const out = new Map<string, EntityContribution & { sp: Map<string, number> }>();
  for (const e of rec.entities ?? []) {
    if (!e?.id) continue;
    let c = out.get(e.id);
    if (!c) {
      out.set(e.id, (c = {
        id: e.id, type: e.type ?? null, name_ar: e.name?.ar ?? null, name_en: e.name?.en ?? null,
        country: e.country ?? null, igo: e.igo ?? null, sector: e.sector ?? null, known: e.known ? 1 : 0,
        mentions: 0, spellings: [], sp: new Map(),
      }));
    }
    for (const m of e.mentions ?? []) {
      c.mentions++;
      const t = m.text.trim();
      if (t) c.sp.set(t, (c.sp.get(t) ?? 0) + 1);
    }
  }
  return [...out.values()].map(({ sp, ...c }) => ({ ...c, spellings: [...sp].map(([t, n]) => [t, normalizeArabic(t), n]) }));
}

/** Everything the store derives from one record without the database. Throws on a record without id or body. */
export function prepareRecord(rec: ArticleRecord): PreparedRecord {
  if (!rec || typeof rec.id !== "string" || !rec.id || typeof rec.body !== "string") {
    throw new Error("not an article record: missing id or body");
  }
  const json = JSON.stringify(rec);
  const bodyToks = tokensOf(normalizeArabic(rec.body));
  const sh = minhashTokens(bodyToks);
  const t = indexText(rec.title ?? "");
  const b = indexTokens(bodyToks);
  return {
    version: PREPARE_VERSION, fingerprint: currentFingerprint(), record: rec, json, hash: sha1(json), packed: packRecord(json),
    fts: { title: t.text, body: b.text, keys: [...new Set([...t.keys, ...b.keys])].join(" ") },
    sig: sh.sig, shingles: sh.shingles, bands: bandKeys(sh), entities: entityContributions(rec),
  };
}

/** Is a preparation usable as is by this thread's store code (same format and indexing rules)? */
export function isCurrent(p: PreparedRecord): boolean {
  return p.version === PREPARE_VERSION && p.fingerprint === currentFingerprint();
}

/** A preparation as posted between threads: without the record object (rebuilt from `json` by `fromWire`). */
export type WirePrepared = Omit<PreparedRecord, "record">;

export function toWire(p: PreparedRecord): WirePrepared {
  const { record: _record, ...w } = p;
  return w;
}

/** Rule `record-from-json`: the receiving thread parses the JSON once instead of receiving a second, cloned copy. */
export function fromWire(w: WirePrepared): PreparedRecord {
  return { ...w, record: JSON.parse(w.json) as ArticleRecord };
}

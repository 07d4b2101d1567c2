/**
 * Runs the pipeline stages in order on one decoded document and builds the rasd/article@1 record:
 *   clean (page → article) → entities (knowledge-base linking) → time (dates) → events (PLOVER coding).
 */
import { createHash } from "node:crypto";
import { SCHEMA, type ArticleRecord } from "./record.js";
import type { InputDoc } from "./ingest/types.js";
import { cleanDocument } from "./clean/index.js";
import { analyzeText, collapseWhitespace, normalizeForMatch } from "./text/index.js";
import { loadKb, type Kb } from "./kb/index.js";
import { linkEntities } from "./entities/index.js";
import { tagTimes } from "./time/index.js";
import { codeEvents } from "./events/index.js";

let kbCache: Kb | null = null;
/** The knowledge base used by extraction: the repository's data plus the user's imported layer, loaded once. */
export function extractionKb(): Kb {
  return (kbCache ??= loadKb({ userLayer: true }));
}

/**
 * Stable content id: the same clean body (after normalization for matching) gives the same id anywhere.
 * `bodyNorm`, when the cleaner already has it, saves normalizing the body twice (it must equal normalizeForMatch(body)).
 */
export function articleId(body: string, bodyNorm?: string): string {
  const norm = collapseWhitespace(bodyNorm ?? normalizeForMatch(body)); // = .replace(/\s+/gu, " ").trim()
  return createHash("sha256").update(norm, "utf8").digest("hex").slice(0, 16);
}

export function extractDocument(doc: InputDoc, opts: { kb?: Kb } = {}): ArticleRecord {
  const page = cleanDocument(doc);
  const kb = opts.kb ?? extractionKb();
  // one normalization, token array and sentence split of the body, shared by the entity linker and the event coder
  const text = analyzeText(page.body);
  const entities = linkEntities(page.body, { published: page.published, kb, text });
  const times = tagTimes(page.body, page.published);
  const events = codeEvents({ body: page.body, published: page.published, entities, times, text }, { kb });
  return {
    schema: SCHEMA,
    id: articleId(page.body, page.bodyNorm),
    source: { path: doc.path, url: page.url, encoding: doc.encoding },
    language: "ar",
    title: page.title,
    published: page.published,
    outlet: page.outlet,
    credited: page.credited,
    authors: page.authors,
    dateline: page.dateline,
    keywords: page.keywords,
    body: page.body,
    related: page.related,
    entities,
    times,
    events,
  };
}

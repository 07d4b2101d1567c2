/**
 * Runs the pipeline stages in order on one decoded document and builds the rasd/article@1 record:
 *   clean (page → article) → entities (knowledge-base linking) → time (dates) → events (PLOVER coding).
 */
import { hash } from "node:crypto";
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

/** A paragraph that is not already one-space separated and trimmed (the common case needs no rewrite). */
const NEEDS_COLLAPSE = /[^\S ]| {2}|^ | $/;

/**
 * Stable content id: the same clean body (after normalization for matching) gives the same id anywhere: the sha256
 * of collapseWhitespace(normalizeForMatch(body)). `bodyNorm`, when the cleaner already has it, saves normalizing
 * the body twice (it must equal normalizeForMatch(body)). Paragraphs (separated by blank lines) are collapsed one
 * by one and joined with one space, which gives the same string: most need no rewrite at all.
 */
export function articleId(body: string, bodyNorm?: string): string {
  const parts: string[] = [];
  for (const para of (bodyNorm ?? normalizeForMatch(body)).split("\n\n")) {
    const p = NEEDS_COLLAPSE.test(para) ? collapseWhitespace(para) : para;
    if (p) parts.push(p);
  }
  return hash("sha256", parts.join(" "), "hex").slice(0, 16);
}

export function extractDocument(doc: InputDoc, opts: { kb?: Kb } = {}): ArticleRecord {
  const page = cleanDocument(doc);
  const kb = opts.kb ?? extractionKb();
  // one normalization, token array and sentence split of the body, shared by the entity linker and the event coder
  const text = analyzeText(page.body, page.bodyNorm);
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

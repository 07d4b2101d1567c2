/**
 * Runs the pipeline stages in order on one decoded document and builds the rasd/article@1 record.
 * (Stub: filled in by the lead; the signature is the contract other modules use.)
 */
import type { ArticleRecord } from "./record.js";
import type { InputDoc } from "./ingest/types.js";

export function extractDocument(doc: InputDoc): ArticleRecord {
  throw new Error(`extractDocument not implemented yet (${doc.name})`);
}

/**
 * Worker-thread entry of the extraction pool (src/ingest/pool.ts): receives InputDocs, answers ArticleRecords.
 * Protocol (structured-clone messages):
 *   parent → worker  { id, doc, prepare? }
 *   worker → parent  { type: "ready" } once, then per task { id, record } (or, when asked to prepare, { id, prepared }:
 *                    the store's index preparation, src/store/prepare.ts, whose JSON holds the record) or { id, error }
 * The knowledge base is warmed up right after "ready" so it loads while the parent is still reading inputs.
 */
import { parentPort } from "node:worker_threads";
import { extractDocument, extractionKb } from "../extract.js";
import { prepareRecord, toWire } from "../store/prepare.js";
import type { InputDoc } from "./types.js";

const port = parentPort;
if (!port) throw new Error("pool-worker must run in a worker thread");

port.on("message", (msg: { id: number; doc: InputDoc; prepare?: boolean }) => {
  try {
    const record = extractDocument(msg.doc);
    port.postMessage(msg.prepare ? { id: msg.id, prepared: toWire(prepareRecord(record)) } : { id: msg.id, record });
  } catch (e) {
    port.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
port.postMessage({ type: "ready" });
// Warm-up; a failure here is not fatal: extractDocument retries the load and reports it per document.
try { extractionKb(); } catch { /* reported per document */ }

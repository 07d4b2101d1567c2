/**
 * Worker-thread entry of the extraction pool (src/ingest/pool.ts): receives InputDocs, answers ArticleRecords.
 * Protocol (structured-clone messages):
 *   parent → worker  { id, doc }
 *   worker → parent  { type: "ready" } once, then per task { id, record } or { id, error }
 * The knowledge base is warmed up right after "ready" so it loads while the parent is still reading inputs.
 */
import { parentPort } from "node:worker_threads";
import { extractDocument, extractionKb } from "../extract.js";
import type { InputDoc } from "./types.js";

const port = parentPort;
if (!port) throw new Error("pool-worker must run in a worker thread");

port.on("message", (msg: { id: number; doc: InputDoc }) => {
  try {
    port.postMessage({ id: msg.id, record: extractDocument(msg.doc) });
  } catch (e) {
    port.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
port.postMessage({ type: "ready" });
// Warm-up; a failure here is not fatal: extractDocument retries the load and reports it per document.
try { extractionKb(); } catch { /* reported per document */ }

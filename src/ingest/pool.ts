/**
 * ExtractPool: runs `extractDocument` (src/extract.ts) on worker threads so extraction (pure CPU) overlaps the
 * caller's I/O and store writes and uses the other cores.
 *
 *   const pool = new ExtractPool({ threads: 2 });
 *   const rec = await pool.extract(doc);                       // one document (results in completion order)
 *   for await (const r of pool.map(items, (it) => it.doc ?? null)) …  // input order, bounded in-flight window
 *   await pool.close();
 *
 * - threads: N worker threads (default max(1, availableParallelism() − 1)); 0 = inline in the calling thread.
 * - Workers start with the first document; each loads the knowledge base once (warm-up right after start).
 * - A document whose extraction throws rejects with an ExtractionError (its message is the worker's); the others go on.
 * - A worker that crashes mid-document fails that document only; its queued documents go to a replacement worker.
 * - Fallback: if no worker manages to start (or workers keep crashing), extraction runs inline, with a warning.
 * - Backpressure: `extract()` itself queues without bound; `map()` keeps at most `maxInFlight` documents in flight
 *   and pulls its input only as results are consumed.
 * - Workers are unref'ed while idle: a forgotten close() does not keep the process alive.
 * - prepare: workers also compute the store's per-record index preparation (src/store/prepare.ts: JSON, hash,
 *   packed record, FTS strings, MinHash, entity contributions); `map()` results then carry it as `prepared`, and the
 *   store's writer (`Store.upsertMany`) only writes. Inline extraction leaves `prepared` null (the store prepares).
 *
 * Works from the compiled build (dist/ingest/pool-worker.js) and under tsx (src/ingest/pool-worker.ts, the worker
 * then registers tsx itself: see workerSpec).
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import { extractDocument } from "../extract.js";
import type { ArticleRecord } from "../record.js";
import { fromWire, type PreparedRecord, type WirePrepared } from "../store/prepare.js";
import type { InputDoc } from "./types.js";

export interface ExtractPoolOptions {
  /** worker threads; 0 = extract inline in the calling thread (default: max(1, availableParallelism() − 1)) */
  threads?: number;
  /** documents in flight in `map()` (default 64 per thread; 1 inline) */
  maxInFlight?: number;
  /** extraction used inline (threads 0 or fallback); default extractDocument. Workers always use extractDocument. */
  inlineExtract?: (doc: InputDoc) => ArticleRecord;
  /** non-fatal problems (worker start failure → inline fallback, crashes); default: ignored */
  onWarning?: (message: string) => void;
  /** for tests: another worker entry (a module URL) */
  workerEntry?: URL;
  /** workers also prepare each record for the store (src/store/prepare.ts); see `PoolResult.prepared` */
  prepare?: boolean;
}

/** Extraction of one document failed: `message` is the extractor's error message. */
export class ExtractionError extends Error {
  constructor(message: string, readonly docName: string, readonly docPath: string | null) {
    super(message);
    this.name = "ExtractionError";
  }
}

/** One item of `map()`: the input item, with the record (or the error) when the item carried a document. */
export type PoolResult<T> =
  | { item: T; doc: null; record: null; error: null; prepared?: null }
  | { item: T; doc: InputDoc; record: ArticleRecord; error: null; prepared?: PreparedRecord | null }
  | { item: T; doc: InputDoc; record: null; error: ExtractionError; prepared?: null };

/** What a worker answers for one document (prepare mode: the preparation, whose JSON holds the record). */
interface Answer {
  record: ArticleRecord;
  prepared: PreparedRecord | null;
}

export function defaultThreads(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

/** Documents posted ahead to one worker: enough to keep it busy while the caller is blocked (e.g. a SQLite commit). */
const PER_WORKER_AHEAD = 32;
/** Crashes of running workers tolerated before giving up on threads (rule `crash-fallback`). */
const MAX_CRASHES = 8;

interface Task {
  id: number;
  doc: InputDoc;
  resolve: (r: Answer) => void;
  reject: (e: ExtractionError) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** tasks posted to this worker, in posting order (the worker answers in that order) */
  tasks: Map<number, Task>;
  lastError: string | null;
}

/**
 * How to start a worker: the compiled entry next to this module, or — when running from sources under tsx — a tiny
 * bootstrap that registers tsx in the worker, then imports pool-worker.ts. (`execArgv: ["--import", "tsx"]` is not
 * enough on Node 20: tsx registers its hooks on the main thread only there.)
 */
function workerSpec(): { entry: URL | string; eval: boolean } {
  const fromSources = import.meta.url.endsWith(".ts");
  const url = new URL(fromSources ? "./pool-worker.ts" : "./pool-worker.js", import.meta.url);
  if (!fromSources) return { entry: url, eval: false };
  let api = "tsx/esm/api";
  try { api = import.meta.resolve("tsx/esm/api"); } catch { /* bare name: resolved from the working directory */ }
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return { entry: boot, eval: true };
}

export class ExtractPool {
  /** worker threads requested (0 = inline) */
  readonly threads: number;
  readonly maxInFlight: number;
  private readonly inline: (doc: InputDoc) => ArticleRecord;
  private readonly warn: (m: string) => void;
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private nextId = 1;
  private crashes = 0;
  private inlineMode: boolean;
  private closed = false;
  private started = false;
  private readonly entry: URL | undefined;
  private readonly prepare: boolean;

  constructor(opts: ExtractPoolOptions = {}) {
    this.threads = Math.max(0, Math.floor(opts.threads ?? defaultThreads()));
    this.maxInFlight = Math.max(1, opts.maxInFlight ?? (this.threads === 0 ? 1 : 64 * this.threads));
    this.inline = opts.inlineExtract ?? extractDocument;
    this.warn = opts.onWarning ?? (() => {});
    this.inlineMode = this.threads === 0;
    this.entry = opts.workerEntry;
    this.prepare = !!opts.prepare;
  }

  /** "workers", or "inline" (threads 0, or fallback after workers failed) */
  get mode(): "workers" | "inline" {
    return this.inlineMode ? "inline" : "workers";
  }

  /** Documents submitted and not answered yet. */
  get pending(): number {
    return this.queue.length + this.slots.reduce((n, s) => n + s.tasks.size, 0);
  }

  /** Extract one document; rejects with ExtractionError when its extraction throws. */
  extract(doc: InputDoc): Promise<ArticleRecord> {
    return this.answer(doc).then((a) => a.record);
  }

  private answer(doc: InputDoc): Promise<Answer> {
    if (this.closed) return Promise.reject(new ExtractionError("extraction pool is closed", doc.name, doc.path));
    if (!this.started && !this.inlineMode) {
      // Workers start with the first document: a run that extracts nothing (records files) pays nothing.
      this.started = true;
      for (let i = 0; i < this.threads && !this.inlineMode; i++) this.spawn();
    }
    if (this.inlineMode) return this.runInline(doc);
    return new Promise<Answer>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, doc, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Extract the documents carried by `items` (`docOf` returns null for items without one, passed through), keeping at
   * most `maxInFlight` items in flight; results come in input order, as soon as the head of the window is done.
   */
  async *map<T>(items: AsyncIterable<T> | Iterable<T>, docOf: (item: T) => InputDoc | null): AsyncGenerator<PoolResult<T>> {
    type Entry = { result: PoolResult<T> | null; wait: Promise<PoolResult<T>> | null };
    const window: Entry[] = [];
    const settle = async (e: Entry): Promise<PoolResult<T>> => e.result ?? (await e.wait!);
    for await (const item of items as AsyncIterable<T>) {
      const doc = docOf(item);
      if (!doc) {
        window.push({ result: { item, doc: null, record: null, error: null }, wait: null });
      } else {
        const e: Entry = { result: null, wait: null };
        e.wait = this.answer(doc).then(
          ({ record, prepared }) => (e.result = { item, doc, record, error: null, prepared }),
          (err: unknown) => (e.result = { item, doc, record: null, error: toExtractionError(err, doc) }),
        );
        window.push(e);
      }
      // Hand out what is done at the head; block only when the window is full.
      while (window.length && (window[0]!.result || window.length >= this.maxInFlight)) yield await settle(window.shift()!);
    }
    while (window.length) yield await settle(window.shift()!);
  }

  /** Stop the workers; documents not answered yet are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const slots = this.slots;
    this.slots = [];
    const left = [...this.queue, ...slots.flatMap((s) => [...s.tasks.values()])];
    this.queue = [];
    for (const t of left) t.reject(new ExtractionError("extraction pool closed before the document was done", t.doc.name, t.doc.path));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private runInline(doc: InputDoc): Promise<Answer> {
    try {
      return Promise.resolve({ record: this.inline(doc), prepared: null });
    } catch (e) {
      return Promise.reject(toExtractionError(e, doc));
    }
  }

  private spawn(): void {
    const spec = this.entry ? { entry: this.entry, eval: false } : workerSpec();
    let worker: Worker;
    try {
      worker = new Worker(spec.entry, { eval: spec.eval });
    } catch (e) {
      this.warn(`extraction worker could not start: ${(e as Error).message}`);
      this.afterLoss();
      return;
    }
    const slot: Slot = { worker, ready: false, tasks: new Map(), lastError: null };
    this.slots.push(slot);
    worker.on("message", (m: { type?: "ready"; id?: number; record?: ArticleRecord; prepared?: WirePrepared; error?: string }) => {
      if (m.type === "ready") {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const t = slot.tasks.get(m.id!);
      if (!t) return;
      slot.tasks.delete(t.id);
      if (m.error !== undefined) {
        t.reject(new ExtractionError(m.error, t.doc.name, t.doc.path));
      } else if (m.prepared) {
        const prepared = fromWire(m.prepared);
        t.resolve({ record: prepared.record, prepared });
      } else {
        t.resolve({ record: m.record!, prepared: null });
      }
      this.dispatch();
    });
    worker.on("error", (e) => { slot.lastError = e.message; });
    worker.on("exit", (code) => this.onExit(slot, code));
    this.updateRefs();
  }

  /** A worker ended: not started → maybe fall back inline; crashed → fail its running document, requeue the rest. */
  private onExit(slot: Slot, code: number): void {
    if (this.closed || !this.slots.includes(slot)) return;
    this.slots = this.slots.filter((s) => s !== slot);
    const why = slot.lastError ?? `exit code ${code}`;
    if (!slot.ready) {
      this.warn(`extraction worker failed to start: ${why}`);
    } else {
      const tasks = [...slot.tasks.values()];
      // The worker answers in posting order: the first unanswered task is the one it was running.
      const running = tasks.shift();
      running?.reject(new ExtractionError(`extraction worker crashed: ${why}`, running.doc.name, running.doc.path));
      this.queue.unshift(...tasks);
      this.crashes++;
      this.warn(`extraction worker crashed (${why})${this.crashes < MAX_CRASHES ? "; restarting it" : ""}`);
      if (this.crashes < MAX_CRASHES) this.spawn();
    }
    this.afterLoss();
  }

  /** No worker left (none started, or too many crashes): extract inline from now on (rule `inline-fallback`). */
  private afterLoss(): void {
    if (this.slots.length || this.inlineMode || this.closed) { this.dispatch(); return; }
    this.inlineMode = true;
    this.warn("no extraction worker available: extracting in the main thread");
    const queued = this.queue;
    this.queue = [];
    for (const t of queued) this.runInline(t.doc).then(t.resolve, t.reject);
  }

  /** Post queued documents to the least-loaded ready workers. */
  private dispatch(): void {
    while (this.queue.length) {
      let best: Slot | null = null;
      for (const s of this.slots) if (s.ready && s.tasks.size < PER_WORKER_AHEAD && (!best || s.tasks.size < best.tasks.size)) best = s;
      if (!best) break;
      const t = this.queue.shift()!;
      best.tasks.set(t.id, t);
      best.worker.postMessage(this.prepare ? { id: t.id, doc: t.doc, prepare: true } : { id: t.id, doc: t.doc });
    }
    this.updateRefs();
  }

  /** Keep the event loop alive only while there is work (a starting worker counts when documents wait for it). */
  private updateRefs(): void {
    const waiting = this.queue.length > 0;
    for (const s of this.slots) {
      if (s.tasks.size > 0 || (waiting && !s.ready)) s.worker.ref();
      else s.worker.unref();
    }
  }
}

function toExtractionError(e: unknown, doc: InputDoc): ExtractionError {
  if (e instanceof ExtractionError) return e;
  return new ExtractionError(e instanceof Error ? e.message : String(e), doc.name, doc.path);
}

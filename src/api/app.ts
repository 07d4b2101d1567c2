/**
 * The HTTP API over a store (Hono). Read-only by default; POST /api/ingest exists only when a token is configured
 * (Bearer auth). Parameters are validated with zod: unknown or malformed parameters give a 400 JSON error
 * `{ error, issues: [{ param, message }] }`. CORS is off unless an origin is given.
 */
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { extractDocument } from "../extract.js";
import { docFromObject } from "../ingest/index.js";
import type { InputDoc } from "../ingest/types.js";
import type { ArticleRecord } from "../record.js";
import { exportLines, type ExportFormat, type ExportWhat } from "../store/export.js";
import { checkRecord } from "../store/ingest.js";
import type { Store } from "../store/store.js";
import { EVENT_STATUSES, PLOVER_TYPES } from "../store/timeline.js";
import { openapi } from "./openapi.js";
import { isFileUpload, itemsFromUpload } from "./upload.js";
import { mountWeb } from "./web.js";
import { actorCodes, actorNetwork, coEntities, entityMonths, outlets } from "../store/views.js";

export interface AppOptions {
  /** enables POST /api/ingest with `Authorization: Bearer <token>` */
  token?: string | null;
  /** allowed CORS origin ("*" for any); CORS is off when unset */
  cors?: string | null;
  /** extraction for POST /api/ingest of raw documents (default: the pipeline) */
  extract?: (doc: InputDoc) => ArticleRecord;
  /** max records per POST /api/ingest */
  maxIngest?: number;
  /** directory of the built dashboard (index.html, assets/) served at `/`; none when unset */
  web?: string | null;
}

/** Private-use characters around matches in snippets with `highlight=plain` (the dashboard splits on them). */
export const PLAIN_MARKERS: [string, string] = ["\uE000", "\uE001"];

const DATE = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD");
const LIMIT = (def: number, max: number) => z.coerce.number().int().min(1).max(max).default(def);
const OFFSET = z.coerce.number().int().min(0).max(1_000_000).default(0);
const CODE = z.string().min(1).max(200);
const BOOL = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const articleFilters = {
  from: DATE.optional(), to: DATE.optional(), outlet: z.string().min(1).max(300).optional(),
  entity: CODE.optional(), type: z.enum(PLOVER_TYPES).optional(),
};

export const schemas = {
  articles: z.strictObject({ ...articleFilters, limit: LIMIT(20, 200), offset: OFFSET }),
  search: z.strictObject({
    q: z.string().max(500).default(""), ...articleFilters, exact: BOOL.optional(), limit: LIMIT(20, 100), offset: OFFSET,
    highlight: z.enum(["html", "plain"]).optional(),
  }),
  network: z.strictObject({
    actor: CODE.optional(), target: CODE.optional(), from: DATE.optional(), to: DATE.optional(), limit: LIMIT(60, 300),
  }),
  list: z.strictObject({ limit: LIMIT(200, 1000) }),
  entities: z.strictObject({
    q: z.string().min(1).max(200).optional(), type: z.enum(["person", "organization", "country", "place", "facility", "weapon", "event", "other"]).optional(),
    country: z.string().regex(/^[A-Z]{3}$/, "expected an ISO 3166-1 alpha-3 code").optional(), limit: LIMIT(50, 500), offset: OFFSET,
  }),
  events: z.strictObject({
    ...articleFilters, actor: CODE.optional(), status: z.enum(EVENT_STATUSES).optional(), limit: LIMIT(50, 500), offset: OFFSET,
  }),
  timeline: z.strictObject({
    actor: CODE.optional(), target: CODE.optional(), directed: BOOL.optional(), from: DATE.optional(), to: DATE.optional(),
    type: z.enum(PLOVER_TYPES).optional(), status: z.enum(EVENT_STATUSES).optional(), limit: LIMIT(100, 1000), offset: OFFSET,
  }),
  series: z.strictObject({
    actor: CODE, target: CODE.optional(), by: z.enum(["week", "month"]).default("month"), directed: BOOL.optional(),
    from: DATE.optional(), to: DATE.optional(), type: z.enum(PLOVER_TYPES).optional(),
  }),
  export: z.strictObject({
    format: z.enum(["jsonl", "csv", "plover"]).default("jsonl"), what: z.enum(["articles", "events"]).optional(),
    actor: CODE.optional(), target: CODE.optional(), from: DATE.optional(), to: DATE.optional(), type: z.enum(PLOVER_TYPES).optional(),
  }),
};

/** A 400 response for a zod error, one issue per parameter. */
function badRequest(c: Context, err: z.ZodError) {
  const issues = err.issues.map((i) => ({
    param: i.path.length ? i.path.join(".") : (i.code === "unrecognized_keys" ? (i as { keys?: string[] }).keys?.join(",") ?? "" : ""),
    message: i.code === "unrecognized_keys" ? `unknown parameter(s): ${(i as { keys?: string[] }).keys?.join(", ")}` : i.message,
  }));
  return c.json({ error: "invalid parameters", issues }, 400);
}

function parse<T extends z.ZodType>(c: Context, schema: T): { ok: true; data: z.infer<T> } | { ok: false; res: Response } {
  const r = schema.safeParse(c.req.query());
  return r.success ? { ok: true, data: r.data } : { ok: false, res: badRequest(c, r.error) };
}

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given), b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function streamLines(lines: Generator<string>): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      let chunk = "";
      for (let i = 0; i < 200; i++) {
        const n = lines.next();
        if (n.done) {
          if (chunk) controller.enqueue(enc.encode(chunk));
          controller.close();
          return;
        }
        chunk += n.value;
      }
      controller.enqueue(enc.encode(chunk));
    },
  });
}

export function createApp(store: Store, opts: AppOptions = {}): Hono {
  const app = new Hono();
  if (opts.cors) app.use("/api/*", cors({ origin: opts.cors }));

  app.onError((err, c) => c.json({ error: "internal error", message: err.message }, 500));
  app.notFound((c) => c.json({ error: "not found", path: c.req.path }, 404));

  app.get("/api/openapi.json", (c) => c.json(openapi({ ingest: !!opts.token })));
  app.get("/api/stats", (c) => c.json({ ...store.count(), db: store.path, ingest: !!opts.token }));

  app.get("/api/articles", (c) => {
    const p = parse(c, schemas.articles);
    if (!p.ok) return p.res;
    const r = store.listArticles(p.data);
    return c.json({ total: r.total, limit: p.data.limit, offset: p.data.offset, results: r.results });
  });

  app.get("/api/articles/:id", (c) => {
    const rec = store.getArticle(c.req.param("id"));
    return rec ? c.json(rec) : c.json({ error: "not found", id: c.req.param("id") }, 404);
  });

  app.get("/api/search", (c) => {
    const p = parse(c, schemas.search);
    if (!p.ok) return p.res;
    const { q, highlight, ...rest } = p.data;
    const r = store.search(q, { ...rest, highlight: highlight === "plain" ? PLAIN_MARKERS : undefined });
    return c.json({ total: r.total, total_exact: r.total_exact ?? true, limit: p.data.limit, offset: p.data.offset, query: r.query, results: r.results });
  });

  app.get("/api/entities", (c) => {
    const p = parse(c, schemas.entities);
    if (!p.ok) return p.res;
    const r = store.entities(p.data);
    return c.json({ total: r.total, limit: p.data.limit, offset: p.data.offset, results: r.results });
  });

  app.get("/api/entities/:id", (c) => {
    const e = store.entity(c.req.param("id"));
    return e ? c.json(e) : c.json({ error: "not found", id: c.req.param("id") }, 404);
  });

  app.get("/api/entities/:id/months", (c) => c.json({ id: c.req.param("id"), months: entityMonths(store, c.req.param("id")) }));

  app.get("/api/entities/:id/related", (c) => {
    const p = parse(c, schemas.list);
    if (!p.ok) return p.res;
    return c.json({ id: c.req.param("id"), results: coEntities(store, c.req.param("id"), Math.min(p.data.limit, 100)) });
  });

  app.get("/api/network", (c) => {
    const p = parse(c, schemas.network);
    if (!p.ok) return p.res;
    const actors = [p.data.actor, p.data.target].filter((x): x is string => !!x);
    return c.json({ actors, edges: actorNetwork(store, { actors, from: p.data.from, to: p.data.to, limit: p.data.limit }) });
  });

  app.get("/api/actors", (c) => {
    const p = parse(c, schemas.list);
    if (!p.ok) return p.res;
    return c.json({ results: actorCodes(store, p.data.limit) });
  });

  app.get("/api/outlets", (c) => {
    const p = parse(c, schemas.list);
    if (!p.ok) return p.res;
    return c.json({ results: outlets(store, p.data.limit) });
  });

  app.get("/api/events", (c) => {
    const p = parse(c, schemas.events);
    if (!p.ok) return p.res;
    const r = store.events(p.data);
    return c.json({ total: r.total, limit: p.data.limit, offset: p.data.offset, results: r.results });
  });

  app.get("/api/timeline", (c) => {
    const p = parse(c, schemas.timeline);
    if (!p.ok) return p.res;
    const r = store.timeline(p.data);
    return c.json({ total: r.total, limit: p.data.limit, offset: p.data.offset, events: r.events });
  });

  app.get("/api/series", (c) => {
    const p = parse(c, schemas.series);
    if (!p.ok) return p.res;
    return c.json({ actor: p.data.actor, target: p.data.target ?? null, by: p.data.by, series: store.series(p.data) });
  });

  app.get("/api/export", (c) => {
    const p = parse(c, schemas.export);
    if (!p.ok) return p.res;
    const format = p.data.format as ExportFormat;
    const what: ExportWhat = p.data.what ?? (format === "jsonl" ? "articles" : "events");
    if (what === "articles" && format !== "jsonl") {
      return c.json({ error: "invalid parameters", issues: [{ param: "what", message: `format ${format} exports events only` }] }, 400);
    }
    const { actor, target, from, to, type } = p.data;
    const lines = exportLines(store, format, what, { actor, target, from, to, type });
    const ctype = format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
    const ext = format === "csv" ? "csv" : "jsonl";
    return new Response(streamLines(lines), {
      headers: { "content-type": ctype, "content-disposition": `attachment; filename="rasd-${what}${format === "plover" ? "-plover" : ""}.${ext}"` },
    });
  });

  if (opts.token) {
    const token = opts.token;
    const extract = opts.extract ?? extractDocument;
    const max = opts.maxIngest ?? 500;
    app.post("/api/ingest", bodyLimit({ maxSize: 32 * 1024 * 1024, onError: (c) => c.json({ error: "request body too large (max 32 MB)" }, 413) }), async (c) => {
      const auth = c.req.header("authorization") ?? "";
      const m = auth.match(/^Bearer\s+(.+)$/i);
      if (!m || !tokenMatches(m[1]!.trim(), token)) {
        return c.json({ error: "unauthorized" }, 401, { "www-authenticate": 'Bearer realm="rasd"' });
      }
      if (store.readonly) return c.json({ error: "the store is open read-only" }, 409);
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return c.json({ error: "invalid JSON body" }, 400);
      }
      const items = Array.isArray(body) ? body : [body];
      if (items.length === 0 || items.length > max) return c.json({ error: `send 1 to ${max} records or documents` }, 400);
      const records: ArticleRecord[] = [];
      const errors: { index: number; error: string }[] = [];
      let extracted = 0;
      items.forEach((o, index) => {
        if (isFileUpload(o)) {
          // A whole file as bytes (the dashboard's drop zone): decoded like `rasd extract` does.
          const f = itemsFromUpload(o);
          for (const e of f.errors) errors.push({ index, error: e });
          records.push(...f.records);
          for (const doc of f.docs) {
            if (++extracted > max) { errors.push({ index, error: `more than ${max} documents in one request` }); break; }
            try {
              records.push(extract(doc));
            } catch (e) {
              errors.push({ index, error: `${doc.name}: extraction failed: ${(e as Error).message}` });
            }
          }
          return;
        }
        const isRecord = !!o && typeof o === "object" && (o as { schema?: unknown }).schema !== undefined;
        if (isRecord) {
          const problem = checkRecord(o);
          if (problem) errors.push({ index, error: problem });
          else records.push(o as ArticleRecord);
          return;
        }
        const doc = docFromObject(o, { path: null, name: `post#${index + 1}`, encoding: null });
        if (typeof doc === "string") { errors.push({ index, error: doc }); return; }
        try {
          records.push(extract(doc));
        } catch (e) {
          errors.push({ index, error: `extraction failed: ${(e as Error).message}` });
        }
      });
      const counts = records.length ? store.upsertMany(records) : { inserted: 0, updated: 0, unchanged: 0 };
      return c.json({ ...counts, ids: records.map((r) => r.id), errors }, errors.length && !records.length ? 400 : 200);
    });
  }

  if (opts.web) mountWeb(app, opts.web);
  return app;
}

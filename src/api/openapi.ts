/** Hand-written OpenAPI 3.1 description of the HTTP API (kept next to the zod schemas in app.ts). */

const str = (description: string, extra: Record<string, unknown> = {}) => ({ type: "string", description, ...extra });
const q = (name: string, schema: Record<string, unknown>, required = false) => ({ name, in: "query", required, schema });
const DATE = { type: "string", pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" };
const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const STATUSES = ["occurred", "expected", "possible", "alleged", "denied"];
const page = (def: number, max: number) => [
  q("limit", { type: "integer", minimum: 1, maximum: max, default: def }),
  q("offset", { type: "integer", minimum: 0, default: 0 }),
];
const articleFilters = [
  q("from", { ...DATE, description: "published on or after" }), q("to", { ...DATE, description: "published on or before" }),
  q("outlet", str("outlet name, exact")), q("entity", str("entity id (Q…, rasd:…) or a spelling seen in articles")),
  q("type", { type: "string", enum: TYPES, description: "articles with an event of this PLOVER type" }),
];
const ok = (description: string, schema: Record<string, unknown> = { type: "object" }) => ({
  200: { description, content: { "application/json": { schema } } },
  400: { $ref: "#/components/responses/BadRequest" },
});

export function openapi(opts: { ingest: boolean }): Record<string, unknown> {
  const paths: Record<string, unknown> = {
    "/api/articles": { get: { summary: "List articles, newest first", parameters: [...articleFilters, ...page(20, 200)], responses: ok("page of article summaries") } },
    "/api/articles/{id}": {
      get: {
        summary: "One article record (rasd/article@1) plus store metadata",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { 200: { description: "the record" }, 404: { description: "no such article" } },
      },
    },
    "/api/search": {
      get: {
        summary: "Full-text search (Arabic normalization, clitics, name variants), bm25-ranked, highlighted snippets",
        parameters: [q("q", str("query: words are ANDed, \"quoted\" or «quoted» phrases, -word excludes")), ...articleFilters,
          q("exact", { type: "boolean", description: "no variant expansion" }),
          q("highlight", { type: "string", enum: ["html", "plain"], description: "snippet markers: <mark>…</mark> (default) or U+E000…U+E001 (plain: split, never parse as HTML)" }),
          ...page(20, 100)],
        responses: ok("{ total, query, results: [{ id, title, published, outlet, url, snippet, score }] }"),
      },
    },
    "/api/entities": {
      get: {
        summary: "Entities across articles: spellings seen, article counts, first/last seen",
        parameters: [q("q", str("id or part of a spelling")), q("type", str("entity type")), q("country", str("ISO alpha-3")), ...page(50, 500)],
        responses: ok("page of entities"),
      },
    },
    "/api/entities/{id}": {
      get: {
        summary: "One entity with its recent articles",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { 200: { description: "the entity" }, 404: { description: "no such entity" } },
      },
    },
    "/api/entities/{id}/months": {
      get: {
        summary: "Articles per month that mention the entity",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { 200: { description: "{ id, months: [{ period: YYYY-MM, articles }] }" } },
      },
    },
    "/api/entities/{id}/related": {
      get: {
        summary: "Entities co-occurring with the entity (shared articles)",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, q("limit", { type: "integer", minimum: 1, maximum: 100, default: 100 })],
        responses: ok("{ id, results: [{ id, type, name, country, articles }] }"),
      },
    },
    "/api/network": {
      get: {
        summary: "Actors linked by timeline events: directed edges with cooperation/conflict counts (denied events left out)",
        parameters: [q("actor", str("only edges touching this actor")), q("target", str("… or this one")), q("from", DATE), q("to", DATE),
          q("limit", { type: "integer", minimum: 1, maximum: 300, default: 60 })],
        responses: ok("{ actors, edges: [{ source, target, events, cooperation, conflict, mean }] }"),
      },
    },
    "/api/actors": {
      get: { summary: "Actor codes in the timeline, busiest first", parameters: [q("limit", { type: "integer", minimum: 1, maximum: 1000, default: 200 })], responses: ok("{ results: [{ code, events }] }") },
    },
    "/api/outlets": {
      get: { summary: "Outlets with article counts", parameters: [q("limit", { type: "integer", minimum: 1, maximum: 1000, default: 200 })], responses: ok("{ results: [{ outlet, articles }] }") },
    },
    "/api/events": {
      get: {
        summary: "Events as coded in each article (before joining)",
        parameters: [...articleFilters, q("actor", str("actor code or entity id")), q("status", { type: "string", enum: STATUSES }), ...page(50, 500)],
        responses: ok("page of events"),
      },
    },
    "/api/timeline": {
      get: {
        summary: "Real-world events joined across articles, oldest first",
        parameters: [q("actor", str("country ISO3, IGO code or entity id")), q("target", str("other side of the dyad")),
          q("directed", { type: "boolean", description: "only actor → target (mutual events count both ways)" }),
          q("from", DATE), q("to", DATE), q("type", { type: "string", enum: TYPES }), q("status", { type: "string", enum: STATUSES }), ...page(100, 1000)],
        responses: ok("{ total, events: [{ id, type, mode, source, target, date, status, status_history, score, num_articles, num_copies, num_outlets, articles, first_reported, last_reported, sources }] }"),
      },
    },
    "/api/series": {
      get: {
        summary: "Cooperation–conflict series of a dyad (PLOVER scores per week or month)",
        parameters: [q("actor", str("actor code"), true), q("target", str("other side")), q("by", { type: "string", enum: ["week", "month"], default: "month" }),
          q("directed", { type: "boolean" }), q("from", DATE), q("to", DATE), q("type", { type: "string", enum: TYPES })],
        responses: ok("{ series: [{ period, events, sum, mean, cooperation, conflict }] }"),
      },
    },
    "/api/export": {
      get: {
        summary: "Export: JSON Lines of articles or events, CSV of events (GDELT-like), strict PLOVER JSON Lines",
        parameters: [q("format", { type: "string", enum: ["jsonl", "csv", "plover"], default: "jsonl" }),
          q("what", { type: "string", enum: ["articles", "events"] }), q("actor", str("actor code")), q("target", str("other side")),
          q("from", DATE), q("to", DATE), q("type", { type: "string", enum: TYPES })],
        responses: { 200: { description: "streamed file", content: { "application/x-ndjson": {}, "text/csv": {} } }, 400: { $ref: "#/components/responses/BadRequest" } },
      },
    },
    "/api/stats": { get: { summary: "Row counts, and whether ingest is enabled", responses: { 200: { description: "{ articles, entities, events, timeline, db, ingest }" } } } },
  };
  if (opts.ingest) {
    paths["/api/ingest"] = {
      post: {
        summary: "Store records (rasd/article@1), extract and store documents ({ text | html, url, title, published }), or whole files ({ name, content_base64 }: decoded like `rasd extract`, kind by extension)",
        security: [{ bearer: [] }],
        requestBody: { required: true, content: { "application/json": { schema: { oneOf: [{ type: "object" }, { type: "array", items: { type: "object" } }] } } } },
        responses: { 200: { description: "{ inserted, updated, unchanged, ids, errors }" }, 400: { description: "nothing stored" }, 401: { description: "missing or wrong token" } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Rasd API", version: "1.0.0", description: "Arabic news → PLOVER events: articles, search, entities, timeline, exports." },
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      responses: {
        BadRequest: {
          description: "invalid parameters",
          content: { "application/json": { schema: { type: "object", properties: { error: { type: "string" }, issues: { type: "array", items: { type: "object", properties: { param: { type: "string" }, message: { type: "string" } } } } } } } },
        },
      },
    },
  };
}

/** A small typed client of the rasd HTTP API (same origin). Errors carry the HTTP status and the API's message. */
import type {
  ActorCount, ArticleResponse, CoEntity, EntityDetail, EntityRow, EventRow, IngestResult, MonthCount, NetworkEdge, OutletCount,
  Page, SearchResponse, SeriesPoint, Stats, TimelineEvent,
} from "./types";

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

type Params = Record<string, string | number | boolean | null | undefined>;

/** Canonical query string (sorted keys, empty values left out), so a prefetched request is found again. */
function query(p: Params = {}): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(p).sort(([a], [b]) => a.localeCompare(b))) if (v !== undefined && v !== null && v !== "") u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : "";
}

async function asJson<T>(r: Response): Promise<T> {
  let body: unknown = null;
  try { body = await r.json(); } catch { /* not JSON */ }
  if (!r.ok) {
    const b = body as { error?: string; message?: string; issues?: { param: string; message: string }[] } | null;
    const detail = b?.issues?.map((i) => `${i.param}: ${i.message}`).join("; ") || b?.message || "";
    throw new ApiError(r.status, [b?.error ?? `HTTP ${r.status}`, detail].filter(Boolean).join(" — "));
  }
  return body as T;
}

/** Requests started before React renders (the first view's data), taken once by the first matching get. */
const early = new Map<string, Promise<unknown>>();

const get = <T>(path: string, p?: Params, signal?: AbortSignal): Promise<T> => {
  const url = path + query(p);
  const pre = early.get(url);
  if (pre) {
    early.delete(url);
    return pre as Promise<T>;
  }
  return fetch(url, { signal, headers: { accept: "application/json" } }).then((r) => asJson<T>(r));
};

/** Start a GET now (first load: in parallel with the script's start-up instead of after the first render). */
export function prefetch(path: string, p?: Params): void {
  const url = path + query(p);
  const pr = fetch(url, { headers: { accept: "application/json" } }).then((r) => asJson<unknown>(r));
  pr.catch(() => {}); // an error surfaces when the view takes it
  early.set(url, pr);
}
const enc = encodeURIComponent;

export interface SearchParams { q?: string; from?: string; to?: string; outlet?: string; entity?: string; type?: string; limit?: number; offset?: number }
export interface TimelineParams { actor?: string; target?: string; type?: string; status?: string; from?: string; to?: string; limit?: number; offset?: number }

export const api = {
  stats: (signal?: AbortSignal) => get<Stats>("/api/stats", {}, signal),
  search: (p: SearchParams, signal?: AbortSignal) => get<SearchResponse>("/api/search", { ...p, highlight: "plain" }, signal),
  article: (id: string, signal?: AbortSignal) => get<ArticleResponse>(`/api/articles/${enc(id)}`, {}, signal),
  entities: (p: { q?: string; limit?: number }, signal?: AbortSignal) => get<Page<EntityRow>>("/api/entities", p, signal),
  entity: (id: string, signal?: AbortSignal) => get<EntityDetail>(`/api/entities/${enc(id)}`, {}, signal),
  entityMonths: (id: string, signal?: AbortSignal) => get<{ months: MonthCount[] }>(`/api/entities/${enc(id)}/months`, {}, signal),
  entityRelated: (id: string, signal?: AbortSignal) => get<{ results: CoEntity[] }>(`/api/entities/${enc(id)}/related`, { limit: 24 }, signal),
  events: (p: { actor?: string; type?: string; limit?: number; offset?: number }, signal?: AbortSignal) => get<Page<EventRow>>("/api/events", p, signal),
  timeline: (p: TimelineParams, signal?: AbortSignal) => get<{ total: number; events: TimelineEvent[] }>("/api/timeline", { ...p }, signal),
  series: (p: { actor: string; target?: string; by?: "week" | "month"; type?: string }, signal?: AbortSignal) =>
    get<{ series: SeriesPoint[] }>("/api/series", p, signal),
  network: (p: { actor?: string; target?: string; limit?: number }, signal?: AbortSignal) =>
    get<{ actors: string[]; edges: NetworkEdge[] }>("/api/network", p, signal),
  actors: (signal?: AbortSignal) => get<{ results: ActorCount[] }>("/api/actors", { limit: 300 }, signal),
  outlets: (signal?: AbortSignal) => get<{ results: OutletCount[] }>("/api/outlets", { limit: 200 }, signal),
  /** POST one file's bytes (base64) for decoding, extraction and storage. */
  ingestFile: (token: string, name: string, contentBase64: string) =>
    fetch("/api/ingest", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ name, content_base64: contentBase64 }),
    }).then(async (r) => {
      // 400 with per-item errors is a result (nothing stored), not a failure of the request.
      if (r.status === 400) {
        const b = (await r.json().catch(() => null)) as IngestResult | { error: string } | null;
        if (b && "errors" in b) return b;
        throw new ApiError(400, (b as { error?: string } | null)?.error ?? "HTTP 400");
      }
      return asJson<IngestResult>(r);
    }),
};

/**
 * Read-only aggregate queries the web dashboard needs (entity profile, actor lists, dyad network, outlets).
 * Additive to store.ts: plain functions over `store.db`, no schema change.
 */
import type { Store } from "./store.js";
import { parseDateValue } from "./dates.js";

export interface MonthCount {
  /** "YYYY-MM" */
  period: string;
  articles: number;
}

export interface CoEntity {
  id: string;
  type: string | null;
  name: { ar: string | null; en: string | null };
  country: string | null;
  /** articles both entities appear in */
  articles: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  /** timeline events (each real-world event once), denied ones left out */
  events: number;
  cooperation: number;
  conflict: number;
  /** mean PLOVER score of the edge's events */
  mean: number;
}

export interface ActorCount {
  code: string;
  events: number;
}

export interface OutletCount {
  outlet: string;
  articles: number;
}

/** Articles per month that mention the entity (undated articles are not counted). */
export function entityMonths(store: Store, id: string): MonthCount[] {
  return store.db.prepare(`SELECT substr(published, 1, 7) AS period, count(*) AS articles FROM article_entities
    WHERE entity_id = ? AND published IS NOT NULL AND length(published) >= 7 GROUP BY period ORDER BY period`).all(id) as MonthCount[];
}

/** Entities that appear in the same articles as `id`, most shared articles first. */
export function coEntities(store: Store, id: string, limit = 20): CoEntity[] {
  const rows = store.db.prepare(`SELECT e.id, e.type, e.name_ar, e.name_en, e.country, x.n AS articles FROM (
      SELECT b.entity_id AS id, count(*) AS n FROM article_entities a
      JOIN article_entities b ON b.article_rid = a.article_rid AND b.entity_id <> a.entity_id
      WHERE a.entity_id = ? GROUP BY b.entity_id ORDER BY n DESC, b.entity_id LIMIT ?
    ) x JOIN entities e ON e.id = x.id ORDER BY x.n DESC, e.id`).all(id, limit) as Record<string, unknown>[];
  return rows.map((r) => ({
    id: r.id as string, type: (r.type as string) ?? null, name: { ar: (r.name_ar as string) ?? null, en: (r.name_en as string) ?? null },
    country: (r.country as string) ?? null, articles: r.articles as number,
  }));
}

/**
 * Network of actors linked by timeline events. With `actors`, only edges touching one of them (the ego network
 * of a relationship); otherwise the busiest edges of the whole store. Edges are directed source → target, denied
 * events left out (rule `network-skip-denied`, as in the series), events with no target left out.
 */
export function actorNetwork(store: Store, f: { actors?: string[]; from?: string; to?: string; limit?: number } = {}): NetworkEdge[] {
  const w = ["tgt_code IS NOT NULL", "tgt_code <> ''", "src_code <> ''", "status <> 'denied'"];
  const p: unknown[] = [];
  const actors = (f.actors ?? []).filter(Boolean);
  if (actors.length) {
    const marks = actors.map(() => "?").join(",");
    w.push(`(src_code IN (${marks}) OR tgt_code IN (${marks}))`);
    p.push(...actors, ...actors);
  }
  const lo = parseDateValue(f.from)?.lo, hi = parseDateValue(f.to)?.hi;
  if (lo !== undefined) { w.push("sort_day >= ?"); p.push(lo); }
  if (hi !== undefined) { w.push("sort_day <= ?"); p.push(hi); }
  const rows = store.db.prepare(`SELECT src_code AS source, tgt_code AS target, count(*) AS events,
      total(CASE WHEN score > 0 THEN 1 ELSE 0 END) AS cooperation, total(CASE WHEN score < 0 THEN 1 ELSE 0 END) AS conflict,
      avg(score) AS mean
    FROM timeline WHERE ${w.join(" AND ")} GROUP BY src_code, tgt_code ORDER BY events DESC, source, target LIMIT ?`)
    .all(...p, f.limit ?? 60) as NetworkEdge[];
  return rows.map((r) => ({ ...r, mean: Math.round((r.mean ?? 0) * 100) / 100 }));
}

/** Actor codes on either side of timeline events, busiest first (for pickers). */
export function actorCodes(store: Store, limit = 300): ActorCount[] {
  return store.db.prepare(`SELECT code, count(*) AS events FROM (
      SELECT src_code AS code FROM timeline WHERE src_code <> ''
      UNION ALL SELECT tgt_code FROM timeline WHERE tgt_code IS NOT NULL AND tgt_code <> ''
    ) GROUP BY code ORDER BY events DESC, code LIMIT ?`).all(limit) as ActorCount[];
}

/** Outlets with their article counts, biggest first (for the search filter). */
export function outlets(store: Store, limit = 200): OutletCount[] {
  return store.db.prepare(`SELECT outlet, count(*) AS articles FROM articles WHERE outlet IS NOT NULL
    GROUP BY outlet ORDER BY articles DESC, outlet LIMIT ?`).all(limit) as OutletCount[];
}

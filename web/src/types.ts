/**
 * JSON shapes of the API responses the dashboard reads. Record types come from the record contract
 * (src/record.ts); these are the store's wire shapes around them (see src/store/store.ts, src/store/views.ts).
 */
import type { Actor, ArticleRecord, EventStatus } from "../../src/record.js";

export type { Actor, ArticleRecord, EventStatus };
export type { Entity, Event, Mention, TimeExpr } from "../../src/record.js";

export interface Stats { articles: number; entities: number; events: number; timeline: number; ingest: boolean }

export interface ArticleSummary {
  id: string; title: string | null; published: string | null; outlet: string | null; url: string | null; dup_of: string | null;
}
export interface SearchHit extends ArticleSummary { snippet: string; score: number }
export interface SearchResponse { total: number; total_exact: boolean; limit: number; offset: number; query: string[][]; results: SearchHit[] }
export interface ArticleResponse extends ArticleRecord { _store: { dup_of: string | null; ingested_at: string; updated_at: string } }

export interface EntityRow {
  id: string; type: string | null; name: { ar: string | null; en: string | null }; country: string | null; igo: string | null;
  sector: string | null; known: boolean; num_articles: number; num_mentions: number; first_seen: string | null; last_seen: string | null;
  spellings: { text: string; count: number }[];
}
export interface EntityDetail extends EntityRow { articles: ArticleSummary[]; events: { as_source: number; as_target: number } }
export interface MonthCount { period: string; articles: number }
export interface CoEntity { id: string; type: string | null; name: { ar: string | null; en: string | null }; country: string | null; articles: number }

/** One event as coded in one article (GET /api/events). */
export interface EventRow {
  article: string; published: string | null; outlet: string | null; idx: number; type: string; mode: string | null;
  src_code: string | null; src_entity: string | null; src_country: string | null; tgt_code: string | null; tgt_entity: string | null;
  tgt_country: string | null; date: string | null; status: EventStatus; score: number; evidence: string | null; timeline_id: number | null;
}

export interface StatusChange { status: EventStatus; reported: string | null; article: string }
export interface TimelineSource {
  article: string; outlet: string | null; published: string | null; url: string | null; status: EventStatus; date: string | null;
  dup_of: string; evidence: string | null;
}
export interface TimelineEvent {
  id: number; type: string; mode: string | null; source: Actor; target: Actor | null; date: string | null; status: EventStatus;
  score: number; status_history: StatusChange[]; num_articles: number; num_copies: number; num_outlets: number; articles: string[];
  first_reported: string | null; last_reported: string | null; sources: TimelineSource[];
}
export interface SeriesPoint { period: string; events: number; sum: number; mean: number; cooperation: number; conflict: number }
export interface NetworkEdge { source: string; target: string; events: number; cooperation: number; conflict: number; mean: number }
export interface ActorCount { code: string; events: number }
export interface OutletCount { outlet: string; articles: number }
export interface IngestResult {
  inserted: number; updated: number; unchanged: number; ids: string[]; errors: { index: number; error: string }[];
}
export interface Page<T> { total: number; limit: number; offset: number; results: T[] }

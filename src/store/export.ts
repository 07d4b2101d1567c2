/**
 * Exports: JSON Lines of articles or timeline events, CSV of events with GDELT-like columns, and strict PLOVER
 * JSON Lines. Writers take a sink (`(chunk: string) => void`) so the CLI streams to a file or stdout and the
 * API to a response body.
 */
import type { EventStatus } from "../record.js";
import type { Store, TimelineEvent, TimelineFilters } from "./store.js";
import { gdeltActorCode } from "./timeline.js";

export type Sink = (chunk: string) => void;

export type ExportFormat = "jsonl" | "csv" | "plover";
export type ExportWhat = "articles" | "events";

/** Lines of an export (each ends with its newline), lazily: for streaming to files and HTTP responses. */
export function* exportLines(store: Store, format: ExportFormat, what: ExportWhat, f: TimelineFilters = {}): Generator<string> {
  if (format === "jsonl" && what === "articles") {
    for (const rec of store.iterateArticles()) yield JSON.stringify(rec) + "\n";
  } else if (format === "jsonl") {
    for (const ev of store.iterateTimeline(f)) yield JSON.stringify(ev) + "\n";
  } else if (format === "csv") {
    if (what === "articles") throw new Error("CSV export is for events (use --what events or --format jsonl)");
    yield CSV_COLUMNS.join(",") + "\r\n";
    for (const ev of store.iterateTimeline(f)) yield eventCsvRow(ev) + "\r\n";
  } else {
    if (what === "articles") throw new Error("PLOVER export is for events (use --what events)");
    for (const ev of store.iterateTimeline(f)) {
      const p = toPloverEvent(ev);
      if (p) yield JSON.stringify(p) + "\n";
    }
  }
}

export function exportArticlesJsonl(store: Store, out: Sink): number {
  let n = 0;
  for (const line of exportLines(store, "jsonl", "articles")) { out(line); n++; }
  return n;
}

export function exportEventsJsonl(store: Store, out: Sink, f: TimelineFilters = {}): number {
  let n = 0;
  for (const line of exportLines(store, "jsonl", "events", f)) { out(line); n++; }
  return n;
}

export const CSV_COLUMNS = [
  "date", "source_actor", "source_country", "target_actor", "target_country", "type", "mode", "score", "status",
  "num_articles", "num_sources", "source_url", "article_id",
] as const;

/** RFC 4180 quoting. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV row per timeline event; the source URL and article id are those of its first report. */
export function eventCsvRow(ev: TimelineEvent): string {
  const first = [...ev.sources].sort((a, b) => (a.published ?? "9999").localeCompare(b.published ?? "9999"))[0];
  const row = [
    ev.date ?? ev.first_reported, gdeltActorCode(ev.source), ev.source.country, gdeltActorCode(ev.target),
    ev.target?.country ?? null, ev.type, ev.mode, ev.score, ev.status, ev.num_articles, ev.num_outlets,
    first?.url ?? null, first?.article ?? null,
  ];
  return row.map(csvField).join(",");
}

export function exportEventsCsv(store: Store, out: Sink, f: TimelineFilters = {}): number {
  let n = -1;
  for (const line of exportLines(store, "csv", "events", f)) { out(line); n++; }
  return n;
}

/** Types whose expected/possible form PLOVER codes as an agreement (PLOVER.md, "Where this project differs"). */
const FUTURE_AS_AGREE = new Set(["CONSULT", "SUPPORT", "COOPERATE", "AID"]);
const AGREE_SCORE = 2.5;

/**
 * Strict PLOVER form of one timeline event, or null when PLOVER has no place for it (rule `plover-strict`):
 * CONSULT/SUPPORT/COOPERATE/AID that are only expected or possible become AGREE (mode dropped);
 * denied events are left out (nothing happened).
 */
export function toPloverEvent(ev: TimelineEvent): Record<string, unknown> | null {
  const status: EventStatus = ev.status;
  if (status === "denied") return null;
  const future = status === "expected" || status === "possible";
  const asAgree = future && FUTURE_AS_AGREE.has(ev.type);
  const first = [...ev.sources].sort((a, b) => (a.published ?? "9999").localeCompare(b.published ?? "9999"))[0];
  return {
    id: `rasd-tl-${ev.id}`,
    date: ev.date ?? ev.first_reported,
    event: asAgree ? "AGREE" : ev.type,
    mode: asAgree ? null : ev.mode,
    context: [],
    source_actor: ev.source.country ?? ev.source.igo ?? ev.source.entity,
    source_agent: ev.source.sector,
    target_actor: ev.target ? ev.target.country ?? ev.target.igo ?? ev.target.entity : null,
    target_agent: ev.target?.sector ?? null,
    intensity: asAgree ? AGREE_SCORE : ev.score,
    text: first?.evidence ?? null,
    url: first?.url ?? null,
    publication_date: ev.first_reported,
    articles: ev.articles,
  };
}

export function exportPloverJsonl(store: Store, out: Sink, f: TimelineFilters = {}): number {
  let n = 0;
  for (const line of exportLines(store, "plover", "events", f)) { out(line); n++; }
  return n;
}

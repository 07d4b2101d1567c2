/**
 * The store: SQLite (WAL, migrations) of article records with Arabic-aware search, entities across articles,
 * a cross-article event timeline, dyad series and exports. See store.ts for the API.
 */
export { Store, defaultDbPath, recordHash } from "./store.js";
export type {
  ArticleFilters, ArticleSummary, EntityRow, OpenOptions, SeriesPoint, TimelineEvent, TimelineFilters, TimelineSource,
  UpsertResult,
} from "./store.js";
export type { SearchHit, SearchOptions, SearchResponse } from "./search.js";
export { buildSearch, makeSnippet, setKbVariantIndex } from "./search.js";
export { normalizeArabic, translitKey, cliticStems, indexText } from "./arabic.js";
export { ingestPaths, ingestRecords, DEFAULT_BATCH } from "./ingest.js";
export { prepareRecord, packRecord, unpackRecord } from "./prepare.js";
export type { PreparedRecord } from "./prepare.js";
export type { IngestOptions, IngestSummary } from "./ingest.js";
export {
  exportLines, exportArticlesJsonl, exportEventsJsonl, exportEventsCsv, exportPloverJsonl, CSV_COLUMNS, toPloverEvent,
} from "./export.js";
export type { ExportFormat, ExportWhat } from "./export.js";
export { formatSummary, checkRecord } from "./ingest.js";
export { PLOVER_TYPES, EVENT_STATUSES } from "./timeline.js";

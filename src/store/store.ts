/**
 * The embedded store: one SQLite file (WAL) holding article records, an Arabic-aware full-text index,
 * entities across articles, events and the cross-article timeline.
 *
 * Writes go through `upsertArticle` / `upsertMany` (idempotent on the article id: an identical record is skipped,
 * a changed one replaces its previous contributions). Readers in other processes keep working during an ingest.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Actor, ArticleRecord, Event as RecordEvent, EventStatus } from "../record.js";
import { indexFingerprint, indexText, normalizeArabic, tokensOf, translitKey } from "./arabic.js";
import { isoOfDay, isoWeekOfDay, parseDateValue } from "./dates.js";
import { migrate } from "./schema.js";
import { buildSearch, makeSnippet, type SearchOptions, type SearchResponse } from "./search.js";
import { estimateJaccard, isNearDuplicate, sigFromBuffer, sigToBuffer, type Signature } from "./dedup.js";
import {
  entityContributions, isCurrent, prepareRecord, sha1, unpackBody, unpackRecord, type EntityContribution, type PreparedRecord,
} from "./prepare.js";
import {
  MAX_JOIN_SPAN, aggregate, candidateOf, canJoin, dyadKey, type JoinCandidate, type Report, type StatusChange,
} from "./timeline.js";

export type UpsertResult = "inserted" | "updated" | "unchanged";

/** An open write transaction fed record by record (`Store.openBatch`). */
export interface BatchWriter {
  /** records stored in this batch so far (failed ones not counted) */
  readonly size: number;
  /** milliseconds since the batch began */
  readonly age: number;
  /** upsert one record (on error nothing of it stays, and it throws; the batch goes on) */
  add(rec: ArticleRecord | PreparedRecord): UpsertResult;
  commit(): void;
  rollback(): void;
}

/** Broad queries are bm25-ranked among this many most recently stored matches (rule `rank-window`). */
export const RANK_WINDOW = 2000;
/** Search totals are exact up to this many matches, then reported as this number with total_exact false. */
export const COUNT_CAP = 2_000;

export interface OpenOptions {
  /** open read-only (the API's default): no migrations, no writes */
  readonly?: boolean;
  /** milliseconds to wait on a locked database (default 5000) */
  busyTimeout?: number;
  /** writable opens: re-index the full text when the indexing rules changed (default true; readers pass false) */
  checkIndex?: boolean;
}

export interface ArticleSummary {
  id: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  dup_of: string | null;
}

export interface ArticleFilters {
  from?: string;
  to?: string;
  outlet?: string;
  entity?: string;
  type?: string;
  limit?: number;
  offset?: number;
}

export interface EntityRow {
  id: string;
  type: string | null;
  name: { ar: string | null; en: string | null };
  country: string | null;
  igo: string | null;
  sector: string | null;
  known: boolean;
  num_articles: number;
  num_mentions: number;
  first_seen: string | null;
  last_seen: string | null;
  spellings: { text: string; count: number }[];
}

export interface TimelineFilters {
  /** actor code (country ISO3, IGO code) or entity id, as source or target */
  actor?: string;
  /** with actor: the other side of the dyad */
  target?: string;
  /** with actor+target: only actor → target (mutual events still count in both directions) */
  directed?: boolean;
  from?: string;
  to?: string;
  type?: string;
  status?: EventStatus;
  limit?: number;
  offset?: number;
}

export interface TimelineSource {
  article: string;
  outlet: string | null;
  published: string | null;
  url: string | null;
  status: EventStatus;
  date: string | null;
  dup_of: string;
  evidence: string | null;
}

/** A real-world event joined across reports: the record's event fields plus what the joining adds. */
export interface TimelineEvent extends Pick<RecordEvent, "type" | "mode" | "source" | "target" | "date" | "status" | "score"> {
  id: number;
  status_history: StatusChange[];
  /** independent reports (syndicated copies of one story count once) */
  num_articles: number;
  /** all articles, copies included */
  num_copies: number;
  num_outlets: number;
  articles: string[];
  first_reported: string | null;
  last_reported: string | null;
  sources: TimelineSource[];
}

export interface SeriesPoint {
  period: string;
  events: number;
  sum: number;
  mean: number;
  cooperation: number;
  conflict: number;
}

/** Columns of the timeline table. */
interface TlRow {
  tl_id: number; type: string; mode: string | null; mutual: number; dyad: string; src_code: string; tgt_code: string;
  src_json: string; tgt_json: string | null; date: string | null; date_lo: number | null; date_hi: number | null;
  coarse: number; status: EventStatus; status_history: string; score: number; first_reported: string | null;
  last_reported: string | null; num_articles: number; num_copies: number; num_outlets: number; num_reports: number;
  sort_day: number | null;
}

const nowIso = (): string => new Date().toISOString();

/** Stable hash of a record: an identical re-ingest is a no-op. */
export function recordHash(rec: ArticleRecord | string): string {
  return sha1(typeof rec === "string" ? rec : JSON.stringify(rec));
}

/** The store's default database path: RASD_DB, else $XDG_DATA_HOME/rasd/rasd.db, else ~/.local/share/rasd/rasd.db. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RASD_DB) return env.RASD_DB;
  const home = env.HOME ?? env.USERPROFILE ?? ".";
  const base = env.XDG_DATA_HOME || `${home}/.local/share`;
  return `${base}/rasd/rasd.db`;
}

function dayParam(v: string | undefined, end: boolean): number | null {
  const iv = parseDateValue(v);
  return iv ? (end ? iv.hi : iv.lo) : null;
}

export class Store {
  readonly db: Database.Database;
  readonly path: string;
  readonly readonly: boolean;
  private st!: ReturnType<Store["prepareStatements"]>;

  constructor(path: string, opts: OpenOptions = {}) {
    this.path = path;
    this.readonly = !!opts.readonly;
    if (!this.readonly && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path, { readonly: this.readonly, fileMustExist: this.readonly });
    this.db.pragma(`busy_timeout = ${opts.busyTimeout ?? 5000}`);
    if (!this.readonly) {
      this.db.pragma("journal_mode = WAL");
      this.db.pragma("synchronous = NORMAL");
      // Checkpoint the WAL every 16,384 pages (64 MB) rather than SQLite's 1,000: an ingest rewrites the same hot
      // index pages in every batch, and each checkpoint copies (and syncs) them into the main file again.
      this.db.pragma("wal_autocheckpoint = 16384");
      migrate(this.db);
    }
    this.db.pragma("cache_size = -65536");
    this.st = this.prepareStatements();
    if (!this.readonly && opts.checkIndex !== false) this.checkIndexVersion();
  }

  static open(path: string = defaultDbPath(), opts: OpenOptions = {}): Store {
    return new Store(path, opts);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private prepareStatements() {
    const db = this.db;
    return {
      articleById: db.prepare("SELECT rid, hash, record FROM articles WHERE id = ?"),
      insertArticle: db.prepare(`INSERT INTO articles (id, title, published, outlet, url, path, hash, sig, shingles,
        dup_of, record, ingested_at, updated_at)
        VALUES (@id, @title, @published, @outlet, @url, @path, @hash, @sig, @shingles, @dup_of, @record, @now, @now)`),
      updateArticle: db.prepare(`UPDATE articles SET title=@title, published=@published, outlet=@outlet, url=@url,
        path=@path, hash=@hash, sig=@sig, shingles=@shingles, dup_of=@dup_of, record=@record, updated_at=@now
        WHERE rid=@rid`),
      lshInsert: db.prepare("INSERT OR IGNORE INTO article_lsh (band, rid) VALUES (?, ?)"),
      lshDelete: db.prepare("DELETE FROM article_lsh WHERE rid = ?"),
      // Rule `lsh-recent-per-band`: per band only its LSH_PER_BAND most recent members are candidates, so a band
      // shared by thousands of articles (boilerplate sentences) costs no more than a rare one.
      lshBand: db.prepare("SELECT rid FROM article_lsh WHERE band = ? ORDER BY rid DESC LIMIT ?").pluck(),
      // Prepared on first use: a read-only open of a schema-1 file (no article_sig yet) must not fail.
      sigInsert: lazyStatement(db, "INSERT OR REPLACE INTO article_sig (rid, sig, shingles) VALUES (?, ?, ?)"),
      sigByRid: lazyStatement(db, "SELECT sig, shingles FROM article_sig WHERE rid = ?"),
      sigDelete: lazyStatement(db, "DELETE FROM article_sig WHERE rid = ?"),
      dupOfRid: db.prepare("SELECT dup_of FROM articles WHERE rid = ?").pluck(),
      ftsInsert: db.prepare("INSERT INTO articles_fts (rowid, title, body, keys) VALUES (?, ?, ?, ?)"),
      ftsDelete: db.prepare("DELETE FROM articles_fts WHERE rowid = ?"),
      entityAddAggregated: db.prepare(`INSERT INTO entities (id, type, name_ar, name_en, country, igo, sector, known,
        num_articles, num_mentions, first_seen, last_seen)
        VALUES (@id, @type, @name_ar, @name_en, @country, @igo, @sector, @known, @articles, @mentions, @first, @last)
        ON CONFLICT(id) DO UPDATE SET num_articles = num_articles + excluded.num_articles,
          num_mentions = num_mentions + excluded.num_mentions, known = max(known, excluded.known),
          type = coalesce(type, excluded.type), name_ar = coalesce(name_ar, excluded.name_ar),
          name_en = coalesce(name_en, excluded.name_en), country = coalesce(country, excluded.country),
          igo = coalesce(igo, excluded.igo), sector = coalesce(sector, excluded.sector),
          first_seen = CASE WHEN excluded.first_seen IS NULL THEN first_seen
            WHEN first_seen IS NULL OR excluded.first_seen < first_seen THEN excluded.first_seen ELSE first_seen END,
          last_seen = CASE WHEN excluded.last_seen IS NULL THEN last_seen
            WHEN last_seen IS NULL OR excluded.last_seen > last_seen THEN excluded.last_seen ELSE last_seen END`),
      spellingAdd: db.prepare(`INSERT INTO entity_spellings (entity_id, spelling, norm, count) VALUES (@id, @sp, @norm, @n)
        ON CONFLICT(entity_id, spelling) DO UPDATE SET count = count + excluded.count`),
      aeInsert: db.prepare("INSERT OR REPLACE INTO article_entities (article_rid, entity_id, mentions, published) VALUES (?, ?, ?, ?)"),
      entityDecrement: db.prepare("UPDATE entities SET num_articles = num_articles - 1, num_mentions = num_mentions - ? WHERE id = ?"),
      entityDeleteEmpty: db.prepare("DELETE FROM entities WHERE id = ? AND num_articles <= 0"),
      entitySeenFix: db.prepare(`UPDATE entities SET
        first_seen = (SELECT min(published) FROM article_entities WHERE entity_id = @id),
        last_seen = (SELECT max(published) FROM article_entities WHERE entity_id = @id) WHERE id = @id`),
      spellingSub: db.prepare("UPDATE entity_spellings SET count = count - ? WHERE entity_id = ? AND spelling = ?"),
      spellingClean: db.prepare("DELETE FROM entity_spellings WHERE entity_id = ? AND count <= 0"),
      aeDelete: db.prepare("DELETE FROM article_entities WHERE article_rid = ?"),
      // Lazy: the article columns exist since schema 3 (a read-only open of an older file never writes).
      eventInsert: lazyStatement(db, `INSERT INTO events (article_rid, idx, type, mode, src_code, src_entity, src_country,
        src_igo, src_sector, tgt_code, tgt_entity, tgt_country, tgt_igo, tgt_sector, date, status, score, location,
        reported_by, evidence, rule, tl_id, article_id, dup_of, outlet, published) VALUES (@article_rid, @idx, @type,
        @mode, @src_code, @src_entity, @src_country, @src_igo, @src_sector, @tgt_code, @tgt_entity, @tgt_country,
        @tgt_igo, @tgt_sector, @date, @status, @score, @location, @reported_by, @evidence, @rule, @tl_id, @article_id,
        @dup_of, @outlet, @published)`),
      eventsTlOfArticle: db.prepare("SELECT DISTINCT tl_id FROM events WHERE article_rid = ? AND tl_id IS NOT NULL"),
      eventsDelete: db.prepare("DELETE FROM events WHERE article_rid = ?"),
      // Only the columns the join decision needs (not the growing status history and actor JSON).
      tlMatch: db.prepare(`SELECT ${TL_MATCH_COLUMNS} FROM timeline WHERE dyad = ? AND type = ? AND coarse = 0
        AND date_lo BETWEEN ? AND ? AND date_hi >= ?`),
      tlMatchCoarse: db.prepare(`SELECT ${TL_MATCH_COLUMNS} FROM timeline WHERE dyad = ? AND type = ? AND coarse = 1 AND date = ?`),
      dataVersion: db.prepare("PRAGMA data_version").pluck(),
      tlInsert: db.prepare(`INSERT INTO timeline (type, mode, mutual, dyad, src_code, tgt_code, date, date_lo, date_hi, coarse)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      tlDelete: db.prepare("DELETE FROM timeline WHERE tl_id = ?"),
      // Two statements: the indexed columns are rewritten only when one of them changed (each one rewritten costs
      // an index entry in each of the five timeline indexes), the rest every time.
      // Since schema 3 the join index covers mode, mutual, date, date_hi and coarse too (rule
      // `timeline-match-covering`), so they are key columns here.
      tlUpdate: db.prepare(`UPDATE timeline SET
        src_json=@src_json, tgt_json=@tgt_json, status=@status, status_history=@status_history, score=@score,
        first_reported=@first_reported, last_reported=@last_reported, num_articles=@num_articles, num_copies=@num_copies,
        num_outlets=@num_outlets, num_reports=@num_reports WHERE tl_id=@tl_id`),
      tlUpdateKeys: db.prepare(`UPDATE timeline SET type=@type, src_code=@src_code, tgt_code=@tgt_code, date_lo=@date_lo,
        sort_day=@sort_day, mode=@mode, mutual=@mutual, date=@date, date_hi=@date_hi, coarse=@coarse
        WHERE tl_id=@tl_id AND (type IS NOT @type OR src_code IS NOT @src_code OR tgt_code IS NOT @tgt_code
        OR date_lo IS NOT @date_lo OR sort_day IS NOT @sort_day OR mode IS NOT @mode OR mutual IS NOT @mutual
        OR date IS NOT @date OR date_hi IS NOT @date_hi OR coarse IS NOT @coarse)`),
      tlMembers: db.prepare(`SELECT e.rid AS seq, e.type, e.mode, e.status, e.date, e.score, e.evidence,
        e.src_entity, e.src_country, e.src_igo, e.src_sector, e.tgt_code, e.tgt_entity, e.tgt_country, e.tgt_igo,
        e.tgt_sector, a.id AS article, a.dup_of, a.outlet, a.url, a.published
        FROM events e JOIN articles a ON a.rid = e.article_rid WHERE e.tl_id = ? ORDER BY e.rid`),
      // Rule `report-columns` (schema 3): the reports the aggregate needs, from the covering index events_tl_reports
      // alone (no evidence, no URL, no join with articles). Lazy: a read-only open of an older file never uses it.
      tlReports: lazyStatement(db, `SELECT rid AS seq, type, mode, status, date, score, src_entity, src_country, src_igo,
        src_sector, tgt_code, tgt_entity, tgt_country, tgt_igo, tgt_sector, article_id AS article, dup_of, outlet,
        published FROM events INDEXED BY events_tl_reports WHERE tl_id = ? ORDER BY tl_id, rid`),
      searchRow: db.prepare("SELECT id, title, published, outlet, url, dup_of, record FROM articles WHERE rid = ?"),
      setEventTl: db.prepare("UPDATE events SET tl_id = ? WHERE rid = ?"),
    };
  }

  /** Re-index the FTS table when the indexing rules changed (normalization, stems, keys: see indexFingerprint). */
  private checkIndexVersion(): void {
    const fp = indexFingerprint();
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'index_fingerprint'").get() as { value: string } | undefined;
    if (row?.value === fp) return;
    const hasArticles = !!this.db.prepare("SELECT 1 FROM articles LIMIT 1").get();
    if (hasArticles) this.reindex();
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('index_fingerprint', ?)").run(fp);
  }

  /** Rebuild the full-text index from the stored records. */
  reindex(): number {
    let n = 0;
    // In chunks of rowids: a large store's records never all sit in memory at once.
    const chunk = this.db.prepare("SELECT rid, record FROM articles WHERE rid > ? ORDER BY rid LIMIT 500");
    this.db.transaction(() => {
      this.db.exec("DELETE FROM articles_fts");
      for (let last = 0; ;) {
        const rows = chunk.all(last) as { rid: number; record: string | Buffer }[];
        if (!rows.length) break;
        for (const r of rows) {
          this.indexFts(r.rid, unpackRecord(r.record));
          n++;
        }
        last = rows[rows.length - 1]!.rid;
      }
    })();
    return n;
  }

  private indexFts(rid: number, rec: ArticleRecord): void {
    const t = indexText(rec.title ?? "");
    const b = indexText(rec.body);
    this.st.ftsInsert.run(rid, t.text, b.text, [...new Set([...t.keys, ...b.keys])].join(" "));
  }

  /** Insert or replace one record (its own transaction unless called inside one). */
  upsertArticle(rec: ArticleRecord | PreparedRecord): UpsertResult {
    return this.write(() => {
      const agg = newEntityAggregate();
      const res = this.upsertInTx(toPrepared(rec), agg);
      this.flushEntities(agg);
      return res;
    });
  }

  /**
   * Upsert many records in ONE transaction (a batch): all or nothing. Records may come prepared
   * (`prepareRecord`, e.g. on an extraction worker): then the main thread only writes.
   */
  upsertMany(recs: Iterable<ArticleRecord | PreparedRecord>): Record<UpsertResult, number> {
    const counts: Record<UpsertResult, number> = { inserted: 0, updated: 0, unchanged: 0 };
    this.write(() => {
      const agg = newEntityAggregate();
      for (const r of recs) counts[this.upsertInTx(toPrepared(r), agg)]++;
      this.flushEntities(agg);
    });
    return counts;
  }

  /**
   * A write transaction fed record by record (the ingest's writer): the caller adds records as they arrive — the
   * event loop keeps turning between them, so extraction workers stay fed — and commits every so many.
   * A record that fails throws and leaves no trace: the transaction is rolled back and the batch's earlier records
   * are written again (rule `batch-replay`). No savepoint per record: FTS5 flushes its pending index data to a new
   * segment at every savepoint, which made each record its own segment (many small segments, merge work).
   */
  openBatch(): BatchWriter {
    const dv = this.st.dataVersion.get() as number;
    if (dv !== this.tlCacheVersion) this.tlCache.clear();
    this.db.exec("BEGIN IMMEDIATE");
    let agg = newEntityAggregate();
    const t0 = Date.now();
    /** records stored in this batch (kept for a replay after a failure) */
    const done: ArticleRecord[] = [];
    let open = true;
    const abort = (): void => {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      this.tlCache.clear();
      this.tlCacheVersion = null;
    };
    return {
      get size() { return done.length; },
      get age() { return Date.now() - t0; },
      add: (rec) => {
        if (!open) throw new Error("batch already committed or rolled back");
        const p = toPrepared(rec);
        try {
          const res = this.upsertInTx(p, agg);
          done.push(p.record);
          return res;
        } catch (e) {
          abort();
          this.db.exec("BEGIN IMMEDIATE");
          agg = newEntityAggregate();
          try {
            for (const r of done) this.upsertInTx(prepareRecord(r), agg);
          } catch (again) {
            open = false;
            abort();
            throw again;
          }
          throw e;
        }
      },
      commit: () => {
        if (!open) return;
        open = false;
        try {
          this.flushEntities(agg);
          this.db.exec("COMMIT");
          this.tlCacheVersion = dv;
        } catch (e) {
          abort();
          throw e;
        }
      },
      rollback: () => {
        if (!open) return;
        open = false;
        abort();
      },
    };
  }

  private upsertInTx(p: PreparedRecord, agg: EntityAggregate): UpsertResult {
    const rec = p.record;
    const old = this.st.articleById.get(rec.id) as { rid: number; hash: string; record: string | Buffer } | undefined;
    if (old && old.hash === p.hash) return "unchanged";
    if (old) {
      this.flushEntities(agg); // the removal below reads and decrements entity rows: apply pending additions first
      this.removeContributions(old.rid, unpackRecord(old.record));
    }
    const sh: Signature = { sig: p.sig, shingles: p.shingles };
    const dupOf = this.findDuplicate(p.bands, sh) ?? rec.id;
    const row = {
      id: rec.id, title: rec.title, published: rec.published, outlet: rec.outlet,
      url: rec.source?.url ?? null, path: rec.source?.path ?? null, hash: p.hash,
      sig: null, shingles: null, // in article_sig since schema 2
      dup_of: dupOf, record: asBuffer(p.packed), now: nowIso(),
    };
    let rid: number;
    if (old) {
      rid = old.rid;
      this.st.updateArticle.run({ ...row, rid });
    } else {
      rid = Number(this.st.insertArticle.run(row).lastInsertRowid);
    }
    this.st.sigInsert.run(rid, sigToBuffer(p.sig), p.shingles);
    for (const b of p.bands) this.st.lshInsert.run(b, rid);
    this.st.ftsInsert.run(rid, p.fts.title, p.fts.body, p.fts.keys);
    this.addEvents(rid, rec, dupOf);
    this.addEntities(rid, rec.published ?? null, p.entities, agg); // last: nothing can fail after the aggregate
    return old ? "updated" : "inserted";
  }

  /**
   * Rule `syndication-minhash`: the group of the most similar stored near-duplicate, if any. Candidates share an
   * LSH band (the LSH_PER_BAND newest members of each band); the LSH_MAX_CHECK sharing the most bands are compared.
   */
  private findDuplicate(bands: number[], sh: Signature): string | null {
    const shared = new Map<number, number>();
    for (const b of bands) {
      for (const rid of this.st.lshBand.all(b, LSH_PER_BAND) as number[]) shared.set(rid, (shared.get(rid) ?? 0) + 1);
    }
    if (shared.size === 0) return null;
    const cands = [...shared].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, LSH_MAX_CHECK);
    let best: { j: number; rid: number } | null = null;
    for (const [rid] of cands) {
      const c = this.st.sigByRid.get(rid) as { sig: Buffer; shingles: number } | undefined;
      if (!c) continue;
      const other = { sig: sigFromBuffer(c.sig), shingles: c.shingles };
      if (!isNearDuplicate(sh, other)) continue;
      const j = estimateJaccard(sh.sig, other.sig);
      if (!best || j > best.j) best = { j, rid };
    }
    return best ? ((this.st.dupOfRid.get(best.rid) as string | null) ?? null) : null;
  }

  /** Article–entity rows now; entity counts and spellings are aggregated per transaction (flushEntities). */
  private addEntities(rid: number, published: string | null, ents: EntityContribution[], agg: EntityAggregate): void {
    // One row statement per entity: cheaper than one json_each statement for the ~20 entities of an article.
    for (const e of ents) this.st.aeInsert.run(rid, e.id, e.mentions, published);
    for (const e of ents) addToAggregate(agg, e, published);
  }

  /**
   * Rule `entity-batch-aggregate`: one entity row update per entity per transaction (not one per article): counts
   * summed, first/last seen as min/max, descriptive fields first non-null — the same result as article by article.
   */
  private flushEntities(agg: EntityAggregate): void {
    for (const e of agg.entities.values()) this.st.entityAddAggregated.run(e);
    for (const sp of agg.spellings.values()) this.st.spellingAdd.run(sp);
    agg.entities.clear();
    agg.spellings.clear();
  }

  private removeContributions(rid: number, old: ArticleRecord): void {
    this.st.ftsDelete.run(rid);
    this.st.lshDelete.run(rid);
    this.st.sigDelete.run(rid);
    const contribs = entityContributions(old);
    this.st.aeDelete.run(rid);
    for (const c of contribs) {
      const id = c.id;
      this.st.entityDecrement.run(c.mentions, id);
      for (const [sp, , n] of c.spellings) this.st.spellingSub.run(n, id, sp);
      this.st.spellingClean.run(id);
      this.st.entityDeleteEmpty.run(id);
      this.st.entitySeenFix.run({ id });
    }
    const tls = (this.st.eventsTlOfArticle.all(rid) as { tl_id: number }[]).map((r) => r.tl_id);
    this.st.eventsDelete.run(rid);
    for (const tl of tls) this.recomputeTimeline(tl);
  }

  private addEvents(rid: number, rec: ArticleRecord, dupOf: string): void {
    const touched = new Set<number>();
    // Timeline events created by this article: their reports are all here, no need to read them back.
    const fresh = new Set<number>();
    // This article's reports per timeline event (fresh or joined).
    const added = new Map<number, Report[]>();
    (rec.events ?? []).forEach((raw, idx) => {
      if (!raw || typeof raw.type !== "string") return; // not an event: skipped, never fatal
      const ev = { ...raw, status: raw.status ?? "occurred", mode: raw.mode ?? null, date: raw.date ?? null };
      const cand = candidateOf(ev, rec.published);
      const src: Actor = ev.source ?? { entity: null, country: null, igo: null, sector: null };
      const tgt = ev.target ?? null;
      const evidence = ev.evidence && rec.body ? rec.body.slice(ev.evidence.start, ev.evidence.end).slice(0, 1000) : null;
      let tl = this.findTimelineEvent(cand);
      if (tl === null) {
        tl = this.newTimelineEvent(cand);
        fresh.add(tl);
      }
      const evRid = Number(this.st.eventInsert.run({
        article_rid: rid, idx, type: ev.type, mode: ev.mode ?? null,
        src_code: cand.src, src_entity: src.entity, src_country: src.country, src_igo: src.igo, src_sector: src.sector,
        tgt_code: cand.tgt, tgt_entity: tgt?.entity ?? null, tgt_country: tgt?.country ?? null, tgt_igo: tgt?.igo ?? null,
        tgt_sector: tgt?.sector ?? null, date: ev.date ?? null, status: ev.status, score: ev.score ?? 0,
        location: ev.location ?? null, reported_by: ev.reported_by ?? null, evidence, rule: ev.rule ?? null, tl_id: tl,
        article_id: rec.id, dup_of: dupOf, outlet: rec.outlet ?? null, published: rec.published ?? null,
      }).lastInsertRowid);
      let mine = added.get(tl);
      if (!mine) added.set(tl, (mine = []));
      mine.push({
        article: rec.id, dupOf, outlet: rec.outlet, url: rec.source?.url ?? null, published: rec.published, seq: evRid,
        type: ev.type, mode: ev.mode, status: ev.status, date: ev.date, score: ev.score ?? 0,
        source: { entity: src.entity ?? null, country: src.country ?? null, igo: src.igo ?? null, sector: src.sector ?? null },
        // Same rule as reportOf (a target with no field set is no target), so both paths aggregate alike.
        target: tgt && (tgt.entity || tgt.country || tgt.igo || tgt.sector || cand.tgt)
          ? { entity: tgt.entity ?? null, country: tgt.country ?? null, igo: tgt.igo ?? null, sector: tgt.sector ?? null } : null,
        evidence,
      });
      touched.add(tl);
    });
    // Aggregates once per touched timeline event, after all of the article's reports are in. A fresh event's
    // reports are all here; a joined one's are the cached ones plus these (or read back when not cached).
    for (const tl of touched) {
      const mine = added.get(tl) ?? [];
      const cached = fresh.has(tl) ? [] : this.tlCache.get(tl);
      this.recomputeTimeline(tl, cached ? cached.concat(mine) : undefined);
    }
  }

  /**
   * Rule `timeline-report-cache`: the reports of recently touched timeline events, kept between articles (LRU of
   * TL_CACHE_MAX events) so joining a report to a big event does not read all its members back. Valid only while
   * no other connection writes: `beginWrite` drops it when PRAGMA data_version says another one committed, and a
   * failed transaction drops it too.
   */
  private tlCache = new Map<number, Report[]>();
  private tlCacheVersion: number | null = null;

  private cacheReports(tl: number, reports: Report[] | null): void {
    this.tlCache.delete(tl);
    if (!reports) return;
    // The aggregate reads neither the evidence text nor the URL: cached reports go without them (memory).
    this.tlCache.set(tl, reports.map((r) => (r.evidence === null && r.url === null ? r : { ...r, evidence: null, url: null })));
    if (this.tlCache.size > TL_CACHE_MAX) this.tlCache.delete(this.tlCache.keys().next().value!);
  }

  /** Run a write transaction with the caches kept consistent (see tlCache). */
  private write<T>(fn: () => T): T {
    const dv = this.st.dataVersion.get() as number;
    if (dv !== this.tlCacheVersion) this.tlCache.clear();
    try {
      const out = this.db.transaction(fn).immediate();
      this.tlCacheVersion = dv; // our own commits do not change this connection's data_version
      return out;
    } catch (e) {
      this.tlCache.clear();
      this.tlCacheVersion = null;
      throw e;
    }
  }

  /**
   * Re-join every stored report from scratch, articles in publication order (undated last). Joining is
   * incremental at ingest, so its result can depend on ingest order; a rebuild gives the chronological result.
   * Returns the number of timeline events.
   */
  rebuildTimeline(): number {
    this.tlCache.clear();
    this.write(() => {
      this.db.exec("DELETE FROM timeline; UPDATE events SET tl_id = NULL;");
      const arts = this.db.prepare("SELECT rid, published FROM articles ORDER BY published IS NULL, published, rid").all() as
        { rid: number; published: string | null }[];
      const evs = this.db.prepare("SELECT * FROM events WHERE article_rid = ? ORDER BY rid");
      for (const a of arts) {
        const touched = new Set<number>();
        for (const e of evs.all(a.rid) as Record<string, unknown>[]) {
          const r = reportOf({ ...e, seq: e.rid });
          const cand = candidateOf({ type: r.type, mode: r.mode, source: r.source, target: r.target, date: r.date, status: r.status }, a.published);
          const tl = this.findTimelineEvent(cand) ?? this.newTimelineEvent(cand);
          this.st.setEventTl.run(tl, e.rid);
          touched.add(tl);
        }
        for (const tl of touched) this.recomputeTimeline(tl);
      }
    });
    return (this.db.prepare("SELECT count(*) AS n FROM timeline").get() as { n: number }).n;
  }

  private rowCandidate(r: TlRow): JoinCandidate {
    return {
      type: r.type, mode: r.mode, mutual: !!r.mutual, src: r.src_code, tgt: r.tgt_code, date: r.date,
      lo: r.date_lo, hi: r.date_hi, coarse: !!r.coarse,
    };
  }

  /** The timeline event a new report joins (nearest in time among the compatible ones), if any. */
  private findTimelineEvent(c: JoinCandidate): number | null {
    if (!c.src || c.lo === null || c.hi === null) return null;
    const dyad = dyadKey(c.src, c.tgt);
    const rows = (c.coarse
      ? this.st.tlMatchCoarse.all(dyad, c.type, c.date)
      : this.st.tlMatch.all(dyad, c.type, c.lo - MAX_JOIN_SPAN - 2, c.hi, c.lo)) as TlRow[];
    let best: { id: number; d: number } | null = null;
    const mid = (c.lo + c.hi) / 2;
    for (const r of rows) {
      if (!canJoin(c, this.rowCandidate(r))) continue;
      const d = Math.abs(((r.date_lo ?? 0) + (r.date_hi ?? 0)) / 2 - mid);
      if (!best || d < best.d) best = { id: r.tl_id, d };
    }
    return best?.id ?? null;
  }

  private newTimelineEvent(c: JoinCandidate): number {
    // The placeholder carries the report's interval so later reports of the same batch can join it before the
    // aggregate is computed.
    return Number(this.st.tlInsert.run(c.type, c.mode, c.mutual ? 1 : 0, dyadKey(c.src, c.tgt), c.src, c.tgt, c.date,
      c.lo, c.hi, c.coarse ? 1 : 0).lastInsertRowid);
  }

  private recomputeTimeline(tl: number, known?: Report[]): void {
    const reports: Report[] = known ?? (this.st.tlReports.all(tl) as Record<string, unknown>[]).map((r) => reportOf(r));
    if (reports.length === 0) {
      this.st.tlDelete.run(tl);
      this.cacheReports(tl, null);
      return;
    }
    this.cacheReports(tl, reports);
    const a = aggregate(reports);
    const row = {
      tl_id: tl, type: a.type, mode: a.mode, mutual: a.mutual ? 1 : 0, src_code: a.src, tgt_code: a.tgt,
      src_json: JSON.stringify(a.source), tgt_json: a.target ? JSON.stringify(a.target) : null, date: a.date,
      date_lo: a.lo, date_hi: a.hi, coarse: a.coarse ? 1 : 0, status: a.status, status_history: JSON.stringify(a.history),
      score: a.score, first_reported: a.first_reported, last_reported: a.last_reported, num_articles: a.num_articles,
      num_copies: a.num_copies, num_outlets: a.num_outlets, num_reports: a.num_reports, sort_day: a.sort_day,
    };
    this.st.tlUpdateKeys.run(row);
    this.st.tlUpdate.run(row);
  }

  // ───────────────────────────── readers ─────────────────────────────

  getArticle(id: string): (ArticleRecord & { _store: { dup_of: string | null; ingested_at: string; updated_at: string } }) | null {
    const r = this.db.prepare("SELECT record, dup_of, ingested_at, updated_at FROM articles WHERE id = ?").get(id) as
      { record: string | Buffer; dup_of: string | null; ingested_at: string; updated_at: string } | undefined;
    if (!r) return null;
    return { ...unpackRecord(r.record), _store: { dup_of: r.dup_of, ingested_at: r.ingested_at, updated_at: r.updated_at } };
  }

  count(): { articles: number; entities: number; events: number; timeline: number } {
    const q = (t: string) => (this.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    return { articles: q("articles"), entities: q("entities"), events: q("events"), timeline: q("timeline") };
  }

  /** SQL conditions (on alias a) for the article filters. */
  articleWhere(f: ArticleFilters): { sql: string; params: unknown[] } {
    const w: string[] = [];
    const p: unknown[] = [];
    // A coarser publication date (a month) that contains the bound counts as inside the range.
    if (f.from) { w.push("(a.published >= ? OR substr(?, 1, length(a.published)) = a.published)"); p.push(f.from, f.from); }
    if (f.to) { w.push("substr(a.published, 1, ?) <= ?"); p.push(f.to.length, f.to); }
    if (f.outlet) { w.push("a.outlet = ?"); p.push(f.outlet); }
    if (f.entity) {
      const ids = this.resolveEntity(f.entity);
      w.push(`a.rid IN (SELECT article_rid FROM article_entities WHERE entity_id IN (${ids.map(() => "?").join(",") || "NULL"}))`);
      p.push(...ids);
    }
    if (f.type) { w.push("EXISTS (SELECT 1 FROM events e WHERE e.article_rid = a.rid AND e.type = ?)"); p.push(f.type); }
    return { sql: w.length ? w.join(" AND ") : "1", params: p };
  }

  /** An entity filter value: an id, or a spelling seen in articles (normalized match). */
  resolveEntity(v: string): string[] {
    const byId = this.db.prepare("SELECT id FROM entities WHERE id = ?").get(v) as { id: string } | undefined;
    if (byId) return [byId.id];
    const rows = this.db.prepare("SELECT DISTINCT entity_id FROM entity_spellings WHERE norm = ? LIMIT 20").all(normalizeArabic(v)) as { entity_id: string }[];
    const byName = this.db.prepare("SELECT id FROM entities WHERE lower(name_en) = lower(?) LIMIT 5").all(v) as { id: string }[];
    const ids = [...new Set([...rows.map((r) => r.entity_id), ...byName.map((r) => r.id)])];
    return ids.length ? ids : [v];
  }

  listArticles(f: ArticleFilters = {}): { total: number; results: ArticleSummary[] } {
    const { sql, params } = this.articleWhere(f);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM articles a WHERE ${sql}`).get(...params) as { n: number }).n;
    const results = this.db.prepare(`SELECT a.id, a.title, a.published, a.outlet, a.url, a.dup_of FROM articles a
      WHERE ${sql} ORDER BY a.published IS NULL, a.published DESC, a.rid DESC LIMIT ? OFFSET ?`)
      .all(...params, f.limit ?? 20, f.offset ?? 0) as ArticleSummary[];
    return { total, results };
  }

  /** Full-text search with Arabic normalization, clitic stems and name-variant expansion; bm25-ranked. */
  search(q: string, opts: SearchOptions = {}): SearchResponse {
    const plan = buildSearch(this, q, opts);
    const filters = this.articleWhere(opts);
    if (!plan.match) {
      const list = this.listArticles(opts);
      return { total: list.total, query: plan.describe, results: list.results.map((r) => ({ ...r, snippet: "", score: 0 })) };
    }
    const filtered = filters.params.length > 0;
    const limit = opts.limit ?? 20, offset = opts.offset ?? 0;
    // Count and rank on the index alone (no article rows) unless a filter needs them; fetch rows for the page only.
    const from = filtered
      ? `FROM articles_fts JOIN articles a ON a.rid = articles_fts.rowid WHERE articles_fts MATCH ? AND ${filters.sql}`
      : "FROM articles_fts WHERE articles_fts MATCH ?";
    const params = [plan.match, ...filters.params];
    // Rule `rank-window`: very broad queries are ordered among their RANK_WINDOW most recently stored matches,
    // which keeps latency bounded on large stores (rule `broad-recency` below).
    const windowSize = Math.max(RANK_WINDOW, offset + limit); // paging deeper widens the window
    // One pass over the newest matches gives the total (exact up to COUNT_CAP, rule `count-cap`) and the window cut.
    const rids = this.db.prepare(`SELECT articles_fts.rowid ${from} ORDER BY articles_fts.rowid DESC LIMIT ?`)
      .pluck().all(...params, Math.max(COUNT_CAP, windowSize) + 1) as number[];
    const totalExact = rids.length <= COUNT_CAP;
    const total = Math.min(rids.length, COUNT_CAP);
    let ranked: { rid: number; score: number }[];
    if (rids.length > windowSize) {
      // Rule `broad-recency`: a query with more matches than the window is ordered title matches first, then
      // newest first (score 1 = title match, 0 = body only). bm25 is not used there: its document-frequency pass
      // reads the whole doclist of every searched phrase, 20–40 ms per query at 100k articles for common words,
      // whatever the window. Only the newest offset+limit title matches are read (rule `title-page`): when there
      // are that many the page is all title matches, otherwise they are all of the window's title matches.
      const win = rids.slice(0, windowSize);
      const want = offset + limit;
      const titles = this.db.prepare(`SELECT articles_fts.rowid ${from} AND articles_fts.rowid >= ?
        ORDER BY articles_fts.rowid DESC LIMIT ?`).pluck()
        .all(`{title} : (${plan.match})`, ...filters.params, win[win.length - 1], want) as number[];
      const inTitle = new Set(titles);
      const order = titles.length >= want ? titles : [...titles, ...win.filter((r) => !inTitle.has(r))];
      ranked = order.slice(offset, offset + limit).map((rid) => ({ rid, score: inTitle.has(rid) ? -1 : 0 }));
    } else {
      ranked = this.db.prepare(`SELECT articles_fts.rowid AS rid, bm25(articles_fts, 4.0, 1.0, 0.3) AS score ${from}
        ORDER BY score LIMIT ? OFFSET ?`).all(...params, limit, offset) as { rid: number; score: number }[];
    }
    const results = ranked.map(({ rid, score }) => {
      const { record, ...r } = this.st.searchRow.get(rid) as ArticleSummary & { record: string | Buffer };
      return { ...r, snippet: makeSnippet(unpackBody(record), plan, opts.highlight), score: -score };
    });
    return { total, total_exact: totalExact, query: plan.describe, results };
  }

  /** Plain FTS5 over the same rows (no normalization, stems or variants): the baseline for recall measurements. */
  plainSearchIds(q: string): Set<string> {
    return new Set((this.db.prepare(`SELECT a.id FROM plain_fts p JOIN articles a ON a.rid = p.rowid WHERE plain_fts MATCH ?`)
      .all(q.split(/\s+/).filter(Boolean).map((t) => `"${t.replace(/"/g, '""')}"`).join(" ")) as { id: string }[]).map((r) => r.id));
  }

  /** Build the baseline plain FTS5 table (unicode61 with diacritics folding only) over the raw titles and bodies. */
  buildPlainIndex(): void {
    this.db.exec("DROP TABLE IF EXISTS plain_fts; CREATE VIRTUAL TABLE plain_fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')");
    const ins = this.db.prepare("INSERT INTO plain_fts (rowid, title, body) VALUES (?, ?, ?)");
    this.db.transaction(() => {
      for (const r of this.db.prepare("SELECT rid, record FROM articles").all() as { rid: number; record: string | Buffer }[]) {
        const rec = unpackRecord(r.record);
        ins.run(r.rid, rec.title ?? "", rec.body);
      }
    })();
  }

  entities(f: { q?: string; type?: string; country?: string; limit?: number; offset?: number } = {}): { total: number; results: EntityRow[] } {
    const w: string[] = [];
    const p: unknown[] = [];
    if (f.type) { w.push("type = ?"); p.push(f.type); }
    if (f.country) { w.push("country = ?"); p.push(f.country); }
    if (f.q) {
      w.push("(id = ? OR id IN (SELECT entity_id FROM entity_spellings WHERE norm LIKE ?) OR lower(name_en) LIKE lower(?))");
      p.push(f.q, `%${normalizeArabic(f.q)}%`, `%${f.q}%`);
    }
    const where = w.length ? `WHERE ${w.join(" AND ")}` : "";
    const total = (this.db.prepare(`SELECT count(*) AS n FROM entities ${where}`).get(...p) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM entities ${where} ORDER BY num_articles DESC, id LIMIT ? OFFSET ?`)
      .all(...p, f.limit ?? 50, f.offset ?? 0) as Record<string, unknown>[];
    return { total, results: rows.map((r) => this.entityRow(r)) };
  }

  private entityRow(r: Record<string, unknown>): EntityRow {
    const sp = this.db.prepare("SELECT spelling AS text, count FROM entity_spellings WHERE entity_id = ? ORDER BY count DESC, spelling LIMIT 30")
      .all(r.id) as { text: string; count: number }[];
    return {
      id: r.id as string, type: (r.type as string) ?? null, name: { ar: (r.name_ar as string) ?? null, en: (r.name_en as string) ?? null },
      country: (r.country as string) ?? null, igo: (r.igo as string) ?? null, sector: (r.sector as string) ?? null,
      known: !!r.known, num_articles: r.num_articles as number, num_mentions: r.num_mentions as number,
      first_seen: (r.first_seen as string) ?? null, last_seen: (r.last_seen as string) ?? null, spellings: sp,
    };
  }

  entity(id: string): (EntityRow & { articles: ArticleSummary[]; events: { as_source: number; as_target: number } }) | null {
    const r = this.db.prepare("SELECT * FROM entities WHERE id = ?").get(id) as Record<string, unknown> | undefined;
    if (!r) return null;
    const articles = this.db.prepare(`SELECT a.id, a.title, a.published, a.outlet, a.url, a.dup_of FROM article_entities ae
      JOIN articles a ON a.rid = ae.article_rid WHERE ae.entity_id = ? ORDER BY ae.published DESC LIMIT 20`).all(id) as ArticleSummary[];
    const src = (this.db.prepare("SELECT count(*) AS n FROM events WHERE src_entity = ?").get(id) as { n: number }).n;
    const tgt = (this.db.prepare("SELECT count(*) AS n FROM events WHERE tgt_entity = ?").get(id) as { n: number }).n;
    return { ...this.entityRow(r), articles, events: { as_source: src, as_target: tgt } };
  }

  /** Raw events as coded in each article (before joining), newest articles first. */
  events(f: ArticleFilters & { actor?: string; status?: string } = {}): { total: number; results: Record<string, unknown>[] } {
    const { sql, params } = this.articleWhere({ ...f, type: undefined });
    const w = [sql];
    const p = [...params];
    if (f.type) { w.push("e.type = ?"); p.push(f.type); }
    if (f.status) { w.push("e.status = ?"); p.push(f.status); }
    if (f.actor) { w.push("(e.src_code = ? OR e.tgt_code = ? OR e.src_entity = ? OR e.tgt_entity = ?)"); p.push(f.actor, f.actor, f.actor, f.actor); }
    const from = `FROM events e JOIN articles a ON a.rid = e.article_rid WHERE ${w.join(" AND ")}`;
    const total = (this.db.prepare(`SELECT count(*) AS n ${from}`).get(...p) as { n: number }).n;
    const rows = this.db.prepare(`SELECT a.id AS article, a.published, a.outlet, e.idx, e.type, e.mode, e.src_code, e.src_entity,
      e.src_country, e.src_igo, e.src_sector, e.tgt_code, e.tgt_entity, e.tgt_country, e.tgt_igo, e.tgt_sector, e.date,
      e.status, e.score, e.location, e.reported_by, e.evidence, e.rule, e.tl_id AS timeline_id ${from}
      ORDER BY a.published IS NULL, a.published DESC, e.rid DESC LIMIT ? OFFSET ?`).all(...p, f.limit ?? 50, f.offset ?? 0) as Record<string, unknown>[];
    return { total, results: rows };
  }

  private timelineWhere(f: TimelineFilters): { sql: string; params: unknown[] } {
    const w: string[] = [];
    const p: unknown[] = [];
    const entityish = (v: string) => /^(Q\d+|rasd:)/.test(v);
    const side = (col: "src" | "tgt", v: string): string => {
      if (entityish(v)) {
        p.push(v);
        return `tl_id IN (SELECT tl_id FROM events WHERE ${col}_entity = ?)`;
      }
      p.push(v);
      return `${col}_code = ?`;
    };
    if (f.actor && f.target) {
      // Both sides as codes: the dyad index narrows first.
      if (!entityish(f.actor) && !entityish(f.target)) { w.push("dyad = ?"); p.push(dyadKey(f.actor, f.target)); }
      const fwd = `(${side("src", f.actor)} AND ${side("tgt", f.target)})`;
      const rev = `(${side("src", f.target)} AND ${side("tgt", f.actor)})`;
      w.push(f.directed ? `(${fwd} OR (mutual = 1 AND ${rev}))` : `(${fwd} OR ${rev})`);
    } else if (f.actor) {
      w.push(`(${side("src", f.actor)} OR ${side("tgt", f.actor)})`);
    } else if (f.target) {
      w.push(side("tgt", f.target));
    }
    const from = dayParam(f.from, false), to = dayParam(f.to, true);
    if (from !== null) { w.push("sort_day >= ?"); p.push(from); }
    if (to !== null) { w.push("sort_day <= ?"); p.push(to); }
    if (f.type) { w.push("type = ?"); p.push(f.type); }
    if (f.status) { w.push("status = ?"); p.push(f.status); }
    return { sql: w.length ? w.join(" AND ") : "1", params: p };
  }

  /** Timeline: one row per real-world event, reports joined across articles and days. Oldest first. */
  timeline(f: TimelineFilters = {}): { total: number; events: TimelineEvent[] } {
    const { sql, params } = this.timelineWhere(f);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM timeline WHERE ${sql}`).get(...params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM timeline WHERE ${sql} ORDER BY sort_day IS NULL, sort_day, tl_id LIMIT ? OFFSET ?`)
      .all(...params, f.limit ?? 100, f.offset ?? 0) as TlRow[];
    // Members of the whole page in one query.
    const members = new Map<number, Record<string, unknown>[]>();
    if (rows.length) {
      const all = this.db.prepare(`SELECT e.tl_id, e.status, e.date, e.evidence, a.id AS article, a.dup_of, a.outlet, a.url, a.published
        FROM events e JOIN articles a ON a.rid = e.article_rid WHERE e.tl_id IN (SELECT value FROM json_each(?)) ORDER BY e.rid`)
        .all(JSON.stringify(rows.map((r) => r.tl_id))) as Record<string, unknown>[];
      for (const m of all) {
        const k = m.tl_id as number;
        const list = members.get(k);
        if (list) list.push(m); else members.set(k, [m]);
      }
    }
    return { total, events: rows.map((r) => this.timelineEvent(r, members.get(r.tl_id) ?? [])) };
  }

  timelineEvent(r: TlRow, preloaded?: Record<string, unknown>[]): TimelineEvent {
    const members = preloaded ?? (this.st.tlMembers.all(r.tl_id) as Record<string, unknown>[]);
    const sources: TimelineSource[] = members.map((m) => ({
      article: m.article as string, outlet: (m.outlet as string) ?? null, published: (m.published as string) ?? null,
      url: (m.url as string) ?? null, status: m.status as EventStatus, date: (m.date as string) ?? null,
      dup_of: m.dup_of as string, evidence: (m.evidence as string) ?? null,
    }));
    return {
      id: r.tl_id, type: r.type, mode: r.mode, source: JSON.parse(r.src_json) as Actor,
      target: r.tgt_json ? (JSON.parse(r.tgt_json) as Actor) : null, date: r.date, status: r.status,
      status_history: JSON.parse(r.status_history) as StatusChange[], score: r.score,
      num_articles: r.num_articles, num_copies: r.num_copies, num_outlets: r.num_outlets,
      articles: [...new Set(sources.map((s) => s.article))], first_reported: r.first_reported, last_reported: r.last_reported,
      sources,
    };
  }

  /** Iterate all timeline events (for exports), oldest first. */
  *iterateTimeline(f: TimelineFilters = {}): Generator<TimelineEvent> {
    const { sql, params } = this.timelineWhere(f);
    const ids = (this.db.prepare(`SELECT tl_id FROM timeline WHERE ${sql} ORDER BY sort_day IS NULL, sort_day, tl_id`)
      .all(...params) as { tl_id: number }[]).map((r) => r.tl_id);
    const one = this.db.prepare("SELECT * FROM timeline WHERE tl_id = ?");
    for (const id of ids) {
      const r = one.get(id) as TlRow | undefined;
      if (r) yield this.timelineEvent(r);
    }
  }

  *iterateArticles(): Generator<ArticleRecord> {
    const ids = (this.db.prepare("SELECT rid FROM articles ORDER BY rid").all() as { rid: number }[]).map((r) => r.rid);
    const one = this.db.prepare("SELECT record FROM articles WHERE rid = ?");
    for (const rid of ids) {
      const r = one.get(rid) as { record: string | Buffer } | undefined;
      if (r) yield unpackRecord(r.record);
    }
  }

  /**
   * Cooperation–conflict series of a dyad: PLOVER scores of its timeline events (each real-world event once)
   * summed and averaged per ISO week or month. Denied events are left out (rule `series-skip-denied`).
   */
  series(f: { actor: string; target?: string; by?: "week" | "month"; from?: string; to?: string; directed?: boolean; type?: string }): SeriesPoint[] {
    const { sql, params } = this.timelineWhere({ actor: f.actor, target: f.target, from: f.from, to: f.to, directed: f.directed, type: f.type });
    const rows = this.db.prepare(`SELECT sort_day, score FROM timeline WHERE ${sql} AND sort_day IS NOT NULL AND status <> 'denied'`)
      .all(...params) as { sort_day: number; score: number }[];
    const buckets = new Map<string, SeriesPoint>();
    for (const r of rows) {
      const period = f.by === "week" ? isoWeekOfDay(r.sort_day) : isoOfDay(r.sort_day).slice(0, 7);
      let b = buckets.get(period);
      if (!b) buckets.set(period, (b = { period, events: 0, sum: 0, mean: 0, cooperation: 0, conflict: 0 }));
      b.events++;
      b.sum += r.score;
      if (r.score > 0) b.cooperation += r.score; else b.conflict += r.score;
    }
    const out = [...buckets.values()].sort((a, b) => a.period.localeCompare(b.period));
    for (const b of out) {
      b.mean = Math.round((b.sum / b.events) * 100) / 100;
      b.sum = Math.round(b.sum * 100) / 100;
      b.cooperation = Math.round(b.cooperation * 100) / 100;
      b.conflict = Math.round(b.conflict * 100) / 100;
    }
    return out;
  }

  /**
   * Name variants seen in stored articles for the entities that were written `norm` (a normalized phrase).
   * Rule `seen-name-variants`: only spellings that look like the entity's NAME count — one of their words equals a
   * word of its Arabic name or has the same transliteration key («بوتن» for «فلاديمير بوتين») — so titles and
   * descriptions the linker also attached («الرئيس الروسي», «الزعيم») neither trigger nor join an expansion.
   */
  spellingVariants(norm: string, limit = 20): string[] {
    const ents = this.db.prepare(`SELECT DISTINCT e.id, e.name_ar FROM entity_spellings s JOIN entities e ON e.id = s.entity_id
      WHERE s.norm = ? LIMIT 10`).all(norm) as { id: string; name_ar: string | null }[];
    const out = new Set<string>();
    for (const e of ents) {
      if (!e.name_ar) continue;
      const nameToks = tokensOf(normalizeArabic(e.name_ar));
      const nameKeys = new Set(nameToks.map((t) => translitKey(t)).filter((k): k is string => !!k));
      const nameLike = (phrase: string): boolean => tokensOf(normalizeArabic(phrase)).some((t) => {
        if (nameToks.includes(t)) return true;
        const k = translitKey(t);
        return !!k && nameKeys.has(k);
      });
      if (!nameLike(norm)) continue;
      const sp = this.db.prepare(`SELECT spelling FROM entity_spellings WHERE entity_id = ? ORDER BY count DESC LIMIT ?`)
        .pluck().all(e.id, limit * 2) as string[];
      for (const x of sp) if (nameLike(x) && out.size < limit) out.add(x);
    }
    return [...out];
  }
}

/** A statement prepared when first run (for tables a read-only open of an older schema may not have). */
function lazyStatement(db: Database.Database, sql: string): Pick<Database.Statement, "run" | "get" | "all"> {
  let st: Database.Statement | null = null;
  const prepared = () => (st ??= db.prepare(sql));
  return {
    run: (...a: unknown[]) => prepared().run(...a), get: (...a: unknown[]) => prepared().get(...a),
    all: (...a: unknown[]) => prepared().all(...a),
  };
}

const TL_MATCH_COLUMNS = "tl_id, type, mode, mutual, src_code, tgt_code, date, date_lo, date_hi, coarse";
/** Timeline events whose reports stay cached between articles (rule `timeline-report-cache`). */
const TL_CACHE_MAX = 10_000;

/** Near-duplicate lookup bounds (rule `lsh-recent-per-band`). */
const LSH_PER_BAND = 32;
const LSH_MAX_CHECK = 16;

const isPrepared = (x: ArticleRecord | PreparedRecord): x is PreparedRecord =>
  typeof (x as PreparedRecord).json === "string" && !!(x as PreparedRecord).record && !!(x as PreparedRecord).packed;

/** A record as the writer needs it: a current preparation is used as is, anything else is prepared here. */
function toPrepared(x: ArticleRecord | PreparedRecord): PreparedRecord {
  if (x && isPrepared(x)) return isCurrent(x) ? x : prepareRecord(x.record);
  return prepareRecord(x);
}

/** A byte array (possibly a Uint8Array after a worker message) as a Buffer, without copying. */
const asBuffer = (u: Uint8Array): Buffer => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));

interface EntityAggregate {
  entities: Map<string, {
    id: string; type: string | null; name_ar: string | null; name_en: string | null; country: string | null;
    igo: string | null; sector: string | null; known: number; articles: number; mentions: number;
    first: string | null; last: string | null;
  }>;
  spellings: Map<string, { id: string; sp: string; norm: string; n: number }>;
}

const newEntityAggregate = (): EntityAggregate => ({ entities: new Map(), spellings: new Map() });

function addToAggregate(agg: EntityAggregate, e: EntityContribution, published: string | null): void {
  const a = agg.entities.get(e.id);
  if (!a) {
    agg.entities.set(e.id, {
      id: e.id, type: e.type, name_ar: e.name_ar, name_en: e.name_en, country: e.country, igo: e.igo, sector: e.sector,
      known: e.known, articles: 1, mentions: e.mentions, first: published, last: published,
    });
  } else {
    a.articles++;
    a.mentions += e.mentions;
    a.known = Math.max(a.known, e.known);
    a.type ??= e.type; a.name_ar ??= e.name_ar; a.name_en ??= e.name_en;
    a.country ??= e.country; a.igo ??= e.igo; a.sector ??= e.sector;
    if (published !== null) {
      if (a.first === null || published < a.first) a.first = published;
      if (a.last === null || published > a.last) a.last = published;
    }
  }
  for (const [sp, norm, n] of e.spellings) {
    const k = `${e.id}\u0000${sp}`;
    const s = agg.spellings.get(k);
    if (s) s.n += n;
    else agg.spellings.set(k, { id: e.id, sp, norm, n });
  }
}

function actorFrom(r: Record<string, unknown>, p: "src" | "tgt"): Actor {
  return {
    entity: (r[`${p}_entity`] as string) ?? null, country: (r[`${p}_country`] as string) ?? null,
    igo: (r[`${p}_igo`] as string) ?? null, sector: (r[`${p}_sector`] as string) ?? null,
  };
}

function reportOf(r: Record<string, unknown>): Report {
  const tgt = actorFrom(r, "tgt");
  const hasTgt = !!(tgt.entity || tgt.country || tgt.igo || tgt.sector || r.tgt_code);
  return {
    article: r.article as string, dupOf: (r.dup_of as string) ?? (r.article as string), outlet: (r.outlet as string) ?? null,
    url: (r.url as string) ?? null, published: (r.published as string) ?? null, seq: r.seq as number,
    type: r.type as string, mode: (r.mode as string) ?? null, status: r.status as EventStatus, date: (r.date as string) ?? null,
    score: (r.score as number) ?? 0, source: actorFrom(r, "src"), target: hasTgt ? tgt : null, evidence: (r.evidence as string) ?? null,
  };
}

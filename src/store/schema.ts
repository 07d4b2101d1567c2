/**
 * The SQLite schema as an ordered list of migrations. `schema_version` holds the number of the last applied
 * migration; opening a store applies the missing ones in one transaction each. Append, never edit, a migration.
 */
import type Database from "better-sqlite3";

export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

/**
 * The full-text table since schema 2: contentless, tokenizer `ascii`. What is indexed is already normalized and
 * split by arabic.ts (letters and digits, one space between tokens), so FTS5 only has to split on spaces: `ascii`
 * does that (non-ASCII characters are token characters) at half the cost of `unicode61`, which re-derived Unicode
 * categories and folded diacritics the normalizer had already removed. Queries are built from the same normalized
 * tokens (search.ts), so both sides agree.
 */
export const FTS_TABLE_SQL = `CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body, keys, content='', contentless_delete=1, tokenize='ascii'
)`;

/** Since schema 3: a timeline event's reports as the aggregate reads them (store.ts `tlReports`), in one range. */
export const EVENTS_TL_REPORTS_INDEX_SQL = `CREATE INDEX events_tl_reports ON events(tl_id, rid, type, mode, status, date,
  score, src_entity, src_country, src_igo, src_sector, tgt_code, tgt_entity, tgt_country, tgt_igo, tgt_sector,
  article_id, dup_of, outlet, published)`;

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "articles, fts, entities, events, timeline",
    up: (db) => {
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE articles (
          rid INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          title TEXT, published TEXT, outlet TEXT, url TEXT, path TEXT,
          hash TEXT NOT NULL,
          sig BLOB, shingles INTEGER,
          dup_of TEXT,
          record TEXT NOT NULL,
          ingested_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_outlet ON articles(outlet, published);
        -- MinHash LSH bands for syndicated-copy detection (dedup.ts).
        CREATE TABLE article_lsh (band INTEGER NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (band, rid)) WITHOUT ROWID;
        CREATE INDEX article_lsh_rid ON article_lsh(rid);
        CREATE INDEX articles_dup ON articles(dup_of);

        -- Contentless: the index holds normalized tokens, each followed by its clitic stems (so a phrase query
        -- still matches with NEAR), and a column of transliteration keys; text for display comes from articles.record.
        CREATE VIRTUAL TABLE articles_fts USING fts5(
          title, body, keys,
          content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
        );

        CREATE TABLE entities (
          id TEXT PRIMARY KEY, type TEXT, name_ar TEXT, name_en TEXT, country TEXT, igo TEXT, sector TEXT,
          known INTEGER NOT NULL DEFAULT 0,
          num_articles INTEGER NOT NULL DEFAULT 0, num_mentions INTEGER NOT NULL DEFAULT 0,
          first_seen TEXT, last_seen TEXT
        );
        CREATE INDEX entities_count ON entities(num_articles DESC);
        CREATE TABLE entity_spellings (
          entity_id TEXT NOT NULL, spelling TEXT NOT NULL, norm TEXT NOT NULL, count INTEGER NOT NULL,
          PRIMARY KEY (entity_id, spelling)
        ) WITHOUT ROWID;
        CREATE INDEX entity_spellings_norm ON entity_spellings(norm);
        CREATE TABLE article_entities (
          article_rid INTEGER NOT NULL, entity_id TEXT NOT NULL, mentions INTEGER NOT NULL, published TEXT,
          PRIMARY KEY (article_rid, entity_id)
        ) WITHOUT ROWID;
        CREATE INDEX article_entities_entity ON article_entities(entity_id, published);

        CREATE TABLE events (
          rid INTEGER PRIMARY KEY,
          article_rid INTEGER NOT NULL, idx INTEGER NOT NULL,
          type TEXT NOT NULL, mode TEXT,
          src_code TEXT, src_entity TEXT, src_country TEXT, src_igo TEXT, src_sector TEXT,
          tgt_code TEXT, tgt_entity TEXT, tgt_country TEXT, tgt_igo TEXT, tgt_sector TEXT,
          date TEXT, status TEXT NOT NULL, score REAL, location TEXT, reported_by TEXT,
          evidence TEXT, rule TEXT,
          tl_id INTEGER
        );
        CREATE INDEX events_article ON events(article_rid);
        CREATE INDEX events_tl ON events(tl_id);
        CREATE INDEX events_type ON events(type, article_rid);
        CREATE INDEX events_src_entity ON events(src_entity);
        CREATE INDEX events_tgt_entity ON events(tgt_entity);

        -- One row per real-world event (reports joined across articles).
        CREATE TABLE timeline (
          tl_id INTEGER PRIMARY KEY,
          type TEXT NOT NULL, mode TEXT, mutual INTEGER NOT NULL,
          dyad TEXT NOT NULL, src_code TEXT, tgt_code TEXT, src_json TEXT, tgt_json TEXT,
          date TEXT, date_lo INTEGER, date_hi INTEGER, coarse INTEGER NOT NULL DEFAULT 0,
          status TEXT, status_history TEXT, score REAL,
          first_reported TEXT, last_reported TEXT,
          num_articles INTEGER, num_copies INTEGER, num_outlets INTEGER, num_reports INTEGER,
          sort_day INTEGER
        );
        CREATE INDEX timeline_match ON timeline(dyad, type, date_lo);
        CREATE INDEX timeline_src ON timeline(src_code, sort_day);
        CREATE INDEX timeline_tgt ON timeline(tgt_code, sort_day);
        CREATE INDEX timeline_day ON timeline(sort_day);
        CREATE INDEX timeline_type ON timeline(type, sort_day);
      `);
    },
  },
  {
    version: 2,
    name: "narrow signature table for near-duplicate lookups; packed records; ascii-tokenized full-text table",
    // MinHash signatures move out of the (wide) articles rows: a candidate check reads a ~300-byte row instead of
    // a whole article row. articles.sig/shingles stay (NULL for new rows). From this version articles.record may
    // be a DEFLATE-packed BLOB (prepare.ts, rule `pack-record`); rows written before stay JSON text and both read
    // back with unpackRecord, so an existing store needs no rewrite (re-ingesting a file repacks its records).
    // The full-text table is re-created with the ascii tokenizer (FTS_TABLE_SQL); dropping the index fingerprint
    // makes the first writable open re-index every stored article (Store.checkIndexVersion → reindex).
    up: (db) => {
      db.exec(`
        CREATE TABLE article_sig (rid INTEGER PRIMARY KEY, sig BLOB NOT NULL, shingles INTEGER NOT NULL);
        INSERT INTO article_sig (rid, sig, shingles) SELECT rid, sig, shingles FROM articles WHERE sig IS NOT NULL;
        DROP TABLE articles_fts;
        ${FTS_TABLE_SQL};
        DELETE FROM meta WHERE key = 'index_fingerprint';
        -- Articles of an entity by rowid (append-only per entity, whatever the publication order of the input)
        -- instead of by date (a random page per row when archives arrive out of order); published stays covered.
        DROP INDEX article_entities_entity;
        CREATE INDEX article_entities_entity ON article_entities(entity_id, article_rid, published);
      `);
    },
  },
  {
    version: 3,
    name: "article fields copied into events; covering indexes for a timeline event's reports and the join lookup",
    // Rule `report-columns`: joining a report to a timeline event re-aggregates all its reports. They were read by
    // joining events with the wide articles table (a random page per report for each of the two tables; 0.09 →
    // 0.61 ms per stored article from 10k to 80k articles). The few article fields the aggregate needs (id,
    // syndication group, outlet, publication date) are now copied into each events row — they change only when the
    // article is re-ingested, which deletes and re-writes its events — and `events_tl_reports` covers everything
    // the aggregate reads, ordered (tl_id, rid): a timeline event's reports are one index range. It replaces
    // `events_tl` (its prefix). Existing rows are filled from articles.
    up: (db) => {
      db.exec(`
        ALTER TABLE events ADD COLUMN article_id TEXT;
        ALTER TABLE events ADD COLUMN dup_of TEXT;
        ALTER TABLE events ADD COLUMN outlet TEXT;
        ALTER TABLE events ADD COLUMN published TEXT;
        UPDATE events SET (article_id, dup_of, outlet, published) =
          (SELECT a.id, a.dup_of, a.outlet, a.published FROM articles a WHERE a.rid = events.article_rid);
        DROP INDEX events_tl;
        ${EVENTS_TL_REPORTS_INDEX_SQL};
        -- Rule \`timeline-match-covering\`: the join lookup reads every candidate timeline event of the dyad and type
        -- in a ~72-day window; it read each one's (wide) row. The index now holds all the columns the join decision
        -- reads, coarse before the date so fine and coarse lookups are each one range.
        DROP INDEX timeline_match;
        CREATE INDEX timeline_match ON timeline(dyad, type, coarse, date_lo, date_hi, date, mode, mutual, src_code, tgt_code);
      `);
    },
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Apply pending migrations; returns the versions applied. */
export function migrate(db: Database.Database): number[] {
  db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)");
  const row = db.prepare("SELECT max(version) AS v FROM schema_version").get() as { v: number | null };
  const current = row.v ?? 0;
  if (current > LATEST_VERSION) {
    throw new Error(`database schema version ${current} is newer than this program (${LATEST_VERSION}): upgrade rasd`);
  }
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.prepare("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)").run(m.version, new Date().toISOString());
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}

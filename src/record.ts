/**
 * The article record (`rasd/article@1`): the one format every stage adds to and every face speaks.
 * Field names and value formats are a contract (see ../shared/spec/ARTICLE.md); add fields, never rename.
 */

export const SCHEMA = "rasd/article@1" as const;

export type EntityType = "person" | "organization" | "country" | "place" | "facility" | "weapon" | "event" | "other";

/** A span of the body: UTF-16 offsets, end exclusive, so body.slice(start, end) === text. */
export interface Mention {
  start: number;
  end: number;
  text: string;
}

export interface Entity {
  /** Wikidata QID where the knowledge base has one, else a stable local id "rasd:…". */
  id: string;
  name: { ar: string; en: string | null };
  type: EntityType;
  /** ISO 3166-1 alpha-3 of the country itself, or the one the entity belongs to. */
  country: string | null;
  /** Short code of the intergovernmental body the entity is (part of): UN, EU, NATO, AU, AL, GCC, IAEA, … */
  igo: string | null;
  /** true: from the knowledge base; false: discovered in the text. */
  known: boolean;
  mentions: Mention[];
  /** Extra, not in the spec: sector code for actors (GOV, MIL, …) where the KB or title tells it. */
  sector?: string | null;
}

export interface TimeExpr {
  start: number;
  end: number;
  text: string;
  /** ISO 8601 day/month/year/decade/week/interval, or null when it cannot be resolved. Never guessed. */
  value: string | null;
  /** Extra: which rule produced it. */
  rule?: string;
}

export type EventStatus = "occurred" | "expected" | "possible" | "alleged" | "denied";

export interface Actor {
  entity: string | null;
  country: string | null;
  igo: string | null;
  sector: string | null;
}

export interface Event {
  type: string;
  mode: string | null;
  source: Actor;
  target: Actor | null;
  date: string | null;
  status: EventStatus;
  location: string | null;
  reported_by: string | null;
  evidence: { start: number; end: number };
  score: number;
  /** Which rule or lexicon entry produced it, so every output can be explained. */
  rule?: string;
}

export interface RelatedStory {
  title: string | null;
  body: string;
}

export interface ArticleSource {
  path: string | null;
  url: string | null;
  encoding: string | null;
}

export interface ArticleRecord {
  schema: typeof SCHEMA;
  id: string;
  source: ArticleSource;
  language: "ar";
  title: string | null;
  /** "YYYY-MM-DD" | "YYYY-MM" | null: stated or clearly implied by the page, never the ingest date. */
  published: string | null;
  outlet: string | null;
  credited: string[];
  authors: string[];
  dateline: string | null;
  keywords: string[];
  body: string;
  related: RelatedStory[];
  entities: Entity[];
  times: TimeExpr[];
  events: Event[];
}

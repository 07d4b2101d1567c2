/**
 * Knowledge-base entry types: the TypeScript form of the `rasd/kb@1` schema (see the KB schema contract).
 * The zod schema in ./schema.ts validates files against exactly these shapes.
 */
import type { EntityType } from "../record.js";

export const KB_SCHEMA = "rasd/kb@1" as const;
export const KB_AMBIGUOUS_SCHEMA = "rasd/kb-ambiguous@1" as const;
export const KB_STOPWORDS_SCHEMA = "rasd/kb-stopwords@1" as const;

export const ENTITY_TYPES = [
  "person", "organization", "country", "place", "facility", "weapon", "event", "other",
] as const satisfies readonly EntityType[];

/** Office codes of person roles (exact strings of the contract). */
export const OFFICE_CODES = [
  "head_of_state", "head_of_government", "deputy_head_of_state", "deputy_head_of_government",
  "foreign_minister", "deputy_foreign_minister", "defense_minister", "interior_minister", "finance_minister",
  "other_minister", "spokesperson", "foreign_ministry_spokesperson", "military_chief", "intelligence_chief",
  "parliament_speaker", "un_secretary_general", "igo_head", "ambassador", "envoy", "party_leader", "group_leader",
  "monarch", "crown_prince", "supreme_leader", "central_bank_governor", "other",
] as const;
export type OfficeCode = (typeof OFFICE_CODES)[number];

/** Sector codes of organizations and roles (CAMEO-style agent codes plus PTY for parties). */
export const SECTOR_CODES = [
  "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "MED", "BUS", "OPP", "REB", "CVL", "IGO", "PTY", "REL", "EDU", "NGO",
] as const;
export type SectorCode = (typeof SECTOR_CODES)[number];

export interface KbRole {
  office: OfficeCode;
  /** ISO 3166-1 alpha-3, or null for IGO offices. */
  country: string | null;
  igo: string | null;
  sector: SectorCode | null;
  /** ISO date "YYYY" | "YYYY-MM" | "YYYY-MM-DD"; null = unknown. */
  from: string | null;
  /** ISO date; null = current. */
  to: string | null;
  title_ar?: string | null;
}

export interface KbEntry {
  /** Wikidata QID ("Q159") only when certain, else "rasd:<type>:<ascii-slug>" (imports: "rasd:import:<slug>"). */
  id: string;
  type: EntityType;
  name: { ar: string; en: string | null };
  /** Other full Arabic surface forms (no clitic or letter-level variants). */
  aliases: string[];
  aliases_en?: string[];
  /** ISO 3166-1 alpha-3 of the entity itself or the country it belongs to; null for IGOs/regions. */
  country: string | null;
  igo: string | null;
  sector: SectorCode | null;
  /** Id of the parent entry (Security Council → UN). */
  parent: string | null;
  /** Persons: short forms usable once the full name has appeared. */
  short?: string[];
  /** Persons: offices with dates. */
  roles?: KbRole[];
  /** Countries only. */
  iso2?: string | null;
  iso3?: string;
  nisba?: string[];
  /** Id of the capital's place entry. */
  capital?: string | null;
  /** Names used for the government (الكرملين, البيت الأبيض). */
  metonyms?: string[];
  /** Countries: a state that no longer exists (ISO 3166-3 code such as SUN) or a non-ISO code (XKX). */
  historical?: boolean;
  /** Free-text provenance or remark. */
  note?: string;
  /** Set by the loader: which file the entry came from (not stored in files). */
  _file?: string;
}

export interface KbFile {
  schema: typeof KB_SCHEMA;
  description: string;
  sources: string[];
  entries: KbEntry[];
}

/** `data/kb/stopwords.json`: common Arabic words no name, alias or short form may equal (validator warning). */
export interface KbStopwordsFile {
  schema: typeof KB_STOPWORDS_SCHEMA;
  description: string;
  sources: string[];
  words: string[];
}

/** `data/kb/ambiguous.json`: aliases knowingly shared by several entries of the same type. */
export interface KbAmbiguousFile {
  schema: typeof KB_AMBIGUOUS_SCHEMA;
  description: string;
  entries: { alias: string; ids: string[]; note?: string }[];
}

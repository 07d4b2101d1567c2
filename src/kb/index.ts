/**
 * Knowledge base: loading (repo data + optional user layer), validation, look-ups, stats, and import of the
 * PETRARCH Arabic actor dictionary. Files and schema: see `data/kb/` and the `rasd/kb@1` contract.
 */
export { loadKb, clearKbCache, listKbFiles, userLayerPath, DEFAULT_KB_DIR } from "./load.js";
export type { Kb, LoadKbOptions } from "./load.js";
export { validateKbFile, validateKb, ID_RE } from "./schema.js";
export type { ValidationResult } from "./schema.js";
export { kbStats } from "./stats.js";
export type { KbStats } from "./stats.js";
export { findEntries, searchKb, entryForms } from "./search.js";
export type { SearchHit } from "./search.js";
export { normalizeKey } from "./normalize.js";
export {
  KB_SCHEMA, KB_AMBIGUOUS_SCHEMA, KB_STOPWORDS_SCHEMA, ENTITY_TYPES, OFFICE_CODES, SECTOR_CODES,
} from "./types.js";
export type { KbEntry, KbRole, KbFile, KbAmbiguousFile, KbStopwordsFile, OfficeCode, SectorCode } from "./types.js";

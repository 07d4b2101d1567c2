/**
 * zod schema of `rasd/kb@1` files and the validators: per file (shape, id format, dates, codes) and across the
 * whole KB (unique ids, parent/capital references resolve, role/entry country codes exist, alias collisions).
 */
import { z } from "zod";
import {
  ENTITY_TYPES, KB_AMBIGUOUS_SCHEMA, KB_SCHEMA, KB_STOPWORDS_SCHEMA, OFFICE_CODES, SECTOR_CODES,
  type KbAmbiguousFile, type KbEntry,
} from "./types.js";
import { normalizeKey } from "./normalize.js";

/** Ids: a Wikidata QID, or rasd:<type>:<ascii-slug> (type = entry type, or "import" for imported entries). */
export const ID_RE = /^(Q[1-9]\d*|rasd:(person|organization|country|place|facility|weapon|event|other|import):[a-z0-9][a-z0-9._-]*)$/;
/** ISO 8601 calendar date at year, month or day precision. */
const ISO_DATE_RE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const ALPHA3_RE = /^[A-Z]{3}$/;
const IGO_RE = /^[A-Z][A-Z0-9+]{1,9}$/;

const arabicText = z.string().trim().min(1).regex(/[\u0600-\u06FF]/, "must contain Arabic letters");
const isoDate = z.string().regex(ISO_DATE_RE, "must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD");
const alpha3 = z.string().regex(ALPHA3_RE, "must be an ISO 3166-1 alpha-3 code");

export const roleSchema = z.object({
  office: z.enum(OFFICE_CODES),
  country: alpha3.nullable(),
  igo: z.string().regex(IGO_RE).nullable(),
  sector: z.enum(SECTOR_CODES).nullable(),
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  title_ar: z.string().nullable().optional(),
});

export const entrySchema = z.object({
  id: z.string().regex(ID_RE, "must be Q<digits> or rasd:<type>:<ascii-slug>"),
  type: z.enum(ENTITY_TYPES),
  name: z.object({ ar: arabicText, en: z.string().min(1).nullable() }),
  aliases: z.array(arabicText),
  aliases_en: z.array(z.string().min(1)).optional(),
  country: alpha3.nullable(),
  igo: z.string().regex(IGO_RE, "must be a short upper-case code").nullable(),
  sector: z.enum(SECTOR_CODES).nullable(),
  parent: z.string().regex(ID_RE).nullable(),
  short: z.array(arabicText).optional(),
  roles: z.array(roleSchema).optional(),
  iso2: z.string().regex(/^[A-Z]{2}$/).nullable().optional(),
  iso3: alpha3.optional(),
  nisba: z.array(arabicText).optional(),
  capital: z.string().regex(ID_RE).nullable().optional(),
  metonyms: z.array(arabicText).optional(),
  historical: z.boolean().optional(),
  note: z.string().optional(),
});

export const kbFileSchema = z.object({
  schema: z.literal(KB_SCHEMA),
  description: z.string().min(1),
  sources: z.array(z.string().min(1)).min(1),
  entries: z.array(z.unknown()),
});

export const ambiguousFileSchema = z.object({
  schema: z.literal(KB_AMBIGUOUS_SCHEMA),
  description: z.string().min(1),
  entries: z.array(z.object({ alias: arabicText, ids: z.array(z.string().regex(ID_RE)).min(2), note: z.string().optional() })),
});

export const stopwordsFileSchema = z.object({
  schema: z.literal(KB_STOPWORDS_SCHEMA),
  description: z.string().min(1),
  sources: z.array(z.string().min(1)).min(1),
  words: z.array(arabicText).min(1),
});

const KNOWN_KEYS = new Set(Object.keys(entrySchema.shape));

export interface ValidationResult {
  ok: boolean;
  errors: string[];
  /** Non-fatal remarks (unknown keys, duplicate aliases inside one entry). */
  warnings: string[];
}

function issues(prefix: string, err: z.ZodError): string[] {
  return err.issues.map((i) => `${prefix}${i.path.length ? i.path.join(".") + ": " : ""}${i.message}`);
}

/** Rules that zod's shape cannot express, for one entry. */
function entryRules(e: KbEntry, where: string): string[] {
  const errs: string[] = [];
  // rule id-type-matches: a local id's type segment names the entry type (imports excepted)
  const m = /^rasd:([a-z]+):/.exec(e.id);
  if (m && m[1] !== "import" && m[1] !== e.type) errs.push(`${where}: id type "${m[1]}" does not match type "${e.type}"`);
  // rule country-fields: iso3/nisba/capital/metonyms are for countries only
  if (e.type === "country") {
    if (!e.iso3) errs.push(`${where}: country without iso3`);
    else if (e.country !== e.iso3) errs.push(`${where}: country "${e.country}" must equal iso3 "${e.iso3}"`);
  } else {
    for (const k of ["iso2", "iso3", "nisba", "capital", "metonyms"] as const)
      if (e[k] !== undefined) errs.push(`${where}: field "${k}" is for countries only`);
  }
  // rule person-fields: roles and short forms are for persons
  if (e.type !== "person") for (const k of ["roles", "short"] as const)
    if (e[k] !== undefined && (e[k] as unknown[]).length) errs.push(`${where}: field "${k}" is for persons only`);
  // rule role-dates-ordered: from <= to when both known (string compare works on ISO prefixes)
  for (const [i, r] of (e.roles ?? []).entries())
    if (r.from && r.to && r.from.slice(0, r.to.length) > r.to) errs.push(`${where}: roles.${i}: from ${r.from} after to ${r.to}`);
  return errs;
}

/**
 * Validate one parsed KB file (either `rasd/kb@1` or `rasd/kb-ambiguous@1`). Checks the shape and the per-entry
 * rules; cross-file checks (unique ids, references, known country codes, alias collisions) are in `validateKb`.
 */
export function validateKbFile(json: unknown, label = "file"): ValidationResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const schemaTag = (json as { schema?: unknown } | null)?.schema;
  if (schemaTag === KB_STOPWORDS_SCHEMA) {
    const r = stopwordsFileSchema.safeParse(json);
    if (!r.success) errors.push(...issues(`${label}: `, r.error));
    return { ok: errors.length === 0, errors, warnings };
  }
  if (schemaTag === KB_AMBIGUOUS_SCHEMA) {
    const r = ambiguousFileSchema.safeParse(json);
    if (!r.success) errors.push(...issues(`${label}: `, r.error));
    return { ok: errors.length === 0, errors, warnings };
  }
  const head = kbFileSchema.safeParse(json);
  if (!head.success) return { ok: false, errors: issues(`${label}: `, head.error), warnings };
  const seen = new Set<string>();
  head.data.entries.forEach((raw, i) => {
    const id = (raw as { id?: unknown })?.id;
    const where = `${label}: entries.${i}${typeof id === "string" ? ` (${id})` : ""}`;
    const r = entrySchema.safeParse(raw);
    if (!r.success) { errors.push(...issues(`${where}: `, r.error)); return; }
    const e = r.data as KbEntry;
    errors.push(...entryRules(e, where));
    if (seen.has(e.id)) errors.push(`${where}: duplicate id in file`);
    seen.add(e.id);
    for (const k of Object.keys(raw as object)) if (!KNOWN_KEYS.has(k)) warnings.push(`${where}: unknown key "${k}"`);
    const forms = [e.name.ar, ...e.aliases].map(normalizeKey);
    if (new Set(forms).size !== forms.length) warnings.push(`${where}: an alias repeats the name or another alias`);
  });
  return { ok: errors.length === 0, errors, warnings };
}

/**
 * Cross-file validation of a set of entries (the whole KB). `stopwords`: common words that no name, alias or short
 * form should equal (reported as warnings: such a form would match ordinary text, e.g. «حتى» → «حتي»).
 */
export function validateKb(
  entries: KbEntry[], ambiguous: KbAmbiguousFile["entries"] = [], stopwords: string[] = [],
): ValidationResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const where = (e: KbEntry) => `${e._file ?? "?"} (${e.id})`;
  // rule unique-ids: an id names one entry across all files
  const byId = new Map<string, KbEntry>();
  for (const e of entries) {
    const prev = byId.get(e.id);
    if (prev) errors.push(`${where(e)}: id already used in ${prev._file ?? "?"}`);
    else byId.set(e.id, e);
  }
  // rule known-country-codes: every country code used is the iso3 of a country entry (ISO or flagged historical)
  const codes = new Set(entries.filter((e) => e.type === "country" && e.iso3).map((e) => e.iso3!));
  for (const e of entries) {
    if (e.country && !codes.has(e.country)) errors.push(`${where(e)}: unknown country code ${e.country}`);
    for (const [i, r] of (e.roles ?? []).entries())
      if (r.country && !codes.has(r.country)) errors.push(`${where(e)}: roles.${i}: unknown country code ${r.country}`);
    // rule references-resolve: parent and capital ids name existing entries
    if (e.parent && !byId.has(e.parent)) errors.push(`${where(e)}: parent ${e.parent} not found`);
    if (e.parent === e.id) errors.push(`${where(e)}: parent is itself`);
    if (e.capital) {
      const c = byId.get(e.capital);
      if (!c) errors.push(`${where(e)}: capital ${e.capital} not found`);
      else if (c.type !== "place") errors.push(`${where(e)}: capital ${e.capital} is not a place`);
    }
  }
  // rule alias-collision: a normalized name/alias belongs to one entry per type unless allow-listed
  const allowed = new Map<string, Set<string>>();
  for (const a of ambiguous) allowed.set(normalizeKey(a.alias), new Set(a.ids));
  const owner = new Map<string, KbEntry>();
  for (const e of entries) {
    for (const form of new Set([e.name.ar, ...e.aliases].map(normalizeKey))) {
      const key = `${e.type}\u0000${form}`;
      const prev = owner.get(key);
      if (!prev) { owner.set(key, e); continue; }
      const ok = allowed.get(form);
      if (ok && ok.has(prev.id) && ok.has(e.id)) continue;
      errors.push(`${where(e)}: alias «${form}» also belongs to ${prev.id} (${prev._file ?? "?"}); add it to ambiguous.json if intended`);
    }
  }
  // rule common-word-forms: a form equal to a common word matches ordinary text
  const stop = new Set(stopwords.map(normalizeKey));
  if (stop.size) for (const e of entries) {
    for (const f of [e.name.ar, ...e.aliases, ...(e.short ?? [])])
      if (stop.has(normalizeKey(f))) warnings.push(`${where(e)}: «${f}» is also a common word (stopwords.json)`);
  }
  for (const a of ambiguous) for (const id of a.ids)
    if (!byId.has(id)) warnings.push(`ambiguous.json: «${a.alias}» lists unknown id ${id}`);
  return { ok: errors.length === 0, errors, warnings };
}

/**
 * Loads data/clean/lexicon.json: the words and patterns that recognise page furniture.
 * Validated on load; a broken data file is a startup error that names the key.
 */
import { readFileSync } from "node:fs";
import { normalizeForMatch } from "../text/index.js";

interface LexiconFile {
  schema: string;
  ui_words: string[];
  junk_line: string[];
  subscribe_prefixes: string[];
  site_header_generic: string[];
  desk_labels: string[];
  byline_prefixes: string[];
  credited_patterns: string[];
  tags_patterns: string[];
  read_also_patterns: string[];
  comment_patterns: string[];
  caption_cues: string[];
  caption_title_words: string[];
  stopwords: string[];
  generic_authors: string[];
}

export interface CleanLexicon {
  uiWords: Set<string>;
  junkLine: RegExp[];
  subscribePrefixes: string[];
  siteHeaderGeneric: Set<string>;
  deskLabels: Set<string>;
  bylinePrefixes: RegExp;
  credited: RegExp[];
  tags: RegExp[];
  readAlso: RegExp[];
  comment: RegExp[];
  captionCues: RegExp[];
  captionTitleWords: string[];
  stopwords: Set<string>;
  /** Staff bylines that name no person («فريق التحرير», «admin»): not authors. */
  genericAuthors: Set<string>;
}

const LIST_KEYS = ["ui_words", "junk_line", "subscribe_prefixes", "site_header_generic", "desk_labels", "byline_prefixes",
  "credited_patterns", "tags_patterns", "read_also_patterns", "comment_patterns", "caption_cues", "caption_title_words", "stopwords", "generic_authors"] as const;

/** Validate the raw JSON; returns a list of problems (empty when fine). */
export function validateCleanLexicon(json: unknown): string[] {
  const errors: string[] = [];
  if (!json || typeof json !== "object") return ["lexicon: not a JSON object"];
  const o = json as Record<string, unknown>;
  if (o.schema !== "rasd/clean-lexicon@1") errors.push(`lexicon: schema must be "rasd/clean-lexicon@1"`);
  for (const k of LIST_KEYS) {
    const v = o[k];
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string" || x === "")) { errors.push(`lexicon.${k}: must be a list of non-empty strings`); continue; }
    if (k.endsWith("patterns") || k === "junk_line" || k === "caption_cues") {
      for (const p of v as string[]) {
        try { new RegExp(p, "iu"); } catch (e) { errors.push(`lexicon.${k}: bad pattern ${JSON.stringify(p)}: ${(e as Error).message}`); }
      }
    }
  }
  return errors;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let cached: CleanLexicon | null = null;

export function loadCleanLexicon(): CleanLexicon {
  if (cached) return cached;
  const file = new URL("../../data/clean/lexicon.json", import.meta.url);
  const json = JSON.parse(readFileSync(file, "utf8")) as LexiconFile;
  const errors = validateCleanLexicon(json);
  if (errors.length) throw new Error(`data/clean/lexicon.json is invalid:\n  ${errors.join("\n  ")}`);
  const re = (ps: string[]) => ps.map((p) => new RegExp(p, "iu"));
  const nset = (xs: string[]) => new Set(xs.map((x) => normalizeForMatch(x)));
  cached = {
    uiWords: nset(json.ui_words),
    junkLine: re(json.junk_line),
    subscribePrefixes: json.subscribe_prefixes.map((x) => normalizeForMatch(x)),
    siteHeaderGeneric: nset(json.site_header_generic),
    deskLabels: nset(json.desk_labels),
    bylinePrefixes: new RegExp(`^(?:${json.byline_prefixes.map(escape).join("|")})\\s*[:：]\\s*(?<value>.{3,60})$`, "iu"),
    credited: re(json.credited_patterns),
    tags: re(json.tags_patterns),
    readAlso: re(json.read_also_patterns),
    comment: re(json.comment_patterns),
    captionCues: re(json.caption_cues),
    captionTitleWords: json.caption_title_words.map((x) => normalizeForMatch(x)),
    stopwords: nset(json.stopwords),
    genericAuthors: nset(json.generic_authors),
  };
  return cached;
}

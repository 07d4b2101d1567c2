/**
 * Loaders and validators of the linker's data files: `data/entities/titles.json` (title phrases → offices) and
 * `data/entities/cues.json` (context cues for discovering unknown names, stopwords, generic words).
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { OFFICE_CODES, SECTOR_CODES } from "../kb/index.js";
import { normalizeForMatch } from "../text/index.js";

const sector = z.enum(SECTOR_CODES).nullable();

export const titleSchema = z.object({
  forms: z.array(z.string().min(1)).min(1),
  offices: z.array(z.enum(OFFICE_CODES)).min(1),
  sector,
  igo: z.string().optional(),
  /** resolve the title to the KB person holding the office at the publication date */
  resolve: z.boolean(),
  designator: z.enum(["required", "optional", "none"]),
  /** portfolio words allowed between the title and its designator */
  skip: z.number().int().min(0).max(4).optional(),
  /** the title is followed by a place («حاكم منطقة X») before the name */
  place: z.boolean().optional(),
  /** a posting «لدى/في/إلى + known place» may follow the designator («السفير الأمريكي لدى إسرائيل X») */
  posting: z.boolean().optional(),
});
export type TitleDef = z.infer<typeof titleSchema>;

export const titlesFileSchema = z.object({
  schema: z.literal("rasd/entities-titles@1"),
  description: z.string(),
  titles: z.array(titleSchema),
  modifiers: z.array(z.string().min(1)),
  former: z.array(z.string().min(1)),
  igoDesignators: z.array(z.object({ forms: z.array(z.string().min(1)).min(1), igo: z.string().min(2) })),
  honorifics: z.array(z.string().min(1)),
});

export const cueSchema = z.object({
  forms: z.array(z.string().min(1)).min(1),
  type: z.enum(["organization", "place", "facility"]),
  sector,
  maxTokens: z.number().int().min(1).max(4),
  /** an unquoted name may start with the article ال */
  nameArticle: z.boolean().optional(),
  /** only quoted names are taken */
  quotedOnly: z.boolean().optional(),
  /** a known place/country/person right after the cue is the namesake: the entity's name includes the cue word
   * («جامعة القاهرة», «مطار دبي»); without it only persons are («مطار رفيق الحريري») */
  namedAfter: z.boolean().optional(),
});
export type CueDef = z.infer<typeof cueSchema>;

export const cuesFileSchema = z.object({
  schema: z.literal("rasd/entities-cues@1"),
  description: z.string(),
  cues: z.array(cueSchema),
  stop: z.array(z.string().min(1)),
  generic: z.array(z.string().min(1)),
  common: z.array(z.string().min(1)),
  /** given names written with the article («الصادق», «الطيب»): may start a name after a title */
  articleGivenNames: z.array(z.string().min(1)).optional(),
});

export interface LinkerData {
  titles: TitleDef[];
  /** title modifiers («السابق», «آنذاك», «الحالي»), as phrases */
  modifiers: string[];
  /** the modifiers that mark a past office */
  former: Set<string>;
  /** honorifics before a short form («الرئيس السيسي») */
  honorifics: string[];
  /** adjectives scoping a title to an IGO («الأممي» → UN) */
  igoDesignators: { forms: string[]; igo: string }[];
  cues: CueDef[];
  /** normalized stopwords */
  stop: Set<string>;
  /** normalized generic words */
  generic: Set<string>;
  /** normalized common words that a KB alias may spell too («صور» pictures / Tyre): never a one-word match */
  common: Set<string>;
  /** normalized given names written with the article («الصادق المهدي») */
  articleGivenNames: Set<string>;
}

const DATA_DIR = new URL("../../data/entities/", import.meta.url);

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, DATA_DIR), "utf8"));
}

let cached: LinkerData | null = null;

/** Load and validate the linker's data files (cached). Throws on an invalid file: they ship with the code. */
export function loadLinkerData(): LinkerData {
  if (cached) return cached;
  const titles = titlesFileSchema.parse(readJson("titles.json"));
  const cues = cuesFileSchema.parse(readJson("cues.json"));
  cached = {
    titles: titles.titles,
    modifiers: titles.modifiers,
    former: new Set(titles.former.map((f) => normalizeForMatch(f).trim())),
    igoDesignators: titles.igoDesignators,
    honorifics: titles.honorifics,
    cues: cues.cues,
    stop: new Set(cues.stop.map(normalizeForMatch)),
    generic: new Set(cues.generic.map(normalizeForMatch)),
    common: new Set(cues.common.map(normalizeForMatch)),
    articleGivenNames: new Set((cues.articleGivenNames ?? []).map(normalizeForMatch)),
  };
  return cached;
}

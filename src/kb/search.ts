/** Look-ups over a loaded KB: by id or exact (normalized) name, and substring search for `rasd kb search`. */
import type { Kb } from "./load.js";
import { normalizeKey } from "./normalize.js";
import type { KbEntry } from "./types.js";

/** Entry with this id, else entries whose name or alias (Arabic or English) equals `text` after normalization. */
export function findEntries(kb: Kb, idOrName: string): KbEntry[] {
  const byId = kb.byId.get(idOrName.trim());
  if (byId) return [byId];
  return kb.byName.get(normalizeKey(idOrName)) ?? [];
}

/** All surface forms of an entry that a reader might search for. */
export function entryForms(e: KbEntry): string[] {
  return [
    e.name.ar, ...e.aliases, ...(e.name.en ? [e.name.en] : []), ...(e.aliases_en ?? []),
    ...(e.short ?? []), ...(e.nisba ?? []), ...(e.metonyms ?? []),
  ];
}

export interface SearchHit {
  entry: KbEntry;
  /** The form that matched. */
  form: string;
  /** 3 exact form, 2 prefix, 1 substring. */
  score: number;
}

/** Entries having a form that contains `text` (normalized), best first: exact, then prefix, then substring. */
export function searchKb(kb: Kb, text: string, limit = 20): SearchHit[] {
  const q = normalizeKey(text);
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (const entry of kb.entries) {
    let best: SearchHit | null = null;
    for (const form of entryForms(entry)) {
      const f = normalizeKey(form);
      const score = f === q ? 3 : f.startsWith(q) ? 2 : f.includes(q) ? 1 : 0;
      if (score && (!best || score > best.score)) best = { entry, form, score };
    }
    if (best) hits.push(best);
  }
  hits.sort((a, b) => b.score - a.score || a.form.length - b.form.length);
  return hits.slice(0, limit);
}

/**
 * How much of an external actor list the KB knows: share of names that equal (after normalization) some KB form
 * (name, alias, short form, nisba, metonym). Two levels: exact normalized match, and a looser match that also
 * ignores the article ال on every word (PETRARCH stores lemmas such as «جامعة عربي» without articles).
 */
import type { Kb } from "./load.js";
import { entryForms } from "./search.js";
import { normalizeKey } from "./normalize.js";

export interface CoverageResult {
  names: number;
  exact: number;
  loose: number;
  /** Matched names per PETRARCH-derived type. */
  byType: Record<string, { names: number; exact: number; loose: number }>;
  /** A few matched and unmatched examples. */
  examples: { matched: string[]; unmatched: string[] };
}

/** Drop a leading ال from every word (loose matching only). */
const dropArticles = (k: string) => k.split(" ").map((w) => (w.length > 3 && w.startsWith("ال") ? w.slice(2) : w)).join(" ");

export function measureCoverage(
  kb: Kb, names: { name: string; type: string }[], norm: (s: string) => string = (s) => s,
): CoverageResult {
  const key = (s: string) => normalizeKey(norm(s));
  const exact = new Set<string>();
  const loose = new Set<string>();
  for (const e of kb.entries) for (const f of entryForms(e)) {
    const k = key(f);
    exact.add(k);
    loose.add(dropArticles(k));
  }
  const r: CoverageResult = { names: 0, exact: 0, loose: 0, byType: {}, examples: { matched: [], unmatched: [] } };
  for (const { name, type } of names) {
    const k = key(name);
    const t = (r.byType[type] ??= { names: 0, exact: 0, loose: 0 });
    r.names++; t.names++;
    const isExact = exact.has(k);
    const isLoose = isExact || loose.has(dropArticles(k));
    if (isExact) { r.exact++; t.exact++; }
    if (isLoose) { r.loose++; t.loose++; if (r.examples.matched.length < 10) r.examples.matched.push(name); }
    else if (r.examples.unmatched.length < 10) r.examples.unmatched.push(name);
  }
  return r;
}

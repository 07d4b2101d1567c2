/** Counts over a loaded KB, for `rasd kb stats`, coverage minimums and reports. */
import type { Kb } from "./load.js";

export interface KbStats {
  version: string;
  entries: number;
  files: number;
  byType: Record<string, number>;
  /** Entries per country code (entities that belong to a country, the country itself included). */
  byCountry: Record<string, number>;
  /** Organizations per sector code. */
  bySector: Record<string, number>;
  /** Entries that are (part of) an IGO, per IGO code. */
  byIgo: Record<string, number>;
  countries: { iso: number; historical: number; withCapital: number; withNisba: number; withMetonyms: number };
  people: { total: number; withRoles: number; withCurrentRole: number; withShort: number };
  /** Organizations with sector MED (agencies and outlets). */
  media: number;
  /** Organizations with sector IGO or an igo code. */
  igoBodies: number;
  aliases: number;
  wikidataIds: number;
  problems: number;
}

const inc = (o: Record<string, number>, k: string | null | undefined) => {
  if (k) o[k] = (o[k] ?? 0) + 1;
};

export function kbStats(kb: Kb): KbStats {
  const s: KbStats = {
    version: kb.version, entries: kb.entries.length, files: kb.files.length,
    byType: {}, byCountry: {}, bySector: {}, byIgo: {},
    countries: { iso: 0, historical: 0, withCapital: 0, withNisba: 0, withMetonyms: 0 },
    people: { total: 0, withRoles: 0, withCurrentRole: 0, withShort: 0 },
    media: 0, igoBodies: 0, aliases: 0, wikidataIds: 0, problems: kb.problems.length,
  };
  for (const e of kb.entries) {
    inc(s.byType, e.type);
    inc(s.byCountry, e.country);
    inc(s.byIgo, e.igo);
    s.aliases += e.aliases.length;
    if (/^Q\d+$/.test(e.id)) s.wikidataIds++;
    if (e.type === "organization") {
      inc(s.bySector, e.sector);
      if (e.sector === "MED") s.media++;
      if (e.sector === "IGO" || e.igo) s.igoBodies++;
    }
    if (e.type === "country") {
      if (e.historical) s.countries.historical++;
      else s.countries.iso++;
      if (e.capital) s.countries.withCapital++;
      if (e.nisba?.length) s.countries.withNisba++;
      if (e.metonyms?.length) s.countries.withMetonyms++;
    }
    if (e.type === "person") {
      s.people.total++;
      if (e.roles?.length) s.people.withRoles++;
      if (e.roles?.some((r) => r.to === null)) s.people.withCurrentRole++;
      if (e.short?.length) s.people.withShort++;
    }
  }
  return s;
}

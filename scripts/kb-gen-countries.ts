/**
 * One-time generator of the base of `data/kb/countries.json` (provenance record; the JSON is committed and then
 * enriched by hand with official/common Arabic names, nisba forms, capitals and government metonyms).
 *
 * Facts used:
 *  - ISO 3166-1 alpha-2 / alpha-3 codes and English + Arabic names from the `i18n-iso-countries` package;
 *  - Arabic region names from CLDR through Node's `Intl.DisplayNames(["ar"], { type: "region" })`;
 *  - Wikidata QIDs only for the countries listed in WIKIDATA below (checked by hand); all others get local ids.
 * Kosovo (no ISO 3166-1 code) is added under the user-assigned code XKX used by the EU and the IMF, flagged.
 *
 * Usage: npx tsx scripts/kb-gen-countries.ts [--force]   (refuses to overwrite the enriched file without --force)
 */
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { formatKbFile } from "../src/kb/format.js";

const require = createRequire(import.meta.url);
const countries = require("i18n-iso-countries") as {
  getAlpha2Codes(): Record<string, string>;
  getName(code: string, lang: string): string | undefined;
  getNames(lang: string, o: { select: "all" }): Record<string, string[]>;
};

const OUT = new URL("../data/kb/countries.json", import.meta.url);

const WIKIDATA: Record<string, string> = {
  RUS: "Q159", USA: "Q30", CHN: "Q148", PRK: "Q423", KOR: "Q884", UKR: "Q212", IRN: "Q794", EGY: "Q79",
  DEU: "Q183", FRA: "Q142", GBR: "Q145", JPN: "Q17", IND: "Q668", ITA: "Q38", ESP: "Q29", ISR: "Q801",
  TUR: "Q43", SAU: "Q851", IRQ: "Q796", SYR: "Q858", LBN: "Q822", JOR: "Q810", PSE: "Q219060", QAT: "Q846",
  ARE: "Q878", KWT: "Q817", BHR: "Q398", OMN: "Q842", YEM: "Q805", LBY: "Q1016", TUN: "Q948", DZA: "Q262",
  MAR: "Q1028", SDN: "Q1049", AFG: "Q889", PAK: "Q843", CAN: "Q16", BRA: "Q155", MEX: "Q96", AUS: "Q408",
  IDN: "Q252", ETH: "Q115", SOM: "Q1045", MRT: "Q1025", DJI: "Q977", COM: "Q970", ZAF: "Q258", ARG: "Q414",
  NLD: "Q55", BEL: "Q31", SWE: "Q34", NOR: "Q20", POL: "Q36", CHE: "Q39", AUT: "Q40", GRC: "Q41", FIN: "Q33",
  DNK: "Q35", PRT: "Q45", IRL: "Q27", HUN: "Q28", CZE: "Q213", BLR: "Q184", CUB: "Q241", VEN: "Q717",
  NGA: "Q1033", KEN: "Q114", VNM: "Q881", THA: "Q869", MYS: "Q833", PHL: "Q928", SGP: "Q334", BGD: "Q902",
  KAZ: "Q232", GEO: "Q230", ARM: "Q399", AZE: "Q227", SRB: "Q403", TCD: "Q657", NER: "Q1032", MLI: "Q912",
  ERI: "Q986", SSD: "Q958", CYP: "Q229", NZL: "Q664", CHL: "Q298", COL: "Q739", PER: "Q419", MNG: "Q711",
};

const slug = (s: string) =>
  s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

if (existsSync(OUT) && !process.argv.includes("--force")) {
  console.error("countries.json exists (hand-enriched); pass --force to regenerate the base");
  process.exit(1);
}

const cldr = new Intl.DisplayNames(["ar"], { type: "region" });
const arAll = countries.getNames("ar", { select: "all" });
const entries = Object.entries(countries.getAlpha2Codes())
  .filter(([a2]) => a2 !== "XK")
  .map(([iso2, iso3]) => {
    const en = countries.getName(iso2, "en") ?? iso3;
    const names = [cldr.of(iso2), ...(arAll[iso2] ?? [])].filter((n): n is string => !!n && n !== iso2);
    const [ar, ...rest] = [...new Set(names)];
    return {
      id: WIKIDATA[iso3] ?? `rasd:country:${slug(en)}`,
      type: "country", name: { ar, en }, aliases: rest, country: iso3, igo: null, sector: null, parent: null,
      iso2, iso3, nisba: [], capital: null, metonyms: [],
    };
  });
entries.push({
  id: "rasd:country:kosovo", type: "country", name: { ar: "كوسوفو", en: "Kosovo" }, aliases: [], country: "XKX",
  igo: null, sector: null, parent: null, iso2: null as unknown as string, iso3: "XKX", nisba: [], capital: null,
  metonyms: [],
});
entries.sort((a, b) => a.iso3.localeCompare(b.iso3));
const file = {
  schema: "rasd/kb@1",
  description: "Countries and territories: all ISO 3166-1 entries, Kosovo (XKX) and flagged historical states (ISO 3166-3 codes).",
  sources: ["ISO 3166-1 via i18n-iso-countries", "CLDR Arabic region names via Intl.DisplayNames", "Wikidata (QIDs checked by hand)", "hand enrichment: Arabic official/common names, nisba forms, capitals, metonyms as used in Arabic news"],
  entries,
};
writeFileSync(OUT, formatKbFile(file));
console.log(`wrote ${entries.length} countries`);

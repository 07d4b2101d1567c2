/**
 * Test helpers: hand-built entities and times for sentences written in the tests (no dependency on the linker or
 * the time resolver), and a small KB of facts for nisba / capital / metonym rules.
 */
import type { Entity, TimeExpr } from "../record.js";
import type { EventKb } from "./actors.js";

export interface EntSpec {
  id: string;
  type: Entity["type"];
  country: string | null;
  igo?: string | null;
  sector?: string | null;
  /** surface strings to find in the body (every occurrence) */
  say: string[];
}

/** Entities with mentions at every occurrence of their surface strings (longest strings first, no overlaps). */
export function ents(body: string, specs: EntSpec[]): Entity[] {
  const taken: [number, number][] = [];
  const all = specs.flatMap((s) => s.say.map((w) => ({ s, w }))).sort((a, b) => b.w.length - a.w.length);
  const out = new Map<string, Entity>();
  for (const { s, w } of all) {
    let from = 0;
    for (;;) {
      const at = body.indexOf(w, from);
      if (at < 0) break;
      from = at + w.length;
      if (taken.some(([a, b]) => at < b && at + w.length > a)) continue;
      if (/[\u0621-\u064A]/.test(body[at + w.length] ?? "")) continue; // a longer word («الإسرائيلي» ⊃ «إسرائيل»)
      taken.push([at, at + w.length]);
      let e = out.get(s.id);
      if (!e) {
        e = { id: s.id, name: { ar: s.say[0]!, en: null }, type: s.type, country: s.country, igo: s.igo ?? null,
          known: true, mentions: [], sector: s.sector ?? null };
        out.set(s.id, e);
      }
      e.mentions.push({ start: at, end: at + w.length, text: w });
    }
  }
  for (const e of out.values()) e.mentions.sort((a, b) => a.start - b.start);
  return [...out.values()];
}

/** A time expression at the first occurrence of `text`. */
export function time(body: string, text: string, value: string | null): TimeExpr {
  const at = body.indexOf(text);
  if (at < 0) throw new Error(`time text not found: ${text}`);
  return { start: at, end: at + text.length, text, value };
}

/** Common actors used across the tests (facts: countries and well-known office holders). */
export const A = {
  RUS: { id: "Q159", type: "country", country: "RUS", say: ["روسيا"] },
  PRK: { id: "Q423", type: "country", country: "PRK", say: ["كوريا الشمالية"] },
  KOR: { id: "Q884", type: "country", country: "KOR", say: ["كوريا الجنوبية"] },
  USA: { id: "Q30", type: "country", country: "USA", say: ["الولايات المتحدة", "واشنطن"] },
  UKR: { id: "Q212", type: "country", country: "UKR", say: ["أوكرانيا"] },
  CHN: { id: "Q148", type: "country", country: "CHN", say: ["الصين"] },
  FRA: { id: "Q142", type: "country", country: "FRA", say: ["فرنسا"] },
  EGY: { id: "Q79", type: "country", country: "EGY", say: ["مصر"] },
  ISR: { id: "Q801", type: "country", country: "ISR", say: ["إسرائيل"] },
  IRN: { id: "Q794", type: "country", country: "IRN", say: ["إيران"] },
  TUR: { id: "Q43", type: "country", country: "TUR", say: ["تركيا"] },
  putin: { id: "Q7747", type: "person", country: "RUS", sector: "GOV", say: ["فلاديمير بوتين", "بوتين"] },
  kim: { id: "Q56226", type: "person", country: "PRK", sector: "GOV", say: ["كيم جونغ أون", "كيم"] },
  macron: { id: "Q3052772", type: "person", country: "FRA", sector: "GOV", say: ["إيمانويل ماكرون", "ماكرون"] },
  erdogan: { id: "Q39259", type: "person", country: "TUR", sector: "GOV", say: ["رجب طيب أردوغان", "أردوغان"] },
  moscow: { id: "Q649", type: "place", country: "RUS", say: ["موسكو"] },
  pyongyang: { id: "Q18808", type: "place", country: "PRK", say: ["بيونغ يانغ"] },
  cairo: { id: "Q85", type: "place", country: "EGY", say: ["القاهرة"] },
  paris: { id: "Q90", type: "place", country: "FRA", say: ["باريس"] },
  vladivostok: { id: "Q959", type: "place", country: "RUS", say: ["فلاديفوستوك"] },
  un: { id: "Q1065", type: "organization", country: null, igo: "UN", sector: "IGO", say: ["الأمم المتحدة"] },
  unsc: { id: "Q37470", type: "organization", country: null, igo: "UN", sector: "IGO", say: ["مجلس الأمن"] },
  tass: { id: "Q215590", type: "organization", country: "RUS", sector: "MED", say: ["وكالة تاس"] },
  kremlin: { id: "rasd:organization:kremlin", type: "organization", country: "RUS", sector: "GOV", say: ["الكرملين"] },
} satisfies Record<string, EntSpec>;

/** A tiny KB: nisba forms, capitals and metonyms of a few countries (facts). */
export const KB: EventKb = {
  entries: [
    { id: "Q159", type: "country", country: "RUS", capital: "Q649", metonyms: ["الكرملين"],
      nisba: ["روسي", "روسية", "الروسي", "الروسية", "روس", "الروس", "روسيون", "روسيين", "الروسيون", "الروسيين"] },
    { id: "Q423", type: "country", country: "PRK", capital: "Q18808", metonyms: [],
      nisba: ["كوري شمالي", "كورية شمالية", "الكوري الشمالي", "الكورية الشمالية", "كوريون شماليون", "الكوريين الشماليين"] },
    { id: "Q884", type: "country", country: "KOR", capital: "Q8684", metonyms: [],
      nisba: ["كوري جنوبي", "كورية جنوبية", "الكوري الجنوبي", "الكورية الجنوبية", "كوريون جنوبيون", "كوريين جنوبيين", "الكوريين الجنوبيين"] },
    { id: "Q30", type: "country", country: "USA", capital: "Q61", metonyms: ["البيت الأبيض"],
      nisba: ["أمريكي", "أميركي", "الأمريكي", "الأميركي", "أمريكية", "أميركية", "الأمريكية", "الأميركية", "أمريكيون", "أميركيون", "الأمريكيين", "الأميركيين"] },
    { id: "Q142", type: "country", country: "FRA", capital: "Q90", metonyms: ["الإليزيه"],
      nisba: ["فرنسي", "فرنسية", "الفرنسي", "الفرنسية", "فرنسيون", "فرنسيين", "الفرنسيون", "الفرنسيين"] },
    { id: "Q79", type: "country", country: "EGY", capital: "Q85", metonyms: [],
      nisba: ["مصري", "مصرية", "المصري", "المصرية", "المصريين", "مصريون"] },
    { id: "Q801", type: "country", country: "ISR", capital: null, metonyms: [],
      nisba: ["إسرائيلي", "إسرائيلية", "الإسرائيلي", "الإسرائيلية", "الإسرائيليين"] },
    { id: "Q794", type: "country", country: "IRN", capital: "Q3616", metonyms: [],
      nisba: ["إيراني", "إيرانية", "الإيراني", "الإيرانية", "إيرانيون", "إيرانيين", "الإيرانيون", "الإيرانيين"] },
    { id: "Q43", type: "country", country: "TUR", capital: "Q3640", metonyms: [],
      nisba: ["تركي", "تركية", "التركي", "التركية", "أتراك", "الأتراك"] },
    { id: "Q212", type: "country", country: "UKR", capital: "Q1899", metonyms: [],
      nisba: ["أوكراني", "أوكرانية", "الأوكراني", "الأوكرانية", "الأوكرانيين"] },
  ],
};

/**
 * Building article records by hand (tests, demos) and a small synthetic generator (the standalone store bench).
 * Entity/event offsets are computed from the body, so hand-written records stay consistent.
 */
import { SCHEMA, type Actor, type ArticleRecord, type Entity, type EntityType, type Event, type EventStatus } from "../record.js";

export interface EntitySpec {
  id: string;
  ar: string;
  en?: string | null;
  type?: EntityType;
  country?: string | null;
  igo?: string | null;
  sector?: string | null;
  /** surface forms to find in the body (every occurrence becomes a mention) */
  forms: string[];
}

export interface EventSpec {
  type: string;
  mode?: string | null;
  source: Partial<Actor>;
  target?: Partial<Actor> | null;
  date?: string | null;
  status?: EventStatus;
  score?: number;
  /** a substring of the body: the evidence span is the sentence containing it */
  evidence?: string;
}

export interface RecordSpec {
  id: string;
  title?: string | null;
  published?: string | null;
  outlet?: string | null;
  url?: string | null;
  body: string;
  entities?: EntitySpec[];
  events?: EventSpec[];
}

const actor = (a: Partial<Actor> | null | undefined): Actor | null =>
  a ? { entity: a.entity ?? null, country: a.country ?? null, igo: a.igo ?? null, sector: a.sector ?? null } : null;

function sentenceAround(body: string, needle: string | undefined): { start: number; end: number } {
  if (!needle) return { start: 0, end: Math.min(body.length, 200) };
  const i = body.indexOf(needle);
  if (i < 0) return { start: 0, end: Math.min(body.length, 200) };
  const before = body.slice(0, i);
  const start = Math.max(before.lastIndexOf("."), before.lastIndexOf("\n")) + 1;
  const dot = body.indexOf(".", i);
  return { start, end: dot < 0 ? body.length : dot + 1 };
}

export function makeRecord(s: RecordSpec): ArticleRecord {
  const entities: Entity[] = (s.entities ?? []).map((e) => {
    const mentions: Entity["mentions"] = [];
    for (const f of e.forms) {
      for (let i = s.body.indexOf(f); i >= 0; i = s.body.indexOf(f, i + f.length)) mentions.push({ start: i, end: i + f.length, text: f });
    }
    return {
      id: e.id, name: { ar: e.ar, en: e.en ?? null }, type: e.type ?? "person", country: e.country ?? null,
      igo: e.igo ?? null, known: true, mentions, sector: e.sector ?? null,
    };
  });
  const events: Event[] = (s.events ?? []).map((e) => ({
    type: e.type, mode: e.mode ?? null, source: actor(e.source)!, target: actor(e.target ?? null), date: e.date ?? null,
    status: e.status ?? "occurred", location: null, reported_by: null, evidence: sentenceAround(s.body, e.evidence),
    score: e.score ?? 0,
  }));
  return {
    schema: SCHEMA, id: s.id, source: { path: null, url: s.url ?? null, encoding: null }, language: "ar",
    title: s.title ?? null, published: s.published ?? null, outlet: s.outlet ?? null, credited: [], authors: [],
    dateline: null, keywords: [], body: s.body, related: [], entities, times: [], events,
  };
}

// ─────────────────────────── synthetic generator (bench) ───────────────────────────
const COUNTRIES: [string, string, string][] = [
  ["RUS", "روسيا", "الروسي"], ["PRK", "كوريا الشمالية", "الكوري الشمالي"], ["USA", "الولايات المتحدة", "الأمريكي"],
  ["CHN", "الصين", "الصيني"], ["IRN", "إيران", "الإيراني"], ["TUR", "تركيا", "التركي"], ["EGY", "مصر", "المصري"],
  ["SAU", "السعودية", "السعودي"], ["FRA", "فرنسا", "الفرنسي"], ["DEU", "ألمانيا", "الألماني"], ["JPN", "اليابان", "الياباني"],
  ["KOR", "كوريا الجنوبية", "الكوري الجنوبي"], ["IND", "الهند", "الهندي"], ["BRA", "البرازيل", "البرازيلي"],
  ["QAT", "قطر", "القطري"], ["JOR", "الأردن", "الأردني"], ["DZA", "الجزائر", "الجزائري"], ["MAR", "المغرب", "المغربي"],
];
const VERBS: [string, string | null, string, number][] = [
  ["CONSULT", "visit", "زار وزير الخارجية", 4], ["CONSULT", null, "بحث وزير الخارجية", 2.5],
  ["ACCUSE", null, "انتقد المتحدث باسم حكومة", -3], ["COOPERATE", null, "وقّع اتفاقا تجاريا مع", 9.5],
  ["THREATEN", null, "حذّر الرئيس", -3.5], ["AID", null, "أرسل مساعدات إنسانية إلى", 10],
  ["SANCTION", null, "فرض عقوبات جديدة على", -6], ["REJECT", null, "رفض مقترحات", -2],
];
const FILLER = ("وأضاف المسؤول في تصريحات للصحفيين أن المباحثات تناولت ملفات إقليمية ودولية عدة بينها الأمن والطاقة " +
  "والتجارة، مشيرا إلى أن الجانبين اتفقا على مواصلة التنسيق خلال الفترة المقبلة. وذكرت مصادر مطلعة أن اللقاء " +
  "استمر ساعتين وشهد نقاشا مستفيضا حول الأوضاع الاقتصادية وأسعار النفط والتعاون في مجال التعليم والصحة.").split(" ");
const OUTLETS = ["وكالة الأنباء أ", "صحيفة ب", "قناة ج", "موقع د", "إذاعة هـ", "شبكة و"];
const ALIASES: [string, string[]][] = [["Q7747", ["فلاديمير بوتين", "بوتن", "بوتين"]], ["Q18808", ["بيونغ يانغ", "بيونج يانج", "بيونغيانغ"]]];

/** Deterministic pseudo-random generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plausible synthetic article: ~350 words, 2–5 entities, 1–4 events between random countries. */
export function syntheticRecord(i: number): ArticleRecord {
  const r = rng(i * 7919 + 13);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(r() * 730) * 86_400_000).toISOString().slice(0, 10);
  const sentences: string[] = [];
  const events: EventSpec[] = [];
  const ents = new Map<string, EntitySpec>();
  const nEv = 1 + Math.floor(r() * 4);
  for (let k = 0; k < nEv; k++) {
    const a = pick(COUNTRIES), b = pick(COUNTRIES.filter((c) => c !== a));
    const [type, mode, verb, score] = pick(VERBS);
    const alias = pick(ALIASES);
    const sent = `${verb} ${a[2]} ${b[1]} ${pick(alias[1])} في ${b[1]} يوم ${day}.`;
    sentences.push(sent);
    for (const c of [a, b]) ents.set(c[0], { id: `rasd:country:${c[0].toLowerCase()}`, ar: c[1], type: "country", country: c[0], forms: [c[1]] });
    ents.set(alias[0], { id: alias[0], ar: alias[1][0]!, type: "person", forms: alias[1] });
    const status: EventStatus = r() < 0.2 ? "expected" : "occurred";
    events.push({ type, mode, source: { country: a[0], sector: "GOV" }, target: { country: b[0], sector: "GOV" }, date: r() < 0.6 ? day : null, status, score, evidence: sent.slice(0, 20) });
    for (let f = 0; f < 60; f++) sentences.push(pick(FILLER));
  }
  const body = sentences.join(" ").replace(/ \./g, ".");
  return makeRecord({
    id: `syn-${i}`, title: `${pick(VERBS)[2]} ${pick(COUNTRIES)[1]} رقم ${i}`, published: day, outlet: pick(OUTLETS),
    url: `https://example.org/a/${i}`, body, entities: [...ents.values()], events,
  });
}

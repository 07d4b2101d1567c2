/**
 * Joining reports of one real-world event across articles (pure rules; the store applies them incrementally).
 *
 * Two reports are the same event when (rule `join-dyad-type-date`):
 *  - same PLOVER type, and modes equal or one of them unknown;
 *  - same dyad: same source and target codes, or either direction when one of them is mutual
 *    (a meeting/call/talks — CONSULT other than a visit — or COOPERATE);
 *  - compatible dates: the day intervals overlap (a stated date ±1 day; an undated report stands for a window
 *    before its publication date when told as fact, or after it when expected — see dates.ts).
 * Coarse dates (a year, a decade, long intervals) join only reports with the very same date value.
 */
import type { Actor, EventStatus } from "../record.js";
import { eventInterval, isoOfDay, parseDateValue, type DayInterval } from "./dates.js";

export const PLOVER_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
  "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
] as const;
export const EVENT_STATUSES = ["occurred", "expected", "possible", "alleged", "denied"] as const satisfies readonly EventStatus[];

/** Interval longer than this (days) is "coarse": matched only by identical date value (rule `coarse-date-exact`). */
export const MAX_JOIN_SPAN = 70;

/** Actor code used for dyads: country, else intergovernmental body, else entity id; "" when unknown. */
export function actorCode(a: Actor | null | undefined): string {
  if (!a) return "";
  return a.country ?? a.igo ?? a.entity ?? "";
}

/** GDELT-like actor code: country (or IGO) followed by the sector, e.g. RUSGOV, UNIGO, PRKMIL. */
export function gdeltActorCode(a: Actor | null | undefined): string {
  if (!a) return "";
  const base = a.country ?? a.igo ?? "";
  return base + (a.sector && a.sector !== base ? a.sector : "");
}

/** Mutual events have no meaningful direction (rule `mutual-consult`): talks, meetings, calls, cooperation. */
export function isMutual(type: string, mode: string | null): boolean {
  return (type === "CONSULT" && mode !== "visit") || type === "COOPERATE";
}

export const dyadKey = (a: string, b: string): string => (a <= b ? `${a}|${b}` : `${b}|${a}`);

export interface JoinCandidate {
  type: string;
  mode: string | null;
  mutual: boolean;
  src: string;
  tgt: string;
  date: string | null;
  lo: number | null;
  hi: number | null;
  coarse: boolean;
}

export function modesCompatible(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

export function directionCompatible(a: JoinCandidate, b: JoinCandidate): boolean {
  if (a.src === b.src && a.tgt === b.tgt) return true;
  return (a.mutual || b.mutual) && a.src === b.tgt && a.tgt === b.src;
}

export function datesCompatible(a: JoinCandidate, b: JoinCandidate): boolean {
  if (a.lo === null || b.lo === null || a.hi === null || b.hi === null) return false;
  if (a.coarse || b.coarse) return a.coarse && b.coarse && a.date !== null && a.date === b.date;
  return a.lo <= b.hi && b.lo <= a.hi;
}

/** Full join decision between a new report and a timeline event. */
export function canJoin(a: JoinCandidate, b: JoinCandidate): boolean {
  if (!a.src || !b.src) return false; // rule `unknown-actor-alone`: an unknown source never joins
  return a.type === b.type && modesCompatible(a.mode, b.mode) && directionCompatible(a, b) && datesCompatible(a, b);
}

export function candidateOf(ev: {
  type: string; mode: string | null; source: Actor; target: Actor | null; date: string | null; status: EventStatus;
}, published: string | null): JoinCandidate {
  const iv = eventInterval(ev.date, ev.status, published);
  return {
    type: ev.type, mode: ev.mode, mutual: isMutual(ev.type, ev.mode),
    src: actorCode(ev.source), tgt: actorCode(ev.target),
    date: ev.date, lo: iv?.lo ?? null, hi: iv?.hi ?? null,
    coarse: iv ? iv.hi - iv.lo > MAX_JOIN_SPAN : false,
  };
}

/** A member report of a timeline event, as the aggregation needs it. */
export interface Report {
  article: string;
  dupOf: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
  /** ingest order, to order reports of undated articles */
  seq: number;
  type: string;
  mode: string | null;
  status: EventStatus;
  date: string | null;
  score: number;
  source: Actor;
  target: Actor | null;
  evidence: string | null;
}

const STATUS_RANK: Record<EventStatus, number> = { occurred: 0, denied: 1, alleged: 2, expected: 3, possible: 4 };

/**
 * The report whose date best places the event (rule `best-report`): a stated date before a window inferred from
 * the report date, then a report told as fact before an announcement, then the narrowest date.
 */
export function bestReport(reports: Report[]): { report: Report; interval: DayInterval | null } {
  let best: Report = reports[0]!, bestIv = eventInterval(best.date, best.status, best.published), bestKey = Infinity;
  for (const r of reports) {
    const iv = eventInterval(r.date, r.status, r.published);
    const span = iv ? Math.min(iv.hi - iv.lo, 99_999) : 99_999;
    const key = (!iv ? 2 : iv.precision === 5 ? 1 : 0) * 1e7 + STATUS_RANK[r.status] * 1e5 + span;
    if (key < bestKey) { best = r; bestIv = iv; bestKey = key; }
  }
  return { report: best, interval: bestIv };
}

const byReportOrder = (a: Report, b: Report): number =>
  (a.published ?? "9999").localeCompare(b.published ?? "9999") || a.seq - b.seq;

export interface StatusChange {
  status: EventStatus;
  /** publication date of the first report with this status (null when undated) */
  reported: string | null;
  article: string;
}

/** Status over time: the sequence of status changes in report order. */
export function statusHistory(reports: Report[]): StatusChange[] {
  const out: StatusChange[] = [];
  for (const r of [...reports].sort(byReportOrder)) {
    if (out.length === 0 || out[out.length - 1]!.status !== r.status) {
      out.push({ status: r.status, reported: r.published, article: r.article });
    }
  }
  return out;
}

/**
 * Current status (rule `status-latest-sticky-occurred`): the status of the latest report, except that a later
 * «expected»/«possible» report (a stale or lagging outlet) does not undo an event already reported as occurred.
 */
export function currentStatus(history: StatusChange[]): EventStatus {
  let s = history[0]?.status ?? "occurred";
  for (const h of history) {
    if (s === "occurred" && (h.status === "expected" || h.status === "possible")) continue;
    s = h.status;
  }
  return s;
}

function mostCommon<T>(xs: T[], key: (x: T) => string): T | undefined {
  const counts = new Map<string, { x: T; n: number }>();
  for (const x of xs) {
    const k = key(x);
    const c = counts.get(k);
    if (c) c.n++; else counts.set(k, { x, n: 1 });
  }
  let best: { x: T; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.x;
}

export interface TimelineAggregate {
  type: string;
  mode: string | null;
  mutual: boolean;
  src: string;
  tgt: string;
  source: Actor;
  target: Actor | null;
  date: string | null;
  lo: number | null;
  hi: number | null;
  coarse: boolean;
  status: EventStatus;
  history: StatusChange[];
  score: number;
  first_reported: string | null;
  last_reported: string | null;
  /** independent reports: distinct syndication groups */
  num_articles: number;
  /** distinct articles, syndicated copies included */
  num_copies: number;
  num_outlets: number;
  num_reports: number;
  /** day used to order and filter: the event's date, else its first report */
  sort_day: number | null;
}

/** Aggregate the member reports of one timeline event. */
export function aggregate(reports: Report[]): TimelineAggregate {
  const { report: best, interval } = bestReport(reports);
  const modes = reports.map((r) => r.mode).filter((m): m is string => m !== null);
  const mode = mostCommon(modes, (m) => m) ?? null;
  // Direction: the best report's, unless the event is directional and most reports say otherwise.
  const oriented = reports.filter((r) => actorCode(r.source) === actorCode(best.source));
  const source = mostCommon(oriented.map((r) => r.source), (a) => JSON.stringify(a)) ?? best.source;
  const target = mostCommon(oriented.map((r) => r.target), (a) => JSON.stringify(a)) ?? best.target;
  const history = statusHistory(reports);
  const pubs = reports.map((r) => r.published).filter((p): p is string => !!p).sort();
  const iv = interval;
  const coarse = iv ? iv.hi - iv.lo > MAX_JOIN_SPAN : false;
  // A stated date is kept as written; an inferred window is not a date.
  const date = best.date;
  const sortDay = parseDateValue(date)?.lo ?? firstDay(pubs[0]);
  return {
    type: best.type,
    mode,
    mutual: isMutual(best.type, mode),
    src: actorCode(source),
    tgt: actorCode(target),
    source,
    target: target ?? null,
    date,
    lo: iv?.lo ?? null,
    hi: iv?.hi ?? null,
    coarse,
    status: currentStatus(history),
    history,
    score: best.score,
    first_reported: pubs[0] ?? null,
    last_reported: pubs[pubs.length - 1] ?? null,
    num_articles: new Set(reports.map((r) => r.dupOf)).size,
    num_copies: new Set(reports.map((r) => r.article)).size,
    num_outlets: new Set(reports.map((r) => r.outlet).filter(Boolean)).size,
    num_reports: reports.length,
    sort_day: sortDay,
  };
}

function firstDay(p: string | undefined): number | null {
  if (!p) return null;
  return parseDateValue(p)?.lo ?? null;
}

export { isoOfDay };

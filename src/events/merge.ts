/**
 * The same event told twice in one article is one event: events merge when they have the same type and dyad
 * (either direction for joint actions and non-visit consultations), compatible dates (equal, one missing, or one
 * inside the other), compatible status (both told as real — occurred/alleged/denied — or both as future/possible)
 * and compatible sources (not two different named persons). The merged event keeps the best status, the most
 * precise date, the first evidence, and fills location / reported_by from either.
 */
import type { Event, EventStatus } from "../record.js";
import { actorKey } from "./actors.js";

export interface Coded {
  ev: Event;
  /** the action is mutual: the dyad may be stored in either direction */
  joint: boolean;
  /** source / target entity types, to keep two different named persons apart */
  srcType: string | null;
  tgtType: string | null;
}

const RANK: Record<EventStatus, number> = { occurred: 5, expected: 4, alleged: 3, possible: 2, denied: 1 };
const REALIS = new Set<EventStatus>(["occurred", "alleged", "denied"]);

export function datesCompatible(a: string | null, b: string | null): boolean {
  if (a == null || b == null) return true;
  return a === b || a.startsWith(b) || b.startsWith(a);
}

function entityCompatible(a: string | null, at: string | null, b: string | null, bt: string | null): boolean {
  if (!a || !b || a === b) return true;
  // two different persons are two different actors; a person and their country/organization may be the same
  return !(at === "person" && bt === "person");
}

function sameDyad(x: Coded, y: Coded): "same" | "swapped" | null {
  const xs = actorKey(x.ev.source), xt = actorKey(x.ev.target), ys = actorKey(y.ev.source), yt = actorKey(y.ev.target);
  if (xs === ys && xt === yt
    && entityCompatible(x.ev.source.entity, x.srcType, y.ev.source.entity, y.srcType)
    && entityCompatible(x.ev.target?.entity ?? null, x.tgtType, y.ev.target?.entity ?? null, y.tgtType)) return "same";
  const symmetric = x.joint || y.joint || (x.ev.type === "CONSULT" && (x.ev.mode !== "visit" || y.ev.mode !== "visit"));
  if (symmetric && xs === yt && xt === ys
    && entityCompatible(x.ev.source.entity, x.srcType, y.ev.target?.entity ?? null, y.tgtType)
    && entityCompatible(x.ev.target?.entity ?? null, x.tgtType, y.ev.source.entity, y.srcType)) return "swapped";
  return null;
}

export function mergeEvents(list: Coded[]): Event[] {
  const kept: Coded[] = [];
  for (const c of list) {
    const e = c.ev;
    const m = kept.find((k) => k.ev.type === e.type && sameDyad(k, c) !== null && datesCompatible(k.ev.date, e.date)
      && REALIS.has(k.ev.status) === REALIS.has(e.status));
    if (!m) { kept.push({ ...c, ev: { ...e } }); continue; }
    const k = m.ev;
    // a visit is more specific than a meeting: keep the direction and mode of the visit
    if (k.mode == null && e.mode != null) {
      const dir = sameDyad(m, c);
      k.mode = e.mode; k.score = e.score;
      if (dir === "swapped") { k.source = e.source; k.target = e.target; }
    }
    if (e.date && (!k.date || e.date.length > k.date.length)) { k.date = e.date; k.rule = withDateRule(k.rule, e.rule); }
    if (RANK[e.status] > RANK[k.status]) k.status = e.status;
    k.location ??= e.location;
    k.reported_by ??= e.reported_by;
    m.joint ||= c.joint;
  }
  return kept.map((k) => k.ev);
}

/** The rule of a merged event whose date came from another report: its own rule with the other's date rule. */
function withDateRule(rule: string | undefined, from: string | undefined): string | undefined {
  const at = from?.indexOf("|date:") ?? -1;
  if (rule === undefined || at < 0) return rule;
  const own = rule.indexOf("|date:");
  return (own < 0 ? rule : rule.slice(0, own)) + from!.slice(at);
}

/**
 * Relationship between two actors (e.g. RUS and PRK): the joined timeline (each real-world event once, with its
 * reports, status history and evidence quotes), the cooperation–conflict series and the network of actors
 * around them. The timeline list grows in chunks as it scrolls into view, so 1,000 events render without jank.
 */
import { memo, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { api } from "../api";
import { SeriesChart } from "../components/charts";
import { Card, Dyad, Empty, ErrorState, Loading, StatusBadge, TypeLabel } from "../components/common";
import { Network } from "../components/Network";
import { PLOVER_TYPE_CODES, useI18n, type MessageKey } from "../i18n";
import { hrefOf } from "../lib/route";
import { useAsync } from "../lib/useAsync";
import type { ActorCount, TimelineEvent } from "../types";

const FIRST_CHUNK = 40;
const CHUNK = 60;
const MAX_EVENTS = 1000;
const STATUSES = ["occurred", "expected", "possible", "alleged", "denied"] as const;

const TimelineItem = memo(function TimelineItem({ ev }: { ev: TimelineEvent }) {
  const { t, date, num, signed } = useI18n();
  const when = ev.date ?? ev.first_reported;
  const quotes = ev.sources.filter((s) => s.evidence);
  // The source list is built when opened (most stay closed: less work per item on long timelines).
  const [open, setOpen] = useState(false);
  return (
    <li className="tl-item card">
      <div className="tl-when">
        {when ? <time dateTime={when}>{date(when)}</time> : <span className="muted">{t("timeline.undated")}</span>}
        {!ev.date && when ? <span className="muted small">{t("timeline.reportedOn")}</span> : null}
      </div>
      <div className="tl-main">
        <div className="event-head">
          <TypeLabel type={ev.type} mode={ev.mode} />
          <StatusBadge status={ev.status} />
          <Dyad source={ev.source} target={ev.target} />
          <span className="score" title={t("event.score")}>{signed(ev.score)}</span>
        </div>
        <p className="muted small">{t("timeline.reports", { n: ev.num_articles, copies: ev.num_copies, outlets: ev.num_outlets })}</p>
        {ev.status_history.length > 1 ? (
          <ol className="history" aria-label={t("timeline.history")}>
            {ev.status_history.map((h, i) => (
              <li key={i}><StatusBadge status={h.status} />{h.reported ? <span className="small muted">{date(h.reported)}</span> : null}</li>
            ))}
          </ol>
        ) : null}
        {quotes.slice(0, 2).map((s, i) => (
          <blockquote key={i} className="evidence reading" dir="rtl">{s.evidence}</blockquote>
        ))}
        <details className="sources" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>{t("timeline.sources", { n: ev.sources.length })}</summary>
          {open ? <ul>
            {ev.sources.map((s, i) => (
              <li key={i}>
                <a href={hrefOf({ view: "article", id: s.article })}>{s.outlet ?? s.article}</a>
                {s.published ? <span className="small muted"> · {date(s.published)}</span> : null}
                {" "}<StatusBadge status={s.status} />
                {s.dup_of !== s.article ? <span className="badge dup">{t("search.copyOf")}</span> : null}
                {i >= 2 && s.evidence ? <blockquote className="evidence reading" dir="rtl">{s.evidence}</blockquote> : null}
              </li>
            ))}
          </ul> : null}
        </details>
      </div>
    </li>
  );
});

function Timeline({ events, total }: { events: TimelineEvent[]; total: number }) {
  const { t, num } = useI18n();
  const [shown, setShown] = useState(FIRST_CHUNK);
  const sentinel = useRef<HTMLDivElement>(null);
  const [all, setAll] = useState(false);
  useEffect(() => { setShown(FIRST_CHUNK); setAll(false); }, [events]);
  // "Show all" still renders in chunks, one per task, so the page stays responsive.
  useEffect(() => {
    if (!all || shown >= events.length) return;
    const id = setTimeout(() => setShown((n) => Math.min(events.length, n + CHUNK)), 0);
    return () => clearTimeout(id);
  }, [all, shown, events.length]);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || shown >= events.length) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown((n) => Math.min(events.length, n + CHUNK));
    }, { rootMargin: "800px 0px" });
    io.observe(el);
    return () => io.disconnect();
  }, [shown, events.length]);
  if (events.length === 0) return <Empty>{t("timeline.none")}</Empty>;
  return (
    <>
      <ol className="timeline" data-testid="timeline">
        {events.slice(0, shown).map((ev) => <TimelineItem key={ev.id} ev={ev} />)}
      </ol>
      <div ref={sentinel} className="sentinel" />
      <p className="muted small center" data-testid="timeline-shown">
        {t("timeline.shown", { shown: num(Math.min(shown, events.length)), total: num(total) })}
        {shown < events.length ? <> <button type="button" className="link" onClick={() => setAll(true)}>{t("timeline.showAll")}</button></> : null}
      </p>
    </>
  );
}

function Picker({ a, b, params }: { a: string; b: string; params: URLSearchParams }) {
  const { t, typeLabel } = useI18n();
  const [x, setX] = useState(a);
  const [y, setY] = useState(b);
  const [actors, setActors] = useState<ActorCount[]>([]);
  useEffect(() => { setX(a); setY(b); }, [a, b]);
  useEffect(() => {
    const ac = new AbortController();
    api.actors(ac.signal).then((r) => setActors(r.results), () => {});
    return () => ac.abort();
  }, []);
  const ids = { a: useId(), b: useId(), list: useId(), type: useId(), status: useId() };
  const go = (na: string, nb: string, p: URLSearchParams) => {
    location.hash = hrefOf({ view: "relationship", a: na.trim().toUpperCase(), b: nb.trim().toUpperCase(), params: p });
  };
  const submit = (e: FormEvent) => { e.preventDefault(); go(x, y, params); };
  const setParam = (k: string, v: string) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v); else p.delete(k);
    go(a, b, p);
  };
  return (
    <form className="card picker" onSubmit={submit}>
      <datalist id={ids.list}>{actors.map((c) => <option key={c.code} value={c.code} />)}</datalist>
      <div className="field"><label htmlFor={ids.a}>{t("rel.actorA")}</label><input id={ids.a} list={ids.list} value={x} onChange={(e) => setX(e.target.value)} dir="ltr" placeholder="RUS" required /></div>
      <button type="button" className="icon" aria-label={t("rel.swap")} title={t("rel.swap")} onClick={() => go(y, x, params)}>⇄</button>
      <div className="field"><label htmlFor={ids.b}>{t("rel.actorB")}</label><input id={ids.b} list={ids.list} value={y} onChange={(e) => setY(e.target.value)} dir="ltr" placeholder="PRK" /></div>
      <button type="submit" className="primary">{t("rel.show")}</button>
      <div className="field">
        <label htmlFor={ids.type}>{t("filters.type")}</label>
        <select id={ids.type} value={params.get("type") ?? ""} onChange={(e) => setParam("type", e.target.value)}>
          <option value="">{t("filters.any")}</option>
          {PLOVER_TYPE_CODES.map((c) => <option key={c} value={c}>{typeLabel(c)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.status}>{t("event.status")}</label>
        <select id={ids.status} value={params.get("status") ?? ""} onChange={(e) => setParam("status", e.target.value)}>
          <option value="">{t("filters.any")}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}` as MessageKey)}</option>)}
        </select>
      </div>
    </form>
  );
}

export function RelationshipView({ a, b, params }: { a: string; b: string; params: URLSearchParams }) {
  const { t, num } = useI18n();
  const type = params.get("type") ?? undefined, status = params.get("status") ?? undefined;
  const res = useAsync(async (signal) => {
    if (!a) return null;
    const target = b || undefined;
    const [timeline, series, network] = await Promise.all([
      api.timeline({ actor: a, target, type, status, limit: MAX_EVENTS }, signal),
      api.series({ actor: a, target, by: "month", type }, signal),
      api.network({ actor: a, target, limit: 40 }, signal),
    ]);
    return { timeline, series: series.series, network };
  }, [a, b, type, status]);
  const title = b ? `${a} ⇄ ${b}` : a;
  return (
    <div className="layout-rel">
      <Picker a={a} b={b} params={params} />
      {!a ? <Empty>{t("rel.pick")}</Empty> : null}
      {a && res.status === "loading" ? <Loading /> : null}
      {res.status === "error" ? <ErrorState error={res.error} /> : null}
      {res.status === "ok" && res.data ? (
        <>
          <h1 className="rel-title" dir="ltr">{title}</h1>
          <p className="muted center">{t("rel.summary", { n: num(res.data.timeline.total) })}</p>
          <div className="grid-2">
            <Card title={t("rel.series")}>
              {res.data.series.length ? <SeriesChart series={res.data.series} label={t("rel.series")} /> : <Empty>{t("rel.noSeries")}</Empty>}
            </Card>
            <Card title={t("rel.network")}>
              {res.data.network.edges.length ? <Network edges={res.data.network.edges} focus={[a, b].filter(Boolean)} label={t("rel.network")} /> : <Empty>{t("rel.noNetwork")}</Empty>}
            </Card>
          </div>
          <Card title={t("rel.timeline")}>
            <Timeline events={res.data.timeline.events} total={res.data.timeline.total} />
          </Card>
        </>
      ) : null}
    </div>
  );
}


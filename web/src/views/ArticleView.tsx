/**
 * Article: the clean text with entities, dates and event evidence highlighted from the record's char offsets
 * (overlaps handled by cutting the body into segments). Hover shows what each highlight is: the entity link,
 * the date value, the event's PLOVER type, mode, status and dyad. Article text is rendered only as text.
 */
import { useMemo, useState } from "react";
import { api } from "../api";
import { Card, Dyad, ErrorState, Loading, StatusBadge, TypeLabel, actorText } from "../components/common";
import { useI18n, type I18n, type MessageKey } from "../i18n";
import { safeHttpUrl } from "../lib/format";
import { hrefOf } from "../lib/route";
import { segments, type Annotation, type AnnotationKind } from "../lib/spans";
import { useAsync } from "../lib/useAsync";
import type { ArticleResponse, Entity, Event, TimeExpr } from "../types";

type Shown = Record<AnnotationKind, boolean>;

function entityTitle(i: I18n, e: Entity): string {
  return [
    `${e.name.ar}${e.name.en ? ` — ${e.name.en}` : ""}`,
    `${i.t("article.kind.entity")}: ${i.t(`etype.${e.type}` as MessageKey)}${e.known ? "" : ` (${i.t("entity.discovered")})`}`,
    /^Q\d+$/.test(e.id) ? `Wikidata: ${e.id}` : `${i.t("entity.id")}: ${e.id}`,
    e.country ? `${i.t("entity.country")}: ${e.country}` : "",
    e.igo ? `IGO: ${e.igo}` : "",
  ].filter(Boolean).join("\n");
}

function timeTitle(i: I18n, x: TimeExpr): string {
  return `${i.t("article.kind.time")}: ${x.value ? `${i.date(x.value)} (${x.value})` : i.t("article.unresolved")}`;
}

function eventTitle(i: I18n, ev: Event): string {
  return [
    `${i.t("article.kind.event")}: ${i.typeLabel(ev.type)} (${ev.type}${ev.mode ? ` · ${i.modeLabel(ev.mode)}` : ""})`,
    `${i.t("event.status")}: ${i.t(`status.${ev.status}` as MessageKey)}`,
    `${actorText(ev.source)} → ${actorText(ev.target)}`,
    ev.date ? `${i.t("event.date")}: ${i.date(ev.date)}` : "",
    ev.reported_by ? `${i.t("event.reportedBy")}: ${ev.reported_by}` : "",
  ].filter(Boolean).join("\n");
}

function ArticleBody({ rec, shown }: { rec: ArticleResponse; shown: Shown }) {
  const i18n = useI18n();
  const segs = useMemo(() => {
    const anns: Annotation[] = [];
    if (shown.event) rec.events.forEach((e, ref) => e.evidence && anns.push({ start: e.evidence.start, end: e.evidence.end, kind: "event", ref }));
    if (shown.time) rec.times.forEach((x, ref) => anns.push({ start: x.start, end: x.end, kind: "time", ref }));
    if (shown.entity) rec.entities.forEach((e, ref) => e.mentions.forEach((m) => anns.push({ start: m.start, end: m.end, kind: "entity", ref })));
    return segments(rec.body, anns);
  }, [rec, shown]);
  return (
    <div className="article-body reading" dir="rtl" lang="ar">
      {segs.map((s) => {
        if (s.anns.length === 0) return s.text;
        const ent = s.anns.find((a) => a.kind === "entity");
        const cls = ["ann", ...new Set(s.anns.map((a) => a.kind))];
        const entity = ent ? rec.entities[ent.ref] : undefined;
        if (entity) cls.push(`etype-${entity.type}`);
        const title = s.anns.map((a) => {
          if (a.kind === "entity") return entityTitle(i18n, rec.entities[a.ref]!);
          if (a.kind === "time") return timeTitle(i18n, rec.times[a.ref]!);
          return eventTitle(i18n, rec.events[a.ref]!);
        }).join("\n—\n");
        return entity
          ? <a key={s.start} className={cls.join(" ")} href={hrefOf({ view: "entity", id: entity.id })} title={title} data-entity={entity.id}>{s.text}</a>
          : <span key={s.start} className={cls.join(" ")} title={title}>{s.text}</span>;
      })}
    </div>
  );
}

export function ArticleView({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, date, num, signed } = i18n;
  const res = useAsync((signal) => api.article(id, signal), [id]);
  const [shown, setShown] = useState<Shown>({ entity: true, time: true, event: true });
  if (res.status === "loading") return <Loading />;
  if (res.status === "error") return <ErrorState error={res.error} />;
  const rec = res.data;
  const url = safeHttpUrl(rec.source.url);
  const entities = [...rec.entities].sort((a, b) => b.mentions.length - a.mentions.length);
  const dupOf = rec._store.dup_of && rec._store.dup_of !== rec.id ? rec._store.dup_of : null;
  return (
    <div className="layout-article">
      <article className="card article">
        <header>
          <h1 className="reading-title" dir="auto">{rec.title || t("article.untitled")}</h1>
          <dl className="meta-grid">
            {rec.outlet ? <><dt>{t("article.outlet")}</dt><dd>{rec.outlet}</dd></> : null}
            {rec.published ? <><dt>{t("article.published")}</dt><dd><time dateTime={rec.published}>{date(rec.published)}</time></dd></> : null}
            {rec.dateline ? <><dt>{t("article.dateline")}</dt><dd>{rec.dateline}</dd></> : null}
            {rec.authors.length ? <><dt>{t("article.authors")}</dt><dd>{rec.authors.join("، ")}</dd></> : null}
            {rec.credited.length ? <><dt>{t("article.credited")}</dt><dd>{rec.credited.join("، ")}</dd></> : null}
            {rec.keywords.length ? <><dt>{t("article.keywords")}</dt><dd>{rec.keywords.join("، ")}</dd></> : null}
            <dt>{t("article.original")}</dt>
            <dd>{url ? <a href={url} target="_blank" rel="noopener noreferrer" dir="ltr" className="url">{url}</a> : <span className="muted">{rec.source.url ?? rec.source.path ?? "—"}</span>}</dd>
            {dupOf ? <><dt>{t("article.copyOf")}</dt><dd><a href={hrefOf({ view: "article", id: dupOf })}>{dupOf}</a></dd></> : null}
          </dl>
        </header>
        <fieldset className="toggles">
          <legend className="sr-only">{t("article.highlights")}</legend>
          {(["entity", "time", "event"] as const).map((k) => (
            <label key={k} className={`toggle ann-key ${k}`}>
              <input type="checkbox" checked={shown[k]} onChange={(e) => setShown({ ...shown, [k]: e.target.checked })} />
              <span>{t(`article.kind.${k}` as MessageKey)}</span>
            </label>
          ))}
        </fieldset>
        <ArticleBody rec={rec} shown={shown} />
        {rec.related.length ? (
          <section className="related">
            <h2>{t("article.related", { n: rec.related.length })}</h2>
            {rec.related.map((r, k) => (
              <details key={k}>
                <summary dir="auto">{r.title || t("article.untitled")}</summary>
                <p className="reading" dir="rtl">{r.body}</p>
              </details>
            ))}
          </section>
        ) : null}
      </article>
      <aside className="side">
        <Card title={t("article.events", { n: rec.events.length })}>
          {rec.events.length === 0 ? <p className="muted">{t("article.noEvents")}</p> : (
            <ul className="event-list">
              {rec.events.map((ev, k) => (
                <li key={k} className="event-item">
                  <div className="event-head"><TypeLabel type={ev.type} mode={ev.mode} /><StatusBadge status={ev.status} /></div>
                  <div className="event-sub">
                    <Dyad source={ev.source} target={ev.target} />
                    {ev.date ? <span>{date(ev.date)}</span> : null}
                    <span className="score" title={t("event.score")}>{signed(ev.score)}</span>
                  </div>
                  {ev.reported_by ? <div className="muted small">{t("event.reportedBy")}: {ev.reported_by}</div> : null}
                  {ev.evidence ? <blockquote className="evidence reading" dir="rtl">{rec.body.slice(ev.evidence.start, ev.evidence.end)}</blockquote> : null}
                  {ev.source.country && ev.target?.country ? (
                    <a className="small" href={hrefOf({ view: "relationship", a: ev.source.country, b: ev.target.country, params: new URLSearchParams() })}>{t("article.openRelationship")}</a>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("article.entities", { n: entities.length })}>
          <ul className="chips">
            {entities.map((e) => (
              <li key={e.id}>
                <a className={`chip etype-${e.type}`} href={hrefOf({ view: "entity", id: e.id })} title={entityTitle(i18n, e)}>
                  {e.name.ar}<span className="count">{num(e.mentions.length)}</span>
                </a>
              </li>
            ))}
          </ul>
        </Card>
        {rec.times.length ? (
          <Card title={t("article.times", { n: rec.times.length })}>
            <ul className="time-list">
              {rec.times.map((x, k) => (
                <li key={k}><span className="reading">{x.text}</span><span className="arrow">{i18n.dir === "rtl" ? "←" : "→"}</span>{x.value ? <span>{date(x.value)}</span> : <span className="muted">{t("article.unresolved")}</span>}</li>
              ))}
            </ul>
          </Card>
        ) : null}
      </aside>
    </div>
  );
}

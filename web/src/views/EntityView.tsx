/**
 * Entity: names and spellings seen, articles per month, co-occurring actors, and events with the entity as
 * source or as target (countries are matched by their actor code, other entities by id).
 */
import { api } from "../api";
import { MonthBars } from "../components/charts";
import { Card, Empty, ErrorState, Loading, StatusBadge, TypeLabel } from "../components/common";
import { useI18n, type MessageKey } from "../i18n";
import { hrefOf } from "../lib/route";
import { useAsync } from "../lib/useAsync";
import type { EntityDetail, EventRow } from "../types";

function actorKey(e: EntityDetail): string {
  return e.type === "country" && e.country ? e.country : e.id;
}

function EventsAs({ rows, side, me }: { rows: EventRow[]; side: "source" | "target"; me: string }) {
  const { t, date } = useI18n();
  if (rows.length === 0) return <p className="muted">{t("entity.noEvents")}</p>;
  return (
    <ul className="event-list compact">
      {rows.map((r) => {
        const other = side === "source" ? r.tgt_code : r.src_code;
        return (
          <li key={`${r.article}:${r.idx}`} className="event-item">
            <div className="event-head"><TypeLabel type={r.type} mode={r.mode} /><StatusBadge status={r.status} /></div>
            <div className="event-sub">
              {other ? <a href={hrefOf({ view: "relationship", a: me, b: other, params: new URLSearchParams() })} dir="ltr"><code>{side === "source" ? `→ ${other}` : `${other} →`}</code></a> : null}
              {r.date || r.published ? <span>{date(r.date ?? r.published)}</span> : null}
              <a href={hrefOf({ view: "article", id: r.article })}>{r.outlet ?? t("entity.article")}</a>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function EntityView({ id }: { id: string }) {
  const { t, num, date, lang } = useI18n();
  const res = useAsync(async (signal) => {
    const entity = await api.entity(id, signal);
    const key = actorKey(entity);
    const [months, related, events] = await Promise.all([
      api.entityMonths(id, signal), api.entityRelated(id, signal), api.events({ actor: key, limit: 200 }, signal),
    ]);
    return { entity, key, months: months.months, related: related.results, events };
  }, [id]);
  if (res.status === "loading") return <Loading />;
  if (res.status === "error") return <ErrorState error={res.error} />;
  const { entity: e, key, months, related, events } = res.data;
  const isMe = (entity: string | null, code: string | null) => entity === e.id || (key !== e.id && code === key);
  const asSource = events.results.filter((r) => isMe(r.src_entity, r.src_code));
  const asTarget = events.results.filter((r) => isMe(r.tgt_entity, r.tgt_code));
  const primary = lang === "en" && e.name.en ? e.name.en : e.name.ar ?? e.name.en ?? e.id;
  const secondary = lang === "en" ? e.name.ar : e.name.en;
  return (
    <div className="layout-entity">
      <section className="card entity-head">
        <div>
          <h1 dir="auto">{primary}</h1>
          {secondary ? <p className="subtitle" dir="auto">{secondary}</p> : null}
          <p className="meta">
            {e.type ? <span className={`badge etype-${e.type}`}>{t(`etype.${e.type}` as MessageKey)}</span> : null}
            {e.country ? <span>{t("entity.country")}: <code>{e.country}</code></span> : null}
            {e.igo ? <span>IGO: <code>{e.igo}</code></span> : null}
            {e.sector ? <span>{t("entity.sector")}: <code>{e.sector}</code></span> : null}
            {/^Q\d+$/.test(e.id)
              ? <a href={`https://www.wikidata.org/wiki/${e.id}`} target="_blank" rel="noopener noreferrer">Wikidata {e.id}</a>
              : <span className="muted">{e.id}</span>}
            {!e.known ? <span className="badge">{t("entity.discovered")}</span> : null}
          </p>
        </div>
        <dl className="stats">
          <div><dt>{t("entity.articles")}</dt><dd>{num(e.num_articles)}</dd></div>
          <div><dt>{t("entity.mentions")}</dt><dd>{num(e.num_mentions)}</dd></div>
          <div><dt>{t("entity.firstSeen")}</dt><dd>{date(e.first_seen) || "—"}</dd></div>
          <div><dt>{t("entity.lastSeen")}</dt><dd>{date(e.last_seen) || "—"}</dd></div>
        </dl>
      </section>
      <div className="grid-2">
        <Card title={t("entity.overTime")}>
          {months.length ? <MonthBars months={months} label={t("entity.overTime")} /> : <Empty>{t("entity.noDates")}</Empty>}
        </Card>
        <Card title={t("entity.spellings", { n: e.spellings.length })}>
          <ul className="chips">
            {e.spellings.map((s) => <li key={s.text}><span className="chip reading">{s.text}<span className="count">{num(s.count)}</span></span></li>)}
          </ul>
        </Card>
        <Card title={t("entity.cooccurring")}>
          {related.length === 0 ? <p className="muted">{t("entity.none")}</p> : (
            <ul className="chips">
              {related.map((r) => (
                <li key={r.id}>
                  <a className={`chip etype-${r.type ?? "other"}`} href={hrefOf({ view: "entity", id: r.id })} title={r.id}>
                    {(lang === "en" ? r.name.en : r.name.ar) ?? r.name.ar ?? r.id}<span className="count">{num(r.articles)}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("entity.recent")}>
          <ul className="article-list">
            {e.articles.map((a) => (
              <li key={a.id}>
                <a href={hrefOf({ view: "article", id: a.id })} dir="auto">{a.title || t("article.untitled")}</a>
                <span className="muted small">{a.outlet ? <bdi>{a.outlet}</bdi> : null}{a.outlet && a.published ? " · " : null}{a.published ? <bdi>{date(a.published)}</bdi> : null}</span>
              </li>
            ))}
          </ul>
          <a className="small" href={hrefOf({ view: "search", params: { entity: e.id } })}>{t("entity.allArticles")}</a>
        </Card>
        <Card title={t("entity.asSource", { n: asSource.length })}><EventsAs rows={asSource} side="source" me={key} /></Card>
        <Card title={t("entity.asTarget", { n: asTarget.length })}><EventsAs rows={asTarget} side="target" me={key} /></Card>
      </div>
    </div>
  );
}

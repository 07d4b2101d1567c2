/**
 * Search: the API's Arabic-aware search (normalization, clitics, name variants) with filters in a side panel.
 * The query and filters live in the URL (#/search?q=…&outlet=…), so a search can be reloaded and shared.
 */
import { useEffect, useId, useState, type FormEvent } from "react";
import { api, type SearchParams } from "../api";
import { Empty, ErrorState, Loading, Marked, Pager } from "../components/common";
import { PLOVER_TYPE_CODES, useI18n } from "../i18n";
import { hrefOf } from "../lib/route";
import { useAsync } from "../lib/useAsync";
import type { OutletCount } from "../types";

const FILTERS = ["q", "from", "to", "outlet", "entity", "type"] as const;
type Filter = (typeof FILTERS)[number];
const LIMIT = 20;

/** The search request of a #/search URL (also prefetched by main.tsx on first load). */
export function searchRequest(params: URLSearchParams): SearchParams {
  const out: SearchParams = { limit: LIMIT, offset: Math.max(0, Number(params.get("offset")) || 0) };
  for (const k of FILTERS) { const v = params.get(k); if (v) out[k] = v; }
  return out;
}

function go(params: Partial<Record<Filter | "offset", string>>) {
  location.hash = hrefOf({ view: "search", params });
}

export function SearchView({ params }: { params: URLSearchParams }) {
  const { t, num, date, typeLabel } = useI18n();
  const current = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ""])) as Record<Filter, string>;
  const offset = Math.max(0, Number(params.get("offset")) || 0);
  const [q, setQ] = useState(current.q);
  const [entity, setEntity] = useState(current.entity);
  useEffect(() => setQ(current.q), [current.q]);
  useEffect(() => setEntity(current.entity), [current.entity]);
  const ids = { q: useId(), from: useId(), to: useId(), outlet: useId(), entity: useId(), type: useId() };

  const key = FILTERS.map((k) => current[k]).join("\u0001") + offset;
  const res = useAsync((signal) => api.search(searchRequest(params), signal), [key]);
  const [outlets, setOutlets] = useState<OutletCount[]>([]);
  useEffect(() => {
    const ac = new AbortController();
    api.outlets(ac.signal).then((r) => setOutlets(r.results), () => {});
    return () => ac.abort();
  }, []);

  const set = (k: Filter, v: string) => go({ ...current, [k]: v, offset: "" });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ ...current, q: q.trim(), entity: entity.trim(), offset: "" });
  };
  const anyFilter = FILTERS.some((k) => k !== "q" && current[k]);

  return (
    <div className="layout-search">
      <form className="searchbar" role="search" onSubmit={submit}>
        <label htmlFor={ids.q} className="sr-only">{t("search.label")}</label>
        <input id={ids.q} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("search.placeholder")} autoFocus dir="auto" />
        <button type="submit" className="primary">{t("search.submit")}</button>
      </form>
      <div className="search-body">
        <aside className="filters card" aria-label={t("filters.title")}>
          <h2>{t("filters.title")}</h2>
          <form onSubmit={submit}>
            <div className="field-row">
              <div className="field">
                <label htmlFor={ids.from}>{t("filters.from")}</label>
                <input id={ids.from} type="date" value={current.from} onChange={(e) => set("from", e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor={ids.to}>{t("filters.to")}</label>
                <input id={ids.to} type="date" value={current.to} onChange={(e) => set("to", e.target.value)} />
              </div>
            </div>
            <div className="field">
              <label htmlFor={ids.outlet}>{t("filters.outlet")}</label>
              <select id={ids.outlet} value={current.outlet} onChange={(e) => set("outlet", e.target.value)}>
                <option value="">{t("filters.any")}</option>
                {current.outlet && !outlets.some((o) => o.outlet === current.outlet) ? <option value={current.outlet}>{current.outlet}</option> : null}
                {outlets.map((o) => <option key={o.outlet} value={o.outlet}>{`${o.outlet} (${num(o.articles)})`}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.entity}>{t("filters.entity")}</label>
              <input id={ids.entity} type="text" value={entity} onChange={(e) => setEntity(e.target.value)} onBlur={() => entity !== current.entity && set("entity", entity.trim())} placeholder={t("filters.entityHint")} dir="auto" />
            </div>
            <div className="field">
              <label htmlFor={ids.type}>{t("filters.type")}</label>
              <select id={ids.type} value={current.type} onChange={(e) => set("type", e.target.value)}>
                <option value="">{t("filters.any")}</option>
                {PLOVER_TYPE_CODES.map((c) => <option key={c} value={c}>{`${typeLabel(c)} (${c})`}</option>)}
              </select>
            </div>
            {anyFilter ? <button type="button" className="link" onClick={() => go({ q: current.q })}>{t("filters.clear")}</button> : null}
          </form>
        </aside>
        <section className="results" aria-live="polite" aria-busy={res.status === "loading"}>
          {res.status === "loading" ? <Loading /> : null}
          {res.status === "error" ? <ErrorState error={res.error} /> : null}
          {res.status === "ok" ? (
            <>
              <p className="count" data-testid="result-count">
                {current.q
                  ? t(res.data.total_exact ? "search.count" : "search.countMore", { n: res.data.total, q: current.q })
                  : t("search.latest", { n: res.data.total })}
              </p>
              {res.data.query.some((g) => g.length > 1) ? (
                <p className="variants small muted">
                  {t("search.variants")}{" "}
                  {res.data.query.filter((g) => g.length > 1).map((g, i) => (
                    <span key={i} className="variant-group reading" dir="rtl">{g.slice(1).join("، ")}</span>
                  ))}
                </p>
              ) : null}
              {res.data.results.length === 0 ? (
                !current.q && !anyFilter
                  ? <Empty>{t("search.emptyStore")} <a href={hrefOf({ view: "ingest" })}>{t("nav.ingest")}</a></Empty>
                  : <Empty>{t("search.none")}</Empty>
              ) : (
                <ol className="hits">
                  {res.data.results.map((h) => (
                    <li key={h.id} className="card hit">
                      <h3><a href={hrefOf({ view: "article", id: h.id })}>{h.title || t("article.untitled")}</a></h3>
                      <p className="meta">
                        {h.outlet ? <span>{h.outlet}</span> : null}
                        {h.published ? <time dateTime={h.published}>{date(h.published)}</time> : null}
                        {h.dup_of && h.dup_of !== h.id ? <a className="badge dup" href={hrefOf({ view: "article", id: h.dup_of })}>{t("search.copyOf")}</a> : null}
                      </p>
                      {h.snippet ? <p className="snippet reading"><Marked text={h.snippet} /></p> : null}
                    </li>
                  ))}
                </ol>
              )}
              <Pager total={res.data.total} limit={LIMIT} offset={offset} onPage={(o) => go({ ...current, offset: String(o) })} />
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}


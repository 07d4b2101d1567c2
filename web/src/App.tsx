/** The dashboard shell: header (views, store counts, language switch), the routed view, a skip link. */
import { Suspense, lazy, useEffect, useState } from "react";
import { api } from "./api";
import { useI18n } from "./i18n";
import { hrefOf, parseHash, type Route } from "./lib/route";
import { Loading } from "./components/common";
import { SearchView } from "./views/SearchView";

// The landing view (search) is in the main bundle; the others load on first use (smaller first load).
const ArticleView = lazy(() => import("./views/ArticleView").then((m) => ({ default: m.ArticleView })));
const EntityView = lazy(() => import("./views/EntityView").then((m) => ({ default: m.EntityView })));
const RelationshipView = lazy(() => import("./views/RelationshipView").then((m) => ({ default: m.RelationshipView })));
const IngestView = lazy(() => import("./views/IngestView").then((m) => ({ default: m.IngestView })));
import type { Stats } from "./types";

function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => {
      setRoute(parseHash(location.hash));
      window.scrollTo(0, 0);
    };
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return route;
}

function View({ route }: { route: Route }) {
  switch (route.view) {
    case "article": return <ArticleView key={route.id} id={route.id} />;
    case "entity": return <EntityView key={route.id} id={route.id} />;
    case "relationship": return <RelationshipView a={route.a} b={route.b} params={route.params} />;
    case "ingest": return <IngestView />;
    default: return <SearchView params={route.params} />;
  }
}

export function App() {
  const { t, lang, setLang, num } = useI18n();
  const route = useRoute();
  const [stats, setStats] = useState<Stats | null>(null);
  const [storedAt, setStoredAt] = useState(0);
  useEffect(() => {
    const on = () => setStoredAt(Date.now());
    window.addEventListener("rasd:stored", on);
    return () => window.removeEventListener("rasd:stored", on);
  }, []);
  useEffect(() => {
    const ac = new AbortController();
    api.stats(ac.signal).then(setStats, () => {});
    return () => ac.abort();
  }, [storedAt]);
  const nav: { view: Route["view"]; href: string; label: string }[] = [
    { view: "search", href: hrefOf({ view: "search" }), label: t("nav.search") },
    { view: "relationship", href: hrefOf({ view: "relationship", a: "", b: "", params: new URLSearchParams() }), label: t("nav.relationship") },
    { view: "ingest", href: hrefOf({ view: "ingest" }), label: t("nav.ingest") },
  ];
  return (
    <>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById("main")?.focus(); }}>{t("nav.skip")}</a>
      <header className="top">
        <a className="brand" href="#/search" aria-label={t("app.title")}>
          <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true"><rect width="32" height="32" rx="7" fill="currentColor" /><circle cx="16" cy="16" r="8" fill="none" stroke="#fff" strokeWidth="2.5" /><circle cx="16" cy="16" r="2.5" fill="#f2c14e" /></svg>
          <span>{t("app.name")}</span>
        </a>
        <nav aria-label={t("nav.label")}>
          <ul>
            {nav.map((n) => (
              <li key={n.view}><a href={n.href} aria-current={route.view === n.view ? "page" : undefined}>{n.label}</a></li>
            ))}
          </ul>
        </nav>
        {stats ? (
          <p className="store-stats" aria-label={t("stats.label")} data-testid="stats">
            {t("stats.line", { articles: num(stats.articles), events: num(stats.timeline), entities: num(stats.entities) })}
          </p>
        ) : <p className="store-stats" />}
        <button type="button" className="lang" onClick={() => setLang(lang === "ar" ? "en" : "ar")} lang={lang === "ar" ? "en" : "ar"} aria-label={t("lang.switch")}>
          {lang === "ar" ? "English" : "العربية"}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <View route={route} />
        </Suspense>
      </main>
      <footer className="foot muted small">{t("app.footer")}</footer>
    </>
  );
}

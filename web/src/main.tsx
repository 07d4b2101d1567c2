import "@fontsource/noto-naskh-arabic/400.css";
import "@fontsource/noto-naskh-arabic/700.css";
import "./styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { prefetch } from "./api";
import { parseHash } from "./lib/route";
import { searchRequest } from "./views/SearchView";
import { I18nProvider, applyLang, initialLang } from "./i18n";

applyLang(initialLang());
// First load: the landing view's data is requested before React's first render.
const first = parseHash(location.hash);
prefetch("/api/stats");
if (first.view === "search") {
  prefetch("/api/search", { ...searchRequest(first.params), highlight: "plain" });
  prefetch("/api/outlets", { limit: 200 });
}
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);

/**
 * Hash routes, so a reload or a shared link works without server rewrites:
 *   #/search?q=…&from=…   #/article/ID   #/entity/ID   #/relationship/RUS/PRK?type=…   #/ingest
 */
export type Route =
  | { view: "search"; params: URLSearchParams }
  | { view: "article"; id: string }
  | { view: "entity"; id: string }
  | { view: "relationship"; a: string; b: string; params: URLSearchParams }
  | { view: "ingest" };

const dec = (s: string | undefined): string => {
  if (!s) return "";
  try { return decodeURIComponent(s); } catch { return s; }
};

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#/, "");
  const qi = h.indexOf("?");
  const path = qi >= 0 ? h.slice(0, qi) : h;
  const params = new URLSearchParams(qi >= 0 ? h.slice(qi + 1) : "");
  const parts = path.split("/").filter(Boolean);
  switch (parts[0]) {
    case "article": if (parts[1]) return { view: "article", id: dec(parts[1]) }; break;
    case "entity": if (parts[1]) return { view: "entity", id: dec(parts[1]) }; break;
    case "relationship": return { view: "relationship", a: dec(parts[1]), b: dec(parts[2]), params };
    case "ingest": return { view: "ingest" };
  }
  return { view: "search", params };
}

const enc = encodeURIComponent;

/** Build a hash link. Empty params are left out. */
export function hrefOf(r: Route | { view: "search"; params?: Record<string, string | undefined> }): string {
  const qs = (p: URLSearchParams | Record<string, string | undefined> | undefined): string => {
    if (!p) return "";
    const u = new URLSearchParams();
    const entries = p instanceof URLSearchParams ? [...p.entries()] : Object.entries(p);
    for (const [k, v] of entries) if (v) u.set(k, v);
    const s = u.toString();
    return s ? `?${s}` : "";
  };
  switch (r.view) {
    case "article": return `#/article/${enc(r.id)}`;
    case "entity": return `#/entity/${enc(r.id)}`;
    case "relationship": return `#/relationship/${[r.a, r.b].filter(Boolean).map(enc).join("/")}${qs(r.params)}`;
    case "ingest": return "#/ingest";
    default: return `#/search${qs(r.params)}`;
  }
}

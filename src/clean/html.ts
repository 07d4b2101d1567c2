/**
 * HTML pages: metadata from the head (Open Graph, article:*, JSON-LD NewsArticle, <time>, canonical URL) and the
 * main content from Mozilla Readability run over a linkedom document. The content is turned into lines and then
 * goes through the same page cleaner as scraped text, which removes the furniture Readability keeps
 * (share lines, «اقرأ أيضا» blocks, tag lines, source lines inside the article body).
 */
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { parseMetaDate } from "./dates.js";

export interface HtmlMeta {
  title: string | null;
  published: string | null;
  authors: string[];
  outlet: string | null;
  url: string | null;
  keywords: string[];
}

export interface HtmlExtract {
  meta: HtmlMeta;
  /** Main content as text lines (block elements on lines of their own). */
  text: string;
  /** "readability" or "fallback-body" (Readability found no article). */
  method: string;
}

const ENTITIES: Record<string, string> = { quot: '"', amp: "&", apos: "'", lt: "<", gt: ">", nbsp: " ", laquo: "«", raquo: "»", hellip: "…", ndash: "–", mdash: "—", rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“" };

/** Decode the HTML entities that JSON-LD strings often still carry («&quot;…&quot;»). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const clean = (s: unknown): string | null => {
  if (typeof s !== "string") return null;
  const t = decodeEntities(s).replace(/\s+/gu, " ").trim();
  return t || null;
};

type Json = Record<string, unknown>;

/** All JSON-LD objects of the page, flattened (@graph, arrays). Broken JSON-LD is skipped. */
function jsonLd(doc: Document): Json[] {
  const out: Json[] = [];
  const visit = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(visit);
    else if (x && typeof x === "object") {
      out.push(x as Json);
      const g = (x as Json)["@graph"];
      if (g) visit(g);
    }
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const raw = (s.textContent ?? "").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, " ");
    try {
      visit(JSON.parse(raw));
    } catch {
      // Some sites put raw newlines inside strings: try once with them folded.
      try { visit(JSON.parse(raw.replace(/\s*\n\s*/g, " "))); } catch { /* unusable JSON-LD: ignore */ }
    }
  }
  return out;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage|OpinionNewsArticle|BackgroundNewsArticle)$/;

function typesOf(o: Json): string[] {
  const t = o["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
}

function names(v: unknown): string[] {
  if (!v) return [];
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === "string") return [v];
  if (typeof v === "object") { const n = clean((v as Json).name); return n ? [n] : []; }
  return [];
}

/** The site name after the last « | » of a <title> («Headline | بوابة الطاقة»), when it is short. */
function titleSuffix(title: string | null): string | null {
  if (!title) return null;
  const parts = title.split(/\s+[|｜]\s+/u);
  const last = parts.length > 1 ? parts[parts.length - 1].trim() : "";
  return last && last.split(/\s+/u).length <= 4 ? last : null;
}

/** Remove a site name glued to a <title>: «Headline - CNNArabic.com», «Headline | Site». */
export function stripSiteSuffix(title: string, site: string | null): string {
  const parts = title.split(/\s+[-|–—]\s+/u);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1];
  const looksLikeSite = (site && last.toLowerCase().includes(site.toLowerCase().slice(0, 5))) || /\.(com|net|org|tv|ae|sa|eg)\b/i.test(last) || /^[\p{Script=Latin}\s.]+$/u.test(last);
  return looksLikeSite ? parts.slice(0, -1).join(" - ") : title;
}

export function readMeta(doc: Document): HtmlMeta {
  const meta = new Map<string, string>();
  for (const m of doc.querySelectorAll("meta")) {
    const key = (m.getAttribute("property") || m.getAttribute("name") || m.getAttribute("itemprop") || "").toLowerCase();
    const content = m.getAttribute("content");
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  const ld = jsonLd(doc).filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)));
  const article = ld.find((o) => typesOf(o).some((t) => /NewsArticle|Article|BlogPosting/.test(t))) ?? ld[0] ?? {};

  const all = jsonLd(doc);
  const site = all.find((o) => typesOf(o).some((t) => t === "WebSite" || t === "NewsMediaOrganization" || t === "Organization"));
  const docTitleRaw = clean(doc.querySelector("title")?.textContent);
  const outlet = clean(meta.get("og:site_name")) ?? names(article.publisher)[0] ?? clean(meta.get("application-name"))
    ?? (site ? clean(site.name) : null) ?? titleSuffix(docTitleRaw) ?? null;
  const h1s = [...doc.querySelectorAll("h1")].map((h) => clean(h.textContent)).filter((x): x is string => !!x);
  const title = clean(meta.get("og:title")) ?? clean(article.headline) ?? clean(meta.get("twitter:title"))
    ?? (docTitleRaw ? stripSiteSuffix(docTitleRaw, outlet) : null) ?? (h1s.length === 1 ? h1s[0] : null);

  const timeEl = doc.querySelector("article time[datetime], time[datetime]");
  const published = parseMetaDate(clean(article.datePublished))
    ?? parseMetaDate(meta.get("article:published_time")) ?? parseMetaDate(meta.get("datepublished"))
    ?? parseMetaDate(meta.get("og:published_time")) ?? parseMetaDate(meta.get("pubdate")) ?? parseMetaDate(meta.get("publishdate"))
    ?? parseMetaDate(meta.get("date")) ?? parseMetaDate(meta.get("dc.date.issued")) ?? parseMetaDate(meta.get("dc.date"))
    ?? parseMetaDate(timeEl?.getAttribute("datetime")) ?? null;

  const authorNames = [...names(article.author), ...(meta.get("author") ? [meta.get("author")!] : []),
    ...(meta.get("article:author") && !/^https?:/.test(meta.get("article:author")!) ? [meta.get("article:author")!] : [])]
    .map((a) => clean(a)).filter((a): a is string => !!a);
  // An "author" that is the outlet itself (its name, a prefix of it, or its social handle) is not a byline.
  const handle = (meta.get("twitter:site") ?? "").replace(/^@/, "").toLowerCase();
  const isOutlet = (a: string) => { const x = a.toLowerCase(), o = (outlet ?? "").toLowerCase(); return !!o && (x === o || o.startsWith(x) || x.startsWith(o)) || x === handle; };
  const authors = [...new Set(authorNames)].filter((a) => !isOutlet(a))
    .filter((a) => !names(article.publisher).some((p) => p.toLowerCase() === a.toLowerCase()));

  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta.get("og:url") ?? null;
  const kw = [meta.get("news_keywords"), meta.get("keywords"), ...[...doc.querySelectorAll('meta[property="article:tag"]')].map((m) => m.getAttribute("content"))]
    .filter((x): x is string => !!x).flatMap((x) => x.split(/\s*[,،]\s*/u)).map((x) => x.trim()).filter(Boolean);

  return { title, published, authors, outlet, url: canonical, keywords: [...new Set(kw)] };
}

const BLOCK = new Set(["P", "DIV", "SECTION", "ARTICLE", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "UL", "OL", "BLOCKQUOTE", "PRE", "TR", "TABLE", "HEADER", "FOOTER", "MAIN", "DL", "DT", "DD", "ASIDE", "NAV"]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "IFRAME", "FIGURE", "FIGCAPTION", "BUTTON", "FORM", "SELECT", "TEXTAREA", "SVG", "CANVAS", "VIDEO", "AUDIO", "TEMPLATE", "INPUT"]);

/** Block-aware text of an element: each block on its own line, inline whitespace folded. */
export function blockText(root: Node): string {
  const out: string[] = [];
  let cur = "";
  const flush = () => { const t = cur.replace(/\s+/gu, " ").trim(); if (t) out.push(t); cur = ""; };
  const walk = (n: Node) => {
    if (n.nodeType === 3) { cur += n.nodeValue ?? ""; return; }
    if (n.nodeType !== 1) return;
    const tag = (n as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === "BR") { flush(); return; }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const c of Array.from(n.childNodes)) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return out.join("\n");
}

export function extractHtml(html: string): HtmlExtract {
  // linkedom needs a root element: a fragment or a truncated page is wrapped so it always has one.
  if (!/<html[\s>]/i.test(html)) html = `<!doctype html><html><head></head><body>${html}</body></html>`;
  try {
    return extractParsed(html);
  } catch {
    // A page the parser cannot handle at all: keep its text, lose nothing.
    const text = html.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]+>/g, "\n");
    return { meta: { title: null, published: null, authors: [], outlet: null, url: null, keywords: [] }, text: decodeEntities(text), method: "tag-strip" };
  }
}

/**
 * Scripts (other than JSON-LD metadata), styles, SVG drawings and comments carry no article text; news pages are
 * often half made of them. Dropping them before parsing makes the DOM, and the garbage it leaves, much smaller.
 */
export function dropInertMarkup(html: string): string {
  return html
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, "")
    .replace(/<(style|svg|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "");
}

function extractParsed(html: string): HtmlExtract {
  html = dropInertMarkup(html);
  const { document } = parseHTML(html);
  const meta = readMeta(document as unknown as Document);
  let text = "";
  let method = "readability";
  try {
    // The serializer hands back the content element itself: no serialization to HTML and second parse.
    const article = new Readability<Node>(document as unknown as Document, { charThreshold: 200, serializer: (n) => n }).parse();
    if (article?.content) text = blockText(article.content);
  } catch {
    text = "";
  }
  if (text.trim().length < 100) {
    // Readability found nothing usable (a very short page or an unusual layout): take the body without chrome.
    method = "fallback-body";
    const { document: d2 } = parseHTML(html);
    for (const sel of ["nav", "header", "footer", "aside", "script", "style", "form"]) d2.querySelectorAll(sel).forEach((e: Element) => e.remove());
    text = d2.body ? blockText(d2.body as unknown as Node) : "";
  }
  return { meta, text, method };
}

/**
 * The clean stage: a decoded page (text or HTML) → title, publication date, outlet, authors, credited sources,
 * dateline, keywords, clean body paragraphs and the unrelated stories appended to the page.
 */
import type { InputDoc } from "../ingest/types.js";
import { extractHtml } from "./html.js";
import { cleanLines, type CleanPage } from "./page.js";
import { parseMetaDate } from "./dates.js";

export type { CleanPage, PageHints } from "./page.js";
export { cleanLines } from "./page.js";
export { extractHtml, readMeta, blockText, decodeEntities } from "./html.js";
export { validateCleanLexicon, loadCleanLexicon } from "./lexicon.js";

export interface CleanArticle extends CleanPage {
  url: string | null;
}

/**
 * rule url-date: a date in the page address («/2024/06/14/», «/2013/middle_east/8/3/»): news sites put the
 * publication day there, which beats a date line that may be the site's clock or a last-update stamp.
 */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = /\/((?:19|20)\d\d)\/(?:[a-z_-]+\/)?(\d{1,2})\/(\d{1,2})(?:\/|$)/i.exec(url) ?? /[/_-]((?:19|20)\d\d)-(\d{2})-(\d{2})(?:[/_.-]|$)/.exec(url);
  if (!m) return null;
  const y = +m[1], mo = +m[2], d = +m[3];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Clean one document. Explicit metadata given with the input (JSON fields) wins over what the page says. */
export function cleanDocument(doc: InputDoc): CleanArticle {
  const givenPublished = parseMetaDate(doc.published);
  if (doc.html != null) {
    const { meta, text } = extractHtml(doc.html);
    const url = doc.url ?? meta.url;
    const page = cleanLines(text, {
      title: doc.title ?? meta.title,
      published: givenPublished ?? meta.published ?? dateFromUrl(url),
      outlet: meta.outlet,
      authors: meta.authors,
      fromHtml: true,
    });
    return { ...page, keywords: [...new Set([...meta.keywords, ...page.keywords])], url };
  }
  // the page is a fresh object: completing it in place gives the same fields in the same order as a spread copy
  const page = cleanLines(doc.text ?? "", { title: doc.title, published: givenPublished }) as CleanArticle;
  page.published = page.published ?? dateFromUrl(doc.url);
  page.url = doc.url;
  return page;
}

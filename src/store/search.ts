/**
 * Query side of the Arabic-aware search: a user query → an FTS5 MATCH expression over the store's index
 * (normalized tokens with inline clitic stems, plus transliteration keys), with name-variant expansion
 * from the knowledge base and from the spellings the store has seen for each entity; and highlighted snippets.
 *
 * Query language: words are ANDed; "quoted" or «quoted» text is a phrase; a leading - excludes a word.
 * A word or phrase that names an entity (KB alias, or a spelling linked to an entity in stored articles) is
 * expanded to all its spellings; every word of 4+ letters also matches by transliteration key.
 */
import { loadKb } from "../kb/index.js";
import { isStopword, normalizeArabic, tokenInfo, tokensOf, tokensWithOffsets, translitKey } from "./arabic.js";
import type { ArticleFilters, ArticleSummary } from "./store.js";

export interface SearchOptions extends ArticleFilters {
  /** [open, close] markers around matched words in snippets; default ["<mark>", "</mark>"] */
  highlight?: [string, string];
  /** turn off name-variant expansion (KB, seen spellings, transliteration keys) */
  exact?: boolean;
}

export interface SearchHit extends ArticleSummary {
  snippet: string;
  score: number;
}

export interface SearchResponse {
  /** number of matching articles, exact unless total_exact is false (then a lower bound: COUNT_CAP) */
  total: number;
  total_exact?: boolean;
  /** the query as understood: groups of alternatives */
  query: string[][];
  results: SearchHit[];
}

/** What the snippet maker needs: normalized words and keys to highlight. */
export interface SearchPlan {
  match: string | null;
  describe: string[][];
  /** single-word alternatives (normalized) */
  words: Set<string>;
  /** transliteration keys of single-word alternatives and of joined two-word names */
  keys: Set<string>;
  /** multi-word alternatives: highlighted only where their words appear in sequence */
  phrases: string[][];
  /** whether keys may match (variant expansion on) */
  expand: boolean;
}

/** A store that can tell spellings of entities it has seen (Store implements it). */
export interface VariantSource {
  spellingVariants(norm: string, limit?: number): string[];
}

const MAX_ALTERNATIVES = 24;
const MAX_SPAN = 4;

// ───────────── knowledge-base variant index (normalized phrase → all forms of the entries) ─────────────
let kbIndex: Map<string, string[]> | null = null;

/**
 * Rule `kb-variants`: names and aliases of KB entries, grouped per entry, keyed by every normalized form.
 * Short forms of persons («بوتين») are keys and variants too when no other entry claims them («كيم» is shared).
 */
export function kbVariantIndex(): Map<string, string[]> {
  if (kbIndex) return kbIndex;
  const index = new Map<string, string[]>();
  const norm = (f: string) => tokensOf(normalizeArabic(f)).join(" ");
  try {
    const kb = loadKb({ userLayer: true });
    const shortOwners = new Map<string, number>();
    for (const e of kb.entries) for (const sh of new Set((e.short ?? []).map(norm))) shortOwners.set(sh, (shortOwners.get(sh) ?? 0) + 1);
    for (const e of kb.entries) {
      const forms = [e.name?.ar, ...(e.aliases ?? [])].filter((x): x is string => !!x).map(norm);
      const shorts = (e.short ?? []).map(norm).filter((sh) => shortOwners.get(sh) === 1);
      const norms = [...new Set([...forms, ...shorts].filter(Boolean))];
      if (norms.length < 2) continue;
      for (const n of norms) {
        const prev = index.get(n);
        index.set(n, prev ? [...new Set([...prev, ...norms])] : norms);
      }
    }
  } catch {
    // KB unavailable: search still works with seen spellings and transliteration keys.
  }
  kbIndex = index;
  return index;
}

/** Set a variant index directly (tests, or a KB loaded elsewhere). */
export function setKbVariantIndex(groups: string[][] | null): void {
  if (groups === null) { kbIndex = null; return; }
  kbIndex = new Map();
  for (const g of groups) {
    const norms = [...new Set(g.map((f) => tokensOf(normalizeArabic(f)).join(" ")))];
    for (const n of norms) kbIndex.set(n, [...new Set([...(kbIndex.get(n) ?? []), ...norms])]);
  }
}

const q = (t: string): string => `"${t.replace(/"/g, '""')}"`;

/** One alternative (a normalized phrase) as an FTS5 expression, with its transliteration-key forms. */
function altExpr(tokens: string[], useKeys: boolean): string[] {
  const out: string[] = [];
  if (tokens.length === 1) out.push(`{title body} : ${q(tokens[0]!)}`);
  else out.push(`{title body} : NEAR(${tokens.map(q).join(" ")}, ${2 * (tokens.length - 1)})`);
  if (useKeys) {
    const keys = tokens.map((t) => translitKey(t));
    if (tokens.length === 1 && keys[0]) out.push(`keys : ${q("k" + keys[0])}`);
    if (tokens.length > 1) {
      // Rule `translit-pair` (query side): a two-word name also matches its joined spelling and vice versa.
      if (tokens.length === 2) {
        const jk = translitKey(tokens.join(""));
        if (jk) out.push(`keys : ${q("k" + jk)}`);
      }
      // Keys are indexed as a set: a name whose words all have keys matches when all the keys are present.
      if (keys.every(Boolean)) out.push(`keys : (${keys.map((k) => q("k" + k)).join(" AND ")})`);
    }
  }
  return out;
}

interface Part { tokens: string[]; phrase: boolean; negated: boolean }

/** Split the raw query into quoted phrases and words. */
function parseQuery(raw: string): Part[] {
  const parts: Part[] = [];
  const re = /(-?)(?:"([^"]+)"|«([^»]+)»|(\S+))/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const text = m[2] ?? m[3] ?? m[4] ?? "";
    const tokens = tokensOf(normalizeArabic(text));
    if (!tokens.length) continue;
    const phrase = m[2] !== undefined || m[3] !== undefined;
    if (phrase) parts.push({ tokens, phrase: true, negated: m[1] === "-" });
    else for (const t of tokens) parts.push({ tokens: [t], phrase: false, negated: m[1] === "-" });
  }
  return parts;
}

/** Variant forms (normalized phrases) of a normalized phrase, from the KB and the store's seen spellings. */
function variantsOf(phrase: string, store: VariantSource | null): string[] {
  const out = new Set<string>();
  for (const v of kbVariantIndex().get(phrase) ?? []) out.add(v);
  if (store) for (const s of store.spellingVariants(phrase)) out.add(tokensOf(normalizeArabic(s)).join(" "));
  out.delete("");
  return [...out];
}

/** Build the MATCH expression for a query. */
export function buildSearch(store: VariantSource | null, raw: string, opts: { exact?: boolean } = {}): SearchPlan {
  const parts = parseQuery(raw ?? "");
  const expand = !opts.exact;
  const groups: { alts: string[][]; negated: boolean }[] = [];
  // Plain words between phrases: find the longest spans that name an entity (up to MAX_SPAN words).
  let i = 0;
  while (i < parts.length) {
    const p = parts[i]!;
    if (p.phrase || p.negated || !expand) {
      const alts = expand && !p.negated ? [p.tokens, ...variantsOf(p.tokens.join(" "), store).map((v) => v.split(" "))] : [p.tokens];
      groups.push({ alts: dedupeAlts(alts), negated: p.negated });
      i++;
      continue;
    }
    let matched = false;
    for (let n = Math.min(MAX_SPAN, parts.length - i); n >= 1; n--) {
      const span = parts.slice(i, i + n);
      if (span.some((s) => s.phrase || s.negated)) continue;
      const phrase = span.map((s) => s.tokens[0]).join(" ");
      const vars = variantsOf(phrase, store);
      if (vars.length === 0 && n > 1) {
        // Rule `translit-pair`: two words that may be one name written apart («بيونغ يانغ»): keep as a phrase group.
        continue;
      }
      if (vars.length || n === 1) {
        groups.push({ alts: dedupeAlts([phrase.split(" "), ...vars.map((v) => v.split(" "))]), negated: false });
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) i++;
  }
  // Stopwords alone add nothing but cost: drop single-stopword groups when other groups exist.
  const content = groups.filter((g) => !(g.alts.length === 1 && g.alts[0]!.length === 1 && isStopword(g.alts[0]![0]!)));
  const used = content.some((g) => !g.negated) ? content : groups;
  const positive = used.filter((g) => !g.negated);
  if (positive.length === 0) return { match: null, describe: [], words: new Set(), keys: new Set(), phrases: [], expand };

  const exprs: string[] = [];
  const words = new Set<string>();
  const keys = new Set<string>();
  const phrases: string[][] = [];
  // Adjacent single words with no variants may be one name split differently: also try their joined key.
  for (let g = 0; g < used.length; g++) {
    const grp = used[g]!;
    const alts = grp.alts.slice(0, MAX_ALTERNATIVES);
    for (const a of alts) {
      if (grp.negated) continue;
      if (a.length > 1) {
        phrases.push(a);
        const jk = expand && a.length === 2 ? translitKey(a.join("")) : null;
        if (jk) keys.add(jk);
        continue;
      }
      words.add(a[0]!);
      const k = expand ? translitKey(a[0]!) : null;
      if (k) keys.add(k);
    }
    const ors = [...new Set(alts.flatMap((a) => altExpr(a, expand && !grp.negated)))];
    let e = ors.length > 1 ? `(${ors.join(" OR ")})` : ors[0]!;
    const next = used[g + 1];
    if (expand && !grp.negated && next && !next.negated && alts.length === 1 && next.alts.length === 1 &&
        alts[0]!.length === 1 && next.alts[0]!.length === 1) {
      const jk = translitKey(alts[0]![0]! + next.alts[0]![0]!);
      if (jk) {
        keys.add(jk);
        const nextOrs = [...new Set(altExpr(next.alts[0]!, true))];
        const nextE = nextOrs.length > 1 ? `(${nextOrs.join(" OR ")})` : nextOrs[0]!;
        exprs.push(`((${e} AND ${nextE}) OR keys : ${q("k" + jk)})`);
        g++;
        continue;
      }
    }
    if (grp.negated) e = `NOT ${e}`;
    exprs.push(e);
  }
  // FTS5 NOT is binary: "a NOT b". Put negations after the positives.
  const pos = exprs.filter((e) => !e.startsWith("NOT ")), neg = exprs.filter((e) => e.startsWith("NOT "));
  const match = pos.join(" AND ") + (neg.length ? " " + neg.join(" ") : "");
  return { match, describe: used.map((g) => g.alts.map((a) => a.join(" "))), words, keys, phrases, expand };
}

/**
 * Distinct alternatives, without those subsumed by another (rule `prune-subsumed`): «فلاديمير بوتين» adds no
 * match when «بوتين» is an alternative too (every article with the first has the second).
 */
function dedupeAlts(alts: string[][]): string[][] {
  const seen = new Set<string>();
  const uniq = alts.filter((a) => {
    const k = a.join(" ");
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return uniq.filter((a, i) => !uniq.some((b, j) => j !== i && b.length < a.length && b.every((t) => a.includes(t))));
}

/**
 * A snippet of the body around the densest cluster of matched words, the words wrapped in highlight markers.
 * A body word matches when its normalized form, one of its clitic stems or its transliteration key was searched.
 */
export function makeSnippet(body: string, plan: SearchPlan, highlight: [string, string] = ["<mark>", "</mark>"], width = 32): string {
  // Rule `snippet-lead`: the snippet comes from the article's lead (its first SNIPPET_LEAD_CHARS characters) when a
  // searched word occurs there, else from the whole body: most matches are in the lead, and scanning it is cheaper.
  if (body.length > SNIPPET_LEAD_CHARS) {
    const cut = body.lastIndexOf(" ", SNIPPET_LEAD_CHARS);
    const lead = snippetOf(body.slice(0, cut > 0 ? cut : SNIPPET_LEAD_CHARS), plan, highlight, width, true);
    if (lead !== null) return lead;
  }
  return snippetOf(body, plan, highlight, width, false) ?? "";
}

const SNIPPET_LEAD_CHARS = 1500;

/** The snippet of `body`; with `needHit` (body is a lead), null when no word of it matches (the caller tries more). */
function snippetOf(body: string, plan: SearchPlan, highlight: [string, string], width: number, needHit: boolean): string | null {
  const toks = tokensWithOffsets(body);
  if (toks.length === 0) return needHit ? null : "";
  const keyOf = (w: string) => (plan.expand ? translitKey(w) : null);
  const infos = toks.map((t) => tokenInfo(t.norm));
  const phrases = plan.phrases.map((p) => p.map((w) => ({ w, key: keyOf(w) })));
  const matchesWord = (i: number, target: { w: string; key: string | null }): boolean => {
    const norm = toks[i]!.norm, info = infos[i]!;
    if (norm === target.w || info.stems.includes(target.w)) return true;
    return plan.expand && !!info.key && info.key === target.key;
  };
  const hit = toks.map((t, i) => {
    if (plan.words.has(t.norm)) return true;
    const info = infos[i]!;
    if (info.stems.some((s) => plan.words.has(s))) return true;
    const k = plan.keys.size && plan.expand ? info.key : null;
    return !!k && plan.keys.has(k);
  });
  // Multi-word alternatives, in sequence; and a name written apart that was searched joined («بيونغ يانغ»).
  for (let i = 0; i < toks.length; i++) {
    for (const p of phrases) {
      if (i + p.length > toks.length) continue;
      if (p.every((w, j) => matchesWord(i + j, w))) for (let j = 0; j < p.length; j++) hit[i + j] = true;
    }
    // Only pairs the index keys joined (isPairToken): most adjacent words need no key computation.
    if (plan.keys.size && i + 1 < toks.length && infos[i]!.pair && infos[i + 1]!.pair) {
      const pk = keyOf(toks[i]!.norm + toks[i + 1]!.norm);
      if (pk && plan.keys.has(pk)) hit[i] = hit[i + 1] = true;
    }
  }
  if (needHit && !hit.includes(true)) return null;
  let bestStart = 0, bestN = -1, n = 0;
  for (let i = 0; i < toks.length; i++) {
    if (hit[i]) n++;
    if (i >= width && hit[i - width]) n--;
    if (n > bestN) { bestN = n; bestStart = Math.max(0, i - width + 1); }
  }
  // Centre the window a little before the first hit in it.
  const firstHit = hit.findIndex((h, i) => h && i >= bestStart);
  if (firstHit >= 0) bestStart = Math.max(0, Math.min(bestStart, firstHit - 6));
  const end = Math.min(toks.length, bestStart + width);
  let out = "";
  let pos = toks[bestStart]!.start;
  // Adjacent matched words separated by spaces only are one highlighted span («بيونج يانج»).
  const joins = (i: number): boolean => i + 1 < end && hit[i + 1]! && /^[ \u00a0]+$/.test(body.slice(toks[i]!.end, toks[i + 1]!.start));
  for (let i = bestStart; i < end; i++) {
    const t = toks[i]!;
    out += body.slice(pos, t.start);
    const open = hit[i] && !(i > bestStart && hit[i - 1] && joins(i - 1));
    out += (open ? highlight[0] : "") + body.slice(t.start, t.end) + (hit[i] && !joins(i) ? highlight[1] : "");
    pos = t.end;
  }
  const prefix = bestStart > 0 ? "… " : "";
  const suffix = end < toks.length || needHit ? " …" : ""; // needHit: `body` is the lead, more text follows
  return (prefix + out + suffix).replace(/\s+/g, " ").trim();
}

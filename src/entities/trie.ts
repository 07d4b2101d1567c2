/**
 * A trie over normalized word tokens: the multi-pattern matcher of the linker (one walk per start position, no loop
 * over aliases). The first token of a match may carry proclitics («وروسيا», «للولايات», «بالصين»): every
 * segmentation from `cliticVariants` is tried and the longest match wins (the unsegmented token on ties).
 */
import { cliticVariants, normalizeForMatch, tokenize } from "../text/index.js";

export interface TrieNode<T> {
  /** children by next word; an empty shared map for leaves (allocated on first child) */
  next: Map<string, TrieNode<T>>;
  hits: T[] | null;
}

const NO_CHILDREN = new Map<string, never>();

/** A match of the trie on a word sequence. */
export interface TrieMatch<T> {
  /** index of the first word */
  from: number;
  /** index after the last word */
  to: number;
  hits: T[];
  /** normalized chars to skip at the start of the first word (the clitic prefix as written) */
  skip: number;
  prefix: string;
}

/** The word tokens of a phrase (normalized; punctuation dropped: «كوفيد-19» → كوفيد 19). */
export function phraseWords(phrase: string): string[] {
  return tokenize(normalizeForMatch(phrase))
    .filter((t) => t.kind !== "punct")
    .map((t) => t.norm);
}

/** One reading of a word as the first word of a match (see `TokenTrie.startsOf`): the node after it, the clitic
 * prefix as written, the normalized chars to skip, and whether the reading drops the article. */
export interface TrieStart<T> {
  node: TrieNode<T>;
  prefix: string;
  skip: number;
  articleStripped: boolean;
}

export class TokenTrie<T> {
  readonly root: TrieNode<T> = { next: new Map(), hits: null };
  size = 0;

  /** Add a phrase (raw text: it is normalized and tokenized here). Returns false for an empty phrase. */
  add(phrase: string, hit: T): boolean {
    return this.addWords(phraseWords(phrase), hit);
  }

  addWords(words: string[], hit: T): boolean {
    if (words.length === 0) return false;
    let node = this.root;
    for (const w of words) {
      let nx = node.next.get(w);
      if (!nx) {
        nx = { next: NO_CHILDREN, hits: null };
        if (node.next === NO_CHILDREN) node.next = new Map();
        node.next.set(w, nx);
      }
      node = nx;
    }
    if (!node.hits) node.hits = [];
    if (!node.hits.includes(hit)) node.hits.push(hit);
    this.size++;
    return true;
  }

  /**
   * Longest match starting at word `i` of `words` (normalized forms; null = a barrier such as punctuation).
   * With `clitics`, the first word may be a clitic-prefixed form; "noArticle" also refuses the variants that drop
   * the article («الوكالة» is not the cue «وكالة»: cue and title lists spell their definite forms themselves).
   */
  matchAt(words: (string | null)[], i: number, clitics: boolean | "noArticle" = true): TrieMatch<T> | null {
    const first = words[i];
    if (first == null) return null;
    if (!clitics) return this.walk(words, i, first, "", 0, null);
    let best: TrieMatch<T> | null = null;
    for (const v of cliticVariants(first)) {
      if (clitics === "noArticle" && "articleStripped" in v && v.articleStripped) continue;
      best = this.walk(words, i, v.stem, v.prefix, v.offset, best);
    }
    return best;
  }

  /**
   * The readings of `word` (its clitic segmentations, in `cliticVariants` order) that start a phrase of the trie,
   * or null when none does. Depends only on the word: callers keep them per distinct word (see kbindex wordInfo)
   * and match with `matchFrom`, without segmenting the word and looking up the root again at every occurrence.
   */
  startsOf(word: string): TrieStart<T>[] | null {
    let out: TrieStart<T>[] | null = null;
    for (const v of cliticVariants(word)) {
      const node = this.root.next.get(v.stem);
      if (node) (out ??= []).push({ node, prefix: v.prefix, skip: v.offset, articleStripped: v.articleStripped === true });
    }
    return out;
  }

  /** matchAt(words, i, noArticle ? "noArticle" : true) from the readings of words[i] found by `startsOf`. */
  matchFrom(words: (string | null)[], i: number, starts: readonly TrieStart<T>[] | null, noArticle: boolean): TrieMatch<T> | null {
    if (starts === null || words[i] == null) return null;
    let best: TrieMatch<T> | null = null;
    for (let k = 0; k < starts.length; k++) {
      const s = starts[k]!;
      if (noArticle && s.articleStripped) continue;
      let node: TrieNode<T> | undefined = s.node;
      let j = i + 1;
      while (node) {
        if (node.hits && (!best || j > best.to)) best = { from: i, to: j, hits: node.hits, skip: s.skip, prefix: s.prefix };
        const w = words[j];
        if (w == null) break;
        node = node.next.get(w);
        j++;
      }
    }
    return best;
  }

  /** matchAt for one reading of the first word (`stem`): the longest match that beats `best` (else `best`). */
  private walk(words: (string | null)[], i: number, stem: string, prefix: string, skip: number, best: TrieMatch<T> | null): TrieMatch<T> | null {
    let node = this.root.next.get(stem);
    let j = i + 1;
    while (node) {
      if (node.hits && (!best || j > best.to)) best = { from: i, to: j, hits: node.hits, skip, prefix };
      const w = words[j];
      if (w == null) break;
      node = node.next.get(w);
      j++;
    }
    return best;
  }
}

/**
 * What the coder asks about each token of an article, answered once per article in one pass over its tokens.
 *
 * The sentence scans (triggers, clause starts, reporters, reporting verbs, KB phrases, sector nouns, status cues)
 * all ask the same few questions about a written word. Each distinct word is answered once per process (memo, by its
 * interned `norm`), and each token of an article costs one Map look-up: its answers are kept as bit flags in a typed
 * array, so a sentence scan reads one small integer per token and looks further only at the few tokens that matter.
 */
import type { Token } from "../text/index.js";
import { candidatesFor, type KbIndex, type PhraseEntry } from "./actors.js";
import { wordInfo, type Lexicon, type WordInfo } from "./lexicon.js";
import { prefixAllows, procliticSplits } from "./morph.js";

/** the token is a word (token kind) */
export const W_WORD = 1 << 0;
/** a trigger form (wordInfo.trig) of at least two letters */
export const W_TRIG = 1 << 1;
/** a reporting verb form (wordInfo.report) */
export const W_REPORT = 1 << 2;
/** an attribution word (wordInfo.attrib) */
export const W_ATTRIB = 1 << 3;
/** a complementizer (wordInfo.compl) */
export const W_COMPL = 1 << 4;
/** a light verb form (wordInfo.light) */
export const W_LIGHT = 1 << 5;
/** a KB phrase (nisba, metonym) may start here */
export const W_KB = 1 << 6;
/** a status cue phrase may start here */
export const W_STATUS = 1 << 7;
/** a sector noun phrase may start here */
export const W_SECTOR = 1 << 8;
/** a dyad anaphor («الجانبان», «للبلدين») */
export const W_DYAD = 1 << 9;
/** may be the object word of some trigger sense (matchesObject) */
export const W_OBJ = 1 << 10;
/** may open a subordinate clause: relative pronoun, «عندما», «بعد» (+ «أن») … (lexicon date cues, see dating.ts) */
export const W_CLAUSE = 1 << 11;
/** Flags of a token that is not a word (punctuation, number): its word facts are not looked up (no scan asks), and
 * the few questions asked about any token (status cues, light verbs, sense objects) are answered on demand. */
const NOT_WORD = W_STATUS | W_LIGHT | W_OBJ;

/** The answers for one written word (the same object for every token written so). */
class WordFacts {
  constructor(
    readonly info: WordInfo,
    /** KB phrases that may start at the word (candidatesFor) */
    readonly cands: PhraseEntry[],
    /** W_* flags, except W_WORD (a property of the token, not of the written word) */
    readonly flags: number,
    /** the proclitics of a dyad anaphor, else null */
    readonly dyadPrefix: string | null,
  ) {}
}

function wordFacts(lex: Lexicon, kbi: KbIndex, norm: string): WordFacts {
  const info = wordInfo(lex, norm);
  const cands = candidatesFor(kbi, norm);
  let flags = 0;
  if (info.trig && norm.length >= 2) flags |= W_TRIG;
  if (info.report) flags |= W_REPORT;
  if (info.attrib) flags |= W_ATTRIB;
  if (info.compl) flags |= W_COMPL;
  if (info.light) flags |= W_LIGHT;
  if (cands.length) flags |= W_KB;
  if (lex.statusIndex.mayStart(norm)) flags |= W_STATUS;
  if (lex.sectorIndex.mayStart(norm)) flags |= W_SECTOR;
  if (mayBeSenseObject(lex, norm)) flags |= W_OBJ;
  const dyadPrefix = dyadAnaphorPrefix(lex, norm);
  if (dyadPrefix !== null) flags |= W_DYAD;
  if (lex.cues.date.openers.has(norm)) flags |= W_CLAUSE;
  return new WordFacts(info, cands, flags, dyadPrefix);
}

/** Whether a written word may be the object of some trigger sense: one of their object forms, with proclitics a noun
 * takes (matchesObject answers for one sense). */
function mayBeSenseObject(lex: Lexicon, norm: string): boolean {
  const forms = senseObjectForms(lex);
  for (const sp of procliticSplits(norm)) if (forms.has(sp.stem) && prefixAllows(sp.prefix, "noun")) return true;
  return false;
}
const objectForms = new WeakMap<Lexicon, Set<string>>();
function senseObjectForms(lex: Lexicon): Set<string> {
  let s = objectForms.get(lex);
  if (!s) {
    s = new Set<string>();
    for (const forms of lex.senseForms.values()) for (const f of forms) s.add(f);
    objectForms.set(lex, s);
  }
  return s;
}

/** Rule: the proclitics of a dyad anaphor («الجانبان», «وللبلدين»), or null when the word is none. */
function dyadAnaphorPrefix(lex: Lexicon, norm: string): string | null {
  // cheap filter first: the anaphors are duals («…ان», «…ين»)
  if (!endsDual(norm)) return null;
  for (const sp of procliticSplits(norm)) {
    if (lex.cues.dyadAnaphors.has(sp.stem)) return sp.prefix;
    // «لل» + stem stands for «ال» + stem
    if (sp.prefix.endsWith("لل") && dyadAnaphorsAfterArticle(lex).has(sp.stem)) return sp.prefix;
  }
  return null;
}

/** «…ان» or «…ين» at the end of a word (the dual endings). */
function endsDual(n: string): boolean {
  const l = n.length;
  if (l < 2 || n.charCodeAt(l - 1) !== 0x646) return false; // ن
  const c = n.charCodeAt(l - 2);
  return c === 0x627 || c === 0x64a; // ا ي
}

/** The dyad anaphors written with the article, without it: the stems «لل» + stem stands for. */
const anaphorsAfterArticle = new WeakMap<Lexicon, Set<string>>();
function dyadAnaphorsAfterArticle(lex: Lexicon): Set<string> {
  let s = anaphorsAfterArticle.get(lex);
  if (!s) {
    s = new Set([...lex.cues.dyadAnaphors].filter((x) => x.startsWith("ال")).map((x) => x.slice(2)));
    anaphorsAfterArticle.set(lex, s);
  }
  return s;
}

/** Memo of word facts for one (lexicon, KB) pair; bounded like the other memos. */
class FactsMemo {
  readonly words = new Map<string, WordFacts>();
  constructor(readonly lex: Lexicon) {}
}
const memos = new WeakMap<KbIndex, FactsMemo>();
const MEMO_MAX = 200_000;

function memoFor(lex: Lexicon, kbi: KbIndex): Map<string, WordFacts> {
  let m = memos.get(kbi);
  if (m === undefined || m.lex !== lex) {
    m = new FactsMemo(lex);
    memos.set(kbi, m);
  }
  return m.words;
}

/**
 * The facts of every token of one article. The arrays are scratch space shared by all articles (the coder is
 * synchronous and codes one article at a time): a TokenFacts is valid until the next one is made.
 */
export class TokenFacts {
  /** W_* flags by token index */
  readonly flags: Uint16Array;
  private readonly words: (WordFacts | null)[];
  constructor(private readonly lex: Lexicon, kbi: KbIndex, private readonly tokens: readonly Token[]) {
    const n = tokens.length;
    const memo = memoFor(lex, kbi);
    if (scratchFlags.length < n) scratchFlags = new Uint16Array(Math.max(n, 2 * scratchFlags.length));
    const flags = scratchFlags;
    const words = scratchWords;
    if (words.length < n) words.length = n;
    const kbAt = scratchKbAt;
    kbAt.length = 0;
    for (let k = 0; k < n; k++) {
      const t = tokens[k]!;
      if (t.kind !== "word") {
        words[k] = null;
        flags[k] = NOT_WORD;
        continue;
      }
      let f = memo.get(t.norm);
      if (f === undefined) {
        f = wordFacts(lex, kbi, t.norm);
        if (memo.size > MEMO_MAX) memo.clear();
        memo.set(t.norm, f);
      }
      words[k] = f;
      flags[k] = f.flags | W_WORD;
      if ((f.flags & W_KB) !== 0) kbAt.push(k);
    }
    this.flags = flags;
    this.words = words;
    this.kbAt = kbAt;
  }
  /** the word tokens where a KB phrase may start (W_KB), in order */
  readonly kbAt: readonly number[];
  /** The index in `kbAt` of the first token at or after `lo`. */
  firstKbAt(lo: number): number {
    const l = this.kbAt;
    let a = 0, b = l.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (l[mid]! < lo) a = mid + 1; else b = mid;
    }
    return a;
  }
  /** Whether token k has every flag of `mask`. */
  all(k: number, mask: number): boolean {
    return (this.flags[k]! & mask) === mask;
  }
  /** The lexicon's facts about token k's word (wordInfo). */
  info(k: number): WordInfo {
    const f = this.words[k];
    return f ? f.info : wordInfo(this.lex, this.tokens[k]!.norm);
  }
  /** KB phrases that may start at word token k (candidatesFor). */
  cands(k: number): PhraseEntry[] {
    return this.words[k]!.cands;
  }
  /** The proclitics of the dyad anaphor at word token k (flag W_DYAD). */
  dyadPrefix(k: number): string | null {
    return this.words[k]!.dyadPrefix;
  }
}
let scratchFlags = new Uint16Array(1024);
const scratchWords: (WordFacts | null)[] = [];
const scratchKbAt: number[] = [];

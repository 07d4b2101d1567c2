/**
 * One analysis of an article body shared by the pipeline stages: the normalization (with its offset map), the
 * tokens and the sentence spans, computed once per article instead of once per stage. Every stage still accepts a
 * bare body and analyses it itself when no analysis is given (`analysisFor`), so each stays usable standalone.
 * Consumers treat the analysis as read-only: the token objects are shared between stages.
 */
import { normalize, normalizeKnown, type Normalized } from "./normalize.js";
import { tokenizeNormalized, type Token } from "./tokenize.js";
import { splitSentences, type Span } from "./sentences.js";

export interface TextAnalysis {
  /** the analysed text, exactly as given */
  readonly text: string;
  readonly norm: Normalized;
  /** shared between stages: never mutate */
  readonly tokens: Token[];
  readonly sentences: Span[];
}

/**
 * Normalize, tokenize and split `text` into sentences. `normText`, when the caller has it, must be
 * normalizeForMatch(text) (the cleaner's normalized body): it saves normalizing the text a second time.
 */
export function analyzeText(text: string, normText?: string): TextAnalysis {
  const norm = normText === undefined ? normalize(text) : normalizeKnown(text, normText);
  return { text, norm, tokens: tokenizeNormalized(text, norm), sentences: splitSentences(text) };
}

/** The given analysis when it is of `text` (checked: a stale analysis of another text is ignored), else a new one. */
export function analysisFor(text: string, given?: TextAnalysis | null): TextAnalysis {
  return given && given.text === text ? given : analyzeText(text);
}

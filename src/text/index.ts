/** The Arabic text core: normalization with offset map, tokens, clitics, transliteration keys, sentences. */
export { normalize, normalizeKnown, normalizeForMatch, collapseWhitespace, isJsSpace, mapSpan, isArabicLetter, isArabicDiacritic, type Normalized } from "./normalize.js";
export { tokenize, tokenizeNormalized, fnv, type Token, type TokenKind } from "./tokenize.js";
export { cliticVariants, stripLeadingClitics, type CliticVariant } from "./clitics.js";
export { translitKey, letterClass, VOWEL_DROP_MIN_LEN } from "./translit.js";
export { splitSentences, type Span } from "./sentences.js";
export { analyzeText, analysisFor, type TextAnalysis } from "./analysis.js";

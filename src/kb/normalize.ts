/**
 * Matching key for KB names, used for alias-collision checks, name lookup and the coverage script.
 * It folds exactly the letter-level variation the KB contract says authors must NOT write out as aliases:
 * diacritics and tatweel, hamza-carrier alifs (أ إ آ ٱ → ا), alif maqsura (ى → ي), ta marbuta (ة → ه),
 * plus Persian/Urdu letter forms (ی ک) and whitespace/underscore runs. Clitics are not stripped here.
 */
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g; // harakat, Quranic marks, tatweel
const FOLDS: Record<string, string> = {
  "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك",
};

export function normalizeKey(s: string): string {
  return s
    .normalize("NFC")
    .replace(DIACRITICS, "")
    .replace(/[أإآٱىیةک]/g, (c) => FOLDS[c] ?? c)
    .replace(/[«»"'“”‘’()]/g, "")
    .replace(/[\s_\u200c\u200d\u200f\u200e-]+/g, " ")
    .trim()
    .toLowerCase();
}

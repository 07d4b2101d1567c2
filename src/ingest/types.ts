/** A decoded input document: what the ingest stage hands to the cleaner. */
export interface InputDoc {
  /** File path the bytes came from, or null for stdin. */
  path: string | null;
  /** Display name: file name without extension (used for --out DIR/<name>.json); for JSONL lines "<file>#<line>". */
  name: string;
  url: string | null;
  /** Encoding the bytes were decoded from (e.g. "utf-8", "windows-1256"), or null when given as a JS string. */
  encoding: string | null;
  /** Explicit metadata given by the input (JSON/JSONL objects); null when not given. */
  title: string | null;
  published: string | null;
  /** Exactly one of html/text is set. */
  html: string | null;
  text: string | null;
}

/** An input that could not be read or decoded: reported, never fatal for a batch. */
export interface InputError {
  error: string;
  path: string | null;
  name: string;
}

export function isInputError(x: InputDoc | InputError): x is InputError {
  return (x as InputError).error !== undefined;
}

/**
 * Bytes → text. Order of evidence, strongest first:
 *   1. a byte-order mark (UTF-8, UTF-16 LE/BE);
 *   2. a charset declared by the container (HTML <meta charset>, http-equiv Content-Type, XML declaration);
 *   3. valid UTF-8 (strict decode succeeds);
 *   4. UTF-16 without BOM (NUL bytes in every other position);
 *   5. statistical detection by `chardet` restricted to encodings we can decode (windows-1256, ISO-8859-6, …).
 * Decoding itself uses the platform's WHATWG TextDecoder (Node's full ICU knows windows-1256 and iso-8859-6).
 * Binary input (NUL bytes, control characters) and undecodable input raise a DecodeError with a one-line message.
 */
import { analyse } from "chardet";

export class DecodeError extends Error {}

export interface Decoded {
  text: string;
  encoding: string;
}

/** Canonical names for the encodings we report; aliases map onto these. */
const CANONICAL: Record<string, string> = {
  "utf8": "utf-8", "utf-8": "utf-8", "unicode-1-1-utf-8": "utf-8",
  "utf-16": "utf-16le", "utf-16le": "utf-16le", "utf-16be": "utf-16be",
  "windows-1256": "windows-1256", "cp1256": "windows-1256", "x-cp1256": "windows-1256",
  "iso-8859-6": "iso-8859-6", "iso8859-6": "iso-8859-6", "arabic": "iso-8859-6", "iso-8859-6-i": "iso-8859-6",
  "iso-8859-6-e": "iso-8859-6", "asmo-708": "iso-8859-6", "ecma-114": "iso-8859-6",
  "windows-1252": "windows-1252", "iso-8859-1": "windows-1252", "latin1": "windows-1252", "us-ascii": "utf-8", "ascii": "utf-8",
};

function canonical(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, "");
  if (CANONICAL[l]) return CANONICAL[l];
  try {
    // Any other label the platform's TextDecoder knows is accepted as is.
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

/** Charset declared inside the first bytes of an HTML/XML document (read as ASCII). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return m ? canonical(m[1]) : null;
}

function bom(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", skip: 2 };
  return null;
}

/** UTF-16 without a BOM: most odd (LE) or even (BE) bytes of a mostly-BMP text are zero for Latin, or 0x06 for Arabic. */
function sniffUtf16(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 2048);
  if (n < 4) return null;
  let zeroOdd = 0, zeroEven = 0, arOdd = 0, arEven = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
    if (bytes[i] === 0x06) arEven++;
    if (bytes[i + 1] === 0x06) arOdd++;
  }
  const pairs = n / 2;
  if ((zeroOdd + arOdd) / pairs > 0.6 && zeroEven / pairs < 0.1) return "utf-16le";
  if ((zeroEven + arEven) / pairs > 0.6 && zeroOdd / pairs < 0.1) return "utf-16be";
  return null;
}

function decodeWith(bytes: Uint8Array, encoding: string, fatal: boolean): string {
  return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes);
}

/** Share of characters that should never appear in text (C0 controls other than tab/newline/CR, U+FFFD). */
function junkRatio(text: string): number {
  if (!text.length) return 0;
  let junk = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || c === 0x7f) junk++;
  }
  return junk / n;
}

const DETECTABLE = new Set(["utf-8", "utf-16le", "utf-16be", "windows-1256", "iso-8859-6", "windows-1252"]);

/**
 * Decode bytes to text. `what` names the input in error messages.
 * @throws DecodeError for binary or undecodable input.
 */
export function decodeBytes(bytes: Uint8Array, what: string, opts: { html?: boolean } = {}): Decoded {
  if (bytes.length === 0) return { text: "", encoding: "utf-8" };
  const b = bom(bytes);
  if (b) return finish(decodeWith(bytes.subarray(b.skip), b.encoding, false), b.encoding, what);

  const utf16 = sniffUtf16(bytes);
  if (utf16) return finish(decodeWith(bytes, utf16, false), utf16, what);

  if (bytes.includes(0)) throw new DecodeError(`${what}: binary data (NUL bytes), not a text or HTML page`);

  const declared = opts.html !== false ? declaredCharset(bytes) : null;
  if (declared && declared !== "utf-8") return finish(decodeWith(bytes, declared, false), declared, what);

  try {
    return finish(decodeWith(bytes, "utf-8", true), "utf-8", what);
  } catch {
    // Not valid UTF-8 (a page that declares UTF-8 but is not is common too): detect.
  }
  const candidates = analyse(bytes).map((m) => ({ enc: canonical(m.name), conf: m.confidence }));
  const best = candidates.find((c) => c.enc && DETECTABLE.has(c.enc) && c.enc !== "utf-8");
  // Arabic text that is not UTF-8 is far more often windows-1256 than Latin-1: prefer it when chardet is unsure.
  const enc = best && best.enc !== "windows-1252" ? best.enc! : "windows-1256";
  return finish(decodeWith(bytes, enc, false), enc, what);
}

function finish(text: string, encoding: string, what: string): Decoded {
  if (junkRatio(text) > 0.02) {
    throw new DecodeError(`${what}: cannot decode as text (${encoding} gives control characters): binary or corrupt input`);
  }
  return { text: text.replace(/^\uFEFF/, ""), encoding };
}

/**
 * Near-duplicate detection for syndicated copies (one wire story carried by several outlets, with its own
 * header, credit line or small edits).
 *
 * Rule `minhash-shingle3`: a 64-value MinHash signature over the word 3-shingles of the normalized body estimates
 * the Jaccard similarity of two bodies; copies are bodies with estimated Jaccard ≥ JACCARD_MIN. Candidates are found
 * with LSH: 16 bands of 4 values, each band hashed to one indexed integer (two bodies with Jaccard 0.6 share a band
 * with probability ≈ 0.89, with Jaccard 0.8 ≈ 0.9996). Bodies with very few shingles must be identical.
 */
import { normalizeArabic, tokensOf } from "./arabic.js";

export const NUM_HASHES = 64;
export const BANDS = 16;
export const ROWS = NUM_HASHES / BANDS;
export const JACCARD_MIN = 0.6;
/** Below this many shingles an estimate is too unstable: only identical signatures match. */
export const MIN_SHINGLES = 8;

function fnv32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** murmur3 finalizer of x mixed with a seed: one member of the hash family. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}


export interface Signature {
  sig: Uint32Array;
  shingles: number;
}

export function minhash(body: string): Signature {
  return minhashTokens(tokensOf(normalizeArabic(body)));
}

/** MinHash of normalized tokens (shingle hashes are combined from per-word hashes: no string building). */
export function minhashTokens(toks: string[]): Signature {
  const th = new Uint32Array(toks.length);
  for (let i = 0; i < toks.length; i++) th[i] = fnv32(toks[i]!);
  const base = new Set<number>();
  for (let i = 0; i + 2 < toks.length; i++) base.add(mix(mix(th[i]!, th[i + 1]!) ^ Math.imul(th[i + 2]!, 0x27d4eb2d), 0x165667b1));
  if (base.size === 0 && toks.length) base.add(fnv32(toks.join(" ")));
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  // Double hashing (h1 + k·h2) gives the NUM_HASHES functions from two mixes per shingle.
  for (const x of base) {
    const h1 = mix(x, 0x9e3779b9), h2 = mix(x, 0x85ebca6b) | 1;
    for (let k = 0; k < NUM_HASHES; k++) {
      const h = (h1 + Math.imul(k, h2)) >>> 0;
      if (h < sig[k]!) sig[k] = h;
    }
  }
  return { sig, shingles: base.size };
}

/** LSH band keys (integers, distinct per band position). */
export function bandKeys(s: Signature): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ s.sig[b * ROWS + r]!, 16777619);
    out.push(b * 2 ** 32 + (h >>> 0));
  }
  return out;
}

export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let eq = 0;
  for (let k = 0; k < NUM_HASHES; k++) if (a[k] === b[k]) eq++;
  return eq / NUM_HASHES;
}

export function isNearDuplicate(a: Signature, b: Signature): boolean {
  if (a.shingles < MIN_SHINGLES || b.shingles < MIN_SHINGLES) return estimateJaccard(a.sig, b.sig) === 1;
  return estimateJaccard(a.sig, b.sig) >= JACCARD_MIN;
}

export const sigToBuffer = (s: Uint32Array): Buffer => Buffer.from(s.buffer, s.byteOffset, s.byteLength);
export const sigFromBuffer = (b: Buffer): Uint32Array => new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

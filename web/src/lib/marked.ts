/**
 * Search snippets come from the API with private-use markers around matches (`highlight=plain`: U+E000 … U+E001).
 * They are split here into plain text pieces; the view renders each piece as a React text node, hits inside <mark>.
 * Nothing in a snippet is ever parsed as HTML.
 */
export const OPEN = "\uE000";
export const CLOSE = "\uE001";

export interface Piece {
  text: string;
  hit: boolean;
}

/** Split a marked snippet into pieces; unbalanced markers are tolerated (an open mark runs to the end). */
export function parseMarked(s: string): Piece[] {
  const out: Piece[] = [];
  let hit = false;
  let buf = "";
  const flush = () => {
    if (buf) out.push({ text: buf, hit });
    buf = "";
  };
  for (const ch of s) {
    if (ch === OPEN) { flush(); hit = true; } else if (ch === CLOSE) { flush(); hit = false; } else buf += ch;
  }
  flush();
  return out;
}

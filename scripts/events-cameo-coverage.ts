/**
 * Measures the trigger lexicon against the public Arabic CAMEO verb dictionary (UniversalPetrarch, MIT), read at
 * run time from the shared reference folder and never copied into the repository:
 *   node --import tsx scripts/events-cameo-coverage.ts [--dict PATH] [--missing N]
 * Reports how many of its verb lemmas our morphological generator produces (as a verb of our lexicon), and, for
 * verbs whose CAMEO block has an event code, how often our PLOVER type agrees with the CAMEO root mapped to PLOVER.
 */
import { readFileSync } from "node:fs";
import { normalizeForMatch } from "../src/text/index.js";
import { loadLexicon, lookupTrigger } from "../src/events/lexicon.js";

const args = process.argv.slice(2);
const opt = (k: string, d: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1]! : d; };
const dictPath = opt("--dict", "/work/shared/dictionaries/arabic/CAMEO.ar.0.5.txt");
const showMissing = Number(opt("--missing", "0"));

/** CAMEO root (first two digits) → PLOVER type (the usual CAMEO→PLOVER correspondence). */
const CAMEO_TO_PLOVER: Record<string, string> = {
  "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID", "08": "RETREAT",
  "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
  "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
};

const text = readFileSync(dictPath, "utf8");
const start = text.indexOf("####### VERB PATTERNS");
if (start < 0) throw new Error("no VERB PATTERNS section in " + dictPath);
// blocks: a header «--- X [code] ---», verb lemma lines, then pattern lines «- … [code]»
interface Block { verbs: string[]; roots: Set<string> }
const blocks: Block[] = [];
let cur: Block | null = null;
for (const raw of text.slice(start).split("\n").slice(1)) {
  const line = raw.trim();
  if (!line || line.startsWith("#")) continue;
  const head = /^---\s+\S+\s+\[([^\]]*)\]\s+---/.exec(line);
  if (head) {
    cur = { verbs: [], roots: new Set() };
    blocks.push(cur);
    if (/^\d+$/.test(head[1]!)) cur.roots.add(head[1]!.padStart(3, "0").slice(0, 2));
    continue;
  }
  if (!cur) continue;
  if (line.startsWith("-")) {
    for (const m of line.matchAll(/\[(\d{2,4})\]/g)) cur.roots.add(m[1]!.padStart(3, "0").slice(0, 2));
    continue;
  }
  const lemma = line.split(/\s+#|\s+/)[0]!.split("+")[0]!;
  if (lemma) cur.verbs.push(normalizeForMatch(lemma));
}
const verbs = new Map<string, Set<string>>(); // normalized lemma → CAMEO roots of its blocks
for (const b of blocks) for (const v of b.verbs) {
  const s = verbs.get(v) ?? new Set<string>();
  for (const r of b.roots) s.add(r);
  verbs.set(v, s);
}

const lex = loadLexicon();
let covered = 0, coded = 0, codedCovered = 0, agree = 0;
const missing: string[] = [];
for (const [v, roots] of verbs) {
  const hit = lookupTrigger(lex, v);
  const isVerb = !!hit && hit.hit.kind === "past" && hit.prefix === "";
  if (isVerb) covered++;
  else missing.push(v);
  const mapped = new Set([...roots].map((r) => CAMEO_TO_PLOVER[r]).filter(Boolean));
  if (mapped.size) {
    coded++;
    if (isVerb) {
      codedCovered++;
      const def = hit!.hit.def;
      const ours = [def.type, ...def.senses.map((s) => s.type)];
      if (ours.some((t) => t && mapped.has(t))) agree++;
    }
  }
}
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : "0.0") + "%";
console.log(`CAMEO verb lemmas: ${verbs.size}; produced by our generator as lexicon verbs: ${covered} (${pct(covered, verbs.size)})`);
console.log(`lemmas in blocks with an event code: ${coded}; covered: ${codedCovered} (${pct(codedCovered, coded)}); `
  + `our type is among the block's CAMEO roots→PLOVER: ${agree} of ${codedCovered} (${pct(agree, codedCovered)})`);
console.log(`our lexicon: ${lex.triggers.filter((t) => t.pos === "verb").length} verb lemmas, ${lex.triggers.filter((t) => t.pos === "noun").length} noun entries, ${lex.index.size} generated forms`);
if (showMissing) console.log("not covered (sample):", missing.slice(0, showMissing).join(" "));

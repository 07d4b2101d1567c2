/**
 * Events: PLOVER coding of Arabic sentences, with status, date, source, target, location, reported_by and evidence.
 * Triggers and cues are data (`data/events/`); see code.ts for the argument rules and status.ts for status/date.
 */
import type { Entity, Event, TimeExpr } from "../record.js";
import type { TextAnalysis } from "../text/index.js";
import { loadKb } from "../kb/index.js";
import type { EventKb } from "./actors.js";
import { codeEventsWith } from "./code.js";
import { loadLexicon } from "./lexicon.js";

export type { EventKb, EventKbEntry } from "./actors.js";
export { loadLexicon } from "./lexicon.js";
export { verbForms, nounForms, pastForms, presentForms, withProclitics } from "./morph.js";

export interface CodeEventsInput {
  body: string;
  published: string | null;
  entities: Entity[];
  times: TimeExpr[];
  /** the body's shared text analysis, when the pipeline already has it (see src/text/analysis.ts) */
  text?: TextAnalysis | null;
}

let defaultKb: EventKb | null | undefined;

function kbOrDefault(kb: EventKb | null | undefined): EventKb | null {
  if (kb !== undefined) return kb;
  if (defaultKb === undefined) {
    try {
      defaultKb = loadKb();
    } catch {
      defaultKb = null; // no KB: entity mentions still code; nisba phrases and capitals do not
    }
  }
  return defaultKb;
}

/** Code the PLOVER events of one article body. `opts.kb`: the knowledge base (default: the package's KB). */
export function codeEvents(input: CodeEventsInput, opts: { kb?: EventKb | null } = {}): Event[] {
  return codeEventsWith(loadLexicon(), input, { kb: kbOrDefault(opts.kb) });
}

/**
 * Debug view of event coding on extracted records: each sentence with its entity mentions marked
 * [text|COUNTRY/SECTOR] and the events coded from it. Usage:
 *   node --import tsx src/cli/main.ts extract examples --format jsonl > /tmp/ex.jsonl
 *   node --import tsx scripts/events-debug.ts /tmp/ex.jsonl
 */
import { readFileSync } from "node:fs";
import { splitSentences } from "../src/text/index.js";
import { codeEvents } from "../src/events/index.js";
import type { ArticleRecord } from "../src/record.js";

const file = process.argv[2] ?? "/tmp/ex.jsonl";
for (const line of readFileSync(file, "utf8").split("\n").filter(Boolean)) {
  const r = JSON.parse(line) as ArticleRecord;
  const body = r.body;
  console.log(`\n=== ${r.title}`);
  const events = codeEvents({ body, published: r.published, entities: r.entities, times: r.times });
  const name = new Map(r.entities.map((e) => [e.id, e.name.ar]));
  const marks = r.entities.flatMap((e) => e.mentions.map((m) => ({ ...m, tag: `${e.country ?? e.igo ?? "-"}/${e.sector ?? e.type}` })));
  for (const s of splitSentences(body)) {
    let out = "", pos = s.start;
    for (const m of marks.filter((m) => m.start >= s.start && m.end <= s.end).sort((a, b) => a.start - b.start)) {
      if (m.start < pos) continue;
      out += body.slice(pos, m.start) + `[${body.slice(m.start, m.end)}|${m.tag}]`;
      pos = m.end;
    }
    out += body.slice(pos, s.end);
    console.log("  · " + out.replace(/\s+/g, " "));
    for (const e of events.filter((e) => e.evidence.start === s.start)) {
      const a = (x: typeof e.source | null) => (x ? `${name.get(x.entity ?? "") ?? ""}(${x.country ?? x.igo}/${x.sector})` : "-");
      console.log(`      → ${e.type}${e.mode ? ":" + e.mode : ""} ${a(e.source)} → ${a(e.target)} ${e.status} ${e.date ?? ""} [${e.rule}]`);
    }
  }
}

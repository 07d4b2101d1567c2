/**
 * Store commands: `rasd ingest | search | entities | timeline | series | export | serve`.
 * Every command takes `--db PATH` (default: RASD_DB, else $XDG_DATA_HOME/rasd/rasd.db or ~/.local/share/rasd/rasd.db).
 * The formatting functions are exported for tests; `registerStoreCommands` wires them into commander.
 */
import { createWriteStream, existsSync } from "node:fs";
import { Option, type Command } from "commander";
import { serve } from "../api/serve.js";
import { defaultWebRoot } from "../api/web.js";
import { exportLines, type ExportFormat, type ExportWhat } from "../store/export.js";
import { DEFAULT_BATCH, formatSummary, ingestPaths } from "../store/ingest.js";
import type { SearchResponse } from "../store/search.js";
import { Store, defaultDbPath, type EntityRow, type SeriesPoint, type TimelineEvent } from "../store/store.js";
import { EVENT_STATUSES, PLOVER_TYPES, actorCode } from "../store/timeline.js";

const dbOption = () => new Option("--db <path>", "database file (default: RASD_DB or ~/.local/share/rasd/rasd.db)");
const typeOption = () => new Option("--type <type>", "PLOVER event type").choices(PLOVER_TYPES as unknown as string[]);
const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`expected a positive integer, got "${v}"`);
  return n;
};
const nonNegInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`expected a non-negative integer, got "${v}"`);
  return n;
};
const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const dateArg = (v: string): string => {
  if (!DATE_RE.test(v)) throw new Error(`expected a date YYYY, YYYY-MM or YYYY-MM-DD, got "${v}"`);
  return v;
};

function openStore(db: string | undefined, readonly = false): Store {
  const path = db ?? defaultDbPath();
  if (readonly) {
    Store.open(path, { checkIndex: false }).close(); // create + migrate if needed, then read
    return Store.open(path, { readonly: true });
  }
  return Store.open(path);
}

const BOLD = ["\x1b[1m", "\x1b[0m"] as [string, string];
const PLAIN = ["«", "»"] as [string, string];

export function formatSearch(r: SearchResponse): string {
  if (r.total === 0) return "no results";
  const lines = [`${r.total} result(s)`];
  r.results.forEach((h, i) => {
    lines.push(`${i + 1}. ${h.published ?? "????-??-??"}  ${h.title ?? "(untitled)"}${h.outlet ? ` — ${h.outlet}` : ""}  [${h.id}]`);
    if (h.snippet) lines.push(`   ${h.snippet}`);
  });
  return lines.join("\n");
}

export function formatEntities(rows: EntityRow[], total: number): string {
  const lines = [`${total} entities`];
  for (const e of rows) {
    const sp = e.spellings.slice(0, 5).map((s) => `${s.text}×${s.count}`).join(", ");
    lines.push(`${String(e.num_articles).padStart(5)}  ${e.id}  ${e.name.ar ?? ""}${e.name.en ? ` (${e.name.en})` : ""}  ` +
      `${e.type ?? ""}${e.country ? ` ${e.country}` : ""}  ${e.first_seen ?? "?"} → ${e.last_seen ?? "?"}  [${sp}]`);
  }
  return lines.join("\n");
}

export function formatTimeline(events: TimelineEvent[], total: number): string {
  if (!events.length) return "no events";
  const lines = [`${total} event(s)`];
  for (const e of events) {
    const hist = e.status_history.length > 1 ? ` (${e.status_history.map((h) => h.status).join(" → ")})` : "";
    lines.push(`${(e.date ?? e.first_reported ?? "?").padEnd(12)} ${e.type}${e.mode ? `/${e.mode}` : ""}  ` +
      `${actorCode(e.source) || "?"} → ${actorCode(e.target) || "—"}  ${e.status}${hist}  score ${e.score}  ` +
      `${e.num_articles} report(s), ${e.num_outlets} outlet(s)${e.num_copies > e.num_articles ? `, ${e.num_copies} copies` : ""}  ` +
      `[${e.articles.slice(0, 5).join(", ")}${e.articles.length > 5 ? ", …" : ""}]`);
  }
  return lines.join("\n");
}

export function formatSeries(points: SeriesPoint[]): string {
  if (!points.length) return "no events";
  const lines = ["period     events    sum   mean  coop  conflict"];
  for (const p of points) {
    lines.push(`${p.period.padEnd(9)} ${String(p.events).padStart(7)} ${p.sum.toFixed(1).padStart(6)} ${p.mean.toFixed(2).padStart(6)} ` +
      `${p.cooperation.toFixed(1).padStart(5)} ${p.conflict.toFixed(1).padStart(9)}`);
  }
  return lines.join("\n");
}

/** Where command output goes (replaceable in tests). */
export const io = {
  out: (s: string): void => { process.stdout.write(s); },
  err: (s: string): void => { process.stderr.write(s); },
};
const print = (s: string) => io.out(s.endsWith("\n") ? s : s + "\n");

export function registerStoreCommands(program: Command): void {
  program.command("ingest")
    .description("extract and store articles (files, directories, JSON/JSONL, rasd/article@1 records, - for stdin); idempotent")
    .argument("<paths...>", "inputs")
    .addOption(dbOption())
    .option("--batch <n>", "records per transaction", positiveInt, DEFAULT_BATCH)
    .option("--threads <n>", "extraction worker threads (default: cores − 1; 0 = main thread)", nonNegInt)
    .option("--no-progress", "no progress bar")
    .option("--json", "print the summary as JSON")
    .action(async (paths: string[], o: { db?: string; batch: number; threads?: number; progress: boolean; json?: boolean }) => {
      const store = openStore(o.db);
      try {
        const s = await ingestPaths(store, paths, { batchSize: o.batch, threads: o.threads, progress: o.progress ? undefined : false });
        for (const e of s.errors.slice(0, 50)) io.err(`error: ${e.error}\n`);
        if (s.errors.length > 50) io.err(`… and ${s.errors.length - 50} more errors\n`);
        if (o.json) print(JSON.stringify(s, null, 2));
        else io.err(formatSummary(s) + ` → ${store.path}\n`);
        if (s.errors.length && s.inserted + s.updated + s.unchanged === 0) process.exitCode = 1;
      } finally {
        store.close();
      }
    });

  program.command("search")
    .description("full-text search: Arabic normalization, clitics, name variants; bm25-ranked")
    .argument("<query>", 'words (ANDed), "phrases" or «phrases», -excluded')
    .addOption(dbOption())
    .option("--from <date>", "published on or after", dateArg)
    .option("--to <date>", "published on or before", dateArg)
    .option("--outlet <name>", "outlet")
    .option("--entity <id|name>", "articles mentioning this entity")
    .addOption(typeOption())
    .option("--limit <n>", "results", positiveInt, 20)
    .option("--offset <n>", "skip results", nonNegInt, 0)
    .option("--exact", "no variant expansion")
    .option("--json", "JSON output")
    .action((q: string, o: { db?: string; from?: string; to?: string; outlet?: string; entity?: string; type?: string; limit: number; offset: number; exact?: boolean; json?: boolean }) => {
      const store = openStore(o.db, true);
      try {
        const hl = o.json ? (["<mark>", "</mark>"] as [string, string]) : process.stdout.isTTY ? BOLD : PLAIN;
        const r = store.search(q, { from: o.from, to: o.to, outlet: o.outlet, entity: o.entity, type: o.type, limit: o.limit, offset: o.offset, exact: o.exact, highlight: hl });
        if (o.json) {
          print(JSON.stringify({
            total: r.total,
            results: r.results.map((h) => ({ id: h.id, title: h.title, published: h.published, outlet: h.outlet, snippet: h.snippet, url: h.url, score: Math.round(h.score * 1000) / 1000 })),
          }, null, 2));
        } else print(formatSearch(r));
      } finally {
        store.close();
      }
    });

  program.command("entities")
    .description("entities across articles: spellings seen, article counts, first/last seen")
    .addOption(dbOption())
    .option("--q <text>", "id or part of a spelling")
    .option("--type <type>", "entity type")
    .option("--country <iso3>", "country")
    .option("--limit <n>", "rows", positiveInt, 50)
    .option("--json", "JSON output")
    .action((o: { db?: string; q?: string; type?: string; country?: string; limit: number; json?: boolean }) => {
      const store = openStore(o.db, true);
      try {
        const r = store.entities({ q: o.q, type: o.type, country: o.country, limit: o.limit });
        print(o.json ? JSON.stringify(r, null, 2) : formatEntities(r.results, r.total));
      } finally {
        store.close();
      }
    });

  program.command("timeline")
    .description("real-world events joined across articles (one row per event, with its reports)")
    .addOption(dbOption())
    .option("--actor <code>", "country ISO3, IGO code or entity id (as source or target)")
    .option("--target <code>", "the other side of the dyad")
    .option("--directed", "only actor → target (mutual events count both ways)")
    .option("--from <date>", "from date", dateArg)
    .option("--to <date>", "to date", dateArg)
    .addOption(typeOption())
    .addOption(new Option("--status <status>", "current status").choices(EVENT_STATUSES as unknown as string[]))
    .option("--limit <n>", "events", positiveInt, 200)
    .option("--rebuild", "first re-join all stored reports in publication order (writes the database)")
    .option("--json", "JSON output")
    .action((o: { db?: string; actor?: string; target?: string; directed?: boolean; from?: string; to?: string; type?: string; status?: string; limit: number; rebuild?: boolean; json?: boolean }) => {
      const store = openStore(o.db, !o.rebuild);
      try {
        if (o.rebuild) io.err(`timeline rebuilt: ${store.rebuildTimeline()} events\n`);
        const r = store.timeline({ actor: o.actor, target: o.target, directed: o.directed, from: o.from, to: o.to, type: o.type, status: o.status as TimelineEvent["status"] | undefined, limit: o.limit });
        print(o.json ? JSON.stringify({ total: r.total, events: r.events }, null, 2) : formatTimeline(r.events, r.total));
      } finally {
        store.close();
      }
    });

  program.command("series")
    .description("cooperation–conflict series of a dyad: PLOVER scores per week or month")
    .addOption(dbOption())
    .requiredOption("--actor <code>", "actor code")
    .option("--target <code>", "other side of the dyad")
    .addOption(new Option("--by <period>", "bucket").choices(["week", "month"]).default("month"))
    .option("--directed", "only actor → target")
    .option("--from <date>", "from date", dateArg)
    .option("--to <date>", "to date", dateArg)
    .option("--json", "JSON output")
    .action((o: { db?: string; actor: string; target?: string; by: "week" | "month"; directed?: boolean; from?: string; to?: string; json?: boolean }) => {
      const store = openStore(o.db, true);
      try {
        const s = store.series({ actor: o.actor, target: o.target, by: o.by, directed: o.directed, from: o.from, to: o.to });
        print(o.json ? JSON.stringify({ actor: o.actor, target: o.target ?? null, by: o.by, series: s }, null, 2) : formatSeries(s));
      } finally {
        store.close();
      }
    });

  program.command("export")
    .description("export: JSON Lines of articles or events, CSV of events (GDELT-like columns), strict PLOVER JSON Lines")
    .addOption(dbOption())
    .addOption(new Option("--format <format>", "output format").choices(["jsonl", "csv", "plover"]).default("jsonl"))
    .addOption(new Option("--what <what>", "articles or (timeline) events").choices(["articles", "events"]))
    .option("--out <file>", "write to a file (default stdout)")
    .option("--actor <code>", "events: actor filter")
    .option("--target <code>", "events: target filter")
    .option("--from <date>", "events: from date", dateArg)
    .option("--to <date>", "events: to date", dateArg)
    .addOption(typeOption())
    .action(async (o: { db?: string; format: ExportFormat; what?: ExportWhat; out?: string; actor?: string; target?: string; from?: string; to?: string; type?: string }) => {
      const what: ExportWhat = o.what ?? (o.format === "jsonl" ? "articles" : "events");
      if (what === "articles" && o.format !== "jsonl") throw new Error(`--format ${o.format} exports events only`);
      const store = openStore(o.db, true);
      try {
        const out: NodeJS.WritableStream = o.out ? createWriteStream(o.out) : process.stdout;
        let n = 0;
        for (const line of exportLines(store, o.format, what, { actor: o.actor, target: o.target, from: o.from, to: o.to, type: o.type })) {
          n++;
          if (!out.write(line)) await new Promise((r) => out.once("drain", r));
        }
        if (o.out) {
          await new Promise<void>((res, rej) => {
            out.once("error", rej);
            out.end(() => res());
          });
          io.err(`wrote ${o.format === "csv" ? n - 1 : n} ${what} to ${o.out}\n`);
        }
      } finally {
        store.close();
      }
    });

  program.command("serve")
    .description("HTTP API and the web dashboard at / (read-only unless a token is set: then POST /api/ingest with Bearer auth)")
    .addOption(dbOption())
    .option("--port <n>", "port (0: any free port)", nonNegInt, 8787)
    .option("--host <host>", "interface", "127.0.0.1")
    .option("--token <token>", "enable POST /api/ingest (default: RASD_TOKEN)")
    .option("--cors <origin>", "allow this CORS origin (off by default)")
    .option("--no-web", "API only: do not serve the dashboard at /")
    .action(async (o: { db?: string; port: number; host: string; token?: string; cors?: string; web: boolean }) => {
      const webRoot = o.web ? defaultWebRoot() : null;
      const srv = await serve({ db: o.db, port: o.port, host: o.host, token: o.token ?? process.env.RASD_TOKEN ?? null, cors: o.cors ?? null, web: webRoot });
      process.stderr.write(`rasd API on ${srv.url}/api (db ${srv.store.path}${srv.store.readonly ? ", read-only" : ", ingest enabled"})\n`);
      if (webRoot) {
        process.stderr.write(existsSync(`${webRoot}/index.html`) ? `dashboard on ${srv.url}/\n` : `dashboard not built (${webRoot} missing): run npm run build\n`);
      }
      const stop = () => { void srv.close().then(() => process.exit(0)); };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}

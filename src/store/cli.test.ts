import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { io, registerStoreCommands } from "../cli/store-commands.js";
import { exampleRecords } from "./fixtures.js";
import { defaultDbPath } from "./store.js";

/** Run the store commands in-process, capturing stdout. */
async function run(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerStoreCommands(program);
  let out = "";
  const saved = { ...io };
  io.out = (c) => { out += c; };
  io.err = () => {};
  program.configureOutput({ writeOut: () => {}, writeErr: () => {} });
  try {
    await program.parseAsync(["node", "rasd", ...args]);
  } finally {
    Object.assign(io, saved);
  }
  return out;
}

test("cli: ingest, search --json, timeline --json, series, entities, export", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rasd-cli-"));
  try {
    const db = join(dir, "sub", "c.db");
    const file = join(dir, "recs.jsonl");
    writeFileSync(file, exampleRecords().map((r) => JSON.stringify(r)).join("\n"));
    const sum = JSON.parse(await run(["ingest", file, "--db", db, "--json", "--no-progress"])) as { inserted: number };
    assert.equal(sum.inserted, 6);

    const s = JSON.parse(await run(["search", "بيونج يانج", "--db", db, "--json", "--limit", "2"])) as { total: number; results: Record<string, unknown>[] };
    assert.equal(s.total, 4);
    assert.equal(s.results.length, 2);
    for (const k of ["id", "title", "published", "outlet", "snippet"]) assert.ok(k in s.results[0]!, k);

    const t = JSON.parse(await run(["timeline", "--actor", "RUS", "--target", "PRK", "--db", db, "--json"])) as { events: Record<string, unknown>[] };
    assert.equal(t.events.length, 2);
    for (const k of ["type", "mode", "source", "target", "date", "status", "num_articles", "num_outlets", "articles", "first_reported", "last_reported"]) {
      assert.ok(k in t.events[0]!, k);
    }
    assert.match(await run(["timeline", "--actor", "RUS", "--db", db]), /CONSULT\/visit\s+RUS → PRK\s+occurred \(expected → occurred\)/);
    assert.match(await run(["timeline", "--actor", "RUS", "--rebuild", "--db", db]), /CONSULT\/visit\s+RUS → PRK\s+occurred \(expected → occurred\)/);
    assert.match(await run(["series", "--actor", "USA", "--target", "CHN", "--by", "week", "--db", db]), /2024-W32/);
    assert.match(await run(["entities", "--db", db, "--limit", "3"]), /Q18808/);
    const out = join(dir, "ev.csv");
    await run(["export", "--format", "csv", "--out", out, "--db", db]);
    assert.equal(readFileSync(out, "utf8").trim().split("\r\n").length, 5);
    await assert.rejects(run(["search", "x", "--db", db, "--type", "NOPE"]));
    await assert.rejects(run(["search", "x", "--db", db, "--from", "last week"]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("cli: default database path", () => {
  assert.equal(defaultDbPath({ RASD_DB: "/x/y.db" }), "/x/y.db");
  assert.equal(defaultDbPath({ XDG_DATA_HOME: "/data", HOME: "/home/u" }), "/data/rasd/rasd.db");
  assert.equal(defaultDbPath({ HOME: "/home/u" }), "/home/u/.local/share/rasd/rasd.db");
});

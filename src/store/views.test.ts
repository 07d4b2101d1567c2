import { test } from "node:test";
import assert from "node:assert/strict";
import { Store } from "./store.js";
import { exampleRecords } from "./fixtures.js";
import { actorCodes, actorNetwork, coEntities, entityMonths, outlets } from "./views.js";

function filled(): Store {
  const s = Store.open(":memory:");
  s.upsertMany(exampleRecords());
  return s;
}

test("views: entity articles per month and co-occurring entities", () => {
  const s = filled();
  assert.deepEqual(entityMonths(s, "Q7747"), [{ period: "2024-06", articles: 3 }]);
  assert.deepEqual(entityMonths(s, "nope"), []);
  const co = coEntities(s, "Q7747");
  assert.deepEqual(co.slice(0, 2).map((c) => [c.id, c.articles]).sort(), [["Q18808", 3], ["Q56226", 3]]);
  assert.equal(co.find((c) => c.id === "Q56226")?.name.en, "Kim Jong Un");
  assert.ok(!co.some((c) => c.id === "Q7747"), "not itself");
  s.close();
});

test("views: actor network edges, actor codes, outlets", () => {
  const s = filled();
  const ego = actorNetwork(s, { actors: ["RUS", "PRK"] });
  const rusPrk = ego.filter((e) => e.source === "RUS" && e.target === "PRK");
  assert.equal(rusPrk.reduce((n, e) => n + e.events, 0), 2, "the visit (joined) and the signing");
  assert.ok(ego.some((e) => e.source === "USA" && e.target === "RUS" && e.conflict === 1));
  assert.ok(!ego.some((e) => e.source === "CHN" || e.target === "CHN"), "only edges touching the actors");
  const all = actorNetwork(s);
  assert.ok(all.some((e) => e.source === "CHN" || e.target === "CHN"));
  assert.equal(actorNetwork(s, { actors: ["RUS"], from: "2025" }).length, 0);
  const codes = actorCodes(s).map((a) => a.code);
  assert.ok(codes.includes("RUS") && codes.includes("PRK"));
  assert.deepEqual(outlets(s)[0], { outlet: "وكالة الشرق", articles: 2 });
  s.close();
});

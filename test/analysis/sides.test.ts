/**
 * The walks the leverage analysis takes short cuts through agree with the whole walk down from a
 * party: walks kept to what lies above some entities, walks up, and the reach of a party at any
 * date. (The chains and exposure built on them are pinned by leverage-golden.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { indexLinks, type LinkIndex } from "../../src/analysis/links.ts";
import { windowDays, type TimeWindow } from "../../src/analysis/relations.ts";
import { everUnder } from "../../src/analysis/reach.ts";
import { above, entitiesUnder, isUnder, sideOf } from "../../src/analysis/sides.ts";
import { generateDataset } from "../../src/generate/generate.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { loadDataset } from "../../src/load/read.ts";

/** Deterministic choices (a small LCG), so a failure names a reproducible case. */
function picker(seed: number): <T>(items: readonly T[]) => T {
  let state = seed;
  return (items) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return items[state % items.length] as (typeof items)[number];
  };
}

const WINDOWS: TimeWindow[] = [
  { from: "2019", to: "2019" },
  { from: "2020-06-15", to: "2020-06-15" },
  { from: "2016-03", to: null },
  { from: "2021-01-01", to: "2023-12" },
];

function check(index: LinkIndex, seed: number): void {
  const pick = picker(seed);
  const nodes = index.graph.nodes();
  const number = (id: string): number => index.numbers.get(id) as number;
  const parties = nodes.filter((node) => ["government", "vendor", "organization"].includes(index.graph.getNodeAttribute(node, "kind")));
  for (let round = 0; round < 12; round += 1) {
    const party = pick(parties);
    const window = pick(WINDOWS);
    const days = windowDays(window);
    for (const byCountry of [true, false]) {
      const whole = entitiesUnder(index, party, window, byCountry);
      const entries = [...whole.entries()];
      expect(whole.size).toBe(entries.length);
      expect(new Set(entries.map(([entity]) => entity)).size).toBe(entries.length);
      const asked = Array.from({ length: 40 }, () => pick(nodes));
      const reach = everUnder(index, number(party), byCountry);
      for (const entity of asked) {
        expect(whole.has(entity)).toBe(whole.get(entity) !== undefined);
        expect(isUnder(index, number(entity), number(party), days, byCountry), `${entity} under ${party}`).toBe(whole.has(entity));
        // What stands under the party in a window can stand under it at some date.
        if (whole.has(entity)) expect(reach.has(number(entity))).toBe(true);
      }
      // A walk kept to what lies above the entities asked about is exact for them, and keeps their order.
      const kept = sideOf(index, number(party), days, byCountry, above(index, asked.map(number), days));
      for (const entity of asked) expect(kept.get(entity)).toEqual(whole.get(entity));
      const held = [...new Set(asked)].filter((entity) => whole.has(entity)).map(number);
      const inWholeOrder = entries.map(([entity]) => number(entity)).filter((entity) => held.includes(entity));
      expect([...held].sort((a, b) => kept.compareOrder(a, b))).toEqual(inWholeOrder);
    }
  }
}

describe("sides: walks kept within, walks up and reaches give the answers of the whole walk down", () => {
  it("on the embedded dataset", async () => {
    const result = await loadDataset("test/fixtures/datasets/huawei-2024");
    if (!result.ok) throw new Error("the frozen dataset does not load");
    check(indexLinks(buildGraph(result.dataset)), 1);
  });

  it.each([1, 2, 3])("on a generated graph dense in ownership and parts (seed %i)", (seed) => {
    const graph = buildGraph(generateDataset({ entities: 1500, relations: 4500, seed }));
    check(indexLinks(graph), seed);
  });
});

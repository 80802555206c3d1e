import { describe, expect, it } from "vitest";
import { indexLinks, type LinkIndex } from "../../src/analysis/links.ts";
import type { TimeWindow } from "../../src/analysis/relations.ts";
import { above, entitiesUnder, isUnder } from "../../src/analysis/sides.ts";
import { generateDataset } from "../../src/generate/generate.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { loadDataset } from "../../src/load/read.ts";
import { referenceEntitiesUnder } from "./reference/sides-reference.ts";

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
  const parties = nodes.filter((node) => ["government", "vendor", "organization"].includes(index.graph.getNodeAttribute(node, "kind")));
  for (let round = 0; round < 12; round += 1) {
    const party = pick(parties);
    const window = pick(WINDOWS);
    for (const byCountry of [true, false]) {
      const expected = referenceEntitiesUnder(index, party, window, byCountry);
      const side = entitiesUnder(index, party, window, byCountry);
      // Same entities, same memberships, same order, same size.
      expect([...side.entries()]).toEqual([...expected.entries()]);
      expect(side.size).toBe(expected.size);
      const asked = Array.from({ length: 40 }, () => pick(nodes));
      for (const entity of asked) {
        expect(side.has(entity)).toBe(expected.has(entity));
        expect(isUnder(index, entity, party, window, byCountry)).toBe(expected.has(entity));
      }
      // A walk kept within what lies above the entities asked about is exact for them.
      const restricted = entitiesUnder(index, party, window, byCountry, above(index, asked, window));
      for (const entity of asked) expect(restricted.get(entity)).toEqual(expected.get(entity));
      // Entries kept to the keys of an index come in side order.
      const keyed = index.byDependent;
      expect([...side.entriesIn(keyed)]).toEqual([...expected.entries()].filter(([entity]) => keyed.has(entity)));
    }
  }
}

describe("sides: lazy country members, walks up, and walks kept within give the answers of the full walk down", () => {
  it("on the embedded dataset", async () => {
    const result = await loadDataset("data");
    if (!result.ok) throw new Error("the embedded dataset does not load");
    check(indexLinks(buildGraph(result.dataset)), 1);
  });

  it.each([1, 2, 3])("on a generated graph dense in ownership and parts (seed %i)", (seed) => {
    const graph = buildGraph(generateDataset({ entities: 1500, relations: 4500, seed }));
    check(indexLinks(graph), seed);
  });
});

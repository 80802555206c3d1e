import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { entityFilter, filterGraph, filteredKeys, subgraphOfKeys } from "../../src/graph/select.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { datasetArb } from "../support/arbitraries.ts";
import { ENTITY_KINDS, RELATION_FAMILIES } from "../../src/model/ontology.ts";
import { fixtureGraph } from "../app/fixture.ts";

describe("filteredKeys", () => {
  it("keeps a relation only when it passes the filters and both its endpoints are kept", () => {
    const keys = filteredKeys(fixtureGraph(), { kinds: ["government", "vendor"], families: ["pressure"] });
    expect([...keys.nodes].sort()).toEqual(["gov-canada", "gov-united-states", "huawei", "nokia"]);
    expect([...keys.edges].sort()).toEqual(["canada-bans-huawei", "huawei-lobbies-canada", "us-pressures-canada", "us-threatens-canada"]);
  });

  it("names exactly what filterGraph keeps", () => {
    fc.assert(
      fc.property(datasetArb(), fc.subarray([...ENTITY_KINDS]), fc.subarray([...RELATION_FAMILIES]), (dataset, kinds, families) => {
        const graph = buildGraph(dataset);
        const keys = filteredKeys(graph, { kinds, families });
        const filtered = filterGraph(graph, { kinds, families });
        expect(new Set(filtered.nodes())).toEqual(keys.nodes);
        expect(new Set(filtered.edges())).toEqual(keys.edges);
      }),
      { numRuns: 50 },
    );
  });

  it("keeps every entity kind when no kind filter is set", () => {
    expect(entityFilter({})({ kind: "person", label: "x", aliases: [] })).toBe(true);
    expect(entityFilter({ kinds: [] })({ kind: "person", label: "x", aliases: [] })).toBe(false);
  });
});

describe("subgraphOfKeys", () => {
  it("copies exactly the named entities and relations, dropping relations whose endpoints are left out", () => {
    const graph = fixtureGraph();
    const copy = subgraphOfKeys(graph, {
      nodes: new Set(["telus", "huawei", "nokia"]),
      edges: new Set(["telus-uses-huawei", "bell-uses-huawei", "us-pressures-canada"]),
    });
    expect(copy.nodes().sort()).toEqual(["huawei", "nokia", "telus"]);
    expect(copy.edges()).toEqual(["telus-uses-huawei"]);
    expect(copy.getAttributes()).toEqual(graph.getAttributes());
    copy.setNodeAttribute("telus", "label", "changed");
    expect(graph.getNodeAttribute("telus", "label")).toBe("Telus");
  });
});

import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import { SelectionError, egoNodes, filterGraph, selectSubgraph, shortestPathNodes } from "../../src/graph/select.ts";
import { parseDataset } from "../../src/load/parse.ts";
import type { AtlasGraph } from "../../src/graph/types.ts";

/** A small world: US -> Canada pressure (2019), Bell and Telus on Huawei, an ISED part of Canada, a lone Nokia tie. */
function world(): AtlasGraph {
  const entity = (id: string, kind: string, country?: string) => ({ id, kind, name: id.toUpperCase(), ...(country ? { country } : {}) });
  const relation = (id: string, kind: string, source: string, target: string, start: string, end: string | null = null) => ({
    id,
    kind,
    source,
    target,
    start,
    end,
    claim: `${source} ${kind} ${target}`,
    evidence: [{ source: "src" }],
    confidence: "reported",
  });
  const result = parseDataset([
    {
      file: "world.json",
      json: {
        dataset: { name: "World" },
        entities: [
          entity("us", "government", "US"),
          entity("canada", "government", "CA"),
          entity("ised", "agency", "CA"),
          entity("bell", "carrier", "CA"),
          entity("telus", "carrier", "CA"),
          entity("huawei", "vendor", "CN"),
          entity("nokia", "vendor", "FI"),
        ],
        relations: [
          relation("us-pressures-canada", "pressures", "us", "canada", "2019-11-23"),
          relation("ised-part-of-canada", "part_of", "ised", "canada", "2000"),
          relation("bell-uses-huawei", "uses_equipment_from", "bell", "huawei", "2008", "2024-06"),
          relation("telus-uses-huawei", "uses_equipment_from", "telus", "huawei", "2008"),
          relation("telus-contracts-nokia", "contracts_with", "telus", "nokia", "2020-06"),
          relation("canada-bans-huawei", "bans", "canada", "huawei", "2022-05-19"),
        ],
        sources: [{ id: "src", url: "https://example.org", publisher: "P", title: "T", published: "2020" }],
      },
    },
  ]);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return buildGraph(result.dataset);
}

const sorted = (values: Iterable<string>): string[] => [...values].sort();

describe("subgraph selection", () => {
  it("filters relations by family and keeps every entity by default", () => {
    const graph = filterGraph(world(), { families: ["dependency"] });
    expect(sorted(graph.edges())).toEqual(["bell-uses-huawei", "telus-contracts-nokia", "telus-uses-huawei"]);
    expect(graph.order).toBe(7);
  });

  it("filters entities by kind, dropping their relations", () => {
    const graph = filterGraph(world(), { kinds: ["government", "vendor", "agency"] });
    expect(sorted(graph.nodes())).toEqual(["canada", "huawei", "ised", "nokia", "us"]);
    expect(sorted(graph.edges())).toEqual(["canada-bans-huawei", "ised-part-of-canada", "us-pressures-canada"]);
  });

  it("keeps relations active at a date, or overlapping a range", () => {
    expect(sorted(filterGraph(world(), { at: "2019-12" }).edges())).toEqual([
      "bell-uses-huawei",
      "ised-part-of-canada",
      "telus-uses-huawei",
      "us-pressures-canada",
    ]);
    expect(sorted(filterGraph(world(), { from: "2024-07", to: "2025" }).edges())).not.toContain("bell-uses-huawei");
    expect(sorted(filterGraph(world(), { from: "2024-06" }).edges())).toContain("bell-uses-huawei");
  });

  it("never writes into the source graph's attributes", () => {
    const graph = world();
    const view = filterGraph(graph, {});
    view.setNodeAttribute("bell", "label", "changed");
    expect(graph.getNodeAttribute("bell", "label")).toBe("BELL");
  });

  it("finds ego networks by depth and direction", () => {
    const graph = world();
    expect(sorted(egoNodes(graph, "telus", 1))).toEqual(["huawei", "nokia", "telus"]);
    expect(sorted(egoNodes(graph, "telus", 2))).toEqual(["bell", "canada", "huawei", "nokia", "telus"]);
    expect(sorted(egoNodes(graph, "huawei", 1, "in"))).toEqual(["bell", "canada", "huawei", "telus"]);
    expect(sorted(egoNodes(graph, "huawei", 1, "out"))).toEqual(["huawei"]);
    expect(sorted(egoNodes(graph, "huawei", 0))).toEqual(["huawei"]);
  });

  it("finds a shortest path ignoring direction by default, and says none exists when directed", () => {
    const graph = world();
    const path = shortestPathNodes(graph, "us", "bell");
    expect(path).toEqual(["us", "canada", "huawei", "bell"]);
    expect(shortestPathNodes(graph, "us", "bell", true)).toBeNull();
  });

  it("returns the induced subgraph: every filtered relation among the chosen entities", () => {
    const sub = selectSubgraph(world(), { ids: ["telus", "huawei", "nokia"] });
    expect(sorted(sub.edges())).toEqual(["telus-contracts-nokia", "telus-uses-huawei"]);
    expect(sub.getAttribute("name")).toBe("World");
    const ego = selectSubgraph(world(), { ego: { id: "canada", depth: 1 }, families: ["pressure"] });
    expect(sorted(ego.nodes())).toEqual(["canada", "huawei", "us"]);
    expect(sorted(ego.edges())).toEqual(["canada-bans-huawei", "us-pressures-canada"]);
  });

  it("combines ego, path and ids as a union of entities", () => {
    const sub = selectSubgraph(world(), { ego: { id: "nokia", depth: 0 }, ids: ["ised"], path: { from: "us", to: "canada" } });
    expect(sorted(sub.nodes())).toEqual(["canada", "ised", "nokia", "us"]);
  });

  it("drops isolated entities on request", () => {
    const sub = selectSubgraph(world(), { at: "2023", families: ["pressure"], dropIsolated: true });
    expect(sorted(sub.nodes())).toEqual(["canada", "huawei", "us"]);
  });

  it("names an unknown id, a bad date, a bad depth and a missing path", () => {
    expect(() => selectSubgraph(world(), { ego: { id: "rogers" } })).toThrow(new SelectionError('unknown entity id "rogers"'));
    expect(() => selectSubgraph(world(), { ids: ["bell", "shaw"] })).toThrow(/unknown entity id "shaw"/);
    expect(() => selectSubgraph(world(), { at: "2019-13" })).toThrow(/at must be a date/);
    expect(() => selectSubgraph(world(), { ego: { id: "bell", depth: 11 } })).toThrow(/depth must be a whole number/);
    expect(() => selectSubgraph(world(), { path: { from: "nokia", to: "ised" }, families: ["pressure"] })).toThrow(
      /no path between "nokia" and "ised"/,
    );
  });
});

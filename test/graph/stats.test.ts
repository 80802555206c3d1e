import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import { graphStats } from "../../src/graph/stats.ts";
import { loadDataset } from "../../src/load/read.ts";

describe("graphStats", () => {
  it("counts by kind and family and ranks entities by degree and betweenness on the embedded dataset", async () => {
    const result = await loadDataset("data");
    if (!result.ok) throw new Error("embedded dataset invalid");
    const graph = buildGraph(result.dataset);
    const stats = graphStats(graph);
    expect(stats.entities).toBe(graph.order);
    expect(stats.relations).toBe(graph.size);
    expect(Object.values(stats.entitiesByKind).reduce((a, b) => a + b, 0)).toBe(graph.order);
    expect(Object.values(stats.relationsByFamily).reduce((a, b) => a + b, 0)).toBe(graph.size);
    expect(Object.values(stats.relationsByKind).reduce((a, b) => a + b, 0)).toBe(graph.size);
    expect(Object.values(stats.relationsByConfidence).reduce((a, b) => a + b, 0)).toBe(graph.size);
    expect(stats.topByDegree).toHaveLength(10);
    const degrees = stats.topByDegree.map((entity) => entity.value);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    expect(stats.topByDegree[0]?.value).toBe(Math.max(...graph.mapNodes((node) => graph.degree(node))));
    expect(stats.topByBetweenness).toHaveLength(10);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildGraph, datasetFromGraph } from "../../src/graph/build.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { datasetArb, toDocument } from "../support/arbitraries.ts";
import { validDocument } from "../load/fixtures.ts";

function graphOf(document: unknown) {
  const result = parseDataset([{ file: "test.json", json: document }]);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return buildGraph(result.dataset);
}

describe("buildGraph", () => {
  it("makes one typed node per entity and one directed edge per relation, keyed by id", () => {
    const graph = graphOf({ dataset: { name: "Test" }, ...validDocument() });
    expect(graph.type).toBe("directed");
    expect(graph.multi).toBe(true);
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(1);
    expect(graph.getNodeAttributes("huawei")).toEqual({ kind: "vendor", label: "Huawei", aliases: [], country: "CN" });
    expect(graph.source("us-pressures-canada")).toBe("gov-united-states");
    expect(graph.target("us-pressures-canada")).toBe("gov-canada");
    expect(graph.getEdgeAttributes("us-pressures-canada")).toEqual({
      kind: "pressures",
      family: "pressure",
      start: "2019-11-23",
      end: null,
      claim: "The US pressed Canada to exclude Huawei.",
      confidence: "reported",
      about: "huawei",
      evidence: [{ source: "news-2019", locator: "paragraph 2" }],
    });
  });

  it("carries the dataset's name, counts and sources as graph attributes", () => {
    const graph = graphOf({ dataset: { name: "Test", licence: "CC0" }, ...validDocument() });
    expect(graph.getAttribute("name")).toBe("Test");
    expect(graph.getAttribute("licence")).toBe("CC0");
    expect(graph.getAttribute("counts")).toEqual({ entities: 3, relations: 1, sources: 1 });
    expect(graph.getAttribute("sources")["news-2019"]?.publisher).toBe("Example News");
  });

  it("keeps parallel relations between the same two entities apart", () => {
    const document = validDocument();
    document.relations.push({ ...document.relations[0], id: "us-threatens-canada", kind: "threatens" });
    const graph = graphOf(document);
    expect(graph.edges("gov-united-states", "gov-canada").sort()).toEqual(["us-pressures-canada", "us-threatens-canada"]);
  });

  it("loads and builds every generated valid dataset with matching counts, and datasetFromGraph inverts it", () => {
    fc.assert(
      fc.property(datasetArb(), (dataset) => {
        const result = parseDataset([{ file: "generated.json", text: JSON.stringify(toDocument(dataset)) }]);
        expect(result.issues.filter((issue) => issue.severity === "error")).toEqual([]);
        if (!result.ok) return;
        const graph = buildGraph(result.dataset);
        expect(graph.order).toBe(dataset.entities.length);
        expect(graph.size).toBe(dataset.relations.length);
        expect(Object.keys(graph.getAttribute("sources")).length).toBe(dataset.sources.length);
        const back = datasetFromGraph(graph);
        expect(back.entities).toEqual(
          result.dataset.entities
            .map((entity) => (entity.aliases?.length === 0 ? { ...entity, aliases: undefined } : entity))
            .map(stripUndefined),
        );
        expect(back.relations).toEqual(result.dataset.relations.map((relation) => ({ ...relation, end: relation.end ?? null })));
      }),
      { numRuns: 60 },
    );
  });
});

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

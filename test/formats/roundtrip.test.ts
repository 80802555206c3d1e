import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildGraph, datasetFromGraph } from "../../src/graph/build.ts";
import { selectSubgraph } from "../../src/graph/select.ts";
import { parseDataset } from "../../src/load/parse.ts";
import type { Dataset } from "../../src/model/schema.ts";
import { exportDataset, relationsAboutMissing } from "../../src/formats/exported-dataset.ts";
import { readGexf } from "../../src/formats/gexf/read.ts";
import { writeGexf } from "../../src/formats/gexf/write.ts";
import { writeDatasetJson } from "../../src/formats/json/write.ts";
import { datasetArb } from "../support/arbitraries.ts";
import { hostileDataset, starterDataset } from "./support.ts";

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The documented normalisation of a dataset through the graph: `end` absent becomes null (ongoing),
 * `aliases: []` becomes absent, and sources follow the graph's source table, a plain object, where ids
 * that are whole numbers ("0") come first. Nothing else changes: every entity, relation, source, field
 * and date stays, in order.
 */
function normalised(dataset: Dataset): Dataset {
  const viaGraph = datasetFromGraph(buildGraph(dataset));
  const expected = { ...viaGraph, sources: Object.values(buildGraph(dataset).getAttribute("sources")) };
  expect(byId(expected.sources)).toEqual(byId(dataset.sources));
  return expected;
}

function gexfRoundTrip(dataset: Dataset, dynamic: boolean): Dataset {
  const result = readGexf(writeGexf(buildGraph(dataset), { dynamic, date: "2026-01-01" }), { file: "roundtrip.gexf" });
  expect(result.issues).toEqual([]);
  if (!result.ok) throw new Error("import failed");
  expect(result.native).toBe(true);
  return result.dataset;
}

describe("dataset -> GEXF -> dataset is lossless", () => {
  it("keeps every entity, relation, attribute, date and source of any valid dataset (static)", () => {
    fc.assert(
      fc.property(datasetArb(), (dataset) => {
        expect(gexfRoundTrip(dataset, false)).toEqual(normalised(dataset));
      }),
      { numRuns: 60 },
    );
  });

  it("keeps them in dynamic GEXF too (the dates keep their precision)", () => {
    fc.assert(
      fc.property(datasetArb(), (dataset) => {
        expect(gexfRoundTrip(dataset, true)).toEqual(normalised(dataset));
      }),
      { numRuns: 60 },
    );
  });

  it("keeps the hostile dataset exactly, U+FFFE and U+FFFF included, and the starter dataset", async () => {
    for (const dataset of [hostileDataset(), await starterDataset()]) {
      expect(gexfRoundTrip(dataset, false)).toEqual(normalised(dataset));
      expect(gexfRoundTrip(dataset, true)).toEqual(normalised(dataset));
    }
  });

  it("keeps a subgraph with exactly the sources its relations cite", async () => {
    const dataset = await starterDataset();
    const subgraph = selectSubgraph(buildGraph(dataset), { ego: { id: "huawei", depth: 1 } });
    const result = readGexf(writeGexf(subgraph, { date: "2026-01-01" }));
    expect(result.ok && result.dataset).toEqual(exportDataset(subgraph));
    const cited = new Set(subgraph.mapEdges((_id, attributes) => attributes.evidence.map((evidence) => evidence.source)).flat());
    expect(result.ok && result.dataset.sources.map((source) => source.id).sort()).toEqual([...cited].sort());
  });
});

describe("a subgraph that leaves out the entity a relation is about", () => {
  it("exports a valid dataset without that `about`, and its GEXF imports to the same dataset, saying so", async () => {
    const subgraph = selectSubgraph(buildGraph(await starterDataset()), { kinds: ["government", "agency", "person", "carrier"] });
    const missing = relationsAboutMissing(subgraph);
    expect(missing.length).toBeGreaterThan(0);
    const dataset = exportDataset(subgraph);
    expect(dataset.relations.filter((relation) => missing.includes(relation.id)).every((relation) => relation.about === undefined)).toBe(
      true,
    );
    const loaded = parseDataset([{ file: "export.json", text: writeDatasetJson(dataset) }]);
    expect(loaded.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    const result = readGexf(writeGexf(subgraph, { date: "2026-01-01" }));
    expect(result.ok && result.dataset).toEqual(dataset);
    expect(result.issues.map((issue) => issue.message)).toEqual([
      expect.stringMatching(/(was|were) about an entity the export left out; "about" was dropped/),
    ]);
  });
});

describe("JSON export", () => {
  it("is a valid dataset file that loads back with zero errors and equals the dataset", () => {
    fc.assert(
      fc.property(datasetArb(), (dataset) => {
        const text = writeDatasetJson(exportDataset(buildGraph(dataset)));
        const loaded = parseDataset([{ file: "export.json", text }]);
        expect(loaded.issues.filter((issue) => issue.severity === "error")).toEqual([]);
        expect(loaded.dataset).toEqual(normalised(dataset));
      }),
      { numRuns: 60 },
    );
  });

  it("loads back the hostile dataset and an ego subgraph with zero errors", async () => {
    const graph = selectSubgraph(buildGraph(await starterDataset()), { ego: { id: "huawei", depth: 2, direction: "in" } });
    for (const dataset of [exportDataset(buildGraph(hostileDataset())), exportDataset(graph)]) {
      const loaded = parseDataset([{ file: "export.json", text: writeDatasetJson(dataset) }]);
      expect(loaded.issues.filter((issue) => issue.severity === "error")).toEqual([]);
      expect(loaded.dataset).toEqual(dataset);
    }
  });
});

import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { GENERATOR_VERSION, generateDataset, generateOptionsProblem, type GenerateOptions } from "../../src/generate/generate.ts";
import { datasetDocuments } from "../../src/generate/write.ts";
import { ENTITY_KINDS } from "../../src/model/ontology.ts";

function files(options: GenerateOptions): { file: string; text: string }[] {
  return datasetDocuments(generateDataset(options)).map((document) => ({ file: document.name, text: [...document.pieces].join("") }));
}

describe("generateDataset", () => {
  it("gives the same files, byte for byte, for the same seed and sizes, and other files for another seed", () => {
    const options = { entities: 400, relations: 1_200, seed: 42 };
    expect(files(options)).toEqual(files(options));
    expect(files({ ...options, seed: 43 })).not.toEqual(files(options));
  });

  it.each([
    { entities: 2, relations: 1, seed: 1 },
    { entities: 50, relations: 49, seed: 2 },
    { entities: 300, relations: 900, seed: 3 },
    { entities: 3_000, relations: 9_000, seed: 4 },
    { entities: 100, relations: 120, seed: 5, sources: 400 },
  ])("writes a dataset that loads with no error and no warning, with the counts asked for: %o", (options) => {
    const result = parseDataset(files(options));
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.counts).toEqual({
      entities: options.entities,
      relations: options.relations,
      sources: options.sources ?? Math.max(1, Math.round(options.entities / 10)),
    });
    expect(result.dataset?.meta.version).toBe(`generator ${GENERATOR_VERSION}`);
  });

  it("has a heavy-tailed degree distribution: a few hubs, most entities with few relations", () => {
    const graph = buildGraph(generateDataset({ entities: 5_000, relations: 15_000, seed: 9 }));
    const degrees = graph.mapNodes((node) => graph.degree(node)).sort((a, b) => b - a);
    const mean = (2 * graph.size) / graph.order;
    expect(degrees[0]).toBeGreaterThan(20 * mean);
    expect(degrees[Math.floor(degrees.length / 2)]).toBeLessThan(mean);
  });

  it("uses every entity kind, partial dates of every precision, ongoing relations and citations with locators", () => {
    const dataset = generateDataset({ entities: 2_000, relations: 6_000, seed: 11 });
    expect(new Set(dataset.entities.map((entity) => entity.kind))).toEqual(new Set(ENTITY_KINDS));
    expect(new Set(dataset.relations.map((relation) => relation.start.length))).toEqual(new Set([4, 7, 10]));
    expect(dataset.relations.some((relation) => relation.end === null)).toBe(true);
    expect(dataset.relations.some((relation) => relation.end !== null)).toBe(true);
    expect(dataset.relations.some((relation) => relation.about !== undefined)).toBe(true);
    expect(dataset.relations.some((relation) => relation.evidence.length > 1)).toBe(true);
    expect(dataset.relations.some((relation) => relation.evidence.some((evidence) => evidence.locator !== undefined))).toBe(true);
  });

  it("says why impossible sizes cannot be generated", () => {
    expect(generateOptionsProblem({ entities: 1, relations: 0, seed: 1 })).toMatch(/--entities must be a whole number of at least 2/);
    expect(generateOptionsProblem({ entities: 10, relations: 8, seed: 1 })).toMatch(/--relations must be .* at least entities - 1 \(9\)/);
    expect(generateOptionsProblem({ entities: 10, relations: 9, seed: 1, sources: 0 })).toMatch(/--sources must be/);
    expect(generateOptionsProblem({ entities: 10, relations: 9, seed: 1.5 })).toMatch(/--seed must be/);
    expect(() => generateDataset({ entities: 10, relations: 3, seed: 1 })).toThrow(RangeError);
  });
});

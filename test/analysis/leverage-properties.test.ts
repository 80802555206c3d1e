import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exposure } from "../../src/analysis/exposure.ts";
import { leverageChains } from "../../src/analysis/leverage.ts";
import { isActiveIn } from "../../src/analysis/relations.ts";
import { DEPENDENT_END, isDependencyKind } from "../../src/analysis/rules.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { RELATION_KINDS, type EntityKind, type RelationKind, type RelationKindSpec } from "../../src/model/ontology.ts";
import type { Dataset, Entity, Relation } from "../../src/model/schema.ts";
import { datasetArb } from "../support/arbitraries.ts";

/**
 * Small worlds dense in what chains are made of (two states, their people, agencies, carriers,
 * vendors and a bloc; pressures about vendors, dependencies, structure), with dates in a few
 * years so that windows overlap often and not always.
 */
/** How many of each: the entity kinds of a world, and how often each relation kind is drawn. */
const WORLD_ENTITIES: Partial<Record<EntityKind, number>> = {
  government: 2,
  person: 2,
  agency: 2,
  carrier: 3,
  organization: 1,
  vendor: 2,
  bloc: 1,
};
const RELATION_WEIGHTS: Partial<Record<RelationKind, number>> = {
  pressures: 3,
  threatens: 1,
  criticizes: 1,
  uses_equipment_from: 3,
  contracts_with: 1,
  removes_equipment_from: 1,
  supplies: 1,
  shares_intelligence_with: 2,
  funds: 1,
  member_of: 3,
  leads: 1,
  represents: 1,
  part_of: 1,
  owns: 1,
};

function expand<K extends string>(counts: Partial<Record<K, number>>): K[] {
  return (Object.entries(counts) as [K, number][]).flatMap(([key, count]) => Array.from({ length: count }, () => key));
}

const WORLD_KINDS = expand(WORLD_ENTITIES);
const WORLD_RELATION_KINDS = expand(RELATION_WEIGHTS);

const worldArb: fc.Arbitrary<Dataset> = fc
  .record({
    countries: fc.array(fc.constantFrom("CA", "US", undefined), { minLength: WORLD_KINDS.length, maxLength: WORLD_KINDS.length }),
    relations: fc.array(
      fc.record({
        kind: fc.constantFrom(...WORLD_RELATION_KINDS),
        source: fc.nat(),
        target: fc.nat(),
        about: fc.nat(),
        start: fc
          .tuple(
            fc.integer({ min: 2017, max: 2021 }),
            fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
            fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
          )
          .map(([year, month, day]) =>
            month === undefined
              ? `${year}`
              : `${year}-${String(month).padStart(2, "0")}${day === undefined ? "" : `-${String(day).padStart(2, "0")}`}`,
          ),
        years: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      }),
      { minLength: 10, maxLength: 40 },
    ),
  })
  .map(({ countries, relations }) => {
    const entities: Entity[] = WORLD_KINDS.map((kind, index) => {
      const country = index < 2 ? (index === 0 ? "CA" : "US") : countries[index];
      return { id: `${kind}-${index}`, kind, name: `${kind} ${index}`, ...(country === undefined || kind === "bloc" ? {} : { country }) };
    });
    const vendors = entities.filter((item) => item.kind === "vendor");
    const kept = relations.flatMap((item, index): Relation[] => {
      const spec: RelationKindSpec = RELATION_KINDS[item.kind];
      const sources = entities.filter((candidate) => spec.source.includes(candidate.kind));
      const targets = entities.filter((candidate) => spec.target.includes(candidate.kind));
      const source = sources[item.source % sources.length];
      const target = targets[item.target % targets.length];
      if (!source || !target || source.id === target.id) return [];
      const end = item.years === null ? null : `${Number(item.start.slice(0, 4)) + item.years}`;
      const relation: Relation = {
        id: `r-${index}`,
        kind: item.kind,
        source: source.id,
        target: target.id,
        start: item.start,
        end,
        claim: "c",
        evidence: [{ source: "s" }],
        confidence: "reported",
      };
      if (spec.family === "pressure") relation.about = (vendors[item.about % vendors.length] as Entity).id;
      return [relation];
    });
    return {
      meta: { name: "world" },
      entities,
      relations: kept,
      sources: [{ id: "s", url: "https://example.org/s", publisher: "P", title: "T", published: "2019" }],
    };
  });

describe("leverage analysis on generated datasets", () => {
  it("makes valid worlds that often hold chains and ties", () => {
    const samples = fc.sample(worldArb, { numRuns: 200, seed: 7 });
    for (const dataset of samples) {
      const result = parseDataset([
        {
          file: "w.json",
          json: { dataset: dataset.meta, entities: dataset.entities, relations: dataset.relations, sources: dataset.sources },
        },
      ]);
      expect(result.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    }
    const chains = samples.map((dataset) => leverageChains(buildGraph(dataset)));
    expect(chains.filter((found) => found.length > 0).length).toBeGreaterThan(60);
    expect(chains.filter((found) => found.some((chain) => chain.ties.length > 0)).length).toBeGreaterThan(10);
  });

  it.each([
    ["dense worlds", worldArb],
    ["any valid dataset", datasetArb({ maxEntities: 10, maxRelations: 40 })],
  ])(
    "never throws, cites only relations active in the chain's window, and agrees with its own filters and with exposure (%s)",
    (_name, arbitrary) => {
      fc.assert(
        fc.property(arbitrary, (dataset) => {
          const graph = buildGraph(dataset);
          const chains = leverageChains(graph);
          for (const chain of chains) {
            const ids = chain.relations.map((item) => item.id);
            expect(new Set(ids).size).toBe(ids.length);
            expect(ids[0]).toBe(chain.pressure);
            expect(graph.getEdgeAttribute(chain.pressure, "about")).toBe(chain.vendor);
            expect(chain.presser).not.toBe(chain.pressed);
            expect(chain.dependents.length).toBeGreaterThan(0);
            for (const item of chain.relations) {
              expect(isActiveIn(item, chain.window), `${item.id} in ${JSON.stringify(chain.window)}`).toBe(true);
              expect(chain.entities).toContain(item.source);
              expect(chain.entities).toContain(item.target);
              expect(item.sources.map((source) => source.id)).toEqual(
                graph.getEdgeAttribute(item.id, "evidence").map((evidence) => evidence.source),
              );
            }
            for (const dependent of chain.dependents) {
              for (const dependency of dependent.dependencies) {
                const kind = graph.getEdgeAttribute(dependency, "kind");
                if (!isDependencyKind(kind)) throw new Error(`${dependency} is not a dependency`);
                expect(DEPENDENT_END[kind] === "source" ? graph.source(dependency) : graph.target(dependency)).toBe(dependent.id);
              }
            }
          }
          for (const pressed of new Set(chains.map((chain) => chain.pressed))) {
            expect(leverageChains(graph, { target: pressed })).toEqual(chains.filter((chain) => chain.pressed === pressed));
          }
          const rows = exposure(graph);
          for (const chain of chains) {
            const row = rows.find((item) => item.pressed === chain.pressed && item.vendor === chain.vendor);
            expect(row?.pressures).toContain(chain.pressure);
            for (const dependent of chain.dependents) expect([...(row?.carriers ?? []), ...(row?.others ?? [])]).toContain(dependent.id);
          }
          for (const row of rows) {
            const dependents = new Set(
              chains
                .filter((chain) => chain.pressed === row.pressed && chain.vendor === row.vendor)
                .flatMap((chain) => chain.dependents.map((item) => item.id)),
            );
            expect(new Set([...row.carriers, ...row.others])).toEqual(dependents);
          }
        }),
        { numRuns: 200 },
      );
    },
  );
});

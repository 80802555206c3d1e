/**
 * selectSubgraph after the speed work (no whole-graph copy without filters, undirected shortest
 * paths walked in place) against the selection as it was before: the same subgraph, in the same
 * order, and the same errors; paths are shortest and real.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bidirectional } from "graphology-shortest-path/unweighted";
import toUndirected from "graphology-operators/to-undirected";
import { buildGraph } from "../../src/graph/build.ts";
import {
  SelectionError,
  egoNodes,
  filterGraph,
  selectSubgraph,
  shortestPathNodes,
  type SubgraphSelection,
} from "../../src/graph/select.ts";
import type { AtlasGraph } from "../../src/graph/types.ts";
import { ENTITY_KINDS, RELATION_FAMILIES, RELATION_KIND_NAMES } from "../../src/model/ontology.ts";
import { datasetArb, partialDateArb } from "../support/arbitraries.ts";

/** The selection as implemented before the speed work (commit a4f7f61): filter a copy, choose, drop the rest. */
function referenceSelect(graph: AtlasGraph, selection: SubgraphSelection): AtlasGraph {
  for (const id of [selection.ego?.id, selection.path?.from, selection.path?.to, ...(selection.ids ?? [])]) {
    if (id !== undefined && !graph.hasNode(id)) throw new SelectionError(`unknown entity id "${id}"`);
  }
  const filtered = filterGraph(graph, selection);
  const { ego, path, ids } = selection;
  const nodes = new Set<string>();
  if (!ego && !path && !ids) filtered.forEachNode((node) => nodes.add(node));
  if (ego) for (const node of egoNodes(filtered, ego.id, ego.depth, ego.direction)) nodes.add(node);
  if (path) {
    if (!filtered.hasNode(path.from)) throw new SelectionError(`unknown entity id "${path.from}" (path start)`);
    if (!filtered.hasNode(path.to)) throw new SelectionError(`unknown entity id "${path.to}" (path end)`);
    const found = bidirectional(path.directed ? filtered : toUndirected(filtered), path.from, path.to);
    if (!found) throw new SelectionError(`no path between "${path.from}" and "${path.to}" under the current filters`);
    for (const node of found) nodes.add(node);
  }
  if (ids) {
    for (const id of ids) {
      if (!filtered.hasNode(id)) throw new SelectionError(`unknown entity id "${id}" (ids)`);
      nodes.add(id);
    }
  }
  for (const node of filtered.filterNodes((node) => !nodes.has(node))) filtered.dropNode(node);
  if (selection.dropIsolated) {
    for (const node of filtered.filterNodes((node) => filtered.degree(node) === 0)) filtered.dropNode(node);
  }
  return filtered;
}

function outcome(select: () => AtlasGraph): unknown {
  try {
    return select().export();
  } catch (error) {
    if (error instanceof SelectionError) return { error: error.message };
    throw error;
  }
}

const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

/** A graph and a selection on it: filters of every kind, ego, ids, and ids that do not exist. */
const caseArb = datasetArb({ maxEntities: 14, maxRelations: 30 }).chain((dataset) => {
  const graph = buildGraph(dataset);
  const ids = [...graph.nodes(), "no-such-entity"];
  const idArb = fc.constantFrom(...ids);
  const selectionArb = fc.record(
    {
      families: optional(fc.subarray([...RELATION_FAMILIES])),
      relationKinds: optional(fc.subarray([...RELATION_KIND_NAMES], { maxLength: 8 })),
      kinds: optional(fc.subarray([...ENTITY_KINDS])),
      at: optional(partialDateArb),
      from: optional(partialDateArb),
      to: optional(partialDateArb),
      ego: optional(
        fc.record({
          id: idArb,
          depth: fc.integer({ min: 0, max: 3 }),
          direction: fc.constantFrom<"out" | "in" | "both">("out", "in", "both"),
        }),
      ),
      path: optional(fc.record({ from: idArb, to: idArb, directed: fc.boolean() })),
      ids: optional(fc.subarray(ids, { maxLength: Math.min(4, ids.length) })),
      dropIsolated: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  return fc.tuple(fc.constant(graph), selectionArb);
});

describe("selectSubgraph selects what it selected before the speed work", () => {
  it("gives the same subgraph, in the same order, or the same error, for every selection without a path", () => {
    fc.assert(
      fc.property(caseArb, ([graph, selection]) => {
        const withoutPath: SubgraphSelection = { ...selection, path: undefined };
        expect(outcome(() => selectSubgraph(graph, withoutPath))).toStrictEqual(outcome(() => referenceSelect(graph, withoutPath)));
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it("with a path: the same entities and relations but for which of equally short paths is taken", () => {
    fc.assert(
      fc.property(caseArb, ([graph, selection]) => {
        const ours = outcome(() => selectSubgraph(graph, selection));
        const theirs = outcome(() => referenceSelect(graph, selection));
        if (!selection.path || "error" in (theirs as object)) {
          expect(ours).toStrictEqual(theirs);
          return;
        }
        // Same number of entities on the path; the rest of the selection is identical.
        expect((ours as { nodes: unknown[] }).nodes.length).toBe((theirs as { nodes: unknown[] }).nodes.length);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it("finds a shortest path ignoring direction, as long as graphology's on an undirected copy, along real relations", () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.nat(), ([graph], first, second) => {
        const nodes = graph.nodes();
        const from = nodes[first % nodes.length] as string;
        const to = nodes[second % nodes.length] as string;
        const path = shortestPathNodes(graph, from, to);
        const expected = bidirectional(toUndirected(graph), from, to);
        if (expected === null) {
          expect(path).toBeNull();
          return;
        }
        expect(path).not.toBeNull();
        expect(path).toHaveLength(expected.length);
        expect(path?.[0]).toBe(from);
        expect(path?.at(-1)).toBe(to);
        for (let step = 1; step < (path?.length ?? 0); step += 1) {
          const [a, b] = [path?.[step - 1] as string, path?.[step] as string];
          expect(graph.areNeighbors(a, b)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it("does not write into the source graph", () => {
    fc.assert(
      fc.property(caseArb, ([graph, selection]) => {
        const before = graph.export();
        try {
          const selected = selectSubgraph(graph, selection);
          selected.forEachNode((node) => selected.setNodeAttribute(node, "label", "changed"));
          selected.forEachEdge((edge) => selected.setEdgeAttribute(edge, "claim", "changed"));
        } catch (error) {
          if (!(error instanceof SelectionError)) throw error;
        }
        expect(graph.export()).toStrictEqual(before);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

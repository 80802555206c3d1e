/** Shared loading and query helpers for the tests that pin the curated dataset in data/. */
import { buildGraph } from "../../src/graph/build.ts";
import type { AtlasGraph, RelationAttributes } from "../../src/graph/types.ts";
import { loadDataset } from "../../src/load/read.ts";
import type { LoadResult } from "../../src/load/parse.ts";
import type { Dataset } from "../../src/model/schema.ts";

export interface Edge extends RelationAttributes {
  id: string;
  source: string;
  target: string;
}

export interface Loaded {
  result: LoadResult;
  dataset: Dataset;
  graph: AtlasGraph;
}

let cached: Promise<Loaded> | undefined;

/** Loads data/ once per test file and builds its graph; throws if the dataset does not load. */
export function loadCurated(): Promise<Loaded> {
  cached ??= (async () => {
    const result = await loadDataset("data");
    if (!result.ok)
      throw new Error(
        `data/ does not load:\n${result.issues.map((issue) => `${issue.file}:${issue.pointer}: ${issue.message}`).join("\n")}`,
      );
    return { result, dataset: result.dataset, graph: buildGraph(result.dataset) };
  })();
  return cached;
}

export function edges(graph: AtlasGraph): Edge[] {
  return graph.mapEdges((id, attributes, source, target) => ({ id, source, target, ...attributes }));
}

/** Edges matching every given field. */
export function edgesWhere(graph: AtlasGraph, match: Partial<Pick<Edge, "kind" | "family" | "source" | "target" | "about">>): Edge[] {
  return edges(graph).filter((edge) => Object.entries(match).every(([field, value]) => edge[field as keyof Edge] === value));
}

/**
 * Compares two partial dates (YYYY, YYYY-MM, YYYY-MM-DD) on their common precision:
 * negative when a is before b, positive when after, 0 when they overlap.
 */
export function compareDates(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  return a.slice(0, length).localeCompare(b.slice(0, length));
}

/** True when the relation holds at some point of the given month or day (start on or before it, no end or end on or after it). */
export function activeAt(edge: Pick<Edge, "start" | "end">, date: string): boolean {
  return compareDates(edge.start, date) <= 0 && (edge.end === null || compareDates(edge.end, date) >= 0);
}

/** Ids of the entities that act for a government: itself, its parts, and people who lead or represent it or its parts. */
export function actorsOf(graph: AtlasGraph, government: string): Set<string> {
  const actors = new Set([government]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const edge of edges(graph)) {
      if (
        (edge.kind === "part_of" || edge.kind === "leads" || edge.kind === "represents") &&
        actors.has(edge.target) &&
        !actors.has(edge.source)
      ) {
        actors.add(edge.source);
        grew = true;
      }
    }
  }
  return actors;
}

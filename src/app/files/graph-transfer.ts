/**
 * The view graph from the load worker to the page: graphology's serialized form (`graph.export()`) as JSON text,
 * which the page parses and imports, as the benchmark's floor does with the same form. Text, not the object:
 * a string crosses to the page in one copy, and JSON.parse of it costs the page less than the structured clone of
 * tens of thousands of small objects (docs/benchmarks.md). Pure; tested in node.
 */
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { GraphAttributes, RelationAttributes } from "../../graph/types.ts";
import type { ViewGraph, ViewNodeAttributes } from "../model/view-graph.ts";

export function exportViewGraph(graph: ViewGraph): string {
  return JSON.stringify(graph.export());
}

/** The graph exportViewGraph wrote, as buildGraph and prepareViewGraph made it. */
export function importViewGraph(text: string): ViewGraph {
  const serialized = JSON.parse(text) as SerializedGraph<ViewNodeAttributes, RelationAttributes, GraphAttributes>;
  const graph: ViewGraph = MultiDirectedGraph.from(serialized);
  // buildGraph's sources have no prototype (an id such as "constructor" must find nothing inherited); JSON gives them one.
  graph.setAttribute("sources", Object.assign(Object.create(null) as GraphAttributes["sources"], graph.getAttribute("sources")));
  return graph;
}

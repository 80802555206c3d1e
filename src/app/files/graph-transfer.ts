/**
 * The view graph from the load worker to the page: graphology's serialized form (`graph.export()`), in parts of a
 * few thousand entities or relations, each as JSON text, which the page parses and imports as it arrives (the
 * benchmark's floor imports the same form at once). Text, not objects: a string crosses to the page in one copy,
 * and JSON.parse of it costs the page less than the structured clone of as many small objects; parts, so the worker
 * writes the next while the page imports the last, and no import holds the page for long (docs/benchmarks.md).
 * Pure; tested in node.
 */
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { GraphAttributes, RelationAttributes } from "../../graph/types.ts";
import type { ViewGraph, ViewNodeAttributes } from "../model/view-graph.ts";

type SerializedViewGraph = SerializedGraph<ViewNodeAttributes, RelationAttributes, GraphAttributes>;

/** Entities and relations per part: some tens of milliseconds of parsing and importing each on a slow machine. */
export const GRAPH_PART_ITEMS = 5_000;

/**
 * The graph as the JSON texts of serialized parts, in its order: the first with the graph's options and attributes,
 * every entity before the relations (one part may hold the last entities and the first relations).
 */
export function* exportViewGraph(graph: ViewGraph, itemsPerPart = GRAPH_PART_ITEMS): Generator<string> {
  const { nodes, edges, options, attributes } = graph.export();
  let first = true;
  for (let start = 0; first || start < nodes.length + edges.length; start += itemsPerPart) {
    const part: Partial<SerializedViewGraph> = first ? { options, attributes } : {};
    first = false;
    const end = start + itemsPerPart;
    part.nodes = nodes.slice(start, end);
    part.edges = edges.slice(Math.max(0, start - nodes.length), Math.max(0, end - nodes.length));
    yield JSON.stringify(part);
  }
}

/** The graph exportViewGraph's parts make, built as they arrive (`add`), then as buildGraph and prepareViewGraph made it (`finish`). */
export class ViewGraphImport {
  private graph: ViewGraph | null = null;

  add(text: string): void {
    const part = JSON.parse(text) as Partial<SerializedViewGraph>;
    if (!this.graph) this.graph = new MultiDirectedGraph(part.options);
    this.graph.import(part);
  }

  finish(): ViewGraph {
    const { graph } = this;
    if (!graph) throw new Error("no part of the graph arrived");
    // buildGraph's sources have no prototype (an id such as "constructor" must find nothing inherited); JSON gives them one.
    graph.setAttribute("sources", Object.assign(Object.create(null) as GraphAttributes["sources"], graph.getAttribute("sources")));
    return graph;
  }
}

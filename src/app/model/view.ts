/**
 * What the explorer shows for a view state: the visible entities and relations, the highlighted
 * path, and plain-language notices when part of the view cannot be honoured. All selection logic
 * (filters, ego network, shortest path) is src/graph/select.ts; this module only maps the view
 * state onto it and words its errors for the page.
 */
import { RELATION_FAMILIES, ENTITY_KINDS } from "../../model/ontology.ts";
import {
  filterGraph,
  filteredKeys,
  selectSubgraph,
  shortestPathNodes,
  SelectionError,
  type SubgraphSelection,
} from "../../graph/select.ts";
import type { AtlasGraph } from "../../graph/types.ts";
import type { ViewState } from "../state/state.ts";

export type PathResult = { found: true; nodes: string[]; edges: Set<string> } | { found: false; message: string };

export interface ViewResult {
  nodes: Set<string>;
  edges: Set<string>;
  path: PathResult | null;
  /** Why part of the view could not be shown (unknown focus, focus hidden by a filter...). */
  notices: string[];
}

/** The selection filters of a view: families, kinds and date; absent when everything is shown. */
export function viewFilters(state: ViewState): SubgraphSelection {
  const selection: SubgraphSelection = {};
  if (state.families.length !== RELATION_FAMILIES.length) selection.families = state.families;
  if (state.kinds.length !== ENTITY_KINDS.length) selection.kinds = state.kinds;
  if (state.at !== null) selection.at = state.at;
  return selection;
}

function labelOf(graph: AtlasGraph, id: string): string {
  return graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id;
}

/** The shortest path between two entities under the view's filters, ignoring direction. */
export function computePath(graph: AtlasGraph, from: string, to: string, filters: SubgraphSelection): PathResult {
  for (const id of [from, to]) {
    if (!graph.hasNode(id)) return { found: false, message: `No entity has the id "${id}".` };
  }
  const filtered = filterGraph(graph, filters);
  for (const id of [from, to]) {
    if (!filtered.hasNode(id))
      return { found: false, message: `${labelOf(graph, id)} is hidden by the entity kind filters, so no path can reach it.` };
  }
  const nodes = shortestPathNodes(filtered, from, to);
  if (nodes === null) {
    return { found: false, message: `No path between ${labelOf(graph, from)} and ${labelOf(graph, to)} under the current filters.` };
  }
  const edges = new Set<string>();
  for (let i = 0; i + 1 < nodes.length; i++) {
    const a = nodes[i] as string;
    const b = nodes[i + 1] as string;
    for (const edge of filtered.edges(a, b)) edges.add(edge);
    for (const edge of filtered.edges(b, a)) edges.add(edge);
  }
  return { found: true, nodes, edges };
}

export function computeView(graph: AtlasGraph, state: ViewState): ViewResult {
  const filters = viewFilters(state);
  const notices: string[] = [];
  let visible: { nodes: Set<string>; edges: Set<string> } | null = null;

  if (state.focus !== null && !graph.hasNode(state.focus)) {
    notices.push(`No entity has the id "${state.focus}".`);
  } else if (state.focus !== null && state.depth !== null) {
    try {
      const ego = selectSubgraph(graph, { ...filters, ego: { id: state.focus, depth: state.depth } });
      visible = { nodes: new Set(ego.nodes()), edges: new Set(ego.edges()) };
    } catch (error) {
      if (!(error instanceof SelectionError)) throw error;
      notices.push(`${labelOf(graph, state.focus)} is hidden by the entity kind filters, so its neighbourhood cannot be shown.`);
    }
  }
  visible ??= filteredKeys(graph, filters);

  let path: PathResult | null = null;
  if (state.path !== null) {
    path = computePath(graph, state.path.from, state.path.to, filters);
    if (path.found) {
      // The path stays visible even when it leaves the ego network.
      for (const node of path.nodes) visible.nodes.add(node);
      for (const edge of path.edges) visible.edges.add(edge);
    }
  }
  if (state.leverage !== null && !graph.hasNode(state.leverage)) {
    notices.push(`No entity has the id "${state.leverage}", so the Leverage panel shows its default government.`);
  }
  return { nodes: visible.nodes, edges: visible.edges, path, notices };
}

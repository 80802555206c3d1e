/**
 * What the explorer shows for a view state: the visible entities and relations, the highlighted
 * path with its steps, and plain-language notices when part of the view cannot be honoured. All
 * selection logic (filters, ego network, shortest path) is src/graph/select.ts; this module maps the
 * view state onto it, hides the entities left without a relation when the view asks for it (at a
 * date, by default: "entities in time"), and words its errors for the page.
 */
import { CONFIDENCES, ENTITY_KINDS, RELATION_FAMILIES, type RelationKind } from "../../model/ontology.ts";
import {
  filterGraph,
  filteredKeys,
  selectSubgraph,
  shortestPathNodes,
  SelectionError,
  type SubgraphSelection,
} from "../../graph/select.ts";
import type { AtlasGraph } from "../../graph/types.ts";
import { lastDay } from "../../model/dates.ts";
import { listWords } from "../../model/text.ts";
import { NO_COUNTRY, type ViewState } from "../state/state.ts";

/** One step of a path: the relations joining two consecutive entities, each going along the path (forward) or against it. */
export interface PathStep {
  from: string;
  to: string;
  relations: { id: string; kind: RelationKind; forward: boolean }[];
}

export type PathResult =
  | { found: true; nodes: string[]; edges: Set<string>; steps: PathStep[]; directed: boolean }
  | { found: false; message: string };

export interface ViewResult {
  nodes: Set<string>;
  edges: Set<string>;
  path: PathResult | null;
  /** Why part of the view could not be shown (unknown focus, focus hidden by a filter...). */
  notices: string[];
  /** Entities the filters kept but that left the view for having no shown relation (at a date, or "hide isolated"). */
  withoutRelations: number;
}

/** The selection filters of a view: families, kinds, countries, confidences and dates; absent when everything is shown. */
export function viewFilters(state: ViewState): SubgraphSelection {
  const selection: SubgraphSelection = {};
  if (state.families.length !== RELATION_FAMILIES.length) selection.families = state.families;
  if (state.kinds.length !== ENTITY_KINDS.length) selection.kinds = state.kinds;
  if (state.countries !== null) selection.countries = state.countries.map((country) => (country === NO_COUNTRY ? null : country));
  if (state.confidence.length !== CONFIDENCES.length) selection.confidences = state.confidence;
  if (state.at !== null) selection.at = state.at;
  else if (state.range !== null) {
    selection.from = `${state.range.from}-01`;
    selection.to = lastDay(state.range.to);
  }
  return selection;
}

/** Whether the view narrows time: a month, or a range with no month chosen. */
export function narrowsTime(state: ViewState): boolean {
  return state.at !== null || state.range !== null;
}

function labelOf(graph: AtlasGraph, id: string): string {
  return graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id;
}

/** Which entity filter hides an entity, in words. */
function hiddenBy(graph: AtlasGraph, id: string, filters: SubgraphSelection): string {
  const kinds = filters.kinds;
  return kinds && !kinds.includes(graph.getNodeAttribute(id, "kind")) ? "the entity kind filters" : "the country filter";
}

/**
 * The shortest path between two entities under the view's filters, with each step's relations.
 * Undirected paths go along relations either way; directed ones only from a relation's source to its target.
 */
export function computePath(graph: AtlasGraph, from: string, to: string, filters: SubgraphSelection, directed = false): PathResult {
  for (const id of [from, to]) {
    if (!graph.hasNode(id)) return { found: false, message: `No entity has the id "${id}".` };
  }
  const filtered = filterGraph(graph, filters);
  for (const id of [from, to]) {
    if (!filtered.hasNode(id))
      return { found: false, message: `${labelOf(graph, id)} is hidden by ${hiddenBy(graph, id, filters)}, so no path can reach it.` };
  }
  const nodes = shortestPathNodes(filtered, from, to, directed);
  if (nodes === null) {
    if (directed && shortestPathNodes(filtered, from, to, false) !== null)
      return {
        found: false,
        message: `No path from ${labelOf(graph, from)} to ${labelOf(graph, to)} follows the relations' direction under the current filters; ignoring direction, there is one.`,
      };
    return { found: false, message: `No path between ${labelOf(graph, from)} and ${labelOf(graph, to)} under the current filters.` };
  }
  const edges = new Set<string>();
  const steps: PathStep[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const a = nodes[i] as string;
    const b = nodes[i + 1] as string;
    const relations: PathStep["relations"] = [];
    for (const edge of filtered.outEdges(a, b)) relations.push({ id: edge, kind: filtered.getEdgeAttribute(edge, "kind"), forward: true });
    if (!directed)
      for (const edge of filtered.outEdges(b, a)) relations.push({ id: edge, kind: filtered.getEdgeAttribute(edge, "kind"), forward: false });
    for (const relation of relations) edges.add(relation.id);
    steps.push({ from: a, to: b, relations });
  }
  return { found: true, nodes, edges, steps, directed };
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
      notices.push(`${labelOf(graph, state.focus)} is hidden by ${hiddenBy(graph, state.focus, filters)}, so its neighbourhood cannot be shown.`);
    }
  }
  visible ??= filteredKeys(graph, filters);

  let path: PathResult | null = null;
  if (state.path !== null) {
    path = computePath(graph, state.path.from, state.path.to, filters, state.paths === "directed");
    if (path.found) {
      // The path stays visible even when it leaves the ego network.
      for (const node of path.nodes) visible.nodes.add(node);
      for (const edge of path.edges) visible.edges.add(edge);
    }
  }

  // Entities in time: at a date, an entity without a relation active then leaves the view (unless all are kept);
  // "hide isolated" does the same whatever the date. The focus and a path's entities stay.
  let withoutRelations = 0;
  if ((narrowsTime(state) && state.entities === "active") || state.isolated === "hide") {
    const related = new Set<string>();
    for (const edge of visible.edges) for (const end of graph.extremities(edge)) related.add(end);
    if (state.focus !== null) related.add(state.focus);
    if (path?.found) for (const node of path.nodes) related.add(node);
    for (const node of visible.nodes) {
      if (related.has(node)) continue;
      visible.nodes.delete(node);
      withoutRelations += 1;
    }
  }

  if (state.leverage !== null && !graph.hasNode(state.leverage)) {
    notices.push(`No entity has the id "${state.leverage}", so the Leverage panel shows its default government.`);
  }
  return { nodes: visible.nodes, edges: visible.edges, path, notices, withoutRelations };
}

/**
 * Why a view shows no entity, one phrase per constraint that narrows it ("only entities of Canada",
 * "at June 1950, only entities with a relation active then"), so an empty graph is explained rather
 * than left blank.
 */
export function whyEmpty(graph: AtlasGraph, state: ViewState, names: ViewNames): string[] {
  const reasons: string[] = [];
  if (state.focus !== null && state.depth !== null && graph.hasNode(state.focus))
    reasons.push(`within ${state.depth} ${state.depth === 1 ? "step" : "steps"} of ${labelOf(graph, state.focus)}`);
  if (state.families.length === 0) reasons.push("no relation family is ticked");
  else if (state.families.length < RELATION_FAMILIES.length) reasons.push(`only ${listOf(state.families.map(names.family))} relations`);
  if (state.kinds.length === 0) reasons.push("no entity kind is ticked");
  else if (state.kinds.length < ENTITY_KINDS.length) reasons.push(`only entities of kind ${listOf(state.kinds.map(names.kind))}`);
  if (state.countries !== null)
    reasons.push(state.countries.length === 0 ? "no country is ticked" : `only entities of ${listOf(state.countries.map(names.country))}`);
  if (state.confidence.length === 0) reasons.push("no confidence is ticked");
  else if (state.confidence.length < CONFIDENCES.length) reasons.push(`only ${listOf(state.confidence)} relations`);
  if (narrowsTime(state)) {
    const when = state.at !== null ? `in ${names.month(state.at)}` : `between ${names.month(state.range?.from ?? "")} and ${names.month(state.range?.to ?? "")}`;
    reasons.push(state.entities === "active" ? `${when}, only entities with a relation active then` : `only relations active ${when}`);
  }
  if (state.isolated === "hide") reasons.push("entities without a shown relation hidden");
  return reasons;
}

/** How whyEmpty names things (the page's formatters, passed in so this module stays free of them). */
export interface ViewNames {
  family: (family: ViewState["families"][number]) => string;
  kind: (kind: ViewState["kinds"][number]) => string;
  country: (code: string) => string;
  month: (month: string) => string;
}

function listOf(items: readonly string[]): string {
  return listWords(items, "and");
}

/**
 * What an export from the explorer holds: the selected entities when there is a selection (with the
 * relations among them that the view shows), otherwise the current view exactly as shown (filters,
 * time, neighbourhood, path). Also the selection that names the file (exportFileName) and a summary.
 */
import { subgraphOfKeys, type SubgraphSelection } from "../../graph/select.ts";
import type { AtlasGraph } from "../../graph/types.ts";
import type { FileNameParts } from "../../formats/file-name.ts";
import { plural } from "./format.ts";
import { viewFilters, type ViewResult } from "./view.ts";
import type { ViewState } from "../state/state.ts";

export interface ExportScope {
  kind: "selection" | "view";
  nodes: Set<string>;
  edges: Set<string>;
  /** What the file name says about the export. */
  naming: SubgraphSelection;
  /** Selected entities the current view hides (filtered out): they are not exported. */
  hiddenSelected: number;
}

/** The export scope for the explorer's state, its computed view and the selection. */
export function exportScope(graph: AtlasGraph, state: ViewState, view: ViewResult, selected: ReadonlySet<string>): ExportScope {
  const filters = viewFilters(state);
  if (selected.size > 0) {
    const nodes = new Set<string>();
    let hiddenSelected = 0;
    for (const id of selected) {
      if (view.nodes.has(id)) nodes.add(id);
      else if (graph.hasNode(id)) hiddenSelected += 1;
    }
    const edges = new Set<string>();
    for (const edge of view.edges) {
      if (nodes.has(graph.source(edge)) && nodes.has(graph.target(edge))) edges.add(edge);
    }
    return { kind: "selection", nodes, edges, naming: { ...filters, ids: [...nodes] }, hiddenSelected };
  }
  const naming: SubgraphSelection = { ...filters };
  if (state.focus !== null && state.depth !== null && graph.hasNode(state.focus)) naming.ego = { id: state.focus, depth: state.depth };
  if (state.path !== null && view.path?.found) naming.path = { from: state.path.from, to: state.path.to };
  return { kind: "view", nodes: new Set(view.nodes), edges: new Set(view.edges), naming, hiddenSelected: 0 };
}

/** The subgraph an export writes (a copy: the explorer's graph is never touched). */
export function exportSubgraph(graph: AtlasGraph, scope: ExportScope): AtlasGraph {
  return subgraphOfKeys(graph, scope);
}

/** The parts of the exported file's name (the format and its options add theirs: exportFileName). */
export function exportNameParts(graph: AtlasGraph, scope: ExportScope): FileNameParts {
  const parts: FileNameParts = { dataset: graph.getAttribute("name"), selection: scope.naming };
  if (scope.kind === "view") parts.scope = "view";
  return parts;
}

/** "the selection: 3 entities, 2 relations" / "the current view: 84 entities, 202 relations". */
export function describeScope(scope: ExportScope): string {
  const what = scope.kind === "selection" ? "the selection" : "the current view";
  return `${what}: ${plural(scope.nodes.size, "entity", "entities")}, ${plural(scope.edges.size, "relation")}`;
}

/** Why nothing can be exported, or null when the scope holds something. */
export function emptyScopeProblem(scope: ExportScope): string | null {
  if (scope.nodes.size > 0) return null;
  if (scope.kind === "selection")
    return "Nothing to export: every selected entity is hidden by the current filters. Show them again or clear the selection.";
  return "Nothing to export: the current view shows no entities. Tick some entity kinds in the legend.";
}

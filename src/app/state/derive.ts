/**
 * What the explorer shows, derived from its state: the entities and relations in view
 * (model/view.ts's computeView, plus the highlighted leverage chain), the legend's counts, the
 * Leverage panel's content, and the flags sigma draws from (render/flags.ts applies their changes).
 *
 * `createDeriver` remembers each part's last inputs, so a state change recomputes only the parts
 * that depend on it: hovering an entity costs its degree, not a pass over the graph.
 */
import { legendCounts, type LegendCounts } from "../model/legend.ts";
import { shownGovernment, type EntityRef, type LeverageView } from "../model/leverage-view.ts";
import { entityRows, relationRows, tablePage, type TablePage, type TableRows } from "../model/table.ts";
import { computeView, type ViewResult } from "../model/view.ts";
import type { AtlasGraph } from "../../graph/types.ts";
import { hidesEdgesWhileMoving, type Highlight, type SigmaView } from "../render/flags.ts";
import type { ExplorerState, LeverageAnalysis, TableName, TableQuery, ViewState } from "./state.ts";

/** What the Leverage panel shows. */
export interface LeverageShown {
  /** A line in place of the chains while the analysis runs, or after it failed. */
  pending: string | null;
  /** The view answered for the government and month shown, with the chosen chain when it is active then. */
  view: LeverageView | null;
  parties: readonly EntityRef[];
  /** The chain chosen in the address, active at the month or not. */
  chosen: string | null;
  /** The chosen chain lit up on the graph, when it is active at the month. */
  highlight: (Highlight & { id: string }) | null;
}

/** What the table view shows: the open table's rows (model/table.ts) and the page asked for. */
export interface TableShown extends TablePage {
  table: TableRows;
}

export interface Derived {
  /** What the view shows (the highlighted chain stays visible, as a path does). */
  view: ViewResult;
  /** The table view's open table; null while it is closed. */
  table: TableShown | null;
  /** The legend's counts of what is shown. */
  shown: LegendCounts;
  leverage: LeverageShown;
  sigma: SigmaView;
}

/** The worker's cache key for a leverage view. */
export function leverageKey(government: string | null, at: string | null): string {
  return `${government ?? ""}\u0000${at ?? ""}`;
}

/** The leverage view the state asks for (null until the analysis has ranked the parties). */
export function leverageWanted(
  graph: AtlasGraph,
  state: ExplorerState,
): { key: string; government: string | null; at: string | null } | null {
  const analysis = state.analysis.leverage;
  if (analysis.status !== "ready") return null;
  const government = shownGovernment(graph, state.view, analysis.defaultGovernment);
  return { key: leverageKey(government, state.view.at), government, at: state.view.at };
}

const ANALYSING = "Analysing leverage…";

/** What the Leverage panel shows for the analysis as far as it has got, with a chain chosen or not. */
export function leverageShown(analysis: LeverageAnalysis, chain: string | null): LeverageShown {
  const nothing = { view: null, parties: [], chosen: chain, highlight: null };
  if (analysis.status === "analysing") return { ...nothing, pending: ANALYSING };
  if (analysis.status === "failed") return { ...nothing, pending: `The leverage analysis failed: ${analysis.message}` };
  const view = analysis.shown === null ? undefined : analysis.views[analysis.shown];
  if (view === undefined) return { ...nothing, parties: analysis.parties, pending: ANALYSING };
  const chosen = chain === null ? null : (view.chains.find((row) => row.id === chain) ?? null);
  return {
    pending: null,
    view: { ...view, chosen },
    parties: analysis.parties,
    chosen: chain,
    highlight: chosen ? { id: chosen.id, ...chosen.highlight } : null,
  };
}

/** The view with a highlighted chain's entities and relations kept visible. */
export function withHighlight(view: ViewResult, highlight: Highlight | null): ViewResult {
  if (highlight === null) return view;
  const nodes = new Set(view.nodes);
  const edges = new Set(view.edges);
  for (const node of highlight.nodes) nodes.add(node);
  for (const edge of highlight.edges) edges.add(edge);
  return { ...view, nodes, edges };
}

/** An entity, its neighbours and its relations (null for none, or an entity the graph does not have). */
export function neighbourhood(graph: AtlasGraph, entity: string | null): Highlight | null {
  if (entity === null || !graph.hasNode(entity)) return null;
  return { nodes: [entity, ...graph.neighbors(entity)], edges: graph.edges(entity) };
}

const EMPTY: ReadonlySet<string> = new Set();

/** Remembers the last arguments and result: the same arguments (each the same object) give the same result. */
function memoize<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args) => {
    if (last && last.args.length === args.length && last.args.every((arg, index) => Object.is(arg, args[index]))) return last.result;
    const result = compute(...args);
    last = { args, result };
    return result;
  };
}

/** Returns the value it was last given instead of an equal new one, so what depends on it is not recomputed. */
function keepSame<T>(same: (a: T, b: T) => boolean): (value: T) => T {
  let last: { value: T } | null = null;
  return (value) => {
    if (last !== null && same(last.value, value)) return last.value;
    last = { value };
    return value;
  };
}

function sameHighlight(a: LeverageShown["highlight"], b: LeverageShown["highlight"]): boolean {
  if (a === null || b === null) return a === b;
  const sameList = (x: readonly string[], y: readonly string[]): boolean =>
    x.length === y.length && x.every((item, index) => item === y[index]);
  return a.id === b.id && sameList(a.nodes, b.nodes) && sameList(a.edges, b.edges);
}

/** The same view for what it shows: every field but the table view's. */
function sameShownView(a: ViewState, b: ViewState): boolean {
  return (Object.keys(a) as (keyof ViewState)[]).every((key) => key === "table" || Object.is(a[key], b[key]));
}

/** A function from state to Derived that recomputes only what changed since its last call. */
export function createDeriver(graph: AtlasGraph): (state: ExplorerState) => Derived {
  // Opening or switching the table view changes the view state but not what the graph shows.
  const shownView = keepSame(sameShownView);
  const base = memoize((view: ViewState) => computeView(graph, view));
  // A table's rows, sort keys and sorted orders are made when it is first opened, then kept.
  const rows: Partial<Record<TableName, TableRows>> = {};
  const tableRows = (name: TableName): TableRows => (rows[name] ??= name === "entities" ? entityRows(graph) : relationRows(graph));
  const table = memoize(
    (name: TableName | null, query: TableQuery | null, view: ViewResult, selection: ReadonlySet<string>): TableShown | null => {
      if (name === null || query === null) return null;
      const shown = tableRows(name);
      return { ...tablePage(shown, view, selection, query), table: shown };
    },
  );
  // A new answer from the analysis often lights up the same chain: the view keeps its sets then.
  const highlight = keepSame(sameHighlight);
  const leverage = memoize((analysis: LeverageAnalysis, chain: string | null): LeverageShown => {
    const shown = leverageShown(analysis, chain);
    return { ...shown, highlight: highlight(shown.highlight) };
  });
  const visible = memoize(withHighlight);
  const shown = memoize((view: ViewResult) => legendCounts(graph, view));
  const active = memoize((entity: string | null) => neighbourhood(graph, entity));
  const focus = memoize((id: string | null) => (id !== null && graph.hasNode(id) ? id : null));
  const bigGraph = hidesEdgesWhileMoving(graph);
  return (state) => {
    const lever = leverage(state.analysis.leverage, state.view.chain);
    const view = visible(base(shownView(state.view)), lever.highlight);
    const open = state.view.table;
    const query = open === null ? null : state.tables[open];
    // The selection matters to a table's rows only when it shows the selection's rows.
    const selection = query?.onlySelected ? state.selection : EMPTY;
    const cursor = state.cursor !== null && view.nodes.has(state.cursor) ? state.cursor : null;
    return {
      view,
      table: table(open, query, view, selection),
      shown: shown(view),
      leverage: lever,
      sigma: {
        nodes: view.nodes,
        edges: view.edges,
        focus: focus(state.view.focus),
        path: view.path?.found ? view.path : null,
        selected: state.selection,
        // The keyboard's ring lights its entity's neighbourhood as the pointer does.
        active: active(state.hover.entity ?? cursor),
        cursor,
        chain: lever.highlight,
        layingOut: bigGraph && state.layout.status === "running",
      },
    };
  };
}

/** Derived from a state, all parts computed afresh. */
export function derive(graph: AtlasGraph, state: ExplorerState): Derived {
  return createDeriver(graph)(state);
}

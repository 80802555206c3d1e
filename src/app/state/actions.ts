/**
 * The only ways the explorer's state changes: small pure functions `(state, args) => newState`,
 * applied by the store (store.ts). An action that changes nothing returns the state it was given,
 * so nothing downstream is redrawn. None of them read the graph: callers pass ids the graph has.
 */
import type {
  LayoutStatus,
  ExplorerState,
  EgoDepth,
  HoveredRelation,
  LabelPreference,
  ServedStatus,
  TableName,
  TableQuery,
  TableSort,
  ViewState,
} from "./state.ts";
import { CONFIDENCES, ENTITY_KINDS, RELATION_FAMILIES } from "../../model/ontology.ts";
import type { EntityRef, LeverageView } from "../model/leverage-view.ts";
import type { MonthSpan } from "../model/time.ts";

/** Answered leverage views kept, so the time control going back and forth asks the worker once per month. */
export const KEPT_LEVERAGE_VIEWS = 64;

/** Equal values, arrays with the same items, or plain objects with the same fields (a path's ends, a hovered relation). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
  }
  const aFields = Object.entries(a);
  return aFields.length === Object.keys(b).length && aFields.every(([key, value]) => Object.is(value, (b as Record<string, unknown>)[key]));
}

/** The state with part of its view replaced; a view without a focus has no depth. */
function withView(state: ExplorerState, patch: Partial<ViewState>): ExplorerState {
  const view: ViewState = { ...state.view, ...patch };
  if (view.focus === null) view.depth = null;
  const keys = Object.keys(view) as (keyof ViewState)[];
  return keys.every((key) => sameValue(view[key], state.view[key])) ? state : { ...state, view };
}

function withSelection(state: ExplorerState, ids: Iterable<string>): ExplorerState {
  const selection = new Set(ids);
  if (selection.size !== state.selection.size) return { ...state, selection };
  const before = [...state.selection];
  return [...selection].every((id, index) => before[index] === id) ? state : { ...state, selection };
}

// The view.

/** The view's filters: which families, kinds, countries and confidences are shown, and whether isolated entities are. */
export type Filters = Pick<ViewState, "families" | "kinds" | "countries" | "confidence" | "isolated">;

/** Changes some of the filters, leaving the others as they are. */
export function setFilters(state: ExplorerState, filters: Partial<Filters>): ExplorerState {
  return withView(state, filters);
}

/** Every filter off: every family, kind, country and confidence, isolated entities too. */
export function clearFilters(state: ExplorerState): ExplorerState {
  return withView(state, {
    families: [...RELATION_FAMILIES],
    kinds: [...ENTITY_KINDS],
    countries: null,
    confidence: [...CONFIDENCES],
    isolated: "show",
  });
}

/** Shows everything the dataset has: no filter, every date, the whole graph rather than a neighbourhood. */
export function showEverything(state: ExplorerState): ExplorerState {
  return withView(clearFilters(state), { at: null, range: null, depth: null, entities: "active" });
}

/** Shows the relations active in a month (YYYY-MM), or every date (null). */
export function setTime(state: ExplorerState, at: string | null): ExplorerState {
  return withView(state, { at });
}

/** Chooses the months Play animates and the events list covers (null: the story years). */
export function setRange(state: ExplorerState, range: MonthSpan | null): ExplorerState {
  return withView(state, { range });
}

/** At a date, shows only the entities with a relation active then ("active"), or every entity ("all"). */
export function setEntitiesInTime(state: ExplorerState, entities: ViewState["entities"]): ExplorerState {
  return withView(state, { entities });
}

/** Shortest paths that follow relations from source to target only ("directed"), or either way. */
export function setPathMode(state: ExplorerState, paths: ViewState["paths"]): ExplorerState {
  return withView(state, { paths });
}

/** Opens an entity's details (null closes them, and leaves its neighbourhood). */
export function focusEntity(state: ExplorerState, id: string | null): ExplorerState {
  return withView(state, { focus: id });
}

/** Shows the focus's neighbourhood to a depth, or the whole graph (null). */
export function setDepth(state: ExplorerState, depth: EgoDepth | null): ExplorerState {
  return withView(state, { depth });
}

export function setPath(state: ExplorerState, path: { from: string; to: string } | null): ExplorerState {
  return withView(state, { path });
}

/** Shows a government in the Leverage panel, with no chain chosen. */
export function chooseGovernment(state: ExplorerState, id: string): ExplorerState {
  return withView(state, { leverage: id, chain: null });
}

/** Lights a chain up (null clears it), keeping the government the panel shows. */
export function chooseChain(state: ExplorerState, choice: { government: string | null; chain: string | null }): ExplorerState {
  return withView(state, { leverage: choice.government, chain: choice.chain });
}

// The selection.

export function select(state: ExplorerState, ids: Iterable<string>): ExplorerState {
  return withSelection(state, ids);
}

export function addToSelection(state: ExplorerState, ids: Iterable<string>): ExplorerState {
  return withSelection(state, [...state.selection, ...ids]);
}

export function deselect(state: ExplorerState, id: string): ExplorerState {
  return withSelection(
    state,
    [...state.selection].filter((other) => other !== id),
  );
}

export function toggleSelected(state: ExplorerState, id: string): ExplorerState {
  return state.selection.has(id) ? deselect(state, id) : addToSelection(state, [id]);
}

export function clearSelection(state: ExplorerState): ExplorerState {
  return withSelection(state, []);
}

/** A click on an entity in the graph: with Shift it joins or leaves the selection; otherwise it becomes the selection and the focus. */
export function clickEntity(state: ExplorerState, click: { id: string; additive: boolean }): ExplorerState {
  if (click.additive) return toggleSelected(state, click.id);
  return focusEntity(select(state, [click.id]), click.id);
}

// The pointer.

export function hoverEntity(state: ExplorerState, id: string | null): ExplorerState {
  return state.hover.entity === id ? state : { ...state, hover: { ...state.hover, entity: id } };
}

export function hoverRelation(state: ExplorerState, relation: HoveredRelation | null): ExplorerState {
  return sameValue(state.hover.relation, relation) ? state : { ...state, hover: { ...state.hover, relation } };
}

// Labels (a preference of the browser, not part of the view).

export function setLabels(state: ExplorerState, labels: Partial<LabelPreference>): ExplorerState {
  const next = { ...state.labels, ...labels };
  return next.density === state.labels.density && next.size === state.labels.size ? state : { ...state, labels: next };
}

// Panels.

export function setPanelOpen(state: ExplorerState, panel: { id: string; open: boolean }): ExplorerState {
  const open = state.panels[panel.id] !== false;
  return open === panel.open ? state : { ...state, panels: { ...state.panels, [panel.id]: panel.open } };
}

// The keyboard on the graph.

/** Puts the keyboard's ring on an entity of the graph (null: the graph has lost keyboard focus). */
export function moveCursor(state: ExplorerState, id: string | null): ExplorerState {
  return state.cursor === id ? state : { ...state, cursor: id };
}

// The table view.

/** Opens the table view on a table, or closes it (null). */
export function openTable(state: ExplorerState, table: TableName | null): ExplorerState {
  return withView(state, { table });
}

/** Changes one table's query; a new sort, filter or scope starts again at the first page. */
function withTableQuery(state: ExplorerState, table: TableName, patch: Partial<TableQuery>): ExplorerState {
  const current = state.tables[table];
  const query: TableQuery = { ...current, page: 0, ...patch };
  const same =
    query.filter === current.filter &&
    query.onlySelected === current.onlySelected &&
    query.page === current.page &&
    sameValue(query.sort, current.sort);
  return same ? state : { ...state, tables: { ...state.tables, [table]: query } };
}

export function sortTable(state: ExplorerState, change: { table: TableName; sort: TableSort }): ExplorerState {
  return withTableQuery(state, change.table, { sort: change.sort });
}

export function filterTable(state: ExplorerState, change: { table: TableName; filter: string }): ExplorerState {
  return withTableQuery(state, change.table, { filter: change.filter });
}

/** Shows only the selection's rows (selected entities, relations between selected entities), or every row in view. */
export function showOnlySelected(state: ExplorerState, change: { table: TableName; onlySelected: boolean }): ExplorerState {
  return withTableQuery(state, change.table, { onlySelected: change.onlySelected });
}

export function showTablePage(state: ExplorerState, change: { table: TableName; page: number }): ExplorerState {
  return withTableQuery(state, change.table, { page: Math.max(0, Math.floor(change.page)) });
}

// Notices.

/** Closes a notice: it stays closed while it is raised, and shows again when raised anew (keepDismissedNotices). */
export function dismissNotice(state: ExplorerState, text: string): ExplorerState {
  if (state.dismissedNotices.has(text)) return state;
  return { ...state, dismissedNotices: new Set([...state.dismissedNotices, text]) };
}

/** Forgets closed notices that are no longer raised, so they show again the next time they are. */
export function keepDismissedNotices(state: ExplorerState, raised: readonly string[]): ExplorerState {
  const kept = [...state.dismissedNotices].filter((text) => raised.includes(text));
  return kept.length === state.dismissedNotices.size ? state : { ...state, dismissedNotices: new Set(kept) };
}

// The layout.

export function layoutStatusChanged(state: ExplorerState, status: LayoutStatus): ExplorerState {
  if (state.layout.status === status) return state;
  const restarted = status === "running";
  return {
    ...state,
    layout: {
      ...state.layout,
      status,
      ...(restarted ? { iterations: 0, iterationsPerSecond: 0 } : {}),
      settledOnce: state.layout.settledOnce || status === "settled",
    },
  };
}

export function layoutProgressed(state: ExplorerState, progress: { iterations: number; iterationsPerSecond: number }): ExplorerState {
  return { ...state, layout: { ...state.layout, iterations: progress.iterations, iterationsPerSecond: progress.iterationsPerSecond } };
}

// The leverage analysis.

export function leverageRanked(
  state: ExplorerState,
  ranking: { parties: readonly EntityRef[]; defaultGovernment: string | null },
): ExplorerState {
  return {
    ...state,
    analysis: {
      ...state.analysis,
      leverage: { status: "ready", parties: ranking.parties, defaultGovernment: ranking.defaultGovernment, views: {}, shown: null },
    },
  };
}

/** A view the worker answered, kept by its key (the oldest leave past KEPT_LEVERAGE_VIEWS). */
export function leverageAnswered(state: ExplorerState, answer: { key: string; view: LeverageView }): ExplorerState {
  const analysis = state.analysis.leverage;
  if (analysis.status !== "ready") return state;
  const kept = Object.entries(analysis.views).filter(([key]) => key !== answer.key);
  const views = Object.fromEntries([...kept.slice(Math.max(0, kept.length - KEPT_LEVERAGE_VIEWS + 1)), [answer.key, answer.view]]);
  return { ...state, analysis: { ...state.analysis, leverage: { ...analysis, views } } };
}

/** Shows an answered view in the panel. */
export function showLeverageView(state: ExplorerState, key: string): ExplorerState {
  const analysis = state.analysis.leverage;
  if (analysis.status !== "ready" || analysis.shown === key || !(key in analysis.views)) return state;
  return { ...state, analysis: { ...state.analysis, leverage: { ...analysis, shown: key } } };
}

export function leverageFailed(state: ExplorerState, message: string): ExplorerState {
  return { ...state, analysis: { ...state.analysis, leverage: { status: "failed", message } } };
}

// The served folder.

/** The live link to `atlas serve` was made, broken or re-made (nothing changes on a page not served). */
export function servedLinkChanged(state: ExplorerState, link: ServedStatus["link"]): ExplorerState {
  const served = state.dataset.served;
  if (served === undefined || served.link === link) return state;
  return { ...state, dataset: { ...state.dataset, served: { ...served, link } } };
}

/**
 * The explorer's one state: what the view shows (mirrored in the address), the selection, what the
 * pointer is over, which panels are open, the dataset's notices and how far the layout and the
 * leverage analysis have got. Only the pure functions in actions.ts change it; the address, sigma's
 * flags and every panel are derived from it (address.ts, derive.ts).
 */
import type { BundleContents } from "../../load/bundle.ts";
import type { Confidence, EntityKind, RelationFamily } from "../../model/ontology.ts";
import type { LabelDensity, LabelSize } from "../model/labels.ts";
import type { EntityRef, LeverageView } from "../model/leverage-view.ts";
import type { MonthSpan } from "../model/time.ts";

export const EGO_DEPTHS = [1, 2, 3] as const;
export type EgoDepth = (typeof EGO_DEPTHS)[number];

/** The table view's tables (its tabs). */
export const TABLE_NAMES = ["entities", "relations"] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** The part of the state the address carries (one row each in address.ts), so a reload or a shared link restores it. */
export interface ViewState {
  /** The entity whose details are open (and the centre of the ego network). */
  focus: string | null;
  /** Show only the focus's neighbourhood up to this depth; null shows the whole graph. */
  depth: EgoDepth | null;
  /** Relation families shown, in ontology order. */
  families: RelationFamily[];
  /** Entity kinds shown, in ontology order. */
  kinds: EntityKind[];
  /** Show the relations active in this month (YYYY-MM); null shows every date. */
  at: string | null;
  /** Highlight a shortest path between two entities. */
  path: { from: string; to: string } | null;
  /** The government the Leverage panel shows; null shows the dataset's default (model/leverage-view.ts). */
  leverage: string | null;
  /** The leverage chain highlighted on the graph (`pressure:presser:pressed`, as the analysis names it). */
  chain: string | null;
  /** Show only entities of these countries (ISO codes, NO_COUNTRY for entities without one); null shows every country. */
  countries: string[] | null;
  /** Relation confidences shown, in ontology order. */
  confidence: Confidence[];
  /** "hide": entities left without a shown relation leave the view. */
  isolated: "show" | "hide";
  /** The months Play animates and the events list covers; with no date chosen, the view shows what is active during it. */
  range: MonthSpan | null;
  /** At a date or in a range, "active" shows only entities with a relation active then; "all" keeps every entity. */
  entities: "active" | "all";
  /** "directed": the shortest path follows relations from source to target only. */
  paths: "undirected" | "directed";
  /** The table view's open table; null while the table view is closed. */
  table: TableName | null;
  /**
   * The page is embedded in another (an iframe, `?embed=1`): the graph, its key and details on click, and a
   * link to the full view; nothing that edits, opens files or exports (panels/registry.ts EMBED_PANEL_IDS).
   */
  embed: boolean;
}

/** The country filter's name for entities without a country. */
export const NO_COUNTRY = "none";

/** How many labels the graph shows and how big: a preference of this browser (kept in localStorage), not part of the address. */
export interface LabelPreference {
  density: LabelDensity;
  size: LabelSize;
}

export interface TableSort {
  /** A column id of model/table.ts. */
  column: string;
  direction: "ascending" | "descending";
}

/** How one table of the table view is sorted, filtered and paged. */
export interface TableQuery {
  sort: TableSort;
  /** Words every row shown must hold (names, kinds, dates, claims, sources...), case and accents ignored. */
  filter: string;
  /** Only the selection's rows: selected entities, relations between two selected entities. */
  onlySelected: boolean;
  /** The page shown, from 0 (clamped to the pages there are when derived). */
  page: number;
}

/** How each table opens: entities by name, relations by start date, everything the graph shows. */
export function defaultTableQuery(table: TableName): TableQuery {
  return { sort: { column: table === "entities" ? "name" : "start", direction: "ascending" }, filter: "", onlySelected: false, page: 0 };
}

/** The relation under the pointer, where the pointer is (graph-pane pixels). */
export interface HoveredRelation {
  id: string;
  x: number;
  y: number;
}

export type LayoutStatus = "running" | "settled" | "stopped";

export interface LayoutState {
  status: LayoutStatus;
  /** Iterations run since the layout (re)started, and the worker's recent rate. */
  iterations: number;
  iterationsPerSecond: number;
  /** The layout has settled once since the dataset opened (the camera re-centres then). */
  settledOnce: boolean;
  /** The saved layout (layouts/NAME.json) the positions were opened from, or null: ForceAtlas2 from the start. */
  saved: string | null;
}

/** A saved layout the explorer opens with: its name, and whether it places every entity (then ForceAtlas2 does not run). */
export interface OpenedLayout {
  name: string;
  complete: boolean;
}

/** The leverage analysis runs in a worker (analysis/leverage-analysis.ts); its answers are kept here. */
export type LeverageAnalysis =
  | { status: "analysing" }
  | { status: "failed"; message: string }
  | {
      status: "ready";
      /** The parties that can be chosen, governments first. */
      parties: readonly EntityRef[];
      /** The dataset's main case, else its most exposed government. */
      defaultGovernment: string | null;
      /** Views answered so far, by leverageKey (government and month); the oldest go first past a limit. */
      views: Readonly<Record<string, LeverageView>>;
      /** The key of the view the panel shows: the one asked for once it is answered, the previous one until then. */
      shown: string | null;
    };

export interface DatasetStatus {
  /** What could not be used in the address the dataset was opened at ("Address: ignored ..."). */
  notices: readonly string[];
  /** The loader's warnings about the dataset. */
  warnings: readonly string[];
  /** The bundle the dataset came in: its files (paths, texts, sha256s: the bases of a save) and saved layouts. */
  bundle?: BundleContents;
  /** Set when `atlas serve` serves the dataset from a folder (absent on a static site). */
  served?: ServedStatus;
  /**
   * Set when the dataset can be edited in the page (its files are known): "server" saves through `atlas serve`,
   * "download" (a static site) downloads the changed files. Absent: no editing (read-only, an opened file, an embed).
   */
  editing?: "server" | "download";
}

/** A dataset folder served by `atlas serve`: its name, whether edits can be saved, and the live link to it. */
export interface ServedStatus {
  folder: string;
  mode: "edit" | "read-only";
  /** "live": changes on disk show at once; otherwise the link to the server is being made or re-made. */
  link: "connecting" | "live" | "reconnecting";
}

export interface ExplorerState {
  view: ViewState;
  /** Entities selected with click, shift-click, a box or "Select neighbours", in the order they were selected. */
  selection: ReadonlySet<string>;
  /** The entity and the relation under the pointer. */
  hover: { entity: string | null; relation: HoveredRelation | null };
  /** Panels closed by the user, by panel id (every panel is open unless it is listed here as false). */
  panels: Readonly<Record<string, boolean>>;
  /** The entity the keyboard is on in the graph (drawn with a ring); null while the graph has no keyboard focus. */
  cursor: string | null;
  /** How each table of the table view is sorted, filtered and paged. */
  tables: Readonly<Record<TableName, TableQuery>>;
  /** Notices closed by the user (their text), left closed while they are still raised. */
  dismissedNotices: ReadonlySet<string>;
  dataset: DatasetStatus;
  layout: LayoutState;
  analysis: { leverage: LeverageAnalysis };
  labels: LabelPreference;
}

/**
 * The state an explorer opens in: the view from the address, nothing selected, the layout starting (or, with a
 * saved layout that places every entity, already in place), the analysis running.
 */
export function initialState(
  view: ViewState,
  dataset: DatasetStatus,
  labels: LabelPreference = { density: "some", size: "medium" },
  opened: OpenedLayout | null = null,
): ExplorerState {
  return {
    view,
    selection: new Set(),
    hover: { entity: null, relation: null },
    panels: {},
    cursor: null,
    tables: { entities: defaultTableQuery("entities"), relations: defaultTableQuery("relations") },
    dismissedNotices: new Set(),
    dataset,
    // The explorer starts the layout as it opens, unless a saved layout has placed everything.
    layout:
      opened?.complete === true
        ? { status: "settled", iterations: 0, iterationsPerSecond: 0, settledOnce: true, saved: opened.name }
        : { status: "running", iterations: 0, iterationsPerSecond: 0, settledOnce: false, saved: opened?.name ?? null },
    analysis: { leverage: { status: "analysing" } },
    labels,
  };
}

/** Whether a panel is open (panels are open unless closed). */
export function isPanelOpen(state: ExplorerState, id: string): boolean {
  return state.panels[id] !== false;
}

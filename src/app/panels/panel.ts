/**
 * The panel contract. A panel is mounted once per dataset with a context (the graph, the store,
 * the renderer and the page's regions), is updated with the state and what is derived from it
 * after every change, and is destroyed before another dataset replaces it. It changes the state
 * only through the store's actions (state/actions.ts). Panels are listed in registry.ts.
 */
import type { SearchIndex } from "../model/search.ts";
import type { ViewGraph } from "../model/view-graph.ts";
import type { FileOpener } from "../files/open-file.ts";
import type { Workbench } from "../edit/workbench.ts";
import type { LayoutController } from "../render/layout.ts";
import type { AtlasRenderer } from "../render/renderer.ts";
import type { Derived } from "../state/derive.ts";
import type { ExplorerState } from "../state/state.ts";
import type { Store } from "../state/store.ts";

/**
 * Where panels put their elements: the page header, the toolbar over the graph, the graph pane
 * (overlays and the time bar), the drawer under the graph (the table view), the side panel, and the
 * selection section's actions (provided by the selection panel). Within a region, elements follow the
 * registry's order.
 */
export type RegionName = "header" | "toolbar" | "pane" | "drawer" | "side" | "selection-actions";

/** One-off requests that are not state: where keyboard focus goes. */
export type PanelRequest =
  /** An entity was chosen (search, a link): its details take keyboard focus. */
  | { type: "focus-details" }
  /** "Path from here…": the path starts at this entity, and keyboard focus goes to its other end. */
  | { type: "path-from"; id: string }
  /** Open the editor: a new record (a relation may start from one entity, or between two), or an existing one. */
  | { type: "edit"; collection: "entities" | "relations" | "sources"; id: string | null; from?: string; to?: string };

export interface PanelContext {
  readonly graph: ViewGraph;
  readonly store: Store<ExplorerState>;
  readonly renderer: AtlasRenderer;
  readonly layout: LayoutController;
  /** The entity search shared by the header and the path pickers (debounced for big graphs). */
  readonly search: { index: SearchIndex; debounceMs: number };
  /** Opens files (the "Open file" button); null where the page cannot. */
  readonly opener: FileOpener | null;
  /** The editing workbench, when the dataset can be edited here (state.dataset.editing); else null. */
  readonly workbench: Workbench | null;
  readonly region: (name: RegionName) => HTMLElement;
  /** Adds a region for the panels after this one (the selection panel's actions). */
  readonly provideRegion: (name: RegionName, element: HTMLElement) => void;
  /** Opens an entity's details, brings it into view and gives its details keyboard focus. */
  readonly choose: (id: string) => void;
  /** Brings what the view shows into the window, clear of the toolbar, with room for labels. */
  readonly fitShown: () => void;
  /** Sends a request to every panel. */
  readonly request: (request: PanelRequest) => void;
}

export interface MountedPanel {
  /** After every state change (and once after mounting): brings the panel up to date. */
  update(state: ExplorerState, derived: Derived): void;
  /** Removes page-level listeners, timers and workers. */
  destroy(): void;
  /** The panel's main element, hidden while the panel is closed (state.panels). */
  readonly element?: HTMLElement;
  /** Escape pressed on the page (outside elements that use it themselves); true when the panel used it. */
  onEscape?(target: EventTarget | null): boolean;
  handle?(request: PanelRequest): void;
}

export interface Panel {
  /** Names the panel in state.panels. */
  readonly id: string;
  mount(context: PanelContext): MountedPanel;
}

/**
 * Remembers a panel's last inputs, so `update` redraws only what changed: `changed(...)` is true on
 * the first call and whenever one of the values is another value or object than last time.
 */
export class Inputs {
  private last: readonly unknown[] | null = null;

  changed(...values: unknown[]): boolean {
    const last = this.last;
    this.last = values;
    return last === null || last.length !== values.length || values.some((value, index) => !Object.is(value, last[index]));
  }
}

/** True for elements that use Escape or typing themselves (text fields, lists): page-level Escape leaves them be. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !["checkbox", "radio", "range", "button"].includes(target.type);
}

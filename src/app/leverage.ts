/**
 * The Leverage panel's controller: keeps one LeverageContext for the graph, recomputes the chains
 * only when the government or the month changes, lights the chosen chain up on the renderer
 * (isLeverage flags on its entities and relations, hasLeverage dims the rest) and fits the camera
 * to it when it is chosen. The explorer calls `set` on every view change and keeps the returned
 * highlight visible, as it does for a path.
 */
import { exposure } from "../analysis/exposure.ts";
import { LeverageContext } from "../analysis/leverage.ts";
import {
  defaultGovernment,
  leverageView,
  pressedParties,
  shownGovernment,
  type EntityRef,
  type Highlight,
  type LeverageView,
} from "./model/leverage-view.ts";
import type { ViewGraph } from "./model/view-graph.ts";
import type { ViewState } from "./model/view-state.ts";
import type { AtlasRenderer } from "./renderer.ts";
import { LeveragePanel } from "./ui/leverage-panel.ts";

/** Screen pixels kept free around a fitted chain: more on the right, where labels extend past their entity. */
const FIT_MARGIN = { left: 50, right: 190, vertical: 60 };
const FIT_DURATION_MS = 450;

export interface LeverageHandlers {
  onChange: (patch: Pick<ViewState, "leverage" | "chain">) => void;
  onEntity: (id: string) => void;
}

export class LeverageController {
  readonly element: HTMLElement;
  /** The government shown by default: the dataset's main case, else its most exposed government. */
  readonly defaultGovernment: string | null;
  private readonly context: LeverageContext;
  private readonly panel: LeveragePanel;
  private readonly parties: EntityRef[];
  private view: LeverageView | null = null;
  private viewKey = "";
  private chosen: string | null = null;
  private highlight: Highlight | null = null;
  private highlightId: string | null = null;
  /** Fit the camera to the next highlight: set by a choice in the panel and by a chain in the URL. */
  private fitPending = true;
  private firstLayout = true;

  constructor(
    private readonly graph: ViewGraph,
    private readonly renderer: AtlasRenderer,
    private readonly handlers: LeverageHandlers,
  ) {
    this.context = new LeverageContext(graph);
    const ranking = exposure(graph, {}, this.context);
    this.parties = pressedParties(graph, ranking);
    this.defaultGovernment = defaultGovernment(graph, ranking);
    this.panel = new LeveragePanel({
      onGovernment: (id) => handlers.onChange({ leverage: id, chain: null }),
      onChain: (id) => this.choose(id),
      onEntity: (id) => handlers.onEntity(id),
    });
    this.element = this.panel.element;
    document.addEventListener("keydown", this.onKeyDown);
  }

  /** Escape clears the chain from anywhere but a text field or a panel that uses Escape itself. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== "Escape" || event.defaultPrevented || this.chosen === null) return;
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return;
    event.preventDefault();
    this.choose(null);
  };

  /** Removes the page-level listener, before another dataset replaces the explorer. */
  destroy(): void {
    document.removeEventListener("keydown", this.onKeyDown);
  }

  /** The chain lit up on the graph (null when none is, or the chosen one is not active at the month). */
  get highlighted(): { id: string; nodes: string[]; edges: string[] } | null {
    return this.highlight && this.highlightId ? { id: this.highlightId, ...this.highlight } : null;
  }

  /** The panel's current content (for tests and the console). */
  get current(): LeverageView | null {
    return this.view;
  }

  /**
   * Brings the panel and the highlight up to date with a view state; returns the entities and
   * relations to keep visible (the highlighted chain), or null.
   */
  set(state: ViewState): Highlight | null {
    const government = shownGovernment(this.graph, state, this.defaultGovernment);
    const key = `${government ?? ""}\u0000${state.at ?? ""}`;
    if (this.view === null || key !== this.viewKey) {
      this.viewKey = key;
      this.view = leverageView(this.graph, this.context, { government, at: state.at, chain: state.chain });
    }
    this.chosen = state.chain;
    const chosenRow = state.chain === null ? null : (this.view.chains.find((chain) => chain.id === state.chain) ?? null);
    this.view = { ...this.view, chosen: chosenRow };
    this.panel.show(this.view, this.parties, state.chain);
    this.applyHighlight(chosenRow?.id ?? null, chosenRow?.highlight ?? null);
    return this.highlight;
  }

  /** The layout settled: a chain highlighted during the first layout was fitted while entities still moved, so fit it again. */
  layoutSettled(): void {
    const first = this.firstLayout;
    this.firstLayout = false;
    // The last positions reach sigma's display data on its next frame: measure after it.
    if (first && this.highlight) this.renderer.once("afterRender", () => this.highlight && this.fitCamera(this.highlight.nodes));
  }

  private choose(id: string | null): void {
    if (id !== null) this.fitPending = true;
    this.handlers.onChange({ leverage: this.view?.government?.id ?? null, chain: id });
  }

  private applyHighlight(id: string | null, next: Highlight | null): void {
    if (id === this.highlightId) return;
    const previous = this.highlight;
    if (previous) {
      this.renderer.setNodesState(previous.nodes, { isLeverage: false });
      this.renderer.setEdgesState(previous.edges, { isLeverage: false });
    }
    this.highlight = next;
    this.highlightId = id;
    if (next) {
      this.renderer.setNodesState(next.nodes, { isLeverage: true });
      this.renderer.setEdgesState(next.edges, { isLeverage: true });
    }
    this.renderer.setGraphState({ hasLeverage: next !== null });
    if (next && this.fitPending) {
      this.fitPending = false;
      this.fitCamera(next.nodes);
    }
  }

  /**
   * Moves the camera so every entity of the chain is in view. Sigma 4 has no "fit these nodes"
   * helper, so this measures the entities' box on screen at ratio 1 (the camera's scale is linear
   * in its ratio) and scales the ratio to fit it within the graph pane.
   */
  private fitCamera(nodes: readonly string[]): void {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const node of nodes) {
      const data = this.renderer.getNodeDisplayData(node);
      if (!data) continue;
      minX = Math.min(minX, data.x);
      maxX = Math.max(maxX, data.x);
      minY = Math.min(minY, data.y);
      maxY = Math.max(maxY, data.y);
    }
    if (!Number.isFinite(minX)) return;
    const camera = this.renderer.getCamera();
    const centre = { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
    const atOne = { ...camera.getState(), ...centre, ratio: 1 };
    const a = this.renderer.framedGraphToViewport({ x: minX, y: minY }, { cameraState: atOne });
    const b = this.renderer.framedGraphToViewport({ x: maxX, y: maxY }, { cameraState: atOne });
    const { width, height } = this.renderer.getDimensions();
    const free = { width: Math.max(width - FIT_MARGIN.left - FIT_MARGIN.right, 1), height: Math.max(height - 2 * FIT_MARGIN.vertical, 1) };
    const ratio = camera.getBoundedRatio(Math.max(Math.abs(b.x - a.x) / free.width, Math.abs(b.y - a.y) / free.height, 0.15));
    // Put the box's centre in the middle of the free area, left of the pane's centre.
    const shift = (FIT_MARGIN.right - FIT_MARGIN.left) / 2;
    const target = this.renderer.viewportToFramedGraph({ x: width / 2 + shift, y: height / 2 }, { cameraState: { ...atOne, ratio } });
    void camera.animate({ x: target.x, y: target.y, ratio }, { duration: FIT_DURATION_MS });
  }
}

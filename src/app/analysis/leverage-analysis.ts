/**
 * The Leverage panel's controller: the analysis runs in a web worker (leverage-worker.ts) that
 * ranks the pressed parties once and computes the panel's view when the government or the month
 * changes; the controller lights the chosen chain up on the renderer (isLeverage flags on its
 * entities and relations, hasLeverage dims the rest) and fits the camera to it when it is chosen.
 * The explorer calls `set` on every view change and keeps the returned highlight visible, as it
 * does for a path; when an answer arrives, `onAnalysed` asks it to apply the view again.
 */
import type { LeverageReply, LeverageRequest } from "./leverage-worker.ts";
import { shownGovernment, type EntityRef, type Highlight, type LeverageView } from "../model/leverage-view.ts";
import type { ViewGraph } from "../model/view-graph.ts";
import type { ViewState } from "../state/address.ts";
import type { AtlasRenderer } from "../render/renderer.ts";
import { LeveragePanel } from "../panels/leverage.ts";

/** Screen pixels kept free around a fitted chain: more on the right, where labels extend past their entity. */
const FIT_MARGIN = { left: 50, right: 190, vertical: 60 };
const FIT_DURATION_MS = 450;

export interface LeverageHandlers {
  onChange: (patch: Pick<ViewState, "leverage" | "chain">) => void;
  onEntity: (id: string) => void;
  /** The worker answered (the ranking, or a view asked for): apply the view state again. */
  onAnalysed: () => void;
}

/** Views kept by government and month, so the time control going back and forth asks the worker once per month. */
const KEPT_VIEWS = 64;

export class LeverageController {
  readonly element: HTMLElement;
  /** The government shown by default: the dataset's main case, else its most exposed government (null until ranked). */
  defaultGovernment: string | null = null;
  private readonly panel: LeveragePanel;
  private readonly worker: Worker;
  /** Null until the worker has ranked the pressed parties. */
  private parties: EntityRef[] | null = null;
  private failure: string | null = null;
  private readonly views = new Map<string, LeverageView>();
  private asked = "";
  private view: LeverageView | null = null;
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
    this.panel = new LeveragePanel({
      onGovernment: (id) => handlers.onChange({ leverage: id, chain: null }),
      onChain: (id) => this.choose(id),
      onEntity: (id) => handlers.onEntity(id),
    });
    this.element = this.panel.element;
    this.panel.showPending("Analysing leverage…");
    this.worker = new Worker(new URL("./leverage-worker.ts", import.meta.url), { type: "module", name: "atlas-leverage" });
    this.worker.onmessage = (event: MessageEvent<LeverageReply>) => this.receive(event.data);
    this.worker.onerror = (event) => this.receive({ type: "failed", message: event.message || "the analysis stopped" });
    // Copying the graph to the worker takes a second or two at 50k entities: after the first frame, not before it.
    requestAnimationFrame(() => setTimeout(() => this.post({ type: "graph", graph: graph.export() }), 0));
    document.addEventListener("keydown", this.onKeyDown);
  }

  private post(request: LeverageRequest): void {
    this.worker.postMessage(request);
  }

  private receive(reply: LeverageReply): void {
    if (reply.type === "failed") {
      this.failure = `The leverage analysis failed: ${reply.message}`;
      this.panel.showPending(this.failure);
      return;
    }
    if (reply.type === "ranking") {
      performance.mark("atlas:leverage-ranked");
      this.parties = reply.parties;
      this.defaultGovernment = reply.defaultGovernment;
    } else {
      if (this.views.size >= KEPT_VIEWS) this.views.delete(this.views.keys().next().value ?? "");
      this.views.set(reply.key, reply.view);
    }
    this.handlers.onAnalysed();
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
    this.worker.terminate();
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
    if (this.failure !== null) return null;
    if (this.parties === null) {
      // Not ranked yet: the panel says so, and the view is asked for once the worker can answer.
      return this.highlight;
    }
    const government = shownGovernment(this.graph, state, this.defaultGovernment);
    const key = `${government ?? ""}\u0000${state.at ?? ""}`;
    const ready = this.views.get(key);
    if (!ready) {
      if (this.asked !== key) {
        this.asked = key;
        this.post({ type: "view", key, government, at: state.at });
      }
      // Until the answer, the panel and the highlight stay as they are (the time control may be playing).
      if (this.view === null) this.panel.showPending("Analysing leverage…");
      return this.highlight;
    }
    this.chosen = state.chain;
    const chosenRow = state.chain === null ? null : (ready.chains.find((chain) => chain.id === state.chain) ?? null);
    this.view = { ...ready, chosen: chosenRow };
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

/**
 * The explorer's controller: owns the view state (mirrored in the query string), the renderer,
 * the layout and the panels. A state change recomputes the view once (model/view.ts) and flips
 * state flags only on the items whose visibility, path or focus changed.
 *
 * Extension points for later features: `selection` + `onSelectionChange` (export buttons go in
 * `slots.selectionActions`), `slots.panel` (e.g. a Leverage panel section), `slots.toolbar`
 * (e.g. an "Open file" button), `graph` and `renderer` (PNG export, GEXF/JSON of the view).
 */
import { entityDetails, type EntityDetails } from "./model/details.ts";
import { formatPeriod, plural, relationKindLabel } from "./model/format.ts";
import { legendCounts, type LegendCounts } from "./model/legend.ts";
import { buildSearchIndex, type SearchHit, type SearchIndex } from "./model/search.ts";
import { timeBounds } from "./model/time.ts";
import { computeView, type ViewResult } from "./model/view.ts";
import { defaultViewState, queryString, writeViewState, type ViewState } from "./state/address.ts";
import type { ViewGraph } from "./model/view-graph.ts";
import { createRenderer, hidesEdgesWhileMoving, type AtlasRenderer } from "./render/renderer.ts";
import { LayoutController, type LayoutProgress, type LayoutStatus } from "./render/layout.ts";
import { LeverageController } from "./analysis/leverage-analysis.ts";
import { EntityCombobox } from "./ui/combobox.ts";
import { DetailsPanel } from "./panels/details.ts";
import { el } from "./ui/dom.ts";
import { FocusPanel } from "./panels/focus.ts";
import { Legend } from "./panels/legend.ts";
import { TimeControl } from "./panels/time.ts";

/** Warnings listed in the page; the CLI lists them all. */
const MAX_LISTED_WARNINGS = 50;
/** Above this many entities, search waits for a pause in typing. */
const SEARCH_DEBOUNCE_FROM = 5_000;
/** The layout's positions wait until the camera has been still this long (a pan or zoom stays one frame per step). */
const CAMERA_REST_MS = 250;

export interface ExplorerSlots {
  /** Toolbar over the graph (layout and zoom buttons live here). */
  toolbar: HTMLElement;
  /** The side panel; later sections (e.g. Leverage) are appended here. */
  panel: HTMLElement;
  /** Buttons acting on the selection (e.g. Export GEXF/JSON/PNG). */
  selectionActions: HTMLElement;
}

export class Explorer {
  readonly renderer: AtlasRenderer;
  readonly layout: LayoutController;
  /** The Leverage panel and the chain it lights up. */
  readonly leverage: LeverageController;
  readonly slots: ExplorerSlots;
  /** Entities selected with click / shift-click / "select neighbours". */
  readonly selection = new Set<string>();
  private readonly selectionListeners: ((selection: ReadonlySet<string>) => void)[] = [];
  private readonly viewListeners: ((state: ViewState, view: ViewResult) => void)[] = [];

  private state: ViewState = defaultViewState();
  private view: ViewResult | null = null;
  private readonly totals: LegendCounts;
  private readonly index: SearchIndex;
  private readonly legend: Legend;
  private readonly time: TimeControl;
  private readonly details: DetailsPanel;
  private readonly focusPanel: FocusPanel;
  private readonly counts: HTMLElement;
  private readonly notices: HTMLElement;
  private readonly tooltip: HTMLElement;
  private readonly layoutButton: HTMLButtonElement;
  private readonly layoutLabel: HTMLElement;
  private readonly layoutCount: HTMLElement;
  private readonly selectionInfo: HTMLElement;
  private activeNodes: string[] = [];
  private activeEdges: string[] = [];
  private fixedNotices: string[];
  private readonly warningsNotice: HTMLElement | null;
  /** The first layout moves entities: re-centre on the focus from the URL once it settles. */
  private recentreOnSettle: boolean;

  constructor(
    private readonly root: HTMLElement,
    readonly graph: ViewGraph,
    initial: ViewState,
    messages: { notices: string[]; warnings: string[] },
  ) {
    this.fixedNotices = messages.notices;
    this.warningsNotice = this.buildWarningsNotice(messages.warnings);
    this.recentreOnSettle = initial.focus !== null;
    this.totals = legendCounts(graph);
    this.index = buildSearchIndex(
      graph.mapNodes((id, attributes) => ({ id, label: attributes.label, kind: attributes.kind, aliases: attributes.aliases })),
    );
    const debounceMs = graph.order > SEARCH_DEBOUNCE_FROM ? 150 : 0;

    // Header: dataset name, counts, search.
    const meta = graph.getAttributes();
    this.counts = el("p", { class: "header-counts", attrs: { id: "dataset-counts" } });
    const search = new EntityCombobox({
      label: "Search",
      placeholder: "Search entities or aliases…",
      index: this.index,
      debounceMs,
      onChoose: (hit) => this.choose(hit.id),
    });
    search.input.id = "search";
    const header = el(
      "header",
      { class: "app-header" },
      el("div", { class: "header-title" }, el("h1", { class: "dataset-name", text: meta.name }), this.counts),
      el("div", { class: "header-search", attrs: { role: "search" } }, search.element),
    );

    // Graph pane: canvas container, toolbar, time bar, notices, edge tooltip.
    const container = el("div", { class: "graph", attrs: { id: "graph" } });
    // The button's label, and the live iteration count beside it while the layout runs (text only: the name stays "Stop layout").
    this.layoutLabel = el("span");
    this.layoutCount = el("span", { class: "layout-count", attrs: { "aria-hidden": "true", hidden: true } });
    this.layoutButton = el(
      "button",
      { class: "button layout-toggle", attrs: { type: "button", id: "layout-toggle" } },
      this.layoutLabel,
      this.layoutCount,
    );
    const zoomIn = el("button", { class: "icon-button", text: "+", attrs: { type: "button", "aria-label": "Zoom in", title: "Zoom in" } });
    const zoomOut = el("button", {
      class: "icon-button",
      text: "−",
      attrs: { type: "button", "aria-label": "Zoom out", title: "Zoom out" },
    });
    const fit = el("button", {
      class: "icon-button",
      text: "⤢",
      attrs: { type: "button", "aria-label": "Fit the graph", title: "Fit the graph" },
    });
    const toolbar = el(
      "div",
      { class: "graph-toolbar", attrs: { role: "toolbar", "aria-label": "Graph" } },
      this.layoutButton,
      zoomIn,
      zoomOut,
      fit,
    );
    this.notices = el("div", { class: "notices", attrs: { role: "status", "aria-live": "polite" } });
    this.tooltip = el("div", { class: "edge-tooltip", attrs: { role: "tooltip", hidden: true, id: "edge-tooltip" } });
    this.time = new TimeControl(timeBounds(graph, new Date().toISOString().slice(0, 7)), (at) => this.update({ at }));
    const pane = el(
      "section",
      { class: "graph-pane", attrs: { "aria-label": "Graph of pressure and dependency" } },
      container,
      toolbar,
      this.notices,
      this.tooltip,
      this.time.element,
    );

    // Side panel.
    this.legend = new Legend(({ families, kinds }) => this.update({ families, kinds }));
    this.focusPanel = new FocusPanel(
      this.index,
      (id) => this.hitOf(id),
      {
        onDepth: (depth) => this.update({ depth }),
        onPath: (from, to) => this.update({ path: { from, to } }),
        onClearPath: () => this.update({ path: null }),
        onEntity: (id) => this.choose(id),
      },
      debounceMs,
    );
    this.details = new DetailsPanel({
      onEntity: (id) => this.choose(id),
      onClose: () => this.update({ focus: null, depth: null }),
      actions: (details) => this.detailActions(details),
    });
    this.selectionInfo = el("p", { class: "hint" });
    const selectionActions = el("div", { class: "selection-actions button-row" });
    const selectNeighbours = el("button", { class: "button", text: "Select neighbours", attrs: { type: "button" } });
    selectNeighbours.addEventListener("click", () => this.selectNeighbours());
    const clearSelection = el("button", { class: "button", text: "Clear selection", attrs: { type: "button" } });
    clearSelection.addEventListener("click", () => this.setSelection([]));
    const selectionSection = el(
      "section",
      { class: "panel-section selection", attrs: { "aria-labelledby": "selection-heading" } },
      el("h2", { class: "section-heading", text: "Selection", attrs: { id: "selection-heading" } }),
      this.selectionInfo,
      el("div", { class: "button-row" }, selectNeighbours, clearSelection),
      selectionActions,
    );
    const panel = el(
      "aside",
      { class: "side-panel", attrs: { "aria-label": "Explorer panel" } },
      this.details.element,
      this.legend.element,
      this.focusPanel.element,
      selectionSection,
    );
    this.slots = { toolbar, panel, selectionActions };

    root.replaceChildren(header, el("main", { class: "app-main" }, pane, panel));

    // Renderer (draws its first frame in its constructor) and layout.
    // The layout starts at once (below): a big graph's relations wait for it from the first frame.
    this.renderer = createRenderer(graph, container, { isLayingOut: hidesEdgesWhileMoving(graph) });
    this.leverage = new LeverageController(graph, this.renderer, {
      onChange: (patch) => this.update(patch),
      onEntity: (id) => this.choose(id),
      onAnalysed: () => this.update({}),
    });
    panel.insertBefore(this.leverage.element, this.legend.element);
    const camera = this.renderer.getCamera();
    let cameraMovedAt = -Infinity;
    camera.on("updated", () => {
      cameraMovedAt = performance.now();
    });
    this.layout = new LayoutController(graph, {
      onStatus: (status) => this.showLayoutStatus(status),
      onProgress: (progress) => this.showLayoutProgress(progress),
      isBusy: () => performance.now() - cameraMovedAt < CAMERA_REST_MS,
    });
    this.layoutButton.addEventListener("click", () => this.layout.toggle());
    zoomIn.addEventListener("click", () => void camera.zoomIn({ duration: 250 }));
    zoomOut.addEventListener("click", () => void camera.zoomOut({ duration: 250 }));
    fit.addEventListener("click", () => void camera.reset({ duration: 300 }));
    this.bindRendererEvents();
    this.renderSelection();

    this.update(initial, { moveCamera: true });
    // Shows the layout's status (running) on the button too.
    this.layout.start();
  }

  /** The current view state (a copy). */
  getState(): ViewState {
    return structuredClone(this.state);
  }

  onSelectionChange(listener: (selection: ReadonlySet<string>) => void): void {
    this.selectionListeners.push(listener);
  }

  /** Called after every view change (filters, time, focus, depth, path) with the new state and what it shows. */
  onViewChange(listener: (state: ViewState, view: ViewResult) => void): void {
    this.viewListeners.push(listener);
    if (this.view) listener(this.getState(), this.view);
  }

  /** Stops the layout, the time player and the renderer, before another dataset replaces this one. */
  destroy(): void {
    this.time.pause();
    this.leverage.destroy();
    this.layout.kill();
    this.renderer.kill();
    this.selectionListeners.length = 0;
    this.viewListeners.length = 0;
  }

  setSelection(ids: Iterable<string>): void {
    const next = new Set([...ids].filter((id) => this.graph.hasNode(id)));
    for (const id of this.selection) if (!next.has(id)) this.renderer.setNodeState(id, { isSelected: false });
    for (const id of next) this.renderer.setNodeState(id, { isSelected: true });
    this.selection.clear();
    for (const id of next) this.selection.add(id);
    this.renderSelection();
    for (const listener of this.selectionListeners) listener(this.selection);
  }

  /** Focuses an entity: opens its details and moves the camera to it. */
  choose(id: string): void {
    if (!this.graph.hasNode(id)) return;
    this.update({ focus: id }, { moveCamera: true });
    this.details.focusHeading();
  }

  update(patch: Partial<ViewState>, options: { moveCamera?: boolean } = {}): void {
    const previous = this.state;
    const next: ViewState = { ...previous, ...patch };
    if (next.focus === null) next.depth = null;
    this.state = next;
    const view = computeView(this.graph, next);
    // The highlighted leverage chain stays visible, as a path does.
    const chain = this.leverage.set(next);
    if (chain) {
      for (const node of chain.nodes) view.nodes.add(node);
      for (const edge of chain.edges) view.edges.add(edge);
    }
    this.applyVisibility(this.view, view);
    this.applyPath(this.view, view);
    if (previous.focus !== next.focus || this.view === null) {
      if (previous.focus !== null && this.graph.hasNode(previous.focus)) this.renderer.setNodeState(previous.focus, { isFocus: false });
      if (next.focus !== null && this.graph.hasNode(next.focus)) this.renderer.setNodeState(next.focus, { isFocus: true });
    }
    this.view = view;

    this.legend.set(next);
    this.time.set(next.at);
    this.focusPanel.set(next.focus !== null && this.graph.hasNode(next.focus) ? next.focus : null, next.depth, next.path, view.path);
    const shown = legendCounts(this.graph, view);
    this.legend.setCounts(this.totals, shown);
    this.renderCounts(view);
    this.renderNotices(view.notices);
    this.details.show(
      next.focus !== null && this.graph.hasNode(next.focus) ? entityDetails(this.graph, next.focus, (edge) => view.edges.has(edge)) : null,
    );

    const url = `${location.pathname}${queryString(writeViewState(new URLSearchParams(location.search), next))}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, "", url);
    if (options.moveCamera && next.focus !== null && this.graph.hasNode(next.focus)) this.moveCameraTo(next.focus);
    for (const listener of this.viewListeners) listener(this.getState(), view);
  }

  private applyVisibility(previous: ViewResult | null, view: ViewResult): void {
    this.graph.forEachNode((node) => {
      const hidden = !view.nodes.has(node);
      const wasHidden = previous !== null && !previous.nodes.has(node);
      if (hidden !== wasHidden) this.renderer.setNodeState(node, { isHidden: hidden });
    });
    this.graph.forEachEdge((edge) => {
      const hidden = !view.edges.has(edge);
      const wasHidden = previous !== null && !previous.edges.has(edge);
      if (hidden !== wasHidden) this.renderer.setEdgeState(edge, { isHidden: hidden });
    });
  }

  private applyPath(previous: ViewResult | null, view: ViewResult): void {
    const before = previous?.path?.found ? previous.path : null;
    const after = view.path?.found ? view.path : null;
    if (before) {
      for (const node of before.nodes) this.renderer.setNodeState(node, { isOnPath: false });
      for (const edge of before.edges) this.renderer.setEdgeState(edge, { isOnPath: false });
    }
    if (after) {
      for (const node of after.nodes) this.renderer.setNodeState(node, { isOnPath: true });
      for (const edge of after.edges) this.renderer.setEdgeState(edge, { isOnPath: true });
    }
    this.renderer.setGraphState({ hasPath: after !== null });
  }

  private bindRendererEvents(): void {
    const renderer = this.renderer;
    renderer.on("enterNode", ({ node }) => this.setActive(node));
    renderer.on("leaveNode", () => this.setActive(null));
    let lastClicked: string | null = null;
    const clickNode = (node: string, original: MouseEvent | TouchEvent): void => {
      lastClicked = node;
      if ("shiftKey" in original && original.shiftKey) {
        const next = new Set(this.selection);
        if (next.has(node)) next.delete(node);
        else next.add(node);
        this.setSelection(next);
      } else {
        this.setSelection([node]);
        this.update({ focus: node });
      }
    };
    renderer.on("clickNode", ({ node, event }) => clickNode(node, event.original));
    // Sigma counts any two clicks within its double-click delay as a double click, wherever they land:
    // a quick click on one entity then shift-click on another must still select the second.
    renderer.on("doubleClickNode", ({ node, event, preventSigmaDefault }) => {
      if (node === lastClicked) return;
      preventSigmaDefault();
      clickNode(node, event.original);
    });
    renderer.on("clickStage", () => {
      lastClicked = null;
    });
    renderer.on("enterEdge", ({ edge, event }) => this.showEdgeTooltip(edge, event.x, event.y));
    renderer.on("leaveEdge", () => {
      this.tooltip.hidden = true;
    });
  }

  /** Highlights a node and its neighbours (O(degree) flag flips; the rest dims through the hasActive style). */
  private setActive(node: string | null): void {
    for (const id of this.activeNodes) this.renderer.setNodeState(id, { isActive: false });
    for (const id of this.activeEdges) this.renderer.setEdgeState(id, { isActive: false });
    this.activeNodes = [];
    this.activeEdges = [];
    if (node !== null) {
      this.activeNodes.push(node);
      this.graph.forEachNeighbor(node, (neighbor) => {
        this.activeNodes.push(neighbor);
      });
      this.graph.forEachEdge(node, (edge) => {
        this.activeEdges.push(edge);
      });
      for (const id of this.activeNodes) this.renderer.setNodeState(id, { isActive: true });
      for (const id of this.activeEdges) this.renderer.setEdgeState(id, { isActive: true });
    }
    this.renderer.setGraphState({ hasActive: node !== null });
  }

  private showEdgeTooltip(edge: string, x: number, y: number): void {
    const attributes = this.graph.getEdgeAttributes(edge);
    const [source, target] = this.graph.extremities(edge);
    this.tooltip.replaceChildren(
      el("strong", { text: relationKindLabel(attributes.kind) }),
      el("span", { class: "tooltip-family", text: ` · ${attributes.family}` }),
      el("br"),
      `${this.graph.getNodeAttribute(source, "label")} → ${this.graph.getNodeAttribute(target, "label")}`,
      el("br"),
      el("span", { class: "tooltip-dates", text: formatPeriod(attributes.start, attributes.end) }),
    );
    this.tooltip.style.left = `${Math.round(x + 14)}px`;
    this.tooltip.style.top = `${Math.round(y + 14)}px`;
    this.tooltip.hidden = false;
  }

  private moveCameraTo(node: string): void {
    // Display data holds framed-graph coordinates, the camera's own space.
    const data = this.renderer.getNodeDisplayData(node);
    if (!data) return;
    const camera = this.renderer.getCamera();
    void camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.6) }, { duration: 450 });
  }

  private detailActions(details: EntityDetails): HTMLElement[] {
    const neighbourhood = el("button", {
      class: "button",
      text: this.state.depth === null ? "Show neighbourhood" : "Show whole graph",
      attrs: { type: "button" },
    });
    neighbourhood.addEventListener("click", () => this.update({ depth: this.state.depth === null ? 1 : null }));
    const pathFrom = el("button", { class: "button", text: "Path from here…", attrs: { type: "button" } });
    pathFrom.addEventListener("click", () => {
      const hit = this.hitOf(details.id);
      if (hit) this.focusPanel.setFrom(hit);
    });
    const select = el("button", {
      class: "button",
      text: this.selection.has(details.id) ? "Deselect" : "Select",
      attrs: { type: "button" },
    });
    select.addEventListener("click", () => {
      const next = new Set(this.selection);
      if (next.has(details.id)) next.delete(details.id);
      else next.add(details.id);
      this.setSelection(next);
      select.textContent = next.has(details.id) ? "Deselect" : "Select";
    });
    return [neighbourhood, pathFrom, select];
  }

  private selectNeighbours(): void {
    const next = new Set(this.selection);
    const view = this.view;
    for (const id of this.selection) {
      this.graph.forEachNeighbor(id, (neighbor) => {
        if (!view || view.nodes.has(neighbor)) next.add(neighbor);
      });
    }
    this.setSelection(next);
  }

  private renderSelection(): void {
    const count = this.selection.size;
    this.selectionInfo.textContent =
      count === 0
        ? "Shift-click entities, or hold Shift and drag a box, to select several."
        : `${plural(count, "entity", "entities")} selected. Escape clears the selection.`;
  }

  private hitOf(id: string): SearchHit | null {
    if (!this.graph.hasNode(id)) return null;
    const attributes = this.graph.getNodeAttributes(id);
    return { id, label: attributes.label, kind: attributes.kind };
  }

  private renderCounts(view: ViewResult): void {
    const { counts } = this.graph.getAttributes();
    const filtered = view.nodes.size !== this.graph.order || view.edges.size !== this.graph.size;
    this.counts.replaceChildren(
      `${plural(counts.entities, "entity", "entities")} · ${plural(counts.relations, "relation")} · ${plural(counts.sources, "source")}`,
      filtered
        ? el("span", {
            class: "header-shown",
            text: ` — showing ${view.nodes.size.toLocaleString("en")} entities, ${view.edges.size.toLocaleString("en")} relations`,
          })
        : "",
    );
    this.root.dataset.visibleEdges = String(view.edges.size);
    this.root.dataset.visibleNodes = String(view.nodes.size);
  }

  private renderNotices(viewNotices: string[]): void {
    const all = [...this.fixedNotices, ...viewNotices];
    this.notices.replaceChildren(
      ...all.map((text) => el("p", { class: "notice", text })),
      ...(this.warningsNotice ? [this.warningsNotice] : []),
    );
    this.notices.hidden = all.length === 0 && this.warningsNotice === null;
  }

  /** One folded notice for all dataset warnings, built once so it stays open across updates. */
  private buildWarningsNotice(warnings: string[]): HTMLElement | null {
    if (warnings.length === 0) return null;
    return el(
      "details",
      { class: "notice notice-warnings" },
      el("summary", { text: `The dataset has ${plural(warnings.length, "warning")}` }),
      el("ul", {}, ...warnings.slice(0, MAX_LISTED_WARNINGS).map((text) => el("li", { text }))),
      warnings.length > MAX_LISTED_WARNINGS
        ? el("p", {
            text: `…and ${(warnings.length - MAX_LISTED_WARNINGS).toLocaleString("en")} more (npm run atlas -- validate lists them all).`,
          })
        : null,
    );
  }

  /** The live count on the layout button: iterations so far and the worker's rate. */
  private showLayoutProgress(progress: LayoutProgress): void {
    this.layoutCount.textContent = `${progress.iterations.toLocaleString("en")} it · ${Math.round(progress.iterationsPerSecond)}/s`;
    this.layoutButton.title = `ForceAtlas2 is arranging the graph: ${plural(progress.iterations, "iteration")}, ${Math.round(progress.iterationsPerSecond)} per second`;
  }

  private showLayoutStatus(status: LayoutStatus): void {
    this.layoutLabel.textContent = status === "running" ? "❚❚ Stop layout" : "▶ Run layout";
    this.layoutCount.hidden = status !== "running";
    if (status === "running") this.layoutCount.textContent = "";
    this.layoutButton.setAttribute("aria-pressed", String(status === "running"));
    this.layoutButton.title =
      status === "running"
        ? "ForceAtlas2 is arranging the graph"
        : `${status === "settled" ? "The layout has settled" : "The layout is stopped"} (${plural(this.layout.progress.iterations, "iteration")})`;
    this.root.dataset.layout = status;
    const hideEdges = status === "running" && hidesEdgesWhileMoving(this.graph);
    if (this.renderer.getGraphState().isLayingOut !== hideEdges) this.renderer.setGraphState({ isLayingOut: hideEdges });
    if (status === "settled") this.leverage.layoutSettled();
    if (status === "settled" && this.recentreOnSettle) {
      this.recentreOnSettle = false;
      if (this.state.focus !== null && this.graph.hasNode(this.state.focus)) this.moveCameraTo(this.state.focus);
    }
  }
}

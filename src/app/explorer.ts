/**
 * The explorer of one dataset: a thin shell around its state. It creates the store (state/), the
 * renderer and the layout (render/), the leverage analysis (analysis/) and the panels listed in
 * panels/registry.ts; after every change it applies the changed sigma flags (render/flags.ts),
 * updates every panel with the state and what is derived from it (state/derive.ts), and writes
 * the view into the address (state/address.ts).
 */
import "./styles/layout.css";
import { LeverageAnalysis } from "./analysis/leverage-analysis.ts";
import type { FileOpener } from "./files/open-file.ts";
import { buildSearchIndex } from "./model/search.ts";
import type { ViewGraph } from "./model/view-graph.ts";
import type { MountedPanel, PanelContext, PanelRequest, RegionName } from "./panels/panel.ts";
import { PANELS } from "./panels/registry.ts";
import { moveCameraTo } from "./render/camera.ts";
import { applyFlagChanges, graphFlags, type FlagSink, type SigmaView } from "./render/flags.ts";
import { bindGraphEvents } from "./render/graph-events.ts";
import { LayoutController } from "./render/layout.ts";
import { createRenderer, type AtlasRenderer } from "./render/renderer.ts";
import { focusEntity, layoutProgressed, layoutStatusChanged } from "./state/actions.ts";
import { queryString, writeViewState } from "./state/address.ts";
import { createDeriver, type Derived, type LeverageShown } from "./state/derive.ts";
import { initialState, isPanelOpen, type DatasetStatus, type ExplorerState, type OpenedLayout, type ViewState } from "./state/state.ts";
import { Store } from "./state/store.ts";
import { el } from "./ui/dom.ts";

/** Above this many entities, search waits for a pause in typing. */
const SEARCH_DEBOUNCE_FROM = 5_000;
/** The layout's positions wait until the camera has been still this long (a pan or zoom stays one frame per step). */
const CAMERA_REST_MS = 250;

export class Explorer {
  readonly store: Store<ExplorerState>;
  readonly renderer: AtlasRenderer;
  readonly layout: LayoutController;
  private readonly analysis: LeverageAnalysis;
  private readonly panels: { id: string; mounted: MountedPanel }[];
  private readonly regions = new Map<RegionName, HTMLElement>();
  private readonly derive: (state: ExplorerState) => Derived;
  private derived: Derived;
  /** The flags the renderer shows. */
  private flags: SigmaView | null = null;
  private readonly sink: FlagSink;
  private readonly unsubscribe: () => void;
  /** The first layout moves entities: re-centre on the focus from the address once it settles. */
  private readonly recentreOnSettle: boolean;

  constructor(
    private readonly root: HTMLElement,
    readonly graph: ViewGraph,
    view: ViewState,
    dataset: DatasetStatus,
    opener: FileOpener | null = null,
    /** The saved layout the graph's positions come from (model/view-graph.ts applySavedLayout), if any. */
    opened: OpenedLayout | null = null,
  ) {
    this.store = new Store(initialState(view, dataset, opened));
    this.derive = createDeriver(graph);
    this.derived = this.derive(this.store.get());
    this.recentreOnSettle = view.focus !== null;

    const header = el("header", { class: "app-header" });
    const container = el("div", { class: "graph", attrs: { id: "graph" } });
    const toolbar = el("div", { class: "graph-toolbar", attrs: { role: "toolbar", "aria-label": "Graph" } });
    const pane = el("section", { class: "graph-pane", attrs: { "aria-label": "Graph of pressure and dependency" } }, container, toolbar);
    const side = el("aside", { class: "side-panel", attrs: { "aria-label": "Explorer panel" } });
    for (const [name, element] of [
      ["header", header],
      ["toolbar", toolbar],
      ["pane", pane],
      ["side", side],
    ] as const)
      this.regions.set(name, element);
    root.replaceChildren(header, el("main", { class: "app-main" }, pane, side));

    // The renderer draws its first frame in its constructor, in the view's graph state (a big graph's
    // relations wait for the layout from the first frame: it starts at once, below).
    this.renderer = createRenderer(graph, container, graphFlags(this.derived.sigma));
    const renderer = this.renderer;
    this.sink = {
      node: (id, flags) => renderer.setNodeState(id, flags),
      edge: (id, flags) => renderer.setEdgeState(id, flags),
      graph: (flags) => renderer.setGraphState(flags),
    };
    let cameraMovedAt = -Infinity;
    renderer.getCamera().on("updated", () => {
      cameraMovedAt = performance.now();
    });
    this.layout = new LayoutController(graph, {
      onStatus: (status) => this.store.dispatch(layoutStatusChanged, status),
      onProgress: (progress) => this.store.dispatch(layoutProgressed, progress),
      isBusy: () => performance.now() - cameraMovedAt < CAMERA_REST_MS,
    });
    this.analysis = new LeverageAnalysis(graph, this.store);

    const index = buildSearchIndex(
      graph.mapNodes((id, attributes) => ({ id, label: attributes.label, kind: attributes.kind, aliases: attributes.aliases })),
    );
    const context: PanelContext = {
      graph,
      store: this.store,
      renderer,
      layout: this.layout,
      search: { index, debounceMs: graph.order > SEARCH_DEBOUNCE_FROM ? 150 : 0 },
      opener,
      region: (name) => {
        const region = this.regions.get(name);
        if (!region) throw new Error(`no panel has provided the "${name}" region yet`);
        return region;
      },
      provideRegion: (name, element) => this.regions.set(name, element),
      choose: (id) => this.choose(id),
      request: (request) => this.request(request),
    };
    this.panels = PANELS.map((panel) => ({ id: panel.id, mounted: panel.mount(context) }));
    bindGraphEvents(renderer, this.store);
    document.addEventListener("keydown", this.onKeyDown);

    this.unsubscribe = this.store.subscribe((state, previous) => this.render(state, previous));
    this.render(this.store.get(), null);
    // A saved layout that places every entity is the picture: ForceAtlas2 runs only when asked (Run layout). sigma
    // frames the graph with its labels' sizes, which its first frame has not measured yet: refresh once, so the
    // picture does not shift at the first hover or click (ForceAtlas2's moves hide that otherwise).
    if (this.store.get().layout.status === "running") this.layout.start();
    else renderer.refresh();
    const { focus } = this.derived.sigma;
    if (focus !== null) moveCameraTo(renderer, focus);
  }

  /** The view (a copy), for tests and the console. */
  getState(): ViewState {
    return structuredClone(this.store.get().view);
  }

  /** The selected entities, for tests and the console. */
  get selection(): ReadonlySet<string> {
    return this.store.get().selection;
  }

  /** The leverage chain lit up on the graph, for tests and the console. */
  get leverage(): { highlighted: LeverageShown["highlight"] } {
    return { highlighted: this.derived.leverage.highlight };
  }

  /** Stops the panels, the analysis, the layout and the renderer, before another dataset replaces this one. */
  destroy(): void {
    this.unsubscribe();
    document.removeEventListener("keydown", this.onKeyDown);
    for (const { mounted } of this.panels) mounted.destroy();
    this.analysis.destroy();
    this.layout.kill();
    this.renderer.kill();
  }

  /** Opens an entity's details, moves the camera to it and gives the details keyboard focus. */
  choose(id: string): void {
    if (!this.graph.hasNode(id)) return;
    this.store.dispatch(focusEntity, id);
    moveCameraTo(this.renderer, id);
    this.request({ type: "focus-details" });
  }

  private request(request: PanelRequest): void {
    for (const { mounted } of this.panels) mounted.handle?.(request);
  }

  /** Escape goes to the panels in registry order; the first that uses it keeps it. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    if (this.panels.some(({ mounted }) => mounted.onEscape?.(event.target) ?? false)) event.preventDefault();
  };

  private render(state: ExplorerState, previous: ExplorerState | null): void {
    const derived = this.derive(state);
    this.derived = derived;
    applyFlagChanges(this.graph, this.flags, derived.sigma, this.sink);
    this.flags = derived.sigma;
    for (const { id, mounted } of this.panels) {
      if (mounted.element && previous?.panels !== state.panels) mounted.element.hidden = !isPanelOpen(state, id);
      mounted.update(state, derived);
    }
    if (previous?.view !== state.view) {
      const url = `${location.pathname}${queryString(writeViewState(new URLSearchParams(location.search), state.view))}${location.hash}`;
      if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, "", url);
    }
    // For tests and styles: what the view shows and where the layout is (set only when changed: the pointer moves often).
    const page = {
      visibleEdges: String(derived.view.edges.size),
      visibleNodes: String(derived.view.nodes.size),
      layout: state.layout.status,
    };
    for (const [name, value] of Object.entries(page)) if (this.root.dataset[name] !== value) this.root.dataset[name] = value;
    if (this.recentreOnSettle && previous?.layout.settledOnce === false && state.layout.settledOnce && derived.sigma.focus !== null)
      moveCameraTo(this.renderer, derived.sigma.focus);
  }
}

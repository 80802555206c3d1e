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
import type { Workbench } from "./edit/workbench.ts";
import { buildSearchIndex } from "./model/search.ts";
import type { ViewGraph } from "./model/view-graph.ts";
import type { MountedPanel, PanelContext, PanelRequest, RegionName } from "./panels/panel.ts";
import { EMBED_PANEL_IDS, PANELS } from "./panels/registry.ts";
import type { Box } from "./model/labels.ts";
import { storedLabelPreference } from "./panels/labels.ts";
import { fitCameraTo, fitMargin, moveCameraTo } from "./render/camera.ts";
import { applyFlagChanges, type FlagSink, type SigmaView } from "./render/flags.ts";
import { bindGraphEvents } from "./render/graph-events.ts";
import { LabelController, labelsByGrid } from "./render/labels.ts";
import { LayoutController } from "./render/layout.ts";
import { createEmptyRenderer, setLabelSize, type AtlasRenderer } from "./render/renderer.ts";
import { focusEntity, layoutProgressed, layoutStatusChanged } from "./state/actions.ts";
import { queryString, writeViewState } from "./state/address.ts";
import { createDeriver, type Derived, type LeverageShown } from "./state/derive.ts";
import { initialState, isPanelOpen, type DatasetStatus, type ExplorerState, type OpenedLayout, type ViewState } from "./state/state.ts";
import { Store } from "./state/store.ts";
import { el } from "./ui/dom.ts";

/** Above this many entities, search waits for a pause in typing. */
const SEARCH_DEBOUNCE_FROM = 5_000;
/**
 * Above this many entities and relations, the page shows its panels before sigma's first processing of the graph,
 * one task of seconds there (5 s at 200,000 here). The paint in between delays the graph: 0.4 s at 200,000, and
 * 0.35 s at 40,000, a sixth of that first frame, so smaller graphs are drawn at once (docs/benchmarks.md).
 */
const DRAW_APART_FROM = 80_000;
/** The layout's positions wait until the camera has been still this long (a pan or zoom stays one frame per step). */
const CAMERA_REST_MS = 250;
/** View fields whose change alone keeps the camera where it is: time moves (Play) and what the side panels show. */
const CAMERA_KEEPING_FIELDS = new Set<keyof ViewState>(["at", "range", "leverage", "chain", "focus"]);

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

export class Explorer {
  readonly store: Store<ExplorerState>;
  readonly renderer: AtlasRenderer;
  readonly layout: LayoutController;
  /** Which entities are labelled, and where (render/labels.ts). */
  readonly labels: LabelController;
  private readonly analysis: LeverageAnalysis;
  private readonly panels: { id: string; mounted: MountedPanel }[];
  private readonly regions = new Map<RegionName, HTMLElement>();
  private readonly derive: (state: ExplorerState) => Derived;
  private derived: Derived;
  /** The flags the renderer shows. */
  private flags: SigmaView | null = null;
  /** Whether the layout has been started: until then a big graph's relations are drawn, not waiting for it. */
  private layoutStarted = false;
  private readonly sink: FlagSink;
  private readonly unsubscribe: () => void;
  private readonly resizes: ResizeObserver;
  /** The first layout moves entities: re-centre on the focus from the address once it settles. */
  private readonly recentreOnSettle: boolean;
  /** Set by destroy: a layout still waiting to start stays stopped, a first frame still to come is not drawn. */
  private destroyed = false;
  /** The first frame of a big graph, waiting for the page to paint its panels (DRAW_APART_FROM). */
  private drawTimer: ReturnType<typeof setTimeout> | undefined;
  /** The label placement's inputs last given, so it runs again only when they change. */
  private labelInputs: readonly unknown[] = [];

  constructor(
    private readonly root: HTMLElement,
    readonly graph: ViewGraph,
    view: ViewState,
    dataset: DatasetStatus,
    opener: FileOpener | null = null,
    workbench: Workbench | null = null,
    /** The saved layout the graph's positions come from (model/view-graph.ts applySavedLayout), if any. */
    opened: OpenedLayout | null = null,
  ) {
    // Set again once this graph is drawn (markFullFrame): a big graph replacing another is drawn a task later.
    delete root.dataset.frame;
    this.store = new Store(initialState(view, dataset, storedLabelPreference(), opened));
    this.derive = createDeriver(graph);
    this.derived = this.derive(this.store.get());
    this.recentreOnSettle = view.focus !== null;

    const header = el("header", { class: "app-header" });
    const container = el("div", { class: "graph", attrs: { id: "graph" } });
    const toolbar = el("div", { class: "graph-toolbar", attrs: { role: "toolbar", "aria-label": "Graph" } });
    const pane = el("section", { class: "graph-pane", attrs: { "aria-label": "Graph of pressure and dependency" } }, container, toolbar);
    const side = el("aside", { class: "side-panel", attrs: { "aria-label": "Explorer panel" } });
    const drawer = el("div", { class: "drawer" });
    for (const [name, element] of [
      ["header", header],
      ["toolbar", toolbar],
      ["pane", pane],
      ["drawer", drawer],
      ["side", side],
    ] as const)
      this.regions.set(name, element);
    root.replaceChildren(header, el("main", { class: "app-main" }, pane, drawer, side));
    root.classList.toggle("app--embed", view.embed);

    // The renderer starts empty: it draws the graph once the panels have given its container its size (below).
    const byGrid = labelsByGrid(this.derived.sigma.nodes.size);
    const labels = this.store.get().labels;
    this.renderer = createEmptyRenderer(graph, container, { labelSize: labels.size, labelDensity: labels.density, labelsByGrid: byGrid });
    const renderer = this.renderer;
    this.sink = {
      node: (id, flags) => renderer.setNodeState(id, flags),
      edge: (id, flags) => renderer.setEdgeState(id, flags),
      // One call for every relation (sigma then schedules one restyle), not spread over frames: each frame of a big
      // graph that still draws relations costs the software renderer seconds (docs/benchmarks.md, drawn frames).
      waiting: (on) => renderer.setEdgesState(graph.edges(), { isWaiting: on }),
    };
    // Sigma follows the window's size only; the table view opening under the graph resizes its container too.
    // Each frame starts by reading the container's size, so a frame is all a resize needs; the labels are
    // then placed again in the new size.
    this.resizes = new ResizeObserver(() => {
      // The observer also reports the size the container has when first observed: the first frame drew at it.
      const drawn = renderer.getDimensions();
      if (container.offsetWidth === drawn.width && container.offsetHeight === drawn.height) return;
      renderer.once("afterRender", () => this.labels.place());
      renderer.scheduleRender();
    });
    this.resizes.observe(container);
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
      // Editing only where the dataset status allows it (an embed or a read-only page leaves it out).
      workbench: dataset.editing ? workbench : null,
      region: (name) => {
        const region = this.regions.get(name);
        if (!region) throw new Error(`no panel has provided the "${name}" region yet`);
        return region;
      },
      provideRegion: (name, element) => this.regions.set(name, element),
      choose: (id) => this.choose(id),
      fitShown: () => this.fitShown(),
      request: (request) => this.request(request),
    };
    // Embedded (?embed=1), the page mounts only the panels an embed shows (registry.ts).
    const panels = view.embed ? PANELS.filter((panel) => EMBED_PANEL_IDS.has(panel.id)) : PANELS;
    this.panels = panels.map((panel) => ({ id: panel.id, mounted: panel.mount(context) }));
    bindGraphEvents(renderer, this.store);
    document.addEventListener("keydown", this.onKeyDown);

    this.labels = new LabelController(renderer, graph, () => this.labelObstacles(container, toolbar), byGrid);
    this.unsubscribe = this.store.subscribe((state, previous) => this.render(state, previous));
    // The panels' first content gives the page its layout (the key's and the time bar's heights), and the view its
    // flags (sigma keeps the states of a graph's items); then the first frame, once, at the graph's final size:
    // entities and relations, whatever the size (a big graph's relations wait only once the layout runs).
    this.render(this.store.get(), null);
    if (graph.order + graph.size <= DRAW_APART_FROM) {
      this.draw();
      return;
    }
    // The note sits where the graph will be; its bar moves on the compositor while sigma takes the page's thread.
    const note = el("p", { class: "graph-drawing", text: "Drawing the graph…", attrs: { role: "status" } });
    pane.append(note);
    requestAnimationFrame(() => {
      this.drawTimer = setTimeout(() => {
        note.remove();
        this.draw();
      }, 0);
    });
  }

  /** Gives sigma the graph: the first frame, entities and relations; the camera on what the view shows; then the layout. */
  private draw(): void {
    if (this.destroyed) return;
    const renderer = this.renderer;
    renderer.setGraph(this.graph);
    this.markFullFrame();
    const { focus } = this.derived.sigma;
    if (this.derived.view.nodes.size < this.graph.order && this.derived.view.nodes.size > 0) this.fitShown();
    else if (focus !== null) moveCameraTo(renderer, focus);
    // The layout starts once the first frame is on screen: the whole graph shows first, and the layout's worker and
    // its first positions do not compete with that frame.
    requestAnimationFrame(() => setTimeout(() => this.startLayout(), 0));
  }

  /** Starts the layout the state says is running; a big graph's relations now wait for it to rest. */
  private startLayout(): void {
    if (this.destroyed) return;
    this.layoutStarted = true;
    this.applyFlags(this.derived);
    if (this.store.get().layout.status === "running") this.layout.start();
  }

  /** Sends sigma the flags of this view that changed (a big graph's relations wait for the layout once it started). */
  private applyFlags(derived: Derived): void {
    const next = this.layoutStarted ? derived.sigma : { ...derived.sigma, layingOut: false };
    applyFlagChanges(this.graph, this.flags, next, this.sink);
    this.flags = next;
  }

  /**
   * Marks the first frame that drew the relations as well as the entities (`atlas:full-frame`, `data-frame="full"`):
   * what the browser benchmark compares with its bare-sigma floor. The renderer drew it when given the graph, with the
   * relations of any graph (they wait for the layout only once it starts).
   */
  private markFullFrame(): void {
    performance.mark("atlas:full-frame");
    this.root.dataset.frame = "full";
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
    this.destroyed = true;
    clearTimeout(this.drawTimer);
    this.unsubscribe();
    this.resizes.disconnect();
    document.removeEventListener("keydown", this.onKeyDown);
    for (const { mounted } of this.panels) mounted.destroy();
    this.analysis.destroy();
    this.labels.destroy();
    this.layout.kill();
    this.renderer.kill();
  }

  /**
   * Brings what the view shows into the window (animated), clear of the toolbar and with room for the
   * labels, once sigma has drawn the latest positions it measures.
   */
  fitShown(): void {
    this.renderer.once("afterRender", () => {
      const nodes = this.derived.view.nodes;
      const toolbar = this.regions.get("toolbar")?.getBoundingClientRect();
      const graph = this.renderer.getContainer().getBoundingClientRect();
      const top = toolbar ? toolbar.bottom - graph.top : 0;
      fitCameraTo(this.renderer, [...nodes], fitMargin(this.renderer.getDimensions(), { top, labels: this.labels.widestLabel(nodes) }));
    });
    this.renderer.scheduleRender();
  }

  /** The toolbar's buttons and the panels over the graph, as boxes in the graph's pixels: labels stay clear of them. */
  private labelObstacles(container: HTMLElement, toolbar: HTMLElement): Box[] {
    const origin = container.getBoundingClientRect();
    const overlays = [
      ...toolbar.children,
      ...[...(this.regions.get("pane")?.children ?? [])].filter((child) => child !== container && child !== toolbar),
    ];
    return overlays
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0)
      .map((box) => ({
        left: box.left - origin.left,
        right: box.right - origin.left,
        top: box.top - origin.top,
        bottom: box.bottom - origin.top,
      }));
  }

  /** Hands the label placement what it needs when that changed: what is shown, what must be labelled, the preference. */
  private updateLabels(state: ExplorerState, derived: Derived): void {
    const { sigma } = derived;
    const inputs = [sigma.nodes, sigma.edges, sigma.focus, sigma.selected, sigma.path, sigma.chain, state.labels, sigma.cursor, sigma.active];
    if (inputs.length === this.labelInputs.length && inputs.every((input, index) => Object.is(input, this.labelInputs[index]))) return;
    const labelSizeChanged =
      this.labelInputs[6] !== undefined && (this.labelInputs[6] as ExplorerState["labels"]).size !== state.labels.size;
    this.labelInputs = inputs;
    if (labelSizeChanged) setLabelSize(this.renderer, state.labels.size);
    const forced = new Set<string>([...sigma.selected, ...(sigma.path?.nodes ?? []), ...(sigma.chain?.nodes ?? [])]);
    if (sigma.focus !== null) forced.add(sigma.focus);
    // The keyboard's ring always shows its label, so others make room for it.
    if (sigma.cursor !== null) forced.add(sigma.cursor);
    // The lit entity itself (hovered, or the keyboard's) keeps its label; its neighbours share the room left.
    const litBy = state.hover.entity ?? sigma.cursor;
    if (sigma.active !== null && litBy !== null) forced.add(litBy);
    const lit = sigma.active === null ? null : new Set(sigma.active.nodes);
    this.labels.update({ nodes: sigma.nodes, forced, lit, degree: this.shownDegree(sigma.edges), preference: state.labels });
  }

  /** Each entity's number of shown relations (a self-loop counts twice, as graphology's degree counts it). */
  private shownDegree(edges: ReadonlySet<string>): (id: string) => number {
    const { graph } = this;
    // Everything shown (the usual first view): the graph's own counts, without a pass over every relation.
    if (edges.size === graph.size) return (id) => (graph.hasNode(id) ? graph.degree(id) : 0);
    const degrees = new Map<string, number>();
    const count = (end: string): void => {
      degrees.set(end, (degrees.get(end) ?? 0) + 1);
    };
    graph.forEachEdge((edge, _attributes, source, target) => {
      if (!edges.has(edge)) return;
      count(source);
      count(target);
    });
    return (id) => degrees.get(id) ?? 0;
  }

  /**
   * Refits the camera when the view changed what it shows (a neighbourhood, a filter, a path), not when
   * only the date, the pointer or the selection moved: Play must not make the graph jump every month.
   */
  private refitIfReshaped(state: ExplorerState, previous: ExplorerState | null, before: Derived, after: Derived): void {
    if (previous === null || previous.view === state.view) return;
    const changed = (Object.keys(state.view) as (keyof ViewState)[]).filter((key) => previous.view[key] !== state.view[key]);
    if (changed.every((key) => CAMERA_KEEPING_FIELDS.has(key)) && !(changed.includes("focus") && state.view.depth !== null)) return;
    if (sameMembers(before.view.nodes, after.view.nodes) || after.view.nodes.size === 0) return;
    this.fitShown();
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
    const before = this.derived;
    const derived = this.derive(state);
    this.derived = derived;
    this.applyFlags(derived);
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
    this.updateLabels(state, derived);
    this.refitIfReshaped(state, previous, before, derived);
    const settled = previous !== null && previous.layout.status !== "settled" && state.layout.status === "settled";
    const firstSettled = previous?.layout.settledOnce === false && state.layout.settledOnce;
    const partial = derived.view.nodes.size < this.graph.order;
    // Once the layout settles, what is shown comes into view (a part laid out alone, the view the page opened
    // on), or the focus the address named, in a view of the whole graph.
    if (settled && this.layout.scoped) this.fitShown();
    else if (firstSettled && this.recentreOnSettle && !partial && derived.sigma.focus !== null)
      moveCameraTo(this.renderer, derived.sigma.focus);
    else if (firstSettled && derived.view.nodes.size > 0) this.fitShown();
  }
}

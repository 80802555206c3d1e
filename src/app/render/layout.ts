/**
 * ForceAtlas2 in a web worker (layout-worker.ts, graphology's iteration function), started after
 * load and stopped by itself once positions settle, or by the user.
 *
 * The page takes positions at the pace it can draw them: it asks the worker for positions, writes
 * them into the graph (which the renderer reprocesses: linear in the graph, so about a second per
 * update at 50k entities in software WebGL), waits until the frame is drawn, then leaves the main
 * thread free for as long again before asking for the next ones. The layout meanwhile keeps
 * iterating, so large graphs lay out as fast as the worker can, and the page keeps answering the
 * user whatever the size. While the user moves the camera, positions wait (the view must not jump
 * under the pointer, and a pan or a zoom costs one frame, not a reprocessing).
 */
import { MultiDirectedGraph } from "graphology";
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import { graphToByteArrays } from "graphology-layout-forceatlas2/helpers.js";
import { forceAtlas2Settings } from "../../graph/layout.ts";
import type { LayoutPositions, LayoutRequest } from "./layout-worker.ts";
import type { ViewGraph } from "../model/view-graph.ts";

export type LayoutStatus = "running" | "settled" | "stopped";

export interface LayoutProgress {
  /** Iterations run since the layout (re)started. */
  iterations: number;
  /** The worker's recent rate. */
  iterationsPerSecond: number;
}

export interface LayoutHandlers {
  onStatus: (status: LayoutStatus) => void;
  /** After each batch of positions drawn. */
  onProgress?: (progress: LayoutProgress) => void;
  /** True while positions should wait (the user is moving the camera). */
  isBusy?: () => boolean;
}

/** A (re)started layout runs at least this long, so a click on "Run layout" visibly does something. */
const MIN_RUN_MS = 2000;
/**
 * After positions are drawn, the main thread stays free this many times as long as writing and
 * drawing them took before the next positions are asked for: at most a third of the page's time
 * goes to the layout, so the page keeps drawing frames and answering input during it.
 */
const FREE_TIME_FACTOR = 2;
/** While the camera moves, look again this often for the moment positions can be drawn. */
const BUSY_RETRY_MS = 100;

/** The settings of src/graph/layout.ts, shared with the layouts computed headless (atlas layout, the SVG export). */
export function layoutSettings(graph: { readonly order: number }): Required<ForceAtlas2Settings> {
  return forceAtlas2Settings(graph);
}

/** Part of the graph to lay out alone: what the view shows. */
export interface LayoutScope {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/**
 * The part of the graph a scope names, as its own small graph with the current positions and sizes
 * (graphology-operators' subgraph would copy every attribute and every relation among the entities,
 * shown or not).
 */
function scopeGraph(graph: ViewGraph, scope: LayoutScope): MultiDirectedGraph<{ x: number; y: number; size: number }> {
  const part = new MultiDirectedGraph<{ x: number; y: number; size: number }>();
  for (const node of scope.nodes) {
    if (!graph.hasNode(node)) continue;
    const { x, y, size } = graph.getNodeAttributes(node);
    part.addNode(node, { x, y, size });
  }
  for (const edge of scope.edges) {
    if (!graph.hasEdge(edge)) continue;
    const [source, target] = graph.extremities(edge);
    if (part.hasNode(source) && part.hasNode(target)) part.addDirectedEdgeWithKey(edge, source, target);
  }
  return part;
}

export class LayoutController {
  private worker: Worker | null = null;
  private status: LayoutStatus = "stopped";
  private run = 0;
  /** The entities the running layout moves, in the worker's order; null for the whole graph. */
  private scope: Map<string, number> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest: LayoutProgress = { iterations: 0, iterationsPerSecond: 0 };
  private killed = false;

  constructor(
    private readonly graph: ViewGraph,
    private readonly handlers: LayoutHandlers,
  ) {}

  get current(): LayoutStatus {
    return this.status;
  }

  /** Iterations so far and the worker's recent rate, as last reported (for the page and benchmarks). */
  get progress(): Readonly<LayoutProgress> {
    return this.latest;
  }

  /** The part of the graph the last layout moved (null: all of it). */
  get scoped(): boolean {
    return this.scope !== null;
  }

  /** Lays out the whole graph, or only the entities and relations of a scope (the others keep their places). */
  start(scope: LayoutScope | null = null): void {
    if (this.status === "running" || this.killed) return;
    this.run += 1;
    this.latest = { iterations: 0, iterationsPerSecond: 0 };
    const part = scope === null ? this.graph : scopeGraph(this.graph, scope);
    this.scope = scope === null ? null : new Map(part.nodes().map((node, index) => [node, index]));
    const matrices = graphToByteArrays(part, () => 1);
    const request: LayoutRequest = {
      type: "start",
      run: this.run,
      nodes: matrices.nodes.buffer as ArrayBuffer,
      edges: matrices.edges.buffer as ArrayBuffer,
      settings: layoutSettings(part),
      settle: {},
      minRunMs: MIN_RUN_MS,
    };
    this.ensureWorker().postMessage(request, [request.nodes, request.edges]);
    this.setStatus("running");
  }

  stop(status: LayoutStatus = "stopped"): void {
    if (this.status !== "running") return;
    clearTimeout(this.timer);
    this.post({ type: "stop" });
    this.setStatus(status);
  }

  toggle(): void {
    if (this.status === "running") this.stop();
    else this.start();
  }

  kill(): void {
    this.killed = true;
    clearTimeout(this.timer);
    this.status = "stopped";
    this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL("./layout-worker.ts", import.meta.url), { type: "module", name: "atlas-layout" });
      this.worker.onmessage = (event: MessageEvent<LayoutPositions>) => this.receive(event.data);
    }
    return this.worker;
  }

  private post(request: LayoutRequest): void {
    this.worker?.postMessage(request);
  }

  private receive(message: LayoutPositions): void {
    if (message.run !== this.run || this.status !== "running") return;
    if (this.handlers.isBusy?.() && !message.settled) {
      this.timer = setTimeout(() => this.receive(message), BUSY_RETRY_MS);
      return;
    }
    const started = performance.now();
    const positions = new Float32Array(message.positions);
    const scope = this.scope;
    let i = 0;
    // One graph event for all nodes; the hint tells the renderer only positions changed.
    this.graph.updateEachNodeAttributes(
      (node, attributes) => {
        const index = scope === null ? i++ : scope.get(node);
        if (index === undefined) return attributes;
        attributes.x = positions[2 * index] as number;
        attributes.y = positions[2 * index + 1] as number;
        return attributes;
      },
      { attributes: ["x", "y"] },
    );
    this.latest = { iterations: message.iterations, iterationsPerSecond: message.iterationsPerSecond };
    this.handlers.onProgress?.(this.latest);
    if (message.settled) {
      this.setStatus("settled");
      return;
    }
    // The renderer draws the new positions in the next frame; measure until then, then leave the page that much free time.
    requestAnimationFrame(() => {
      if (message.run !== this.run || this.status !== "running") return;
      const cost = performance.now() - started;
      this.timer = setTimeout(() => this.post({ type: "send" }), cost * FREE_TIME_FACTOR);
    });
  }

  private setStatus(status: LayoutStatus): void {
    this.status = status;
    this.handlers.onStatus(status);
  }
}

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
export function layoutSettings(graph: ViewGraph): Required<ForceAtlas2Settings> {
  return forceAtlas2Settings(graph);
}

export class LayoutController {
  private worker: Worker | null = null;
  private status: LayoutStatus = "stopped";
  private run = 0;
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

  start(): void {
    if (this.status === "running" || this.killed) return;
    this.run += 1;
    this.latest = { iterations: 0, iterationsPerSecond: 0 };
    const matrices = graphToByteArrays(this.graph, () => 1);
    const request: LayoutRequest = {
      type: "start",
      run: this.run,
      nodes: matrices.nodes.buffer as ArrayBuffer,
      edges: matrices.edges.buffer as ArrayBuffer,
      settings: layoutSettings(this.graph),
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
    let i = 0;
    // One graph event for all nodes; the hint tells the renderer only positions changed.
    this.graph.updateEachNodeAttributes(
      (_node, attributes) => {
        attributes.x = positions[i++] as number;
        attributes.y = positions[i++] as number;
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

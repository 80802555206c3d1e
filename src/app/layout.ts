/**
 * ForceAtlas2 in a web worker (graphology-layout-forceatlas2/worker), started after load and
 * stopped by itself once positions settle (SettleDetector), or by the user.
 */
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";
import { inferSettings, type ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import { SettleDetector } from "./model/settle.ts";
import type { ViewGraph } from "./model/view-graph.ts";

export type LayoutStatus = "running" | "settled" | "stopped";

/** A (re)started layout runs at least this long, so a click on "Run layout" visibly does something. */
const MIN_RUN_MS = 2000;

/**
 * graphology's inferred settings (Barnes-Hut above 2,000 entities), a little more repulsion so a
 * dense pressure hub spreads enough for its labels to be read.
 */
export function layoutSettings(graph: ViewGraph): ForceAtlas2Settings {
  const settings = inferSettings(graph);
  return { ...settings, scalingRatio: (settings.scalingRatio ?? 10) * 2 };
}

export class LayoutController {
  private readonly supervisor: FA2LayoutSupervisor;
  private readonly detector: SettleDetector;
  private status: LayoutStatus = "stopped";
  private startedAt = 0;
  private readonly onUpdate = (): void => this.checkSettled();

  constructor(
    private readonly graph: ViewGraph,
    private readonly onStatus: (status: LayoutStatus) => void,
  ) {
    this.supervisor = new FA2LayoutSupervisor(graph, { settings: layoutSettings(graph) });
    this.detector = new SettleDetector(graph.order);
    // FA2 writes positions with updateEachNodeAttributes, once per batch of iterations.
    graph.on("eachNodeAttributesUpdated", this.onUpdate);
  }

  get current(): LayoutStatus {
    return this.status;
  }

  start(): void {
    if (this.status === "running") return;
    this.detector.reset();
    this.startedAt = performance.now();
    this.supervisor.start();
    this.setStatus("running");
  }

  stop(status: LayoutStatus = "stopped"): void {
    if (this.status !== "running") return;
    this.supervisor.stop();
    this.setStatus(status);
  }

  toggle(): void {
    if (this.status === "running") this.stop();
    else this.start();
  }

  kill(): void {
    this.graph.off("eachNodeAttributesUpdated", this.onUpdate);
    this.supervisor.kill();
  }

  private checkSettled(): void {
    if (this.status !== "running") return;
    const buffer = this.detector.buffer;
    let i = 0;
    this.graph.forEachNode((_node, attributes) => {
      buffer[i++] = attributes.x;
      buffer[i++] = attributes.y;
    });
    if (this.detector.settled() && performance.now() - this.startedAt >= MIN_RUN_MS) this.stop("settled");
  }

  private setStatus(status: LayoutStatus): void {
    this.status = status;
    this.onStatus(status);
  }
}

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LayoutController, type LayoutStatus } from "../../../src/app/render/layout.ts";
import type { LayoutPositions, LayoutRequest } from "../../../src/app/render/layout-worker.ts";
import { prepareViewGraph, type ViewGraph } from "../../../src/app/model/view-graph.ts";
import { fixtureGraph } from "../fixture.ts";

/** The layout worker's place: records what the page asks, and answers when the test says. */
class FakeWorker {
  static last: FakeWorker | undefined;
  readonly requests: LayoutRequest["type"][] = [];
  onmessage: ((event: MessageEvent<LayoutPositions>) => void) | null = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(request: LayoutRequest): void {
    this.requests.push(request.type);
  }
  terminate(): void {}
  /** A positions message of run `run`, every entity at (x, x). */
  answer(graph: ViewGraph, run: number, x: number, settled = false): void {
    const positions = new Float32Array(graph.order * 2).fill(x);
    const message: LayoutPositions = {
      type: "positions",
      run,
      positions: positions.buffer,
      iterations: 10,
      iterationsPerSecond: 100,
      settled,
    };
    this.onmessage?.({ data: message } as MessageEvent<LayoutPositions>);
  }
}

function worker(): FakeWorker {
  if (!FakeWorker.last) throw new Error("no worker was started");
  return FakeWorker.last;
}

describe("LayoutController", () => {
  let graph: ViewGraph;
  let statuses: LayoutStatus[];
  let layout: LayoutController;
  beforeEach(() => {
    FakeWorker.last = undefined;
    vi.stubGlobal("Worker", FakeWorker);
    vi.stubGlobal("requestAnimationFrame", (callback: () => void) => setTimeout(callback, 0));
    vi.useFakeTimers();
    graph = prepareViewGraph(fixtureGraph());
    statuses = [];
    layout = new LayoutController(graph, { onStatus: (status) => statuses.push(status) });
  });
  afterEach(() => {
    layout.kill();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("stays stopped when the worker's positions, or its settled message, arrive after Stop", () => {
    layout.start();
    const before = { ...graph.getNodeAttributes("bell") };
    layout.toggle();
    expect(worker().requests).toEqual(["start", "stop"]);
    worker().answer(graph, 1, 42);
    worker().answer(graph, 1, 43, true);
    vi.runAllTimers();
    expect(layout.current).toBe("stopped");
    expect(statuses).toEqual(["running", "stopped"]);
    expect(graph.getNodeAttributes("bell")).toMatchObject({ x: before.x, y: before.y });
  });

  it("ignores a stopped run's late positions once the layout runs again", () => {
    layout.start();
    layout.stop();
    layout.start();
    worker().answer(graph, 1, 42, true);
    expect(layout.current).toBe("running");
    worker().answer(graph, 2, 7);
    expect(graph.getNodeAttributes("bell")).toMatchObject({ x: 7, y: 7 });
  });

  it("runs again on the toggle once it has settled by itself (the button then reads Run layout)", () => {
    layout.start();
    worker().answer(graph, 1, 5, true);
    expect(layout.current).toBe("settled");
    layout.toggle();
    expect(layout.current).toBe("running");
    expect(statuses).toEqual(["running", "settled", "running"]);
  });
});

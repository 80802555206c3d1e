/**
 * The ForceAtlas2 web worker: runs graphology's own iteration function back to back, counts
 * iterations, decides when the layout has settled (model/settle.ts, once per iteration) and sends
 * positions only when the page asks for them.
 *
 * Hand-written around graphology-layout-forceatlas2's `iterate` because its worker supervisor runs
 * one iteration per message round trip and writes every iteration into the graph on the main
 * thread: at 10k entities and more that write (and the renderer's reprocessing it triggers) costs
 * the page more than the layout itself, so the page stopped drawing while the layout ran, and the
 * layout itself waited on the page. Here the layout never waits, and the page takes positions at
 * the pace it can draw them (layout.ts).
 */
import iterate from "graphology-layout-forceatlas2/iterate.js";
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import { SettleDetector, type SettleOptions } from "../model/settle.ts";

/** Values per node in graphology's FA2 node matrix (x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed). */
export const NODE_STRIDE = 10;

export type LayoutRequest =
  | {
      type: "start";
      /** Echoed in the positions of this run, so the page can drop those of an earlier one. */
      run: number;
      /** graphology-layout-forceatlas2's node and edge matrices (helpers.graphToByteArrays). */
      nodes: ArrayBuffer;
      edges: ArrayBuffer;
      /** Complete settings (graphology's defaults filled in). */
      settings: Required<ForceAtlas2Settings>;
      settle: SettleOptions;
      /** The layout runs at least this long before it may count as settled. */
      minRunMs: number;
    }
  /** Send the current positions once the iteration in progress ends. */
  | { type: "send" }
  | { type: "stop" };

export interface LayoutPositions {
  type: "positions";
  run: number;
  /** x0, y0, x1, y1... in the graph's node order. */
  positions: ArrayBuffer;
  /** Iterations run since the start. */
  iterations: number;
  /** Iterations per second over the last second or so of running. */
  iterationsPerSecond: number;
  settled: boolean;
}

/** Iterations run between two looks at the message queue (a stop or a request is never kept waiting longer). */
const SLICE_MS = 40;

interface Run {
  id: number;
  nodes: Float32Array;
  edges: Float32Array;
  settings: Required<ForceAtlas2Settings>;
  detector: SettleDetector;
  startedAt: number;
  minRunMs: number;
  iterations: number;
  /** [time, iterations] samples for the recent rate. */
  samples: [number, number][];
  wanted: boolean;
}

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutPositions, transfer: Transferable[]): void;
};

let run: Run | null = null;

// A message to itself yields to the event loop (so "send" and "stop" are seen) without setTimeout's clamping.
const loop = new MessageChannel();
let scheduled = false;
loop.port1.onmessage = () => {
  scheduled = false;
  step();
};
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  loop.port2.postMessage(null);
}

function post(current: Run, settled: boolean): void {
  const count = current.nodes.length / NODE_STRIDE;
  const positions = new Float32Array(count * 2);
  for (let i = 0; i < count; i += 1) {
    positions[2 * i] = current.nodes[i * NODE_STRIDE] as number;
    positions[2 * i + 1] = current.nodes[i * NODE_STRIDE + 1] as number;
  }
  const [oldest] = current.samples;
  const now = performance.now();
  const rate = oldest && now > oldest[0] ? ((current.iterations - oldest[1]) * 1000) / (now - oldest[0]) : 0;
  scope.postMessage(
    {
      type: "positions",
      run: current.id,
      positions: positions.buffer,
      iterations: current.iterations,
      iterationsPerSecond: rate,
      settled,
    },
    [positions.buffer],
  );
}

function step(): void {
  const current = run;
  if (!current) return;
  const { nodes, edges, settings, detector } = current;
  const buffer = detector.buffer;
  const count = nodes.length / NODE_STRIDE;
  const until = performance.now() + SLICE_MS;
  let settled: boolean;
  do {
    iterate(settings, nodes, edges);
    current.iterations += 1;
    for (let i = 0; i < count; i += 1) {
      buffer[2 * i] = nodes[i * NODE_STRIDE] as number;
      buffer[2 * i + 1] = nodes[i * NODE_STRIDE + 1] as number;
    }
    settled = detector.settled() && performance.now() - current.startedAt >= current.minRunMs;
  } while (!settled && performance.now() < until);
  const now = performance.now();
  current.samples.push([now, current.iterations]);
  while (current.samples.length > 2 && now - (current.samples[0]?.[0] ?? now) > 1000) current.samples.shift();
  if (settled || current.wanted) {
    current.wanted = false;
    post(current, settled);
  }
  if (settled) run = null;
  else schedule();
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === "start") {
    const nodes = new Float32Array(request.nodes);
    run = {
      id: request.run,
      nodes,
      edges: new Float32Array(request.edges),
      settings: request.settings,
      detector: new SettleDetector(nodes.length / NODE_STRIDE, request.settle),
      startedAt: performance.now(),
      minRunMs: request.minRunMs,
      iterations: 0,
      samples: [[performance.now(), 0]],
      wanted: true,
    };
    schedule();
  } else if (request.type === "send") {
    if (run) run.wanted = true;
  } else {
    run = null;
  }
};

import { describe, expect, it, vi } from "vitest";
import * as layout from "../../src/graph/layout.ts";

// The real packing, counted: a complete saved layout must not pay for it.
vi.mock("../../src/graph/layout.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/graph/layout.ts")>();
  return { ...actual, initialPlacement: vi.fn(actual.initialPlacement) };
});
import {
  applySavedLayout,
  nodeSizeRange,
  prepareViewGraph,
  sizeForDegree,
  MAX_NODE_SIZE,
  MIN_NODE_SIZE,
} from "../../src/app/model/view-graph.ts";
import { SettleDetector } from "../../src/app/model/settle.ts";
import { fixtureGraph } from "./fixture.ts";

describe("prepareViewGraph", () => {
  it("gives every node a finite position and a size growing with degree", () => {
    const graph = prepareViewGraph(fixtureGraph());
    graph.forEachNode((_node, attributes) => {
      expect(Number.isFinite(attributes.x) && Number.isFinite(attributes.y)).toBe(true);
      expect(attributes.size).toBeGreaterThanOrEqual(MIN_NODE_SIZE);
      expect(attributes.size).toBeLessThanOrEqual(MAX_NODE_SIZE);
    });
    expect(graph.getNodeAttribute("gov-canada", "size")).toBeGreaterThan(graph.getNodeAttribute("nokia", "size"));
  });

  it("is deterministic", () => {
    const a = prepareViewGraph(fixtureGraph());
    const b = prepareViewGraph(fixtureGraph());
    expect(a.mapNodes((_n, attributes) => [attributes.x, attributes.y])).toEqual(
      b.mapNodes((_n, attributes) => [attributes.x, attributes.y]),
    );
  });

  it("places every entity where a complete saved layout puts it, without packing, as packing and then applying the layout does", () => {
    const positions = new Map(fixtureGraph().nodes().map((id) => [id, { x: id.length * 3.5, y: -id.length }] as const));
    const saved = { name: "default", file: "layouts/default.json", positions };
    const packings = vi.mocked(layout.initialPlacement).mock.calls.length;
    const direct = prepareViewGraph(fixtureGraph(), saved);
    expect(vi.mocked(layout.initialPlacement).mock.calls.length).toBe(packings);
    const packedThenApplied = prepareViewGraph(fixtureGraph());
    expect(applySavedLayout(packedThenApplied, saved)).toBe(packedThenApplied.order);
    expect(direct.mapNodes((id, attributes) => [id, attributes.x, attributes.y, attributes.size])).toEqual(
      packedThenApplied.mapNodes((id, attributes) => [id, attributes.x, attributes.y, attributes.size]),
    );
  });

  it("packs every entity when a saved layout leaves some out, as without it", () => {
    const partial = { name: "default", file: "layouts/default.json", positions: new Map([["gov-canada", { x: 12.5, y: -3 }]]) };
    const graph = prepareViewGraph(fixtureGraph(), partial);
    const packed = prepareViewGraph(fixtureGraph());
    expect(graph.mapNodes((_id, attributes) => [attributes.x, attributes.y])).toEqual(packed.mapNodes((_id, attributes) => [attributes.x, attributes.y]));
  });

  it("sizes the best connected node largest, with smaller discs for big graphs", () => {
    expect(sizeForDegree(10, 10)).toBe(MAX_NODE_SIZE);
    expect(sizeForDegree(0, 10)).toBe(MIN_NODE_SIZE);
    expect(sizeForDegree(10, 10, nodeSizeRange(50_000))).toBeLessThan(MAX_NODE_SIZE);
    expect(nodeSizeRange(2_000).min).toBeLessThan(MIN_NODE_SIZE);
  });
});

describe("applySavedLayout", () => {
  it("puts the entities a saved layout places at its positions, leaves the others, and counts those it placed", () => {
    const graph = prepareViewGraph(fixtureGraph());
    const before = graph.getNodeAttributes("nokia");
    const placed = applySavedLayout(graph, {
      name: "default",
      file: "layouts/default.json",
      positions: new Map([
        ["gov-canada", { x: 12.5, y: -3 }],
        ["no-such-entity", { x: 1, y: 1 }],
      ]),
    });
    expect(placed).toBe(1);
    expect(graph.getNodeAttributes("gov-canada")).toMatchObject({ x: 12.5, y: -3 });
    expect(graph.getNodeAttributes("nokia")).toMatchObject({ x: before.x, y: before.y });
    expect(graph.hasNode("no-such-entity")).toBe(false);
  });
});

describe("SettleDetector", () => {
  function fill(detector: SettleDetector, positions: number[]): boolean {
    detector.buffer.set(positions);
    return detector.settled();
  }

  it("settles after enough calm batches, not before", () => {
    const detector = new SettleDetector(2, { threshold: 0.01, patience: 2, minBatches: 0 });
    expect(fill(detector, [0, 0, 100, 100])).toBe(false);
    expect(fill(detector, [10, 0, 100, 100])).toBe(false); // moved 5% of the extent per node
    expect(fill(detector, [10.1, 0, 100, 100])).toBe(false); // first calm batch
    expect(fill(detector, [10.1, 0.1, 100, 100])).toBe(true);
  });

  it("never settles before its minimum number of batches", () => {
    const detector = new SettleDetector(1, { patience: 1, minBatches: 4 });
    expect(fill(detector, [0, 0])).toBe(false);
    expect(fill(detector, [0, 0])).toBe(false);
    expect(fill(detector, [0, 0])).toBe(false);
    expect(fill(detector, [0, 0])).toBe(true);
  });

  it("stops after its batch budget even if still moving", () => {
    const detector = new SettleDetector(1, { maxBatches: 3 });
    expect(fill(detector, [0, 0])).toBe(false);
    expect(fill(detector, [5, 0])).toBe(false);
    expect(fill(detector, [0, 5])).toBe(true);
  });

  it("starts over after reset", () => {
    const detector = new SettleDetector(1, { maxBatches: 2, minBatches: 0 });
    fill(detector, [0, 0]);
    expect(fill(detector, [0, 0])).toBe(true);
    detector.reset();
    expect(fill(detector, [0, 0])).toBe(false);
  });
});

import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SigmaOptions } from "sigma/types";
import { DIMMED_EDGE_COLOR, DIMMED_NODE_COLOR, FAMILY_COLORS, KIND_COLORS } from "../../../src/app/model/palette.ts";
import { LABEL_DENSITIES, LABEL_FONT_PX, LABEL_GRID_DENSITY } from "../../../src/app/model/labels.ts";
import { prepareViewGraph, type ViewGraph } from "../../../src/app/model/view-graph.ts";
import { fixtureGraph } from "../fixture.ts";

// The options createRenderer hands sigma, caught by a stand-in (node has no WebGL): the styles are checked with
// sigma's own style analysis and evaluation, as the renderer would apply them.
const created: SigmaOptions[] = [];
const givenGraphs: ViewGraph[] = [];
vi.mock("sigma", async (importOriginal) => {
  const actual = await importOriginal<typeof import("sigma")>();
  return {
    ...actual,
    default: vi.fn(function (given: ViewGraph, _container: unknown, options: SigmaOptions) {
      givenGraphs.push(given);
      created.push(options);
    }),
  };
});

type SigmaTypes = typeof import("sigma/types");
let sigma: SigmaTypes;
let renderer: typeof import("../../../src/app/render/renderer.ts");
const graph: ViewGraph = prepareViewGraph(fixtureGraph());

beforeAll(async () => {
  // sigma's modules read WebGL constants as they load; their values do not matter to the styles.
  vi.stubGlobal("WebGL2RenderingContext", new Proxy({}, { get: () => 0 }));
  sigma = await import("sigma/types");
  renderer = await import("../../../src/app/render/renderer.ts");
});

function optionsOf(options: Parameters<typeof renderer.createRenderer>[2] = {}): SigmaOptions {
  const before = created.length;
  renderer.createRenderer(graph, {} as HTMLElement, options);
  const made = created[before];
  if (made === undefined) throw new Error("createRenderer did not create a renderer");
  return made;
}

/*
 * An item's display data under the renderer's styles, in its initial state with the changes given (sigma's own
 * state flags are off). The graph state is empty: the first test pins that no style reads it.
 */
function nodeLooks(options: SigmaOptions, id: string, state: Record<string, unknown> = {}) {
  const nodeState = { ...options.customNodeState, ...state } as unknown as Parameters<SigmaTypes["evaluateNodeStyle"]>[2];
  const graphState = {} as Parameters<SigmaTypes["evaluateNodeStyle"]>[3];
  return sigma.evaluateNodeStyle(options.styles?.nodes, graph.getNodeAttributes(id), nodeState, graphState, graph);
}

function edgeLooks(options: SigmaOptions, id: string, state: Record<string, unknown> = {}) {
  const edgeState = { ...options.customEdgeState, ...state } as unknown as Parameters<SigmaTypes["evaluateEdgeStyle"]>[2];
  const graphState = {} as Parameters<SigmaTypes["evaluateEdgeStyle"]>[3];
  return sigma.evaluateEdgeStyle(options.styles?.edges, graph.getEdgeAttributes(id), edgeState, graphState, graph);
}

describe("the empty renderer", () => {
  it("gives sigma a graph with no entities and no relations, so its programs compile without processing or drawing any item", () => {
    const before = givenGraphs.length;
    renderer.createEmptyRenderer(graph, {} as HTMLElement);
    const given = givenGraphs[before];
    expect(given).toBeDefined();
    expect(given?.order).toBe(0);
    expect(given?.size).toBe(0);
    expect(given?.type).toBe(graph.type);
    expect(given?.multi).toBe(graph.multi);
    expect(graph.order).toBeGreaterThan(0);
  });
});

describe("the renderer's settings", () => {
  it("start at the grid density of the label preference, so the first placement by sigma's grid changes no setting (a full restyle)", () => {
    for (const density of LABEL_DENSITIES) expect(optionsOf({ labelDensity: density }).settings?.labelDensity).toBe(LABEL_GRID_DENSITY[density]);
  });
});

describe("the renderer's styles", () => {
  it("read item states only, so a pan, a zoom or a hover starting (a graph-state change) restyles no item", () => {
    const { styles } = optionsOf();
    expect(sigma.analyzeStyleDeclaration(styles?.nodes).dependency).toBe("item-state");
    expect(sigma.analyzeStyleDeclaration(styles?.edges).dependency).toBe("item-state");
  });

  it("fade a dimmed entity and hide its label, and fade a dimmed relation", () => {
    const options = optionsOf();
    expect(nodeLooks(options, "bell").color).toBe(KIND_COLORS.carrier);
    expect(nodeLooks(options, "bell", { isDimmed: true, isLabelled: true })).toMatchObject({ color: DIMMED_NODE_COLOR, labelVisibility: "hidden" });
    expect(edgeLooks(options, "bell-uses-huawei").color).toBe(FAMILY_COLORS.dependency);
    expect(edgeLooks(options, "bell-uses-huawei", { isDimmed: true }).color).toBe(DIMMED_EDGE_COLOR);
  });

  it("hide a relation while it waits for the layout", () => {
    const options = optionsOf();
    expect(edgeLooks(options, "bell-uses-huawei").visibility).toBe("visible");
    expect(edgeLooks(options, "bell-uses-huawei", { isWaiting: true }).visibility).toBe("hidden");
  });

  it("draw labels at the size the renderer was created with, and at the size an entity's state says", () => {
    expect(nodeLooks(optionsOf(), "bell").labelSize).toBe(LABEL_FONT_PX.medium);
    const large = optionsOf({ labelSize: "large" });
    expect(nodeLooks(large, "bell").labelSize).toBe(LABEL_FONT_PX.large);
    expect(nodeLooks(large, "bell", { labelFont: "small" }).labelSize).toBe(LABEL_FONT_PX.small);
    expect(nodeLooks(optionsOf({ scale: 2 }), "bell").labelSize).toBe(LABEL_FONT_PX.medium * 2);
  });

  it("show the labels the placement chose, or leave the choice to sigma's grid", () => {
    const placed = optionsOf();
    expect(nodeLooks(placed, "bell", { isLabelled: true }).labelVisibility).toBe("visible");
    expect(nodeLooks(placed, "bell", { isLabelled: false }).labelVisibility).toBe("hidden");
    for (const side of ["right", "left", "below", "above"] as const) expect(nodeLooks(placed, "bell", { labelSide: side }).labelPosition).toBe(side);
    const byGrid = optionsOf({ labelsByGrid: true });
    expect(nodeLooks(byGrid, "bell").labelVisibility).toBe("auto");
    expect(nodeLooks(byGrid, "bell", { labelsByGrid: false, isLabelled: true }).labelVisibility).toBe("visible");
  });
});

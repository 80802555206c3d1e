/**
 * The sigma v4 renderer and its declarative styles. Everything visual that depends on interaction
 * is a state flag: isHidden (filters), isActive (hover neighbourhood), isCursor (the keyboard's ring), isFocus (details open),
 * isOnPath (shortest path), isSelected (selection), isLeverage (the chosen leverage chain), isDimmed (outside
 * what is lit up) and isWaiting (a relation waiting for the layout). flags.ts derives the flags from the
 * explorer's state; the explorer flips only those of the items that change.
 */
import Sigma, { DEFAULT_STYLES } from "sigma";
import {
  extremityArrow,
  layerFill,
  layerPlain,
  pathCurved,
  pathLine,
  pathLoop,
  sdfCircle,
  sdfDiamond,
  sdfSquare,
  sdfTriangle,
} from "sigma/rendering";
import type { GraphAttributes, RelationAttributes } from "../../graph/types.ts";
import { LABEL_FONT_PX, LABEL_GRID_DENSITY, LABEL_PADDING_PX, type LabelDensity, type LabelSide, type LabelSize } from "../model/labels.ts";
import {
  BACKGROUND_COLOR,
  DIMMED_EDGE_COLOR,
  DIMMED_NODE_COLOR,
  FAMILY_COLORS,
  FOCUS_RING_COLOR,
  KIND_COLORS,
  KIND_SHAPES,
  LABEL_BACKGROUND_COLOR,
  LABEL_COLOR,
  LEVERAGE_HALO_COLOR,
  LEVERAGE_RING_COLOR,
} from "../model/palette.ts";
import type { ViewGraph, ViewNodeAttributes } from "../model/view-graph.ts";
import { hidesEdgesWhileMoving } from "./flags.ts";

/** Segments of a curved relation or a self-loop; fewer in a graph too big to draw its relations while moving. */
const CURVE_SEGMENTS = 12;
const BIG_GRAPH_CURVE_SEGMENTS = 6;

/** Above this many relations, edge hover (which costs a second picking pass) is turned off. */
export const EDGE_EVENTS_MAX_EDGES = 20_000;

export const LABEL_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/** How a renderer draws beyond its item states: labels, and a scale for pictures bigger than the screen. */
export interface RenderOptions {
  /** The label preference's size (medium unless given); setLabelSize changes it. */
  labelSize?: LabelSize;
  /** sigma's label grid chooses the labels, as for big views (render/labels.ts places them otherwise). */
  labelsByGrid?: boolean;
  /** The label preference's density, for sigma's grid; given from the start, as changing it later costs a full restyle. */
  labelDensity?: LabelDensity;
  /** Multiplies every size (entities, relations, labels): 2 draws a picture for twice the screen's pixels. */
  scale?: number;
}

/** Label text size for each label size, as item-state conditionals (see createSigma: no graph-state styles). */
function labelSizeStyle(scale: number) {
  return {
    whenState: { labelFont: "small" },
    then: LABEL_FONT_PX.small * scale,
    else: { whenState: { labelFont: "large" }, then: LABEL_FONT_PX.large * scale, else: LABEL_FONT_PX.medium * scale },
  } as const;
}

/** The side render/labels.ts chose for an entity's label (its labelSide state), as item-state conditionals. */
const labelPositionStyle = {
  whenState: { labelSide: "left" },
  then: "left",
  else: { whenState: { labelSide: "below" }, then: "below", else: { whenState: { labelSide: "above" }, then: "above", else: "right" } },
} as const;

/*
 * Every style reads item states only (whenState), never the graph state: sigma restyles every entity and relation
 * whenever its graph state changes (a pan or a zoom starts or ends, the pointer enters an entity) if any style may
 * read it, about a second at 10,000 entities without a GPU. What the whole view shares (dimming, label size, whose
 * labels) is therefore set on the items whose value changes (render/flags.ts, setLabelSize, render/labels.ts).
 */
function createSigma(graph: ViewGraph, drawn: ViewGraph, container: HTMLElement, options: RenderOptions = {}) {
  const scale = options.scale ?? 1;
  // Every relation gets the vertices of the most detailed path: a big graph's curves are coarser, so each frame
  // costs a software renderer less (docs/benchmarks.md: drawn frames).
  const curveSegments = hidesEdgesWhileMoving(graph) ? BIG_GRAPH_CURVE_SEGMENTS : CURVE_SEGMENTS;
  const labelState: { isLabelled: boolean; labelSide: LabelSide; labelFont: LabelSize; labelsByGrid: boolean } = {
    isLabelled: false,
    labelSide: "right",
    labelFont: options.labelSize ?? "medium",
    labelsByGrid: options.labelsByGrid ?? false,
  };
  return new Sigma(drawn, container, {
    customNodeState: {
      isActive: false,
      isCursor: false,
      isDimmed: false,
      isFocus: false,
      isOnPath: false,
      isSelected: false,
      isLeverage: false,
      ...labelState,
    },
    customEdgeState: { isActive: false, isDimmed: false, isOnPath: false, isLeverage: false, isWaiting: false },
    primitives: {
      nodes: { shapes: [sdfCircle(), sdfSquare(), sdfDiamond(), sdfTriangle()], layers: [layerFill()] },
      edges: {
        paths: [pathLine(), pathCurved({ segments: curveSegments }), pathLoop({ segments: curveSegments })],
        extremities: [extremityArrow()],
        layers: [layerPlain()],
      },
    },
    styles: {
      nodes: [
        DEFAULT_STYLES.nodes,
        {
          color: { attribute: "kind", dict: KIND_COLORS, defaultValue: "#666666" },
          shape: { attribute: "kind", dict: KIND_SHAPES, defaultValue: "circle" },
          // A function makes sigma treat the styles as reading the graph state: only pictures (drawn once) scale.
          size: scale === 1 ? { attribute: "size", defaultValue: 5 } : (attributes) => attributes.size * scale,
          labelColor: LABEL_COLOR,
          labelSize: labelSizeStyle(scale),
          labelFont: LABEL_FONT,
          // Labels the placement chose, on the side it chose, on a pale background that keeps them readable over relations.
          labelVisibility: { whenState: "labelsByGrid", then: "auto", else: { whenState: "isLabelled", then: "visible", else: "hidden" } },
          labelPosition: labelPositionStyle,
          labelBackgroundColor: LABEL_BACKGROUND_COLOR,
          labelBackgroundPadding: LABEL_PADDING_PX * scale,
          backdropColor: "#ffffff",
          backdropShadowColor: "rgba(15, 23, 42, 0.35)",
          backdropShadowBlur: 10,
          backdropPadding: 5,
          backdropCornerRadius: 4,
        },
        // Something is hovered, or a path or a leverage chain is shown: everything outside it fades to the background.
        { whenState: "isDimmed", then: { color: DIMMED_NODE_COLOR, labelVisibility: "hidden" } },
        {
          whenState: "isSelected",
          then: {
            labelVisibility: "visible",
            backdropVisibility: "visible",
            backdropArea: "node",
            backdropColor: "#FFE8A3",
            backdropShadowBlur: 0,
          },
        },
        { whenState: "isOnPath", then: { labelVisibility: "visible", depth: "topNodes" } },
        {
          // A leverage chain: a dark ring around each entity (no hue, so it reads beside every kind colour and for every eye).
          whenState: "isLeverage",
          then: {
            labelVisibility: "visible",
            depth: "topNodes",
            backdropVisibility: "visible",
            backdropArea: "node",
            backdropColor: LEVERAGE_HALO_COLOR,
            backdropBorderColor: LEVERAGE_RING_COLOR,
            backdropBorderWidth: 2.5,
            backdropPadding: 4,
            backdropShadowBlur: 0,
          },
        },
        // A lit neighbourhood's labels are placed among themselves (render/labels.ts); sigma's grid shows them all.
        { whenState: "isActive", then: { depth: "topNodes" } },
        { whenState: ["isActive", "labelsByGrid"], then: { labelVisibility: "visible" } },
        {
          whenState: "isFocus",
          then: { labelVisibility: "visible", backdropVisibility: "visible", backdropArea: "both", depth: "topNodes" },
        },
        {
          whenState: "isHovered",
          then: { labelVisibility: "visible", backdropVisibility: "visible", backdropArea: "both", depth: "topNodes" },
        },
        {
          // The keyboard's ring (panels/graph-keyboard.ts): the page's focus colour around the entity and its label.
          whenState: "isCursor",
          then: {
            labelVisibility: "visible",
            backdropVisibility: "visible",
            backdropArea: "both",
            backdropColor: "#FFFFFF",
            backdropBorderColor: FOCUS_RING_COLOR,
            backdropBorderWidth: 3,
            backdropPadding: 5,
            backdropShadowBlur: 0,
            depth: "topNodes",
          },
        },
      ],
      edges: [
        DEFAULT_STYLES.edges,
        {
          color: { attribute: "family", dict: FAMILY_COLORS, defaultValue: "#999999" },
          size: 1.6 * scale,
          head: "arrow",
          path: "straight",
          parallelPath: "curved",
          selfLoopPath: "loop",
        },
        { whenState: "isDimmed", then: { color: DIMMED_EDGE_COLOR } },
        // A big graph's relations wait while the layout moves its entities (flags.ts).
        { whenState: "isWaiting", then: { visibility: "hidden" } },
        { whenState: "isActive", then: { size: 2.2 * scale, depth: "topEdges" } },
        { whenState: "isOnPath", then: { size: 3.2 * scale, depth: "topEdges" } },
        // A leverage chain keeps its family colours, drawn thick above the rest.
        { whenState: "isLeverage", then: { size: 4 * scale, depth: "topEdges" } },
        { whenState: "isHovered", then: { size: 3.2 * scale, depth: "topEdges" } },
      ],
      stage: { background: BACKGROUND_COLOR },
    },
    settings: {
      // Sizes are screen pixels at the default zoom (sigma 4 defaults to graph positions).
      itemSizesReference: "screen",
      enableEdgeEvents: graph.size <= EDGE_EVENTS_MAX_EDGES,
      // Fewer, readable labels: sigma keeps the biggest nodes' labels per grid cell; zoom shows more.
      labelDensity: options.labelDensity === undefined ? 0.25 : LABEL_GRID_DENSITY[options.labelDensity],
      labelGridCellSize: 150,
      // Small graphs label every entity; large ones only those drawn big enough.
      labelRenderedSizeThreshold: graph.order <= 300 ? 0 : 6,
      stagePadding: 40,
      minCameraRatio: 0.05,
      maxCameraRatio: 4,
      // While the camera moves (and while the layout runs: isLayingOut), big graphs draw their entities only:
      // without a GPU every edge's pixels are filled again each frame (docs/benchmarks.md). The edges return at rest.
      hideEdgesOnMove: hidesEdgesWhileMoving(graph),
      // Labels too: at 10,000 entities they cost software rendering about as much per frame as the entities.
      hideLabelsOnMove: hidesEdgesWhileMoving(graph),
    },
  });
}

export type AtlasRenderer = ReturnType<typeof createSigma>;
export type { GraphAttributes, RelationAttributes, ViewNodeAttributes };

/** Creates the renderer (its first frame drawn); throws when WebGL2 is unavailable. */
export function createRenderer(graph: ViewGraph, container: HTMLElement, options: RenderOptions = {}): AtlasRenderer {
  return createSigma(graph, graph, container, options);
}

/**
 * Creates the renderer for this graph with nothing in it yet (its programs compiled); `renderer.setGraph(graph)` draws
 * the graph. The explorer builds the page around it in between, so the first frame is drawn at the size the page
 * leaves it: a canvas resized after a frame waits for the GPU to finish that frame (seconds for a big graph without
 * a GPU: docs/benchmarks.md). Throws when WebGL2 is unavailable.
 */
export function createEmptyRenderer(graph: ViewGraph, container: HTMLElement, options: RenderOptions = {}): AtlasRenderer {
  // nullCopy, not emptyCopy: graphology's emptyCopy keeps every entity, which sigma would process and draw for nothing.
  return createSigma(graph, graph.nullCopy(), container, options);
}

/** Draws every label at this size (the preference changed): the entities whose label size it changes are restyled. */
export function setLabelSize(renderer: AtlasRenderer, size: LabelSize): void {
  renderer.setNodesState(renderer.getGraph().nodes(), { labelFont: size });
}

/** True when this browser can give a WebGL2 context (sigma v4 needs it). */
export function hasWebGL2(): boolean {
  try {
    const canvas = document.createElement("canvas");
    return canvas.getContext("webgl2") !== null;
  } catch {
    return false;
  }
}

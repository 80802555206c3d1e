/**
 * The graph the renderer draws: the typed AtlasGraph with display attributes (position and size)
 * added to each node. Colours, shapes and dimming come from the renderer's declarative styles,
 * not from attributes. Initial positions are deterministic: a circle packing grouped by entity
 * kind, driven by a seeded generator, which ForceAtlas2 then refines.
 */
import circlepack from "graphology-layout/circlepack";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import type { MultiDirectedGraph } from "graphology";
import type { AtlasGraph, EntityAttributes, GraphAttributes, RelationAttributes } from "../../graph/types.ts";

export interface DisplayAttributes {
  x: number;
  y: number;
  size: number;
}

export type ViewNodeAttributes = EntityAttributes & DisplayAttributes;
export type ViewGraph = MultiDirectedGraph<ViewNodeAttributes, RelationAttributes, GraphAttributes>;

const LAYOUT_SEED = 20181201;
export const MIN_NODE_SIZE = 4;
export const MAX_NODE_SIZE = 18;

/** Smaller discs for bigger graphs, so thousands of entities do not cover each other. */
export function nodeSizeRange(order: number): { min: number; max: number } {
  if (order > 5_000) return { min: 1.5, max: 10 };
  if (order > 1_000) return { min: 2.5, max: 14 };
  return { min: MIN_NODE_SIZE, max: MAX_NODE_SIZE };
}

/** Node size (screen pixels) by degree: area grows with degree, so the radius grows with its square root. */
export function sizeForDegree(degree: number, maxDegree: number, range = nodeSizeRange(0)): number {
  if (maxDegree <= 0) return range.min + 2;
  return range.min + (range.max - range.min) * Math.sqrt(degree / maxDegree);
}

/** A deterministic replacement for Math.random, for layouts. */
export function seededRandom(seed = LAYOUT_SEED): () => number {
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}

/**
 * Adds positions and sizes to every node, in place, and returns the same graph typed with them.
 * In place because a copy would double memory on 50k-node graphs; the cast is the one place the
 * added attributes enter the type.
 */
export function prepareViewGraph(graph: AtlasGraph): ViewGraph {
  let maxDegree = 0;
  graph.forEachNode((node) => {
    maxDegree = Math.max(maxDegree, graph.degree(node));
  });
  const range = nodeSizeRange(graph.order);
  const positions = circlepack(graph, { hierarchyAttributes: ["kind"], rng: seededRandom(), scale: 100 });
  graph.updateEachNodeAttributes((node, attributes) => {
    const position = positions[node] ?? { x: 0, y: 0 };
    return Object.assign(attributes, { x: position.x, y: position.y, size: sizeForDegree(graph.degree(node), maxDegree, range) });
  });
  return graph as unknown as ViewGraph;
}

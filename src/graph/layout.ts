/**
 * Where entities go when nothing says: deterministic starting positions (a circle packing grouped by entity
 * kind, driven by a seeded generator) and ForceAtlas2 from them with the explorer's settings. The explorer runs
 * the same algorithm in a worker until it settles (src/app/render/layout.ts); the CLI and the SVG writer run a
 * fixed number of iterations synchronously here, so the same command gives the same positions every time.
 * Pure and browser-safe.
 */
import { MultiDirectedGraph } from "graphology";
import circlepack from "graphology-layout/circlepack";
import forceAtlas2, { type ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import FA2_DEFAULTS from "graphology-layout-forceatlas2/defaults.js";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { AtlasGraph } from "./types.ts";

export interface Point {
  x: number;
  y: number;
}

/** The seed of every layout's starting positions (the day Meng Wanzhou was arrested). */
export const LAYOUT_SEED = 20181201;
/** Iterations of a layout computed headless (atlas layout, atlas export --format svg): about where the explorer's settles. */
export const DEFAULT_LAYOUT_ITERATIONS = 1000;

/** A deterministic replacement for Math.random, for layouts. */
export function seededRandom(seed = LAYOUT_SEED): () => number {
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}

/** Starting positions: entities packed in circles by kind, the same for the same graph every time. */
export function initialPlacement(graph: AtlasGraph): Record<string, Point> {
  return circlepack(graph, { hierarchyAttributes: ["kind"], rng: seededRandom(), scale: 100 });
}

/**
 * graphology's inferred settings (Barnes-Hut above 2,000 entities, slower steps for bigger graphs), a little
 * more repulsion so a dense pressure hub spreads enough for its labels to be read.
 */
export function forceAtlas2Settings(graph: { readonly order: number }): Required<ForceAtlas2Settings> {
  // Through the default export: the package is CommonJS, and node cannot see its named exports.
  const settings = forceAtlas2.inferSettings(graph.order);
  return { ...FA2_DEFAULTS, ...settings, scalingRatio: (settings.scalingRatio ?? 10) * 2 };
}

export interface HeadlessLayoutOptions {
  /** ForceAtlas2 iterations (default DEFAULT_LAYOUT_ITERATIONS). */
  iterations?: number;
  /** Positions already known (a saved layout): kept where they are, and the other entities placed around them. */
  known?: (id: string) => Point | undefined;
}

/**
 * Every entity's position: the known ones as they are, the others by ForceAtlas2 run synchronously from the
 * seeded starting positions (with the known ones fixed). When every position is known nothing runs.
 */
export function forceAtlas2Layout(graph: AtlasGraph, options: HeadlessLayoutOptions = {}): Map<string, Point> {
  const known = new Map<string, Point>();
  graph.forEachNode((id) => {
    const point = options.known?.(id);
    if (point && Number.isFinite(point.x) && Number.isFinite(point.y)) known.set(id, { x: point.x, y: point.y });
  });
  if (known.size === graph.order) return known;
  const start = initialPlacement(graph);
  // A copy with positions only: ForceAtlas2 reads x, y and fixed from node attributes, and edges weigh 1 each, as in the explorer.
  const copy = new MultiDirectedGraph<{ x: number; y: number; fixed: boolean }>();
  graph.forEachNode((id) => {
    const point = known.get(id) ?? start[id] ?? { x: 0, y: 0 };
    copy.addNode(id, { x: point.x, y: point.y, fixed: known.has(id) });
  });
  graph.forEachEdge((_edge, _attributes, source, target) => {
    copy.addEdge(source, target);
  });
  const positions = forceAtlas2(copy, {
    iterations: options.iterations ?? DEFAULT_LAYOUT_ITERATIONS,
    settings: forceAtlas2Settings(graph),
    getEdgeWeight: null,
  });
  const result = new Map<string, Point>();
  graph.forEachNode((id) => {
    const point = known.get(id) ?? positions[id];
    result.set(id, point ? { x: point.x, y: point.y } : { x: 0, y: 0 });
  });
  return result;
}

/**
 * Types for the parts of graphology-layout-forceatlas2 that its package does not type: the
 * single-iteration function, its default settings and the matrix builder, used by layout.ts and
 * layout-worker.ts to run the library's own algorithm on a worker loop of our own.
 */
declare module "graphology-layout-forceatlas2/iterate.js" {
  import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
  /** One iteration, in place on the node matrix; settings must be complete (defaults.js filled in). */
  export default function iterate(settings: Required<ForceAtlas2Settings>, nodes: Float32Array, edges: Float32Array): void;
}

declare module "graphology-layout-forceatlas2/defaults.js" {
  import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
  const defaults: Required<ForceAtlas2Settings>;
  export default defaults;
}

declare module "graphology-layout-forceatlas2/helpers.js" {
  import type Graph from "graphology";
  export function graphToByteArrays(
    graph: Graph,
    getEdgeWeight: (edge: string, attributes: unknown, source: string, target: string) => number,
  ): { nodes: Float32Array; edges: Float32Array };
}

/**
 * The graph the renderer draws: the typed AtlasGraph with display attributes (position and size)
 * added to each node. Colours, shapes and dimming come from the renderer's declarative styles,
 * not from attributes. Initial positions are deterministic: a circle packing grouped by entity
 * kind, driven by a seeded generator (src/graph/layout.ts), which ForceAtlas2 then refines; or the
 * dataset's saved layout (applySavedLayout).
 */
import type { MultiDirectedGraph } from "graphology";
import { initialPlacement } from "../../graph/layout.ts";
import type { SavedLayout } from "../../model/layout.ts";
import { MAX_NODE_SIZE, MIN_NODE_SIZE, nodeSizeRange, sizeForDegree } from "../../model/presentation.ts";
import type { AtlasGraph, EntityAttributes, GraphAttributes, RelationAttributes } from "../../graph/types.ts";

export interface DisplayAttributes {
  x: number;
  y: number;
  size: number;
}

export type ViewNodeAttributes = EntityAttributes & DisplayAttributes;
export type ViewGraph = MultiDirectedGraph<ViewNodeAttributes, RelationAttributes, GraphAttributes>;

// Sizes by degree are presentation, shared with the SVG figure (src/model/presentation.ts).
export { MAX_NODE_SIZE, MIN_NODE_SIZE, nodeSizeRange, sizeForDegree };

/**
 * Adds positions and sizes to every node, in place, and returns the same graph typed with them.
 * In place because a copy would double memory on 50k-node graphs; the cast is the one place the
 * added attributes enter the type. A saved layout that places every entity gives the positions as they
 * are (the packing is skipped); otherwise every entity gets its packed position (applySavedLayout then
 * moves those the layout places).
 */
export function prepareViewGraph(graph: AtlasGraph, saved?: SavedLayout): ViewGraph {
  let maxDegree = 0;
  graph.forEachNode((node) => {
    maxDegree = Math.max(maxDegree, graph.degree(node));
  });
  const range = nodeSizeRange(graph.order);
  const complete = saved !== undefined && graph.everyNode((node) => saved.positions.has(node));
  const packed = complete ? null : initialPlacement(graph);
  graph.updateEachNodeAttributes((node, attributes) => {
    const position = (packed ? packed[node] : saved?.positions.get(node)) ?? { x: 0, y: 0 };
    return Object.assign(attributes, { x: position.x, y: position.y, size: sizeForDegree(graph.degree(node), maxDegree, range) });
  });
  return graph as unknown as ViewGraph;
}

/**
 * Puts the entities a saved layout places where it places them (in place); the others keep their starting
 * positions. Returns how many it placed: all of them means the explorer can open without running ForceAtlas2.
 */
export function applySavedLayout(graph: ViewGraph, layout: SavedLayout): number {
  let placed = 0;
  graph.updateEachNodeAttributes(
    (id, attributes) => {
      const point = layout.positions.get(id);
      if (!point) return attributes;
      placed += 1;
      attributes.x = point.x;
      attributes.y = point.y;
      return attributes;
    },
    { attributes: ["x", "y"] },
  );
  return placed;
}

/**
 * A served dataset reloaded after a change on disk: its entities keep the places they had, so the graph
 * does not jump and the layout only refines; an added entity starts among its placed neighbours (their
 * mean), or where prepareViewGraph put it when it has none. Mutates `next` (the graph about to be shown).
 */
import type { ViewGraph } from "./view-graph.ts";

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Returns how many entities kept their place. */
export function carryPositions(previous: ViewGraph, next: ViewGraph): number {
  let carried = 0;
  const placed = new Set<string>();
  next.forEachNode((node) => {
    if (!previous.hasNode(node)) return;
    const { x, y } = previous.getNodeAttributes(node);
    next.mergeNodeAttributes(node, { x, y });
    placed.add(node);
    carried += 1;
  });
  if (carried === 0) return 0;
  let added = 0;
  next.forEachNode((node) => {
    if (placed.has(node)) return;
    added += 1;
    let sumX = 0;
    let sumY = 0;
    let count = 0;
    next.forEachNeighbor(node, (neighbour, attributes) => {
      if (!placed.has(neighbour)) return;
      sumX += attributes.x;
      sumY += attributes.y;
      count += 1;
    });
    // Offset a little, each new entity at another angle (the golden angle apart): ForceAtlas2 cannot separate coincident points.
    const angle = added * GOLDEN_ANGLE;
    if (count > 0) next.mergeNodeAttributes(node, { x: sumX / count + Math.cos(angle), y: sumY / count + Math.sin(angle) });
  });
  return carried;
}

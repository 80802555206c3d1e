/** Counts of entities by kind and relations by family, for the legend. */
import { ENTITY_KINDS, RELATION_FAMILIES, type EntityKind, type RelationFamily } from "../../model/ontology.ts";
import type { AtlasGraph } from "../../graph/types.ts";

export interface LegendCounts {
  kinds: Record<EntityKind, number>;
  families: Record<RelationFamily, number>;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/** Counts over the whole graph, or over the visible keys when given. */
export function legendCounts(graph: AtlasGraph, visible?: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> }): LegendCounts {
  const kinds = zeros(ENTITY_KINDS);
  const families = zeros(RELATION_FAMILIES);
  graph.forEachNode((node, attributes) => {
    if (!visible || visible.nodes.has(node)) kinds[attributes.kind] += 1;
  });
  graph.forEachEdge((edge, attributes) => {
    if (!visible || visible.edges.has(edge)) families[attributes.family] += 1;
  });
  return { kinds, families };
}

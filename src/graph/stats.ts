/** Counts and centrality rankings for `atlas stats` and the data README's coverage table. */
import betweennessCentrality from "graphology-metrics/centrality/betweenness";
import {
  CONFIDENCES,
  ENTITY_KINDS,
  RELATION_FAMILIES,
  RELATION_KIND_NAMES,
  type Confidence,
  type EntityKind,
  type RelationFamily,
  type RelationKind,
} from "../model/ontology.ts";
import type { AtlasGraph } from "./types.ts";

export interface RankedEntity {
  id: string;
  label: string;
  kind: EntityKind;
  value: number;
}

export interface GraphStats {
  name: string;
  entities: number;
  relations: number;
  sources: number;
  entitiesByKind: Record<EntityKind, number>;
  relationsByFamily: Record<RelationFamily, number>;
  relationsByKind: Record<RelationKind, number>;
  relationsByConfidence: Record<Confidence, number>;
  topByDegree: RankedEntity[];
  /** Normalized betweenness; undefined when skipped (too large a graph for an exact computation). */
  topByBetweenness?: RankedEntity[];
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

function top(graph: AtlasGraph, values: (node: string) => number, limit: number): RankedEntity[] {
  return graph
    .mapNodes((id, attributes) => ({ id, label: attributes.label, kind: attributes.kind, value: values(id) }))
    .sort((a, b) => b.value - a.value || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** Exact betweenness is O(V*E); above this many relations stats skip it rather than stall. */
export const BETWEENNESS_MAX_RELATIONS = 50_000;

export function graphStats(graph: AtlasGraph, options: { limit?: number; betweenness?: boolean } = {}): GraphStats {
  const limit = options.limit ?? 10;
  const entitiesByKind = zeroes(ENTITY_KINDS);
  graph.forEachNode((_id, attributes) => {
    entitiesByKind[attributes.kind] += 1;
  });
  const relationsByFamily = zeroes(RELATION_FAMILIES);
  const relationsByKind = zeroes(RELATION_KIND_NAMES);
  const relationsByConfidence = zeroes(CONFIDENCES);
  graph.forEachEdge((_id, attributes) => {
    relationsByFamily[attributes.family] += 1;
    relationsByKind[attributes.kind] += 1;
    relationsByConfidence[attributes.confidence] += 1;
  });
  const stats: GraphStats = {
    name: graph.getAttribute("name"),
    entities: graph.order,
    relations: graph.size,
    sources: Object.keys(graph.getAttribute("sources")).length,
    entitiesByKind,
    relationsByFamily,
    relationsByKind,
    relationsByConfidence,
    topByDegree: top(graph, (node) => graph.degree(node), limit),
  };
  const wantBetweenness = options.betweenness ?? graph.size <= BETWEENNESS_MAX_RELATIONS;
  if (wantBetweenness) {
    const centrality = betweennessCentrality(graph, { normalized: true });
    stats.topByBetweenness = top(graph, (node) => centrality[node] ?? 0, limit);
  }
  return stats;
}

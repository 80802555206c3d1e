/** Counts of entities by kind and country, and of relations by family and confidence, for the legend. */
import {
  CONFIDENCES,
  ENTITY_KINDS,
  RELATION_FAMILIES,
  type Confidence,
  type EntityKind,
  type RelationFamily,
} from "../../model/ontology.ts";
import type { AtlasGraph } from "../../graph/types.ts";
import { NO_COUNTRY } from "../state/state.ts";

export interface LegendCounts {
  kinds: Record<EntityKind, number>;
  families: Record<RelationFamily, number>;
  confidences: Record<Confidence, number>;
  /** Entities by country code (NO_COUNTRY for those without one). */
  countries: Map<string, number>;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/** Counts over the whole graph, or over the visible keys when given. */
export function legendCounts(graph: AtlasGraph, visible?: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> }): LegendCounts {
  const kinds = zeros(ENTITY_KINDS);
  const families = zeros(RELATION_FAMILIES);
  const confidences = zeros(CONFIDENCES);
  const countries = new Map<string, number>();
  graph.forEachNode((node, attributes) => {
    if (visible && !visible.nodes.has(node)) return;
    kinds[attributes.kind] += 1;
    const country = attributes.country ?? NO_COUNTRY;
    countries.set(country, (countries.get(country) ?? 0) + 1);
  });
  graph.forEachEdge((edge, attributes) => {
    if (visible && !visible.edges.has(edge)) return;
    families[attributes.family] += 1;
    confidences[attributes.confidence] += 1;
  });
  return { kinds, families, confidences, countries };
}

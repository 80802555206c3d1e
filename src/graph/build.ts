/** Dataset <-> graph. buildGraph is the only way a graph is made from data; datasetFromGraph is its inverse. */
import { MultiDirectedGraph } from "graphology";
import { familyOf } from "../model/ontology.ts";
import type { Dataset, DatasetMeta, Entity, Relation, Source } from "../model/schema.ts";
import type { AtlasGraph, EntityAttributes, GraphAttributes, RelationAttributes } from "./types.ts";

export function entityAttributes(entity: Entity): EntityAttributes {
  const attributes: EntityAttributes = { kind: entity.kind, label: entity.name, aliases: entity.aliases ?? [] };
  if (entity.country !== undefined) attributes.country = entity.country;
  if (entity.description !== undefined) attributes.description = entity.description;
  if (entity.url !== undefined) attributes.url = entity.url;
  return attributes;
}

export function relationAttributes(relation: Relation): RelationAttributes {
  const attributes: RelationAttributes = {
    kind: relation.kind,
    family: familyOf(relation.kind),
    start: relation.start,
    end: relation.end ?? null,
    claim: relation.claim,
    confidence: relation.confidence,
    evidence: relation.evidence,
  };
  if (relation.about !== undefined) attributes.about = relation.about;
  return attributes;
}

/** Builds the typed multigraph of a checked dataset (from parseDataset or loadDataset). */
export function buildGraph(dataset: Dataset): AtlasGraph {
  const graph: AtlasGraph = new MultiDirectedGraph<EntityAttributes, RelationAttributes, GraphAttributes>({ allowSelfLoops: true });
  // No prototype: a lookup of an id such as "constructor" must never find an inherited property.
  const sources = Object.create(null) as Record<string, Source>;
  for (const source of dataset.sources) sources[source.id] = source;
  graph.replaceAttributes({
    ...dataset.meta,
    counts: { entities: dataset.entities.length, relations: dataset.relations.length, sources: dataset.sources.length },
    sources,
  });
  for (const entity of dataset.entities) graph.addNode(entity.id, entityAttributes(entity));
  for (const relation of dataset.relations) {
    graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, relationAttributes(relation));
  }
  return graph;
}

function entityOf(id: string, attributes: EntityAttributes): Entity {
  const entity: Entity = { id, kind: attributes.kind, name: attributes.label };
  if (attributes.aliases.length > 0) entity.aliases = attributes.aliases;
  if (attributes.country !== undefined) entity.country = attributes.country;
  if (attributes.description !== undefined) entity.description = attributes.description;
  if (attributes.url !== undefined) entity.url = attributes.url;
  return entity;
}

function relationOf(id: string, source: string, target: string, attributes: RelationAttributes): Relation {
  const relation: Relation = {
    id,
    kind: attributes.kind,
    source,
    target,
    start: attributes.start,
    end: attributes.end,
    claim: attributes.claim,
    evidence: attributes.evidence,
    confidence: attributes.confidence,
  };
  if (attributes.about !== undefined) relation.about = attributes.about;
  return relation;
}

/** The dataset metadata a graph carries (its graph attributes, without counts and sources). */
export function datasetMetaOf(graph: AtlasGraph): DatasetMeta {
  const { name, description, licence, version, url, period } = graph.getAttributes();
  const meta: DatasetMeta = { name };
  if (description !== undefined) meta.description = description;
  if (licence !== undefined) meta.licence = licence;
  if (version !== undefined) meta.version = version;
  if (url !== undefined) meta.url = url;
  if (period !== undefined) meta.period = period;
  return meta;
}

/**
 * The dataset a graph (or a subgraph of it) stands for. Sources are limited to those the
 * relations cite, so an exported subgraph is a valid dataset on its own.
 */
export function datasetFromGraph(graph: AtlasGraph): Dataset {
  const meta = datasetMetaOf(graph);
  const sources = graph.getAttribute("sources");
  const entities = graph.mapNodes((id, attributes) => entityOf(id, attributes));
  const relations = graph.mapEdges((id, attributes, source, target) => relationOf(id, source, target, attributes));
  const cited = new Set(relations.flatMap((relation) => relation.evidence.map((evidence) => evidence.source)));
  return { meta, entities, relations, sources: Object.values(sources).filter((source) => cited.has(source.id)) };
}

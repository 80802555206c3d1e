/**
 * The dataset as a Neo4j (or Memgraph) property graph, shared by the bulk-import CSV bundle (csv.ts) and the
 * Cypher script (cypher/write.ts), so both load the same graph:
 * - every entity is a node labelled `Entity` and its kind's label (`Government`, `LegalCase`), with its
 *   fields as properties: id, name, kind, aliases (a list of strings), country, description, url;
 * - every relation is a relationship from its source entity to its target, typed by its kind in upper snake
 *   case (`BANS`, `USES_EQUIPMENT_FROM`), with id, kind, family, start and end as written (with their
 *   precision: 2019, 2019-11 or 2019-11-22) plus startDay and endDay (dates: the first day of the start,
 *   the last day of the end) for date queries, claim, confidence, about (an entity id) and evidence (the
 *   citations as JSON text, as GraphML carries them, so a query's result exported as GraphML comes back);
 * - every source is a node labelled `Source` with its record's fields;
 * - a relationship cannot point to a node, so each relation also has a node labelled `Relation` (id and
 *   kind: join it to its relationship by id) with one `CITES` relationship per citation to the source
 *   cited, carrying its position in the evidence (from 1) and its locator.
 * Ids are unique per label (Neo4j's ID spaces Entity, Source and Relation; constraints in the script).
 */
import type { AtlasGraph, EntityAttributes, RelationAttributes } from "../../graph/types.ts";
import { firstDay, lastDay } from "../../model/dates.ts";
import { ENTITY_KINDS, type EntityKind, type RelationKind } from "../../model/ontology.ts";
import type { Source } from "../../model/schema.ts";
import { encodeEvidence } from "../graphml/profile.ts";

export const ENTITY_LABEL = "Entity";
export const SOURCE_LABEL = "Source";
export const RELATION_LABEL = "Relation";
export const CITES_TYPE = "CITES";

/** "legal_case" -> "LegalCase": Neo4j's convention for labels. */
export function kindLabel(kind: EntityKind): string {
  return kind.replace(/(?:^|_)([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** "uses_equipment_from" -> "USES_EQUIPMENT_FROM": Neo4j's convention for relationship types. */
export function relationshipType(kind: RelationKind): string {
  return kind.toUpperCase();
}

/** Every kind's label: the script removes the others when it sets one (an entity whose kind changed). */
export const KIND_LABELS: readonly string[] = ENTITY_KINDS.map(kindLabel);

export type PropertyType = "string" | "string[]" | "date" | "int";
export type PropertyValue = string | readonly string[] | number | undefined;

/** A property of nodes or relationships of one kind: its name, type, and value for an item (undefined: absent). */
export interface Property<Item> {
  readonly name: string;
  readonly type: PropertyType;
  readonly value: (item: Item) => PropertyValue;
}

export interface EntityItem {
  id: string;
  attributes: EntityAttributes;
}

export interface RelationItem {
  id: string;
  source: string;
  target: string;
  attributes: RelationAttributes;
}

/** A relation's citation: the `CITES` relationship from its Relation node to a Source. */
export interface CitationItem {
  relation: string;
  source: string;
  /** Its place in the relation's evidence, from 1. */
  position: number;
  locator?: string;
}

export const ENTITY_PROPERTIES: readonly Property<EntityItem>[] = [
  { name: "id", type: "string", value: (item) => item.id },
  { name: "name", type: "string", value: (item) => item.attributes.label },
  { name: "kind", type: "string", value: (item) => item.attributes.kind },
  { name: "aliases", type: "string[]", value: (item) => (item.attributes.aliases.length > 0 ? item.attributes.aliases : undefined) },
  { name: "country", type: "string", value: (item) => item.attributes.country },
  { name: "description", type: "string", value: (item) => item.attributes.description },
  { name: "url", type: "string", value: (item) => item.attributes.url },
];

/** The relation properties; evidence needs the sources' URLs, hence a table per graph. */
export function relationProperties(sources: Readonly<Record<string, Source>>): readonly Property<RelationItem>[] {
  return [
    { name: "id", type: "string", value: (item) => item.id },
    { name: "kind", type: "string", value: (item) => item.attributes.kind },
    { name: "family", type: "string", value: (item) => item.attributes.family },
    { name: "start", type: "string", value: (item) => item.attributes.start },
    { name: "startDay", type: "date", value: (item) => firstDay(item.attributes.start) },
    { name: "end", type: "string", value: (item) => item.attributes.end ?? undefined },
    { name: "endDay", type: "date", value: (item) => (item.attributes.end === null ? undefined : lastDay(item.attributes.end)) },
    { name: "claim", type: "string", value: (item) => item.attributes.claim },
    { name: "confidence", type: "string", value: (item) => item.attributes.confidence },
    { name: "about", type: "string", value: (item) => item.attributes.about },
    { name: "evidence", type: "string", value: (item) => encodeEvidence(item.attributes.evidence, (id) => sources[id]?.url) },
  ];
}

export const SOURCE_PROPERTIES: readonly Property<Source>[] = [
  { name: "id", type: "string", value: (source) => source.id },
  { name: "url", type: "string", value: (source) => source.url },
  { name: "publisher", type: "string", value: (source) => source.publisher },
  { name: "title", type: "string", value: (source) => source.title },
  { name: "published", type: "string", value: (source) => source.published },
  { name: "accessed", type: "string", value: (source) => source.accessed },
  { name: "archive", type: "string", value: (source) => source.archive },
];

export const RELATION_NODE_PROPERTIES: readonly Property<RelationItem>[] = [
  { name: "id", type: "string", value: (item) => item.id },
  { name: "kind", type: "string", value: (item) => item.attributes.kind },
];

export const CITATION_PROPERTIES: readonly Property<CitationItem>[] = [
  { name: "position", type: "int", value: (item) => item.position },
  { name: "locator", type: "string", value: (item) => item.locator },
];

export function forEachEntity(graph: AtlasGraph, visit: (item: EntityItem) => void): void {
  graph.forEachNode((id, attributes) => visit({ id, attributes }));
}

export function forEachRelation(graph: AtlasGraph, visit: (item: RelationItem) => void): void {
  graph.forEachEdge((id, attributes, source, target) => visit({ id, source, target, attributes }));
}

export function citationsOf(item: RelationItem): CitationItem[] {
  return item.attributes.evidence.map((evidence, index) => ({
    relation: item.id,
    source: evidence.source,
    position: index + 1,
    ...(evidence.locator === undefined ? {} : { locator: evidence.locator }),
  }));
}

/** One uniqueness constraint per ID space: what makes MERGE on ids fast and ids unique (Neo4j 5 and later). */
export const CONSTRAINTS: readonly string[] = [ENTITY_LABEL, SOURCE_LABEL, RELATION_LABEL].map(
  (label) => `CREATE CONSTRAINT atlas_${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE;`,
);

/** The same constraints in Memgraph's syntax (it has no IF NOT EXISTS; creating one twice is harmless there). */
export const MEMGRAPH_CONSTRAINTS: readonly string[] = [ENTITY_LABEL, SOURCE_LABEL, RELATION_LABEL].map(
  (label) => `CREATE CONSTRAINT ON (n:${label}) ASSERT n.id IS UNIQUE;`,
);

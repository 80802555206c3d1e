/**
 * The Details panel's content as data: an entity's attributes and its relations grouped by family
 * and direction, each with dates, confidence, claim and resolved sources. Links are kept only for
 * http(s) URLs; the DOM layer renders every string with textContent.
 */
import { RELATION_FAMILIES, type Confidence, type EntityKind, type RelationFamily, type RelationKind } from "../../model/ontology.ts";
import { countryName, isHttpUrl } from "../../model/schema.ts";
import type { AtlasGraph, RelationAttributes } from "../../graph/types.ts";

export interface SourceView {
  id: string;
  title: string;
  publisher: string;
  published?: string;
  locator?: string;
  /** Present only for http(s) URLs. */
  url?: string;
  archive?: string;
}

export interface RelationView {
  id: string;
  kind: RelationKind;
  family: RelationFamily;
  /** The entity at the other end. */
  other: { id: string; label: string; kind: EntityKind };
  start: string;
  end: string | null;
  confidence: Confidence;
  claim: string;
  about?: { id: string; label: string };
  sources: SourceView[];
}

export interface RelationGroup {
  family: RelationFamily;
  direction: "out" | "in";
  relations: RelationView[];
}

export interface EntityDetails {
  id: string;
  label: string;
  kind: EntityKind;
  aliases: string[];
  country?: { code: string; name: string };
  description?: string;
  url?: string;
  groups: RelationGroup[];
  /** Relations of this entity the current filters hide. */
  hiddenCount: number;
}

/** A relation's sources, resolved; links only for http(s) URLs (also the table view's). */
export function sourcesOf(graph: AtlasGraph, attributes: RelationAttributes): SourceView[] {
  const sources = graph.getAttribute("sources");
  return attributes.evidence.map((evidence) => {
    const source = sources[evidence.source];
    if (!source) return { id: evidence.source, title: evidence.source, publisher: "unknown source" };
    const view: SourceView = { id: source.id, title: source.title, publisher: source.publisher };
    if (source.published !== undefined) view.published = source.published;
    if (evidence.locator !== undefined) view.locator = evidence.locator;
    if (isHttpUrl(source.url)) view.url = source.url;
    if (source.archive !== undefined && isHttpUrl(source.archive)) view.archive = source.archive;
    return view;
  });
}

function relationView(graph: AtlasGraph, edge: string, attributes: RelationAttributes, otherId: string): RelationView {
  const other = graph.getNodeAttributes(otherId);
  const view: RelationView = {
    id: edge,
    kind: attributes.kind,
    family: attributes.family,
    other: { id: otherId, label: other.label, kind: other.kind },
    start: attributes.start,
    end: attributes.end,
    confidence: attributes.confidence,
    claim: attributes.claim,
    sources: sourcesOf(graph, attributes),
  };
  if (attributes.about !== undefined) {
    view.about = {
      id: attributes.about,
      label: graph.hasNode(attributes.about) ? graph.getNodeAttribute(attributes.about, "label") : attributes.about,
    };
  }
  return view;
}

/** Chronological, then by kind and id, so the order is stable. */
function compareRelations(a: RelationView, b: RelationView): number {
  return a.start.localeCompare(b.start) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id);
}

/**
 * The details of an entity; `isShown` tells which relations the view shows (the others are counted
 * as hidden). A self-loop is listed once, as outgoing.
 */
export function entityDetails(graph: AtlasGraph, id: string, isShown: (edge: string) => boolean = () => true): EntityDetails {
  const attributes = graph.getNodeAttributes(id);
  const details: EntityDetails = {
    id,
    label: attributes.label,
    kind: attributes.kind,
    aliases: [...attributes.aliases],
    groups: [],
    hiddenCount: 0,
  };
  if (attributes.country !== undefined)
    details.country = { code: attributes.country, name: countryName(attributes.country) ?? attributes.country };
  if (attributes.description !== undefined) details.description = attributes.description;
  if (attributes.url !== undefined && isHttpUrl(attributes.url)) details.url = attributes.url;

  const buckets = new Map<string, RelationView[]>();
  const add = (direction: "out" | "in", edge: string, relation: RelationAttributes, otherId: string): void => {
    if (!isShown(edge)) {
      details.hiddenCount += 1;
      return;
    }
    const key = `${relation.family}/${direction}`;
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = []));
    bucket.push(relationView(graph, edge, relation, otherId));
  };
  graph.forEachOutEdge(id, (edge, relation, _source, target) => add("out", edge, relation, target));
  graph.forEachInEdge(id, (edge, relation, source, target) => {
    if (source !== target) add("in", edge, relation, source);
  });
  for (const family of RELATION_FAMILIES) {
    for (const direction of ["out", "in"] as const) {
      const relations = buckets.get(`${family}/${direction}`);
      if (relations) details.groups.push({ family, direction, relations: relations.sort(compareRelations) });
    }
  }
  return details;
}

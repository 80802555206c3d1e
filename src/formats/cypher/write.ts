/**
 * The Cypher script: the dataset loaded into an existing Neo4j (5 or later) or Memgraph database, idempotent.
 * Constraints on ids first (CREATE CONSTRAINT … IF NOT EXISTS), then batched statements
 * `UNWIND [rows] AS row MERGE (…{id: row.id}) SET … = row…` with the rows inlined as Cypher literals
 * (literal.ts): every node and relationship is MERGEd on its id only and its other properties SET, so a
 * second run changes nothing. The graph is model.ts's (the same as the bulk-import bundle's). Labels and
 * relationship types cannot be parameters, so entities are loaded kind by kind and relations type by type.
 * Streams one statement at a time.
 */
import type { AtlasGraph } from "../../graph/types.ts";
import { datasetMetaOf } from "../../graph/build.ts";
import { ENTITY_KINDS, RELATION_KIND_NAMES, type EntityKind, type RelationKind } from "../../model/ontology.ts";
import { exportedSources } from "../exported-dataset.ts";
import {
  CITATION_PROPERTIES,
  CITES_TYPE,
  CONSTRAINTS,
  ENTITY_LABEL,
  ENTITY_PROPERTIES,
  KIND_LABELS,
  MEMGRAPH_CONSTRAINTS,
  RELATION_LABEL,
  RELATION_NODE_PROPERTIES,
  SOURCE_LABEL,
  SOURCE_PROPERTIES,
  citationsOf,
  kindLabel,
  relationProperties,
  relationshipType,
  type Property,
  type RelationItem,
} from "../neo4j/model.ts";
import { cypherMap, cypherString, cypherValue } from "./literal.ts";

export interface CypherWriteOptions {
  /** Rows per UNWIND statement (each statement is one transaction in cypher-shell); 500 by default. */
  batchRows?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface CypherWriteReport {
  entities: number;
  relations: number;
  sources: number;
  statements: number;
}

/** A statement is also closed once its rows reach this many characters (claims run to 10,000 each). */
const BATCH_CHARACTERS = 1 << 20;

/** The properties of an item as a map literal, absent values left out. */
function propertiesMap<Item>(properties: readonly Property<Item>[], item: Item): string {
  const entries: [string, string][] = [];
  for (const property of properties) {
    const value = property.value(item);
    if (value !== undefined) entries.push([property.name, cypherValue(value, property.type)]);
  }
  return cypherMap(entries);
}

/** Comment text on one line: line breaks and other controls become spaces. */
function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this replaces
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
}

/** Writes the script, handing it on one statement (or comment block) at a time. */
export function writeCypherChunks(
  graph: AtlasGraph,
  onChunk: (chunk: string) => void,
  options: CypherWriteOptions = {},
): CypherWriteReport {
  const batchRows = options.batchRows ?? 500;
  const sources = exportedSources(graph);
  const sourceTable = graph.getAttribute("sources");
  const meta = datasetMetaOf(graph);
  const total = graph.order + graph.size;
  let done = 0;
  let statements = 0;
  const progressed = (): void => {
    done += 1;
    if (options.onProgress && (done % 10_000 === 0 || done === total)) options.onProgress(done, total);
  };

  /** UNWIND statements over rows given one at a time, closed every batchRows rows (or BATCH_CHARACTERS). */
  const batches = (comment: string, body: string): { row: (literal: string) => void; end: () => void } => {
    let rows: string[] = [];
    let characters = 0;
    let first = true;
    const flush = (): void => {
      if (rows.length === 0) return;
      onChunk(`${first ? `\n// ${comment}\n` : ""}UNWIND [\n  ${rows.join(",\n  ")}\n] AS row\n${body};\n`);
      first = false;
      statements += 1;
      rows = [];
      characters = 0;
    };
    return {
      row(literal) {
        rows.push(literal);
        characters += literal.length;
        if (rows.length >= batchRows || characters >= BATCH_CHARACTERS) flush();
      },
      end: flush,
    };
  };

  onChunk(
    [
      `// Leverage Atlas: ${commentText(meta.name)}`,
      `// ${graph.order} entities, ${graph.size} relations, ${sources.length} sources. Written by atlas export --format cypher.`,
      "//",
      "// Loads the dataset into Neo4j 5 or later (cypher-shell -d <database> -f <this file>) or Memgraph",
      "// (mgconsole < <this file>, with the three constraints below replaced by Memgraph's). It is idempotent:",
      "// nodes and relationships are MERGEd on their ids only and their other properties SET, so running it",
      "// again changes nothing. Graph: (:Entity:<Kind>) nodes, relationships typed by relation kind, (:Source)",
      "// nodes, and (:Relation)-[:CITES]->(:Source) for each citation (a Relation node has its relationship's id).",
      "//",
      "// Memgraph's constraints:",
      ...MEMGRAPH_CONSTRAINTS.map((line) => `//   ${line}`),
      "",
      ...CONSTRAINTS,
      "",
    ].join("\n"),
  );
  statements += CONSTRAINTS.length;

  const sourceRows = batches("Sources", `MERGE (n:${SOURCE_LABEL} {id: row.id})\nSET n = row`);
  for (const source of sources) sourceRows.row(propertiesMap(SOURCE_PROPERTIES, source));
  sourceRows.end();

  const entitiesByKind = new Map<EntityKind, string[]>(ENTITY_KINDS.map((kind) => [kind, []]));
  graph.forEachNode((id, attributes) => entitiesByKind.get(attributes.kind)?.push(id));
  for (const [kind, ids] of entitiesByKind) {
    const label = kindLabel(kind);
    const others = KIND_LABELS.filter((other) => other !== label).join(":");
    const rows = batches(`Entities: ${label}`, `MERGE (n:${ENTITY_LABEL} {id: row.id})\nSET n = row\nREMOVE n:${others}\nSET n:${label}`);
    for (const id of ids) {
      rows.row(propertiesMap(ENTITY_PROPERTIES, { id, attributes: graph.getNodeAttributes(id) }));
      progressed();
    }
    rows.end();
  }

  const properties = relationProperties(sourceTable);
  const relationsByKind = new Map<RelationKind, string[]>(RELATION_KIND_NAMES.map((kind) => [kind, []]));
  graph.forEachEdge((id, attributes) => relationsByKind.get(attributes.kind)?.push(id));
  const item = (id: string): RelationItem => ({
    id,
    source: graph.source(id),
    target: graph.target(id),
    attributes: graph.getEdgeAttributes(id),
  });
  for (const [kind, ids] of relationsByKind) {
    const type = relationshipType(kind);
    const rows = batches(
      `Relations: ${type}`,
      `MATCH (a:${ENTITY_LABEL} {id: row.source})\nMATCH (b:${ENTITY_LABEL} {id: row.target})\nMERGE (a)-[r:${type} {id: row.properties.id}]->(b)\nSET r = row.properties`,
    );
    for (const id of ids) {
      const relation = item(id);
      rows.row(
        cypherMap([
          ["source", cypherString(relation.source)],
          ["target", cypherString(relation.target)],
          ["properties", propertiesMap(properties, relation)],
        ]),
      );
      progressed();
    }
    rows.end();
  }

  const relationNodes = batches(
    `Relation nodes (for their citations; each has its relationship's id)`,
    `MERGE (n:${RELATION_LABEL} {id: row.id})\nSET n = row`,
  );
  graph.forEachEdge((id) => relationNodes.row(propertiesMap(RELATION_NODE_PROPERTIES, item(id))));
  relationNodes.end();

  const citations = batches(
    "Citations",
    `MATCH (r:${RELATION_LABEL} {id: row.relation})\nMATCH (s:${SOURCE_LABEL} {id: row.source})\nMERGE (r)-[c:${CITES_TYPE} {position: row.properties.position}]->(s)\nSET c = row.properties`,
  );
  graph.forEachEdge((id) => {
    for (const citation of citationsOf(item(id)))
      citations.row(
        cypherMap([
          ["relation", cypherString(citation.relation)],
          ["source", cypherString(citation.source)],
          ["properties", propertiesMap(CITATION_PROPERTIES, citation)],
        ]),
      );
  });
  citations.end();

  return { entities: graph.order, relations: graph.size, sources: sources.length, statements };
}

/** The whole script as one string (see writeCypherChunks to stream a large graph instead). */
export function writeCypher(graph: AtlasGraph, options: CypherWriteOptions = {}): string {
  const chunks: string[] = [];
  writeCypherChunks(graph, (chunk) => chunks.push(chunk), options);
  return chunks.join("");
}

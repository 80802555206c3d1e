/**
 * GraphML writer (the profile is described in graphml/profile.ts).
 *
 * Written by hand rather than with a library: graphology-graphml only parses, and networkx's or igraph's
 * writers are not JavaScript. Like the GEXF writer it streams string chunks to a callback (a file in node,
 * a Blob in the browser) and escapes with xml/escape.ts; it runs unchanged in node and the browser.
 */
import type { AtlasGraph, EntityAttributes, RelationAttributes } from "../../graph/types.ts";
import { datasetMetaOf } from "../../graph/build.ts";
import type { Source } from "../../model/schema.ts";
import { exportedSources } from "../exported-dataset.ts";
import { escapeAttribute, escapeText, hasInvalidXmlCharacters, xmlSafeJson } from "../xml/escape.ts";
import {
  EDGE_KEYS,
  GRAPHML_NAMESPACE,
  GRAPHML_SCHEMA_LOCATION,
  GRAPH_KEYS,
  NODE_KEYS,
  PROFILE,
  encodeEvidence,
  keyId,
  type EdgeKeyName,
  type GraphmlKey,
  type NodeKeyName,
} from "./profile.ts";
import { chunkedText } from "../xml/chunks.ts";

export interface GraphmlWriteOptions {
  /** Told now and then how many of the entities and relations are written, for progress on big graphs. */
  onProgress?: (done: number, total: number) => void;
}

export interface GraphmlWriteReport {
  entities: number;
  relations: number;
  sources: number;
  /** Values that held characters XML 1.0 cannot carry: written with U+FFFD, kept exactly in `exact` data (as are values with carriage returns). */
  replacedValues: number;
}

/** The graph cannot be written (an id XML cannot carry); never thrown for a graph built from a valid dataset. */
export class GraphmlWriteError extends Error {}

/** How many entities and relations are written between two progress reports. */
const PROGRESS_EVERY = 10_000;

type Field<Name extends string> = readonly [Name, string | undefined];

function entityFields(attributes: EntityAttributes): Field<NodeKeyName>[] {
  return [
    ["name", attributes.label],
    ["kind", attributes.kind],
    ["aliases", attributes.aliases.length > 0 ? JSON.stringify(attributes.aliases) : undefined],
    ["country", attributes.country],
    ["description", attributes.description],
    ["url", attributes.url],
  ];
}

function relationFields(attributes: RelationAttributes, sources: Readonly<Record<string, Source>>): Field<EdgeKeyName>[] {
  return [
    ["kind", attributes.kind],
    ["family", attributes.family],
    ["start", attributes.start],
    ["end", attributes.end ?? undefined],
    ["claim", attributes.claim],
    ["confidence", attributes.confidence],
    ["about", attributes.about],
    // Aliases and evidence are JSON, which escapes U+FFFE and U+FFFF only when asked (xmlSafeJson below).
    ["evidence", encodeEvidence(attributes.evidence, (id) => sources[id]?.url)],
  ];
}

/** Writes the graph as GraphML, handing the text on in chunks (each a whole number of characters). */
export function writeGraphmlChunks(
  graph: AtlasGraph,
  onChunk: (chunk: string) => void,
  options: GraphmlWriteOptions = {},
): GraphmlWriteReport {
  const sourceRecords = exportedSources(graph);
  const sources = graph.getAttribute("sources");
  const meta = datasetMetaOf(graph);
  let replacedValues = 0;

  const { write, flush } = chunkedText(onChunk);
  const checkId = (what: string, id: string): void => {
    if (hasInvalidXmlCharacters(id)) throw new GraphmlWriteError(`${what} id ${JSON.stringify(id)} holds characters XML 1.0 cannot carry`);
  };
  const data = (key: GraphmlKey, value: string, indent = "      "): void => {
    write(`${indent}<data key="${keyId(key)}">${escapeText(value)}</data>\n`);
  };
  /** An element's data in key order; values XML cannot carry, or that another tool would change, go exactly into its `exact` data. */
  const fields = <Name extends string>(keys: readonly GraphmlKey<Name | "exact">[], values: readonly Field<Name>[]): void => {
    let exact: Record<string, string> | undefined;
    const byName = new Map<string, string | undefined>(values);
    for (const key of keys) {
      const value = byName.get(key.name);
      if (value === undefined) continue;
      const invalid = hasInvalidXmlCharacters(value);
      // A carriage return is written as a character reference, which tools that rewrite the file (networkx) turn into a line feed.
      if (invalid || value.includes("\r")) (exact ??= {})[key.name] = value;
      if (invalid) replacedValues += 1;
      data(key, value);
    }
    const exactKey = keys.find((key) => key.name === "exact");
    if (exact && exactKey) data(exactKey, xmlSafeJson(exact));
  };

  write('<?xml version="1.0" encoding="UTF-8"?>\n');
  write(
    `<graphml xmlns="${GRAPHML_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GRAPHML_SCHEMA_LOCATION}">\n`,
  );
  write("  <desc>Leverage Atlas export: atlas import and the explorer's Open file read it back exactly</desc>\n");
  for (const key of [...GRAPH_KEYS, ...NODE_KEYS, ...EDGE_KEYS])
    write(`  <key id="${keyId(key)}" for="${key.domain}" attr.name="${key.name}" attr.type="string"/>\n`);
  write('  <graph id="G" edgedefault="directed">\n');
  const [profileKey, nameKey, datasetKey, sourcesKey] = GRAPH_KEYS;
  // The dataset's record, in JSON that XML carries exactly (read back with JSON.parse).
  data(profileKey, PROFILE, "    ");
  data(nameKey, meta.name, "    ");
  data(datasetKey, xmlSafeJson(meta), "    ");
  data(sourcesKey, xmlSafeJson(sourceRecords), "    ");

  const total = graph.order + graph.size;
  let done = 0;
  const progressed = (): void => {
    done += 1;
    if (options.onProgress && (done % PROGRESS_EVERY === 0 || done === total)) options.onProgress(done, total);
  };

  graph.forEachNode((id, attributes) => {
    checkId("entity", id);
    write(`    <node id="${escapeAttribute(id)}">\n`);
    fields(NODE_KEYS, entityFields(attributes));
    write("    </node>\n");
    progressed();
  });
  graph.forEachEdge((id, attributes, source, target) => {
    checkId("relation", id);
    write(`    <edge id="${escapeAttribute(id)}" source="${escapeAttribute(source)}" target="${escapeAttribute(target)}">\n`);
    fields(EDGE_KEYS, relationFields(attributes, sources));
    write("    </edge>\n");
    progressed();
  });
  write("  </graph>\n");
  write("</graphml>\n");
  flush();
  return { entities: graph.order, relations: graph.size, sources: sourceRecords.length, replacedValues };
}

/** The graph as one GraphML string (see writeGraphmlChunks to stream a large graph instead). */
export function writeGraphml(graph: AtlasGraph, options: GraphmlWriteOptions = {}): string {
  const chunks: string[] = [];
  writeGraphmlChunks(graph, (chunk) => chunks.push(chunk), options);
  return chunks.join("");
}

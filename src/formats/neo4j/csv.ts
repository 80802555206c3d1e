/**
 * The Neo4j bulk-import bundle: the CSV files and header format `neo4j-admin database import full` reads
 * (Neo4j's "Import header format"), the graph model being model.ts's, and import.sh with the exact command.
 *
 * Quoting follows the importer's documented CSV rules: fields are separated by commas and every text is
 * quoted with `"`, a quote inside doubled (`""`, RFC 4180; never a backslash escape, so the script passes
 * --legacy-style-quoting=false); texts may hold line breaks (--multiline-fields=true); a value left empty
 * is no property at all. Array elements (aliases, and the labels of :LABEL) are separated by U+001F, the
 * unit separator, given as --array-delimiter=U+001F: no text of a dataset may hold it (names refuse
 * control characters), so no alias is ever split, whatever it holds (`;` is the default delimiter and
 * a common character in names). csv-stringify (the csv project) writes the CSV.
 */
import { stringify } from "csv-stringify/browser/esm/sync";
import type { AtlasGraph } from "../../graph/types.ts";
import type { Bundle, Emit } from "../format.ts";
import { exportedSources } from "../exported-dataset.ts";
import {
  CITATION_PROPERTIES,
  CITES_TYPE,
  ENTITY_LABEL,
  ENTITY_PROPERTIES,
  RELATION_LABEL,
  RELATION_NODE_PROPERTIES,
  SOURCE_LABEL,
  SOURCE_PROPERTIES,
  citationsOf,
  forEachEntity,
  forEachRelation,
  kindLabel,
  relationProperties,
  relationshipType,
  type Property,
  type PropertyValue,
} from "./model.ts";

/** Between array elements (and labels): U+001F, which no text of a dataset holds (see the module comment). */
export const ARRAY_DELIMITER = "\u001f";

/** The bundle's files, in the order import.sh names them. */
export const NEO4J_FILES = {
  entities: "entities.csv",
  sources: "sources.csv",
  relationNodes: "relation-nodes.csv",
  relations: "relations.csv",
  citations: "cites.csv",
  script: "import.sh",
  constraints: "constraints.cypher",
} as const;

/** A value CSV cannot carry as the importer reads it; never thrown for a graph built from a valid dataset. */
export class Neo4jWriteError extends Error {}

/** Rows handed to csv-stringify at a time: enough to amortise each call, small enough to stream. */
const BATCH_ROWS = 1_000;

/** The header field of a property: `name`, or `name:type` for other types than string. */
function header(property: Property<never>): string {
  return property.type === "string" ? property.name : `${property.name}:${property.type}`;
}

function cell(value: PropertyValue): string | number | undefined {
  if (value === undefined || typeof value === "string" || typeof value === "number") return value;
  for (const item of value)
    if (item.includes(ARRAY_DELIMITER))
      throw new Neo4jWriteError(`an array element holds U+001F, the array delimiter: ${JSON.stringify(item)}`);
  return value.join(ARRAY_DELIMITER);
}

/** Writes one CSV file: its header, then its rows in batches. */
class CsvFile {
  private rows: (string | number | undefined)[][] = [];

  constructor(
    private readonly emit: Emit,
    headerRow: readonly string[],
  ) {
    // The header's fixed names need no quotes, and get none, as in Neo4j's own examples.
    emit(stringify([[...headerRow]], { record_delimiter: "unix" }));
  }

  row(cells: (string | number | undefined)[]): void {
    this.rows.push(cells);
    if (this.rows.length >= BATCH_ROWS) this.flush();
  }

  flush(): void {
    if (this.rows.length === 0) return;
    this.emit(stringify(this.rows, { quoted_string: true, record_delimiter: "unix" }));
    this.rows = [];
  }
}

/** Fields of a node file: the id in its ID space, the labels, then the other properties. */
function nodeFile<Item>(
  emit: Emit,
  space: string,
  properties: readonly Property<Item>[],
  each: (row: (item: Item, labels: readonly string[]) => void) => void,
): void {
  const others = properties.filter((property) => property.name !== "id");
  const idOf = properties.find((property) => property.name === "id");
  const file = new CsvFile(emit, [`id:ID(${space})`, ":LABEL", ...others.map(header)]);
  each((item, labels) => file.row([cell(idOf?.value(item)), cell(labels), ...others.map((property) => cell(property.value(item)))]));
  file.flush();
}

export interface Neo4jBundleReport {
  entities: number;
  relations: number;
  sources: number;
  citations: number;
}

/** Writes the bundle's CSV files and scripts (see the module comment and model.ts). */
export function writeNeo4jBundle(graph: AtlasGraph, bundle: Bundle, onProgress?: (done: number, total: number) => void): Neo4jBundleReport {
  const sourceRecords = exportedSources(graph);
  const sources = graph.getAttribute("sources");
  const total = graph.order + graph.size;
  let done = 0;
  const progressed = (): void => {
    done += 1;
    if (onProgress && (done % 10_000 === 0 || done === total)) onProgress(done, total);
  };
  let citations = 0;

  bundle.add(NEO4J_FILES.entities, (emit) =>
    nodeFile(emit, ENTITY_LABEL, ENTITY_PROPERTIES, (row) =>
      forEachEntity(graph, (item) => {
        row(item, [ENTITY_LABEL, kindLabel(item.attributes.kind)]);
        progressed();
      }),
    ),
  );
  bundle.add(NEO4J_FILES.sources, (emit) =>
    nodeFile(emit, SOURCE_LABEL, SOURCE_PROPERTIES, (row) => {
      for (const source of sourceRecords) row(source, [SOURCE_LABEL]);
    }),
  );
  bundle.add(NEO4J_FILES.relationNodes, (emit) =>
    nodeFile(emit, RELATION_LABEL, RELATION_NODE_PROPERTIES, (row) => forEachRelation(graph, (item) => row(item, [RELATION_LABEL]))),
  );
  bundle.add(NEO4J_FILES.relations, (emit) => {
    const properties = relationProperties(sources);
    const file = new CsvFile(emit, [`:START_ID(${ENTITY_LABEL})`, `:END_ID(${ENTITY_LABEL})`, ":TYPE", ...properties.map(header)]);
    forEachRelation(graph, (item) => {
      file.row([
        item.source,
        item.target,
        relationshipType(item.attributes.kind),
        ...properties.map((property) => cell(property.value(item))),
      ]);
      progressed();
    });
    file.flush();
  });
  bundle.add(NEO4J_FILES.citations, (emit) => {
    const file = new CsvFile(emit, [
      `:START_ID(${RELATION_LABEL})`,
      `:END_ID(${SOURCE_LABEL})`,
      ":TYPE",
      ...CITATION_PROPERTIES.map(header),
    ]);
    forEachRelation(graph, (item) => {
      for (const citation of citationsOf(item)) {
        file.row([
          citation.relation,
          citation.source,
          CITES_TYPE,
          ...CITATION_PROPERTIES.map((property) => cell(property.value(citation))),
        ]);
        citations += 1;
      }
    });
    file.flush();
  });
  return { entities: graph.order, relations: graph.size, sources: sourceRecords.length, citations };
}

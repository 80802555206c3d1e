/**
 * GraphML import: any GraphML (Leverage Atlas, yEd, networkx, igraph, Cytoscape, graphology, Neo4j's APOC
 * export) -> a dataset that validates with zero errors, plus warnings saying what was mapped.
 *
 * The XML is read by saxes (xml/tree.ts) as for GEXF: bytes decoded strictly first (xml/decode.ts), no
 * external entities, DOCTYPE refused, nesting bounded, every error located by line and column. Nodes and
 * edges are kept, as they close, in a compact form (records.ts) and dropped from the tree; GraphML allows
 * them in any order (networkx writes the graph's data after them), so the mapping starts at the end.
 *
 * GraphML and GEXF carry the same thing, nodes and edges with declared attributes, so the mapping is GEXF
 * import's (gexf/map): map.ts restates each node and edge in its vocabulary (data -> attvalues, the name
 * -> the label, our dates, evidence and exact values -> its fields) and the same rules, warnings, limits
 * and final check of the loader apply. Never a partial dataset: the result validates, or every error is
 * listed. See map.ts for what GraphML adds (ids and labels from Neo4j, yEd's labels, nested graphs).
 */
import type { GexfReadOptions, GexfReadResult } from "../gexf/map/index.ts";
import { refusedXml, xmlErrorMessage, xmlSource } from "../xml/read-file.ts";
import { readXml, type XmlElement, type XmlVisitor } from "../xml/tree.ts";
import { mapGraphml } from "./map.ts";
import { GraphmlRecords } from "./records.ts";

export type GraphmlReadOptions = Omit<GexfReadOptions, "formatName">;
export type GraphmlReadResult = GexfReadResult;

/** Reads GraphML text into a dataset (see the module comment). */
export function readGraphml(text: string, options: GraphmlReadOptions = {}): GraphmlReadResult {
  const file = options.file ?? "import.graphml";
  const checked = xmlSource(text);
  if ("refused" in checked) return refusedXml(file, checked.refused.message, checked.refused.place);
  const { source } = checked;
  const records = new GraphmlRecords();
  const visitor: XmlVisitor = {
    open: (element, parent) => records.open(element, parent),
    close: (element, parent) => records.close(element, parent),
  };
  const parsed = readXml(source, visitor);
  if (parsed.error) {
    return refusedXml(file, xmlErrorMessage(parsed.error, "GraphML"), parsed.error);
  }
  const root: XmlElement = parsed.root;
  if (root.localName !== "graphml") {
    const name = root.tagName;
    return refusedXml(
      file,
      `not a GraphML file: the root element is <${name.length > 60 ? `${name.slice(0, 60)}…` : name}>, not <graphml>`,
      root,
    );
  }
  return mapGraphml(records, root, { ...options, file, formatName: "GraphML" });
}

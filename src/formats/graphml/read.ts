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
import type { LoadIssue } from "../../load/issues.ts";
import { quote } from "../../model/text.ts";
import type { GexfReadOptions, GexfReadResult } from "../gexf/map/index.ts";
import { readXml, type XmlElement, type XmlVisitor } from "../xml/tree.ts";
import { mapGraphml } from "./map.ts";
import { GraphmlRecords } from "./records.ts";

export type GraphmlReadOptions = Omit<GexfReadOptions, "formatName">;
export type GraphmlReadResult = GexfReadResult;

const DOCTYPE_REFUSED =
  "the file has a DOCTYPE declaration; GraphML never needs one, and it is refused because it could declare external or expanding entities";

function refused(file: string, message: string, place?: { line: number; column: number }): GraphmlReadResult {
  const issue: LoadIssue = { file, pointer: "", severity: "error", message, ...(place ? { line: place.line, column: place.column } : {}) };
  return { ok: false, issues: [issue], native: false };
}

/** Reads GraphML text into a dataset (see the module comment). */
export function readGraphml(text: string, options: GraphmlReadOptions = {}): GraphmlReadResult {
  const file = options.file ?? "import.graphml";
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === "") return refused(file, "the file is empty", { line: 1, column: 1 });
  const start = source.search(/\S/);
  if (start >= 0 && source[start] !== "<") {
    const before = source.slice(0, start);
    const place = { line: before.split("\n").length, column: start - before.lastIndexOf("\n") };
    return refused(file, `the file is not XML: it starts with ${quote(source.slice(start, start + 20))}, where XML starts with "<"`, place);
  }
  const records = new GraphmlRecords();
  const visitor: XmlVisitor = {
    open: (element, parent) => records.open(element, parent),
    close: (element, parent) => records.close(element, parent),
  };
  const parsed = readXml(source, visitor);
  if (parsed.error) {
    const { message, line, column, kind } = parsed.error;
    const said = kind === "syntax" ? `the file is not well-formed XML: ${message}` : kind === "doctype" ? DOCTYPE_REFUSED : message;
    return refused(file, said, { line, column });
  }
  const root: XmlElement = parsed.root;
  if (root.localName !== "graphml") {
    const name = root.tagName;
    return refused(
      file,
      `not a GraphML file: the root element is <${name.length > 60 ? `${name.slice(0, 60)}…` : name}>, not <graphml>`,
      root,
    );
  }
  return mapGraphml(records, root, { ...options, file, formatName: "GraphML" });
}

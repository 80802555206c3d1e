/**
 * GEXF import: any GEXF (1.1draft, 1.2draft, 1.3; Gephi, graphology, networkx, Leverage Atlas) -> a dataset
 * that validates with zero errors, plus warnings saying what was mapped.
 *
 * Written by hand rather than with graphology-gexf's parser, because that parser drops what a dataset
 * needs: start/end and spells on nodes and edges, time-bound attribute values, line numbers for errors;
 * it also reads GEXF's edge `kind` into the same slot as an attribute named kind. The XML is read by saxes
 * (xml/tree.ts) in node and in the browser alike, so both report the same errors: it never resolves
 * external entities or expands declared ones, DOCTYPE declarations are refused as soon as they are read
 * (GEXF never needs one; XXE and entity bombs need one), and nesting is bounded. Bytes are decoded
 * strictly first by xml/decode.ts, for the CLI and the browser alike.
 *
 * Lenient where real files stray from the schema (wrong or missing namespace, empty graph name, unusual
 * timeformat, undeclared attributes, missing or duplicate edge ids, ids outside the dataset's id format,
 * unknown kinds, several <nodes> or <edges> blocks): the file is read and a warning says what was mapped;
 * XML attributes the mapping does not use are kept as lines, elements it does not read are named. Strict
 * where data would be lost or misread (bytes or XML that do not parse, a second <graph>, nodes without
 * ids, duplicate node ids, edges to missing nodes, text over the dataset's limits, an end before a start,
 * a relation kind its endpoints do not allow, a damaged export record): an error, and no dataset.
 *
 * Mapping rules for files that are not Leverage Atlas exports (documented in the README):
 * - node -> entity; id kept when it fits the id format, else slugged ("New York" -> "new-york"), made unique
 *   across entities, relations and sources; label -> name (the id when there is none); attribute `kind`
 *   when it names an entity kind, else `organization`;
 * - edge -> relation; attribute or GEXF `kind` when it names a relation kind its endpoints allow, else
 *   `related_to`, the neutral kind (an unspecified tie: a guessed kind would read as a fact);
 *   undirected edges become relations from source to target as written;
 * - every other attribute, a foreign kind, the edge label and weight, node time spans and time-bound values
 *   are kept as "title: value" lines in the entity's description or the relation's claim;
 * - dates: start/end, spells and timestamps in timeformat date or dateTime (the date part), or integer
 *   years; an edge with several spells becomes one relation per spell; an edge with no usable date starts
 *   on the file's lastmodifieddate (or the import day) and is ongoing;
 * - confidence `alleged` unless given; relations that cite nothing cite one source standing for the file.
 * Viz (colour, size, position) is not data and is not kept: the explorer lays the graph out itself.
 *
 * Streaming: nodes and edges are mapped as the XML reader (xml/tree.ts) closes them and then dropped, so memory
 * and time grow with the file, not faster (holding the whole element tree made 100k nodes and 300k edges
 * take minutes and gigabytes, mostly in the garbage collector). Mapping a node needs the metadata, the export
 * record and the attribute declarations; mapping an edge needs every node. Files are written in that order
 * (meta, attributes, nodes, edges), and then one pass suffices. A file in another order (a second <graph>,
 * <meta> after <graph>, <attributes> after nodes, nodes after edges, a DOCTYPE-free but foreign root...) is
 * read with every element kept until the end and mapped then, in the same order, so that it gets exactly the
 * same answer: when the surprise comes before the first node or edge, in the same pass; when after, in a
 * second pass. Node hierarchies are mapped with their top-level node; the edges nested in them are kept until
 * the graph's own edges are mapped.
 */

import { refusedXml, xmlErrorMessage, xmlSource } from "../xml/read-file.ts";
import { readXml, type XmlElement, type XmlVisitor } from "../xml/tree.ts";
import {
  READ_CHILDREN,
  VIZ_ELEMENTS,
  createGexfMapping,
  recordOf,
  type GexfMapping,
  type GexfReadOptions,
  type GexfReadResult,
  type UnreadElements,
} from "./map/index.ts";

export type { GexfReadOptions, GexfReadResult } from "./map/index.ts";

/** The elements whose text the mapping reads (metadata, attribute defaults); other text is not collected. */
const TEXT_READ = new Set(["creator", "keywords", "description", "title", "default"]);

/** Thrown to abandon a one-pass read when the file turns out to be in an unusual order (see the module comment). */
class UnusualOrder extends Error {}

/** Reads GEXF text into a dataset (see the module comment for what is mapped and what is refused). */
export function readGexf(text: string, options: GexfReadOptions = {}): GexfReadResult {
  const file = options.file ?? "import.gexf";
  const checked = xmlSource(text);
  if ("refused" in checked) return refusedXml(file, checked.refused.message, checked.refused.place);
  return readPass(checked.source, file, options, true) ?? readPass(checked.source, file, options, false);
}

/**
 * Which elements the mapping reads: a child is read when its parent is and GEXF puts it there (READ_CHILDREN;
 * only the root's first <meta>); viz children of nodes and edges are noted for their own warning; any other
 * child is counted with its content. The warning's examples are the first three in the order the reader has
 * always named them: parents in depth-first order, later siblings first, each parent's unread children in
 * document order. Reading in document order, the three kept are those first in that order.
 */
class ReadElements {
  readonly unread: { count: number; examples: { path: number[]; example: string }[] } = { count: 0, examples: [] };
  sawViz = false;
  /** Per open element, by depth (entries deeper than the element being read are stale): whether it is read, and its place among its parent's children. */
  private readonly read: boolean[] = [];
  private readonly path: number[] = [];
  private rootMetaSeen = false;

  open(element: XmlElement, parent: XmlElement | undefined, index: number, depth: number): void {
    this.path[depth] = index;
    if (!parent) {
      // A root other than <gexf> is refused; nothing in it is read.
      this.read[0] = element.localName === "gexf";
      return;
    }
    let read = false;
    const name = element.localName;
    if (this.read[depth - 1]) {
      const firstMeta = name === "meta" && depth === 1 && !this.rootMetaSeen;
      if ((parent.localName === "node" || parent.localName === "edge") && VIZ_ELEMENTS.has(name)) this.sawViz = true;
      else if (
        (Object.hasOwn(READ_CHILDREN, parent.localName) ? (READ_CHILDREN[parent.localName] ?? []) : []).includes(name) &&
        (name !== "meta" || firstMeta)
      )
        read = true;
      else this.addUnread(depth, `<${element.tagName}> (line ${element.line})`);
    }
    if (name === "meta" && depth === 1) this.rootMetaSeen = true;
    this.read[depth] = read;
  }

  private addUnread(depth: number, example: string): void {
    const { unread } = this;
    unread.count += 1;
    const examples = unread.examples;
    const last = examples[examples.length - 1];
    const path = this.path.slice(0, depth + 1);
    if (examples.length === 3 && last && compareVisits(path, last.path) >= 0) return;
    const entry = { path, example };
    let at = examples.length;
    while (at > 0 && compareVisits(entry.path, examples[at - 1]?.path ?? []) < 0) at -= 1;
    examples.splice(at, 0, entry);
    if (examples.length > 3) examples.pop();
  }

  result(): UnreadElements {
    return { count: this.unread.count, examples: this.unread.examples.map((entry) => entry.example) };
  }
}

/**
 * The order in which the warning names two unread elements, given by their paths (child indices from the
 * root): their parents in depth-first order, later siblings first and an ancestor before its descendants;
 * children of one parent in document order.
 */
function compareVisits(a: readonly number[], b: readonly number[]): number {
  const parents = Math.min(a.length, b.length) - 1;
  for (let depth = 0; depth < parents; depth += 1) {
    const [x, y] = [a[depth] ?? 0, b[depth] ?? 0];
    if (x !== y) return y - x;
  }
  if (a.length !== b.length) return a.length - b.length;
  return (a[a.length - 1] ?? 0) - (b[b.length - 1] ?? 0);
}

/**
 * One pass over the file. One-pass (`streaming`): nodes and edges are mapped as they close, while the file is
 * in the usual order; undefined when it turns out not to be, after some were mapped (read it again without
 * streaming). Otherwise every element is kept and mapped at the end.
 */
function readPass(text: string, file: string, options: GexfReadOptions, streaming: true): GexfReadResult | undefined;
function readPass(text: string, file: string, options: GexfReadOptions, streaming: false): GexfReadResult;
function readPass(text: string, file: string, options: GexfReadOptions, streaming: boolean): GexfReadResult | undefined {
  const mapping = createGexfMapping(file, options);
  const readElements = new ReadElements();
  let root: XmlElement | undefined;
  let graph: XmlElement | undefined;
  let meta: XmlElement | undefined;
  /** Mapping as elements close: the header is read and nodes or edges have begun. */
  let started = false as boolean; // set by the visitor's callbacks, which narrowing cannot see
  let edgesBegun = false;
  /** The graph's <nodes> or <edges> being read, while streaming. */
  let container: XmlElement | undefined;
  const nestedEdges: XmlElement[] = [];
  /** Something unusual before anything was mapped: keep every element and map at the end (this pass). */
  const unusual = (): void => {
    if (started) throw new UnusualOrder();
    streaming = false;
  };
  const visitor: XmlVisitor = {
    open(element, parent, index, depth) {
      readElements.open(element, parent, index, depth);
      const name = element.localName;
      if (!parent) {
        root = element;
        if (name !== "gexf") streaming = false;
      } else if (parent === root) {
        if (name === "graph") {
          if (graph) unusual();
          else graph = element;
        } else if (name === "meta" && !meta) {
          meta = element;
          if (graph) unusual();
        }
      } else if (parent === graph && streaming) {
        if (name === "attributes" && started) unusual();
        if (name === "nodes" || name === "edges") {
          if (!started) start();
          if (name === "nodes" && edgesBegun) unusual();
          if (name === "edges") edgesBegun = true;
          container = element;
        }
      }
      return TEXT_READ.has(name);
    },
    close(element, parent) {
      if (!started || !parent || parent !== container) return;
      if (container.localName === "nodes" && element.localName === "node") mapping.nodeTree(element, undefined, nestedEdges);
      else if (container.localName === "edges" && element.localName === "edge") mapping.edge(element);
      else return;
      // Mapped: nothing refers to the element any more.
      parent.children.pop();
    },
  };
  /** The first <nodes> or <edges>: the header is complete, unless the export record is damaged (then the refusal comes at the end). */
  const start = (): void => {
    if (!root || !graph) return;
    const record = recordOf(meta);
    if (record.damaged !== undefined) {
      streaming = false;
      return;
    }
    mapping.begin(root);
    mapping.header(graph, meta, record);
    started = true;
  };

  let parsed;
  try {
    parsed = readXml(text, visitor);
  } catch (error) {
    if (error instanceof UnusualOrder) return undefined;
    throw error;
  }
  if (parsed.error) {
    return refusedXml(file, xmlErrorMessage(parsed.error, "GEXF"), parsed.error);
  }
  if (started) {
    for (const element of nestedEdges) mapping.edge(element);
    return mapping.finish(readElements.result(), readElements.sawViz);
  }
  return mapTree(parsed.root, mapping, readElements);
}

/** The whole tree, mapped at the end of the pass. */
function mapTree(root: XmlElement, mapping: GexfMapping, readElements: ReadElements): GexfReadResult {
  if (root.localName !== "gexf") {
    const name = root.tagName;
    return mapping.refuse(`not a GEXF file: the root element is <${name.length > 60 ? `${name.slice(0, 60)}…` : name}>, not <gexf>`, root);
  }
  mapping.begin(root);
  const [graph, secondGraph] = root.children.filter((child) => child.localName === "graph");
  if (!graph) return mapping.refuse("the file has no <graph> element", root);
  if (secondGraph)
    return mapping.refuse("the file has a second <graph> element; GEXF holds one graph, and the second would be lost", secondGraph);
  const meta = root.children.find((child) => child.localName === "meta");
  if (!mapping.header(graph, meta, recordOf(meta))) return mapping.refused();
  const edges: XmlElement[] = [];
  const nestedEdges: XmlElement[] = [];
  for (const block of graph.children)
    if (block.localName === "edges") for (const edge of block.children) if (edge.localName === "edge") edges.push(edge);
  for (const block of graph.children)
    if (block.localName === "nodes")
      for (const node of block.children) if (node.localName === "node") mapping.nodeTree(node, undefined, nestedEdges);
  for (const edge of edges) mapping.edge(edge);
  for (const edge of nestedEdges) mapping.edge(edge);
  return mapping.finish(readElements.result(), readElements.sawViz);
}

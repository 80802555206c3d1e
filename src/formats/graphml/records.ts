/**
 * GraphML as read, in a compact form: the keys, the graph's own data, and each node and edge with its data
 * values and place, kept as the XML reader (xml/tree.ts) closes them and dropped from the element tree, so a
 * big file is never held as a tree. Nested graphs (yEd's groups) are flattened: each node remembers the node
 * it sits in. What GraphML has that the import does not read (hyperedges, ports, locators, foreign elements)
 * is counted for one warning.
 */
import type { XmlElement } from "../xml/tree.ts";

export interface Place {
  line: number;
  column: number;
}

/** A `<key>`: what its data holds and for which elements. */
export interface GraphmlKeyRead {
  id: string;
  /** `for`: graph, node, edge, all... ("node" when absent, as GraphML says). */
  domain: string;
  /** attr.name, else the id. */
  name: string;
  /** The value of elements that give none (`<default>`). */
  default?: string;
}

/** One `<data>` of a node, an edge or the graph. */
export interface DataRead {
  key: string;
  /** Its text (for yEd's graphics data, the label shown, when there is one). */
  text: string;
  /** The data held elements (yEd's graphics, colours, shapes): not values of the dataset. */
  structured: boolean;
  place: Place;
}

export interface NodeRead extends Place {
  /** Its place among the nodes in document order (a nested node closes, and is recorded, before its group). */
  order: number;
  id: string | undefined;
  /** The node this one is nested in (a graph inside a node, as yEd's groups are written). */
  parent: string | undefined;
  /** XML attributes other than id. */
  attributes: Record<string, string>;
  data: DataRead[];
  desc: string | undefined;
}

export interface EdgeRead extends Place {
  id: string | undefined;
  source: string | undefined;
  target: string | undefined;
  /** XML attributes other than id, source and target. */
  attributes: Record<string, string>;
  data: DataRead[];
  desc: string | undefined;
}

/** Elements the import reads, by parent; any other is counted as unread with its content. */
const READ_CHILDREN: Readonly<Record<string, readonly string[]>> = {
  graphml: ["key", "graph", "desc", "data"],
  key: ["default", "desc"],
  graph: ["desc", "data", "node", "edge"],
  node: ["desc", "data", "graph"],
  edge: ["desc", "data"],
};
/** Elements whose content is a value: read as text, never counted. */
const VALUE_ELEMENTS = new Set(["data", "default", "desc"]);
/** Inside yEd's graphics data: the label a node or an edge is shown with. */
const LABEL_ELEMENTS = new Set(["NodeLabel", "EdgeLabel"]);

type Reading = "read" | "value" | "unread";

/** XML attributes besides those read; yEd's `yfiles.*` (how a group is drawn, folded) are graphics, not data. */
function otherAttributes(element: XmlElement, read: readonly string[]): Record<string, string> {
  const others = Object.create(null) as Record<string, string>;
  for (const name in element.attributes)
    if (!read.includes(name) && !name.startsWith("yfiles.")) others[name] = element.attributes[name] ?? "";
  return others;
}

function place(element: XmlElement): Place {
  return { line: element.line, column: element.column };
}

export class GraphmlRecords {
  /** Keys by id; several when a file (Cytoscape's) reuses an id for graph, node and edge keys. */
  readonly keys = new Map<string, GraphmlKeyRead[]>();
  readonly nodes: NodeRead[] = [];
  readonly edges: EdgeRead[] = [];
  /** The first top-level `<graph>`: its XML attributes, data and description. */
  graph: { element: XmlElement; data: DataRead[]; desc: string | undefined } | undefined;
  /** A second top-level `<graph>` (a GraphML file may hold several; the import reads one). */
  secondGraph: Place | undefined;
  /** `<data>` and `<desc>` of the root itself. */
  readonly rootData: DataRead[] = [];
  readonly unread: { count: number; examples: string[] } = { count: 0, examples: [] };
  /** yEd's graphics or other structured data was seen (colours, shapes, positions: not kept). */
  sawGraphics = false;
  /** Names of the XML attributes nodes and edges have besides GraphML's own (read as values). */
  readonly attributeNames = { node: new Set<string>(), edge: new Set<string>() };

  /** How each open element is read, innermost last (the XML reader closes every element it opened, in order). */
  private readonly reading: Reading[] = [];
  /** The open nodes, innermost last (a nested node's parent is the one before it), with their place in document order. */
  private readonly openNodes: { element: XmlElement; order: number }[] = [];
  private nodesOpened = 0;

  /** An element opened: whether its text is collected. */
  open(element: XmlElement, parent: XmlElement | undefined): boolean {
    const name = element.localName;
    const above = this.reading.at(-1) ?? "read";
    let reading: Reading = above === "read" ? "read" : above;
    if (parent && above === "read") {
      if (!(READ_CHILDREN[parent.localName] ?? []).includes(name)) {
        reading = "unread";
        this.unread.count += 1;
        if (this.unread.examples.length < 3) this.unread.examples.push(`<${element.tagName}> (line ${element.line})`);
      } else if (VALUE_ELEMENTS.has(name)) reading = "value";
    }
    this.reading.push(reading);
    if (name === "node" && reading === "read") this.openNodes.push({ element, order: this.nodesOpened++ });
    if (name === "graph" && parent?.localName === "graphml" && reading === "read") {
      if (!this.graph) this.graph = { element, data: [], desc: undefined };
      else this.secondGraph ??= place(element);
    }
    return reading === "value" ? VALUE_ELEMENTS.has(name) || LABEL_ELEMENTS.has(name) : false;
  }

  /** An element closed: keys, data, nodes and edges are recorded, and nodes and edges dropped from the tree. */
  close(element: XmlElement, parent: XmlElement | undefined): void {
    const reading = this.reading.pop();
    if (!parent) return;
    if (reading === "unread") {
      // Counted when opened; dropped with its content unless inside something else dropped.
      if (this.reading.at(-1) === "read") parent.children.pop();
      return;
    }
    if (reading === "value") {
      if (this.graph && parent === this.graph.element) {
        if (element.localName === "data") this.graph.data.push(dataRead(element, this));
        else this.graph.desc = element.text;
        parent.children.pop();
      } else if (parent.localName === "graphml" && element.localName === "data") this.rootData.push(dataRead(element, this));
      return;
    }
    switch (element.localName) {
      case "key":
        this.addKey(element);
        parent.children.pop();
        return;
      case "node":
        this.nodes.push(this.node(element));
        this.openNodes.pop();
        parent.children.pop();
        return;
      case "edge":
        this.edges.push(this.edge(element));
        parent.children.pop();
        return;
      default:
    }
  }

  private addKey(element: XmlElement): void {
    const id = element.attributes.id;
    if (id === undefined) return;
    const key: GraphmlKeyRead = { id, domain: element.attributes.for ?? "node", name: element.attributes["attr.name"] ?? id };
    const fallback = element.children.find((child) => child.localName === "default");
    if (fallback) key.default = fallback.text;
    const known = this.keys.get(id);
    if (known) known.push(key);
    else this.keys.set(id, [key]);
  }

  private node(element: XmlElement): NodeRead {
    const enclosing = this.openNodes[this.openNodes.length - 2];
    const attributes = otherAttributes(element, ["id"]);
    for (const name in attributes) this.attributeNames.node.add(name);
    return {
      order: this.openNodes.at(-1)?.order ?? 0,
      id: element.attributes.id,
      parent: enclosing?.element.attributes.id,
      attributes,
      data: element.children.filter((child) => child.localName === "data").map((child) => dataRead(child, this)),
      desc: element.children.find((child) => child.localName === "desc")?.text,
      ...place(element),
    };
  }

  private edge(element: XmlElement): EdgeRead {
    const { id, source, target } = element.attributes;
    const attributes = otherAttributes(element, ["id", "source", "target"]);
    for (const name in attributes) this.attributeNames.edge.add(name);
    return {
      id,
      source,
      target,
      attributes,
      data: element.children.filter((child) => child.localName === "data").map((child) => dataRead(child, this)),
      desc: element.children.find((child) => child.localName === "desc")?.text,
      ...place(element),
    };
  }
}

/** The first yEd label text inside structured data, depth first. */
function labelText(element: XmlElement): string | undefined {
  for (const child of element.children) {
    if (LABEL_ELEMENTS.has(child.localName) && child.text.trim() !== "") return child.text.trim();
    const nested = labelText(child);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

function dataRead(element: XmlElement, records: GraphmlRecords): DataRead {
  const structured = element.children.length > 0;
  if (structured) records.sawGraphics = true;
  return {
    key: element.attributes.key ?? "",
    text: structured ? (labelText(element) ?? "") : element.text,
    structured,
    place: place(element),
  };
}

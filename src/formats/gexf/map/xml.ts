/** Which GEXF elements and XML attributes the mapping reads, and how it reaches them. */
import type { XmlElement } from "../../xml/tree.ts";

/**
 * The elements the importer reads, by parent (GEXF 1.1draft to 1.3). Any other element is reported in a
 * warning rather than dropped silently; viz elements (colour, position, size, shape, thickness) by the viz warning.
 */
export const READ_CHILDREN: Readonly<Record<string, readonly string[]>> = {
  gexf: ["meta", "graph"],
  meta: ["creator", "keywords", "description", "title"],
  graph: ["attributes", "nodes", "edges"],
  attributes: ["attribute"],
  attribute: ["default", "options"],
  nodes: ["node"],
  edges: ["edge"],
  node: ["attvalues", "spells", "nodes", "edges", "parents"],
  edge: ["attvalues", "spells"],
  attvalues: ["attvalue"],
  spells: ["spell"],
  parents: ["parent"],
};
export const VIZ_ELEMENTS: ReadonlySet<string> = new Set(["color", "position", "size", "shape", "thickness"]);

/** XML attributes of nodes and edges that the mapping reads; any other is kept as a "name: value" line. */
export const NODE_XML_ATTRIBUTES: ReadonlySet<string> = new Set(["id", "label", "start", "end", "timestamp", "pid"]);
export const EDGE_XML_ATTRIBUTES: ReadonlySet<string> = new Set([
  "id",
  "source",
  "target",
  "type",
  "kind",
  "label",
  "weight",
  "start",
  "end",
  "timestamp",
  "timestamps",
]);

export function elements(parent: XmlElement, localName: string): XmlElement[] {
  return parent.children.filter((child) => child.localName === localName);
}

export function firstElement(parent: XmlElement, localName: string): XmlElement | undefined {
  return parent.children.find((child) => child.localName === localName);
}

export function attribute(element: XmlElement, name: string): string | undefined {
  return element.attributes[name];
}

/** Lines for the XML attributes of a node or edge that the mapping does not read (GEXF's intervals, pid..., or foreign ones). */
export function otherXmlAttributes(element: XmlElement, read: ReadonlySet<string>): string[] {
  const lines: string[] = [];
  const attributes = element.attributes;
  // Own attributes only: the table has no prototype.
  for (const name in attributes) if (!read.has(name)) lines.push(`${name}: ${attributes[name] ?? ""}`);
  return lines;
}

/** The text of the first child of that name, unless blank. */
export function childText(parent: XmlElement | undefined, name: string): string | undefined {
  const element = parent ? firstElement(parent, name) : undefined;
  const value = element?.text;
  return value === undefined || value.trim() === "" ? undefined : value;
}

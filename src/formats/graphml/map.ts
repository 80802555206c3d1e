/**
 * GraphML as read (records.ts) -> GEXF import's mapping (gexf/map), which makes the dataset. Each node and
 * edge is restated in that mapping's vocabulary: its data as attribute values by the key's attr.name, the
 * entity's name as the node's label, our `start`/`end` as its `start_date`/`end_date` (other times as the
 * element's start/end, read as GEXF times are), our evidence JSON as its aligned lists of sources, URLs
 * and locators, and `exact` values in place of the U+FFFD they were written with.
 *
 * What GraphML files from other tools add, read here:
 * - Neo4j (APOC's `apoc.export.graphml`): nodes and relationships keep their internal ids in the XML and
 *   the atlas ids in an `id` property, which becomes the id (when every such id is unique); node labels
 *   (`labels=":Entity:Vendor"`) give the entity kind and a relationship's type (`label="BANS"`) the
 *   relation kind when there is no `kind` property; `startDay`/`endDay` (derived) are dropped;
 * - yEd: the label shown in a node's or an edge's graphics is its name (or its label); graphics are not
 *   kept; nodes of groups (nested graphs) are flattened, each keeping its group as a "parent" line;
 * - Cytoscape, networkx, igraph: a `name` or `label` is the name; an edge's `label`, `type` or
 *   `interaction` naming a relation kind is the kind; `directed="false"` and undirected graphs are read
 *   from source to target as written (with a warning);
 * - key defaults apply to elements without a value; every other value, XML attribute and `<desc>` is kept
 *   as a "name: value" line of the description or the claim, as GEXF import keeps them.
 */
import { firstDay, isPartialDate, lastDay } from "../../model/dates.ts";
import type { LoadIssue } from "../../load/issues.ts";
import { isEntityKind, isRelationKind } from "../../model/ontology.ts";
import { quote } from "../../model/text.ts";
import { createGexfMapping, type GexfMapping, type GexfReadOptions, type GexfReadResult } from "../gexf/map/index.ts";
import { RECORD_FORMAT, RECORD_VERSION, encodeList, type AtlasRecord } from "../gexf/profile.ts";
import type { XmlElement } from "../xml/tree.ts";
import { GRAPHML_NAMESPACE, PROFILE, decodeEvidence } from "./profile.ts";
import type { EdgeRead, GraphmlKeyRead, GraphmlRecords, NodeRead, Place } from "./records.ts";

/** A value of a node or an edge: the name it is known by (a key's attr.name) and its text. */
interface Value {
  title: string;
  value: string;
}

/** An element in GEXF import's vocabulary, for its mapping (only what the mapping reads). */
function element(localName: string, attributes: Record<string, string>, children: XmlElement[], at: Place, text = ""): XmlElement {
  const own = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(attributes)) own[name] = value;
  return { localName, tagName: localName, namespace: "", attributes: own, children, text, line: at.line, column: at.column };
}

function attvalues(values: readonly Value[], at: Place): XmlElement {
  return element(
    "attvalues",
    {},
    values.map((item) => element("attvalue", { for: item.title, value: item.value }, [], at)),
    at,
  );
}

const lower = (text: string): string => text.toLowerCase();

/** Edge fields of GEXF import that our own fields are restated as. */
const RESTATED_EDGE_FIELDS = ["start_date", "end_date", "sources", "source_urls", "locators"];

/** Takes the first value of one of these titles (case-insensitive) out of the list. */
function takeValue(values: Value[], ...titles: string[]): string | undefined {
  for (const title of titles) {
    const index = values.findIndex((item) => lower(item.title) === title);
    if (index >= 0) return values.splice(index, 1)[0]?.value;
  }
  return undefined;
}

function has(values: readonly Value[], title: string): boolean {
  return values.some((item) => lower(item.title) === title);
}

/** "LegalCase", "legal case", "USES_EQUIPMENT_FROM" -> "legal_case", "uses_equipment_from". */
function snakeCase(text: string): string {
  return text
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[\s-]+/g, "_")
    .toLowerCase();
}

class GraphmlMapping {
  readonly issues: LoadIssue[] = [];
  /** Every key declared. */
  private readonly keys: readonly GraphmlKeyRead[];

  constructor(
    private readonly records: GraphmlRecords,
    private readonly file: string,
  ) {
    this.keys = [...records.keys.values()].flat();
  }

  /** The name a data value is known by: its key's attr.name (the key of that id for this domain, else any), else the key id. */
  title(keyId: string, domain: string): string {
    const keys = this.records.keys.get(keyId);
    return (keys?.find((key) => key.domain === domain || key.domain === "all") ?? keys?.[0])?.name ?? keyId;
  }

  warn(message: string, at: Place): void {
    this.issues.push({ file: this.file, pointer: "", severity: "warning", message, line: at.line, column: at.column });
  }

  /** The values of an element: its data by key name, key defaults, its `<desc>`, its other XML attributes; then `exact` applied. */
  values(item: NodeRead | EdgeRead, domain: "node" | "edge"): { values: Value[]; shownLabel: string | undefined } {
    const values: Value[] = [];
    let shownLabel: string | undefined;
    const given = new Set<string>();
    for (const data of item.data) {
      given.add(data.key);
      if (data.structured) {
        shownLabel ??= data.text === "" ? undefined : data.text;
        continue;
      }
      // Blank data say nothing (yEd writes an empty url and description for every node).
      if (data.text.trim() !== "") values.push({ title: this.title(data.key, domain), value: data.text });
    }
    for (const key of this.keys)
      if ((key.domain === domain || key.domain === "all") && key.default !== undefined && !given.has(key.id))
        values.push({ title: key.name, value: key.default });
    if (item.desc !== undefined && item.desc.trim() !== "") values.push({ title: "desc", value: item.desc });
    for (const [name, value] of Object.entries(item.attributes)) values.push({ title: name, value });
    applyExact(values);
    return { values, shownLabel };
  }

  /**
   * The declarations GEXF import reads: every key name of nodes and of edges, the names values are given here
   * (`desc`, our fields restated) and the XML attributes read as values. Data whose key is not declared keeps
   * the key's id as its name, undeclared, and GEXF import warns about it.
   */
  declarations(at: Place): XmlElement[] {
    return (["node", "edge"] as const).map((cls) => {
      const names = new Set<string>(["desc", "kind", ...(cls === "edge" ? RESTATED_EDGE_FIELDS : [])]);
      for (const key of this.keys) if (key.domain === cls || key.domain === "all") names.add(key.name);
      for (const name of this.records.attributeNames[cls]) names.add(name);
      return element(
        "attributes",
        { class: cls },
        [...names].map((name) => element("attribute", { id: name, title: name, type: "string" }, [], at)),
        at,
      );
    });
  }

  graphValues(): { values: Value[]; places: Map<string, Place> } {
    const graph = this.records.graph;
    const values: Value[] = [];
    const places = new Map<string, Place>();
    for (const data of [...this.records.rootData, ...(graph?.data ?? [])]) {
      if (data.structured || data.text.trim() === "") continue;
      const title = this.title(data.key, "graph");
      values.push({ title, value: data.text });
      if (!places.has(title)) places.set(title, data.place);
    }
    return { values, places };
  }
}

/** Values written with U+FFFD get their exact text back from the element's `exact` data (graphml/profile.ts). */
function applyExact(values: Value[]): void {
  const index = values.findIndex((item) => item.title === "exact");
  if (index < 0) return;
  let exact: unknown;
  try {
    exact = JSON.parse(values[index]?.value ?? "");
  } catch {
    return;
  }
  if (typeof exact !== "object" || exact === null || Array.isArray(exact)) return;
  values.splice(index, 1);
  for (const [title, value] of Object.entries(exact)) {
    if (typeof value !== "string") continue;
    const item = values.find((candidate) => candidate.title === title);
    if (item) item.value = value;
  }
}

type RecordOutcome = { record?: AtlasRecord; refusal?: { message: string; at: Place } };

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The export record in the graph's data (atlas_profile, dataset, sources), absent, or why it is damaged. */
function exportRecord(values: readonly Value[], places: ReadonlyMap<string, Place>, graphPlace: Place): RecordOutcome {
  const valueOf = (title: string): string | undefined => values.find((item) => item.title === title)?.value;
  const profile = valueOf("atlas_profile");
  if (profile === undefined) return {};
  const at = places.get("atlas_profile") ?? graphPlace;
  if (profile !== PROFILE)
    return { refusal: { message: `the file says it is ${quote(profile)}; this Leverage Atlas reads ${quote(PROFILE)}`, at } };
  const damaged = (what: string, title: string): RecordOutcome => ({
    refusal: {
      message: `the Leverage Atlas record in the graph's data is damaged: ${what}; the file was cut or edited. Export it again, or delete the graph's atlas_profile data to import the file as any GraphML`,
      at: places.get(title) ?? at,
    },
  });
  const dataset = parseJson(valueOf("dataset"));
  if (typeof dataset !== "object" || dataset === null || Array.isArray(dataset))
    return damaged("its dataset is not a JSON object", "dataset");
  const sources = parseJson(valueOf("sources"));
  if (
    !Array.isArray(sources) ||
    !sources.every(
      (item: unknown): item is { id: string } =>
        typeof item === "object" && item !== null && typeof (item as { id?: unknown }).id === "string",
    )
  )
    return damaged("its sources are not a JSON list of source records with ids", "sources");
  return { record: { format: RECORD_FORMAT, version: RECORD_VERSION, dataset, sources } as AtlasRecord };
}

/** GraphML's metadata as GEXF import reads it: the graph's name, and a description with everything else said about the graph. */
function graphHeader(mapping: GraphmlMapping, records: GraphmlRecords, values: readonly Value[]): { graph: XmlElement; meta: XmlElement } {
  const graphRead = records.graph;
  const at: Place = graphRead?.element ?? { line: 1, column: 1 };
  const graphAttributes: Record<string, string> = { defaultedgetype: graphRead?.element.attributes.edgedefault ?? "directed" };
  const parts: string[] = [];
  const lines: string[] = [];
  if (graphRead?.desc !== undefined && graphRead.desc.trim() !== "") parts.push(graphRead.desc.trim());
  for (const { title, value } of values) {
    if (["atlas_profile", "dataset", "sources"].includes(title)) continue;
    if (lower(title) === "name" && graphAttributes.name === undefined) graphAttributes.name = value;
    else if (lower(title) === "description" && value.trim() !== "") parts.push(value.trim());
    else lines.push(`${title}: ${value}`);
  }
  if (lines.length > 0) parts.push(lines.join("\n"));
  const meta = element("meta", {}, parts.length > 0 ? [element("description", {}, [], at, parts.join("\n\n"))] : [], at);
  return { graph: element("graph", graphAttributes, mapping.declarations(at), at), meta };
}

/** The ids nodes get: their `id` data (Neo4j's export) when every one is present-or-absent consistently unique, else the XML ids. */
function nodeIds(nodes: readonly NodeRead[], dataIds: readonly (string | undefined)[]): (string | undefined)[] {
  const given = dataIds.filter((id): id is string => id !== undefined && id.trim() !== "");
  const xmlIdsWithout = new Set(nodes.filter((_node, index) => dataIds[index] === undefined).map((node) => node.id));
  const usable = given.length > 0 && new Set(given).size === given.length && given.every((id) => !xmlIdsWithout.has(id));
  return nodes.map((node, index) => (usable ? (dataIds[index] ?? node.id) : node.id));
}

/** A node in GEXF import's vocabulary (see the module comment). */
function nodeElement(id: string | undefined, values: Value[], shownLabel: string | undefined, at: Place): XmlElement {
  const name = takeValue(values, "name") ?? takeValue(values, "label") ?? shownLabel;
  if (name !== undefined) {
    const label = values.findIndex((item) => lower(item.title) === "label" && item.value === name);
    if (label >= 0) values.splice(label, 1);
  }
  const labels = values.filter((item) => lower(item.title) === "labels");
  const labelNames = labels.flatMap((item) => item.value.split(":").filter((part) => part.trim() !== ""));
  if (!has(values, "kind")) {
    const kind = labelNames.map(snakeCase).find(isEntityKind);
    if (kind !== undefined) values.push({ title: "kind", value: kind });
  }
  const kind = values.find((item) => lower(item.title) === "kind")?.value;
  // Neo4j's labels say nothing new when they are the common label and the kind's.
  if (labels.length > 0 && labelNames.every((label) => label === "Entity" || snakeCase(label) === kind))
    for (const item of labels) values.splice(values.indexOf(item), 1);
  const attributes: Record<string, string> = {};
  if (id !== undefined) attributes.id = id;
  if (name !== undefined) attributes.label = name;
  return element("node", attributes, values.length > 0 ? [attvalues(values, at)] : [], at);
}

/** Titles other tools give an edge's type: a value naming a relation kind is the kind when there is no `kind`. */
const KIND_TITLES = ["label", "type", "interaction", "shared interaction"];

/**
 * The edge's relation kind when it has no `kind`: a label, type or interaction naming one (Neo4j's
 * relationship type, Cytoscape's interaction). Such values saying the kind again are dropped.
 */
function edgeKind(values: Value[]): void {
  let kind = values.find((item) => lower(item.title) === "kind")?.value;
  if (kind === undefined) {
    kind = values.find((item) => KIND_TITLES.includes(lower(item.title)) && isRelationKind(snakeCase(item.value)))?.value;
    if (kind === undefined) return;
    values.push({ title: "kind", value: snakeCase(kind) });
  }
  const said = snakeCase(kind);
  for (let index = values.length - 1; index >= 0; index -= 1) {
    const item = values[index];
    if (item && KIND_TITLES.includes(lower(item.title)) && snakeCase(item.value) === said) values.splice(index, 1);
  }
}

/** Our dates as GEXF import's own date fields; other times as the element's start/end (read as GEXF times); derived days dropped. */
function edgeDates(values: Value[], attributes: Record<string, string>): void {
  const dates: Record<"start" | "end", string | undefined> = { start: undefined, end: undefined };
  for (const end of ["start", "end"] as const) {
    const index = values.findIndex((item) => lower(item.title) === end);
    const found = values[index];
    if (!found) continue;
    dates[end] = found.value;
    if (isPartialDate(found.value.trim())) values.splice(index, 1, { title: `${end}_date`, value: found.value.trim() });
    else {
      values.splice(index, 1);
      attributes[end] = found.value;
    }
  }
  const derived = [
    ["startday", dates.start !== undefined && isPartialDate(dates.start.trim()) ? firstDay(dates.start.trim()) : undefined],
    ["endday", dates.end !== undefined && isPartialDate(dates.end.trim()) ? lastDay(dates.end.trim()) : undefined],
  ] as const;
  for (const [title, day] of derived) {
    const index = values.findIndex((item) => lower(item.title) === title && item.value.trim().slice(0, 10) === day);
    if (index >= 0) values.splice(index, 1);
  }
}

/** Our evidence JSON as GEXF import's aligned lists of cited sources, their URLs and locators. */
function edgeEvidence(values: Value[]): void {
  const index = values.findIndex((item) => lower(item.title) === "evidence");
  const found = values[index];
  if (!found) return;
  const citations = decodeEvidence(found.value);
  if (!citations) return;
  const lists: Value[] = [
    { title: "sources", value: encodeList(citations.map((citation) => citation.source)) },
    { title: "source_urls", value: encodeList(citations.map((citation) => citation.url ?? "")) },
  ];
  if (citations.some((citation) => citation.locator !== undefined))
    lists.push({ title: "locators", value: encodeList(citations.map((citation) => citation.locator ?? "")) });
  values.splice(index, 1, ...lists);
}

/** An edge in GEXF import's vocabulary (see the module comment). */
function edgeElement(edge: EdgeRead, values: Value[], ids: ReadonlyMap<string, string>, at: Place): XmlElement {
  const attributes: Record<string, string> = {};
  const id = takeValue(values, "id") ?? edge.id;
  if (id !== undefined) attributes.id = id;
  if (edge.source !== undefined) attributes.source = ids.get(edge.source) ?? edge.source;
  if (edge.target !== undefined) attributes.target = ids.get(edge.target) ?? edge.target;
  const directed = takeValue(values, "directed");
  if (directed !== undefined) attributes.type = directed.trim() === "false" ? "undirected" : "directed";
  edgeKind(values);
  // An edge's description (yEd, Cytoscape) is what it claims, when it claims nothing else.
  const description = values.find((item) => lower(item.title) === "description");
  if (description && !has(values, "claim")) description.title = "claim";
  edgeDates(values, attributes);
  edgeEvidence(values);
  return element("edge", attributes, values.length > 0 ? [attvalues(values, at)] : [], at);
}

function mapNodes(mapping: GraphmlMapping, records: GraphmlRecords, gexf: GexfMapping): Map<string, string> {
  const nodes = [...records.nodes].sort((a, b) => a.order - b.order);
  const read = nodes.map((node) => mapping.values(node, "node"));
  const dataIds = read.map(({ values }) => values.find((item) => item.title === "id")?.value);
  const ids = nodeIds(nodes, dataIds);
  const byXmlId = new Map<string, string>();
  nodes.forEach((node, index) => {
    const id = ids[index];
    if (node.id !== undefined && id !== undefined) byXmlId.set(node.id, id);
  });
  nodes.forEach((node, index) => {
    const { values, shownLabel } = read[index] ?? { values: [], shownLabel: undefined };
    const id = ids[index];
    const idValue = values.findIndex((item) => item.title === "id" && item.value === id);
    if (idValue >= 0) values.splice(idValue, 1);
    const parent = node.parent === undefined ? undefined : (byXmlId.get(node.parent) ?? node.parent);
    gexf.nodeTree(nodeElement(id, values, shownLabel, node), parent, []);
  });
  return byXmlId;
}

/** Maps what was read (records.ts) into a dataset through GEXF import's mapping. */
export function mapGraphml(records: GraphmlRecords, root: XmlElement, options: GexfReadOptions & { file: string }): GexfReadResult {
  const { file } = options;
  const mapping = new GraphmlMapping(records, file);
  const gexf = createGexfMapping(file, options);
  if (root.namespace !== GRAPHML_NAMESPACE)
    mapping.warn(
      `the root element's namespace is ${root.namespace === "" ? "missing" : quote(root.namespace)}, not GraphML's (${GRAPHML_NAMESPACE}); read as GraphML anyway`,
      root,
    );
  const withOurs = (result: GexfReadResult): GexfReadResult => ({ ...result, issues: [...mapping.issues, ...result.issues] });
  const graphRead = records.graph;
  if (!graphRead) return withOurs(gexf.refuse("the file has no <graph> element", root));
  if (records.secondGraph)
    return withOurs(
      gexf.refuse("the file has a second top-level <graph>; the import reads one graph, and the second would be lost", records.secondGraph),
    );
  const { values, places } = mapping.graphValues();
  const outcome = exportRecord(values, places, graphRead.element);
  if (outcome.refusal) return withOurs(gexf.refuse(outcome.refusal.message, outcome.refusal.at));
  const { graph, meta } = graphHeader(mapping, records, values);
  gexf.header(graph, meta, outcome.record ? { record: outcome.record } : {});
  const ids = mapNodes(mapping, records, gexf);
  for (const edge of records.edges) {
    const { values, shownLabel } = mapping.values(edge, "edge");
    if (shownLabel !== undefined && !has(values, "label")) values.push({ title: "label", value: shownLabel });
    gexf.edge(edgeElement(edge, values, ids, edge));
  }
  return withOurs(gexf.finish(records.unread, records.sawGraphics));
}

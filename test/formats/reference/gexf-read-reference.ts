/**
 * REFERENCE COPY, for differential tests only: src/export/gexf-read.ts as it was at commit bfe4c8e, before the streaming reader (the whole
 * element tree first, then the mapping), verbatim but for import paths and the name referenceReadGexf.
 * test/export/gexf-read-differential.test.ts checks that the streaming reader answers exactly as this did.
 * FROZEN: do not fix, tidy or update it to follow the reader. Only if the reader's answers change on purpose,
 * change this copy the same way in the same commit, so the differential test keeps proving nothing else changed.
 */
/**
 * GEXF import: any GEXF (1.1draft, 1.2draft, 1.3; Gephi, graphology, networkx, Leverage Atlas) -> a dataset
 * that validates with zero errors, plus warnings saying what was mapped.
 *
 * Written by hand rather than with graphology-gexf's parser, because that parser drops what a dataset
 * needs: start/end and spells on nodes and edges, time-bound attribute values, line numbers for errors;
 * it also reads GEXF's edge `kind` into the same slot as an attribute named kind. The XML is read by saxes
 * (xml-tree.ts) in node and in the browser alike, so both report the same errors: it never resolves
 * external entities or expands declared ones, DOCTYPE declarations are refused as soon as they are read
 * (GEXF never needs one; XXE and entity bombs need one), and nesting is bounded. Bytes are decoded
 * strictly first by decode.ts, for the CLI and the browser alike.
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
 * - edge -> relation; attribute or GEXF `kind` when it names a relation kind, else the first of member_of,
 *   part_of, contracts_with, criticizes (then any kind, in ontology order) its endpoints allow;
 *   undirected edges become relations from source to target as written;
 * - every other attribute, a foreign kind, the edge label and weight, node time spans and time-bound values
 *   are kept as "title: value" lines in the entity's description or the relation's claim;
 * - dates: start/end, spells and timestamps in timeformat date or dateTime (the date part), or integer
 *   years; an edge with several spells becomes one relation per spell; an edge with no usable date starts
 *   on the file's lastmodifieddate (or the import day) and is ongoing;
 * - confidence `alleged` unless given; relations that cite nothing cite one source standing for the file.
 * Viz (colour, size, position) is not data and is not kept: the explorer lays the graph out itself.
 */
import { parseXmlTree, type XmlElement } from "./xml-tree-reference.ts";
import { slugify } from "../../../src/model/text.ts";
import { errorCount, type LoadIssue } from "../../../src/load/issues.ts";
import { parseDataset } from "../../../src/load/parse.ts";
import { endsBeforeStart, firstDay, isPartialDate, lastDay, today as todayUtc } from "../../../src/model/dates.ts";
import {
  CONFIDENCES,
  FAMILIES_WITH_ABOUT,
  RELATION_KINDS,
  RELATION_KIND_NAMES,
  isEntityKind,
  isRelationKind,
  type Confidence,
  type EntityKind,
  type RelationKind,
} from "../../../src/model/ontology.ts";
import {
  ID_MAX_LENGTH,
  ID_PATTERN,
  TEXT_LIMITS,
  characterProblem,
  countryName,
  isHttpUrl,
  type Dataset,
  type DatasetMeta,
  type Entity,
  type Evidence,
  type Relation,
  type Source,
} from "../../../src/model/schema.ts";
import { quote } from "../../../src/model/text.ts";
import {
  RECORD_FORMAT,
  RECORD_PREFIX,
  RECORD_VERSION,
  decodeList,
  type AtlasRecord,
  type Originals,
} from "../../../src/formats/gexf/profile.ts";

export interface GexfReadOptions {
  /** The file's name, used in messages and for the source standing for the file. */
  file?: string;
  /** Where the file came from: the URL cited by relations the file gives no source for. */
  sourceUrl?: string;
  /** Dataset name when the file has none (default: the file name). */
  name?: string;
  /** The import day (YYYY-MM-DD) for relations without dates in files without a lastmodifieddate; today by default. */
  today?: string;
}

export type GexfReadResult =
  | { ok: true; dataset: Dataset; issues: LoadIssue[]; native: boolean }
  | { ok: false; dataset?: undefined; issues: LoadIssue[]; native: boolean };

const KNOWN_NAMESPACES = new Set(["http://gexf.net/1.3", "http://www.gexf.net/1.2draft", "http://www.gexf.net/1.1draft"]);
const FALLBACK_RELATION_KINDS: readonly RelationKind[] = ["member_of", "part_of", "contracts_with", "criticizes", ...RELATION_KIND_NAMES];
const PLACEHOLDER_HOST = "https://leverage-atlas.invalid/import/";
const MAX_LISTED_ERRORS = 50;

/**
 * The elements the importer reads, by parent (GEXF 1.1draft to 1.3). Any other element is reported in a
 * warning rather than dropped silently; viz elements (colour, position, size, shape, thickness) by the viz warning.
 */
const READ_CHILDREN: Readonly<Record<string, readonly string[]>> = {
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
const VIZ_ELEMENTS = new Set(["color", "position", "size", "shape", "thickness"]);
/** XML attributes of nodes and edges that the mapping reads; any other is kept as a "name: value" line. */
const NODE_XML_ATTRIBUTES = new Set(["id", "label", "start", "end", "timestamp", "pid"]);
const EDGE_XML_ATTRIBUTES = new Set([
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

/** Counts of one kind of mapping, with a few examples, so a warning stays one line on a large file. */
class Tally {
  private readonly entries = new Map<string, { count: number; examples: string[] }>();

  add(key: string, example: string): void {
    const entry = this.entries.get(key) ?? { count: 0, examples: [] };
    entry.count += 1;
    if (entry.examples.length < 3) entry.examples.push(example);
    this.entries.set(key, entry);
  }

  get(key: string): { count: number; examples: string[] } | undefined {
    return this.entries.get(key);
  }
}

function were(count: number): string {
  return count === 1 ? "was" : "were";
}

/** Examples quoted short, with controls and bidi characters made visible: file text is untrusted, messages reach terminals. */
function examples(list: readonly string[]): string {
  return list.map(quote).join(", ");
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? singular : pluralForm}`;
}

function elements(parent: XmlElement, localName: string): XmlElement[] {
  return parent.children.filter((child) => child.localName === localName);
}

function firstElement(parent: XmlElement, localName: string): XmlElement | undefined {
  return parent.children.find((child) => child.localName === localName);
}

function attribute(element: XmlElement, name: string): string | undefined {
  return element.attributes[name];
}

/** A URL the dataset takes as a link: http(s), within the URL length limit (anything else is kept as text). */
function usableUrl(value: string): boolean {
  return value.length <= TEXT_LIMITS.url && isHttpUrl(value);
}

/** Lines for the XML attributes of a node or edge that the mapping does not read (GEXF's intervals, pid..., or foreign ones). */
function otherXmlAttributes(element: XmlElement, read: ReadonlySet<string>): string[] {
  return Object.entries(element.attributes)
    .filter(([name]) => !read.has(name))
    .map(([name, value]) => `${name}: ${value}`);
}

/** Removes what the dataset's text rules forbid (controls, bidi overrides); line breaks become spaces in one-line fields. */
function cleanText(value: string, multiline: boolean): string {
  if (characterProblem(value, multiline) === null) return value;
  let cleaned = "";
  for (const character of value) {
    if (characterProblem(character, multiline) === null) cleaned += character;
    else if (/\s/.test(character)) cleaned += " ";
  }
  return cleaned;
}

/** Dataset ids: unique across entities, relations and sources, in the id format. */
class IdAllocator {
  private readonly used = new Set<string>();

  reserve(id: string): void {
    this.used.add(id);
  }

  has(id: string): boolean {
    return this.used.has(id);
  }

  /** The wanted id when it is free and well formed, else a slug of it (prefixed when needed), made unique. */
  allocate(wanted: string, prefix: string): string {
    if (ID_PATTERN.test(wanted) && wanted.length <= ID_MAX_LENGTH && !this.used.has(wanted)) {
      this.used.add(wanted);
      return wanted;
    }
    const base = slugify(wanted, ID_MAX_LENGTH - 10);
    let candidate = base === "" || this.used.has(base) ? `${prefix}-${base || "item"}`.replace(/-+$/, "") : base;
    for (let counter = 2; this.used.has(candidate); counter += 1) candidate = `${prefix}-${base || "item"}-${counter}`.replace(/--+/g, "-");
    this.used.add(candidate);
    return candidate;
  }
}

interface Declared {
  title: string;
  type: string;
  default?: string;
}

interface AttValue {
  value: string;
  start?: string;
  end?: string;
}

interface Times {
  format: string | undefined;
}

/** A GEXF time value as a partial date, or undefined when it is not one (kept as text by the caller). */
function timeAsDate(value: string, times: Times): string | undefined {
  const text = value.trim();
  const datePart = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(text);
  if (datePart && isPartialDate(datePart[1] ?? "")) return datePart[1];
  if (isPartialDate(text)) return text;
  if (times.format !== "date" && times.format !== "dateTime" && /^-?\d+(?:\.0+)?$/.test(text)) {
    const year = Number.parseInt(text, 10);
    if (year >= 1000 && year <= 9999) return String(year);
  }
  return undefined;
}

function locate(element: XmlElement | undefined): { line?: number; column?: number } {
  return element ? { line: element.line, column: element.column } : {};
}

interface ParsedXml {
  root?: XmlElement;
  error?: LoadIssue;
}

const DOCTYPE_REFUSED =
  "the file has a DOCTYPE declaration; GEXF never needs one, and it is refused because it could declare external or expanding entities";

function parseXml(text: string, file: string): ParsedXml {
  // Text that does not even start like XML (a JSON dataset, a CSV) gets a message saying so.
  const start = text.search(/\S/);
  if (start >= 0 && text[start] !== "<") {
    const before = text.slice(0, start);
    const line = before.split("\n").length;
    return {
      error: {
        file,
        pointer: "",
        severity: "error",
        line,
        column: start - before.lastIndexOf("\n"),
        message: `the file is not XML: it starts with ${quote(text.slice(start, start + 20))}, where XML starts with "<"`,
      },
    };
  }
  const parsed = parseXmlTree(text);
  if (parsed.error) {
    const { message, line, column, kind } = parsed.error;
    const said = kind === "syntax" ? `the file is not well-formed XML: ${message}` : kind === "doctype" ? DOCTYPE_REFUSED : message;
    return { error: { file, pointer: "", severity: "error", message: said, line, column } };
  }
  return { root: parsed.root };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Originals are `{ id: { title: string | string[] } }` (see gexf-format.ts). */
function isOriginals(value: unknown): value is Originals {
  return (
    isObject(value) &&
    Object.values(value).every(
      (fields) =>
        isObject(fields) &&
        Object.values(fields).every(
          (field) => typeof field === "string" || (Array.isArray(field) && field.every((item) => typeof item === "string")),
        ),
    )
  );
}

/**
 * The export record on the last line of `<meta><description>`: absent, read, or damaged (saying how).
 * Its shape is checked here, so that a cut or hand-edited record is an error rather than a crash; the
 * dataset metadata and source records in it are checked by the loader like everything else.
 */
function parseRecord(description: string | undefined): { record?: AtlasRecord; damaged?: string } {
  if (description === undefined) return {};
  const lastLine = description.slice(description.lastIndexOf("\n") + 1);
  if (!lastLine.startsWith(RECORD_PREFIX)) return {};
  let value: unknown;
  try {
    value = JSON.parse(lastLine.slice(RECORD_PREFIX.length));
  } catch {
    return { damaged: "it is not valid JSON" };
  }
  if (!isObject(value) || value.format !== RECORD_FORMAT) return { damaged: `its format is not "${RECORD_FORMAT}"` };
  if (value.version !== RECORD_VERSION)
    return { damaged: `its version is ${quote(String(value.version))}, and this Leverage Atlas reads version ${RECORD_VERSION}` };
  if (!isObject(value.dataset)) return { damaged: "its dataset metadata is not an object" };
  if (!Array.isArray(value.sources) || !value.sources.every((item) => isObject(item) && typeof item.id === "string"))
    return { damaged: "its sources are not a list of source records with ids" };
  const originals = value.originals;
  if (
    originals !== undefined &&
    !(isObject(originals) && [originals.nodes, originals.edges].every((part) => part === undefined || isOriginals(part)))
  ) {
    return { damaged: "its original values are not lists of texts by node or edge id" };
  }
  return { record: value as unknown as AtlasRecord };
}

/** An own property only: ids such as "constructor" or "__proto__" must not reach Object.prototype. */
function own<T>(table: Record<string, T> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

function humanDescription(description: string | undefined): string | undefined {
  if (description === undefined) return undefined;
  const lastNewline = description.lastIndexOf("\n");
  const lastLine = description.slice(lastNewline + 1);
  const text = lastLine.startsWith(RECORD_PREFIX) ? description.slice(0, Math.max(0, lastNewline)) : description;
  return text.trim() === "" ? undefined : text.trim();
}

function basename(file: string): string {
  return file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
}

/** Reads GEXF text into a dataset (see the module comment for what is mapped and what is refused). */
export function referenceReadGexf(text: string, options: GexfReadOptions = {}): GexfReadResult {
  const file = options.file ?? "import.gexf";
  const issues: LoadIssue[] = [];
  const tally = new Tally();
  /** Text the dataset forbids (controls, bidi overrides) is removed, and the removal reported. */
  const clean = (value: string, multiline: boolean): string => {
    const cleaned = cleanText(value, multiline);
    if (cleaned !== value) tally.add("cleaned", value.slice(0, 40));
    return cleaned;
  };
  const error = (message: string, at?: XmlElement): void => {
    issues.push({ file, pointer: "", severity: "error", message, ...locate(at) });
  };
  const warn = (message: string, at?: XmlElement): void => {
    issues.push({ file, pointer: "", severity: "warning", message, ...locate(at) });
  };
  const fail = (native: boolean): GexfReadResult => {
    const errors = issues.filter((issue) => issue.severity === "error");
    if (errors.length > MAX_LISTED_ERRORS) {
      const kept = new Set(errors.slice(0, MAX_LISTED_ERRORS));
      const dropped = errors.length - MAX_LISTED_ERRORS;
      const trimmed = issues.filter((issue) => issue.severity !== "error" || kept.has(issue));
      trimmed.push({ file, pointer: "", severity: "error", message: `... and ${plural(dropped, "more error")}` });
      return { ok: false, issues: trimmed, native };
    }
    return { ok: false, issues, native };
  };

  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === "") {
    issues.push({ file, pointer: "", severity: "error", message: "the file is empty", line: 1, column: 1 });
    return fail(false);
  }
  const parsed = parseXml(source, file);
  if (parsed.error) {
    issues.push(parsed.error);
    return fail(false);
  }
  const root = parsed.root;
  if (!root || root.localName !== "gexf") {
    const name = root?.tagName ?? "none";
    error(`not a GEXF file: the root element is <${name.length > 60 ? `${name.slice(0, 60)}…` : name}>, not <gexf>`, root);
    return fail(false);
  }
  const namespace = root.namespace;
  if (!KNOWN_NAMESPACES.has(namespace)) {
    warn(
      `the root element's namespace is ${namespace === "" ? "missing" : quote(namespace)}, not an official GEXF namespace; read as GEXF anyway`,
      root,
    );
  }
  const [graphElement, secondGraph] = elements(root, "graph");
  if (!graphElement) {
    error("the file has no <graph> element", root);
    return fail(false);
  }
  if (secondGraph) {
    error("the file has a second <graph> element; GEXF holds one graph, and the second would be lost", secondGraph);
    return fail(false);
  }
  // Elements the importer does not read are named in a warning; viz is noted for its own warning.
  const sawViz = { value: false };
  const toVisit: XmlElement[] = [root];
  for (let element = toVisit.pop(); element !== undefined; element = toVisit.pop()) {
    const readable = READ_CHILDREN[element.localName] ?? [];
    let metaSeen = false;
    for (const child of element.children) {
      const firstMeta = child.localName === "meta" && element === root && !metaSeen;
      if (child.localName === "meta") metaSeen = true;
      if ((element.localName === "node" || element.localName === "edge") && VIZ_ELEMENTS.has(child.localName)) sawViz.value = true;
      else if (readable.includes(child.localName) && (child.localName !== "meta" || firstMeta)) toVisit.push(child);
      else tally.add("unread-element", `<${child.tagName}> (line ${child.line})`);
    }
  }

  // Metadata and the Leverage Atlas record.
  const metaElement = firstElement(root, "meta");
  const metaText = (name: string): string | undefined => {
    const element = metaElement ? firstElement(metaElement, name) : undefined;
    const value = element?.text;
    return value === undefined || value.trim() === "" ? undefined : value;
  };
  const description = metaText("description");
  const { record, damaged } = parseRecord(description);
  if (damaged !== undefined) {
    const at = metaElement ? firstElement(metaElement, "description") : undefined;
    error(
      `the Leverage Atlas export record (the last line of <meta><description>) is damaged: ${damaged}; the file was cut or edited. Export it again, or delete that line to import the file as any GEXF`,
      at,
    );
    return fail(false);
  }
  const native = record !== undefined;
  const lastModified = metaElement ? attribute(metaElement, "lastmodifieddate") : undefined;
  const fileDate =
    lastModified !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(lastModified.trim()) && isPartialDate(lastModified.trim())
      ? lastModified.trim()
      : undefined;
  const importDay = options.today ?? todayUtc();
  const originals = record?.originals ?? {};

  const times: Times = { format: attribute(graphElement, "timeformat") };
  if (times.format !== undefined && !["date", "dateTime", "integer", "double", "long", "float"].includes(times.format)) {
    warn(`unusual timeformat ${quote(times.format)}; times are read as dates or years where they look like one`, graphElement);
  }

  // Attribute declarations.
  const declared = { node: new Map<string, Declared>(), edge: new Map<string, Declared>() };
  for (const group of elements(graphElement, "attributes")) {
    const cls = attribute(group, "class");
    if (cls !== "node" && cls !== "edge") {
      warn(`<attributes class=${quote(cls ?? "")}> is neither node nor edge; ignored`, group);
      continue;
    }
    for (const declaration of elements(group, "attribute")) {
      const id = attribute(declaration, "id") ?? attribute(declaration, "title");
      if (id === undefined) continue;
      const entry: Declared = { title: attribute(declaration, "title") ?? id, type: attribute(declaration, "type") ?? "string" };
      const fallback = firstElement(declaration, "default")?.text;
      if (fallback !== undefined) entry.default = fallback;
      declared[cls].set(id, entry);
    }
  }

  const readValues = (element: XmlElement, cls: "node" | "edge"): Map<string, AttValue[]> => {
    const values = new Map<string, AttValue[]>();
    const model = declared[cls];
    for (const group of elements(element, "attvalues")) {
      for (const attvalue of elements(group, "attvalue")) {
        const key = attribute(attvalue, "for") ?? attribute(attvalue, "id");
        const value = attribute(attvalue, "value");
        if (key === undefined || value === undefined) continue;
        let title = model.get(key)?.title;
        if (title === undefined) {
          title = key;
          tally.add(`undeclared-${cls}`, key);
        }
        const entry: AttValue = { value };
        const start = attribute(attvalue, "start") ?? attribute(attvalue, "timestamp");
        const end = attribute(attvalue, "end") ?? attribute(attvalue, "timestamp");
        if (start !== undefined) entry.start = start;
        if (end !== undefined) entry.end = end;
        const list = values.get(title) ?? [];
        list.push(entry);
        values.set(title, list);
      }
    }
    for (const entry of model.values()) {
      if (entry.default !== undefined && !values.has(entry.title)) values.set(entry.title, [{ value: entry.default }]);
    }
    return values;
  };

  /** Takes a known field out of the values (case-insensitive title); time-bound or repeated values stay for the "title: value" lines. */
  const take = (values: Map<string, AttValue[]>, title: string): string | undefined => {
    for (const [key, list] of values) {
      if (key.toLowerCase() !== title) continue;
      if (list.length !== 1 || list[0]?.start !== undefined || list[0]?.end !== undefined) return undefined;
      values.delete(key);
      return list[0]?.value;
    }
    return undefined;
  };

  const keptLines = (values: Map<string, AttValue[]>): string[] => {
    const lines: string[] = [];
    for (const [title, list] of values) {
      for (const entry of list) {
        const when =
          entry.start !== undefined || entry.end !== undefined ? ` (from ${entry.start ?? "the start"} to ${entry.end ?? "the end"})` : "";
        lines.push(`${title}: ${entry.value}${when}`);
      }
    }
    return lines;
  };

  const ids = new IdAllocator();
  if (record) for (const item of record.sources) ids.reserve(item.id);

  // Nodes (hierarchies are flattened; a parent is kept as a line), from every <nodes> (GEXF allows one; more
  // are read rather than lost); edges from every <edges>, a node's own (hierarchy) included. Depth is bounded
  // by the XML reader.
  const nodeElements: { element: XmlElement; parent?: string }[] = [];
  const edgeElements: XmlElement[] = [];
  const collectNodes = (container: XmlElement, parent?: string): void => {
    for (const edges of elements(container, "edges")) edgeElements.push(...elements(edges, "edge"));
    for (const nodes of elements(container, "nodes")) {
      for (const element of elements(nodes, "node")) {
        const parentId = parent ?? attribute(element, "pid");
        nodeElements.push(parentId === undefined ? { element } : { element, parent: parentId });
        collectNodes(element, attribute(element, "id"));
      }
    }
  };
  collectNodes(graphElement);

  const entityIdOf = new Map<string, string>();
  const entityKindOf = new Map<string, EntityKind>();
  const entityNameOf = new Map<string, string>();
  /** Entities whose kind the file gave (the others were imported as organization). */
  const kindGiven = new Set<string>();
  const entities: Entity[] = [];
  const entityOrigins: { what: string; element: XmlElement }[] = [];
  const textTooLong = (what: string, field: string, value: string, max: number, at: XmlElement): boolean => {
    if (value.length <= max) return false;
    error(
      `${what}: ${field} is ${value.length.toLocaleString("en")} characters, over the dataset's limit of ${max.toLocaleString("en")}; it would be cut`,
      at,
    );
    return true;
  };
  const pending: {
    entity: Entity;
    rawId: string;
    element: XmlElement;
    what: string;
    ownDescription: string | undefined;
    lines: string[];
    other: string[];
    span: { start?: string; end?: string } | undefined;
    spellLines: string[];
  }[] = [];

  for (const { element, parent } of nodeElements) {
    const rawId = attribute(element, "id");
    if (rawId === undefined) {
      error("a <node> has no id", element);
      continue;
    }
    if (entityIdOf.has(rawId)) {
      error(`duplicate node id ${quote(rawId)}: relations to it would be ambiguous`, element);
      continue;
    }
    const id = ids.allocate(rawId, "entity");
    if (id !== rawId) tally.add("node-id", `${rawId} -> ${id}`);
    entityIdOf.set(rawId, id);
    const ownOriginals = own(originals.nodes, rawId);
    const values = readValues(element, "node");
    const restored = (title: string, read: string | undefined): string | undefined => {
      const original = ownOriginals?.[title];
      return typeof original === "string" ? original : read;
    };
    const what = `node ${quote(rawId)}`;
    const lines: string[] = [];

    const label = restored("label", attribute(element, "label"));
    let name = label === undefined ? "" : clean(label, false);
    if (name.trim() === "") {
      name = clean(rawId, false);
      // A blank id names the entity after the id it got.
      if (name.trim() === "") name = id;
      tally.add("no-label", rawId);
    }

    const kindValue = restored("kind", take(values, "kind"));
    let kind: EntityKind = "organization";
    if (kindValue !== undefined && isEntityKind(kindValue)) {
      kind = kindValue;
      kindGiven.add(id);
    } else {
      tally.add("entity-kind", rawId);
      if (kindValue !== undefined && kindValue.trim() !== "") lines.push(`kind: ${kindValue}`);
    }

    const entity: Entity = { id, kind, name };
    const aliasesOriginal = ownOriginals?.aliases;
    const aliasesValue = take(values, "aliases");
    const aliases = (Array.isArray(aliasesOriginal) ? aliasesOriginal : aliasesValue === undefined ? [] : decodeList(aliasesValue))
      .map((alias) => clean(alias, false))
      .filter((alias) => alias.trim() !== "");
    if (aliases.length > 0) entity.aliases = aliases;

    const country = restored("country", take(values, "country"));
    if (country !== undefined) {
      if (countryName(country.trim()) !== undefined) entity.country = country.trim();
      else lines.push(`country: ${country}`);
    }
    const url = restored("url", take(values, "url"));
    if (url !== undefined) {
      if (usableUrl(url.trim())) entity.url = url.trim();
      else lines.push(`url: ${url}`);
    }
    const ownDescription = restored("description", take(values, "description"));

    if (parent !== undefined) lines.push(`parent: ${parent}`);
    for (const parents of elements(element, "parents")) {
      for (const other of elements(parents, "parent")) lines.push(`parent: ${attribute(other, "for") ?? "(none)"}`);
    }
    lines.push(...otherXmlAttributes(element, NODE_XML_ATTRIBUTES));
    const start = attribute(element, "start") ?? attribute(element, "timestamp");
    const end = attribute(element, "end");
    const spells = firstElement(element, "spells");
    const spellLines = spells
      ? elements(spells, "spell").map(
          (spell) =>
            `present: from ${attribute(spell, "start") ?? attribute(spell, "timestamp") ?? "the start"} to ${attribute(spell, "end") ?? attribute(spell, "timestamp") ?? "the end"}`,
        )
      : [];
    const span =
      start !== undefined || end !== undefined
        ? { ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) }
        : undefined;

    if (textTooLong(what, "the name", entity.name, TEXT_LIMITS.name, element)) continue;
    if (entity.aliases?.some((alias) => textTooLong(what, "an alias", alias, TEXT_LIMITS.name, element))) continue;

    // The description is finished once the relations are known (see below).
    pending.push({ entity, rawId, element, what, ownDescription, lines, other: keptLines(values), span, spellLines });
    entityKindOf.set(id, kind);
    entityNameOf.set(id, entity.name);
  }

  // Sources: the record's when there is one; others rebuilt from the edges' ids and URLs (raw id -> id).
  const sources = new Map<string, Source>();
  for (const item of record?.sources ?? []) sources.set(item.id, item);
  const recordSourceIds = new Set(sources.keys());
  const rebuiltSourceIdOf = new Map<string, string>();
  let placeholder: Source | undefined;
  const placeholderSource = (): Source => {
    if (placeholder) return placeholder;
    const id = ids.allocate(`import-${slugify(basename(file), ID_MAX_LENGTH - 10) || "gexf"}`, "source");
    placeholder = {
      id,
      url: options.sourceUrl ?? `${PLACEHOLDER_HOST}${encodeURIComponent(basename(file) || "gexf")}`,
      // Changed with the reader on purpose: a creator blank or only refused characters (a bidi override) names no publisher.
      publisher:
        clean(metaText("creator") ?? "", false)
          .trim()
          .slice(0, TEXT_LIMITS.name)
          .trim() || "unknown (GEXF file)",
      title: clean(`GEXF file ${file.replace(/^.*[\\/]/, "")}`, false).slice(0, TEXT_LIMITS.text),
    };
    if (fileDate) placeholder.published = fileDate;
    sources.set(id, placeholder);
    return placeholder;
  };

  // Edges.
  const relations: Relation[] = [];
  const relationOrigins: { what: string; element: XmlElement }[] = [];
  const defaultEdgeType = attribute(graphElement, "defaultedgetype") ?? "undirected";
  let edgeIndex = 0;
  for (const element of edgeElements) {
    edgeIndex += 1;
    const rawId = attribute(element, "id");
    const what = `edge ${rawId === undefined ? `#${edgeIndex}` : quote(rawId)}`;
    const rawSource = attribute(element, "source");
    const rawTarget = attribute(element, "target");
    const source = rawSource === undefined ? undefined : entityIdOf.get(rawSource);
    const target = rawTarget === undefined ? undefined : entityIdOf.get(rawTarget);
    if (source === undefined || target === undefined) {
      const missing = [
        source === undefined ? `source ${rawSource === undefined ? "(none)" : quote(rawSource)}` : "",
        target === undefined ? `target ${rawTarget === undefined ? "(none)" : quote(rawTarget)}` : "",
      ].filter(Boolean);
      error(`${what} points to a node that does not exist: ${missing.join(" and ")}`, element);
      continue;
    }
    if (rawId === undefined) tally.add("edge-no-id", `#${edgeIndex}`);
    const type = attribute(element, "type") ?? defaultEdgeType;
    if (type !== "directed") tally.add("undirected", rawId ?? `#${edgeIndex}`);

    const ownOriginals = rawId === undefined ? undefined : own(originals.edges, rawId);
    const values = readValues(element, "edge");
    const restored = (title: string, read: string | undefined): string | undefined => {
      const original = ownOriginals?.[title];
      return typeof original === "string" ? original : read;
    };
    const restoredList = (title: string, read: string | undefined): string[] | undefined => {
      const original = ownOriginals?.[title];
      return Array.isArray(original) ? original : read === undefined ? undefined : decodeList(read);
    };
    const lines: string[] = [];

    // Kind.
    const xmlKind = attribute(element, "kind");
    const kindValue = restored("kind", take(values, "kind") ?? xmlKind);
    const sourceKind = entityKindOf.get(source) ?? "organization";
    const targetKind = entityKindOf.get(target) ?? "organization";
    const allows = (candidate: RelationKind): boolean => {
      const spec = RELATION_KINDS[candidate];
      return (spec.source as readonly string[]).includes(sourceKind) && (spec.target as readonly string[]).includes(targetKind);
    };
    let kind: RelationKind | undefined;
    // A kind of the ontology stays, unless it only clashes with an entity kind this import made up
    // (then it is kept as a line of the claim); a clash between kinds the file gave is an error.
    const endpointsGiven = kindGiven.has(source) && kindGiven.has(target);
    if (kindValue !== undefined && isRelationKind(kindValue) && (allows(kindValue) || endpointsGiven)) {
      kind = kindValue;
      if (!allows(kind)) {
        const spec = RELATION_KINDS[kind];
        const clashes = [
          (spec.source as readonly string[]).includes(sourceKind)
            ? ""
            : `cannot start at a ${sourceKind} (${quote(rawSource ?? "")}); allowed source kinds: ${spec.source.join(", ")}`,
          (spec.target as readonly string[]).includes(targetKind)
            ? ""
            : `cannot end at a ${targetKind} (${quote(rawTarget ?? "")}); allowed target kinds: ${spec.target.join(", ")}`,
        ].filter(Boolean);
        error(`${what}: a ${quote(kind)} relation ${clashes.join("; and it ")}`, element);
        continue;
      }
    } else {
      kind = FALLBACK_RELATION_KINDS.find(allows);
      if (kind === undefined) {
        error(`${what}: no relation kind allows a ${sourceKind} to point to a ${targetKind}; give the edge a "kind" attribute`, element);
        continue;
      }
      tally.add(kindValue !== undefined && isRelationKind(kindValue) ? "relation-kind-clash" : "relation-kind", rawId ?? `#${edgeIndex}`);
      if (kindValue !== undefined && kindValue.trim() !== "") lines.push(`kind: ${kindValue}`);
    }
    const family = RELATION_KINDS[kind].family;
    // Values that say nothing new: the family of the kind, networkx's multigraph key when it is the edge id.
    const familyValue = take(values, "family");
    if (familyValue !== undefined && familyValue !== family) lines.push(`family: ${familyValue}`);
    const networkxKey = take(values, "networkx_key");
    if (networkxKey !== undefined && networkxKey !== rawId) lines.push(`networkx_key: ${networkxKey}`);
    if (xmlKind !== undefined && xmlKind !== kind && xmlKind !== kindValue) lines.push(`GEXF kind: ${xmlKind}`);
    const label = attribute(element, "label");
    if (label !== undefined && label !== kind && label.trim() !== "") lines.push(`label: ${label}`);
    const weight = attribute(element, "weight");
    if (weight !== undefined) lines.push(`weight: ${weight}`);
    lines.push(...otherXmlAttributes(element, EDGE_XML_ATTRIBUTES));

    // Dates: ours as written, when they are dates (in another file, "start_date" may hold anything: then it
    // is kept as a line); otherwise from GEXF times.
    const startValue = restored("start_date", take(values, "start_date"));
    const endValue = restored("end_date", take(values, "end_date"));
    const ownDates = startValue !== undefined && isPartialDate(startValue) && (endValue === undefined || isPartialDate(endValue));
    const ownStart = ownDates ? startValue : undefined;
    const ownEnd = ownDates ? endValue : undefined;
    if (!ownDates) {
      if (startValue !== undefined) lines.push(`start_date: ${startValue}`);
      if (endValue !== undefined) lines.push(`end_date: ${endValue}`);
    }
    const spans: { start?: string; end?: string }[] = [];
    if (ownStart !== undefined) spans.push(ownEnd === undefined ? { start: ownStart } : { start: ownStart, end: ownEnd });
    else {
      const spellsElement = firstElement(element, "spells");
      const spellElements = spellsElement ? elements(spellsElement, "spell") : [];
      const timestamps = attribute(element, "timestamps");
      const timestamp = attribute(element, "timestamp");
      const xmlStart = attribute(element, "start");
      const xmlEnd = attribute(element, "end");
      if (spellElements.length > 0) {
        for (const spell of spellElements) {
          const start = attribute(spell, "start") ?? attribute(spell, "timestamp");
          const end = attribute(spell, "end") ?? attribute(spell, "timestamp");
          spans.push({ ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) });
        }
      } else if (timestamps !== undefined) {
        for (const stamp of timestamps
          .replace(/[<>[\]]/g, "")
          .split(/[,;\s]+/)
          .filter(Boolean))
          spans.push({ start: stamp, end: stamp });
      } else if (timestamp !== undefined) spans.push({ start: timestamp, end: timestamp });
      else if (xmlStart !== undefined || xmlEnd !== undefined)
        spans.push({ ...(xmlStart === undefined ? {} : { start: xmlStart }), ...(xmlEnd === undefined ? {} : { end: xmlEnd }) });
      else spans.push({});
    }

    // Evidence: sources, source_urls and locators are aligned lists. A source the record does not hold is
    // rebuilt from its id and URL (under an id of the dataset's format, shared by every edge citing it);
    // whatever cannot become evidence is kept as a line.
    const sourceIds = restoredList("sources", take(values, "sources")) ?? [];
    const urls = restoredList("source_urls", take(values, "source_urls")) ?? [];
    const locators = restoredList("locators", take(values, "locators")) ?? [];
    const evidence: Evidence[] = [];
    for (let index = 0; index < Math.max(sourceIds.length, urls.length, locators.length); index += 1) {
      const sourceId = (sourceIds[index] ?? "").trim();
      const url = (urls[index] ?? "").trim();
      const locator = clean(locators[index] ?? "", false);
      let id = recordSourceIds.has(sourceId) ? sourceId : rebuiltSourceIdOf.get(sourceId);
      if (id === undefined && sourceId !== "" && usableUrl(url)) {
        id = ids.allocate(sourceId, "source");
        rebuiltSourceIdOf.set(sourceId, id);
        sources.set(id, { id, url, publisher: new URL(url).hostname, title: url.slice(0, TEXT_LIMITS.text) });
        tally.add("source-rebuilt", id === sourceId ? sourceId : `${sourceId} -> ${id}`);
      } else if (id !== undefined && url !== "" && url !== sources.get(id)?.url) lines.push(`source_url: ${url}`);
      if (id === undefined) {
        const kept = [sourceId, url, locator].filter((part) => part.trim() !== "");
        if (kept.length > 0) {
          tally.add("source-missing", sourceId || url);
          lines.push(`source: ${kept.join(", ")}`);
        }
        continue;
      }
      if (textTooLong(what, "a locator", locator, TEXT_LIMITS.text, element)) continue;
      evidence.push(locator.trim() === "" ? { source: id } : { source: id, locator });
    }
    if (evidence.length === 0) {
      evidence.push({ source: placeholderSource().id });
      tally.add("no-evidence", rawId ?? `#${edgeIndex}`);
    }

    const confidenceValue = restored("confidence", take(values, "confidence"));
    let confidence: Confidence = "alleged";
    if (confidenceValue !== undefined && (CONFIDENCES as readonly string[]).includes(confidenceValue))
      confidence = confidenceValue as Confidence;
    else {
      tally.add("confidence", rawId ?? `#${edgeIndex}`);
      if (confidenceValue !== undefined && confidenceValue.trim() !== "") lines.push(`confidence: ${confidenceValue}`);
    }

    const aboutValue = restored("about", take(values, "about"));
    let about: string | undefined;
    if (aboutValue !== undefined) {
      const mapped = entityIdOf.get(aboutValue) ?? (entityKindOf.has(aboutValue) ? aboutValue : undefined);
      if (mapped !== undefined && FAMILIES_WITH_ABOUT.includes(family)) about = mapped;
      else if (native && mapped === undefined) tally.add("about-missing", rawId ?? `#${edgeIndex}`);
      else lines.push(`about: ${aboutValue}`);
    }

    const claimValue = restored("claim", take(values, "claim"));
    lines.push(...keptLines(values));
    if (lines.length > 0) tally.add("edge-kept", rawId ?? `#${edgeIndex}`);
    const generated =
      claimValue === undefined || claimValue.trim() === ""
        ? `Imported from ${file.replace(/^.*[\\/]/, "")} (edge ${rawId ?? `#${edgeIndex}`}): ${entityNameOf.get(source) ?? source} to ${entityNameOf.get(target) ?? target}.`
        : claimValue;
    if (claimValue === undefined || claimValue.trim() === "") tally.add("no-claim", rawId ?? `#${edgeIndex}`);

    spans.forEach((span, index) => {
      const spanLines = [...lines];
      let start = span.start === undefined ? undefined : ownStart !== undefined ? span.start : timeAsDate(span.start, times);
      let end: string | null = span.end === undefined ? null : ownStart !== undefined ? span.end : (timeAsDate(span.end, times) ?? null);
      if (ownStart === undefined) {
        if (span.start !== undefined && start === undefined) spanLines.push(`start: ${span.start}`);
        if (span.end !== undefined && end === null) spanLines.push(`end: ${span.end}`);
        if (span.start !== undefined && start !== undefined && /T/.test(span.start)) spanLines.push(`start: ${span.start}`);
        if (span.end !== undefined && end !== null && /T/.test(span.end)) spanLines.push(`end: ${span.end}`);
      }
      if (start === undefined) {
        start = fileDate ?? importDay;
        if (end !== null && endsBeforeStart(start, end)) start = end;
        tally.add("no-start", rawId ?? `#${edgeIndex}`);
      }
      if (end !== null && isPartialDate(start) && isPartialDate(end) && endsBeforeStart(start, end)) {
        error(`${what}: ends (${end}) before it starts (${start})`, element);
        return;
      }
      const wantedId = rawId === undefined ? `edge-${edgeIndex}` : index === 0 ? rawId : `${rawId}-${index + 1}`;
      const id = ids.allocate(wantedId, "edge");
      if (rawId !== undefined && id !== wantedId) tally.add("edge-id", `${wantedId} -> ${id}`);
      if (index > 0) tally.add("spells", rawId ?? `#${edgeIndex}`);
      const claimText = clean(
        [generated, spanLines.length > 0 ? spanLines.join("\n") : undefined].filter((part) => part !== undefined).join("\n\n"),
        true,
      );
      if (textTooLong(what, "the claim (with the attributes kept in it)", claimText, TEXT_LIMITS.claim, element)) return;
      const relation: Relation = { id, kind, source, target, start, end, claim: claimText, evidence, confidence };
      if (about !== undefined) relation.about = about;
      relations.push(relation);
      relationOrigins.push({ what, element });
    });
  }

  // Entities: a node's time span is kept as a line unless it is exactly the span of its relations
  // (as Leverage Atlas writes it in dynamic files), which says nothing new.
  const hulls = new Map<string, { start: string; end: string | null }>();
  for (const relation of relations) {
    const start = firstDay(relation.start);
    const end = relation.end === null || relation.end === undefined ? null : lastDay(relation.end);
    for (const id of [relation.source, relation.target]) {
      const hull = hulls.get(id);
      if (!hull) hulls.set(id, { start, end });
      else {
        if (start < hull.start) hull.start = start;
        if (hull.end !== null && (end === null || end > hull.end)) hull.end = end;
      }
    }
  }
  for (const { entity, rawId, element, what, ownDescription, lines, other, span, spellLines } of pending) {
    if (!native && span) {
      const hull = hulls.get(entity.id);
      const start = span.start === undefined ? undefined : timeAsDate(span.start, times);
      const end = span.end === undefined ? undefined : timeAsDate(span.end, times);
      const derived = hull !== undefined && start === hull.start && (end ?? null) === hull.end && spellLines.length === 0;
      if (!derived) lines.push(`present: from ${span.start ?? "the start"} to ${span.end ?? "the end"}`);
    }
    if (!native) lines.push(...spellLines);
    lines.push(...other);
    if (lines.length > 0) tally.add("node-kept", rawId);
    const fullDescription = [ownDescription, lines.length > 0 ? lines.join("\n") : undefined]
      .filter((part) => part !== undefined && part.trim() !== "")
      .join("\n\n");
    if (fullDescription !== "") entity.description = clean(fullDescription, true);
    if (
      entity.description !== undefined &&
      textTooLong(what, "the description (with the attributes kept in it)", entity.description, TEXT_LIMITS.text, element)
    )
      continue;
    entities.push(entity);
    entityOrigins.push({ what, element });
  }

  // Dataset metadata.
  let meta: DatasetMeta;
  if (record) meta = record.dataset;
  else {
    const graphName = attribute(graphElement, "name")?.trim();
    const title = metaText("title")?.trim();
    const name = clean(options.name ?? (graphName || title || basename(file) || "Imported GEXF"), false);
    meta = { name: name.trim() === "" ? "Imported GEXF" : name };
    // A title that did not become the name is kept in the description.
    const parts = [
      title !== undefined && title !== meta.name ? `Title: ${title}` : undefined,
      humanDescription(description),
      metaText("keywords") && `Keywords: ${metaText("keywords")?.trim()}`,
      metaText("creator") && `Creator: ${metaText("creator")?.trim()}`,
    ];
    const text = clean(parts.filter((part): part is string => typeof part === "string" && part.trim() !== "").join("\n\n"), true);
    if (text !== "") meta.description = text;
    textTooLong("the dataset", "the name", meta.name, TEXT_LIMITS.name, graphElement);
    if (meta.description !== undefined)
      textTooLong(
        "the dataset",
        "the description (with the title, keywords and creator kept in it)",
        meta.description,
        TEXT_LIMITS.claim,
        metaElement ?? graphElement,
      );
  }

  summarize(tally, warn, { native, file, placeholder, sawViz: sawViz.value && !native, fileDate, importDay });

  if (errorCount(issues) > 0) return fail(native);

  // The safety net: the dataset must pass the loader itself (zero errors), or the import fails.
  const dataset: Dataset = { meta, entities, relations, sources: [...sources.values()] };
  const check = parseDataset([{ file, json: { dataset: meta, entities, relations, sources: dataset.sources } }]);
  // Its errors (the mapping above means to leave none, but a Leverage Atlas record is taken as written) are
  // located at the node or edge the value came from, else at the record in <meta><description>.
  const origin = (pointer: string): { what: string; element: XmlElement | undefined } => {
    const [collection, index] = pointer.split("/").slice(1);
    const item =
      collection === "entities" ? entityOrigins[Number(index)] : collection === "relations" ? relationOrigins[Number(index)] : undefined;
    if (item) return item;
    const recordElement = metaElement && firstElement(metaElement, "description");
    return native && recordElement ? { what: "the export record", element: recordElement } : { what: "the dataset", element: graphElement };
  };
  for (const issue of check.issues) {
    if (issue.severity !== "error") continue;
    const { what, element } = origin(issue.pointer);
    issues.push({
      file,
      pointer: "",
      severity: "error",
      message: `${what}: ${issue.message} (${issue.pointer} of the converted dataset)`,
      ...locate(element),
    });
  }
  if (!check.ok) return fail(native);
  return { ok: true, dataset: check.dataset, issues, native };
}

function summarize(
  tally: Tally,
  warn: (message: string) => void,
  context: {
    native: boolean;
    file: string;
    placeholder: Source | undefined;
    sawViz: boolean;
    fileDate: string | undefined;
    importDay: string;
  },
): void {
  const say = (key: string, message: (count: number, list: string) => string): void => {
    const entry = tally.get(key);
    if (entry) warn(message(entry.count, examples(entry.examples)));
  };
  if (!context.native) {
    say(
      "node-id",
      (n, e) =>
        `${plural(n, "node id")} ${were(n)} rewritten to fit the dataset's id format (lowercase letters and digits joined by hyphens, unique) (e.g. ${e})`,
    );
    say(
      "edge-id",
      (n, e) => `${plural(n, "edge id")} ${were(n)} rewritten to fit the id format or to avoid an id already taken (e.g. ${e})`,
    );
  }
  say("undeclared-node", (n, e) => `${plural(n, "node value")} used an undeclared attribute (e.g. ${e}); read as text`);
  say("undeclared-edge", (n, e) => `${plural(n, "edge value")} used an undeclared attribute (e.g. ${e}); read as text`);
  say("no-label", (n, e) => `${plural(n, "node")} had no label and ${were(n)} named after the id (e.g. ${e})`);
  say(
    "entity-kind",
    (n, e) => `${plural(n, "node")} had no entity kind of the ontology and ${were(n)} imported as "organization" (e.g. ${e})`,
  );
  say("edge-no-id", (n) => `${plural(n, "edge")} had no id and got "edge-N" (N = its position in the file)`);
  say(
    "relation-kind",
    (n, e) =>
      `${plural(n, "edge")} had no relation kind of the ontology and got the first of member_of, part_of, contracts_with, criticizes that the endpoints allow (e.g. ${e})`,
  );
  say(
    "relation-kind-clash",
    (n, e) =>
      `${plural(n, "edge")} named a relation kind that the endpoints' kinds (made up by this import) do not allow; the kind is kept as a line of the claim and the relation got the first of member_of, part_of, contracts_with, criticizes that they allow (e.g. ${e})`,
  );
  say(
    "about-missing",
    (n, e) =>
      `${plural(n, "relation")} ${were(n)} about an entity the export left out; "about" was dropped, as in a JSON export of the same selection (e.g. ${e})`,
  );
  say(
    "undirected",
    (n, e) =>
      `${plural(n, "edge")} ${were(n)} undirected or mutual and ${were(n)} imported as directed from source to target as written (e.g. ${e})`,
  );
  say("spells", (n, e) => `${plural(n, "edge")} had several time spans; each span became a relation of its own (e.g. ${e})`);
  say(
    "no-start",
    (n, e) =>
      `${plural(n, "relation")} had no usable date and start${n === 1 ? "s" : ""} on ${context.fileDate ? `the file's lastmodifieddate ${context.fileDate}` : `the import day ${context.importDay}`}, ongoing (e.g. ${e})`,
  );
  say("confidence", (n, e) => `${plural(n, "relation")} had no confidence of the ontology and ${were(n)} set to "alleged" (e.g. ${e})`);
  say("no-claim", (n, e) => `${plural(n, "relation")} had no claim and got one naming the file and the endpoints (e.g. ${e})`);
  say(
    "source-rebuilt",
    (n, e) =>
      `${plural(n, "source")} had no full record in the file (not an unmodified Leverage Atlas export) and ${were(n)} rebuilt from id and URL, with the URL's host as publisher (e.g. ${e})`,
  );
  say(
    "source-missing",
    (n, e) => `${plural(n, "cited source")} had neither a record nor an http(s) URL and ${were(n)} kept as text in the claim (e.g. ${e})`,
  );
  say("no-evidence", (n) => {
    const source = context.placeholder;
    return `${plural(n, "relation")} cite${n === 1 ? "s" : ""} no source in the file and now cite${n === 1 ? "s" : ""} "${source?.id ?? ""}" (${source?.url ?? ""}), standing for the file${source?.url.startsWith(PLACEHOLDER_HOST) ? `; give the file's real URL (CLI: --source-url)` : ""}`;
  });
  say(
    "cleaned",
    (n, e) =>
      `${plural(n, "text")} held control or bidirectional override characters, which the dataset forbids; they were removed (e.g. ${e})`,
  );
  say(
    "node-kept",
    (n, e) =>
      `${plural(n, "entity", "entities")} keep${n === 1 ? "s" : ""} other attributes or time spans as "title: value" lines in the description (e.g. ${e})`,
  );
  say(
    "edge-kept",
    (n, e) =>
      `${plural(n, "relation")} keep${n === 1 ? "s" : ""} other attributes, labels or weights as "title: value" lines in the claim (e.g. ${e})`,
  );
  say(
    "unread-element",
    (n, e) => `${plural(n, "element")} of kinds this import does not read ${were(n)} ignored with their content (e.g. ${e})`,
  );
  if (context.sawViz) warn("colours, sizes and positions (viz) are not kept: the explorer lays the graph out itself");
}

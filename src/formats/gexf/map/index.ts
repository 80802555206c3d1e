/**
 * The mapping of GEXF elements to a dataset, for readGexf (gexf/read.ts: the rules, and the order in which
 * elements come here). One mapping serves one pass over one file: `begin` (the root), `header` (metadata,
 * the export record, attribute declarations), then each node (`nodeTree`) and each edge (`edge`) in the
 * order of the file, nodes first, then `finish`. The mapping keeps no element: what it needs later (where
 * an entity or relation came from, for messages) it keeps as line and column, so the reader can drop each
 * node and edge once it is mapped.
 */
import type { XmlElement } from "../../xml/tree.ts";
import { IdAllocator, Origins } from "./ids.ts";
import { append, basename, cleanText, edgeWhat, nodeWhat, own, plural, usableUrl } from "./text.ts";
import { PREFERRED_RELATION_KINDS, Warnings } from "./warnings.ts";
import { EDGE_XML_ATTRIBUTES, NODE_XML_ATTRIBUTES, attribute, childText, elements, firstElement, otherXmlAttributes } from "./xml.ts";
import { slugify } from "../../../model/text.ts";
import { errorCount, type LoadIssue } from "../../../load/issues.ts";
import { parseDataset } from "../../../load/parse.ts";
import { endsBeforeStart, entityActiveSpans, isPartialDate, today as todayUtc } from "../../../model/dates.ts";
import {
  CONFIDENCES,
  FAMILIES_WITH_ABOUT,
  RELATION_KINDS,
  RELATION_KIND_NAMES,
  allowsEndpoint,
  isEntityKind,
  isRelationKind,
  type Confidence,
  type EntityKind,
  type RelationKind,
} from "../../../model/ontology.ts";
import {
  ID_MAX_LENGTH,
  TEXT_LIMITS,
  countryName,
  type Dataset,
  type DatasetMeta,
  type Entity,
  type Evidence,
  type Relation,
  type Source,
} from "../../../model/schema.ts";
import { quote } from "../../../model/text.ts";
import { RECORD_FORMAT, RECORD_PREFIX, RECORD_VERSION, decodeList, type AtlasRecord, type Originals } from "../profile.ts";

export { READ_CHILDREN, VIZ_ELEMENTS } from "./xml.ts";

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
const FALLBACK_RELATION_KINDS: readonly RelationKind[] = [...PREFERRED_RELATION_KINDS, ...RELATION_KIND_NAMES];
const PLACEHOLDER_HOST = "https://leverage-atlas.invalid/import/";
const MAX_LISTED_ERRORS = 50;

/** The placeholder source's publisher when the file names no creator. */
const UNKNOWN_PUBLISHER = "unknown (GEXF file)";

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

function locate(place: Place | undefined): { line?: number; column?: number } {
  return place ? { line: place.line, column: place.column } : {};
}

/**
 * What edges need to know of a node: its entity's id; its kind and name once the entity is complete (a node
 * refused for its text has none: edges see an organization named by its id); whether the file gave the kind
 * (else it was imported as organization).
 */
interface NodeInfo {
  id: string;
  kind?: EntityKind;
  name?: string;
  kindGiven: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Originals are `{ id: { title: string | string[] } }` (see gexf/profile.ts). */
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

function humanDescription(description: string | undefined): string | undefined {
  if (description === undefined) return undefined;
  const lastNewline = description.lastIndexOf("\n");
  const lastLine = description.slice(lastNewline + 1);
  const text = lastLine.startsWith(RECORD_PREFIX) ? description.slice(0, Math.max(0, lastNewline)) : description;
  return text.trim() === "" ? undefined : text.trim();
}

/** A place in the file: an element's, or one kept for an entity or relation after its element was dropped. */
export interface Place {
  line: number;
  column: number;
}

/** The Leverage Atlas export record of a file: absent, read, or damaged (saying how). */
export type RecordRead = { record?: AtlasRecord; damaged?: string };

/** The export record in the file's first `<meta>` (the last line of its `<description>`). */
export function recordOf(metaElement: XmlElement | undefined): RecordRead {
  return parseRecord(childText(metaElement, "description"));
}

/** Elements the mapping does not read, as the warning names them: a count and the first three examples. */
export interface UnreadElements {
  count: number;
  examples: readonly string[];
}

export interface GexfMapping {
  /** Refuses the file with this error (at the element when given), keeping the issues reported so far. */
  refuse(message: string, at?: Place): GexfReadResult;
  /** Refuses the file with the issues reported so far (after `header` said false). */
  refused(): GexfReadResult;
  /** The root element: warns when its namespace is not GEXF's. */
  begin(root: XmlElement): void;
  /**
   * The graph's metadata, the export record and the attribute declarations, before any node or edge.
   * False when the record is damaged (the error is reported; `refuse` ends the pass).
   */
  header(graphElement: XmlElement, metaElement: XmlElement | undefined, record: RecordRead): boolean;
  /**
   * A node and the nodes nested in it (a hierarchy, flattened: each keeps its parent as a line), in document
   * order. The edges nested in them are appended to `nestedEdges`: they are mapped after the graph's own.
   */
  nodeTree(element: XmlElement, parent: string | undefined, nestedEdges: XmlElement[]): void;
  /** One edge; every node must have been mapped. */
  edge(element: XmlElement): void;
  /** Entities finished, the dataset's metadata, the summary warnings, and the loader's check of the result. */
  finish(unread: UnreadElements, sawViz: boolean): GexfReadResult;
}

/** One pass's mapping of a file (see the module comment for the order of calls). */
export function createGexfMapping(file: string, options: GexfReadOptions): GexfMapping {
  const issues: LoadIssue[] = [];
  const warnings = new Warnings();
  /** Text the dataset forbids (controls, bidi overrides) is removed, and the removal reported. */
  const clean = (value: string, multiline: boolean): string => {
    const cleaned = cleanText(value, multiline);
    if (cleaned !== value) warnings.add("cleaned", value.slice(0, 40));
    return cleaned;
  };
  const error = (message: string, at?: Place): void => {
    issues.push({ file, pointer: "", severity: "error", message, ...locate(at) });
  };
  const warn = (message: string, at?: Place): void => {
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
  const refuse = (message: string, at?: Place): GexfReadResult => {
    error(message, at);
    return fail(false);
  };

  const begin = (root: XmlElement): void => {
    const namespace = root.namespace;
    if (!KNOWN_NAMESPACES.has(namespace)) {
      warn(
        `the root element's namespace is ${namespace === "" ? "missing" : quote(namespace)}, not an official GEXF namespace; read as GEXF anyway`,
        root,
      );
    }
  };

  // What the header says; set by `header`, before any node or edge.
  let graphName: string | undefined;
  let graphPlace: Place = { line: 1, column: 1 };
  let metaElement: XmlElement | undefined;
  let description: string | undefined;
  let record: AtlasRecord | undefined;
  let native = false;
  let fileDate: string | undefined;
  const importDay = options.today ?? todayUtc();
  let originals: NonNullable<AtlasRecord["originals"]> = {};
  const times: Times = { format: undefined };
  let defaultEdgeType = "undirected";
  const declared = { node: new Map<string, Declared>(), edge: new Map<string, Declared>() };
  const ids = new IdAllocator();
  const metaText = (name: string): string | undefined => childText(metaElement, name);

  const header = (graph: XmlElement, meta: XmlElement | undefined, read: RecordRead): boolean => {
    graphName = attribute(graph, "name");
    graphPlace = { line: graph.line, column: graph.column };
    metaElement = meta;
    description = metaText("description");
    if (read.damaged !== undefined) {
      const at = metaElement ? firstElement(metaElement, "description") : undefined;
      error(
        `the Leverage Atlas export record (the last line of <meta><description>) is damaged: ${read.damaged}; the file was cut or edited. Export it again, or delete that line to import the file as any GEXF`,
        at,
      );
      return false;
    }
    record = read.record;
    native = record !== undefined;
    const lastModified = metaElement ? attribute(metaElement, "lastmodifieddate") : undefined;
    fileDate =
      lastModified !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(lastModified.trim()) && isPartialDate(lastModified.trim())
        ? lastModified.trim()
        : undefined;
    originals = record?.originals ?? {};

    times.format = attribute(graph, "timeformat");
    if (times.format !== undefined && !["date", "dateTime", "integer", "double", "long", "float"].includes(times.format)) {
      warn(`unusual timeformat ${quote(times.format)}; times are read as dates or years where they look like one`, graph);
    }
    defaultEdgeType = attribute(graph, "defaultedgetype") ?? "undirected";

    // Attribute declarations.
    for (const group of elements(graph, "attributes")) {
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
    if (record) for (const item of record.sources) ids.reserve(item.id);
    // Sources: the record's when there is one; others are rebuilt from the edges' ids and URLs.
    for (const item of record?.sources ?? []) sources.set(item.id, item);
    for (const id of sources.keys()) recordSourceIds.add(id);
    return true;
  };

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
          warnings.add(cls === "node" ? "undeclaredNodeValue" : "undeclaredEdgeValue", key);
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

  /** Titles in lower case, computed once per title (the same few titles come with every node or edge). */
  const lowerCase = new Map<string, string>();
  const lower = (title: string): string => {
    let lowered = lowerCase.get(title);
    if (lowered === undefined) {
      lowered = title.toLowerCase();
      lowerCase.set(title, lowered);
    }
    return lowered;
  };

  /** Takes a known field out of the values (case-insensitive title); time-bound or repeated values stay for the "title: value" lines. */
  const take = (values: Map<string, AttValue[]>, title: string): string | undefined => {
    for (const [key, list] of values) {
      if (lower(key) !== title) continue;
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

  /** What edges need of each node, by the node's id in the file (one lookup per end of an edge). */
  const entityIdOf = new Map<string, NodeInfo>();
  /** The ids of complete entities (an edge's "about" may name one). */
  const entityIds = new Set<string>();
  const entities: Entity[] = [];
  /** Where each entity and relation came from, for messages about them (see `origin`). */
  const entityOrigins = new Origins();
  const textTooLong = (what: () => string, field: string, value: string, max: number, at: Place): boolean => {
    if (value.length <= max) return false;
    error(
      `${what()}: ${field} is ${value.length.toLocaleString("en")} characters, over the dataset's limit of ${max.toLocaleString("en")}; it would be cut`,
      at,
    );
    return true;
  };
  const pending: {
    entity: Entity;
    rawId: string;
    line: number;
    column: number;
    ownDescription: string | undefined;
    lines: string[];
    other: string[];
    span: { start?: string; end?: string } | undefined;
    spellLines: string[];
  }[] = [];

  const node = (element: XmlElement, parent: string | undefined): void => {
    const rawId = attribute(element, "id");
    if (rawId === undefined) {
      error("a <node> has no id", element);
      return;
    }
    if (entityIdOf.has(rawId)) {
      error(`duplicate node id ${quote(rawId)}: relations to it would be ambiguous`, element);
      return;
    }
    const id = ids.allocate(rawId, "entity");
    if (id !== rawId) warnings.add("nodeIdRewritten", `${rawId} -> ${id}`);
    const info: NodeInfo = { id, kindGiven: false };
    entityIdOf.set(rawId, info);
    const ownOriginals = own(originals.nodes, rawId);
    const values = readValues(element, "node");
    const restored = (title: string, read: string | undefined): string | undefined => {
      const original = ownOriginals?.[title];
      return typeof original === "string" ? original : read;
    };
    const what = (): string => nodeWhat(rawId);
    const lines: string[] = [];

    const label = restored("label", attribute(element, "label"));
    let name = label === undefined ? "" : clean(label, false);
    if (name.trim() === "") {
      name = clean(rawId, false);
      // A blank id names the entity after the id it got.
      if (name.trim() === "") name = id;
      warnings.add("noLabel", rawId);
    }

    const kindValue = restored("kind", take(values, "kind"));
    let kind: EntityKind = "organization";
    if (kindValue !== undefined && isEntityKind(kindValue)) {
      kind = kindValue;
      info.kindGiven = true;
    } else {
      warnings.add("entityKindMissing", rawId);
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
    append(lines, otherXmlAttributes(element, NODE_XML_ATTRIBUTES));
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

    if (textTooLong(what, "the name", entity.name, TEXT_LIMITS.name, element)) return;
    if (entity.aliases?.some((alias) => textTooLong(what, "an alias", alias, TEXT_LIMITS.name, element))) return;

    // The description is finished once the relations are known (see below).
    pending.push({
      entity,
      rawId,
      line: element.line,
      column: element.column,
      ownDescription,
      lines,
      other: keptLines(values),
      span,
      spellLines,
    });
    info.kind = kind;
    info.name = entity.name;
    entityIds.add(id);
  };

  // Nodes (hierarchies are flattened; a parent is kept as a line), from every <nodes> (GEXF allows one; more
  // are read rather than lost); edges from every <edges>, a node's own (hierarchy) included. Depth is bounded
  // by the XML reader.
  const nodeTree = (element: XmlElement, parent: string | undefined, nestedEdges: XmlElement[]): void => {
    node(element, parent ?? attribute(element, "pid"));
    for (const edges of elements(element, "edges")) for (const edge of elements(edges, "edge")) nestedEdges.push(edge);
    const id = attribute(element, "id");
    for (const nodes of elements(element, "nodes")) for (const child of elements(nodes, "node")) nodeTree(child, id, nestedEdges);
  };

  // Sources: the record's (set by `header`) when there is one; others rebuilt from the edges' ids and URLs (raw id -> id).
  const sources = new Map<string, Source>();
  const recordSourceIds = new Set<string>();
  const rebuiltSourceIdOf = new Map<string, string>();
  let placeholder: Source | undefined;
  const placeholderSource = (): Source => {
    if (placeholder) return placeholder;
    const id = ids.allocate(`import-${slugify(basename(file), ID_MAX_LENGTH - 10) || "gexf"}`, "source");
    placeholder = {
      id,
      url: options.sourceUrl ?? `${PLACEHOLDER_HOST}${encodeURIComponent(basename(file) || "gexf")}`,
      // A creator that is blank, or only characters the dataset refuses (a bidi override), names no publisher.
      publisher:
        clean(metaText("creator") ?? "", false)
          .trim()
          .slice(0, TEXT_LIMITS.name)
          .trim() || UNKNOWN_PUBLISHER,
      title: clean(`GEXF file ${file.replace(/^.*[\\/]/, "")}`, false).slice(0, TEXT_LIMITS.text),
    };
    if (fileDate) placeholder.published = fileDate;
    sources.set(id, placeholder);
    return placeholder;
  };

  // Edges.
  const relations: Relation[] = [];
  const relationOrigins = new Origins();
  let edgeIndex = 0;
  const edge = (element: XmlElement): void => {
    edgeIndex += 1;
    const rawId = attribute(element, "id");
    /** The edge's place among the edges, which names it in messages when it has no id. */
    const position = edgeIndex;
    const what = (): string => edgeWhat(rawId ?? position);
    const rawSource = attribute(element, "source");
    const rawTarget = attribute(element, "target");
    const sourceEntity = rawSource === undefined ? undefined : entityIdOf.get(rawSource);
    const targetEntity = rawTarget === undefined ? undefined : entityIdOf.get(rawTarget);
    if (sourceEntity === undefined || targetEntity === undefined) {
      const missing = [
        sourceEntity === undefined ? `source ${rawSource === undefined ? "(none)" : quote(rawSource)}` : "",
        targetEntity === undefined ? `target ${rawTarget === undefined ? "(none)" : quote(rawTarget)}` : "",
      ].filter(Boolean);
      error(`${what()} points to a node that does not exist: ${missing.join(" and ")}`, element);
      return;
    }
    const source = sourceEntity.id;
    const target = targetEntity.id;
    if (rawId === undefined) warnings.add("edgeWithoutId", `#${edgeIndex}`);
    const type = attribute(element, "type") ?? defaultEdgeType;
    if (type !== "directed") warnings.add("undirected", rawId ?? `#${edgeIndex}`);

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
    const sourceKind = sourceEntity.kind ?? "organization";
    const targetKind = targetEntity.kind ?? "organization";
    const allows = (candidate: RelationKind): boolean =>
      allowsEndpoint(candidate, "source", sourceKind) && allowsEndpoint(candidate, "target", targetKind);
    let kind: RelationKind | undefined;
    // A kind of the ontology stays, unless it only clashes with an entity kind this import made up
    // (then it is kept as a line of the claim); a clash between kinds the file gave is an error.
    const endpointsGiven = sourceEntity.kindGiven && targetEntity.kindGiven;
    if (kindValue !== undefined && isRelationKind(kindValue) && (allows(kindValue) || endpointsGiven)) {
      kind = kindValue;
      if (!allows(kind)) {
        const spec = RELATION_KINDS[kind];
        const clashes = [
          allowsEndpoint(kind, "source", sourceKind)
            ? ""
            : `cannot start at a ${sourceKind} (${quote(rawSource ?? "")}); allowed source kinds: ${spec.source.join(", ")}`,
          allowsEndpoint(kind, "target", targetKind)
            ? ""
            : `cannot end at a ${targetKind} (${quote(rawTarget ?? "")}); allowed target kinds: ${spec.target.join(", ")}`,
        ].filter(Boolean);
        error(`${what()}: a ${quote(kind)} relation ${clashes.join("; and it ")}`, element);
        return;
      }
    } else {
      kind = FALLBACK_RELATION_KINDS.find(allows);
      if (kind === undefined) {
        error(`${what()}: no relation kind allows a ${sourceKind} to point to a ${targetKind}; give the edge a "kind" attribute`, element);
        return;
      }
      warnings.add(
        kindValue !== undefined && isRelationKind(kindValue) ? "relationKindClash" : "relationKindMissing",
        rawId ?? `#${edgeIndex}`,
      );
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
    append(lines, otherXmlAttributes(element, EDGE_XML_ATTRIBUTES));

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
        warnings.add("sourceRebuilt", id === sourceId ? sourceId : `${sourceId} -> ${id}`);
      } else if (id !== undefined && url !== "" && url !== sources.get(id)?.url) lines.push(`source_url: ${url}`);
      if (id === undefined) {
        const kept = [sourceId, url, locator].filter((part) => part.trim() !== "");
        if (kept.length > 0) {
          warnings.add("sourceMissing", sourceId || url);
          lines.push(`source: ${kept.join(", ")}`);
        }
        continue;
      }
      if (textTooLong(what, "a locator", locator, TEXT_LIMITS.text, element)) continue;
      evidence.push(locator.trim() === "" ? { source: id } : { source: id, locator });
    }
    if (evidence.length === 0) {
      evidence.push({ source: placeholderSource().id });
      warnings.add("noEvidence", rawId ?? `#${edgeIndex}`);
    }

    const confidenceValue = restored("confidence", take(values, "confidence"));
    let confidence: Confidence = "alleged";
    if (confidenceValue !== undefined && (CONFIDENCES as readonly string[]).includes(confidenceValue))
      confidence = confidenceValue as Confidence;
    else {
      warnings.add("noConfidence", rawId ?? `#${edgeIndex}`);
      if (confidenceValue !== undefined && confidenceValue.trim() !== "") lines.push(`confidence: ${confidenceValue}`);
    }

    const aboutValue = restored("about", take(values, "about"));
    let about: string | undefined;
    if (aboutValue !== undefined) {
      const mapped = entityIdOf.get(aboutValue)?.id ?? (entityIds.has(aboutValue) ? aboutValue : undefined);
      if (mapped !== undefined && FAMILIES_WITH_ABOUT.includes(family)) about = mapped;
      else if (native && mapped === undefined) warnings.add("aboutLeftOut", rawId ?? `#${edgeIndex}`);
      else lines.push(`about: ${aboutValue}`);
    }

    const claimValue = restored("claim", take(values, "claim"));
    append(lines, keptLines(values));
    if (lines.length > 0) warnings.add("edgeKept", rawId ?? `#${edgeIndex}`);
    const generated =
      claimValue === undefined || claimValue.trim() === ""
        ? `Imported from ${file.replace(/^.*[\\/]/, "")} (edge ${rawId ?? `#${edgeIndex}`}): ${sourceEntity.name ?? source} to ${targetEntity.name ?? target}.`
        : claimValue;
    if (claimValue === undefined || claimValue.trim() === "") warnings.add("noClaim", rawId ?? `#${edgeIndex}`);

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
        warnings.add("noStart", rawId ?? `#${edgeIndex}`);
      }
      if (end !== null && isPartialDate(start) && isPartialDate(end) && endsBeforeStart(start, end)) {
        error(`${what()}: ends (${end}) before it starts (${start})`, element);
        return;
      }
      const wantedId = rawId === undefined ? `edge-${edgeIndex}` : index === 0 ? rawId : `${rawId}-${index + 1}`;
      const id = ids.allocate(wantedId, "edge");
      if (rawId !== undefined && id !== wantedId) warnings.add("edgeIdRewritten", `${wantedId} -> ${id}`);
      if (index > 0) warnings.add("spells", rawId ?? `#${edgeIndex}`);
      const claimText = clean(
        [generated, spanLines.length > 0 ? spanLines.join("\n") : undefined].filter((part) => part !== undefined).join("\n\n"),
        true,
      );
      if (textTooLong(what, "the claim (with the attributes kept in it)", claimText, TEXT_LIMITS.claim, element)) return;
      const relation: Relation = { id, kind, source, target, start, end, claim: claimText, evidence, confidence };
      if (about !== undefined) relation.about = about;
      relations.push(relation);
      relationOrigins.push(rawId ?? position, element.line, element.column);
    });
  };

  const finish = (unread: UnreadElements, sawViz: boolean): GexfReadResult => {
    warnings.set("unreadElement", unread.count, unread.examples);
    // Entities: a node's time span is kept as a line unless it is exactly the span of its relations
    // (as Leverage Atlas writes it in dynamic files), which says nothing new.
    const hulls = entityActiveSpans(relations);
    for (const { entity, rawId, line, column, ownDescription, lines, other, span, spellLines } of pending) {
      if (!native && span) {
        const hull = hulls.get(entity.id);
        const start = span.start === undefined ? undefined : timeAsDate(span.start, times);
        const end = span.end === undefined ? undefined : timeAsDate(span.end, times);
        const derived = hull !== undefined && start === hull.start && (end ?? null) === hull.end && spellLines.length === 0;
        if (!derived) lines.push(`present: from ${span.start ?? "the start"} to ${span.end ?? "the end"}`);
      }
      if (!native) append(lines, spellLines);
      append(lines, other);
      if (lines.length > 0) warnings.add("nodeKept", rawId);
      const fullDescription = [ownDescription, lines.length > 0 ? lines.join("\n") : undefined]
        .filter((part) => part !== undefined && part.trim() !== "")
        .join("\n\n");
      if (fullDescription !== "") entity.description = clean(fullDescription, true);
      if (
        entity.description !== undefined &&
        textTooLong(() => nodeWhat(rawId), "the description (with the attributes kept in it)", entity.description, TEXT_LIMITS.text, {
          line,
          column,
        })
      )
        continue;
      entities.push(entity);
      entityOrigins.push(rawId, line, column);
    }

    // Dataset metadata.
    let meta: DatasetMeta;
    if (record) meta = record.dataset;
    else {
      const title = metaText("title")?.trim();
      const name = clean(options.name ?? (graphName?.trim() || title || basename(file) || "Imported GEXF"), false);
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
      textTooLong(() => "the dataset", "the name", meta.name, TEXT_LIMITS.name, graphPlace);
      if (meta.description !== undefined)
        textTooLong(
          () => "the dataset",
          "the description (with the title, keywords and creator kept in it)",
          meta.description,
          TEXT_LIMITS.claim,
          metaElement ?? graphPlace,
        );
    }

    if (sawViz) warnings.set("viz", 1, []);
    for (const message of warnings.messages(native, { placeholder, placeholderHost: PLACEHOLDER_HOST, fileDate, importDay })) warn(message);

    if (errorCount(issues) > 0) return fail(native);

    // The safety net: the dataset must pass the loader itself (zero errors), or the import fails.
    const dataset: Dataset = { meta, entities, relations, sources: [...sources.values()] };
    const check = parseDataset([{ file, json: { dataset: meta, entities, relations, sources: dataset.sources } }]);
    // Its errors (the mapping above means to leave none, but a Leverage Atlas record is taken as written) are
    // located at the node or edge the value came from, else at the record in <meta><description>.
    const origin = (pointer: string): { what: string; at: Place | undefined } => {
      const [collection, index] = pointer.split("/").slice(1);
      const entity = collection === "entities" ? entityOrigins.at(Number(index)) : undefined;
      if (entity) return { what: nodeWhat(String(entity.item)), at: entity };
      const relation = collection === "relations" ? relationOrigins.at(Number(index)) : undefined;
      if (relation) return { what: edgeWhat(relation.item), at: relation };
      const recordElement = metaElement && firstElement(metaElement, "description");
      return native && recordElement ? { what: "the export record", at: recordElement } : { what: "the dataset", at: graphPlace };
    };
    for (const issue of check.issues) {
      if (issue.severity !== "error") continue;
      const { what, at } = origin(issue.pointer);
      issues.push({
        file,
        pointer: "",
        severity: "error",
        message: `${what}: ${issue.message} (${issue.pointer} of the converted dataset)`,
        ...locate(at),
      });
    }
    if (!check.ok) return fail(native);
    return { ok: true, dataset: check.dataset, issues, native };
  };

  return { refuse, refused: () => fail(false), begin, header, nodeTree, edge, finish };
}

/**
 * The file's header: the root's namespace, the graph's attributes, `<meta>` with the Leverage Atlas export
 * record, and the attribute declarations; read before any node or edge. At the end, the dataset's metadata
 * comes from them too.
 */
import type { XmlElement } from "../../xml/tree.ts";
import { isPartialDate } from "../../../model/dates.ts";
import { TEXT_LIMITS, type DatasetMeta } from "../../../model/schema.ts";
import { quote } from "../../../model/text.ts";
import { RECORD_FORMAT, RECORD_PREFIX, RECORD_VERSION, type AtlasRecord, type Originals } from "../profile.ts";
import { adoptRecordSources } from "./sources.ts";
import type { Declared, MappingState } from "./state.ts";
import { basename } from "./text.ts";
import { attribute, childText, elements, firstElement } from "./xml.ts";

const KNOWN_NAMESPACES = new Set(["http://gexf.net/1.3", "http://www.gexf.net/1.2draft", "http://www.gexf.net/1.1draft"]);
const KNOWN_TIME_FORMATS = ["date", "dateTime", "integer", "double", "long", "float"];

/** The Leverage Atlas export record of a file: absent, read, or damaged (saying how). */
export type RecordRead = { record?: AtlasRecord; damaged?: string };

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
function parseRecord(description: string | undefined): RecordRead {
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

/** The export record in the file's first `<meta>` (the last line of its `<description>`). */
export function recordOf(metaElement: XmlElement | undefined): RecordRead {
  return parseRecord(childText(metaElement, "description"));
}

/** The description written for people: without the export record's line. */
function humanDescription(description: string | undefined): string | undefined {
  if (description === undefined) return undefined;
  const lastNewline = description.lastIndexOf("\n");
  const lastLine = description.slice(lastNewline + 1);
  const text = lastLine.startsWith(RECORD_PREFIX) ? description.slice(0, Math.max(0, lastNewline)) : description;
  return text.trim() === "" ? undefined : text.trim();
}

/** The root element: warns when its namespace is not GEXF's. */
export function readRoot(state: MappingState, root: XmlElement): void {
  const namespace = root.namespace;
  if (!KNOWN_NAMESPACES.has(namespace)) {
    state.warn(
      `the root element's namespace is ${namespace === "" ? "missing" : quote(namespace)}, not an official GEXF namespace; read as GEXF anyway`,
      root,
    );
  }
}

/**
 * The graph's metadata, the export record and the attribute declarations, before any node or edge.
 * False when the record is damaged (the error is reported; the file is refused).
 */
export function readHeader(state: MappingState, graph: XmlElement, meta: XmlElement | undefined, read: RecordRead): boolean {
  state.graphName = attribute(graph, "name");
  state.graphPlace = { line: graph.line, column: graph.column };
  state.metaElement = meta;
  state.description = state.metaText("description");
  if (read.damaged !== undefined) {
    const at = meta ? firstElement(meta, "description") : undefined;
    state.error(
      `the Leverage Atlas export record (the last line of <meta><description>) is damaged: ${read.damaged}; the file was cut or edited. Export it again, or delete that line to import the file as any GEXF`,
      at,
    );
    return false;
  }
  const record = read.record;
  state.record = record;
  state.native = record !== undefined;
  const lastModified = meta ? attribute(meta, "lastmodifieddate")?.trim() : undefined;
  state.fileDate =
    lastModified !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(lastModified) && isPartialDate(lastModified) ? lastModified : undefined;
  state.originals = record?.originals ?? {};

  state.timeFormat = attribute(graph, "timeformat");
  if (state.timeFormat !== undefined && !KNOWN_TIME_FORMATS.includes(state.timeFormat)) {
    state.warn(`unusual timeformat ${quote(state.timeFormat)}; times are read as dates or years where they look like one`, graph);
  }
  state.defaultEdgeType = attribute(graph, "defaultedgetype") ?? "undirected";
  readDeclarations(state, graph);
  if (record) adoptRecordSources(state, record);
  return true;
}

/** The `<attributes>` blocks: each attribute's title, type and default, by id, for nodes and for edges. */
function readDeclarations(state: MappingState, graph: XmlElement): void {
  for (const group of elements(graph, "attributes")) {
    const cls = attribute(group, "class");
    if (cls !== "node" && cls !== "edge") {
      state.warn(`<attributes class=${quote(cls ?? "")}> is neither node nor edge; ignored`, group);
      continue;
    }
    for (const declaration of elements(group, "attribute")) {
      const id = attribute(declaration, "id") ?? attribute(declaration, "title");
      if (id === undefined) continue;
      const entry: Declared = { title: attribute(declaration, "title") ?? id, type: attribute(declaration, "type") ?? "string" };
      const fallback = firstElement(declaration, "default")?.text;
      if (fallback !== undefined) entry.default = fallback;
      state.declared[cls].set(id, entry);
    }
  }
}

/**
 * The dataset's metadata: the record's in an export; else named after the graph, the title or the file, with
 * the title (when it did not become the name), description, keywords and creator kept in the description.
 */
export function datasetMeta(state: MappingState): DatasetMeta {
  if (state.record) return state.record.dataset;
  const { options, file } = state;
  const title = state.metaText("title")?.trim();
  const name = state.clean(options.name ?? (state.graphName?.trim() || title || basename(file) || `Imported ${state.formatName}`), false);
  const meta: DatasetMeta = { name: name.trim() === "" ? `Imported ${state.formatName}` : name };
  const keywords = state.metaText("keywords");
  const creator = state.metaText("creator");
  const parts = [
    title !== undefined && title !== meta.name ? `Title: ${title}` : undefined,
    humanDescription(state.description),
    keywords && `Keywords: ${keywords.trim()}`,
    creator && `Creator: ${creator.trim()}`,
  ];
  const text = state.clean(parts.filter((part): part is string => typeof part === "string" && part.trim() !== "").join("\n\n"), true);
  if (text !== "") meta.description = text;
  state.textTooLong(() => "the dataset", "the name", meta.name, TEXT_LIMITS.name, state.graphPlace);
  if (meta.description !== undefined)
    state.textTooLong(
      () => "the dataset",
      "the description (with the title, keywords and creator kept in it)",
      meta.description,
      TEXT_LIMITS.claim,
      state.metaElement ?? state.graphPlace,
    );
  return meta;
}

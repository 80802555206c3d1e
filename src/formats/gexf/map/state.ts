/**
 * The state of one pass of the GEXF mapping over one file: what the header said, the ids given so far, the
 * entities, relations and sources made, where each came from, the issues and the warnings counted. The
 * mapping's steps (header.ts, nodes.ts, edges.ts, sources.ts, check.ts) read and fill it in the order of the
 * file; it keeps no element, only places (line and column), so the reader can drop each node and edge once
 * it is mapped.
 */
import type { XmlElement } from "../../xml/tree.ts";
import type { LoadIssue } from "../../../load/issues.ts";
import { today } from "../../../model/dates.ts";
import type { EntityKind } from "../../../model/ontology.ts";
import type { Dataset, Entity, Relation, Source } from "../../../model/schema.ts";
import type { AtlasRecord } from "../profile.ts";
import { IdAllocator, Origins } from "./ids.ts";
import { cleanText, plural } from "./text.ts";
import { Warnings } from "./warnings.ts";
import { childText } from "./xml.ts";

export interface GexfReadOptions {
  /** The file's name, used in messages and for the source standing for the file. */
  file?: string;
  /** Where the file came from: the URL cited by relations the file gives no source for. */
  sourceUrl?: string;
  /** Dataset name when the file has none (default: the file name). */
  name?: string;
  /** The import day (YYYY-MM-DD) for relations without dates in files without a lastmodifieddate; today by default. */
  today?: string;
  /** The format's name in what the mapping makes up (the source standing for the file, a dataset name): GEXF unless another reader maps through it (GraphML). */
  formatName?: string;
}

export type GexfReadResult =
  | { ok: true; dataset: Dataset; issues: LoadIssue[]; native: boolean }
  | { ok: false; dataset?: undefined; issues: LoadIssue[]; native: boolean };

/** A place in the file: an element's, or one kept for an entity or relation after its element was dropped. */
export interface Place {
  line: number;
  column: number;
}

/** An attribute declared in `<attributes>`: its title, type and default value. */
export interface Declared {
  title: string;
  type: string;
  default?: string;
}

/**
 * What edges need to know of a node: its entity's id; its kind and name once the entity is complete (a node
 * refused for its text has none: edges see an organization named by its id); whether the file gave the kind
 * (else it was imported as organization).
 */
export interface NodeInfo {
  id: string;
  kind?: EntityKind;
  name?: string;
  kindGiven: boolean;
}

/** An entity whose description waits for the relations (a node's time span is kept only when they do not imply it). */
export interface PendingEntity {
  entity: Entity;
  rawId: string;
  line: number;
  column: number;
  ownDescription: string | undefined;
  lines: string[];
  other: string[];
  span: { start?: string; end?: string } | undefined;
  spellLines: string[];
}

/** More errors than this are counted in one last error rather than listed. */
const MAX_LISTED_ERRORS = 50;

export function locate(place: Place | undefined): { line?: number; column?: number } {
  return place ? { line: place.line, column: place.column } : {};
}

export class MappingState {
  readonly issues: LoadIssue[] = [];
  readonly warnings = new Warnings();
  /** Ids of entities, relations and sources alike. */
  readonly ids = new IdAllocator();
  readonly importDay: string;
  /** "GEXF", or the format of a reader that maps through this mapping. */
  readonly formatName: string;

  // What the header says (header.ts), before any node or edge.
  graphName: string | undefined;
  graphPlace: Place = { line: 1, column: 1 };
  metaElement: XmlElement | undefined;
  description: string | undefined;
  record: AtlasRecord | undefined;
  /** The file is a Leverage Atlas export (it has a record). */
  native = false;
  /** The file's lastmodifieddate, when it is a day. */
  fileDate: string | undefined;
  originals: NonNullable<AtlasRecord["originals"]> = {};
  timeFormat: string | undefined;
  defaultEdgeType = "undirected";
  readonly declared = { node: new Map<string, Declared>(), edge: new Map<string, Declared>() };
  /** Attribute titles in lower case, computed once per title (the same few titles come with every node or edge). */
  readonly lowerCaseTitles = new Map<string, string>();

  // Nodes (nodes.ts).
  /** What edges need of each node, by the node's id in the file (one lookup per end of an edge). */
  readonly nodes = new Map<string, NodeInfo>();
  /** The ids of complete entities (an edge's "about" may name one). */
  readonly entityIds = new Set<string>();
  readonly pendingEntities: PendingEntity[] = [];
  readonly entities: Entity[] = [];
  readonly entityOrigins = new Origins();

  // Sources (sources.ts): the record's when there is one; others rebuilt from the edges' ids and URLs (raw id -> id).
  readonly sources = new Map<string, Source>();
  readonly recordSourceIds = new Set<string>();
  readonly rebuiltSourceIdOf = new Map<string, string>();
  /** The source standing for the file, cited by relations that cite nothing; made when first needed. */
  placeholder: Source | undefined;

  // Edges (edges.ts).
  readonly relations: Relation[] = [];
  readonly relationOrigins = new Origins();
  /** Edges seen so far: an edge without id is named by its position. */
  edgeCount = 0;

  constructor(
    readonly file: string,
    readonly options: GexfReadOptions,
  ) {
    this.importDay = options.today ?? today();
    this.formatName = options.formatName ?? "GEXF";
  }

  error(message: string, at?: Place): void {
    this.issues.push({ file: this.file, pointer: "", severity: "error", message, ...locate(at) });
  }

  warn(message: string, at?: Place): void {
    this.issues.push({ file: this.file, pointer: "", severity: "warning", message, ...locate(at) });
  }

  /** Text the dataset forbids (controls, bidi overrides) is removed, and the removal counted. */
  clean(value: string, multiline: boolean): string {
    const cleaned = cleanText(value, multiline);
    if (cleaned !== value) this.warnings.add("cleaned", value.slice(0, 40));
    return cleaned;
  }

  /** Reports text over a limit of the dataset (it would be cut) as an error; true when it is over. */
  textTooLong(what: () => string, field: string, value: string, max: number, at: Place): boolean {
    if (value.length <= max) return false;
    this.error(
      `${what()}: ${field} is ${value.length.toLocaleString("en")} characters, over the dataset's limit of ${max.toLocaleString("en")}; it would be cut`,
      at,
    );
    return true;
  }

  /** The text of the first `<meta>` child of that name, unless blank. */
  metaText(name: string): string | undefined {
    return childText(this.metaElement, name);
  }

  /** The file refused with the issues so far, the errors past the first 50 counted in one. */
  fail(native: boolean): GexfReadResult {
    const { issues, file } = this;
    const errors = issues.filter((issue) => issue.severity === "error");
    if (errors.length > MAX_LISTED_ERRORS) {
      const kept = new Set(errors.slice(0, MAX_LISTED_ERRORS));
      const dropped = errors.length - MAX_LISTED_ERRORS;
      const trimmed = issues.filter((issue) => issue.severity !== "error" || kept.has(issue));
      trimmed.push({ file, pointer: "", severity: "error", message: `... and ${plural(dropped, "more error")}` });
      return { ok: false, issues: trimmed, native };
    }
    return { ok: false, issues, native };
  }
}

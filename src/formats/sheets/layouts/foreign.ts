/**
 * The layouts researchers already have, read leniently where the meaning is clear, with a warning for each
 * mapping (and one per table naming which column became which field):
 *
 * - Kumu: an Elements table (Label, Type, Description, Tags, ...; an ID column when present) and a
 *   Connections table (From, To, Type, Direction, Label, ...), From and To naming elements by label (or ID);
 * - Gephi's Data Laboratory: a nodes table (Id, Label, ...) and an edges table (Source, Target, Type =
 *   directed or undirected, Id, Label, Weight, Interval or Timeset, ...);
 * - an edge list: one table of source, target and kind, the entities named in it implied.
 *
 * Rules: element or node -> entity (the id when it fits the dataset's id format, else a slug, made unique;
 * the label as name; Type, kind or category as the entity kind: the ontology's by name, else the user's
 * mapping, else an error listing the kinds left; none -> organization). Connection or edge -> relation (the
 * kind by name, the user's mapping, or the neutral related_to with the file's kind kept; undirected ties run as
 * written; dates from start/end columns, Gephi intervals (one relation each) or timestamps; a link in a
 * sources column becomes a source; a relation citing nothing cites one source standing for the file and is
 * "alleged"). Ends naming no element become organizations named as written. Every other column is kept as
 * "header: value" lines of the description or claim; colours, sizes and positions are dropped.
 */
import { usableUrl } from "../../gexf/map/text.ts";
import { endsBeforeStart, isPartialDate } from "../../../model/dates.ts";
import {
  CONFIDENCES,
  NEUTRAL_RELATION_KIND,
  allowsEndpoint,
  type Confidence,
  type EntityKind,
  type RelationKind,
} from "../../../model/ontology.ts";
import { countryName, type Entity, type Evidence, type Relation } from "../../../model/schema.ts";
import { listWords, quote, slugify } from "../../../model/text.ts";
import type { ItemOrigin, SheetMapping } from "../mapping.ts";
import type { SheetTable } from "../table.ts";

export type ForeignLayout = "kumu" | "gephi" | "edges";

/** A header as compared: case, spaces, underscores and hyphens aside ("Start_Date" -> "start date"). */
function normalHeader(header: string): string {
  return header
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
}

type NodeRole = "key" | "name" | "kind" | "description" | "aliases" | "country" | "url";
type EdgeRole =
  | "source"
  | "target"
  | "sourceKind"
  | "targetKind"
  | "kind"
  | "id"
  | "direction"
  | "claim"
  | "start"
  | "end"
  | "interval"
  | "timeset"
  | "evidence"
  | "confidence";

/** Headers each role is read from, by layout; the first header present wins. */
const NODE_HEADERS: Record<ForeignLayout, Record<NodeRole, readonly string[]>> = {
  kumu: {
    key: ["id"],
    name: ["label", "name"],
    kind: ["type", "kind", "element type"],
    description: ["description"],
    aliases: ["aliases", "alias"],
    country: ["country"],
    url: ["url", "website"],
  },
  gephi: {
    key: ["id"],
    name: ["label", "name"],
    kind: ["kind", "type", "category"],
    description: ["description"],
    aliases: ["aliases", "alias"],
    country: ["country"],
    url: ["url", "website"],
  },
  edges: { key: [], name: [], kind: [], description: [], aliases: [], country: [], url: [] },
};

const DATES = {
  start: ["start", "start date", "from date", "begin", "since", "date", "year"],
  end: ["end", "end date", "to date", "until"],
} as const;
const EVIDENCE = ["source url", "source urls", "sources", "evidence", "url", "urls", "reference", "references", "link", "citation"];

const EDGE_HEADERS: Record<ForeignLayout, Record<EdgeRole, readonly string[]>> = {
  kumu: {
    source: ["from"],
    target: ["to"],
    sourceKind: [],
    targetKind: [],
    kind: ["type", "kind", "connection type"],
    id: ["id"],
    direction: ["direction"],
    claim: ["description", "claim"],
    ...DATES,
    interval: [],
    timeset: [],
    evidence: ["source", ...EVIDENCE],
    confidence: ["confidence"],
  },
  gephi: {
    source: ["source"],
    target: ["target"],
    sourceKind: [],
    targetKind: [],
    kind: ["kind", "relation", "relationship", "label"],
    id: ["id"],
    direction: ["type"],
    claim: ["claim", "description"],
    ...DATES,
    interval: ["interval", "time interval", "timeinterval"],
    timeset: ["timeset", "time set", "timestamps", "timestamp"],
    evidence: EVIDENCE,
    confidence: ["confidence"],
  },
  edges: {
    source: ["source", "from", "subject"],
    target: ["target", "to", "object"],
    sourceKind: ["source kind", "source type", "from kind", "from type", "subject type"],
    targetKind: ["target kind", "target type", "to kind", "to type", "object type"],
    kind: ["kind", "type", "relation", "relationship", "label", "predicate"],
    id: ["id"],
    direction: ["direction"],
    claim: ["claim", "description"],
    ...DATES,
    interval: [],
    timeset: [],
    evidence: EVIDENCE,
    confidence: ["confidence"],
  },
};

/** Columns of looks, not data (Gephi's node and edge colours, sizes and positions). */
const VIZ_HEADERS = new Set(["x", "y", "z", "size", "color", "colour", "r", "g", "b", "shape", "thickness"]);

/** Which column each role is read from, and the other columns (kept as lines, or dropped for looks). */
interface Columns<R extends string> {
  roles: Partial<Record<R, number>>;
  kept: number[];
}

function assignColumns<R extends string>(state: SheetMapping, table: SheetTable, wanted: Record<R, readonly string[]>): Columns<R> {
  const normal = table.header.map(normalHeader);
  const roles: Partial<Record<R, number>> = {};
  const taken = new Set<number>();
  for (const role of Object.keys(wanted) as R[]) {
    for (const header of wanted[role]) {
      const index = normal.findIndex((candidate, at) => candidate === header && !taken.has(at));
      if (index >= 0) {
        roles[role] = index;
        taken.add(index);
        break;
      }
    }
  }
  const kept: number[] = [];
  normal.forEach((header, index) => {
    if (taken.has(index)) return;
    const hasValues = table.rows.some((row) => (row.cells[index] ?? "").trim() !== "");
    if (header === "") {
      if (hasValues) state.warnings.add("headerless", `${table.sheet ?? table.file} column ${index + 1}`, table.file);
      return;
    }
    const repeated = normal.indexOf(header) !== index;
    if (repeated) {
      state.error(
        { table, row: table.headerRow },
        `the column ${quote(table.header[index] ?? "")} is there twice; rename one (their values would be mixed up)`,
      );
      return;
    }
    if (VIZ_HEADERS.has(header)) {
      if (hasValues) state.warnings.add("vizColumns", table.header[index] ?? "", table.file);
      return;
    }
    if (hasValues) kept.push(index);
  });
  return { roles, kept };
}

/** "Label -> name, Type -> kind; Tags, Image kept as lines of the description": the mapping of one table, said once. */
function sayMapping<R extends string>(
  state: SheetMapping,
  table: SheetTable,
  what: string,
  columns: Columns<R>,
  fields: Record<R, string>,
  keptIn: string,
): void {
  const mapped = (Object.entries(columns.roles) as [R, number][])
    .sort((a, b) => a[1] - b[1])
    .map(([role, index]) => `${table.header[index] ?? ""} -> ${fields[role]}`);
  const kept = columns.kept.map((index) => table.header[index] ?? "");
  const text = `${table.sheet ?? table.file.replace(/^.*[\\/]/, "")} read as ${what}: ${mapped.join(", ") || "no column mapped"}${kept.length > 0 ? `; ${listWords(kept, "and")} kept as lines of the ${keptIn}` : ""}`;
  state.issues.push({ file: table.file, pointer: "", severity: "warning", message: text });
  if (kept.length > 0) for (const header of kept) state.warnings.add("keptColumns", header, table.file);
}

const NODE_FIELDS: Record<NodeRole, string> = {
  key: "id (and what connections name)",
  name: "name",
  kind: "kind",
  description: "description",
  aliases: "aliases",
  country: "country",
  url: "url",
};
const EDGE_FIELDS: Record<EdgeRole, string> = {
  source: "source",
  target: "target",
  sourceKind: "the source's kind",
  targetKind: "the target's kind",
  kind: "kind",
  id: "id",
  direction: "direction (read as written)",
  claim: "claim",
  start: "start",
  end: "end",
  interval: "start and end (one relation per interval)",
  timeset: "start and end (one relation per time)",
  evidence: "evidence (links become sources)",
  confidence: "confidence",
};

const cell = (cells: readonly string[], index: number | undefined): string => (index === undefined ? "" : (cells[index] ?? ""));

/** "Header: value" lines of the kept columns that have a value in this row. */
function keptLines(table: SheetTable, kept: readonly number[], cells: readonly string[]): string[] {
  return kept.flatMap((index) => {
    const value = (cells[index] ?? "").trim();
    return value === "" ? [] : [`${(table.header[index] ?? "").trim()}: ${value}`];
  });
}

/** What edges need of each entity: its id, kind and name; by the key the file names it with. */
interface Known {
  id: string;
  kind: EntityKind;
  name: string;
  /** The file gave the kind (else the import made it organization, and a relation kind it clashes with yields). */
  kindGiven: boolean;
}

class Entities {
  readonly byKey = new Map<string, Known>();
  /** The same keys trimmed and in lower case, for ends written slightly differently. */
  readonly byLooseKey = new Map<string, Known>();

  add(key: string, known: Known): void {
    this.byKey.set(key, known);
    const loose = key.trim().toLowerCase();
    if (!this.byLooseKey.has(loose)) this.byLooseKey.set(loose, known);
  }

  find(key: string): Known | undefined {
    return this.byKey.get(key) ?? this.byLooseKey.get(key.trim().toLowerCase());
  }
}

function mapNodes(state: SheetMapping, table: SheetTable, layout: ForeignLayout, entities: Entities): void {
  const columns = assignColumns(state, table, NODE_HEADERS[layout]);
  const { roles, kept } = columns;
  sayMapping(state, table, layout === "kumu" ? "Kumu elements" : "Gephi nodes", columns, NODE_FIELDS, "description");
  const keyColumn = roles.key ?? roles.name;
  if (keyColumn === undefined) {
    state.error({ table, row: table.headerRow }, `the table has no ${layout === "kumu" ? '"Label"' : '"Id"'} column, which names each row`);
    return;
  }
  const file = table.file;
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const key = cell(cells, keyColumn);
    const keyHeader = table.header[keyColumn] ?? "";
    if (key.trim() === "") {
      state.error({ table, row, column: keyHeader }, "missing required value: each row needs one, which connections name it by");
      continue;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      state.error(
        { table, row, column: keyHeader },
        `${quote(key)} names another row too (row ${earlier}): connections to it would be ambiguous`,
      );
      continue;
    }
    seen.set(key, row);
    const id = state.ids.allocate(key.trim(), "entity");
    if (id !== key) state.warnings.add("idRewritten", `${quote(key)} -> ${id}`, file);
    const rawName = cell(cells, roles.name).trim();
    if (rawName === "") state.warnings.addValue("noLabel", key, file);
    const name = state.clean(rawName || key.trim(), false, file);
    const rawKind = cell(cells, roles.kind);
    let kind: EntityKind = "organization";
    const kindGiven = rawKind.trim() !== "";
    if (!kindGiven) state.warnings.addValue("entityKindMissing", key, file);
    else {
      const resolved = state.entityKind(rawKind);
      if (resolved.kind !== undefined) {
        kind = resolved.kind;
        if (resolved.mapped) state.warnings.add("entityKindMapped", `${quote(rawKind.trim())} -> ${kind}`, file);
      }
    }
    const lines = keptLines(table, kept, cells);
    const entity: Entity = { id, kind, name };
    const aliases = cell(cells, roles.aliases)
      .split(/\s*[|;]\s*/)
      .map((alias) => state.clean(alias.trim(), false, file))
      .filter((alias) => alias !== "");
    if (aliases.length > 0) entity.aliases = aliases;
    const country = cell(cells, roles.country).trim();
    if (country !== "") {
      if (countryName(country.toUpperCase()) !== undefined) entity.country = country.toUpperCase();
      else lines.push(`${table.header[roles.country as number] ?? "country"}: ${country}`);
    }
    const url = cell(cells, roles.url).trim();
    if (url !== "") {
      if (usableUrl(url)) entity.url = url;
      else lines.push(`${table.header[roles.url as number] ?? "url"}: ${url}`);
    }
    const description = [cell(cells, roles.description).trim(), ...lines].filter((part) => part !== "").join("\n");
    if (description !== "") entity.description = state.clean(description, true, file);
    const fieldColumns: Record<string, string> = {};
    for (const [role, field] of [
      ["key", "id"],
      ["name", "name"],
      ["kind", "kind"],
      ["aliases", "aliases"],
      ["country", "country"],
      ["url", "url"],
      ["description", "description"],
    ] as const)
      if (roles[role] !== undefined) fieldColumns[field] = table.header[roles[role]] ?? "";
    if (roles.key === undefined) fieldColumns.id = keyHeader;
    state.addEntity(entity, { table, row, columns: fieldColumns });
    entities.add(key, { id, kind, name, kindGiven });
  }
}

/** A time span read from the file, as written. */
interface Span {
  start?: string;
  end?: string;
}

/** A date as the dataset writes it: YYYY, YYYY-MM or YYYY-MM-DD (a time of day dropped, Gephi's 2019.0 a year); undefined otherwise. */
function asDate(value: string): string | undefined {
  const text = value.trim();
  const day = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(text);
  if (day && isPartialDate(day[1] as string)) return day[1];
  if (isPartialDate(text)) return text;
  const year = /^(\d{4})(?:\.0+)?$/.exec(text);
  return year ? year[1] : undefined;
}

/** Gephi's intervals "<[2019.0, 2020.0]; [2021, inf]>" or times "<[2019, 2021]>": the bounds, as written. */
function gephiTimes(value: string): string[][] {
  const inner = value.trim().replace(/^<|>$/g, "");
  const groups = inner.match(/\[[^\]]*\]/g) ?? [];
  return groups.map((group) =>
    group
      .slice(1, -1)
      .split(",")
      .map((part) => part.trim()),
  );
}

function spansOf(interval: string, timeset: string): Span[] {
  if (interval.trim() !== "")
    return gephiTimes(interval).map(([start, end]) => ({
      ...(start === undefined || start === "" || /^-?inf/i.test(start) ? {} : { start }),
      ...(end === undefined || end === "" || /^\+?inf/i.test(end) ? {} : { end }),
    }));
  if (timeset.trim() !== "")
    return gephiTimes(timeset).flatMap((times) => times.filter((time) => time !== "").map((time) => ({ start: time, end: time })));
  return [];
}

function mapEdges(state: SheetMapping, table: SheetTable, layout: ForeignLayout, entities: Entities): void {
  const columns = assignColumns(state, table, EDGE_HEADERS[layout]);
  const { roles, kept } = columns;
  sayMapping(
    state,
    table,
    layout === "kumu" ? "Kumu connections" : layout === "gephi" ? "Gephi edges" : "an edge list",
    columns,
    EDGE_FIELDS,
    "claim",
  );
  const header = (role: EdgeRole): string | undefined => (roles[role] === undefined ? undefined : table.header[roles[role]]);
  for (const role of ["source", "target"] as const)
    if (roles[role] === undefined) {
      state.error(
        { table, row: table.headerRow },
        `the table has no ${quote(EDGE_HEADERS[layout][role][0] ?? role)} column, which names each relation's ${role}`,
      );
      return;
    }
  const file = table.file;
  const fileName = file.replace(/^.*[\\/]/, "");
  const rebuilt = new Map<string, string>();
  for (const { row, cells } of table.rows) {
    const example = table.sheet ? `${table.sheet}:${row}` : `${fileName}:${row}`;
    const ends: Known[] = [];
    for (const role of ["source", "target"] as const) {
      const key = cell(cells, roles[role]);
      if (key.trim() === "") {
        state.error({ table, row, column: header(role) }, "missing required value");
        continue;
      }
      let known = entities.find(key);
      if (!known) {
        // An end no table lists: an entity named as written, of the kind an edge list's kind column gives, else organization.
        const kindRole = role === "source" ? "sourceKind" : "targetKind";
        const rawKind = cell(cells, roles[kindRole]).trim();
        const resolved = rawKind === "" ? undefined : state.entityKind(rawKind);
        if (resolved?.kind !== undefined && resolved.mapped)
          state.warnings.add("entityKindMapped", `${quote(rawKind)} -> ${resolved.kind}`, file);
        const id = state.ids.allocate(key.trim(), "entity");
        known = {
          id,
          kind: resolved?.kind ?? "organization",
          name: state.clean(key.trim(), false, file),
          kindGiven: resolved !== undefined,
        };
        state.warnings.addValue(resolved === undefined ? "entityImplied" : "entityImpliedWithKind", key.trim(), file);
        const columns: Record<string, string> = { id: header(role) ?? role, name: header(role) ?? role };
        if (header(kindRole) !== undefined) columns.kind = header(kindRole) as string;
        state.addEntity({ id, kind: known.kind, name: known.name }, { table, row, columns });
        entities.add(key, known);
      }
      ends.push(known);
    }
    const [source, target] = ends;
    if (!source || !target) continue;
    const lines = keptLines(table, kept, cells);
    // The kind: the ontology's, the mapping's, or the neutral one (said, and the file's kind kept in the claim).
    const rawKind = cell(cells, roles.kind).trim();
    let kind: RelationKind;
    if (rawKind === "") {
      kind = NEUTRAL_RELATION_KIND;
      state.warnings.add("relationKindNeutral", "(none)", file);
    } else {
      const resolved = state.relationKind(rawKind);
      kind = resolved.kind;
      if (resolved.neutral) {
        lines.unshift(`${header("kind") ?? "kind"}: ${rawKind}`);
        state.warnings.add("relationKindNeutral", quote(rawKind), file);
      } else if (resolved.mapped) state.warnings.add("relationKindMapped", `${quote(rawKind)} -> ${kind}`, file);
      // A kind the ends cannot have, when the import made up an end's kind: the tie stays, its kind kept in the claim.
      const allowed = allowsEndpoint(kind, "source", source.kind) && allowsEndpoint(kind, "target", target.kind);
      if (!allowed && (!source.kindGiven || !target.kindGiven)) {
        lines.unshift(`${header("kind") ?? "kind"}: ${rawKind}`);
        state.warnings.add("relationKindClash", `${example} ${quote(rawKind)}`, file);
        kind = NEUTRAL_RELATION_KIND;
      }
    }
    const direction = normalHeader(cell(cells, roles.direction));
    if (direction === "undirected" || direction === "mutual" || direction === "bidirectional")
      state.warnings.add("undirected", example, file);
    else if (direction !== "" && direction !== "directed") lines.push(`${header("direction")}: ${cell(cells, roles.direction).trim()}`);
    // Evidence: links in the sources column, each a source (one per link, shared by every row citing it).
    const evidence: Evidence[] = [];
    const cited = cell(cells, roles.evidence).trim();
    if (cited !== "") {
      const other: string[] = [];
      for (const token of cited.split(/[\s;|,]+/)) {
        if (token === "") continue;
        if (!usableUrl(token)) {
          other.push(token);
          continue;
        }
        let id = rebuilt.get(token);
        if (id === undefined) {
          const url = new URL(token);
          id = state.ids.allocate(slugify(`${url.hostname} ${url.pathname}`, 90) || "source", "source");
          rebuilt.set(token, id);
          state.addSource(
            { id, url: token, publisher: url.hostname, title: token },
            { table, row, columns: { url: header("evidence") ?? "" } },
          );
          state.warnings.add("sourceRebuilt", id, file);
        }
        if (!evidence.some((item) => item.source === id)) evidence.push({ source: id });
      }
      if (other.length > 0) lines.push(`${header("evidence")}: ${other.join(" ")}`);
    }
    let confidence: Confidence = "alleged";
    const rawConfidence = normalHeader(cell(cells, roles.confidence));
    if (evidence.length === 0) {
      evidence.push({ source: state.placeholderSource().id });
      state.warnings.add("noEvidence", `"${state.placeholderSource().id}"`, file);
      if (rawConfidence !== "" && rawConfidence !== "alleged")
        lines.push(`${header("confidence")}: ${cell(cells, roles.confidence).trim()}`);
    } else if ((CONFIDENCES as readonly string[]).includes(rawConfidence)) confidence = rawConfidence as Confidence;
    else {
      state.warnings.add("noConfidence", example, file);
      if (rawConfidence !== "") lines.push(`${header("confidence")}: ${cell(cells, roles.confidence).trim()}`);
    }
    let claim = cell(cells, roles.claim).trim();
    if (claim === "") {
      state.warnings.add("noClaim", example, file);
      claim = `Imported from ${fileName} (row ${row}): ${source.name} ${kind.replace(/_/g, " ")} ${target.name}.`;
    }
    // Dates: start and end columns, else Gephi's intervals or times (one relation per span).
    let spans: Span[] = spansOf(cell(cells, roles.interval), cell(cells, roles.timeset));
    if (spans.length === 0) {
      const start = cell(cells, roles.start).trim();
      const end = cell(cells, roles.end).trim();
      spans = [{ ...(start === "" ? {} : { start }), ...(end === "" ? {} : { end }) }];
    }
    if (spans.length > 1) state.warnings.add("intervals", example, file);
    const rawId = cell(cells, roles.id).trim();
    const dateHeader = header("interval") ?? header("timeset");
    spans.forEach((span, index) => {
      const spanLines = [...lines];
      let start = span.start === undefined ? undefined : asDate(span.start);
      const end = span.end === undefined ? null : (asDate(span.end) ?? null);
      if (span.start !== undefined && start === undefined) spanLines.push(`start: ${span.start}`);
      if (span.end !== undefined && end === null) spanLines.push(`end: ${span.end}`);
      if (start === undefined) {
        start = end !== null && endsBeforeStart(state.importDay, end) ? end : state.importDay;
        state.warnings.add("noStart", example, file);
      }
      const wanted = rawId !== "" ? (index === 0 ? rawId : `${rawId}-${index + 1}`) : `${source.id}-${kind}-${target.id}`;
      const id = state.ids.allocate(wanted, "relation");
      if (rawId !== "" && id !== wanted) state.warnings.add("idRewritten", `${quote(wanted)} -> ${id}`, file);
      const fullClaim = state.clean(spanLines.length > 0 ? `${claim}\n\n${spanLines.join("\n")}` : claim, true, file);
      const relation: Relation = { id, kind, source: source.id, target: target.id, start, end, claim: fullClaim, evidence, confidence };
      const fieldColumns: Record<string, string> = {};
      for (const role of ["id", "kind", "source", "target", "claim", "evidence", "confidence"] as const) {
        const name = header(role);
        if (name !== undefined) fieldColumns[role] = name;
      }
      const startHeader = dateHeader ?? header("start");
      const endHeader = dateHeader ?? header("end");
      if (startHeader !== undefined) fieldColumns.start = startHeader;
      if (endHeader !== undefined) fieldColumns.end = endHeader;
      const origin: ItemOrigin = { table, row, columns: fieldColumns };
      state.addRelation(relation, origin);
    });
  }
}

function headerSet(table: SheetTable): Set<string> {
  return new Set(table.header.map(normalHeader));
}

const hasAll = (headers: Set<string>, names: readonly string[]): boolean => names.every((name) => headers.has(name));
const hasAny = (headers: Set<string>, names: readonly string[]): boolean => names.some((name) => headers.has(name));

/** Which tables hold the entities and which the relations, in a layout. */
function rolesOf(tables: readonly SheetTable[], layout: ForeignLayout): { nodes: SheetTable[]; edges: SheetTable[]; other: SheetTable[] } {
  const nodes: SheetTable[] = [];
  const edges: SheetTable[] = [];
  const other: SheetTable[] = [];
  for (const table of tables) {
    const headers = headerSet(table);
    const edgeEnds = EDGE_HEADERS[layout];
    const isEdges = hasAny(headers, edgeEnds.source) && hasAny(headers, edgeEnds.target);
    if (isEdges) edges.push(table);
    else if (layout === "kumu" && (headers.has("label") || /element/i.test(table.name))) nodes.push(table);
    else if (layout === "gephi" && headers.has("id")) nodes.push(table);
    else other.push(table);
  }
  return { nodes, edges, other };
}

/** The foreign layout the tables are in, or undefined. */
export function detectForeignLayout(tables: readonly SheetTable[]): ForeignLayout | undefined {
  const sets = tables.map(headerSet);
  if (sets.some((headers) => hasAll(headers, ["from", "to"]))) return "kumu";
  if (tables.some((table, index) => /element/i.test(table.name) && (sets[index] as Set<string>).has("label"))) return "kumu";
  const edgeTables = sets.filter((headers) => hasAll(headers, ["source", "target"]));
  const nodeTables = sets.filter((headers) => headers.has("id") && !headers.has("source") && !headers.has("target"));
  if (nodeTables.length > 0 && edgeTables.length > 0) return "gephi";
  if (edgeTables.length > 0) {
    const gephiLike = edgeTables.some(
      (headers) =>
        hasAny(headers, ["weight", "interval", "timeset", "time set"]) ||
        (headers.has("type") && !headers.has("kind") && headers.has("id")),
    );
    return gephiLike ? "gephi" : "edges";
  }
  if (nodeTables.length > 0) return "gephi";
  if (sets.some((headers) => hasAll(headers, ["source", "target"]) || hasAll(headers, ["subject", "object"]))) return "edges";
  return undefined;
}

/** Reads the tables in a foreign layout into the mapping (see the module comment). */
export function mapForeignTables(state: SheetMapping, tables: readonly SheetTable[], layout: ForeignLayout): void {
  const { nodes, edges, other } = rolesOf(tables, layout);
  for (const table of other) state.warnings.add("tableIgnored", table.sheet ?? table.file, table.file);
  if (layout === "edges") for (const table of nodes) state.warnings.add("tableIgnored", table.sheet ?? table.file, table.file);
  if (edges.length === 0 && (layout === "edges" || nodes.length === 0)) {
    const first = tables[0];
    if (first)
      state.error(
        { table: first },
        `no table has the columns of ${layout === "kumu" ? "connections (From, To)" : "edges (Source, Target)"}`,
      );
    return;
  }
  const entities = new Entities();
  if (layout !== "edges") for (const table of nodes) mapNodes(state, table, layout, entities);
  for (const table of edges) mapEdges(state, table, layout, entities);
}

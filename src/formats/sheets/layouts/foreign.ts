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
import type { SheetMapping } from "../mapping.ts";
import type { SheetTable } from "../table.ts";
import { EDGE_HEADERS, normalHeader, type ForeignLayout } from "./foreign/columns.ts";
import { mapEdges } from "./foreign/edges.ts";
import { Entities, mapNodes } from "./foreign/nodes.ts";

export type { ForeignLayout } from "./foreign/columns.ts";

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

/** Which column of a foreign table each field is read from (by header, leniently), and the columns kept as lines. */
import { listWords, quote } from "../../../../model/text.ts";
import type { SheetMapping } from "../../mapping.ts";
import type { SheetTable } from "../../table.ts";

export type ForeignLayout = "kumu" | "gephi" | "edges";

/** A header as compared: case, spaces, underscores and hyphens aside ("Start_Date" -> "start date"). */
export function normalHeader(header: string): string {
  return header
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
}

export type NodeRole = "key" | "name" | "kind" | "description" | "aliases" | "country" | "url";
export type EdgeRole =
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
export const NODE_HEADERS: Record<ForeignLayout, Record<NodeRole, readonly string[]>> = {
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

export const EDGE_HEADERS: Record<ForeignLayout, Record<EdgeRole, readonly string[]>> = {
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
export interface Columns<R extends string> {
  roles: Partial<Record<R, number>>;
  kept: number[];
}

export function assignColumns<R extends string>(state: SheetMapping, table: SheetTable, wanted: Record<R, readonly string[]>): Columns<R> {
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
export function sayMapping<R extends string>(
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

export const cell = (cells: readonly string[], index: number | undefined): string => (index === undefined ? "" : (cells[index] ?? ""));

/** "Header: value" lines of the kept columns that have a value in this row. */
export function keptLines(table: SheetTable, kept: readonly number[], cells: readonly string[]): string[] {
  return kept.flatMap((index) => {
    const value = (cells[index] ?? "").trim();
    return value === "" ? [] : [`${(table.header[index] ?? "").trim()}: ${value}`];
  });
}

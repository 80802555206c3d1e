/**
 * Reading the Leverage Atlas layout (atlas-layout.ts) back: strict, so that what was written comes back
 * exactly. Tables are known by name (entities, relations, sources; README or dataset for the metadata;
 * a template's `columns` sheet is notes); each column must be a field of its table, once; each cell is read
 * as cells.ts writes it. Anything else is an error at its cell, never a guess.
 */
import { closest, distance } from "fastest-levenshtein";
import { quote } from "../../../model/text.ts";
import {
  COLUMNS_TABLE,
  ENTITY_COLUMNS,
  LAYOUT_NAME,
  LAYOUT_VERSION,
  META_ROWS,
  META_TABLES,
  RELATION_COLUMNS,
  SOURCE_COLUMNS,
  type AtlasColumn,
  type CellKind,
} from "../atlas-layout.ts";
import { parseEvidence, splitList, unguardFormula } from "../cells.ts";
import type { ItemOrigin, SheetMapping } from "../mapping.ts";
import { columnLetters, type SheetTable } from "../table.ts";

type Role = "entities" | "relations" | "sources" | "meta";

const COLUMNS = { entities: ENTITY_COLUMNS, relations: RELATION_COLUMNS, sources: SOURCE_COLUMNS } as const;

/** A table's role by its name: "entities", "Relations", "README", "dataset"; a template's notes are none. */
function roleOf(table: SheetTable): Role | "notes" | undefined {
  const name = table.name.trim().toLowerCase();
  if (name === "entities" || name === "relations" || name === "sources") return name;
  if ((META_TABLES as readonly string[]).includes(name)) return "meta";
  if (name === COLUMNS_TABLE) return "notes";
  return undefined;
}

/** A field's value from its cell (see cells.ts); undefined when the cell is empty. */
function cellValue(cell: string, kind: CellKind): unknown {
  const text = unguardFormula(cell);
  switch (kind) {
    case "token":
    case "url": {
      const trimmed = text.trim();
      return trimmed === "" ? undefined : trimmed;
    }
    case "end": {
      const trimmed = text.trim();
      return trimmed === "" ? null : trimmed;
    }
    case "list": {
      const items = splitList(text);
      return items.length === 0 ? undefined : items;
    }
    default:
      return text === "" ? undefined : text;
  }
}

function suggestion(header: string, known: readonly string[]): string {
  const near = closest(header.toLowerCase(), [...known]);
  return near && distance(header.toLowerCase(), near) <= Math.max(1, Math.floor(near.length / 3))
    ? `; did you mean "${near}"?`
    : `; its columns are ${known.join(", ")}`;
}

/**
 * Which column holds which field; problems (unknown, repeated or unnamed columns, missing required ones) are
 * reported at the header. Returns the index of each field's column, and the fields with no column.
 */
function readHeader<T>(state: SheetMapping, table: SheetTable, columns: readonly AtlasColumn<T>[]): Map<AtlasColumn<T>, number> {
  const known = columns.map((column) => column.header);
  const found = new Map<AtlasColumn<T>, number>();
  const place = (index: number) => ({ table, row: table.headerRow, column: columnLetters(index) });
  table.header.forEach((raw, index) => {
    const header = raw.trim().toLowerCase();
    if (header === "") {
      if (table.rows.some((row) => (row.cells[index] ?? "") !== ""))
        state.error(place(index), "this column has values but no header; name it after a field of the table, or delete it");
      return;
    }
    const column = columns.find((candidate) => candidate.header === header);
    if (!column) {
      state.error(place(index), `unknown column ${quote(raw)}${suggestion(raw, known)}`);
      return;
    }
    const earlier = found.get(column);
    if (earlier !== undefined) {
      state.error(place(index), `the column "${column.header}" is there twice (also column ${columnLetters(earlier)}); keep one`);
      return;
    }
    found.set(column, index);
  });
  const missing = columns.filter((column) => column.required && !found.has(column));
  if (missing.length > 0 && table.headerRow > 0)
    state.error(
      { table, row: table.headerRow },
      `the table has no ${missing.map((column) => `"${column.header}"`).join(", ")} column${missing.length === 1 ? "" : "s"}, which ${missing.length === 1 ? "is" : "are"} required; its columns are ${known.join(", ")}`,
    );
  return found;
}

/** The items of an entities, relations or sources table. */
function readItems<T>(
  state: SheetMapping,
  table: SheetTable,
  columns: readonly AtlasColumn<T>[],
  add: (item: T, origin: ItemOrigin) => void,
): void {
  const found = readHeader(state, table, columns);
  const headers = Object.fromEntries(columns.filter((column) => found.has(column)).map((column) => [column.field, column.header]));
  for (const { row, cells } of table.rows) {
    const item: Record<string, unknown> = {};
    for (const [column, index] of found) {
      const cell = cells[index] ?? "";
      if (column.kind === "evidence") {
        const read = parseEvidence(unguardFormula(cell));
        if (!read.ok) state.error({ table, row, column: column.header }, `evidence: ${read.problem}`);
        else item[column.field] = read.evidence;
        continue;
      }
      const value = cellValue(cell, column.kind);
      if (value !== undefined) item[column.field] = value;
    }
    // A relations table without an "end" column still says every relation is ongoing.
    if (columns === (RELATION_COLUMNS as readonly AtlasColumn<unknown>[]) && !("end" in item)) item.end = null;
    add(item as T, { table, row, columns: headers });
  }
}

/** The metadata table: the dataset's metadata by field, the format checked; notes and the export date skipped. */
function readMeta(state: SheetMapping, table: SheetTable): void {
  const header = table.header.map((cell) => cell.trim().toLowerCase());
  if (header[0] !== "field" || header[1] !== "value") {
    state.error({ table, row: table.headerRow }, 'a metadata table has the columns "field" and "value" (and "about", which is not read)');
    return;
  }
  const keys = META_ROWS.map((row) => row.key);
  const values: Record<string, string> = {};
  for (const { row, cells } of table.rows) {
    const key = (cells[0] ?? "").trim().toLowerCase();
    const raw = cells[1] ?? "";
    if (key === "" || key === "note" || key === "exported") continue;
    if (key === "format") {
      const version = new RegExp(`^${LAYOUT_NAME} (\\d+)$`).exec(raw.trim());
      if (version && Number(version[1]) > LAYOUT_VERSION)
        state.error(
          { table, row, column: "value" },
          `the file was written by a newer Leverage Atlas (${raw.trim()}); this one reads ${LAYOUT_NAME} ${LAYOUT_VERSION}`,
        );
      continue;
    }
    const spec = META_ROWS.find((candidate) => candidate.key === key);
    if (!spec) {
      state.error(
        { table, row, column: "field" },
        `unknown field ${quote(cells[0] ?? "")}${suggestion(key, ["format", "exported", "note", ...keys])}`,
      );
      continue;
    }
    if (key in values) {
      state.error({ table, row, column: "field" }, `the field "${key}" is given twice; keep one row`);
      continue;
    }
    state.metaPlaces.set(key, { table, row, column: "value" });
    const value = cellValue(raw, spec.kind);
    if (typeof value === "string") values[key] = value;
  }
  const meta: Record<string, unknown> = {};
  for (const key of ["name", "description", "licence", "version", "url"] as const) if (values[key] !== undefined) meta[key] = values[key];
  if (values.period_from !== undefined || values.period_to !== undefined) {
    const period: Record<string, string> = {};
    if (values.period_from !== undefined) period.from = values.period_from;
    if (values.period_to !== undefined) period.to = values.period_to;
    meta.period = period;
  }
  state.meta = meta;
}

/** Reads the tables of a Leverage Atlas spreadsheet into the mapping (see the module comment). */
export function mapAtlasTables(state: SheetMapping, tables: readonly SheetTable[]): void {
  const byRole = new Map<Role, SheetTable>();
  for (const table of tables) {
    const role = roleOf(table);
    if (role === "notes") continue;
    if (role === undefined) {
      state.warnings.add("tableIgnored", table.sheet ?? table.file, table.file);
      continue;
    }
    const earlier = byRole.get(role);
    if (earlier) {
      state.error(
        { table },
        `a second ${role === "meta" ? "metadata" : role} table (the first is ${earlier.sheet ?? earlier.file}); keep one`,
      );
      continue;
    }
    byRole.set(role, table);
  }
  const meta = byRole.get("meta");
  if (meta) readMeta(state, meta);
  const entities = byRole.get("entities");
  if (entities) readItems(state, entities, COLUMNS.entities, (item, origin) => state.addEntity(item, origin));
  const relations = byRole.get("relations");
  if (relations) readItems(state, relations, COLUMNS.relations, (item, origin) => state.addRelation(item, origin));
  const sources = byRole.get("sources");
  if (sources) readItems(state, sources, COLUMNS.sources, (item, origin) => state.addSource(item, origin));
}

/** Whether the tables look like the Leverage Atlas layout: a table named for a collection with that collection's key columns. */
export function looksLikeAtlas(tables: readonly SheetTable[]): boolean {
  return tables.some((table) => {
    const role = roleOf(table);
    const header = new Set(table.header.map((cell) => cell.trim().toLowerCase()));
    if (role === "meta") return table.rows.some((row) => (row.cells[1] ?? "").startsWith(LAYOUT_NAME));
    if (role === "entities") return ["id", "kind", "name"].every((field) => header.has(field));
    if (role === "relations") return ["id", "kind", "source", "target", "claim", "evidence"].every((field) => header.has(field));
    if (role === "sources") return ["id", "url", "publisher", "title"].every((field) => header.has(field));
    return false;
  });
}

/**
 * The blank template workbook: the Leverage Atlas layout with one example row per table (two entities, since
 * the example relation needs two ends) and a `columns` sheet saying what each column holds, whether it is
 * required, and an example. It imports back as it is (the `columns` sheet is read as notes), so a researcher
 * can start from it. For `atlas template` and the explorer's download.
 */
import type { Dataset, Entity, Relation, Source } from "../../model/schema.ts";
import { writeWorkbook } from "../xlsx/write.ts";
import { workbookTables } from "../xlsx/format.ts";
import {
  COLUMNS_TABLE,
  ENTITY_COLUMNS,
  META_ROWS,
  RELATION_COLUMNS,
  SOURCE_COLUMNS,
  type AtlasColumn,
  type TableToWrite,
} from "./atlas-layout.ts";
import { guardFormula } from "./cells.ts";

/** The example row of a table, from its columns' examples (empty ones left out). */
function exampleItem<T>(columns: readonly AtlasColumn<T>[]): T {
  const item: Record<string, unknown> = {};
  for (const column of columns) {
    if (column.example === "") continue;
    if (column.kind === "list") item[column.field] = column.example.split("; ");
    else if (column.kind === "evidence") {
      const [source, locator] = column.example.split(" (");
      item[column.field] = [{ source, ...(locator ? { locator: locator.replace(/\)$/, "") } : {}) }];
    } else item[column.field] = column.example;
  }
  return item as T;
}

/** The template's example dataset: what the columns' examples say. */
export function templateDataset(): Dataset {
  const meta = Object.fromEntries(
    META_ROWS.filter((row) => row.example !== "" && !row.key.startsWith("period")).map((row) => [row.key, row.example]),
  );
  const from = META_ROWS.find((row) => row.key === "period_from")?.example ?? "";
  const to = META_ROWS.find((row) => row.key === "period_to")?.example ?? "";
  const vendor: Entity = {
    id: "examplecorp",
    kind: "vendor",
    name: "ExampleCorp",
    description: "A maker of network equipment in the examples.",
  };
  return {
    meta: { name: "Example dataset", ...meta, ...(from && to ? { period: { from, to } } : {}) },
    entities: [exampleItem<Entity>(ENTITY_COLUMNS), vendor],
    relations: [{ ...exampleItem<Relation>(RELATION_COLUMNS), end: null }],
    sources: [exampleItem<Source>(SOURCE_COLUMNS)],
  };
}

/** The `columns` sheet: each table's columns, whether required, what they hold, an example. */
function columnsTable(): TableToWrite {
  const rows: string[][] = [];
  const add = <T>(table: string, columns: readonly AtlasColumn<T>[]) => {
    for (const column of columns)
      rows.push([table, column.header, column.required ? "yes" : "", column.help, guardFormula(column.example)]);
  };
  for (const row of META_ROWS) rows.push(["README", row.key, row.key === "name" ? "yes" : "", row.help, guardFormula(row.example)]);
  add("entities", ENTITY_COLUMNS);
  add("relations", RELATION_COLUMNS);
  add("sources", SOURCE_COLUMNS);
  return {
    name: COLUMNS_TABLE,
    header: ["table", "column", "required", "what it holds", "example"],
    kinds: ["token", "token", "token", "text", "line"],
    size: rows.length,
    rows: () => rows,
  };
}

/** The template workbook's bytes, dated `date` (YYYY-MM-DD). */
export function templateWorkbook(date: string): Promise<Uint8Array> {
  return writeWorkbook([...workbookTables(templateDataset(), date), columnsTable()], date);
}

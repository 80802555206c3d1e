/**
 * The Leverage Atlas spreadsheet layout: one table per collection of the dataset (`entities`, `relations`,
 * `sources`), one column per field, each cell written as cells.ts says, and a table of the dataset's
 * metadata (the XLSX workbook's `README` sheet, the CSV bundle's `dataset.csv`): a `field` and a `value`
 * column, with an `about` column saying what each row means. Both the XLSX and the CSV formats write and
 * read exactly this; the columns follow the schema's fields (a test keeps them in step).
 */
import { CONFIDENCES, ENTITY_KINDS, RELATION_KIND_NAMES } from "../../model/ontology.ts";
import { TEXT_LIMITS, type Dataset, type DatasetMeta, type Entity, type Relation, type Source } from "../../model/schema.ts";
import { formatEvidence, guardFormula, joinList } from "./cells.ts";

/**
 * How a field is written in a cell and read back: `token` (an id, kind, date, country, confidence: spaces
 * around it are never part of it), `line` and `text` (one line or several, exactly as written), `url` (a
 * link), `list` (aliases), `evidence`, `end` (a date, or empty while ongoing).
 */
export type CellKind = "token" | "line" | "text" | "url" | "list" | "evidence" | "end";

export interface AtlasColumn<T> {
  /** The column's header: the field's name. */
  readonly header: string;
  readonly field: keyof T & string;
  readonly kind: CellKind;
  readonly required: boolean;
  /** What the column holds, for the template's `columns` sheet. */
  readonly help: string;
  /** The template's example value. */
  readonly example: string;
}

type Columns<T> = readonly AtlasColumn<T>[];

const list = (values: readonly string[]): string => values.join(", ");

export const ENTITY_COLUMNS: Columns<Entity> = [
  {
    header: "id",
    field: "id",
    kind: "token",
    required: true,
    help: "The entity's id: lowercase letters and digits joined by single hyphens, unique across the dataset (relations name entities by it).",
    example: "gov-exampleland",
  },
  { header: "kind", field: "kind", kind: "token", required: true, help: `One of: ${list(ENTITY_KINDS)}.`, example: "government" },
  {
    header: "name",
    field: "name",
    kind: "line",
    required: true,
    help: `The name shown in the explorer, on one line (at most ${TEXT_LIMITS.name} characters).`,
    example: "Government of Exampleland",
  },
  {
    header: "aliases",
    field: "aliases",
    kind: "list",
    required: false,
    help: 'Other names, separated by "; " (write a ";" inside a name as "\\;" and a "\\" as "\\\\").',
    example: "Exampleland; the Republic",
  },
  {
    header: "country",
    field: "country",
    kind: "token",
    required: false,
    help: 'An ISO 3166-1 alpha-2 code in capitals ("CA", "US", "GB") or "EU".',
    example: "",
  },
  {
    header: "description",
    field: "description",
    kind: "text",
    required: false,
    help: `Free text, several lines allowed (at most ${TEXT_LIMITS.text} characters).`,
    example: "A state in the examples.",
  },
  {
    header: "url",
    field: "url",
    kind: "url",
    required: false,
    help: "An http(s) link about the entity.",
    example: "https://example.org/exampleland",
  },
];

export const RELATION_COLUMNS: Columns<Relation> = [
  {
    header: "id",
    field: "id",
    kind: "token",
    required: true,
    help: "The relation's id (same rules as entity ids).",
    example: "exampleland-bans-examplecorp-2020",
  },
  {
    header: "kind",
    field: "kind",
    kind: "token",
    required: true,
    help: `One of: ${list(RELATION_KIND_NAMES)} (each allows some entity kinds at each end: see atlas schema).`,
    example: "bans",
  },
  {
    header: "source",
    field: "source",
    kind: "token",
    required: true,
    help: "The id of the entity the relation starts at.",
    example: "gov-exampleland",
  },
  { header: "target", field: "target", kind: "token", required: true, help: "The id of the entity it points to.", example: "examplecorp" },
  {
    header: "about",
    field: "about",
    kind: "token",
    required: false,
    help: "Pressure relations only: the id of the entity (usually a vendor) the pressure concerns.",
    example: "",
  },
  {
    header: "start",
    field: "start",
    kind: "token",
    required: true,
    help: "When it began: YYYY, YYYY-MM or YYYY-MM-DD.",
    example: "2020-07-14",
  },
  { header: "end", field: "end", kind: "end", required: false, help: "When it ended (same forms); empty while it goes on.", example: "" },
  {
    header: "claim",
    field: "claim",
    kind: "text",
    required: true,
    help: `What the sources say, in a sentence or a few lines (at most ${TEXT_LIMITS.claim.toLocaleString("en")} characters).`,
    example: "Exampleland bans ExampleCorp equipment from its 5G networks.",
  },
  {
    header: "evidence",
    field: "evidence",
    kind: "evidence",
    required: true,
    help: 'The sources cited: "source-id" or "source-id (where in it: page, paragraph, quote)", separated by "; ".',
    example: "example-gazette-2020 (section 2)",
  },
  { header: "confidence", field: "confidence", kind: "token", required: true, help: `One of: ${list(CONFIDENCES)}.`, example: "confirmed" },
];

export const SOURCE_COLUMNS: Columns<Source> = [
  {
    header: "id",
    field: "id",
    kind: "token",
    required: true,
    help: "The source's id (relations cite it in their evidence).",
    example: "example-gazette-2020",
  },
  {
    header: "url",
    field: "url",
    kind: "url",
    required: true,
    help: "Where to read it: an http(s) link.",
    example: "https://example.org/gazette/2020-07-14",
  },
  { header: "publisher", field: "publisher", kind: "line", required: true, help: "Who published it.", example: "Exampleland Gazette" },
  { header: "title", field: "title", kind: "line", required: true, help: "Its title.", example: "Order on 5G equipment" },
  {
    header: "published",
    field: "published",
    kind: "token",
    required: false,
    help: "When it was published: YYYY, YYYY-MM or YYYY-MM-DD.",
    example: "2020-07-14",
  },
  { header: "accessed", field: "accessed", kind: "token", required: false, help: "When it was last read.", example: "" },
  {
    header: "archive",
    field: "archive",
    kind: "url",
    required: false,
    help: "An archived copy (e.g. on the Wayback Machine).",
    example: "",
  },
];

/** The rows of the metadata table: a key, the metadata field it holds, and what it means. */
export interface MetaRow {
  readonly key: string;
  readonly kind: CellKind;
  readonly help: string;
  readonly example: string;
}

/** The dataset's metadata, one row each; `period` is two rows. */
export const META_ROWS: readonly MetaRow[] = [
  { key: "name", kind: "line", help: "The dataset's name (required).", example: "Example dataset" },
  { key: "description", kind: "text", help: "What the dataset is about.", example: "A template: replace the example rows with your own." },
  { key: "licence", kind: "line", help: "The licence the data is under.", example: "CC-BY-4.0" },
  { key: "version", kind: "line", help: "The dataset's version.", example: "" },
  { key: "url", kind: "url", help: "Where the dataset lives: an http(s) link.", example: "" },
  { key: "period_from", kind: "token", help: "The first year (or month, or day) the dataset is about.", example: "2018" },
  { key: "period_to", kind: "token", help: "The last one.", example: "2024" },
];

/** The table names of the layout; the metadata table is `README` in a workbook, `dataset` in a CSV bundle. */
export const TABLES = { entities: "entities", relations: "relations", sources: "sources" } as const;
export const META_TABLES = ["readme", "dataset"] as const;
/** The template's sheet explaining each column: read as notes, never as data. */
export const COLUMNS_TABLE = "columns";

/** What the `format` row says; its number goes up when the layout changes in a way older readers would misread. */
export const LAYOUT_NAME = "Leverage Atlas spreadsheet";
export const LAYOUT_VERSION = 1;
export const META_HEADER = ["field", "value", "about"] as const;

/** Notes on how cells are written, kept in the metadata table (rows with the key `note`, ignored when read). */
export const LAYOUT_NOTES = [
  'Lists (aliases, evidence) join their items with "; "; inside an item, ";" is written "\\;" and "\\" is written "\\\\".',
  'Evidence cites "source-id" or "source-id (locator)": the locator runs from the first " (" to the last ")".',
  "A text that starts with =, +, -, @, a tab or a ' is written with a leading ' so that no spreadsheet program runs it as a formula; reading removes one leading '.",
  'An empty "end" means the relation still holds.',
] as const;

/**
 * A table to write: its header, which columns hold what, and its rows of cell texts (formula-guarded),
 * made as they are written (a 300,000-row table is not copied whole first).
 */
export interface TableToWrite {
  readonly name: string;
  readonly header: readonly string[];
  readonly kinds: readonly CellKind[];
  readonly size: number;
  rows(): Iterable<readonly string[]>;
}

function cellText(value: unknown, kind: CellKind): string {
  if (value === undefined || value === null) return "";
  if (kind === "list") return guardFormula(joinList(value as string[]));
  if (kind === "evidence") return guardFormula(formatEvidence(value as Relation["evidence"]));
  // Every other field of the model is text.
  return guardFormula(typeof value === "string" ? value : JSON.stringify(value));
}

function itemTable<T extends object>(name: string, columns: Columns<T>, items: readonly T[]): TableToWrite {
  return {
    name,
    header: columns.map((column) => column.header),
    kinds: columns.map((column) => column.kind),
    size: items.length,
    *rows() {
      for (const item of items) yield columns.map((column) => cellText(item[column.field], column.kind));
    },
  };
}

/** The metadata rows' values, by key. */
export function metaValues(meta: DatasetMeta): Record<string, string | undefined> {
  return {
    name: meta.name,
    description: meta.description,
    licence: meta.licence,
    version: meta.version,
    url: meta.url,
    period_from: meta.period?.from,
    period_to: meta.period?.to,
  };
}

/** The metadata table: the format and export date, the dataset's metadata, and notes on the cells. */
export function metaTable(name: string, meta: DatasetMeta, date: string): TableToWrite {
  const values = metaValues(meta);
  const rows: string[][] = [
    ["format", `${LAYOUT_NAME} ${LAYOUT_VERSION}`, "What this file is: a Leverage Atlas dataset as tables (entities, relations, sources)."],
    ["exported", date, "The day it was written."],
    ...META_ROWS.map((row) => [row.key, cellText(values[row.key], row.kind), row.help]),
    ...LAYOUT_NOTES.map((note) => ["note", "", note]),
  ];
  return { name, header: META_HEADER, kinds: ["token", "text", "text"], size: rows.length, rows: () => rows };
}

/** The dataset as the layout's tables: metadata, entities, relations, sources. */
export function datasetTables(dataset: Dataset, date: string, metaName: string): TableToWrite[] {
  return [
    metaTable(metaName, dataset.meta, date),
    itemTable(TABLES.entities, ENTITY_COLUMNS, dataset.entities),
    itemTable(TABLES.relations, RELATION_COLUMNS, dataset.relations),
    itemTable(TABLES.sources, SOURCE_COLUMNS, dataset.sources),
  ];
}

/**
 * Tables as the spreadsheet readers hand them to the layouts: a CSV file or a sheet of a workbook, its
 * header row and its rows of text cells, each with its row number as a spreadsheet program shows it (the
 * header is row 1 unless rows above it are empty). Formats differ below this (bytes, encodings, XML);
 * layouts (the Leverage Atlas one, Kumu's, Gephi's, an edge list) read only these.
 */
import type { LoadIssue, Severity } from "../../load/issues.ts";

export interface SheetRow {
  /** The row's number as a spreadsheet program shows it (1-based). */
  readonly row: number;
  /** The cells' text, left to right from column A; missing cells at the end are absent. */
  readonly cells: readonly string[];
}

export interface SheetTable {
  /** The file as the user named it ("relations.csv", "study.xlsx", "bundle.zip/relations.csv"). */
  readonly file: string;
  /** The sheet's name, in a workbook. */
  readonly sheet?: string;
  /** The table's name: the sheet's, or the file's without folders and extension ("relations"). */
  readonly name: string;
  /** The header row's cells ("" where a column has no header). */
  readonly header: readonly string[];
  /** The header's row number (0 when the table is empty: no header row at all). */
  readonly headerRow: number;
  /** The data rows below the header, empty rows left out. */
  readonly rows: readonly SheetRow[];
}

/** A place in a table: the table, and a row and the header of a column when known. */
export interface CellPlace {
  readonly table: Pick<SheetTable, "file" | "sheet">;
  readonly row?: number;
  readonly column?: string;
}

/** "A", "B", ... "Z", "AA": a column's letters as spreadsheet programs name them (0-based index). */
export function columnLetters(index: number): string {
  let letters = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** An issue at a place: `relations.csv:14:claim: message`, `study.xlsx:relations:14:claim: message`. */
export function cellIssue(place: CellPlace, message: string, severity: Severity = "error"): LoadIssue {
  const { table, row, column } = place;
  const cell = {
    ...(table.sheet === undefined ? {} : { sheet: table.sheet }),
    ...(row === undefined ? {} : { row }),
    ...(column === undefined ? {} : { column }),
  };
  return { file: table.file, pointer: "", message, severity, ...(Object.keys(cell).length > 0 ? { cell } : {}) };
}

/** A table's name from its file: without folders and extension, in lower case ("Connections.csv" -> "connections"). */
export function tableName(file: string): string {
  return file
    .replace(/^.*[\\/]/, "")
    .replace(/\.[^.]*$/, "")
    .toLowerCase();
}

/** A table with more data rows than this is refused: beyond any dataset the explorer can show (the benchmarks use 300,000). */
export const MAX_TABLE_ROWS = 500_000;

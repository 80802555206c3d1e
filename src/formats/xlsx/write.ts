/**
 * XLSX writing with exceljs: the layout's tables (sheets/atlas-layout.ts) as sheets, each with a bold header
 * row that stays in view (frozen) and filters, column widths fitted to the content, long text wrapped, and
 * links on URLs. Every cell is text (never a number, a date or a formula), escaped as a workbook must hold
 * it (escapeXlsxText: a carriage return, U+FFFE and U+FFFF). `sheetPlans` is shared with the node writer
 * (write-node.ts), which streams the same sheets with exceljs's WorkbookWriter; this one builds the workbook
 * in memory (exceljs's browser build has no streaming writer), loading exceljs only when it is called.
 */
import type ExcelJS from "exceljs";
import type { CellKind, TableToWrite } from "../sheets/atlas-layout.ts";
import { isHttpUrl } from "../../model/schema.ts";
import { escapeXlsxText } from "./read.ts";

/** How wide a column may get (in characters) before its text wraps instead. */
const MAX_WIDTH = 60;
/** Rows looked at to fit a column's width. */
const WIDTH_SAMPLE = 2_000;

export interface SheetPlan {
  readonly table: TableToWrite;
  readonly columns: Partial<ExcelJS.Column>[];
  readonly view: Partial<ExcelJS.WorksheetView>;
}

const WRAPPED: Partial<ExcelJS.Style> = { alignment: { vertical: "top", wrapText: true } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } };

/** Each column's width: its header's and its longest cell's among the first rows, within bounds; long text wraps. */
function columnWidths(table: TableToWrite): number[] {
  const widths = table.header.map((header) => header.length);
  let seen = 0;
  for (const row of table.rows()) {
    row.forEach((cell, index) => {
      const longestLine = Math.max(...cell.split("\n").map((line) => line.length));
      widths[index] = Math.max(widths[index] ?? 0, longestLine);
    });
    seen += 1;
    if (seen >= WIDTH_SAMPLE) break;
  }
  return widths.map((width, index) => (table.kinds[index] === "text" ? MAX_WIDTH : Math.min(MAX_WIDTH, Math.max(8, width + 2))));
}

/** How each sheet is laid out: widths, wrapping, and the header kept in view. */
export function sheetPlans(tables: readonly TableToWrite[]): SheetPlan[] {
  return tables.map((table) => {
    const widths = columnWidths(table);
    return {
      table,
      columns: table.header.map((_header, index) => ({
        key: String(index),
        width: widths[index] ?? 10,
        // Only long text gets a style: exceljs styles every cell of a styled column, one by one (half its time).
        ...(table.kinds[index] === "text" || (widths[index] ?? 0) >= MAX_WIDTH ? { style: WRAPPED } : {}),
      })),
      view: { state: "frozen", ySplit: 1, xSplit: 0, activeCell: "A2" },
    };
  });
}

/** A cell's value for exceljs: nothing for an empty cell, a link for a URL, else the escaped text. */
export function cellValue(text: string, kind: CellKind | undefined): ExcelJS.CellValue {
  if (text === "") return null;
  if (kind === "url" && isHttpUrl(text)) return { text: escapeXlsxText(text), hyperlink: text };
  return escapeXlsxText(text);
}

/** The header row's look: bold on a light fill. */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = HEADER_FONT;
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
}

/** Links look like links. */
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF1F5FA8" }, underline: true };

/** Adds a data row: its cells' values, links styled. */
export function addDataRow(sheet: ExcelJS.Worksheet, cells: readonly string[], kinds: readonly CellKind[]): ExcelJS.Row {
  const row = sheet.addRow(cells.map((cell, index) => cellValue(cell, kinds[index])));
  cells.forEach((cell, index) => {
    if (kinds[index] === "url" && cell !== "" && isHttpUrl(cell)) row.getCell(index + 1).font = LINK_FONT;
  });
  return row;
}

/** The workbook's properties: who made it and when (the export date, so that the same export says the same). */
export function stampWorkbook(workbook: ExcelJS.Workbook, date: string): void {
  const day = new Date(`${date}T00:00:00Z`);
  workbook.creator = "Leverage Atlas";
  workbook.created = day;
  workbook.modified = day;
}

/** The tables as an XLSX workbook, built in memory (browser and node alike). */
export async function writeWorkbook(tables: readonly TableToWrite[], date: string): Promise<Uint8Array> {
  // Loaded when a workbook is written: the explorer's page does not carry exceljs until then.
  const { default: excel } = await import("exceljs");
  const workbook = new excel.Workbook();
  stampWorkbook(workbook, date);
  for (const plan of sheetPlans(tables)) {
    const sheet = workbook.addWorksheet(plan.table.name, { views: [plan.view] });
    sheet.columns = plan.columns;
    styleHeader(sheet.addRow(plan.table.header.map((header) => escapeXlsxText(header))));
    for (const cells of plan.table.rows()) addDataRow(sheet, cells, plan.table.kinds);
    if (plan.table.header.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: plan.table.header.length } };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

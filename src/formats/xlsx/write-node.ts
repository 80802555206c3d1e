/**
 * XLSX writing in node: the same sheets as write.ts (same plans, cells and look), streamed with exceljs's
 * WorkbookWriter, which writes each row into the zip as it is committed instead of building every cell as an
 * object first; the file's bytes are handed on as they come. Node only (exceljs streams through archiver).
 */
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { Emit } from "../format.ts";
import type { TableToWrite } from "../sheets/atlas-layout.ts";
import { escapeXlsxText } from "./read.ts";
import { addDataRow, sheetPlans, stampWorkbook, styleHeader } from "./write.ts";

/** Rows written between reports of progress. */
const PROGRESS_EVERY = 10_000;

/** Streams the tables as an XLSX workbook to `emit`. */
export async function writeWorkbookStreaming(
  tables: readonly TableToWrite[],
  date: string,
  emit: Emit,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      callback();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  stampWorkbook(workbook, date);
  const total = tables.reduce((sum, table) => sum + table.size, 0);
  let done = 0;
  for (const plan of sheetPlans(tables)) {
    const sheet = workbook.addWorksheet(plan.table.name, { views: [plan.view] });
    sheet.columns = plan.columns;
    const header = sheet.addRow(plan.table.header.map((text) => escapeXlsxText(text)));
    styleHeader(header);
    header.commit();
    if (plan.table.header.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: plan.table.header.length } };
    for (const cells of plan.table.rows()) {
      addDataRow(sheet, cells, plan.table.kinds).commit();
      done += 1;
      if (done % PROGRESS_EVERY === 0) onProgress?.(done, total);
    }
    sheet.commit();
  }
  await workbook.commit();
  await new Promise<void>((resolve, reject) => {
    if (stream.writableFinished) resolve();
    else {
      stream.once("finish", resolve);
      stream.once("error", reject);
    }
  });
  onProgress?.(total, total);
}

/**
 * The blank spreadsheet template (src/formats/sheets/template.ts), downloaded from the explorer: the same
 * workbook as `atlas template`, built when asked (exceljs is loaded then).
 */
import { today } from "../../model/dates.ts";
import { formatById } from "../../formats/registry.ts";
import { download } from "./export-files.ts";

export const TEMPLATE_FILE_NAME = "leverage-atlas-template.xlsx";

/** Builds the template workbook and downloads it. */
export async function downloadTemplate(): Promise<void> {
  const { templateWorkbook } = await import("../../formats/sheets/template.ts");
  const bytes = await templateWorkbook(today());
  download(new Blob([new Uint8Array(bytes)], { type: formatById("xlsx").mediaType }), TEMPLATE_FILE_NAME);
}

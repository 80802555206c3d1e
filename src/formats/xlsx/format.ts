/**
 * XLSX in the format registry: the dataset as a workbook (README, entities, relations, sources sheets;
 * sheets/atlas-layout.ts) written with exceljs, in memory here (write.ts; the CLI streams it: node.ts); read
 * back exactly, and workbooks in Kumu's, Gephi's or an edge list's layout read leniently (read.ts, then
 * sheets/read.ts).
 */
import type { FileWriter, FormatReader, OptionValues, WriteReport } from "../format.ts";
import type { AtlasGraph } from "../../graph/types.ts";
import { defineFormat } from "../format.ts";
import { isZip } from "../archive.ts";
import { exportDataset, relationsAboutMissing } from "../exported-dataset.ts";
import { startsWithin } from "../sniff.ts";
import { datasetTables, type TableToWrite } from "../sheets/atlas-layout.ts";
import { aboutLeftOutNotes, importName, sheetsResult } from "../sheets/format-parts.ts";
import { SHEET_READ_OPTIONS, readSheets } from "../sheets/read.ts";
import { today } from "../../model/dates.ts";
import type { Dataset } from "../../model/schema.ts";
import { readWorkbook } from "./read.ts";
import { writeWorkbook } from "./write.ts";

/** The workbook's sheets: README (the metadata and how to read the rest), then the collections. */
export function workbookTables(dataset: Dataset, date: string): TableToWrite[] {
  return datasetTables(dataset, date, "README");
}

/** Whether the bytes are a zip whose parts name a workbook (XLSX), looked for where zips keep their names. */
function looksLikeWorkbook(bytes: Uint8Array): boolean {
  if (!isZip(bytes)) return false;
  const tail = bytes.subarray(Math.max(0, bytes.length - 65_536));
  const names = /xl\/workbook\.xml|\[Content_Types\]\.xml/;
  return startsWithin(bytes, names) || names.test(new TextDecoder("latin1").decode(tail));
}

export const XLSX_READER: FormatReader = {
  runs: ["node", "browser"],
  accepts: "one",
  noun: "Excel workbook",
  from: "from Excel, LibreOffice or Kumu",
  help: "an Excel workbook: Leverage Atlas's own, or Kumu's, Gephi's or an edge list's layout",
  signature: "PK",
  zipped: true,
  options: SHEET_READ_OPTIONS,
  sniff: (bytes) => (looksLikeWorkbook(bytes) ? "yes" : "no"),
  read(files, options) {
    const [input] = files;
    if (!input || files.length > 1) throw new Error("an XLSX reader reads one workbook at a time");
    const read = readWorkbook(input.file, input.bytes);
    if (!read.ok) return { ok: false, issues: read.issues };
    return sheetsResult(readSheets({ file: input.file, tables: read.tables, notes: read.notes }, options, importName(files, options)));
  },
  describe: ({ native }) => (native ? "a Leverage Atlas workbook, read back exactly" : "a workbook mapped to the ontology"),
};

/** What a written workbook reports: its sources, and the relations whose "about" was left out. */
export function workbookReport(graph: AtlasGraph, dataset: Dataset): WriteReport {
  return { sources: dataset.sources.length, notes: aboutLeftOutNotes(relationsAboutMissing(graph)) };
}

/** The in-memory writer (browser and node); node's CLI streams instead (node.ts). */
export const XLSX_WRITER: FileWriter<OptionValues<Record<string, never>>> = {
  output: "file",
  content: "bytes",
  runs: ["node", "browser"],
  writes: "data",
  async write(input, emit) {
    const dataset = exportDataset(input.graph);
    const date = input.date ?? today();
    emit(await writeWorkbook(workbookTables(dataset, date), date));
    return workbookReport(input.graph, dataset);
  },
};

export const XLSX_FORMAT = defineFormat({
  id: "xlsx",
  name: "XLSX",
  label: "XLSX workbook",
  description: "an Excel workbook: README, entities, relations and sources sheets, one column per field",
  extensions: ["xlsx"],
  mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  options: {},
  writer: XLSX_WRITER,
  reader: XLSX_READER,
});

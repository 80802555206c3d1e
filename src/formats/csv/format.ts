/**
 * CSV in the format registry: the dataset as CSV tables (entities.csv, relations.csv, sources.csv and
 * dataset.csv for the metadata; sheets/atlas-layout.ts), a bundle written as a folder or a zip; read back
 * exactly, and CSV files in Kumu's, Gephi's or an edge list's layout read leniently (sheets/read.ts).
 */
import { defineFormat } from "../format.ts";
import { exportDataset, relationsAboutMissing } from "../exported-dataset.ts";
import { firstCharacter } from "../sniff.ts";
import { datasetTables } from "../sheets/atlas-layout.ts";
import { aboutLeftOutNotes, filesShown, importName, sheetsResult } from "../sheets/format-parts.ts";
import type { ReadNote } from "../sheets/notes.ts";
import { SHEET_READ_OPTIONS, readSheets } from "../sheets/read.ts";
import type { SheetTable } from "../sheets/table.ts";
import { today } from "../../model/dates.ts";
import type { LoadIssue } from "../../load/issues.ts";
import { readCsv } from "./read.ts";

export const CSV_FORMAT = defineFormat({
  id: "csv",
  name: "CSV",
  label: "CSV tables",
  description: "entities.csv, relations.csv, sources.csv and dataset.csv (RFC 4180, UTF-8): a folder, or a zip when --out ends in .zip",
  extensions: ["csv.zip", "csv"],
  mediaType: "text/csv",
  options: {},
  writer: {
    output: "bundle",
    runs: ["node", "browser"],
    writes: "data",
    async write(input, bundle) {
      // Loaded when tables are written: the explorer's page does not carry csv-stringify until then.
      const { writeCsvTable } = await import("./write.ts");
      const dataset = exportDataset(input.graph);
      const tables = datasetTables(dataset, input.date ?? today(), "dataset");
      const total = tables.reduce((sum, table) => sum + table.size, 0);
      let done = 0;
      const onRow = input.onProgress
        ? () => {
            done += 1;
            if (done % 10_000 === 0) input.onProgress?.(done, total);
          }
        : undefined;
      // The collections first, in the order a reader meets them; the metadata last.
      for (const table of [...tables.slice(1), tables[0]]) {
        if (table) bundle.add(`${table.name}.csv`, (emit) => writeCsvTable(table, emit, onRow));
      }
      return { sources: dataset.sources.length, notes: aboutLeftOutNotes(relationsAboutMissing(input.graph)) };
    },
  },
  reader: {
    runs: ["node", "browser"],
    accepts: "several",
    noun: "CSV file",
    from: "from Kumu, Gephi or any spreadsheet",
    help: "CSV tables, several read together (a folder or a zip of them): Leverage Atlas's own, or Kumu's, Gephi's or an edge list's layout",
    signature: "a header line",
    options: SHEET_READ_OPTIONS,
    // Any text with a comma, a semicolon or a tab on its first line could be CSV: never more than a maybe.
    sniff(bytes) {
      const first = firstCharacter(bytes);
      if (first === "" || first === "{" || first === "<" || first === "[") return "no";
      const line = new TextDecoder("latin1").decode(bytes.subarray(0, 4096)).split(/\r?\n/)[0] ?? "";
      return /[,;\t]/.test(line) ? "maybe" : "no";
    },
    read(files, options) {
      const tables: SheetTable[] = [];
      const notes: ReadNote[] = [];
      const issues: LoadIssue[] = [];
      for (const { file, bytes } of files) {
        const read = readCsv(file, bytes);
        if (read.ok) {
          tables.push(read.table);
          notes.push(...read.notes);
        } else issues.push(...read.issues);
      }
      if (issues.length > 0) return { ok: false, issues };
      return sheetsResult(readSheets({ file: filesShown(files), tables, notes }, options, importName(files, options)));
    },
    describe: ({ native, files }) =>
      native ? `Leverage Atlas CSV tables, read back exactly` : `${files === 1 ? "a CSV table" : "CSV tables"} mapped to the ontology`,
  },
});

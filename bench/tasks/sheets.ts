/**
 * Spreadsheets: the CLI's XLSX export (exceljs's streaming WorkbookWriter, with the layout's look: frozen
 * headers, widths, links) and import (src/formats/xlsx/read.ts, then the mapping and the loader's check), each
 * in a process of its own so that its peak memory is its own, against same-run baselines on the same graph:
 * - write: exceljs's streaming writer writing the same rows with no formatting (what the look costs), and the
 *   JSON export of the same graph (what the format costs);
 * - read: the JSON export read back through the same loader (decode, parse, check), and exceljs's streaming
 *   reader merely walking the same workbook's cells (what reading the cells costs).
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { Readable, Writable } from "node:stream";
import path from "node:path";
import ExcelJS from "exceljs";
import { loadDataset } from "../../src/load/read.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { exportDataset } from "../../src/formats/exported-dataset.ts";
import { writeDatasetJson } from "../../src/formats/json/write.ts";
import { NODE_FORMATS } from "../../src/formats/node.ts";
import { readFiles } from "../../src/formats/read-files.ts";
import { readableFormats } from "../../src/formats/registry.ts";
import type { FileWriter } from "../../src/formats/format.ts";
import { workbookTables } from "../../src/formats/xlsx/format.ts";
import { decodeDatasetBytes } from "../../src/load/decode.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { measure, peakRssMB } from "./index.ts";

export interface SheetMeasurement {
  ms: number;
  cpuMs: number;
  rssMB: number;
  /** Bytes written, or items read back. */
  size: number;
}

async function benchGraph(dir: string) {
  const loaded = await loadDataset(dir);
  if (!loaded.ok) throw new Error("the benchmark dataset is invalid");
  return buildGraph(loaded.dataset);
}

/** Writes chunks to a file, counting bytes. */
function fileSink(file: string): { write: (chunk: string | Uint8Array) => void; close: () => number } {
  const descriptor = openSync(file, "w");
  let bytes = 0;
  return {
    write(chunk) {
      bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
      if (typeof chunk === "string") writeSync(descriptor, chunk);
      else writeSync(descriptor, chunk);
    },
    close() {
      closeSync(descriptor);
      return bytes;
    },
  };
}

/** The CLI's XLSX writer on the whole graph (the graph is built before timing). */
export async function xlsxWrite(args: { dir: string; out: string }): Promise<SheetMeasurement> {
  const graph = await benchGraph(args.dir);
  const writer = NODE_FORMATS.find((format) => format.id === "xlsx")?.writer as FileWriter;
  const sink = fileSink(path.join(args.out, "atlas.xlsx"));
  const { ms, cpuMs } = await measure(() => writer.write({ graph, options: {}, date: "2026-01-01" }, sink.write));
  return { ms, cpuMs, rssMB: peakRssMB(), size: sink.close() };
}

/** Baseline: exceljs's streaming writer, the same rows (cell texts), no styles, widths, frozen panes or links. */
export async function xlsxWritePlain(args: { dir: string; out: string }): Promise<SheetMeasurement> {
  const graph = await benchGraph(args.dir);
  const sink = fileSink(path.join(args.out, "plain.xlsx"));
  const { ms, cpuMs } = await measure(async () => {
    const tables = workbookTables(exportDataset(graph), "2026-01-01");
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        sink.write(chunk);
        callback();
      },
    });
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true });
    for (const table of tables) {
      const sheet = workbook.addWorksheet(table.name);
      sheet.addRow([...table.header]).commit();
      for (const cells of table.rows()) sheet.addRow([...cells]).commit();
      sheet.commit();
    }
    await workbook.commit();
    await new Promise((resolve) => (stream.writableFinished ? resolve(undefined) : stream.once("finish", resolve)));
  });
  return { ms, cpuMs, rssMB: peakRssMB(), size: sink.close() };
}

/** Baseline: the JSON export of the same graph (dataset, then its text), to a file. */
export async function jsonWrite(args: { dir: string; out: string }): Promise<SheetMeasurement> {
  const graph = await benchGraph(args.dir);
  const sink = fileSink(path.join(args.out, "atlas.json"));
  const { ms, cpuMs } = await measure(() => sink.write(writeDatasetJson(exportDataset(graph))));
  return { ms, cpuMs, rssMB: peakRssMB(), size: sink.close() };
}

/** The import of a workbook (as `atlas import` does it: bytes from disk, sheets, mapping, loader). */
export async function xlsxRead(args: { file: string }): Promise<SheetMeasurement> {
  const readers = readableFormats("node", NODE_FORMATS);
  const { value, ms, cpuMs } = await measure(async () =>
    readFiles([{ file: path.basename(args.file), bytes: await readFile(args.file) }], readers),
  );
  if (!value.ok) throw new Error(`the workbook did not import: ${value.issues[0]?.message ?? "?"}`);
  return { ms, cpuMs, rssMB: peakRssMB(), size: value.dataset.entities.length + value.dataset.relations.length };
}

/** Baseline: the JSON export read back through the loader (decode, parse, check). */
export async function jsonRead(args: { file: string }): Promise<SheetMeasurement> {
  const { value, ms, cpuMs } = await measure(async () => {
    const decoded = decodeDatasetBytes(args.file, await readFile(args.file));
    if (!decoded.ok) throw new Error(decoded.issue.message);
    return parseDataset([decoded.input]);
  });
  if (!value.ok) throw new Error("the JSON export did not load");
  return { ms, cpuMs, rssMB: peakRssMB(), size: value.dataset.entities.length + value.dataset.relations.length };
}

/** Baseline: exceljs's streaming reader walking every cell of the same workbook (values only, nothing built). */
export async function xlsxReadCells(args: { file: string }): Promise<SheetMeasurement> {
  const { value, ms, cpuMs } = await measure(async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(await readFile(args.file)), {
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "ignore",
      worksheets: "emit",
    });
    let rows = 0;
    for await (const sheet of reader) {
      for await (const row of sheet) {
        row.eachCell(() => {});
        rows += 1;
      }
    }
    return rows;
  });
  return { ms, cpuMs, rssMB: peakRssMB(), size: value };
}

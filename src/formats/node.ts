/**
 * The formats of the CLI (node): every format of the shared registry, with node's own writer where a format
 * has one, and any format whose code needs node (registered here, never in registry.ts, so that the
 * explorer's bundle cannot pull node-only code in; graphology-gexf splits common/, node/ and browser/ the
 * same way). XLSX: the same workbook, streamed with exceljs's WorkbookWriter (xlsx/write-node.ts) rather
 * than built in memory, so that a 300,000-relation export never holds every cell as an object.
 */
import type { FileWriter, FormatSpec } from "./format.ts";
import { FORMATS } from "./registry.ts";
import { XLSX_FORMAT, XLSX_WRITER, workbookReport, workbookTables } from "./xlsx/format.ts";
import { writeWorkbookStreaming } from "./xlsx/write-node.ts";
import { exportDataset } from "./exported-dataset.ts";
import { today } from "../model/dates.ts";

const STREAMING_WRITER: FileWriter = {
  ...XLSX_WRITER,
  runs: ["node"],
  async write(input, emit) {
    const dataset = exportDataset(input.graph);
    const date = input.date ?? today();
    await writeWorkbookStreaming(workbookTables(dataset, date), date, emit, input.onProgress);
    return workbookReport(input.graph, dataset);
  },
};

export const XLSX_NODE_FORMAT: FormatSpec = { ...XLSX_FORMAT, writer: STREAMING_WRITER };

export const NODE_FORMATS: readonly FormatSpec[] = FORMATS.map((format) => (format.id === XLSX_FORMAT.id ? XLSX_NODE_FORMAT : format));

/**
 * A table as CSV text with csv-stringify: RFC 4180 (values holding a comma, a quote or a line break are
 * quoted, quotes doubled, records ended by CRLF), UTF-8 without a byte-order mark, a header row first. Rows
 * are handed on in batches as they are made, so a big table is never one string.
 */
import { stringify } from "csv-stringify/browser/esm/sync";
import type { Emit } from "../format.ts";
import type { TableToWrite } from "../sheets/atlas-layout.ts";

/** Rows turned into text at a time. */
const BATCH = 2_000;

const OPTIONS = { record_delimiter: "windows", eof: true } as const;

/** Writes the table to `emit` (text chunks); `onRow` is told of each row written, for progress. */
export function writeCsvTable(table: TableToWrite, emit: Emit, onRow?: () => void): void {
  emit(stringify([table.header], OPTIONS));
  let batch: string[][] = [];
  for (const row of table.rows()) {
    batch.push(row as string[]);
    onRow?.();
    if (batch.length === BATCH) {
      emit(stringify(batch, OPTIONS));
      batch = [];
    }
  }
  if (batch.length > 0) emit(stringify(batch, OPTIONS));
}

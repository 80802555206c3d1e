/**
 * A CSV file as a table of text (sheets/table.ts), in node and the browser alike: bytes decoded (UTF-8, with
 * or without a byte-order mark; UTF-16 by its byte-order mark; anything else that is not UTF-8 read as
 * Windows-1252, the encoding Excel's plain "CSV" uses, with a warning), the separator found on the first line
 * (a comma, or the semicolon or tab some spreadsheet programs write), then csv-parse (RFC 4180: quoted values
 * may hold separators, quotes doubled, line breaks). Rows are numbered as a spreadsheet program shows them.
 */
import { CsvError, parse } from "csv-parse/browser/esm/sync";
import type { LoadIssue } from "../../load/issues.ts";
import type { ReadNote } from "../sheets/notes.ts";
import { MAX_TABLE_ROWS, cellIssue, columnLetters, tableName, type SheetRow, type SheetTable } from "../sheets/table.ts";

export type CsvRead = { ok: true; table: SheetTable; notes: ReadNote[] } | { ok: false; issues: LoadIssue[] };

type Decoded = { ok: true; text: string; notes: ReadNote[] } | { ok: false; message: string };

/** The offset of the first byte that is not UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoded = new TextDecoder("utf-8").decode(bytes);
  const replaced = decoded.indexOf("\ufffd");
  if (replaced < 0) return -1;
  return new TextEncoder().encode(decoded.slice(0, replaced)).length;
}

/** The file's text (see the module comment), or why it cannot be read as text. */
export function decodeCsvBytes(file: string, bytes: Uint8Array): Decoded {
  const table = { file };
  const at = (key: ReadNote["key"], example: string): ReadNote => ({ key, place: { table }, example });
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0)
    return { ok: false, message: "the file is UTF-32 (by its byte-order mark); save it as CSV UTF-8" };
  for (const [mark, encoding] of [
    [[0xff, 0xfe], "utf-16le"],
    [[0xfe, 0xff], "utf-16be"],
  ] as const) {
    if (bytes[0] !== mark[0] || bytes[1] !== mark[1]) continue;
    try {
      return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2)), notes: [at("utf16", file)] };
    } catch {
      return { ok: false, message: `the file starts like ${encoding.toUpperCase()} text but is not; save it as CSV UTF-8` };
    }
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    return {
      ok: false,
      message: `the file holds a NUL byte (at offset ${nul}): it is UTF-16 without a byte-order mark, or not text at all; save it as CSV UTF-8`,
    };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const notes = hasBom ? [at("bom", file)] : [];
  const invalid = firstInvalidUtf8(body);
  if (invalid < 0) return { ok: true, text: new TextDecoder("utf-8").decode(body), notes };
  const text = new TextDecoder("windows-1252").decode(body);
  // The word around the first byte that is not UTF-8, as Windows-1252 reads it, so the user can judge.
  const start = new TextDecoder("windows-1252").decode(body.subarray(0, invalid)).length;
  const word = /\S*$/.exec(text.slice(Math.max(0, start - 20), start))?.[0] ?? "";
  const rest = /^\S*/.exec(text.slice(start, start + 20))?.[0] ?? "";
  notes.push(at("latin1", `${file}: first at byte ${invalid}, read as ${JSON.stringify(word + rest)}`));
  return { ok: true, text, notes };
}

/** The separator: whichever of comma, semicolon and tab occurs most on the first line outside quotes (a comma on a tie). */
export function sniffDelimiter(text: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const character of text.slice(0, 65_536)) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === "\n" || character === "\r")) {
      if (counts[","] + counts[";"] + counts["\t"] > 0) break;
    } else if (!quoted && character in counts) counts[character as keyof typeof counts] += 1;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}

/** csv-parse's errors in words, with their line. */
function parseProblem(error: CsvError): { message: string; line?: number } {
  const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as unknown as { lines: number }).lines : undefined;
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return { message: 'a quoted value is never closed: is the file cut short, or is a closing " missing?' };
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return {
        message: 'a quoted value goes on after its closing quote: a " inside a quoted value is written twice ("")',
        ...(line ? { line } : {}),
      };
    default:
      return { message: error.message.replace(/^Invalid /, "invalid "), ...(line ? { line } : {}) };
  }
}

const isEmptyRow = (cells: readonly string[]): boolean => cells.every((cell) => cell === "");

/** Reads a CSV file (see the module comment); every problem located at the file and row. */
export function readCsv(file: string, bytes: Uint8Array): CsvRead {
  const table = { file };
  const fail = (message: string, row?: number): CsvRead => ({
    ok: false,
    issues: [cellIssue({ table, ...(row === undefined ? {} : { row }) }, message)],
  });
  if (bytes.length === 0) return fail("the file is empty");
  const decoded = decodeCsvBytes(file, bytes);
  if (!decoded.ok) return fail(decoded.message);
  const { text, notes } = decoded;
  if (text.trim() === "") return fail("the file is empty");
  const delimiter = sniffDelimiter(text);
  if (delimiter !== ",") notes.push({ key: "delimiter", place: { table }, example: `${file}: ${delimiter === ";" ? '";"' : "tab"}` });
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // One record past the limit says the file is over it, without parsing the rest.
      to: MAX_TABLE_ROWS + 2,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const problem = parseProblem(error);
    return {
      ok: false,
      issues: [
        { file, pointer: "", severity: "error", message: problem.message, ...(problem.line === undefined ? {} : { line: problem.line }) },
      ],
    };
  }
  const headerIndex = records.findIndex((record) => !isEmptyRow(record));
  if (headerIndex < 0) return fail("the file has no row with a value");
  if (records.length - headerIndex - 1 > MAX_TABLE_ROWS)
    return fail(
      `the file has more than ${MAX_TABLE_ROWS.toLocaleString("en")} rows, the most this reader takes; split the data or use fewer rows`,
    );
  const header = records[headerIndex] as string[];
  const rows: SheetRow[] = [];
  const issues: LoadIssue[] = [];
  for (let index = headerIndex + 1; index < records.length; index += 1) {
    const cells = records[index] as string[];
    if (isEmptyRow(cells)) continue;
    const row = index + 1;
    if (cells.length < header.length) notes.push({ key: "shortRows", place: { table, row }, example: `${file}:${row}` });
    const extra = cells.slice(header.length).findIndex((cell) => cell !== "");
    if (extra >= 0)
      issues.push(
        cellIssue(
          { table, row },
          `the row has ${cells.length} cells and the header ${header.length}: column ${columnLetters(header.length + extra)} holds a value under no header (a separator too many, or a missing header?)`,
        ),
      );
    rows.push({ row, cells: cells.length > header.length ? cells.slice(0, header.length) : cells });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, table: { file, name: tableName(file), header, headerRow: headerIndex + 1, rows }, notes };
}

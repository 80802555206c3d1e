/**
 * An XLSX workbook's sheets as tables of text (sheets/table.ts), in node and the browser alike, synchronously.
 *
 * Hand-written over fflate (the zip, archive.ts) and saxes (the XML): a sheet is a few SpreadsheetML elements
 * (row, c, v, f, is, t, mergeCell), and exceljs, which writes our workbooks, reads them asynchronously in two
 * modes that disagree (its streaming reader ignores merged cells and `_xHHHH_` escapes and decodes inline
 * strings twice; its in-memory one builds every cell as an object) and cannot bound what it unpacks. Here:
 * - decompression is bounded (archive.ts), and sheets are parsed as they are unpacked, never held whole; a
 *   sheet over MAX_TABLE_ROWS rows is refused as soon as its next row is read;
 * - every cell is read as text: shared and inline strings (ECMA-376 `_xHHHH_` escapes decoded), numbers as
 *   written, booleans as TRUE/FALSE, dates (numbers in a date format) as YYYY-MM-DD; a formula is never
 *   evaluated: its cached value is read, or its text when it has none, and a note says so;
 * - merged cells, error values and dates are noted, for the layouts' warnings.
 */
import { SaxesParser, type SaxesAttributePlain, type SaxesTagPlain } from "saxes";
import { collect, isZip, readZip, ZipProblem, type EntrySink } from "../archive.ts";
import { MAX_TABLE_ROWS, cellIssue, columnLetters, type SheetTable } from "../sheets/table.ts";
import type { ReadNote } from "../sheets/notes.ts";
import type { LoadIssue } from "../../load/issues.ts";

/** Cells beyond this column are refused (the layouts use a dozen columns; sparse rows could be 16,384 wide). */
export const MAX_SHEET_COLUMNS = 1_000;

export type WorkbookRead = { ok: true; tables: SheetTable[]; notes: ReadNote[] } | { ok: false; issues: LoadIssue[] };

/** Reading stops with this (a problem located in the workbook), thrown out of the XML handlers. */
class WorkbookProblem extends Error {
  constructor(
    message: string,
    readonly sheet?: string,
    readonly row?: number,
  ) {
    super(message);
    this.name = "WorkbookProblem";
  }
}

/** The text of ECMA-376's escaped characters: `_xHHHH_` is the character U+HHHH (`_x005F_` an underscore). */
export function unescapeXlsxText(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;
}

/**
 * Text as a workbook must hold it: characters XML cannot carry (a carriage return, which XML reads as a line
 * feed; U+FFFE, U+FFFF) as `_xHHHH_`, and a text that looks like such an escape with its underscore escaped.
 */
export function escapeXlsxText(text: string): string {
  return text.replace(
    /_(?=x[0-9A-Fa-f]{4}_)|[\r\ufffe\uffff]/g,
    (character) => `_x${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

/** An attribute by local name, whatever its prefix (`r:id`, `ns2:id`). */
function attributeOf(attributes: Record<string, SaxesAttributePlain | string>, local: string, prefixed: boolean): string | undefined {
  for (const [name, value] of Object.entries(attributes)) {
    const hasPrefix = name.includes(":");
    if (hasPrefix === prefixed && localName(name) === local) return typeof value === "string" ? value : value.value;
  }
  return undefined;
}

/** Parses a small XML part (a few elements wanted), calling `open` for each element. */
function parsePart(
  text: string,
  part: string,
  open: (name: string, attributes: Record<string, string>) => void,
  onText?: (name: string, text: string) => void,
): void {
  const parser = new SaxesParser({ xmlns: false, position: true } as const);
  const stack: string[] = [];
  parser.on("error", (error) => {
    throw new WorkbookProblem(`the workbook is damaged: ${part} is not well-formed XML (${error.message})`);
  });
  parser.on("doctype", () => {
    throw new WorkbookProblem(`the workbook is refused: ${part} has a DOCTYPE declaration, which no workbook needs`);
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    stack.push(name);
    open(name, tag.attributes);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  if (onText) parser.on("text", (value) => onText(stack[stack.length - 1] ?? "", value));
  parser.write(text).close();
}

/** Built-in number formats that show dates (ECMA-376 §18.8.30, and the East Asian ones). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a number format code shows a date: d, m or y outside quoted text, escapes and [colour] brackets. */
function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  return /[dmy]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Which cell styles (by index) show dates. */
function dateStyles(stylesXml: string | undefined): boolean[] {
  if (stylesXml === undefined) return [];
  const custom = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  parsePart(stylesXml, "xl/styles.xml", (name, attributes) => {
    if (name === "numFmt") custom.set(Number(attributes.numFmtId), isDateFormatCode(attributes.formatCode ?? ""));
    else if (name === "cellXfs") inCellXfs = true;
    else if (name === "cellStyleXfs" || name === "dxfs") inCellXfs = false;
    else if (name === "xf" && inCellXfs) {
      const id = Number(attributes.numFmtId ?? 0);
      styles.push(custom.get(id) ?? BUILT_IN_DATE_FORMATS.has(id));
    }
  });
  return styles;
}

/** A spreadsheet's day number as YYYY-MM-DD (1900 system, with its 1900-02-29; or the 1904 system). */
function serialDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const days = Math.floor(serial) + (date1904 ? 1462 : 0) - (serial < 60 && !date1904 ? -1 : 0);
  const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** The shared strings: each `<si>`'s text (its runs joined, phonetic hints left out), escapes decoded. */
function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  let current: string | null = null;
  let inPhonetic = 0;
  let inText = false;
  const parser = new SaxesParser({ xmlns: false, position: false } as const);
  parser.on("error", (error) => {
    throw new WorkbookProblem(`the workbook is damaged: its shared strings are not well-formed XML (${error.message})`);
  });
  parser.on("doctype", () => {
    throw new WorkbookProblem("the workbook is refused: its shared strings have a DOCTYPE declaration, which no workbook needs");
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (name === "si") current = "";
    else if (name === "rPh") inPhonetic += 1;
    else if (name === "t") inText = true;
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (name === "si") {
      strings.push(unescapeXlsxText(current ?? ""));
      current = null;
    } else if (name === "rPh") inPhonetic -= 1;
    else if (name === "t") inText = false;
  });
  parser.on("text", (text) => {
    if (current !== null && inText && inPhonetic === 0) current += text;
  });
  parser.write(xml).close();
  return strings;
}

interface SheetRef {
  name: string;
  /** The sheet part's path in the archive. */
  path: string;
}

/** A path relative to a folder of the archive ("worksheets/sheet1.xml" from "xl/"), or absolute ("/xl/..."). */
function resolvePath(folder: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : `${folder}${target}`).split("/");
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === "..") resolved.pop();
    else if (part !== "." && part !== "") resolved.push(part);
  }
  return resolved.join("/");
}

/** A1-style reference -> 0-based column and 1-based row. */
function parseReference(reference: string): { column: number; row: number } | undefined {
  const match = /^([A-Z]{1,3})(\d{1,7})$/i.exec(reference);
  if (!match) return undefined;
  let column = 0;
  for (const letter of (match[1] as string).toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(match[2]) };
}

interface SheetContext {
  file: string;
  sheet: string;
  strings: readonly string[];
  dateStyle: readonly boolean[];
  date1904: boolean;
  notes: ReadNote[];
}

/** A sink that parses a sheet's XML as it is unpacked, collecting its rows (see the module comment). */
function sheetReader(context: SheetContext, done: (table: SheetTable) => void) {
  const { file, sheet, strings, dateStyle, date1904, notes } = context;
  const table = { file, sheet };
  const parser = new SaxesParser({ xmlns: false, position: false } as const);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const rows: { row: number; cells: string[] }[] = [];
  let rowNumber = 0;
  // Sparse: a row's cells are set at their columns.
  let cells: (string | undefined)[] = [];
  let nextColumn = 0;
  // The cell being read.
  let cell: { column: number; type: string; style: number; value: string | null; formula: string | null; inline: string | null } | null =
    null;
  let textTarget: "v" | "f" | "t" | null = null;
  let phonetic = 0;
  const merged: string[] = [];

  parser.on("error", (error) => {
    throw new WorkbookProblem(`the workbook is damaged: this sheet is not well-formed XML (${error.message})`, sheet);
  });
  parser.on("doctype", () => {
    throw new WorkbookProblem("the workbook is refused: this sheet has a DOCTYPE declaration, which no workbook needs", sheet);
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    const attributes = tag.attributes as Record<string, string>;
    switch (name) {
      case "row": {
        const given = Number(attributes.r);
        rowNumber = Number.isInteger(given) && given > rowNumber ? given : rowNumber + 1;
        cells = [];
        nextColumn = 0;
        break;
      }
      case "c": {
        const reference = attributes.r === undefined ? undefined : parseReference(attributes.r);
        const column = reference ? reference.column : nextColumn;
        if (column >= MAX_SHEET_COLUMNS)
          throw new WorkbookProblem(
            `a cell in column ${columnLetters(column)} is beyond the ${MAX_SHEET_COLUMNS.toLocaleString("en")} columns this reader takes`,
            sheet,
            rowNumber,
          );
        cell = { column, type: attributes.t ?? "n", style: Number(attributes.s ?? 0), value: null, formula: null, inline: null };
        break;
      }
      case "v":
        if (cell) {
          cell.value = "";
          textTarget = "v";
        }
        break;
      case "f":
        if (cell) {
          cell.formula = "";
          textTarget = "f";
        }
        break;
      case "is":
        if (cell) cell.inline = "";
        break;
      case "t":
        if (cell?.inline !== null && cell?.inline !== undefined) textTarget = "t";
        break;
      case "rPh":
        phonetic += 1;
        break;
      case "mergeCell":
        if (attributes.ref !== undefined) merged.push(attributes.ref);
        break;
      default:
        break;
    }
  });
  parser.on("text", (text) => {
    if (!cell || textTarget === null) return;
    if (textTarget === "v") cell.value = (cell.value ?? "") + text;
    else if (textTarget === "f") cell.formula = (cell.formula ?? "") + text;
    else if (phonetic === 0) cell.inline = (cell.inline ?? "") + text;
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (name === "v" || name === "f" || name === "t") textTarget = null;
    else if (name === "rPh") phonetic -= 1;
    else if (name === "c" && cell) {
      const text = cellText(cell);
      if (text !== "") cells[cell.column] = text;
      nextColumn = cell.column + 1;
      cell = null;
    } else if (name === "row") {
      if (cells.some((value) => value !== undefined && value !== "")) {
        if (rows.length >= MAX_TABLE_ROWS)
          throw new WorkbookProblem(
            `the sheet has more than ${MAX_TABLE_ROWS.toLocaleString("en")} rows, the most this reader takes; split the data or use fewer rows`,
            sheet,
          );
        rows.push({ row: rowNumber, cells: Array.from(cells, (value) => value ?? "") });
      }
    }
  });

  const cellText = (read: NonNullable<typeof cell>): string => {
    const reference = `${sheet}!${columnLetters(read.column)}${rowNumber}`;
    const place = { table, row: rowNumber };
    let text: string;
    if (read.type === "inlineStr") text = unescapeXlsxText(read.inline ?? "");
    else if (read.value === null) text = "";
    else if (read.type === "s") {
      const shared = strings[Number(read.value)];
      if (shared === undefined)
        throw new WorkbookProblem(
          `the workbook is damaged: cell ${reference} refers to shared string ${read.value}, which it does not have`,
          sheet,
          rowNumber,
        );
      text = shared;
    } else if (read.type === "str") text = unescapeXlsxText(read.value);
    else if (read.type === "b") text = read.value.trim() === "1" ? "TRUE" : "FALSE";
    else if (read.type === "e") {
      text = read.value;
      notes.push({ key: "errorCell", place, example: `${reference} ${read.value}` });
    } else if (read.type === "d") text = read.value.slice(0, 10);
    else {
      const date = dateStyle[read.style] ? serialDate(Number(read.value), date1904) : undefined;
      if (date !== undefined) notes.push({ key: "dateCell", place, example: `${reference} (${date})` });
      text = date ?? read.value;
    }
    if (read.formula !== null) {
      const formula = `=${read.formula}`;
      if (read.value === null && read.inline === null) {
        notes.push({ key: "formulaText", place, example: `${reference} ${formula}` });
        return formula;
      }
      notes.push({ key: "formulaCached", place, example: `${reference} ${formula}` });
    }
    return text;
  };

  const sink: EntrySink = (chunk, final) => {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: !final });
    } catch {
      throw new WorkbookProblem("the workbook is damaged: this sheet is not UTF-8 text", sheet);
    }
    parser.write(text);
    if (!final) return;
    parser.close();
    if (merged.length > 0) notes.push({ key: "mergedCells", place: { table }, example: `${sheet}!${merged.slice(0, 3).join(", ")}` });
    const [header, ...data] = rows;
    done({
      file,
      sheet,
      name: sheet,
      header: header?.cells ?? [],
      headerRow: header?.row ?? 0,
      rows: data,
    });
  };
  return sink;
}

/** The first bytes of an OLE2 compound file: Excel 97-2003 workbooks, and password-protected XLSX. */
function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Reads a workbook's sheets (see the module comment); every problem located at the file and sheet. */
export function readWorkbook(file: string, bytes: Uint8Array): WorkbookRead {
  const fail = (message: string, sheet?: string, row?: number): WorkbookRead => ({
    ok: false,
    issues: [cellIssue({ table: { file, ...(sheet === undefined ? {} : { sheet }) }, ...(row === undefined ? {} : { row }) }, message)],
  });
  if (bytes.length === 0) return fail("the file is empty");
  if (isCompoundFile(bytes))
    return fail(
      "this is an Excel 97-2003 workbook (.xls) or a password-protected one; save it as an Excel Workbook (.xlsx) without a password, or as CSV UTF-8",
    );
  if (!isZip(bytes)) return fail("this is not an XLSX workbook: an .xlsx file is a zip archive, and this one does not start like one");

  // First pass: the small parts that say which sheets there are and how to read their cells.
  const parts = new Map<string, string>();
  const wanted =
    /^(?:mimetype|\[Content_Types\]\.xml|_rels\/\.rels|[^/]+\/(?:workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml))$/i;
  let notText = "";
  const first = readZip(bytes, (name) =>
    wanted.test(name)
      ? collect((content) => {
          try {
            parts.set(name.toLowerCase(), new TextDecoder("utf-8", { fatal: true }).decode(content));
          } catch {
            notText = name;
          }
        })
      : undefined,
  );
  if (first) return fail(first.message);
  if (notText !== "") return fail(`the workbook is damaged: ${notText} is not UTF-8 text`);
  if (parts.get("mimetype")?.startsWith("application/vnd.oasis.opendocument"))
    return fail("this is an OpenDocument file (.ods), not an XLSX workbook; save it as an Excel Workbook (.xlsx) or as CSV UTF-8");

  try {
    // The workbook part: from the package's relationships, else where it always is.
    let workbookPath = "xl/workbook.xml";
    const packageRels = parts.get("_rels/.rels");
    if (packageRels)
      parsePart(packageRels, "_rels/.rels", (name, attributes) => {
        if (name === "Relationship" && /\/officeDocument$/.test(attributes.Type ?? "") && attributes.Target)
          workbookPath = resolvePath("", attributes.Target);
      });
    const workbookXml = parts.get(workbookPath.toLowerCase());
    if (workbookXml === undefined) return fail(`this is a zip archive but not an XLSX workbook: it has no ${workbookPath}`);
    const folder = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
    const rels = new Map<string, { type: string; target: string }>();
    const relsXml = parts.get(`${folder}_rels/workbook.xml.rels`.toLowerCase());
    if (relsXml)
      parsePart(relsXml, `${folder}_rels/workbook.xml.rels`, (name, attributes) => {
        if (name === "Relationship" && attributes.Id && attributes.Target)
          rels.set(attributes.Id, { type: attributes.Type ?? "", target: resolvePath(folder, attributes.Target) });
      });
    const sheets: SheetRef[] = [];
    let date1904 = false;
    parsePart(workbookXml, workbookPath, (name, attributes) => {
      if (name === "workbookPr") date1904 = /^(1|true)$/.test(attributes.date1904 ?? "");
      if (name !== "sheet") return;
      const id = attributeOf(attributes, "id", true);
      const rel = id === undefined ? undefined : rels.get(id);
      const sheetName = attributes.name ?? `Sheet${sheets.length + 1}`;
      // Chart sheets and dialog sheets hold no cells.
      if (rel && /\/worksheet$/.test(rel.type)) sheets.push({ name: sheetName, path: rel.target });
    });
    if (sheets.length === 0) return fail("the workbook has no worksheet");
    const sharedPath = [...rels.values()].find((rel) => /\/sharedStrings$/.test(rel.type))?.target ?? `${folder}sharedStrings.xml`;
    const stylesPath = [...rels.values()].find((rel) => /\/styles$/.test(rel.type))?.target ?? `${folder}styles.xml`;
    const strings = sharedStrings(parts.get(sharedPath.toLowerCase()));
    const dateStyle = dateStyles(parts.get(stylesPath.toLowerCase()));

    // Second pass: the sheets, parsed as they are unpacked, kept in the workbook's order.
    const notes: ReadNote[] = [];
    const found = new Map<string, SheetTable>();
    const byPath = new Map(sheets.map((sheet) => [sheet.path.toLowerCase(), sheet]));
    const second = readZip(bytes, (name) => {
      const sheet = byPath.get(name.toLowerCase());
      return sheet
        ? sheetReader({ file, sheet: sheet.name, strings, dateStyle, date1904, notes }, (table) => found.set(sheet.name, table))
        : undefined;
    });
    if (second) return fail(second.message);
    const tables: SheetTable[] = [];
    for (const sheet of sheets) {
      const table = found.get(sheet.name);
      if (!table)
        return fail(`the workbook is damaged: the sheet ${JSON.stringify(sheet.name)} is missing from the archive (${sheet.path})`);
      tables.push(table);
    }
    return { ok: true, tables, notes };
  } catch (error) {
    if (error instanceof WorkbookProblem) return fail(error.message, error.sheet, error.row);
    if (error instanceof ZipProblem) return fail(error.message);
    throw error;
  }
}

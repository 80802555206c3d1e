/**
 * What the XML formats' readers share: one file's bytes decoded strictly (decode.ts), read by the format's own
 * reader, the answer in the registry's shape (a dataset, or every error located; never a partial dataset).
 */
import type { LoadIssue } from "../../load/issues.ts";
import type { Dataset } from "../../model/schema.ts";
import type { ReadInput, ReadResult } from "../format.ts";
import { quote } from "../../model/text.ts";
import { decodeXmlBytes } from "./decode.ts";
import type { XmlTreeError } from "./tree.ts";

type XmlReadResult = { ok: true; dataset: Dataset; issues: LoadIssue[]; native: boolean } | { ok: false; issues: LoadIssue[] };

/** Reads the one file given with `read` (a GEXF or GraphML reader), after decoding its bytes. */
export function readXmlFile(files: readonly ReadInput[], noun: string, read: (text: string, file: string) => XmlReadResult): ReadResult {
  const [input] = files;
  if (!input || files.length > 1) throw new Error(`a ${noun} reader reads one file at a time`);
  // Bytes are decoded strictly, in the encoding the XML declaration names, before parsing.
  const decoded = decodeXmlBytes(input.bytes);
  if (!decoded.ok) {
    const { message, line, column } = decoded;
    const at = line === undefined ? {} : column === undefined ? { line } : { line, column };
    return { ok: false, issues: [{ file: input.file, pointer: "", severity: "error", message, ...at }] };
  }
  const result = read(decoded.text, input.file);
  return result.ok
    ? { ok: true, dataset: result.dataset, issues: result.issues, native: result.native }
    : { ok: false, issues: result.issues };
}

/** A place in an XML file, for a refusal's issue. */
export interface XmlPlace {
  line: number;
  column: number;
}

/** An XML reader's answer for a file it refuses whole: one located error and no dataset. */
export function refusedXml(file: string, message: string, place?: XmlPlace): { ok: false; issues: LoadIssue[]; native: false } {
  const issue: LoadIssue = { file, pointer: "", severity: "error", message, ...(place ? { line: place.line, column: place.column } : {}) };
  return { ok: false, issues: [issue], native: false };
}

/**
 * The text an XML reader parses (without a byte order mark), or why it is refused before parsing: an empty
 * file, or text that does not even start like XML (a JSON dataset, a CSV), located where it starts.
 */
export function xmlSource(text: string): { source: string } | { refused: { message: string; place: XmlPlace } } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === "") return { refused: { message: "the file is empty", place: { line: 1, column: 1 } } };
  const start = source.search(/\S/);
  if (source[start] !== "<") {
    const before = source.slice(0, start);
    const place = { line: before.split("\n").length, column: start - before.lastIndexOf("\n") };
    return { refused: { message: `the file is not XML: it starts with ${quote(source.slice(start, start + 20))}, where XML starts with "<"`, place } };
  }
  return { source };
}

/** What an XML reader says of a file the parser stopped on; `format` names the format that never needs a DOCTYPE. */
export function xmlErrorMessage(error: XmlTreeError, format: string): string {
  if (error.kind === "syntax") return `the file is not well-formed XML: ${error.message}`;
  if (error.kind === "doctype")
    return `the file has a DOCTYPE declaration; ${format} never needs one, and it is refused because it could declare external or expanding entities`;
  return error.message;
}

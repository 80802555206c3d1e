/**
 * What the XML formats' readers share: one file's bytes decoded strictly (decode.ts), read by the format's own
 * reader, the answer in the registry's shape (a dataset, or every error located; never a partial dataset).
 */
import type { LoadIssue } from "../../load/issues.ts";
import type { Dataset } from "../../model/schema.ts";
import type { ReadInput, ReadResult } from "../format.ts";
import { decodeXmlBytes } from "./decode.ts";

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

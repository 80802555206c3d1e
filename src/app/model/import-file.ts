/**
 * Opening files in the explorer, as a pure function of their names and bytes (it runs in a web worker):
 * a JSON dataset goes through parseDataset, a GEXF file through readGexf, each decoded strictly.
 * The outcome is a dataset that validates with zero errors, or every error, located (file, line and
 * column or JSON pointer); never a partial dataset.
 */
import { decodeXmlBytes } from "../../formats/xml/decode.ts";
import { readGexf } from "../../formats/gexf/read.ts";
import { decodeDatasetBytes } from "../../load/decode.ts";
import type { LoadIssue } from "../../load/issues.ts";
import { parseDataset, type DatasetInput } from "../../load/parse.ts";
import type { Dataset } from "../../model/schema.ts";
import { plural } from "./format.ts";

export type ImportFormat = "json" | "gexf";

/** Files above this size are refused before reading: the page would run out of memory building the graph. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export type ImportOutcome =
  | { ok: true; file: string; format: ImportFormat; dataset: Dataset; issues: LoadIssue[]; native: boolean }
  | { ok: false; file: string; format: ImportFormat | null; issues: LoadIssue[] };

function failure(file: string, format: ImportFormat | null, message: string, at: { line?: number; column?: number } = {}): ImportOutcome {
  const issue: LoadIssue = { file, pointer: "", message, severity: "error" };
  if (at.line !== undefined) issue.line = at.line;
  if (at.column !== undefined) issue.column = at.column;
  return { ok: false, file, format, issues: [issue] };
}

/** The file's format: by its extension, else by its first character; null when it is neither. */
export function importFormat(file: string, bytes: Uint8Array): ImportFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (extension === "json") return "json";
  if (extension === "gexf" || extension === "xml") return "gexf";
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i += 1;
  if (bytes[i] === 0x7b) return "json";
  if (bytes[i] === 0x3c) return "gexf";
  return null;
}

/** Why a file of this size is not read, or null. */
export function sizeProblem(size: number): string | null {
  if (size <= MAX_IMPORT_BYTES) return null;
  return `the file is ${(size / 1024 / 1024).toFixed(0)} MB; the explorer opens files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB (use the CLI for larger ones)`;
}

export interface ImportInput {
  file: string;
  bytes: Uint8Array;
}

/**
 * Reads dropped or picked files: one GEXF file, or one or more JSON dataset files read together (a
 * dataset may be split across files, as data/ is). `today` (YYYY-MM-DD) dates undated GEXF relations
 * in files without a date.
 */
export function readImportFiles(inputs: readonly ImportInput[], options: { today?: string } = {}): ImportOutcome {
  const shown = inputs.length === 1 ? (inputs[0] as ImportInput).file : `${inputs.length} files`;
  if (inputs.length === 0) return failure("(no file)", null, "no file was given");
  const tooBig = sizeProblem(inputs.reduce((sum, input) => sum + input.bytes.length, 0));
  if (tooBig) return failure(shown, null, tooBig);
  const issues: LoadIssue[] = [];
  const formats = inputs.map(({ file, bytes }) => {
    const format = bytes.length === 0 ? null : importFormat(file, bytes);
    if (bytes.length === 0) issues.push({ file, pointer: "", message: "the file is empty", severity: "error" });
    else if (format === null)
      issues.push({
        file,
        pointer: "",
        message: "the file is neither a dataset (.json) nor a GEXF file (.gexf): it does not start with { or <",
        severity: "error",
      });
    return format;
  });
  if (issues.length > 0) return { ok: false, file: shown, format: null, issues };
  if (formats.includes("gexf")) {
    const input = inputs[0] as ImportInput;
    if (inputs.length > 1)
      return failure(
        shown,
        "gexf",
        "open one GEXF file at a time (several files can be opened together only when they are all dataset .json files)",
      );
    const decoded = decodeXmlBytes(input.bytes);
    if (!decoded.ok) return failure(input.file, "gexf", decoded.message, decoded);
    const result = readGexf(decoded.text, { file: input.file, ...(options.today === undefined ? {} : { today: options.today }) });
    return result.ok
      ? { ok: true, file: input.file, format: "gexf", dataset: result.dataset, issues: result.issues, native: result.native }
      : { ok: false, file: input.file, format: "gexf", issues: result.issues };
  }
  const texts: DatasetInput[] = [];
  for (const { file, bytes } of inputs) {
    const decoded = decodeDatasetBytes(file, bytes);
    if (decoded.ok) texts.push(decoded.input);
    else issues.push(decoded.issue);
  }
  const defaultName = inputs.length === 1 ? shown.replace(/\.json$/i, "") : "Imported dataset";
  const result = parseDataset(texts, { defaultName });
  if (result.ok && issues.length === 0)
    return { ok: true, file: shown, format: "json", dataset: result.dataset, issues: result.issues, native: true };
  return { ok: false, file: shown, format: "json", issues: [...issues, ...result.issues] };
}

/** "12 entities, 30 relations, 4 sources". */
export function datasetCounts(dataset: Dataset): string {
  return `${plural(dataset.entities.length, "entity", "entities")}, ${plural(dataset.relations.length, "relation")}, ${plural(dataset.sources.length, "source")}`;
}

/** What was opened and how it was read, for the notice shown after opening it. */
export function importSummary(outcome: Extract<ImportOutcome, { ok: true }>): { title: string; detail: string } {
  const how =
    outcome.format === "json"
      ? outcome.file.endsWith(" files")
        ? "dataset files read together"
        : "a dataset file"
      : outcome.native
        ? "a Leverage Atlas GEXF export, read back exactly"
        : "GEXF mapped to the ontology as the notes below say";
  return { title: `Opened ${outcome.file}`, detail: `${datasetCounts(outcome.dataset)}: ${how}.` };
}

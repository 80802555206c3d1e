/**
 * Reading files into a dataset through the format registry, for the CLI's `import` and the explorer's
 * Open file alike: each file's format by its extension, else by its first bytes (each reader's sniff),
 * then its reader. The outcome is a dataset that validates with zero errors, or every error, located
 * (file, line and column or JSON pointer); never a partial dataset. Plain data, so it crosses a worker's
 * message channel.
 */
import type { LoadIssue } from "../load/issues.ts";
import type { SavedLayout } from "../model/layout.ts";
import type { Dataset } from "../model/schema.ts";
import { listWords } from "../model/text.ts";
import { isZip, unpackArchive, ZipProblem } from "./archive.ts";
import { firstCharacterPlace } from "./sniff.ts";
import type { ReadInput, ReadOptions, UnmappedKinds } from "./format.ts";
import { dottedExtensions, formatsForFileName, readersByNoun, withArticle, type ReadableFormat } from "./registry.ts";

export type ImportOutcome =
  | {
      ok: true;
      /** The file, or "N files". */
      file: string;
      /** The id of the format read. */
      format: string;
      dataset: Dataset;
      /** Warnings (and, for a mapped file, notes on how it was mapped). */
      issues: LoadIssue[];
      /** The file is the atlas's own (a dataset or an export) and was read back exactly; false: mapped. */
      native: boolean;
      /** What was read: "a dataset file", "GEXF mapped to the ontology" (the reader's describe). */
      description: string;
      /** Saved layouts read with the dataset's files, sorted by name (the explorer opens at the default one). */
      layouts: readonly SavedLayout[];
    }
  | {
      ok: false;
      file: string;
      format: string | null;
      issues: LoadIssue[];
      /** Kinds of the file that neither the ontology nor the mapping given knows: the explorer offers to map them. */
      unmapped?: UnmappedKinds;
    };

function failure(file: string, message: string, at?: { line: number; column: number }): LoadIssue {
  return { file, pointer: "", message, severity: "error", ...at };
}

/** "the file is neither a dataset (.json) nor a GEXF file (.gexf, .xml): it does not start with { or <" */
export function unrecognisedMessage(readers: readonly ReadableFormat[]): string {
  const named = readersByNoun(readers);
  const kinds = named.map((format) => `${withArticle(format.reader.noun)} (${dottedExtensions(format)})`);
  const what = kinds.length === 2 ? `neither ${kinds[0]} nor ${kinds[1]}` : `none of ${listWords(kinds)}`;
  const starts = listWords([...new Set(named.map((format) => format.reader.signature))]);
  return `the file is ${what}: it does not start with ${starts}`;
}

/**
 * The file's format: the one its extension names; when several do, or none, the first whose reader is
 * sure of the bytes, else the first that thinks they may be its (then the first the extension names).
 */
export function formatOfFile(file: string, bytes: Uint8Array, readers: readonly ReadableFormat[]): ReadableFormat | null {
  const named = formatsForFileName(file, readers);
  if (named.length === 1) return named[0] as ReadableFormat;
  const candidates = named.length > 1 ? named : readers;
  const likeness = candidates.map((format) => format.reader.sniff(bytes));
  const chosen = candidates[likeness.indexOf("yes")] ?? candidates[likeness.indexOf("maybe")];
  return chosen ?? named[0] ?? null;
}

/**
 * Zip archives unpacked into their files, unless a reader reads such zips as they are (XLSX): a CSV bundle
 * downloaded from the explorer, or any zip of files some reader reads. Files of an archive that no reader
 * recognises (a README, a picture) are left out with a warning; an archive that cannot be read safely is an
 * error (archive.ts bounds what it unpacks).
 */
export function unpackArchives(
  inputs: readonly ReadInput[],
  readers: readonly ReadableFormat[],
): { inputs: ReadInput[]; issues: LoadIssue[] } {
  const unpacked: ReadInput[] = [];
  const issues: LoadIssue[] = [];
  for (const input of inputs) {
    if (!isZip(input.bytes) || formatOfFile(input.file, input.bytes, readers)?.reader.zipped) {
      unpacked.push(input);
      continue;
    }
    const files = unpackArchive(input);
    if (files instanceof ZipProblem) {
      issues.push(failure(input.file, files.message));
      continue;
    }
    const readable = files.filter((file) => file.bytes.length > 0 && formatOfFile(file.file, file.bytes, readers) !== null);
    const left = files.filter((file) => !readable.includes(file)).map((file) => file.file.slice(input.file.length + 1));
    if (left.length > 0)
      issues.push({
        file: input.file,
        pointer: "",
        severity: readable.length > 0 ? "warning" : "error",
        message: `${readable.length > 0 ? "left out" : "the archive holds no file to read:"} ${left.slice(0, 5).join(", ")}${left.length > 5 ? ` and ${left.length - 5} more` : ""}${readable.length > 0 ? ", which no reader recognises" : ""}`,
      });
    else if (readable.length === 0) issues.push(failure(input.file, "the archive holds no file"));
    unpacked.push(...readable);
  }
  return { inputs: unpacked, issues };
}

/**
 * Reads files with the readers given (those of the runtime): one file, or several read together when
 * their format's reader accepts several (a dataset split across files, as data/ is; CSV tables). Zip
 * archives are unpacked first (unpackArchives).
 */
export function readFiles(given: readonly ReadInput[], readers: readonly ReadableFormat[], options: ReadOptions = {}): ImportOutcome {
  const shownGiven = given.length === 1 ? (given[0] as ReadInput).file : `${given.length} files`;
  if (given.length === 0) return { ok: false, file: "(no file)", format: null, issues: [failure("(no file)", "no file was given")] };
  const unpacked = unpackArchives(given, readers);
  if (unpacked.issues.some((issue) => issue.severity === "error"))
    return { ok: false, file: shownGiven, format: null, issues: unpacked.issues };
  const inputs = unpacked.inputs;
  const shown = given.length === 1 && inputs.length === 1 ? (inputs[0] as ReadInput).file : shownGiven;
  const issues: LoadIssue[] = [];
  // With one reader there is nothing to choose: it reads every file, and its own errors are the most precise.
  const only = readers.length === 1 ? (readers[0] as ReadableFormat) : null;
  const formats = inputs.map(({ file, bytes }) => {
    if (only) return only;
    if (bytes.length === 0) {
      issues.push(failure(file, "the file is empty", { line: 1, column: 1 }));
      return null;
    }
    const format = formatOfFile(file, bytes, readers);
    if (format === null) issues.push(failure(file, unrecognisedMessage(readers), firstCharacterPlace(bytes)));
    return format;
  });
  if (issues.length > 0) return { ok: false, file: shown, format: null, issues };
  const found = formats as ReadableFormat[];
  const single = found.find((format) => format.reader.accepts === "one");
  if (inputs.length > 1 && single) {
    const together = readersByNoun(readers.filter((format) => format.reader.accepts === "several")).map(
      (format) => `${format.reader.noun}s (${dottedExtensions(format)})`,
    );
    const message =
      together.length === 0
        ? `open one ${single.reader.noun} at a time`
        : `open one ${single.reader.noun} at a time (several files can be opened together only when they are all ${listWords(together)})`;
    return { ok: false, file: shown, format: single.id, issues: [failure(shown, message)] };
  }
  const format = found[0] as ReadableFormat;
  if (found.some((other) => other !== format)) {
    const kinds = [...new Set(found.map((other) => withArticle(other.reader.noun)))];
    return {
      ok: false,
      file: shown,
      format: null,
      issues: [failure(shown, `open files of one format at a time; these are ${listWords(kinds, "and")}`)],
    };
  }
  const result = format.reader.read(inputs, options);
  if (!result.ok)
    return {
      ok: false,
      file: shown,
      format: format.id,
      issues: [...unpacked.issues, ...result.issues],
      ...(result.unmapped ? { unmapped: result.unmapped } : {}),
    };
  const description = format.reader.describe({ native: result.native, files: inputs.length });
  return {
    ok: true,
    file: shown,
    format: format.id,
    dataset: result.dataset,
    issues: [...unpacked.issues, ...result.issues],
    native: result.native,
    description,
    layouts: result.layouts ?? [],
  };
}

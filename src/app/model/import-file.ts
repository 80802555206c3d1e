/**
 * Opening files in the explorer, as a pure function of their names and bytes (it runs in a web worker):
 * each file goes to the reader the format registry gives its extension or first bytes (a JSON dataset to
 * parseDataset, GEXF to readGexf, each decoded strictly; see src/formats/read-files.ts). The outcome is a
 * dataset that validates with zero errors, or every error, located (file, line and column or JSON
 * pointer); never a partial dataset.
 */
import { readFiles, formatOfFile, type ImportOutcome } from "../../formats/read-files.ts";
import { dottedExtensions, readableFormats, readersByNoun, withArticle, type ReadableFormat } from "../../formats/registry.ts";
import type { Dataset } from "../../model/schema.ts";
import { listWords } from "../../model/text.ts";
import { plural } from "./format.ts";
import { mappingText, parseKindMapping } from "../../formats/sheets/kinds.ts";
import { normaliseKind } from "../../formats/sheets/mapping.ts";

export type { ImportOutcome };

/** The formats the explorer opens, in registry order. */
export const BROWSER_READERS: readonly ReadableFormat[] = readableFormats("browser");

/** Files above this size are refused before reading: the page would run out of memory building the graph. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/** The id of the file's format: by its extension, else by its first bytes; null when no reader recognises it. */
export function importFormat(file: string, bytes: Uint8Array): string | null {
  return formatOfFile(file, bytes, BROWSER_READERS)?.id ?? null;
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

/** The values of the readers' options a reading uses (the spreadsheets' layout and kind mapping), by key. */
export type ReaderValues = Readonly<Record<string, string | boolean | undefined>>;

/**
 * Reads dropped or picked files: one file, or several read together when their format allows it (JSON
 * dataset files: a dataset may be split across files, as data/ is; CSV tables), a zip unpacked first.
 * `today` (YYYY-MM-DD) dates undated relations; `values` are the readers' options (readerControls).
 */
export function readImportFiles(inputs: readonly ImportInput[], options: { today?: string; values?: ReaderValues } = {}): ImportOutcome {
  const shown = inputs.length === 1 ? (inputs[0] as ImportInput).file : `${inputs.length} files`;
  const tooBig = sizeProblem(inputs.reduce((sum, input) => sum + input.bytes.length, 0));
  if (inputs.length > 0 && tooBig)
    return { ok: false, file: shown, format: null, issues: [{ file: shown, pointer: "", message: tooBig, severity: "error" }] };
  return readFiles(inputs, BROWSER_READERS, {
    ...(options.today ? { today: options.today } : {}),
    ...(options.values ? { values: options.values } : {}),
  });
}

/** "12 entities, 30 relations, 4 sources". */
export function datasetCounts(dataset: Dataset): string {
  return `${plural(dataset.entities.length, "entity", "entities")}, ${plural(dataset.relations.length, "relation")}, ${plural(dataset.sources.length, "source")}`;
}

/** What was opened and how it was read, for the notice shown after opening it. */
export function importSummary(outcome: Extract<ImportOutcome, { ok: true }>): { title: string; detail: string } {
  const how = outcome.native ? outcome.description : `${outcome.description} as the notes below say`;
  return { title: `Opened ${outcome.file}`, detail: `${datasetCounts(outcome.dataset)}: ${how}.` };
}

/** The file picker's `accept`: every reader's extensions and media type, and zips (unpacked before reading: read-files.ts). */
export function pickerAccept(readers: readonly ReadableFormat[] = BROWSER_READERS): string {
  const named = readersByNoun(readers);
  const extensions = named.flatMap((format) => format.extensions.map((extension) => `.${extension}`));
  return [...new Set([...extensions, ".zip", ...named.map((format) => format.mediaType), "application/zip"])].join(",");
}

/** What can be opened, for the drop target: "A dataset (.json, one or several files) or a GEXF file (.gexf, .xml) from Gephi, …". */
export function openHint(readers: readonly ReadableFormat[] = BROWSER_READERS): string {
  const kinds = readersByNoun(readers).map((format) => {
    const several = format.reader.accepts === "several" ? ", one or several files" : "";
    return `${withArticle(format.reader.noun)} (${dottedExtensions(format)}${several})${format.reader.from ? ` ${format.reader.from}` : ""}`;
  });
  const text = listWords(kinds);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The Open file button's tooltip: "Open a dataset (.json) or a GEXF file (.gexf, .xml); you can also drop one on the page". */
export function openButtonTitle(readers: readonly ReadableFormat[] = BROWSER_READERS): string {
  const kinds = readersByNoun(readers).map((format) => `${withArticle(format.reader.noun)} (${dottedExtensions(format)})`);
  return `Open ${listWords(kinds)}; you can also drop one on the page`;
}

/** A control of a reader's option in the open-file report: a select for a choice, a text field for text. */
export type ReaderControl =
  | { key: string; type: "choice"; id: string; label: string; title: string; choices: { value: string; label: string }[]; value: string }
  | { key: string; type: "text"; id: string; label: string; title: string; value: string };

/** The controls of the options of the reader of `format` (its id), at the values given (else the defaults). */
export function readerControls(format: string | null, values: ReaderValues = {}): ReaderControl[] {
  const reader = BROWSER_READERS.find((candidate) => candidate.id === format)?.reader;
  return Object.entries(reader?.options ?? {}).flatMap(([key, option]): ReaderControl[] => {
    const id = `import-option-${key}`;
    const given = values[key];
    if (option.type === "choice")
      return [
        {
          key,
          type: "choice",
          id,
          label: option.control.label,
          title: option.control.title,
          choices: option.choices.map((choice) => ({ value: choice.value, label: choice.label })),
          value: typeof given === "string" ? given : option.default,
        },
      ];
    if (option.type === "text")
      return [
        { key, type: "text", id, label: option.control.label, title: option.control.title, value: typeof given === "string" ? given : "" },
      ];
    return [];
  });
}

/**
 * The kind mapping text after the user's choices in the report's table: the mapping given so far, with each
 * kind the user mapped (an empty choice leaves a kind out) added or replaced.
 */
export function withKindChoices(mapping: string | undefined, choices: ReadonlyMap<string, string>): string {
  const parsed = parseKindMapping(mapping);
  const pairs = new Map<string, { name: string; kind: string }>();
  if (parsed.ok)
    for (const [normal, name] of parsed.mapping.given)
      pairs.set(normal, { name, kind: parsed.mapping.entity.get(normal) ?? parsed.mapping.relation.get(normal) ?? "" });
  for (const [name, kind] of choices) if (kind !== "") pairs.set(normaliseKind(name), { name, kind });
  return mappingText([...pairs.values()].filter((pair) => pair.kind !== ""));
}

/**
 * The format registry: every file format Leverage Atlas writes or reads, one entry each. The CLI's
 * `export --format` choices, flags and --help, `import`'s formats, the explorer's export bar (buttons and
 * option controls), its Open file dispatcher and file picker, and exportFileName are all computed from
 * it. Adding a format = one module exporting a FormatSpec (format.ts) + one entry below.
 *
 * Browser-safe: every format here runs its code in node and/or the browser without node imports (a
 * format needing node goes in node.ts, the CLI's entry point). Order matters: it is the export bar's
 * and the CLI's help order, the first writer is the CLI's default, and when a file's extension does not
 * single out a reader, the first reader sure of the bytes reads it (else the first that may).
 */
import type { FormatReader, FormatSpec, FormatWriter, OptionSpecs, OptionValues, Runtime } from "./format.ts";
import { CSV_FORMAT } from "./csv/format.ts";
import { GEXF_FORMAT } from "./gexf/format.ts";
import { GRAPHML_FORMAT } from "./graphml/format.ts";
import { CYPHER_FORMAT } from "./cypher/format.ts";
import { NEO4J_FORMAT } from "./neo4j/format.ts";
import { JSON_DATASET_FORMAT } from "./json/format.ts";
import { PNG_FORMAT } from "./png/format.ts";
import { SVG_FORMAT } from "./svg/format.ts";
import { XLSX_FORMAT } from "./xlsx/format.ts";

export const FORMATS = [
  GEXF_FORMAT,
  GRAPHML_FORMAT,
  JSON_DATASET_FORMAT,
  XLSX_FORMAT,
  CSV_FORMAT,
  NEO4J_FORMAT,
  CYPHER_FORMAT,
  SVG_FORMAT,
  PNG_FORMAT,
] as const;

export type FormatId = (typeof FORMATS)[number]["id"];
export type WritableFormat = FormatSpec & { readonly writer: FormatWriter };
export type ReadableFormat = FormatSpec & { readonly reader: FormatReader };

/** The formats whose writer runs in this runtime, in registry order. */
export function writableFormats(runtime: Runtime, formats: readonly FormatSpec[] = FORMATS): WritableFormat[] {
  return formats.filter((format): format is WritableFormat => format.writer?.runs.includes(runtime) === true);
}

/** The formats whose reader runs in this runtime, in registry order. */
export function readableFormats(runtime: Runtime, formats: readonly FormatSpec[] = FORMATS): ReadableFormat[] {
  return formats.filter((format): format is ReadableFormat => format.reader?.runs.includes(runtime) === true);
}

export function findFormat<F extends FormatSpec>(id: string, formats: readonly F[]): F | undefined {
  return formats.find((format) => format.id === id);
}

/** The format registered under this id (ids typed by the registry, so a typo does not compile). */
export function formatById(id: FormatId): (typeof FORMATS)[number] {
  const format = findFormat(id, FORMATS);
  if (!format) throw new Error(`no format "${id}" in the registry`);
  return format;
}

/** The formats one of whose extensions ends the file name (case-insensitive), longest extension first ("csv.zip" before "zip"). */
export function formatsForFileName<F extends FormatSpec>(file: string, formats: readonly F[]): F[] {
  const name = file.toLowerCase();
  const longest = (format: F): number =>
    Math.max(0, ...format.extensions.filter((extension) => name.endsWith(`.${extension}`)).map((extension) => extension.length));
  return formats.filter((format) => longest(format) > 0).sort((a, b) => longest(b) - longest(a));
}

/**
 * Readers in the order messages and hints name them: alphabetical by noun ("dataset", "GEXF file"), so
 * what the page and the CLI say does not depend on the registry's order (which is the export bar's).
 */
export function readersByNoun(readers: readonly ReadableFormat[]): ReadableFormat[] {
  return [...readers].sort((a, b) => a.reader.noun.localeCompare(b.reader.noun, "en"));
}

/** The value of each option when none is given: off, the choice's or number's default, no text. */
export function defaultValues(options: OptionSpecs): OptionValues {
  return Object.fromEntries(
    Object.entries(options).map(([key, option]) => [
      key,
      option.type === "boolean" ? false : option.type === "choice" || option.type === "number" ? option.default : undefined,
    ]),
  );
}

/** Every option at its default: what a format writes unless told otherwise. */
export function defaultOptions(format: FormatSpec): OptionValues {
  return defaultValues(format.options);
}

/** The tags of the yes/no options that are on ("dynamic"), in the format's order: for file names and summaries. */
export function optionTags(format: FormatSpec, values: Partial<OptionValues>): string[] {
  return Object.entries(format.options).flatMap(([key, option]) => (option.type === "boolean" && values[key] === true ? [option.tag] : []));
}

/** A noun with its indefinite article: "a GEXF file", "an XLSX workbook" (by spelling: choose nouns it reads right for). */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

/** ".gexf, .xml" */
export function dottedExtensions(format: FormatSpec): string {
  return format.extensions.map((extension) => `.${extension}`).join(", ");
}

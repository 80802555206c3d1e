/**
 * `atlas import`: a file, a zip of files, or a folder of files (CSV tables) in any format of the registry
 * whose reader runs in node (src/formats/node.ts) -> a JSON dataset file. A dataset file itself is what
 * import writes (and `atlas validate` checks), so its reader is not offered here; the explorer's Open file
 * reads it. Readers' options (the spreadsheets' --layout and --map-kind) are flags, from the registry.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import type { ReadInput } from "../../formats/format.ts";
import { JSON_DATASET_FORMAT } from "../../formats/json/format.ts";
import { writeDatasetJson } from "../../formats/json/write.ts";
import { NODE_FORMATS } from "../../formats/node.ts";
import { readFiles } from "../../formats/read-files.ts";
import { dottedExtensions, formatsForFileName, readableFormats, withArticle, type ReadableFormat } from "../../formats/registry.ts";
import { formatIssue } from "../../load/issues.ts";
import { isHttpUrl } from "../../model/schema.ts";
import { listWords, plural, slugify } from "../../model/text.ts";
import { writeFileAtomically } from "../atomic-write.ts";
import { addFormatFlags, flagSynopsis, formatFlags, type OptionOwner } from "../format-flags.ts";
import { CliError, EXIT, type CliIo } from "../io.ts";

/** The formats `atlas import` reads. */
const READERS = readableFormats("node", NODE_FORMATS).filter((format) => format.id !== JSON_DATASET_FORMAT.id);

/** The readers as owners of flags: their options. */
interface ReaderOwner extends OptionOwner {
  readonly format: ReadableFormat;
}
const OWNERS: ReaderOwner[] = READERS.map((format) => ({ name: format.name, options: format.reader.options ?? {}, format }));
const READER_FLAGS = formatFlags(OWNERS);

function formatsHelp(): string {
  const width = Math.max(...READERS.map((format) => format.id.length));
  const lines = READERS.map((format) => {
    const flags = Object.values(format.reader.options ?? {}).map(flagSynopsis);
    return `  ${format.id.padEnd(width)}  ${format.reader.help} (${dottedExtensions(format)})${flags.length > 0 ? `; ${flags.join(", ")}` : ""}`;
  });
  return `
Formats (by the file's extension, else by its first characters; a zip is unpacked first, a folder read whole):
${lines.join("\n")}
`;
}

const EXAMPLES = `
Examples:
  $ npm run atlas -- import network.gexf --out data/network.json
  $ npm run atlas -- import gephi-export.gexf --source-url https://example.org/study/graph.gexf --out study.json
  $ npm run atlas -- import export.xlsx --out data/                        # a Leverage Atlas workbook, read back exactly
  $ npm run atlas -- import kumu-map.xlsx --map-kind "Company=vendor,Telco=carrier" --out kumu.json
  $ npm run atlas -- import gephi-tables/ --layout gephi --out data/      # a folder: nodes.csv and edges.csv
  $ npm run atlas -- import edges.csv --layout edges --map-kind "Funding=funds" --out edges.json

A Leverage Atlas export comes back exactly. Other files are mapped to the ontology (see "Formats: export and import"
and "Spreadsheets" in the README); every mapping is reported as a warning on stderr. Kinds the ontology lacks must be
mapped (--map-kind NAME=kind,...); the error lists them. --out names a file, or a folder to write NAME.json in.

Exit status: 0 imported (warnings allowed); 1 the file cannot be imported without losing or misreading data
(unparseable XML or CSV, edges to missing nodes, unmapped kinds, ...: each error is listed, nothing is written);
2 usage error.`;

/** Files below a folder that some reader's extension names (or zips), sorted; hidden files and folders left out. */
async function folderFiles(folder: string): Promise<{ files: string[]; skipped: string[] }> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  const skipped: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(folder, file);
    if (relative.split(path.sep).some((part) => part.startsWith("."))) continue;
    if (formatsForFileName(file, READERS).length > 0 || /\.zip$/i.test(file)) files.push(file);
    else skipped.push(relative);
  }
  return { files: files.sort(), skipped: skipped.sort() };
}

/** What to read: the file, or the readable files of the folder (said on stderr when some are left out). */
async function inputsOf(target: string, io: CliIo): Promise<ReadInput[]> {
  const info = await stat(target).catch((error: unknown) => {
    const reason =
      error instanceof Error ? ("code" in error && error.code === "ENOENT" ? "no such file or folder" : error.message) : String(error);
    throw new CliError(`cannot read ${target}: ${reason}`, EXIT.usage);
  });
  if (!info.isDirectory()) return [{ file: target, bytes: await readFile(target) }];
  const { files, skipped } = await folderFiles(target);
  if (files.length === 0)
    throw new CliError(
      `${target} holds no file to import (${listWords([...new Set(READERS.flatMap((format) => format.extensions.map((extension) => `.${extension}`)))])})`,
      EXIT.usage,
    );
  if (skipped.length > 0)
    io.stderr(
      `${target}: left out ${listWords(skipped.slice(0, 5), "and")}${skipped.length > 5 ? ` and ${skipped.length - 5} more` : ""}: no reader for them\n`,
    );
  return Promise.all(
    files.map(async (file) => ({
      file: path.relative(process.cwd(), file).startsWith("..") ? file : path.relative(process.cwd(), file),
      bytes: await readFile(file),
    })),
  );
}

/** The given values of readers' flags, by option key (a flag shared by several readers has one key in each). */
function readerValues(given: Readonly<Record<string, unknown>>): { values: Record<string, string | boolean>; flags: string[] } {
  const values: Record<string, string | boolean> = {};
  const flags: string[] = [];
  for (const flag of READER_FLAGS) {
    const value = given[flag.attribute];
    if (value === undefined || value === false) continue;
    flags.push(flag.option.flag);
    // commander gives a `--flag <value>` option's value as a string.
    const text = typeof value === "string" ? value : JSON.stringify(value);
    for (const owner of flag.owners) values[owner.key] = flag.option.type === "boolean" ? true : text;
  }
  return { values, flags };
}

/** Where the dataset goes: into the folder named, as NAME.json (NAME from the dataset's name); else the file named. */
async function outputFile(out: string, datasetName: string, target: string): Promise<string> {
  const info = await stat(out).catch(() => undefined);
  if (!info?.isDirectory()) return out;
  const base = slugify(datasetName, 60) || slugify(path.basename(target).replace(/\.[^.]*$/, ""), 60) || "imported";
  return path.join(out, `${base}.json`);
}

export function registerImport(program: Command, io: CliIo): void {
  const kinds = listWords(READERS.map((format) => withArticle(format.reader.noun)));
  const command = program
    .command("import")
    .description(`import ${kinds} (see Formats below) as a JSON dataset file that validates with zero errors`)
    .argument("<path>", `the file to import (${kinds}), a zip of such files, or a folder of them (CSV tables)`)
    .option(
      "--out <file-or-folder>",
      "write the dataset to this file, or into this existing folder as NAME.json (atomically), instead of stdout",
    )
    .option("--source-url <url>", "where the file came from: cited by relations the file gives no source for")
    .option("--name <name>", "dataset name when the file has none (default: the file name)");
  addFormatFlags(command, READER_FLAGS);
  command
    .addHelpText("after", formatsHelp() + EXAMPLES)
    .action(async (target: string, options: { out?: string; sourceUrl?: string; name?: string } & Record<string, unknown>) => {
      if (options.sourceUrl !== undefined && !isHttpUrl(options.sourceUrl))
        throw new CliError(`--source-url must be an http(s) URL, got "${options.sourceUrl}"`, EXIT.usage);
      const inputs = await inputsOf(target, io);
      const { values, flags } = readerValues(options);
      const result = readFiles(inputs, READERS, {
        ...(options.sourceUrl === undefined ? {} : { sourceUrl: options.sourceUrl }),
        ...(options.name === undefined ? {} : { name: options.name }),
        values,
      });
      const format = READERS.find((candidate) => candidate.id === result.format);
      if (format) {
        const owned = new Set(Object.values(format.reader.options ?? {}).map((option) => option.flag));
        const foreign = flags.filter((flag) => !owned.has(flag as `--${string}`));
        if (foreign.length > 0) {
          const owners = READER_FLAGS.find((flag) => flag.option.flag === foreign[0])?.owners.map((owner) => owner.format.name) ?? [];
          throw new CliError(`${foreign[0]} applies to ${listWords(owners)} only, not to ${format.name}`, EXIT.usage);
        }
      }
      for (const issue of result.issues) io.stderr(`${formatIssue(issue)}\n`);
      const shown = path.basename(target);
      if (!result.ok) {
        const errors = result.issues.filter((issue) => issue.severity === "error").length;
        throw new CliError(`${target}: not imported (${plural(errors, "error")}); nothing was written`, EXIT.invalid);
      }
      const text = writeDatasetJson(result.dataset);
      const out = options.out === undefined ? undefined : await outputFile(options.out, result.dataset.meta.name, target);
      if (out === undefined) io.stdout(text);
      else writeFileAtomically(out, (write) => write(text));
      const { entities, relations, sources } = result.dataset;
      // Every format import reads is either one Leverage Atlas writes (read back exactly) or a foreign one it maps.
      const how = result.native ? "a Leverage Atlas export, read back exactly" : "mapped to the ontology as the warnings say";
      io.stderr(
        `imported ${shown}${out === undefined ? "" : ` into ${out}`}: ${plural(entities.length, "entity", "entities")}, ${plural(relations.length, "relation")}, ${plural(sources.length, "source")} (${how})\n`,
      );
    });
}

/**
 * `atlas import`: a file in any format of the registry whose reader runs in node (src/formats/node.ts) ->
 * a JSON dataset file. A dataset file itself is what import writes (and `atlas validate` checks), so its
 * reader is not offered here; the explorer's Open file reads it.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { JSON_DATASET_FORMAT } from "../../formats/json/format.ts";
import { writeDatasetJson } from "../../formats/json/write.ts";
import { NODE_FORMATS } from "../../formats/node.ts";
import { readFiles } from "../../formats/read-files.ts";
import { dottedExtensions, readableFormats, withArticle } from "../../formats/registry.ts";
import { formatIssue } from "../../load/issues.ts";
import { isHttpUrl } from "../../model/schema.ts";
import { listWords, plural } from "../../model/text.ts";
import { writeFileAtomically } from "../atomic-write.ts";
import { CliError, EXIT, type CliIo } from "../io.ts";

/** The formats `atlas import` reads. */
const READERS = readableFormats("node", NODE_FORMATS).filter((format) => format.id !== JSON_DATASET_FORMAT.id);

function formatsHelp(): string {
  const width = Math.max(...READERS.map((format) => format.id.length));
  const lines = READERS.map((format) => `  ${format.id.padEnd(width)}  ${format.reader.help} (${dottedExtensions(format)})`);
  return `
Formats (by the file's extension, else by its first characters):
${lines.join("\n")}
`;
}

const EXAMPLES = `
Examples:
  $ npm run atlas -- import network.gexf --out data/network.json
  $ npm run atlas -- import gephi-export.gexf --source-url https://example.org/study/graph.gexf --out study.json

A Leverage Atlas export comes back exactly. Other files are mapped to the ontology (see "Formats: export and import"
in the README); every mapping is reported as a warning on stderr.

Exit status: 0 imported (warnings allowed); 1 the file cannot be imported without losing or misreading data
(unparseable XML, edges to missing nodes, ...: each error is listed, nothing is written); 2 usage error.`;

export function registerImport(program: Command, io: CliIo): void {
  const kinds = listWords(READERS.map((format) => withArticle(format.reader.noun)));
  program
    .command("import")
    .description(`import ${kinds} (see Formats below) as a JSON dataset file that validates with zero errors`)
    .argument("<file>", `the file to import: ${kinds}`)
    .option("--out <file>", "write the dataset to this file (atomically) instead of stdout")
    .option("--source-url <url>", "where the file came from: cited by relations the file gives no source for")
    .option("--name <name>", "dataset name when the file has none (default: the file name)")
    .addHelpText("after", formatsHelp() + EXAMPLES)
    .action(async (file: string, options: { out?: string; sourceUrl?: string; name?: string }) => {
      if (options.sourceUrl !== undefined && !isHttpUrl(options.sourceUrl))
        throw new CliError(`--source-url must be an http(s) URL, got "${options.sourceUrl}"`, EXIT.usage);
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new CliError(
          `cannot read ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : (error as Error).message}`,
          EXIT.usage,
        );
      }
      const result = readFiles([{ file, bytes }], READERS, {
        ...(options.sourceUrl === undefined ? {} : { sourceUrl: options.sourceUrl }),
        ...(options.name === undefined ? {} : { name: options.name }),
      });
      for (const issue of result.issues) io.stderr(`${formatIssue(issue)}\n`);
      if (!result.ok) {
        const errors = result.issues.filter((issue) => issue.severity === "error").length;
        throw new CliError(`${file}: not imported (${errors} error${errors === 1 ? "" : "s"}); nothing was written`, EXIT.invalid);
      }
      const text = writeDatasetJson(result.dataset);
      if (options.out === undefined) io.stdout(text);
      else writeFileAtomically(options.out, (write) => write(text));
      const { entities, relations, sources } = result.dataset;
      // Every format import reads is either one Leverage Atlas writes (read back exactly) or a foreign one it maps.
      const how = result.native ? "a Leverage Atlas export, read back exactly" : "mapped to the ontology as the warnings say";
      io.stderr(
        `imported ${path.basename(file)}${options.out === undefined ? "" : ` into ${options.out}`}: ${plural(entities.length, "entity", "entities")}, ${plural(relations.length, "relation")}, ${plural(sources.length, "source")} (${how})\n`,
      );
    });
}

/** `atlas import`: a GEXF file (Leverage Atlas, Gephi, graphology, networkx) -> a JSON dataset file. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { decodeXmlBytes } from "../../formats/xml/decode.ts";
import { readGexf } from "../../formats/gexf/read.ts";
import { writeDatasetJson } from "../../formats/json/write.ts";
import { formatIssue } from "../../load/issues.ts";
import { isHttpUrl } from "../../model/schema.ts";
import { writeFileAtomically } from "../atomic-write.ts";
import { CliError, EXIT, type CliIo } from "../io.ts";

const EXAMPLES = `
Examples:
  $ npm run atlas -- import network.gexf --out data/network.json
  $ npm run atlas -- import gephi-export.gexf --source-url https://example.org/study/graph.gexf --out study.json

A Leverage Atlas export comes back exactly. Other GEXF is mapped to the ontology (see "GEXF and JSON export"
in the README); every mapping is reported as a warning on stderr.

Exit status: 0 imported (warnings allowed); 1 the file cannot be imported without losing or misreading data
(unparseable XML, edges to missing nodes, ...: each error is listed, nothing is written); 2 usage error.`;

export function registerImport(program: Command, io: CliIo): void {
  program
    .command("import")
    .description("import a GEXF file (1.1draft, 1.2draft, 1.3) as a JSON dataset file that validates with zero errors")
    .argument("<file>", "the GEXF file")
    .option("--out <file>", "write the dataset to this file (atomically) instead of stdout")
    .option("--source-url <url>", "where the file came from: cited by relations the file gives no source for")
    .option("--name <name>", "dataset name when the file has none (default: the file name)")
    .addHelpText("after", EXAMPLES)
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
      const decoded = decodeXmlBytes(bytes);
      if (!decoded.ok) {
        const { message, line, column } = decoded;
        io.stderr(`${formatIssue({ file, pointer: "", severity: "error", message, ...(line === undefined ? {} : { line, column }) })}\n`);
        throw new CliError(`${file}: not imported (1 error); nothing was written`, EXIT.invalid);
      }
      const result = readGexf(decoded.text, {
        file,
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
      const origin = result.native ? "a Leverage Atlas export, read back exactly" : "mapped to the ontology as the warnings say";
      io.stderr(
        `imported ${path.basename(file)}${options.out === undefined ? "" : ` into ${options.out}`}: ${plural(entities.length, "entity", "entities")}, ${plural(relations.length, "relation")}, ${plural(sources.length, "source")} (${origin})\n`,
      );
    });
}

function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? noun : pluralNoun}`;
}

import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { LAYOUT_SCHEMA_PATH } from "../../model/layout.ts";
import { datasetJsonSchemaText, layoutJsonSchemaText } from "../../model/json-schema.ts";
import { CliError, EXIT, type CliIo } from "../io.ts";

export const SCHEMA_PATH = "schema/dataset.schema.json";

/** The schemas `atlas schema` prints: a dataset file's (the default) and a saved layout's. */
const SCHEMAS = {
  dataset: { text: datasetJsonSchemaText, committed: SCHEMA_PATH },
  layout: { text: layoutJsonSchemaText, committed: LAYOUT_SCHEMA_PATH },
} as const;

export function registerSchema(program: Command, io: CliIo): void {
  program
    .command("schema")
    .description("print the JSON Schema of a dataset file (or of a saved layout), generated from the model (or write it with --out)")
    .argument("[which]", `dataset (a dataset file, ${SCHEMA_PATH}) or layout (layouts/NAME.json, ${LAYOUT_SCHEMA_PATH})`, "dataset")
    .option("--out <file>", "write it to a file (the committed copies are named above)")
    .option("--check <file>", "exit 1 when the file differs from the generated schema")
    .action(async (which: string, options: { out?: string; check?: string }) => {
      if (which !== "dataset" && which !== "layout") throw new CliError(`the schema must be dataset or layout, got "${which}"`, EXIT.usage);
      const text = SCHEMAS[which].text();
      if (options.check) {
        const current = await readFile(options.check, "utf8").catch(() => "");
        if (current !== text) throw new CliError(`${options.check} is stale: run "npm run schema" and commit it`, EXIT.invalid);
        io.stdout(`${options.check} is up to date\n`);
      } else if (options.out) {
        await writeFile(options.out, text);
        io.stdout(`wrote ${options.out}\n`);
      } else {
        io.stdout(text);
      }
    });
}

import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { datasetJsonSchemaText } from "../../model/json-schema.ts";
import { CliError, EXIT, type CliIo } from "../io.ts";

export const SCHEMA_PATH = "schema/dataset.schema.json";

export function registerSchema(program: Command, io: CliIo): void {
  program
    .command("schema")
    .description("print the JSON Schema of a dataset file, generated from the model (or write it with --out)")
    .option("--out <file>", `write it to a file (the committed copy is ${SCHEMA_PATH})`)
    .option("--check <file>", "exit 1 when the file differs from the generated schema")
    .action(async (options: { out?: string; check?: string }) => {
      const text = datasetJsonSchemaText();
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

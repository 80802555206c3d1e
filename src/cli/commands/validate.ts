import type { Command } from "commander";
import { DatasetPathError, loadDataset } from "../../load/read.ts";
import { formatIssue } from "../../load/issues.ts";
import { CliError, EXIT, type CliIo } from "../io.ts";
import { DEFAULT_DATASET_PATH } from "../dataset.ts";

function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en")} ${noun}${count === 1 ? "" : "s"}`;
}

export function registerValidate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("validate")
    .description("check a dataset folder or file and list every problem with its file and JSON pointer")
    .argument("[path]", "dataset folder or file", DEFAULT_DATASET_PATH)
    .option("--json", "print one JSON object {ok, entities, relations, sources, errors}")
    .addHelpText("after", "\nExit status: 0 valid (warnings allowed), 1 errors found, 2 usage error.")
    .action(async (path: string, options: { json?: boolean }) => {
      let result;
      try {
        result = await loadDataset(path);
      } catch (error) {
        if (error instanceof DatasetPathError) throw new CliError(error.message, EXIT.usage);
        throw error;
      }
      const errors = result.issues.filter((issue) => issue.severity === "error").length;
      const warnings = result.issues.length - errors;
      if (options.json) {
        io.stdout(
          `${JSON.stringify({ ok: result.ok, ...result.counts, errors: result.issues.map(({ file, pointer, message, severity, line, column }) => ({ file, pointer, message, severity, line, column })) }, null, 2)}\n`,
        );
      } else {
        for (const issue of result.issues) io.stdout(`${formatIssue(issue)}\n`);
        const { entities, relations, sources } = result.counts;
        const contents = `${plural(entities, "entity").replace("entitys", "entities")}, ${plural(relations, "relation")}, ${plural(sources, "source")}`;
        io.stdout(`${result.ok ? "valid" : "invalid"}: ${path}: ${contents}; ${plural(errors, "error")}, ${plural(warnings, "warning")}\n`);
      }
      setExit(result.ok ? EXIT.ok : EXIT.invalid);
    });
}

import type { Command } from "commander";
import { formatIssue } from "../../load/issues.ts";
import { EXIT, type CliIo } from "../io.ts";
import { DEFAULT_DATASET_PATH, loadFromPath } from "../dataset.ts";

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? noun : nouns}`;
}

export function registerValidate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("validate")
    .description("check a dataset folder or file and list every problem with its file and JSON pointer")
    .argument("[path]", "dataset folder or file", DEFAULT_DATASET_PATH)
    .option("--json", "print one JSON object {ok, entities, relations, sources, errors}")
    .addHelpText("after", "\nExit status: 0 valid (warnings allowed), 1 errors found, 2 usage error.")
    .action(async (path: string, options: { json?: boolean }) => {
      const result = await loadFromPath(path, io);
      const errors = result.issues.filter((issue) => issue.severity === "error").length;
      const warnings = result.issues.length - errors;
      if (options.json) {
        io.stdout(
          `${JSON.stringify({ ok: result.ok, ...result.counts, errors: result.issues.map(({ file, pointer, message, severity, line, column }) => ({ file, pointer, message, severity, line, column })) }, null, 2)}\n`,
        );
      } else {
        for (const issue of result.issues) io.stdout(`${formatIssue(issue)}\n`);
        const { entities, relations, sources } = result.counts;
        const contents = `${plural(entities, "entity", "entities")}, ${plural(relations, "relation")}, ${plural(sources, "source")}`;
        io.stdout(`${result.ok ? "valid" : "invalid"}: ${path}: ${contents}; ${plural(errors, "error")}, ${plural(warnings, "warning")}\n`);
      }
      setExit(result.ok ? EXIT.ok : EXIT.invalid);
    });
}

import { stat } from "node:fs/promises";
import type { Command } from "commander";
import { defaultSourceCount, generateDataset, generateOptionsProblem, type GenerateOptions } from "../../generate/generate.ts";
import { DATASET_FILE_NAMES, foreignJsonFiles, writeDataset } from "../../generate/write.ts";
import { CliError, EXIT, type CliIo } from "../io.ts";
import { progressOn } from "../progress.ts";

interface GenerateFlags {
  entities: string;
  relations: string;
  seed: string;
  sources?: string;
  out: string;
  progress?: boolean;
}

function wholeNumber(flag: string, value: string): number {
  const number = value.trim() === "" ? Number.NaN : Number(value);
  if (!Number.isSafeInteger(number)) throw new CliError(`--${flag} must be a whole number, got "${value}"`, EXIT.usage);
  return number;
}

export function registerGenerate(program: Command, io: CliIo): void {
  program
    .command("generate")
    .description("write a seeded synthetic dataset on the ontology (heavy-tailed degrees, dated, sourced) for benchmarks and stress tests")
    .requiredOption("--entities <n>", "number of entities (at least 2)")
    .requiredOption("--relations <n>", "number of relations (at least entities - 1, so every entity is linked)")
    .requiredOption("--out <dir>", `folder to write ${DATASET_FILE_NAMES.join(", ")} into (created if missing)`)
    .option("--seed <n>", "seed: the same seed and sizes give the same files", "1")
    .option("--sources <n>", "number of sources (default: one per ten entities)")
    .option("--progress", "show progress on stderr even when it is not a terminal")
    .addHelpText("after", "\nThe dataset passes `atlas validate` with no error and no warning. Every name, claim and source is invented.")
    .action(async (flags: GenerateFlags) => {
      const options: GenerateOptions = {
        entities: wholeNumber("entities", flags.entities),
        relations: wholeNumber("relations", flags.relations),
        seed: wholeNumber("seed", flags.seed),
      };
      if (flags.sources !== undefined) options.sources = wholeNumber("sources", flags.sources);
      const problem = generateOptionsProblem(options);
      if (problem) throw new CliError(problem, EXIT.usage);
      const existing = await stat(flags.out).catch(() => undefined);
      if (existing && !existing.isDirectory()) throw new CliError(`--out must be a folder, but ${flags.out} is a file`, EXIT.usage);
      const foreign = existing ? await foreignJsonFiles(flags.out) : [];
      if (foreign.length > 0) {
        // Loading the folder would merge those files into the generated dataset.
        throw new CliError(
          `${flags.out} already holds other .json files (${foreign.slice(0, 3).join(", ")}); choose an empty folder`,
          EXIT.usage,
        );
      }

      const progress = progressOn(io, { force: flags.progress === true });
      const dataset = generateDataset({
        ...options,
        onProgress: (step, done, total) => progress.update(`generating ${step}`, done, total),
      });
      const files = await writeDataset(dataset, flags.out, (file, done, total) => progress.update(`writing ${file}`, done, total));
      progress.finish();
      const sources = options.sources ?? defaultSourceCount(options.entities);
      io.stdout(
        `wrote ${options.entities.toLocaleString("en")} entities, ${options.relations.toLocaleString("en")} relations and ${sources.toLocaleString("en")} sources (seed ${options.seed}) to ${files.join(", ")}\n`,
      );
    });
}

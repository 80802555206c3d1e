/**
 * `atlas layout`: computes a layout of a dataset and saves it as layouts/NAME.json in the dataset folder
 * (src/model/layout.ts), so the explorer, a published site and `atlas export --format svg` draw the same
 * picture every time. ForceAtlas2 runs from the explorer's seeded starting positions for a fixed number of
 * iterations: the same dataset gives the same file.
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { buildGraph } from "../../graph/build.ts";
import { DEFAULT_LAYOUT_ITERATIONS, LAYOUT_SEED, forceAtlas2Layout } from "../../graph/layout.ts";
import {
  DEFAULT_LAYOUT_NAME,
  LAYOUTS_FOLDER,
  LAYOUT_SCHEMA_PATH,
  LAYOUT_SCHEMA_REFERENCE,
  isLayoutName,
  layoutText,
} from "../../model/layout.ts";
import { plural } from "../../model/text.ts";
import { writeFileAtomically } from "../atomic-write.ts";
import { DEFAULT_DATASET_PATH, loadWithLayoutsOrFail } from "../dataset.ts";
import { CliError, EXIT, type CliIo } from "../io.ts";

const MAX_ITERATIONS = 100_000;

const EXAMPLES = `
Examples:
  $ npm run atlas -- layout                                  # data/layouts/default.json
  $ npm run atlas -- layout my-dataset --name overview --iterations 3000

The layout opened by the explorer is the one named "default" (else the first by name). The explorer's
"Save layout" saves the positions as drawn (after moving the layout on) in the same format.

Exit status: 0 written; 1 invalid dataset; 2 usage error (a file instead of a folder, a bad name or number,
a folder that cannot be written). Nothing is written on failure.`;

export function registerLayout(program: Command, io: CliIo): void {
  program
    .command("layout")
    .description(`compute ForceAtlas2 positions (fixed seed) and save them as ${LAYOUTS_FOLDER}/NAME.json in the dataset folder`)
    .argument("[path]", "dataset folder", DEFAULT_DATASET_PATH)
    .option("--name <name>", `the layout's name (lowercase letters, digits, hyphens; default ${DEFAULT_LAYOUT_NAME})`, DEFAULT_LAYOUT_NAME)
    .option(
      "--iterations <n>",
      `ForceAtlas2 iterations, 1 to ${MAX_ITERATIONS.toLocaleString("en")} (default ${DEFAULT_LAYOUT_ITERATIONS})`,
    )
    .addHelpText("after", EXAMPLES)
    .action(async (folder: string, options: { name: string; iterations?: string }) => {
      if (!isLayoutName(options.name))
        throw new CliError(
          `--name must be lowercase letters and digits joined by single hyphens (it names the file), got "${options.name}"`,
          EXIT.usage,
        );
      const iterations = options.iterations === undefined ? DEFAULT_LAYOUT_ITERATIONS : Number(options.iterations);
      if (!/^\d+$/.test(options.iterations ?? "1") || !Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS)
        throw new CliError(
          `--iterations must be a whole number from 1 to ${MAX_ITERATIONS.toLocaleString("en")}, got "${options.iterations}"`,
          EXIT.usage,
        );
      const info = (() => {
        try {
          return statSync(folder);
        } catch {
          return undefined;
        }
      })();
      if (info?.isFile())
        throw new CliError(
          `${folder} is a file: saved layouts live in a dataset folder (${LAYOUTS_FOLDER}/NAME.json); give the folder`,
          EXIT.usage,
        );
      const { dataset, layouts } = await loadWithLayoutsOrFail(folder, io);
      const graph = buildGraph(dataset);
      const positions = forceAtlas2Layout(graph, { iterations });
      const target = path.join(folder, LAYOUTS_FOLDER, `${options.name}.json`);
      try {
        mkdirSync(path.dirname(target), { recursive: true });
      } catch (error) {
        throw new CliError(`cannot write ${target}: ${(error as Error).message}`, EXIT.usage);
      }
      // $schema points at the repository's schema when run inside it (any depth), else where data/layouts/ finds it.
      const schemaFile = path.resolve(LAYOUT_SCHEMA_PATH);
      const schema = existsSync(schemaFile)
        ? path.relative(path.dirname(target), schemaFile).split(path.sep).join("/")
        : LAYOUT_SCHEMA_REFERENCE;
      writeFileAtomically(target, (write) => write(layoutText(options.name, positions, schema)));
      const replaced = layouts.some((layout) => layout.name === options.name) ? " (replaced)" : "";
      io.stderr(
        `wrote ${target}${replaced}: ${plural(graph.order, "entity", "entities")} placed by ForceAtlas2 (${plural(iterations, "iteration")} from seed ${LAYOUT_SEED})\n`,
      );
    });
}

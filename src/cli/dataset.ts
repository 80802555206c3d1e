/** Loading a dataset for a command: a bad path is a usage error; an invalid dataset stops with its issues. */
import { DatasetPathError, loadDataset } from "../load/read.ts";
import type { DatasetLoadResult } from "../load/layouts.ts";
import { formatIssue } from "../load/issues.ts";
import type { SavedLayout } from "../model/layout.ts";
import type { Dataset } from "../model/schema.ts";
import { CliError, EXIT, type CliIo } from "./io.ts";
import { progressOn } from "./progress.ts";

export const DEFAULT_DATASET_PATH = "data";

/**
 * Loads a dataset; a path that does not exist or holds no JSON is a usage error (exit 2).
 * Given the command's io, it shows the loading steps on stderr when that is a terminal.
 */
export async function loadFromPath(path: string, io?: CliIo): Promise<DatasetLoadResult> {
  const progress = io ? progressOn(io) : undefined;
  try {
    return await loadDataset(path, progress ? { onProgress: (step, done, total) => progress.update(step, done, total) } : {});
  } catch (error) {
    if (error instanceof DatasetPathError) throw new CliError(error.message, EXIT.usage);
    throw error;
  } finally {
    progress?.finish();
  }
}

export async function loadOrFail(path: string, io: CliIo): Promise<Dataset> {
  return (await loadWithLayoutsOrFail(path, io)).dataset;
}

/** The dataset and its saved layouts (layouts/NAME.json, sorted by name), or exit 1 with the issues. */
export async function loadWithLayoutsOrFail(path: string, io: CliIo): Promise<{ dataset: Dataset; layouts: SavedLayout[] }> {
  const result = await loadFromPath(path, io);
  if (!result.ok) {
    for (const issue of result.issues) io.stderr(`${formatIssue(issue)}\n`);
    const errors = result.issues.filter((issue) => issue.severity === "error").length;
    throw new CliError(
      `${path}: the dataset has ${errors} error${errors === 1 ? "" : "s"}; run "atlas validate ${path}" for details`,
      EXIT.invalid,
    );
  }
  return { dataset: result.dataset, layouts: result.layouts };
}

/** Loading a dataset for a command: a bad path is a usage error; an invalid dataset stops with its issues. */
import { DatasetPathError, loadDataset } from "../load/read.ts";
import { formatIssue } from "../load/issues.ts";
import type { Dataset } from "../model/schema.ts";
import { CliError, EXIT, type CliIo } from "./io.ts";

export const DEFAULT_DATASET_PATH = "data";

export async function loadOrFail(path: string, io: CliIo): Promise<Dataset> {
  let result;
  try {
    result = await loadDataset(path);
  } catch (error) {
    if (error instanceof DatasetPathError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
  if (!result.ok) {
    for (const issue of result.issues) io.stderr(`${formatIssue(issue)}\n`);
    const errors = result.issues.filter((issue) => issue.severity === "error").length;
    throw new CliError(`${path}: the dataset has ${errors} error${errors === 1 ? "" : "s"}; run "atlas validate ${path}" for details`, EXIT.invalid);
  }
  return result.dataset;
}

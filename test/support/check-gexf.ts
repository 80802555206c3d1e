/**
 * The shared GEXF checker (`shared/tools/check-gexf`: official XSD through xmllint, then networkx),
 * found the way the export tests find it: ATLAS_CHECK_GEXF, else walking up from the repository.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function findCheckGexf(): string | undefined {
  const override = process.env.ATLAS_CHECK_GEXF;
  if (override) return override;
  for (let folder = REPO_ROOT; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, "shared/tools/check-gexf");
    if (existsSync(candidate)) return candidate;
    if (path.dirname(folder) === folder) return undefined;
  }
}

/** What `check-gexf --json` reports for one file. */
export interface CheckGexfResult {
  file: string;
  ok: boolean;
  version: string;
  schema_valid: boolean;
  nodes: number;
  edges: number;
  directed: boolean;
  multigraph: boolean;
  mode: string;
  attributes: { node: string[]; edge: string[] };
  errors: string[];
  warnings: string[];
}

/** Runs `check-gexf --json` once on many files (one process for all); throws when it is missing or cannot run. */
export async function runCheckGexf(files: readonly string[]): Promise<CheckGexfResult[]> {
  const checker = findCheckGexf();
  if (!checker) throw new Error("shared/tools/check-gexf not found (set ATLAS_CHECK_GEXF)");
  try {
    const { stdout } = await promisify(execFile)(checker, ["--json", ...files], { maxBuffer: 64 * 2 ** 20 });
    return JSON.parse(stdout) as CheckGexfResult[];
  } catch (error) {
    // Exit status 1 means "some file is invalid", with the reports on stdout.
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    if (failed.code === 1 && failed.stdout) return JSON.parse(failed.stdout) as CheckGexfResult[];
    const detail = (failed.stderr ?? String(error)).trim();
    // The message names the checker's own last line; the whole output (a traceback) stays in the cause's stderr.
    throw new Error(`check-gexf could not run: ${detail.split("\n").pop() ?? "unknown error"}`, { cause: error });
  }
}

export interface GexfValidity {
  /** True or false once checked; null when the checker could not run (the reason is in `problem`). */
  valid: boolean | null;
  problem?: string;
}

/** Checks each file; one checker process for all of them. A checker that cannot run gives "not checked", with the reason. */
export async function checkGexfFiles(files: readonly string[]): Promise<GexfValidity[]> {
  let reports: CheckGexfResult[];
  try {
    reports = await runCheckGexf(files);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return files.map(() => ({ valid: null, problem }));
  }
  return reports.map((report) => (report.ok ? { valid: true } : { valid: false, problem: report.errors.join("; ") }));
}

/**
 * The shared GEXF checker (`shared/tools/check-gexf`: official XSD through xmllint, then networkx),
 * found the way the export tests find it: ATLAS_CHECK_GEXF, else walking up from the repository.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./data.ts";

export function findCheckGexf(): string | undefined {
  const override = process.env.ATLAS_CHECK_GEXF;
  if (override) return override;
  for (let folder = REPO_ROOT; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, "shared/tools/check-gexf");
    if (existsSync(candidate)) return candidate;
    if (path.dirname(folder) === folder) return undefined;
  }
}

export interface GexfValidity {
  /** True or false once checked; null when the checker could not run (the reason is in `problem`). */
  valid: boolean | null;
  problem?: string;
}

/** Checks each file; one checker process for all of them. */
export async function checkGexfFiles(files: readonly string[]): Promise<GexfValidity[]> {
  const checker = findCheckGexf();
  if (!checker) return files.map(() => ({ valid: null, problem: "shared/tools/check-gexf not found (set ATLAS_CHECK_GEXF)" }));
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(checker, ["--json", ...files], { maxBuffer: 64 * 2 ** 20 }));
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    if (failed.code !== 1 || !failed.stdout) {
      const reason = (failed.stderr ?? String(error)).trim().split("\n").pop() ?? "unknown error";
      return files.map(() => ({ valid: null, problem: `check-gexf could not run: ${reason}` }));
    }
    stdout = failed.stdout;
  }
  const reports = JSON.parse(stdout) as { ok: boolean; errors: string[] }[];
  return reports.map((report) => (report.ok ? { valid: true } : { valid: false, problem: report.errors.join("; ") }));
}

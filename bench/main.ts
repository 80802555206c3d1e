/**
 * `npm run bench`: generates (or reuses) a synthetic dataset, runs every benchmark entry against
 * its baseline in the same run, and prints a table, or with --json one JSON object. Progress and
 * per-run timings go to stderr, so stdout holds only the report.
 */
import { benchDataset } from "./data.ts";
import { ENTRIES } from "./entries.ts";
import { machineInfo } from "./machine.ts";
import { parseBenchOptions, USAGE, UsageError } from "./options.ts";
import { formatReport, type BenchReport, type BenchResult } from "./results.ts";

async function main(args: readonly string[]): Promise<number> {
  const options = parseBenchOptions(args);
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const unknown = options.only.filter((id) => !ENTRIES.some((entry) => entry.id === id));
  if (unknown.length > 0) throw new UsageError(`unknown benchmark "${unknown[0]}"; known: ${ENTRIES.map((entry) => entry.id).join(", ")}`);
  const log = (message: string): void => {
    process.stderr.write(`bench: ${message}\n`);
  };
  const data = await benchDataset(options.entities, options.relations, options.seed, log);
  const results: BenchResult[] = [];
  for (const entry of ENTRIES) {
    if (options.only.length > 0 && !options.only.includes(entry.id)) continue;
    log(`running ${entry.id}`);
    results.push(
      ...(await entry.run({
        data,
        runs: options.runs,
        repeats: options.repeats,
        gexfRepeats: options.gexfRepeats,
        checkBigGexf: options.checkBigGexf,
        browserSizes: options.browserSizes,
        log,
      })),
    );
  }
  const report: BenchReport = { machine: machineInfo(), results };
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`bench: ${message}\n`);
  if (error instanceof UsageError) process.stderr.write(USAGE);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}

/** Benchmark results: the JSON shape `npm run bench -- --json` prints, and the table it prints otherwise. */
import { table } from "../src/cli/table.ts";
import type { MachineInfo } from "./machine.ts";

/** What a result's ratio compares: wall time, or peak resident memory. */
export type Metric = "time" | "peak RSS";

export interface BenchResult {
  name: string;
  /** Median wall time of the measured operation, in milliseconds. */
  ms: number;
  /** Median wall time of the baseline, measured in the same run. */
  baselineMs: number;
  /** measured / baseline for the metric (time: ms / baselineMs; peak RSS: rssMB / baselineRssMB). Lower is better. */
  ratio: number;
  metric: Metric;
  /** What the baseline is, in a few words. */
  baseline: string;
  /** The ratio the issue asks for, when it sets one. */
  target?: number;
  /** An absolute limit the issue sets instead (e.g. first render of 50k under 3 s): pass when ms <= targetMs. */
  targetMs?: number;
  pass?: boolean;
  /** Median CPU time (user + system, all threads) of each side, where measured: steadier than wall time on a busy machine. */
  cpuMs?: number;
  baselineCpuMs?: number;
  cpuRatio?: number;
  /** Peak resident set size (MB) of the measured and the baseline processes, where measured. */
  rssMB?: number;
  baselineRssMB?: number;
  runs: number;
  /** Files written: whether each passed shared/tools/check-gexf (null: the checker could not run). */
  valid?: boolean | null;
  baselineValid?: boolean | null;
  /** Anything else worth printing (sizes of results, the hub's degree). */
  notes?: string;
}

export interface BenchReport {
  machine: MachineInfo;
  results: BenchResult[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** A result with its ratio, target verdict and rounding filled in. */
export function result(fields: Omit<BenchResult, "ratio" | "pass" | "cpuRatio"> & { ratio?: number }): BenchResult {
  const ratio = fields.ratio ?? fields.ms / fields.baselineMs;
  const out: BenchResult = { ...fields, ms: round(fields.ms), baselineMs: round(fields.baselineMs), ratio: round(ratio, 3) };
  if (fields.target !== undefined) out.pass = ratio <= fields.target;
  if (fields.targetMs !== undefined) out.pass = fields.ms <= fields.targetMs;
  if (fields.cpuMs !== undefined) out.cpuMs = round(fields.cpuMs);
  if (fields.baselineCpuMs !== undefined) out.baselineCpuMs = round(fields.baselineCpuMs);
  if (fields.cpuMs !== undefined && fields.baselineCpuMs !== undefined) out.cpuRatio = round(fields.cpuMs / fields.baselineCpuMs, 3);
  if (fields.rssMB !== undefined) out.rssMB = round(fields.rssMB);
  if (fields.baselineRssMB !== undefined) out.baselineRssMB = round(fields.baselineRssMB);
  return out;
}

function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toLocaleString("en", { maximumFractionDigits: ms < 10 ? 2 : 0 })} ms`;
}

export function formatReport(report: BenchReport): string {
  const { machine } = report;
  const rows = report.results.map((entry) => {
    const measured = entry.metric === "peak RSS" ? `${entry.rssMB ?? "?"} MB` : formatMs(entry.ms);
    const baseline = entry.metric === "peak RSS" ? `${entry.baselineRssMB ?? "?"} MB` : formatMs(entry.baselineMs);
    const limit = entry.targetMs !== undefined ? `${entry.targetMs.toLocaleString("en")} ms` : entry.target;
    const verdict = limit === undefined ? "" : `${entry.pass ? "met" : "MISSED"} (<= ${limit})`;
    const cpu = entry.metric === "time" && entry.cpuRatio !== undefined ? entry.cpuRatio.toFixed(2) : "";
    const validity = (valid: boolean | null | undefined): string => (valid === true ? "valid" : valid === false ? "INVALID" : "unchecked");
    const files = entry.valid === undefined ? "" : `files: ${validity(entry.valid)} / ${validity(entry.baselineValid)}`;
    const notes = [files, entry.notes ?? ""].filter(Boolean).join("; ");
    return [entry.name, measured, baseline, entry.ratio.toFixed(2), cpu, verdict, entry.baseline, notes];
  });
  const header = `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}`;
  const legend = "ratio: measured / baseline wall time (peak RSS for memory); cpu ratio: the same for CPU time (user + system).";
  return `${header}\n\n${table(["benchmark", "measured", "baseline", "ratio", "cpu ratio", "target", "baseline is", "notes"], rows, [1, 2, 3, 4])}\n\n${legend}\n`;
}

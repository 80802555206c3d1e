/**
 * The benchmarks `npm run bench` runs, in order. Each entry measures something and its baseline in
 * the same run and returns one or more results; a new benchmark is one more entry here.
 */
import type { BenchDataset } from "./data.ts";
import { median, result, type BenchResult } from "./results.ts";
import { runTask } from "./run-child.ts";
import type { LoadMeasurement } from "./tasks/load.ts";

export interface BenchContext {
  data: BenchDataset;
  /** Fresh-process runs for the heavy measurements (each side). */
  runs: number;
  /** In-process repetitions for the cheaper ones. */
  repeats: number;
  log: (message: string) => void;
}

export interface BenchEntry {
  /** Short name for --only. */
  id: string;
  run: (context: BenchContext) => Promise<BenchResult[]>;
}

/** "100k/300k": the dataset size in result names. */
export function sizeLabel(data: BenchDataset): string {
  const short = (count: number): string => (count >= 1000 && count % 1000 === 0 ? `${count / 1000}k` : String(count));
  return `${short(data.entities)}/${short(data.relations)}`;
}

const loadEntry: BenchEntry = {
  id: "load",
  async run({ data, runs, log }) {
    const measured: LoadMeasurement[] = [];
    const baseline: LoadMeasurement[] = [];
    for (let run = 0; run < runs; run += 1) {
      // Alternate, so drift on a shared machine hits both sides alike.
      baseline.push(await runTask("load-baseline", { files: data.files }));
      measured.push(await runTask("load", { dir: data.dir }));
      const [last, lastBaseline] = [measured.at(-1), baseline.at(-1)];
      log(`load run ${run + 1}/${runs}: ${Math.round(last?.ms ?? 0)} ms (cpu ${Math.round(last?.cpuMs ?? 0)}) vs baseline ${Math.round(lastBaseline?.ms ?? 0)} ms (cpu ${Math.round(lastBaseline?.cpuMs ?? 0)})`);
    }
    const ms = median(measured.map((item) => item.ms));
    const baselineMs = median(baseline.map((item) => item.ms));
    const cpuMs = median(measured.map((item) => item.cpuMs));
    const baselineCpuMs = median(baseline.map((item) => item.cpuMs));
    const rssMB = median(measured.map((item) => item.rssMB));
    const baselineRssMB = median(baseline.map((item) => item.rssMB));
    const size = sizeLabel(data);
    return [
      result({
        name: `load ${size}: validate + build graph`,
        ms,
        baselineMs,
        metric: "time",
        baseline: "JSON.parse + graphology import",
        target: 2,
        cpuMs,
        baselineCpuMs,
        rssMB,
        baselineRssMB,
        runs,
      }),
      result({
        name: `memory ${size}: peak RSS of the load`,
        ms,
        baselineMs,
        ratio: rssMB / baselineRssMB,
        metric: "peak RSS",
        baseline: "peak RSS of the same baseline",
        rssMB,
        baselineRssMB,
        runs,
      }),
    ];
  },
};

const subgraphEntry: BenchEntry = {
  id: "subgraph",
  async run({ data, repeats, log }) {
    const cases = await runTask("subgraph", { dir: data.dir, repeats }, ["--expose-gc"]);
    return cases.map((item) => {
      log(`${item.name}: ${item.ms.map(Math.round).join(", ")} ms vs ${item.baselineMs.map(Math.round).join(", ")} ms`);
      return result({
        name: `subgraph ${sizeLabel(data)}: ${item.name}`,
        ms: median(item.ms),
        baselineMs: median(item.baselineMs),
        cpuMs: median(item.cpuMs),
        baselineCpuMs: median(item.baselineCpuMs),
        metric: "time",
        baseline: item.baseline,
        runs: item.ms.length,
        notes: item.notes,
      });
    });
  },
};

export const ENTRIES: readonly BenchEntry[] = [loadEntry, subgraphEntry];

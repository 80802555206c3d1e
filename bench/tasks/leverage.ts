/**
 * The leverage analysis on a big graph, as the explorer's worker runs it: index the graph
 * (LeverageContext), rank every pressed party and vendor by exposure over all dates, then list
 * every chain with the same context. The baseline, measured in the same process and alternating
 * with it, is building the graph from the loaded dataset (`buildGraph`): one pass over every
 * entity and relation, what any analysis of the graph costs at least.
 */
import { loadavg } from "node:os";
import { exposure } from "../../src/analysis/exposure.ts";
import { leverageChains, LeverageContext } from "../../src/analysis/leverage.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { loadDataset } from "../../src/load/read.ts";
import { collectGarbage, measure } from "./index.ts";

export interface LeverageMeasurement {
  /** Index, exposure and chains, one context: the whole analysis. */
  ms: number[];
  cpuMs: number[];
  /** Its phases: exposure (with the index) and then chains. */
  exposureMs: number[];
  chainsMs: number[];
  baselineMs: number[];
  baselineCpuMs: number[];
  pressures: number;
  exposureRows: number;
  chains: number;
  /** The machine's 1-minute load average before and after the task (os.loadavg). */
  load: [number, number];
}

export async function leverage(args: { dir: string; repeats: number }): Promise<LeverageMeasurement> {
  const loadBefore = loadavg()[0] ?? 0;
  const loaded = await loadDataset(args.dir);
  if (!loaded.ok) throw new Error("the benchmark dataset is invalid");
  const { dataset } = loaded;
  const out: LeverageMeasurement = {
    ms: [],
    cpuMs: [],
    exposureMs: [],
    chainsMs: [],
    baselineMs: [],
    baselineCpuMs: [],
    pressures: 0,
    exposureRows: 0,
    chains: 0,
    load: [loadBefore, 0],
  };
  for (let repeat = 0; repeat < args.repeats; repeat += 1) {
    collectGarbage();
    const built = await measure(() => buildGraph(dataset));
    out.baselineMs.push(built.ms);
    out.baselineCpuMs.push(built.cpuMs);
    const graph = built.value;
    collectGarbage();
    const whole = await measure(async () => {
      const ranked = await measure(() => {
        const context = new LeverageContext(graph);
        return { context, rows: exposure(graph, {}, context) };
      });
      const listed = await measure(() => leverageChains(graph, {}, ranked.value.context));
      return { ranked, listed };
    });
    const { ranked, listed } = whole.value;
    out.ms.push(whole.ms);
    out.cpuMs.push(whole.cpuMs);
    out.exposureMs.push(ranked.ms);
    out.chainsMs.push(listed.ms);
    out.pressures = ranked.value.context.index.pressures.length;
    out.exposureRows = ranked.value.rows.length;
    out.chains = listed.value.length;
    process.stderr.write(
      `bench: leverage repeat ${repeat + 1}/${args.repeats}: ${Math.round(whole.ms)} ms (exposure ${Math.round(ranked.ms)}, chains ${Math.round(listed.ms)}) vs buildGraph ${Math.round(built.ms)} ms\n`,
    );
  }
  out.load[1] = loadavg()[0] ?? 0;
  return out;
}

/**
 * The benchmarks `npm run bench` runs, in order. Each entry measures something and its baseline in
 * the same run and returns one or more results; a new benchmark is one more entry here.
 */
import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { BENCH_FOLDER, REPO_ROOT, benchDataset, type BenchDataset } from "./data.ts";
import { checkGexfFiles, type GexfValidity } from "../test/support/check-gexf.ts";
import { median, result, type BenchResult } from "./results.ts";
import { runTask } from "./run-child.ts";
import type { LoadMeasurement } from "./tasks/load.ts";
import type { ReadMeasurement } from "./tasks/gexf.ts";
import type { SheetMeasurement } from "./tasks/sheets.ts";
import { NODE_FLOOR, TSX_ATLAS, builtAtlas, coldStart, cpuHook, type StartSample, type Starter } from "./tasks/cli.ts";
import { CLI_BIN, buildCli } from "../scripts/build-cli.ts";
import type { InteropWriteMeasurement } from "./tasks/interop.ts";
import type { PageOpening } from "./tasks/browser.ts";
import { HIDE_EDGES_ON_MOVE_FROM } from "../src/app/render/flags.ts";
import type { MeasuredCase } from "./tasks/index.ts";

export interface BenchContext {
  data: BenchDataset;
  /** Fresh-process runs for the heavy measurements (each side). */
  runs: number;
  /** In-process repetitions for the cheaper ones. */
  repeats: number;
  /** Repetitions of the GEXF write and parse (slow at full size: graphology-gexf takes tens of seconds). */
  gexfRepeats: number;
  /** Check the written GEXF files with check-gexf even when they are big. */
  checkBigGexf: boolean;
  /** Entity counts of the browser benchmarks (relations three times that). */
  browserSizes: readonly number[];
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
      log(
        `load run ${run + 1}/${runs}: ${Math.round(last?.ms ?? 0)} ms (cpu ${Math.round(last?.cpuMs ?? 0)}) vs baseline ${Math.round(lastBaseline?.ms ?? 0)} ms (cpu ${Math.round(lastBaseline?.cpuMs ?? 0)})`,
      );
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

/** A measured case (bench/tasks/index.ts MeasuredCase) as a result: the medians of both sides' samples. */
function caseResult(name: string, item: MeasuredCase, extra: { targetMs?: number } = {}): BenchResult {
  return result({
    name,
    ms: median(item.ms),
    baselineMs: median(item.baselineMs),
    cpuMs: median(item.cpuMs),
    baselineCpuMs: median(item.baselineCpuMs),
    metric: "time",
    baseline: item.baseline,
    runs: item.ms.length,
    ...extra,
    notes: item.notes,
  });
}

const subgraphEntry: BenchEntry = {
  id: "subgraph",
  async run({ data, repeats, log }) {
    const cases = await runTask("subgraph", { dir: data.dir, repeats }, ["--expose-gc"]);
    return cases.map((item) => {
      log(`${item.name}: ${item.ms.map(Math.round).join(", ")} ms vs ${item.baselineMs.map(Math.round).join(", ")} ms`);
      return caseResult(`subgraph ${sizeLabel(data)}: ${item.name}`, item);
    });
  },
};

/** The explorer's table view on the big graph (bench/tasks/table.ts). */
const tableEntry: BenchEntry = {
  id: "table",
  async run({ data, repeats, log }) {
    const cases = await runTask("table", { dir: data.dir, repeats }, ["--expose-gc"]);
    return cases.map((item) => {
      log(`${item.name}: ${item.ms.map(Math.round).join(", ")} ms vs ${item.baselineMs.map(Math.round).join(", ")} ms`);
      return caseResult(`table ${sizeLabel(data)}: ${item.name}`, item);
    });
  },
};

/**
 * The workbench's live validation of an edit (#16): the record and its references, against validating the
 * whole dataset, on the repository's dataset (target: within a frame) and on the benchmark's (the issue's
 * target, 100 ms, is for 10k entities: `--size small`).
 */
const editCheckEntry: BenchEntry = {
  id: "edit-check",
  async run({ data, repeats, log }) {
    const sets = [
      { label: "data/", dir: path.join(REPO_ROOT, "data"), targetMs: 16 },
      { label: sizeLabel(data), dir: data.dir, targetMs: 100 },
    ];
    const results: BenchResult[] = [];
    for (const set of sets) {
      const cases = await runTask("edit-check", { dir: set.dir, repeats: Math.max(repeats, 5) }, ["--expose-gc"]);
      for (const item of cases) {
        log(`edit check ${set.label}, ${item.name}: ${item.ms.map((ms) => ms.toFixed(2)).join(", ")} ms vs ${item.baselineMs.map(Math.round).join(", ")} ms`);
        results.push(caseResult(`edit check ${set.label}: ${item.name}`, item, { targetMs: set.targetMs }));
      }
    }
    return results;
  },
};

/**
 * check-gexf runs xmllint against the official GEXF 1.3 XSD, which rejects every viz:* element (a known
 * defect), then falls back to the RELAX NG grammar: on a 170 MB file that took more than 15 minutes here.
 * Bigger files are checked only on request.
 */
const CHECK_GEXF_MAX_BYTES = 64 * 2 ** 20;

/** A failed baseline (graphology-gexf's DOM parser can run out of memory) is reported, not fatal. */
async function attempt<T>(work: () => Promise<T>, log: (message: string) => void, what: string): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    log(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

const gexfEntry: BenchEntry = {
  id: "gexf",
  async run({ data, gexfRepeats, checkBigGexf, log }) {
    const out = path.join(BENCH_FOLDER, "out");
    await mkdir(out, { recursive: true });
    const write = await runTask("gexf-write", { dir: data.dir, out, repeats: gexfRepeats }, ["--expose-gc"]);
    log(`GEXF write: ${write.ms.map(Math.round).join(", ")} ms vs ${write.baselineMs.map(Math.round).join(", ")} ms`);
    const largest = Math.max(...(await Promise.all([write.files.ours, write.files.theirs].map(async (file) => (await stat(file)).size))));
    let ours: GexfValidity | undefined;
    let theirs: GexfValidity | undefined;
    if (largest <= CHECK_GEXF_MAX_BYTES || checkBigGexf) {
      log("checking both GEXF files with shared/tools/check-gexf (XSD and networkx)");
      [ours, theirs] = await checkGexfFiles([write.files.ours, write.files.theirs]);
    } else {
      const problem = `not checked: ${Math.round(largest / 2 ** 20)} MB files take check-gexf more than 15 minutes (--check-gexf to check anyway; --size small checks both writers' files)`;
      ours = { valid: null, problem };
      theirs = { valid: null, problem };
    }
    for (const [who, check] of [
      ["atlas", ours],
      ["graphology-gexf", theirs],
    ] as const) {
      if (check?.valid !== true) log(`${who} GEXF ${check?.valid === false ? "INVALID" : "not checked"}: ${check?.problem ?? "?"}`);
    }
    const reads: ReadMeasurement[] = [];
    const baselineReads: ReadMeasurement[] = [];
    for (let repeat = 0; repeat < gexfRepeats; repeat += 1) {
      reads.push(await runTask("gexf-read", { file: write.files.ours }));
      const baseline = await attempt(() => runTask("gexf-read-baseline", { file: write.files.theirs }), log, "graphology-gexf parse");
      if (baseline) baselineReads.push(baseline);
      log(`GEXF parse back: ${Math.round(reads.at(-1)?.ms ?? 0)} ms vs ${baseline ? `${Math.round(baseline.ms)} ms` : "failed"}`);
    }
    const size = sizeLabel(data);
    const last = reads.at(-1);
    const lastBaseline = baselineReads.at(-1);
    return [
      result({
        name: `gexf ${size}: write`,
        ms: median(write.ms),
        baselineMs: median(write.baselineMs),
        cpuMs: median(write.cpuMs),
        baselineCpuMs: median(write.baselineCpuMs),
        metric: "time",
        baseline: write.baseline,
        target: 0.5,
        valid: ours?.valid ?? null,
        baselineValid: theirs?.valid ?? null,
        runs: write.ms.length,
        notes: write.notes,
      }),
      result({
        name: `gexf ${size}: parse back`,
        ms: median(reads.map((item) => item.ms)),
        baselineMs: median(baselineReads.map((item) => item.ms)),
        cpuMs: median(reads.map((item) => item.cpuMs)),
        baselineCpuMs: median(baselineReads.map((item) => item.cpuMs)),
        rssMB: median(reads.map((item) => item.rssMB)),
        baselineRssMB: median(baselineReads.map((item) => item.rssMB)),
        metric: "time",
        baseline: "graphology-gexf parse of its own file",
        runs: reads.length,
        notes: `${last?.entities.toLocaleString("en")} entities, ${last?.relations.toLocaleString("en")} relations read back${lastBaseline ? ` (baseline ${lastBaseline.entities.toLocaleString("en")}, ${lastBaseline.relations.toLocaleString("en")})` : "; baseline failed"}`,
      }),
    ];
  },
};

/** The interop formats measured against the GEXF writer (src/formats/registry.ts ids). */
const INTEROP_FORMATS = ["graphml", "neo4j", "cypher"] as const;

const interopEntry: BenchEntry = {
  id: "interop",
  async run({ data, gexfRepeats, log }) {
    const out = path.join(BENCH_FOLDER, "out");
    await mkdir(out, { recursive: true });
    const outputOf = (format: string): string => path.join(out, format === "neo4j" ? "atlas-neo4j" : `atlas-interop.${format}`);
    const measured = new Map<string, InteropWriteMeasurement[]>();
    for (let repeat = 0; repeat < gexfRepeats; repeat += 1) {
      for (const format of ["gexf", ...INTEROP_FORMATS]) {
        const one = await runTask("interop-write", { dir: data.dir, out: outputOf(format), format }, ["--expose-gc"]);
        measured.set(format, [...(measured.get(format) ?? []), one]);
        log(
          `${format} write: ${Math.round(one.ms)} ms (cpu ${Math.round(one.cpuMs)}), peak RSS ${Math.round(one.rssMB)} MB (${Math.round(one.rssBeforeMB)} MB before writing), ${(one.bytes / 2 ** 20).toFixed(0)} MB written`,
        );
      }
    }
    const baseline = measured.get("gexf") ?? [];
    const size = sizeLabel(data);
    const mb = (value: number): string => `${Math.round(value)} MB`;
    return INTEROP_FORMATS.flatMap((format) => {
      const runs = measured.get(format) ?? [];
      const rssMB = median(runs.map((item) => item.rssMB));
      const baselineRssMB = median(baseline.map((item) => item.rssMB));
      const notes = `${(median(runs.map((item) => item.bytes)) / 2 ** 20).toFixed(0)} MB written vs ${(median(baseline.map((item) => item.bytes)) / 2 ** 20).toFixed(0)} MB of GEXF; RSS before writing ${mb(median(runs.map((item) => item.rssBeforeMB)))} (GEXF ${mb(median(baseline.map((item) => item.rssBeforeMB)))})`;
      const common = {
        ms: median(runs.map((item) => item.ms)),
        baselineMs: median(baseline.map((item) => item.ms)),
        rssMB,
        baselineRssMB,
        runs: runs.length,
        notes,
      };
      return [
        result({
          name: `${format} ${size}: write`,
          ...common,
          cpuMs: median(runs.map((item) => item.cpuMs)),
          baselineCpuMs: median(baseline.map((item) => item.cpuMs)),
          metric: "time",
          baseline: "the GEXF writer, same run, same graph",
        }),
        result({
          name: `${format} ${size}: peak RSS of the write`,
          ...common,
          ratio: rssMB / baselineRssMB,
          metric: "peak RSS",
          baseline: "peak RSS of the GEXF write",
        }),
      ];
    });
  },
};

/** Gephi Lite's first draw of a GEXF in the same headless Chromium here (performance-anchors.md), by entity count. */
const GEPHI_LITE_FIRST_DRAW_MS: Readonly<Record<number, number>> = { 1_000: 6_300, 10_000: 11_400, 50_000: 42_400 };
const FRAME_BUDGET_MS = 1000 / 30;

/** Issue #20, 1: the explorer's first full frame within this ratio of the bare-sigma floor at 10k and 50k, and for the embedded dataset. */
const FLOOR_TARGETS: Readonly<Record<string, number>> = { "10k/30k": 1.3, "50k/150k": 1.3, embedded: 1.2 };
/** Issue #20, 3: the longest main-thread task while loading and while the layout runs, by size. */
const LONGEST_TASK_TARGET_MS: Readonly<Record<string, number>> = { "10k/30k": 200, "50k/150k": 1_000 };
/** How long a page may take to draw everything (entities and relations) in the browser benchmark. */
const FULL_FRAME_WAIT_MS = 150_000;
/** Issue #20, 4: panning at 10k at 10 fps or more. */
const PAN_TARGET_FPS = 10;

const browserEntry: BenchEntry = {
  id: "browser",
  async run({ browserSizes, log }) {
    if (browserSizes.length === 0) return [];
    const measured = await attempt(
      () => runTask("browser", { sizes: [...browserSizes], out: BENCH_FOLDER, settleMs: 30_000, fullFrameWaitMs: FULL_FRAME_WAIT_MS }),
      log,
      "browser benchmark",
    );
    if (!measured) return [];
    const results: BenchResult[] = [];
    for (const item of measured) {
      const size = item.label;
      const { interaction } = item;
      // An opening with no full frame within the wait counts as the wait (a lower bound, said in the notes).
      const fullFrame = (opening: PageOpening): number => opening.fullFrameMs ?? FULL_FRAME_WAIT_MS;
      const missing = item.explorer.filter((opening) => opening.fullFrameMs === null).length;
      const full = median(item.explorer.map(fullFrame));
      const floor = median(item.floor.map(fullFrame));
      const first = median(item.explorer.map((opening) => opening.firstFrameMs));
      const longestLoad = Math.max(...item.explorer.map((opening) => opening.longestTaskMs));
      const lastMarks = item.explorer.at(-1)?.marks ?? [];
      const floorMarks = item.floor.at(-1)?.marks ?? [];
      const marks = (list: [string, number][]): string => list.map(([name, at]) => `${name.replace(/^(atlas|floor):/, "")} ${at}`).join(", ");
      log(
        `browser ${size}: first full frame ${Math.round(full)} ms vs floor ${Math.round(floor)} ms (${(full / floor).toFixed(2)}x); longest task loading ${Math.round(longestLoad)} ms, during layout ${Math.round(interaction.layoutLongestTaskMs)} ms; fps layout ${interaction.layout.fps.toFixed(1)}, pan ${interaction.pan.fps.toFixed(1)}, zoom ${interaction.zoom.fps.toFixed(1)}; FA2 ${interaction.layoutIterationsPerSecond.toFixed(1)} iterations/s; settled ${interaction.settled}`,
      );
      results.push(
        result({
          name: `browser ${size}: first full frame`,
          ms: full,
          baselineMs: floor,
          metric: "time",
          baseline: "bare sigma page: fetch graphology JSON, import, draw with defaults (same run, alternating)",
          ...(FLOOR_TARGETS[size] === undefined ? {} : { target: FLOOR_TARGETS[size] }),
          runs: item.explorer.length,
          notes: `${missing > 0 ? `${missing} of ${item.explorer.length} openings drew no full frame within ${FULL_FRAME_WAIT_MS / 1000} s (counted as that: a lower bound); ` : ""}explorer ${item.explorer.map((opening) => Math.round(fullFrame(opening))).join(", ")} ms, floor ${item.floor.map((opening) => Math.round(fullFrame(opening))).join(", ")} ms; first frame ${Math.round(first)} ms; explorer marks (ms): ${marks(lastMarks)}; floor marks: ${marks(floorMarks)}`,
        }),
      );
      const anchor = GEPHI_LITE_FIRST_DRAW_MS[item.entities];
      if (anchor !== undefined && item.label !== "embedded")
        results.push(
          result({
            name: `browser ${size}: first full frame vs Gephi Lite`,
            ms: full,
            baselineMs: anchor,
            metric: "time",
            baseline: "Gephi Lite first draw here (anchor, not this run)",
            runs: item.explorer.length,
          }),
        );
      const taskTarget = LONGEST_TASK_TARGET_MS[size];
      for (const [what, ms, floorMs] of [
        ["loading", longestLoad, Math.max(...item.floor.map((opening) => opening.longestTaskMs))],
        ["during layout", interaction.layoutLongestTaskMs, Number.NaN],
      ] as const) {
        results.push(
          result({
            name: `browser ${size}: longest main-thread task ${what}`,
            ms,
            baselineMs: taskTarget ?? Number.NaN,
            metric: "time",
            baseline: "the issue's limit (Long Tasks API)",
            ...(taskTarget === undefined ? {} : { targetMs: taskTarget }),
            runs: what === "loading" ? item.explorer.length : 1,
            notes:
              what === "loading"
                ? `longest of ${item.explorer.length} openings, until the full frame; ${item.explorer.map((opening) => opening.longTasks).join(", ")} tasks over 50 ms; the floor's longest ${Math.round(floorMs)} ms`
                : `from the full frame until the layout settled or 30 s passed (${interaction.settled ? "settled" : "still running"})`,
          }),
        );
      }
      for (const [what, stats] of [
        ["during layout", interaction.layout],
        ["panning", interaction.pan],
        ["zooming", interaction.zoom],
      ] as const) {
        results.push(
          result({
            name: `browser ${size}: frame time ${what}`,
            // Mean frame time; with no frame at all in the window, the longest "frame" is the whole window.
            ms: stats.fps > 0 ? 1000 / stats.fps : stats.longestFrameMs,
            baselineMs: FRAME_BUDGET_MS,
            metric: "time",
            baseline: "30 fps frame budget",
            ...(what === "panning" && item.entities === 10_000 ? { targetMs: 1000 / PAN_TARGET_FPS } : {}),
            runs: 1,
            notes: `${stats.fps.toFixed(1)} fps, longest frame ${Math.round(stats.longestFrameMs)} ms${
              what === "during layout"
                ? `; ForceAtlas2 worker ${interaction.layoutIterationsPerSecond.toFixed(1)} iterations/s (${interaction.layoutIterations} iterations ${interaction.settled ? "until settled" : "in the wait"})`
                : interaction.settled
                  ? "; layout settled"
                  : "; layout still running"
            }; marks at the end: ${marks(interaction.marks)}`,
          }),
        );
      }
      for (const [what, ms, floorMs] of [
        ["at rest", interaction.drawn.restMs, interaction.floorDrawn.restMs],
        ["while moving", interaction.drawn.movingMs, interaction.floorDrawn.movingMs],
      ] as const) {
        results.push(
          result({
            name: `browser ${size}: drawn frame ${what}`,
            ms,
            baselineMs: floorMs,
            metric: "time",
            baseline: "the floor's sigma drawing the same graph (its last opening, same run), GPU-synced",
            ...(what === "while moving" && item.entities === 10_000 ? { targetMs: 1000 / PAN_TARGET_FPS } : {}),
            runs: 1,
            notes: `sigma's render() until the GPU has drawn it (readPixels), median of 3; ${what === "while moving" ? `as the camera moves: ${item.relations > HIDE_EDGES_ON_MOVE_FROM ? "relations and labels left out on both sides" : "everything drawn on both sides"}` : "everything drawn"}; the explorer once its layout ${interaction.settled ? "settled" : "ran 30 s"}`,
          }),
        );
      }
    }
    return results;
  },
};

/** The size issue #20 sets for the leverage analysis; smaller runs (--size small, tiny) use their own size. */
const LEVERAGE_ENTITIES = 50_000;
/** The seed of that dataset (the harness's default seed). */
const LEVERAGE_SEED = 1;
/** The whole analysis (index, exposure ranking, chains) must take less than this at 50k / 150k. */
const LEVERAGE_TARGET_MS = 5_000;

const leverageEntry: BenchEntry = {
  id: "leverage",
  async run({ data, repeats, log }) {
    const entities = Math.min(LEVERAGE_ENTITIES, data.entities);
    const relations = Math.round((data.relations / data.entities) * entities);
    const dataset = entities === data.entities ? data : await benchDataset(entities, relations, LEVERAGE_SEED, log);
    const measured = await runTask("leverage", { dir: dataset.dir, repeats }, ["--expose-gc"]);
    const size = sizeLabel(dataset);
    const perPhase = `exposure ${Math.round(median(measured.exposureMs))} ms, then chains ${Math.round(median(measured.chainsMs))} ms`;
    return [
      result({
        name: `leverage ${size}: exposure ranking + chains`,
        ms: median(measured.ms),
        baselineMs: median(measured.baselineMs),
        cpuMs: median(measured.cpuMs),
        baselineCpuMs: median(measured.baselineCpuMs),
        metric: "time",
        baseline: "buildGraph of the loaded dataset",
        ...(entities === LEVERAGE_ENTITIES ? { targetMs: LEVERAGE_TARGET_MS } : {}),
        runs: measured.ms.length,
        notes: `${perPhase}; ${measured.pressures.toLocaleString("en")} pressures, ${measured.exposureRows.toLocaleString("en")} exposure rows, ${measured.chains.toLocaleString("en")} chains; load average ${measured.load.map((load) => load.toFixed(1)).join(" -> ")}`,
      }),
    ];
  },
};

/** Alternating cold starts of two programs; the samples of each. */
async function alternate(
  measured: Starter,
  baseline: Starter,
  runs: number,
  hook: string,
  log: (message: string) => void,
): Promise<{ measured: StartSample[]; baseline: StartSample[] }> {
  const samples = { measured: [] as StartSample[], baseline: [] as StartSample[] };
  for (let run = 0; run < runs; run += 1) {
    samples.baseline.push(await coldStart(baseline, hook));
    samples.measured.push(await coldStart(measured, hook));
    log(
      `${measured.what} run ${run + 1}/${runs}: ${Math.round(samples.measured.at(-1)?.ms ?? 0)} ms vs ${baseline.what} ${Math.round(samples.baseline.at(-1)?.ms ?? 0)} ms`,
    );
  }
  return samples;
}

function medianCpu(samples: readonly StartSample[]): number | undefined {
  const cpu = samples.flatMap((sample) => (sample.cpuMs === undefined ? [] : [sample.cpuMs]));
  return cpu.length === 0 ? undefined : median(cpu);
}

/**
 * The installable CLI's cold start on the embedded dataset against \`node -e 0\` (#20 target 6: at most 3x), and,
 * for the record, the development entry (\`npm run atlas\`, through tsx) against the same floor.
 */
const cliEntry: BenchEntry = {
  id: "cli",
  async run({ runs, log }) {
    log("building the atlas command (scripts/build-cli.ts)");
    await buildCli();
    const hook = await cpuHook();
    const results: BenchResult[] = [];
    const cases = [
      { starter: builtAtlas(CLI_BIN), runs: 6 * runs + 3, target: 3, name: "cli: atlas validate cold start (built bin)" },
      { starter: TSX_ATLAS, runs: 2 * runs + 1, target: undefined, name: "cli: npm run atlas -- validate cold start (tsx, development)" },
    ];
    for (const item of cases) {
      const samples = await alternate(item.starter, NODE_FLOOR, item.runs, hook, log);
      const cpuMs = medianCpu(samples.measured);
      const baselineCpuMs = medianCpu(samples.baseline);
      results.push(
        result({
          name: item.name,
          ms: median(samples.measured.map((sample) => sample.ms)),
          baselineMs: median(samples.baseline.map((sample) => sample.ms)),
          metric: "time",
          baseline: "node -e 0, alternating",
          ...(item.target === undefined ? {} : { target: item.target }),
          ...(cpuMs === undefined || baselineCpuMs === undefined ? {} : { cpuMs, baselineCpuMs }),
          runs: item.runs,
          notes: item.starter.cpu
            ? "embedded dataset (data/), wall time of the whole process"
            : "CPU not compared: tsx runs the program in a child process",
        }),
      );
    }
    return results;
  },
};

/**
 * XLSX (#15): the CLI's export and import of the whole dataset, each side in a fresh process (peak memory is its
 * own), alternating; baselines in the same run: exceljs writing the same rows with no formatting and the JSON
 * export of the same graph (write); the JSON export read back through the loader and exceljs's streaming reader
 * walking the same workbook's cells (read). See bench/tasks/sheets.ts.
 */
const xlsxEntry: BenchEntry = {
  id: "xlsx",
  async run({ data, runs, log }) {
    const out = path.join(BENCH_FOLDER, "out");
    await mkdir(out, { recursive: true });
    const samples: Record<string, SheetMeasurement[]> = {
      write: [],
      plain: [],
      json: [],
      read: [],
      jsonRead: [],
      cells: [],
    };
    const sheetRuns = Math.max(1, Math.min(runs, 2));
    for (let run = 0; run < sheetRuns; run += 1) {
      samples.plain?.push(await runTask("xlsx-write-plain", { dir: data.dir, out }));
      samples.json?.push(await runTask("json-write", { dir: data.dir, out }));
      samples.write?.push(await runTask("xlsx-write", { dir: data.dir, out }));
      samples.cells?.push(await runTask("xlsx-read-cells", { file: path.join(out, "atlas.xlsx") }));
      samples.jsonRead?.push(await runTask("json-read", { file: path.join(out, "atlas.json") }));
      samples.read?.push(await runTask("xlsx-read", { file: path.join(out, "atlas.xlsx") }));
      const last = (key: string) => samples[key]?.at(-1);
      log(
        `xlsx run ${run + 1}/${sheetRuns}: write ${Math.round(last("write")?.ms ?? 0)} ms (plain exceljs ${Math.round(last("plain")?.ms ?? 0)}, JSON ${Math.round(last("json")?.ms ?? 0)}); read ${Math.round(last("read")?.ms ?? 0)} ms (JSON ${Math.round(last("jsonRead")?.ms ?? 0)}, exceljs cells ${Math.round(last("cells")?.ms ?? 0)})`,
      );
    }
    const size = sizeLabel(data);
    const pick = (key: string, field: keyof SheetMeasurement) => median((samples[key] ?? []).map((item) => item[field]));
    const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
    const pair = (name: string, key: string, baselineKey: string, baseline: string, notes: string): BenchResult[] => [
      result({
        name: `xlsx ${size}: ${name}`,
        ms: pick(key, "ms"),
        baselineMs: pick(baselineKey, "ms"),
        cpuMs: pick(key, "cpuMs"),
        baselineCpuMs: pick(baselineKey, "cpuMs"),
        rssMB: pick(key, "rssMB"),
        baselineRssMB: pick(baselineKey, "rssMB"),
        metric: "time",
        baseline,
        runs: sheetRuns,
        notes,
      }),
      result({
        name: `xlsx ${size}: ${name}, peak RSS`,
        ms: pick(key, "ms"),
        baselineMs: pick(baselineKey, "ms"),
        ratio: pick(key, "rssMB") / pick(baselineKey, "rssMB"),
        rssMB: pick(key, "rssMB"),
        baselineRssMB: pick(baselineKey, "rssMB"),
        metric: "peak RSS",
        baseline: `peak RSS of ${baseline}`,
        runs: sheetRuns,
      }),
    ];
    return [
      ...pair(
        "export",
        "write",
        "plain",
        "exceljs streaming the same rows, no formatting",
        `${megabytes(pick("write", "size"))} vs ${megabytes(pick("plain", "size"))}`,
      ),
      ...pair(
        "export vs JSON",
        "write",
        "json",
        "the JSON export of the same graph",
        `${megabytes(pick("write", "size"))} vs ${megabytes(pick("json", "size"))} of JSON`,
      ),
      ...pair(
        "import",
        "read",
        "jsonRead",
        "the JSON export read back through the loader",
        `${pick("read", "size").toLocaleString("en")} entities and relations read back`,
      ),
      ...pair(
        "import vs exceljs",
        "read",
        "cells",
        "exceljs's streaming reader walking the cells",
        "exceljs builds no dataset: what reading the cells alone costs",
      ),
    ];
  },
};

export const ENTRIES: readonly BenchEntry[] = [
  loadEntry,
  subgraphEntry,
  tableEntry,
  editCheckEntry,
  gexfEntry,
  interopEntry,
  xlsxEntry,
  leverageEntry,
  browserEntry,
  cliEntry,
];

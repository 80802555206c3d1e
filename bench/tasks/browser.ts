/**
 * Browser: the built explorer (vite build + vite preview) in Debian's Chromium driven by playwright-core, on
 * generated datasets served as checked bundles (`?dataset=`, as `atlas serve` and `atlas publish` give them) and on
 * the embedded dataset (the build's dataset.bundle.json). Its same-run floor (issue #20, 1) is a bare page
 * (bench/floor/) that fetches the same graph in graphology's serialized form, imports it and draws it with sigma's
 * defaults; each page is opened in a fresh context, alternating floor and explorer, and the explorer's first full
 * frame (entities and relations drawn) is reported as a ratio to the floor's. Also per size: the longest
 * main-thread task (Long Tasks API) while loading and while the layout runs, frames per second while the FA2
 * worker lays out, then while panning (mouse drag) and zooming (wheel).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { build, preview } from "vite";
import { chromium, type Browser, type Page } from "playwright-core";
import { generateDataset } from "../../src/generate/generate.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { bundleFiles, bundleFolder } from "../../src/load/folder-bundle.ts";
import type { LoadResult } from "../../src/load/parse.ts";
import { prepareViewGraph } from "../../src/app/model/view-graph.ts";
import { CHROMIUM, CHROMIUM_ARGS } from "../../test/support/chromium.ts";
import { REPO_ROOT } from "../data.ts";
import { sigmaNativeSpreadPlugin } from "../../scripts/sigma-native-spread-plugin.ts";
import { HIDE_EDGES_ON_MOVE_FROM } from "../../src/app/render/flags.ts";

/** One opening of a page: from navigation. */
export interface PageOpening {
  /** The first frame after the page said it had drawn everything (entities and relations); null when it did not within the wait. */
  fullFrameMs: number | null;
  /** The explorer: the first frame after it reported ready (a big graph's may show entities only). */
  firstFrameMs: number;
  /** The longest main-thread task (Long Tasks API) from navigation to the full frame, and how many tasks took over 50 ms. */
  longestTaskMs: number;
  longTasks: number;
  /** The page's own marks (ms from navigation). */
  marks: [string, number][];
}

export interface BrowserMeasurement {
  /** "1k/3k", or "embedded". */
  label: string;
  entities: number;
  relations: number;
  explorer: PageOpening[];
  floor: PageOpening[];
  /** Measured on the explorer's last opening, after its full frame. */
  interaction: {
    /** The longest main-thread task while the layout ran (from the full frame until it settled or the wait ended). */
    layoutLongestTaskMs: number;
    layout: FrameStats;
    pan: FrameStats;
    zoom: FrameStats;
    /** ForceAtlas2 in its worker: its rate (iterations per second over about a second) and iterations run, as last reported once the layout settled or the wait ended. */
    layoutIterationsPerSecond: number;
    layoutIterations: number;
    /** Whether the layout settled within the wait (else the frames were measured while it still ran). */
    settled: boolean;
    /** The marks at the end (the leverage ranking arrives from its worker after ready). */
    marks: [string, number][];
    /** Frames drawn to the end (GPU-synced), once the layout settled: the explorer's, and the floor's on its last opening. */
    drawn: DrawnFrames;
    floorDrawn: DrawnFrames;
  };
}

/** How long sigma takes to draw one frame, until the GPU (SwiftShader here) has finished it: medians of three. */
export interface DrawnFrames {
  restMs: number;
  /** With the camera moving: what sigma leaves out then (hideEdgesOnMove, hideLabelsOnMove) is left out. */
  movingMs: number;
}

export interface FrameStats {
  fps: number;
  longestFrameMs: number;
}

/**
 * In-page code is passed as text: tsx compiles this file with esbuild's keepNames, whose `__name`
 * helper would be missing in the page if functions were serialised.
 */
const START_COUNTING = `(() => {
  const state = { times: [], running: true };
  window.benchFrames = state;
  const tick = (time) => { state.times.push(time); if (state.running) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
const STOP_COUNTING = "(() => { window.benchFrames.running = false; return window.benchFrames.times; })()";
/**
 * Before any script of the page: every long task (buffered), and the time of every animation frame, so that the
 * first frame after a page's "drawn" mark is known exactly, without the latency of polling the page from node.
 */
const OBSERVE_PAGE = `(() => {
  window.benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.benchLongTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  const log = { times: [], running: true };
  window.benchFrameLog = log;
  const tick = () => { log.times.push(performance.now()); if (log.running) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
/** The first animation frame after the mark (the drawn frame has been handed to the compositor), or null. */
const FRAME_AFTER_MARK = (mark: string): string => `(() => {
  const entry = performance.getEntriesByName(${JSON.stringify(mark)})[0];
  if (!entry) return null;
  const next = window.benchFrameLog.times.find((time) => time > entry.startTime);
  return next === undefined ? null : next;
})()`;
const LONG_TASKS = "JSON.stringify(window.benchLongTasks ?? [])";
const MARKS = (prefix: string): string =>
  `JSON.stringify(performance.getEntriesByType('mark').filter((mark) => mark.name.startsWith('${prefix}')).map((mark) => [mark.name, Math.round(mark.startTime)]))`;
/** The explorer's layout progress (src/app/render/layout.ts), read through the page's `atlas` handle. */
const LAYOUT_PROGRESS =
  "(() => { const p = window.atlas.layout.progress; return { iterations: p.iterations, iterationsPerSecond: p.iterationsPerSecond }; })()";
const NEXT_FRAME_TIME = "new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))";
const NOW = "performance.now()";


/** Counts animation frames in the page during `work` (run in node): frames per second of the wall time it took. */
async function frames(page: Page, work: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate(START_COUNTING);
  const started = performance.now();
  await work();
  const times = await page.evaluate<number[]>(STOP_COUNTING);
  const durationMs = performance.now() - started;
  let longest = times.length < 2 ? durationMs : 0;
  for (let index = 1; index < times.length; index += 1)
    longest = Math.max(longest, (times[index] as number) - (times[index - 1] as number));
  return { fps: (times.length * 1000) / durationMs, longestFrameMs: longest };
}

/** How long each interaction lasts at most: on a slow page each input event waits for a frame. */
const INTERACTION_MS = 5_000;

async function pan(page: Page, box: { x: number; y: number; width: number; height: number }): Promise<void> {
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const until = performance.now() + INTERACTION_MS;
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  for (let step = 0; step < 60 && performance.now() < until; step += 1) {
    const angle = (step / 60) * 2 * Math.PI;
    await page.mouse.move(centre.x + 150 * Math.cos(angle), centre.y + 100 * Math.sin(angle));
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

async function zoom(page: Page, box: { x: number; y: number; width: number; height: number }): Promise<void> {
  const until = performance.now() + INTERACTION_MS;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let step = 0; step < 30 && performance.now() < until; step += 1) {
    await page.mouse.wheel(0, step % 2 === 0 ? -120 : 120);
    await page.waitForTimeout(33);
  }
}

/**
 * Times sigma's render() until the GPU process has drawn it (readPixels waits for that): the frames' real cost on a
 * software renderer, which the page's own thread does not see (it hands the drawing over and goes on). The camera
 * is made to count as moving through sigma's mouse captor; the floor is first given the explorer's hiding settings.
 */
const DRAWN_FRAMES = (renderer: string, hiding: boolean | null): string => `(() => {
  const renderer = ${renderer};
  if (${JSON.stringify(hiding)} !== null) {
    renderer.setSetting("hideEdgesOnMove", ${JSON.stringify(hiding)});
    renderer.setSetting("hideLabelsOnMove", ${JSON.stringify(hiding)});
  }
  const canvas = [...renderer.getContainer().querySelectorAll("canvas")].find((each) => each.getContext("webgl2"));
  const gl = canvas.getContext("webgl2");
  const pixel = new Uint8Array(4);
  const drawn = () => gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
  const time = () => {
    renderer.render();
    drawn();
    const times = [];
    for (let run = 0; run < 3; run += 1) {
      const start = performance.now();
      renderer.render();
      drawn();
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[1];
  };
  const captor = renderer.getMouseCaptor();
  const restMs = time();
  captor.isMoving = true;
  const movingMs = time();
  captor.isMoving = false;
  // Finished here, not left to the GPU process as the page closes: the next page's start would wait for it (9 s at 50k).
  renderer.render();
  drawn();
  return { restMs, movingMs };
})()`;

type LongTask = [start: number, duration: number];

/** The first frame after a mark of the page's (ms from navigation), waiting for it when it is still to come. */
async function frameAfter(page: Page, mark: string): Promise<number> {
  await page.evaluate(NEXT_FRAME_TIME);
  const time = await page.evaluate<number | null>(FRAME_AFTER_MARK(mark));
  if (time === null) throw new Error(`the page has no frame after its mark ${mark}`);
  return time;
}

function longest(tasks: readonly LongTask[], from: number, to: number): number {
  let most = 0;
  for (const [start, duration] of tasks) if (start >= from && start < to) most = Math.max(most, duration);
  return most;
}

/** A subject of the benchmark: the explorer's address and the floor's graph for the same dataset. */
interface Subject {
  label: string;
  entities: number;
  relations: number;
  explorerPath: string;
  floorPath: string;
}

/** The graph the explorer draws (built, positioned and sized as the explorer does), in graphology's serialized form. */
function serializedViewGraph(result: LoadResult): string {
  if (!result.ok) throw new Error("the benchmark dataset does not validate");
  return JSON.stringify(prepareViewGraph(buildGraph(result.dataset)).export());
}

async function prepareSubjects(dist: string, sizes: readonly number[]): Promise<Subject[]> {
  const folder = path.join(dist, "bench");
  await mkdir(folder, { recursive: true });
  const subjects: Subject[] = [];
  const embedded = await bundleFolder(path.join(REPO_ROOT, "data"));
  await writeFile(path.join(folder, "embedded.graph.json"), serializedViewGraph(embedded.result));
  subjects.push({
    label: "embedded",
    entities: embedded.result.counts.entities,
    relations: embedded.result.counts.relations,
    explorerPath: "/",
    floorPath: "/floor/?graph=/bench/embedded.graph.json",
  });
  for (const size of sizes) {
    const dataset = generateDataset({ entities: size, relations: size * 3, seed: 1 });
    const document = { dataset: dataset.meta, entities: dataset.entities, relations: dataset.relations, sources: dataset.sources };
    // Validated by the node loader and checked, as `atlas serve` and `atlas publish` serve a dataset.
    const { bundle, result } = await bundleFiles(`bench-${size}`, [
      { path: "dataset.json", bytes: new TextEncoder().encode(JSON.stringify(document)) },
    ]);
    await writeFile(path.join(folder, `${size}.bundle.json`), JSON.stringify(bundle));
    await writeFile(path.join(folder, `${size}.graph.json`), serializedViewGraph(result));
    subjects.push({
      label: `${size / 1000}k/${(size * 3) / 1000}k`,
      entities: size,
      relations: size * 3,
      explorerPath: `/?dataset=/bench/${size}.bundle.json`,
      floorPath: `/floor/?graph=/bench/${size}.graph.json`,
    });
  }
  return subjects;
}

/** Opens a page in a fresh context and waits for its full frame; `then` runs on the open page before the context closes. */
async function open(
  browser: Browser,
  url: string,
  side: "explorer" | "floor",
  waitMs: number,
  then?: (page: Page, opening: PageOpening) => Promise<void>,
): Promise<PageOpening> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(OBSERVE_PAGE);
  const page = await context.newPage();
  try {
    await page.goto(url);
    const root = side === "explorer" ? "#app" : "body";
    await page.waitForSelector(`${root}[data-state=ready], ${root}[data-state=error]`, { timeout: waitMs });
    if ((await page.getAttribute(root, "data-state")) !== "ready") throw new Error(`the ${side} could not open ${url}`);
    const full = await page.waitForSelector(`${root}[data-frame=full]`, { timeout: waitMs }).then(
      () => true,
      () => false,
    );
    const fullMark = side === "explorer" ? "atlas:full-frame" : "floor:ready";
    const fullFrameMs = full ? await frameAfter(page, fullMark) : null;
    const firstFrameMs = side === "explorer" ? await frameAfter(page, "atlas:ready") : (fullFrameMs ?? Number.NaN);
    const tasks = JSON.parse(await page.evaluate<string>(LONG_TASKS)) as LongTask[];
    const until = fullFrameMs ?? firstFrameMs;
    const opening: PageOpening = {
      fullFrameMs,
      firstFrameMs,
      longestTaskMs: longest(tasks, 0, until),
      longTasks: tasks.filter(([start]) => start < until).length,
      marks: JSON.parse(await page.evaluate<string>(MARKS(side === "explorer" ? "atlas:" : "floor:"))) as [string, number][],
    };
    await then?.(page, opening);
    return opening;
  } finally {
    await context.close();
  }
}

/** After the full frame: the layout's frames and longest task, then panning and zooming. */
async function interact(
  page: Page,
  opening: PageOpening,
  settleMs: number,
  log: (what: string) => void,
  floorDrawn: DrawnFrames,
): Promise<BrowserMeasurement["interaction"]> {
  // From the full frame: what follows it (the layout starting, the relations hidden for it) counts as layout.
  const from = opening.fullFrameMs ?? (await page.evaluate<number>(NOW));
  const layout = await frames(page, () => page.waitForTimeout(3_000));
  log("layout frames counted; waiting for the layout to settle");
  const settled = await page.waitForSelector("#app[data-layout=settled], #app[data-layout=stopped]", { timeout: settleMs }).then(
    () => true,
    () => false,
  );
  const to = await page.evaluate<number>(NOW);
  const tasks = JSON.parse(await page.evaluate<string>(LONG_TASKS)) as LongTask[];
  // The worker's rate over its last second, and its iterations, as last reported to the page (at settling, or after the wait).
  const progress = await page.evaluate<{ iterations: number; iterationsPerSecond: number }>(LAYOUT_PROGRESS);
  const box = (await page.locator("#graph").boundingBox()) ?? { x: 0, y: 0, width: 1280, height: 800 };
  log(`settled: ${settled}; panning`);
  const panned = await frames(page, () => pan(page, box));
  log("zooming");
  const zoomed = await frames(page, () => zoom(page, box));
  log("timing drawn frames");
  // The zoom's last animation ends first: a moving camera would leave relations out of the frames "at rest".
  // (Polled: the page's CSP forbids the eval that waitForFunction uses.)
  while (await page.evaluate<boolean>("window.atlas.renderer.getCamera().isAnimating()")) await page.waitForTimeout(100);
  await page.waitForTimeout(1_000);
  const drawn = await page.evaluate<DrawnFrames>(DRAWN_FRAMES("window.atlas.renderer", null));
  return {
    layoutLongestTaskMs: longest(tasks, from, to),
    layout,
    pan: panned,
    zoom: zoomed,
    layoutIterationsPerSecond: progress.iterationsPerSecond,
    layoutIterations: progress.iterations,
    settled,
    marks: JSON.parse(await page.evaluate<string>(MARKS("atlas:"))) as [string, number][],
    drawn,
    floorDrawn,
  };
}

/** Openings per side: small graphs are quick and noisier. */
function alternations(entities: number): number {
  return entities <= 1_000 ? 3 : 2;
}

export async function browserBench(args: {
  sizes: number[];
  out: string;
  settleMs: number;
  /** How long a page may take to draw everything. */
  fullFrameWaitMs: number;
}): Promise<BrowserMeasurement[]> {
  const dist = path.join(args.out, "dist");
  await build({ logLevel: "warn", build: { outDir: dist, emptyOutDir: true } });
  // The floor: its own build with no project config (no dataset plugin, no CSP), served beside the explorer, with the
  // same sigma as the explorer's (its native object spread), so the ratio compares pages, not two builds of sigma.
  await build({
    configFile: false,
    plugins: [sigmaNativeSpreadPlugin()],
    root: path.join(REPO_ROOT, "bench", "floor"),
    base: "/floor/",
    logLevel: "warn",
    build: { outDir: path.join(dist, "floor"), emptyOutDir: true, target: "es2022" },
  });
  const subjects = await prepareSubjects(dist, args.sizes);
  const server = await preview({
    logLevel: "warn",
    build: { outDir: dist },
    preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false },
  });
  const base = server.resolvedUrls?.local[0]?.replace(/\/$/, "");
  if (!base) throw new Error("vite preview did not report its address");
  // The floor page must be what was built, not the explorer's index.html (vite preview falls back to it).
  if (!(await readFile(path.join(dist, "floor", "index.html"), "utf8")).includes("floor")) throw new Error("the floor page was not built");
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const out: BrowserMeasurement[] = [];
  try {
    for (const subject of subjects) {
      const step = (what: string): void => {
        process.stderr.write(`bench: browser ${subject.label}: ${what}\n`);
      };
      const explorer: PageOpening[] = [];
      const floor: PageOpening[] = [];
      const measuredLast: { interaction: BrowserMeasurement["interaction"] | null } = { interaction: null };
      let floorDrawn: DrawnFrames = { restMs: Number.NaN, movingMs: Number.NaN };
      const count = alternations(subject.entities);
      for (let run = 0; run < count; run += 1) {
        // Alternate, so drift on the shared machine hits both sides alike.
        const last = run === count - 1;
        floor.push(
          await open(browser, `${base}${subject.floorPath}`, "floor", args.fullFrameWaitMs, async (page) => {
            if (last) floorDrawn = await page.evaluate<DrawnFrames>(DRAWN_FRAMES("window.floor", subject.relations > HIDE_EDGES_ON_MOVE_FROM));
          }),
        );
        explorer.push(
          await open(browser, `${base}${subject.explorerPath}`, "explorer", args.fullFrameWaitMs, async (page, opening) => {
            step(
              `run ${run + 1}/${count}: explorer full frame ${opening.fullFrameMs === null ? "none in the wait" : `${Math.round(opening.fullFrameMs)} ms`} (first frame ${Math.round(opening.firstFrameMs)} ms, longest task ${Math.round(opening.longestTaskMs)} ms) vs floor ${Math.round(floor.at(-1)?.fullFrameMs ?? Number.NaN)} ms; marks ${opening.marks.map(([name, at]) => `${name} ${at}`).join(", ")}`,
            );
            if (last) measuredLast.interaction = await interact(page, opening, args.settleMs, step, floorDrawn);
          }),
        );
      }
      const { interaction } = measuredLast;
      if (!interaction) throw new Error("no interaction measured");
      out.push({ label: subject.label, entities: subject.entities, relations: subject.relations, explorer, floor, interaction });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

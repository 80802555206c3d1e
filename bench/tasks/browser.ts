/**
 * Browser: the built explorer (vite build + vite preview) in Debian's Chromium driven by playwright-core,
 * opening generated datasets by address (`?dataset=`). Per size: time from navigation to the first frame
 * after the page is ready (with the explorer's own `atlas:*` marks, to say where the time goes); frames per
 * second of requestAnimationFrame while the FA2 worker lays out (is the page responsive?), then while
 * panning (mouse drag) and zooming (wheel). There is no same-run
 * peer: the baselines are Gephi Lite's first draw measured here (../shared/notes/performance-anchors.md)
 * and the 30 fps frame budget.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { build, preview } from "vite";
import { chromium, type Page } from "playwright-core";
import { generateDataset } from "../../src/generate/generate.ts";
import { CHROMIUM, CHROMIUM_ARGS } from "../../test/support/chromium.ts";

export interface BrowserMeasurement {
  entities: number;
  relations: number;
  /** Navigation start to the first frame after the page reported ready. */
  firstRenderMs: number;
  /** Frames per second and longest frame while the layout runs, panning and zooming. */
  layout: FrameStats;
  pan: FrameStats;
  zoom: FrameStats;
  /** ForceAtlas2 in its worker: its rate (iterations per second over about a second) and iterations run, as last reported once the layout settled or the wait ended. */
  layoutIterationsPerSecond: number;
  layoutIterations: number;
  /** Whether the layout settled within the wait (else the frames were measured while it still ran). */
  settled: boolean;
  /** The explorer's own marks (ms from navigation): fetched and parsed, graph built, ready. */
  marks: [string, number][];
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
const MARKS =
  "JSON.stringify(performance.getEntriesByType('mark').filter((mark) => mark.name.startsWith('atlas:')).map((mark) => [mark.name, Math.round(mark.startTime)]))";
/** The explorer's layout progress (src/app/render/layout.ts), read through the page's `atlas` handle. */
const LAYOUT_PROGRESS =
  "(() => { const p = window.atlas.layout.progress; return { iterations: p.iterations, iterationsPerSecond: p.iterationsPerSecond }; })()";
const NEXT_FRAME_TIME = "new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))";

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

export async function browserBench(args: { sizes: number[]; out: string; settleMs: number }): Promise<BrowserMeasurement[]> {
  const dist = path.join(args.out, "dist");
  await build({ logLevel: "warn", build: { outDir: dist, emptyOutDir: true } });
  await mkdir(path.join(dist, "bench"), { recursive: true });
  for (const size of args.sizes) {
    const dataset = generateDataset({ entities: size, relations: size * 3, seed: 1 });
    const document = { dataset: dataset.meta, entities: dataset.entities, relations: dataset.relations, sources: dataset.sources };
    await writeFile(path.join(dist, "bench", `${size}.json`), JSON.stringify(document));
  }
  const server = await preview({
    logLevel: "warn",
    build: { outDir: dist },
    preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false },
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error("vite preview did not report its address");
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const out: BrowserMeasurement[] = [];
  try {
    for (const size of args.sizes) {
      const step = (what: string): void => {
        process.stderr.write(`bench: browser ${size}: ${what}\n`);
      };
      step("opening");
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${base}?dataset=/bench/${size}.json`);
      await page.waitForSelector("#app[data-state=ready], #app[data-state=error]", { timeout: 180_000 });
      if ((await page.getAttribute("#app", "data-state")) !== "ready")
        throw new Error(`the explorer could not open the ${size}-entity dataset`);
      // The first frame after ready: two animation frames later the canvas has been presented.
      const firstRenderMs = await page.evaluate<number>(NEXT_FRAME_TIME);
      const marks = JSON.parse(await page.evaluate<string>(MARKS)) as [string, number][];
      step(`ready; first frame at ${Math.round(firstRenderMs)} ms; marks ${marks.map(([name, at]) => `${name} ${at}`).join(", ")}`);
      const layout = await frames(page, () => page.waitForTimeout(3_000));

      step("layout frames counted; waiting for the layout to settle");
      const settled = await page.waitForSelector("#app[data-layout=settled], #app[data-layout=stopped]", { timeout: args.settleMs }).then(
        () => true,
        () => false,
      );
      // The worker's rate over its last second, and its iterations, as last reported to the page (at settling, or after the wait).
      const progress = await page.evaluate<{ iterations: number; iterationsPerSecond: number }>(LAYOUT_PROGRESS);
      const layoutIterationsPerSecond = progress.iterationsPerSecond;
      const box = (await page.locator("#graph").boundingBox()) ?? { x: 0, y: 0, width: 1280, height: 800 };
      step(`settled: ${settled}; panning`);
      const panned = await frames(page, () => pan(page, box));
      step("zooming");
      const zoomed = await frames(page, () => zoom(page, box));
      // The marks again: the leverage ranking arrives from its worker after ready.
      const allMarks = JSON.parse(await page.evaluate<string>(MARKS)) as [string, number][];
      out.push({
        entities: size,
        relations: size * 3,
        firstRenderMs,
        layout,
        layoutIterationsPerSecond,
        layoutIterations: progress.iterations,
        pan: panned,
        zoom: zoomed,
        settled,
        marks: allMarks,
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

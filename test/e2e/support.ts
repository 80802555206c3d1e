/** Shared e2e helpers: a page on the preview server, readiness, CSP and error collection, pixel counting. */
import { inject } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";

export const baseUrl = inject("e2eBaseUrl");
const wsEndpoint = inject("e2eWsEndpoint");

/** True when the global setup started a browser (false only outside CI without Chromium). */
export const e2eAvailable = baseUrl !== "";

let browser: Browser | undefined;

export async function connect(): Promise<Browser> {
  browser ??= await chromium.connect(wsEndpoint);
  return browser;
}

export async function disconnect(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

export interface OpenedPage {
  page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
}

/** Opens the explorer at `query` (of the preview server, or of `site`) and waits for it to be ready (or to show an error). */
export async function openExplorer(
  query = "",
  viewport = { width: 1280, height: 800 },
  options: { waitFor?: "ready" | "error" | "any"; prepare?: (page: Page) => Promise<void>; site?: string } = {},
): Promise<OpenedPage> {
  const context = await (await connect()).newContext({ viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || /Content.Security.Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  await options.prepare?.(page);
  await page.goto(`${options.site ?? baseUrl}${query}`);
  const state = options.waitFor ?? "ready";
  const selector = state === "any" ? "#app[data-state=ready], #app[data-state=error]" : `#app[data-state=${state}]`;
  await page.waitForSelector(selector, { timeout: 45_000 });
  return { page, problems };
}

/** Answers the page's requests for `pathname` on its own site with this JSON text (a dataset made by the test). */
export async function serveJson(page: Page, pathname: string, body: string): Promise<void> {
  await page.route(
    (url) => url.pathname === pathname,
    (route) => route.fulfill({ contentType: "application/json", body }),
  );
}

export async function close(opened: OpenedPage): Promise<void> {
  await opened.page.context().close();
}

/** Waits until the layout reports it has settled (FA2 stops by itself). */
export async function waitForSettled(page: Page): Promise<void> {
  await page.waitForSelector("#app[data-layout=settled]", { timeout: 45_000 });
}

export interface PixelCounts {
  total: number;
  /** Pixels that differ clearly from the background. */
  drawn: number;
  /** Pixels close to the pressure colour (Okabe-Ito vermillion #D55E00). */
  pressure: number;
}

/** Counts pixels of a screenshot of the graph canvas. */
export async function graphPixels(page: Page): Promise<PixelCounts> {
  // Keep the pointer off the graph so no hover dims it.
  await page.mouse.move(0, 0);
  const png = await page
    .locator("#graph")
    .screenshot({ style: ".graph-toolbar, .notices, .edge-tooltip { visibility: hidden !important; }" });
  return (await pngPixels(page, png)).counts;
}

/**
 * Decodes a PNG and counts its pixels against the colour of its first pixel. The browser decodes it
 * (in a blank page, outside the explorer's CSP), which avoids a PNG library in the tests.
 */
export async function pngPixels(page: Page, png: Buffer): Promise<{ width: number; height: number; counts: PixelCounts }> {
  const decoder = await page.context().newPage();
  try {
    return await decoder.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d") as CanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, image.width, image.height).data;
      const background = [data[0] as number, data[1] as number, data[2] as number];
      let drawn = 0;
      let pressure = 0;
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i] as number;
        const g = data[i + 1] as number;
        const b = data[i + 2] as number;
        if (Math.abs(r - background[0]!) + Math.abs(g - background[1]!) + Math.abs(b - background[2]!) > 60) drawn += 1;
        if (Math.abs(r - 0xd5) < 30 && Math.abs(g - 0x5e) < 30 && b < 50) pressure += 1;
      }
      return { width: image.width, height: image.height, counts: { total: data.length / 4, drawn, pressure } };
    }, png.toString("base64"));
  } finally {
    await decoder.close();
  }
}

/** The number of relations the view shows, as the page reports it. */
export async function visibleEdges(page: Page): Promise<number> {
  return Number(await page.getAttribute("#app", "data-visible-edges"));
}

/**
 * The labels sigma draws, once they have held still for `steadyRounds` checks 250 ms apart (they are placed
 * again each time the camera rests and as the layout moves entities).
 */
export async function steadyLabels(page: Page, steadyRounds = 3): Promise<Set<string>> {
  let last = "";
  let same = 0;
  for (let round = 0; round < 80 && same < steadyRounds; round++) {
    await page.waitForTimeout(250);
    const now = await page.evaluate(() =>
      [...(window as unknown as { atlas: { renderer: { getNodeDisplayedLabels(): Set<string> } } }).atlas.renderer.getNodeDisplayedLabels()]
        .sort()
        .join(","),
    );
    same = now === last && now !== "" ? same + 1 : 0;
    last = now;
  }
  return new Set(last.split(",").filter(Boolean));
}

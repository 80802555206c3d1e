/**
 * The SVG figure and saved layouts in Chromium: "Export SVG" downloads the current view as a figure with the
 * explorer's entities, positions, sizes, colours, arrows and labels, which Chromium renders to the same picture
 * as the explorer's canvas (same kind and family colours in both; the two screenshots are kept in test-results/
 * to be looked at side by side); "Save layout" downloads the positions as drawn, which read back as a valid
 * layout placing every entity; and the embedded dataset opens with its saved layout instead of ForceAtlas2.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Download, Page } from "playwright-core";
import { parseLayout } from "../../src/load/layouts.ts";
import { ENTITY_KIND_LOOKS, RELATION_FAMILY_LOOKS, type Rgb } from "../../src/model/presentation.ts";
import { atlasFromSources, startServe, type RunningServe } from "../support/serve.ts";
import { OUT_DIR } from "./global-setup.ts";
import { close, connect, disconnect, e2eAvailable, openExplorer, steadyLabels, waitForSettled, type OpenedPage } from "./support.ts";

const skip = !e2eAvailable && !process.env.CI;
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
/** Where the two pictures are kept for a person to compare (git-ignored). */
const PICTURES = "test-results/figure";

type Point = { x: number; y: number };
type Atlas = {
  graph: {
    nodes(): string[];
    order: number;
    getNodeAttributes(id: string): Point & { size: number; label: string; kind: keyof typeof ENTITY_KIND_LOOKS };
  };
  store: { get(): { layout: { status: string; iterations: number; saved: string | null } } };
  renderer: { getNodeState(id: string): { isHidden: boolean }; getNodeDisplayedLabels(): Set<string> };
};
declare const window: Window & { atlas: Atlas };


async function downloaded(download: Download, folder: string): Promise<string> {
  const file = path.join(folder, download.suggestedFilename());
  await download.saveAs(file);
  return readFileSync(file, "utf8");
}

function all(root: { getElementsByTagName(name: string): ArrayLike<Element> }, name: string): Element[] {
  return Array.from(root.getElementsByTagName(name));
}

/** How many pixels of a picture are close to each colour. */
/** A saved layout read back places every entity where the page draws it, and nothing else. */
async function expectPlacesAsDrawn(page: Page, read: ReturnType<typeof parseLayout>): Promise<void> {
  expect(read.issues).toEqual([]);
  const drawn = await page.evaluate(() =>
    window.atlas.graph
      .nodes()
      .map((id) => [id, window.atlas.graph.getNodeAttributes(id).x, window.atlas.graph.getNodeAttributes(id).y] as const),
  );
  expect(read.layout?.positions.size).toBe(drawn.length);
  for (const [id, x, y] of drawn) {
    expect(read.layout?.positions.get(id)?.x, id).toBeCloseTo(x, 1);
    expect(read.layout?.positions.get(id)?.y, id).toBeCloseTo(y, 1);
  }
}

async function colourCounts(page: Page, png: Buffer, colours: Record<string, Rgb>): Promise<Record<string, number>> {
  const decoder = await page.context().newPage();
  try {
    return await decoder.evaluate(
      async ({ base64, wanted }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext("2d") as CanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        const data = context.getImageData(0, 0, image.width, image.height).data;
        const counts: Record<string, number> = Object.fromEntries(Object.keys(wanted).map((key) => [key, 0]));
        for (let i = 0; i < data.length; i += 4)
          for (const [key, [r, g, b]] of Object.entries(wanted))
            if (Math.abs((data[i] as number) - r) + Math.abs((data[i + 1] as number) - g) + Math.abs((data[i + 2] as number) - b) < 24)
              counts[key] = (counts[key] ?? 0) + 1;
        return counts;
      },
      { base64: png.toString("base64"), wanted: colours },
    );
  } finally {
    await decoder.close();
  }
}

describe.skipIf(skip)("the SVG figure and saved layouts in Chromium", () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), "atlas-e2e-figure-"));
    mkdirSync(PICTURES, { recursive: true });
  });
  afterAll(async () => {
    await disconnect();
    rmSync(folder, { recursive: true, force: true });
  });

  /**
   * Exports the view at an address as SVG and checks it against the explorer: the same entities at their drawn
   * sizes, the same relations, the same labels (those sigma draws), the month shown, and the same kind and family
   * colours in Chromium's rendering of each; both pictures go to test-results/figure/NAME-*.png.
   */
  async function exportsLikeTheExplorer(address: string, name: string, fileName: RegExp, asOf: RegExp): Promise<void> {
    const opened: OpenedPage = await openExplorer(address, { width: 1400, height: 900 });
    const { page } = opened;
    try {
      await waitForSettled(page);
      await page.getByRole("button", { name: "Fit the graph" }).click();
      await steadyLabels(page, 4);
      const view = await page.evaluate(() => {
        const { graph, renderer } = window.atlas;
        return graph
          .nodes()
          .filter((id) => !renderer.getNodeState(id).isHidden)
          .map((id) => ({ id, ...graph.getNodeAttributes(id) }));
      });
      expect(view.length).toBeGreaterThan(3);
      // The labels drawn as the button is pressed (read in the same task: the machine may be slow to click).
      const [download, labelled] = await Promise.all([
        page.waitForEvent("download"),
        page.evaluate(() => {
          const drawn = [...window.atlas.renderer.getNodeDisplayedLabels()];
          window.document.querySelector<HTMLButtonElement>("button[data-format='svg']")?.click();
          return drawn;
        }),
      ]);
      expect(download.suggestedFilename()).toMatch(fileName);
      const svg = await downloaded(download, folder);
      await poll(() => page.locator("#export-status").textContent()).toMatch(/^Exported an image of \d+ entities, \d+ relations as /);

      // The view's entities, at the explorer's sizes, with the explorer's labels and the month it shows; well-formed.
      const parser = new SaxesParser({ xmlns: true });
      parser.on("error", (error) => {
        throw error;
      });
      parser.write(svg).close();
      const document = new DOMParser().parseFromString(svg, "image/svg+xml");
      const entities = all(document, "g").filter((group) => group.getAttribute("class") === "entity");
      expect(entities.map((group) => group.getAttribute("data-id")).sort()).toEqual(view.map((entity) => entity.id).sort());
      expect(all(document, "g").filter((group) => group.getAttribute("class") === "relation")).toHaveLength(
        Number(await page.getAttribute("#app", "data-visible-edges")),
      );
      for (const group of entities) {
        const entity = view.find((candidate) => candidate.id === group.getAttribute("data-id"));
        const circle = all(group, "circle")[0];
        if (circle) expect(Number(circle.getAttribute("r"))).toBeCloseTo(entity?.size ?? 0, 1);
        expect(all(group, "text")[0]?.textContent).toBe(entity?.label);
      }
      const shownLabels = entities
        .filter((group) => all(group, "text")[0]?.getAttribute("display") !== "none")
        .map((group) => group.getAttribute("data-id"));
      expect(shownLabels.sort()).toEqual(labelled.sort());
      expect(document.getElementById("subtitle")?.textContent).toMatch(asOf);

      // Both pictures, side by side in test-results/, and the same colours in each.
      const figurePage = await page.context().newPage();
      await figurePage.setViewportSize({ width: 1200, height: 800 });
      await figurePage.setContent(
        `<body style="margin:0"><img id="figure" alt="" src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}"></body>`,
      );
      await figurePage.locator("#figure").evaluate((image: HTMLImageElement) => image.decode());
      const figurePng = await figurePage.locator("#figure").screenshot();
      await figurePage.close();
      writeFileSync(path.join(PICTURES, `${name}-figure.png`), figurePng);
      const kinds = [...new Set(view.map((entity) => entity.kind))];
      const colours: Record<string, Rgb> = {
        ...Object.fromEntries(kinds.map((kind) => [kind, ENTITY_KIND_LOOKS[kind].color])),
        pressure: RELATION_FAMILY_LOOKS.pressure.color,
        dependency: RELATION_FAMILY_LOOKS.dependency.color,
      };
      // The explorer's canvas as composited now; on a machine under heavy load a capture can come out blank (its
      // WebGL frame not presented yet), so a blank one is taken again.
      let explorerPng: Buffer = Buffer.alloc(0);
      let inExplorer: Record<string, number> = {};
      for (let attempt = 0; attempt < 5 && !Object.keys(colours).every((key) => (inExplorer[key] ?? 0) > 10); attempt++) {
        // Two animation frames: sigma has drawn and the browser has presented it.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        explorerPng = await page
          .locator("#graph")
          .screenshot({ style: ".graph-toolbar, .notices, .edge-tooltip { visibility: hidden !important; }" });
        inExplorer = await colourCounts(page, explorerPng, colours);
      }
      writeFileSync(path.join(PICTURES, `${name}-explorer.png`), explorerPng);
      const inFigure = await colourCounts(page, figurePng, colours);
      for (const key of Object.keys(colours)) {
        expect(inExplorer[key], `${key} in the explorer`).toBeGreaterThan(10);
        expect(inFigure[key], `${key} in the figure`).toBeGreaterThan(10);
      }
      expect(opened.problems).toEqual([]);
    } finally {
      await close(opened);
    }
  }

  it("exports the embedded dataset as opened as an SVG figure that Chromium draws like the explorer", async () => {
    await exportsLikeTheExplorer("", "dataset", /\.svg$/, /^\d+ entities, \d+ relations$/);
  });

  it("exports a neighbourhood at a month as an SVG figure that Chromium draws like the explorer", async () => {
    await exportsLikeTheExplorer("?focus=huawei&depth=1&at=2019-11", "ego", /_ego-huawei-1_at-2019-11\.svg$/, /, as of November 2019$/);
  });

  it("opens the embedded dataset at its saved layout (data/layouts/default.json), without running ForceAtlas2", async () => {
    const saved = parseLayout({
      path: "layouts/default.json",
      file: "data/layouts/default.json",
      text: readFileSync("data/layouts/default.json", "utf8"),
    });
    const opened = await openExplorer();
    const { page } = opened;
    try {
      expect(await page.getAttribute("#app", "data-layout")).toBe("settled");
      expect(await page.evaluate(() => window.atlas.store.get().layout)).toMatchObject({
        status: "settled",
        iterations: 0,
        saved: "default",
      });
      const drawn = await page.evaluate(() =>
        window.atlas.graph
          .nodes()
          .map((id) => [id, window.atlas.graph.getNodeAttributes(id).x, window.atlas.graph.getNodeAttributes(id).y] as const),
      );
      for (const [id, x, y] of drawn) expect([x, y], id).toEqual([saved.layout?.positions.get(id)?.x, saved.layout?.positions.get(id)?.y]);
      expect(await page.locator("#layout-toggle").getAttribute("title")).toBe(
        'Positions from the saved layout "default"; run ForceAtlas2 from them',
      );
      expect(opened.problems).toEqual([]);
    } finally {
      await close(opened);
    }
  });

  it("saves the positions as drawn as a layout file that reads back, placing every entity", async () => {
    const opened = await openExplorer();
    const { page } = opened;
    try {
      // Move the layout on (from the saved one, if any), so what is saved is what is drawn now.
      await waitForSettled(page);
      await page.getByRole("button", { name: /run layout/i }).click();
      await waitForSettled(page);
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save layout" }).click()]);
      const saved = await page.evaluate(() => window.atlas.store.get().layout.saved);
      expect(download.suggestedFilename()).toBe(`${saved ?? "default"}.json`);
      const text = await downloaded(download, folder);
      await poll(() => page.locator("#layout-saved").textContent()).toBe(
        `Saved ${download.suggestedFilename()}: put it in the dataset's layouts/ folder to open with these positions.`,
      );
      const read = parseLayout({ path: `layouts/${download.suggestedFilename()}`, file: download.suggestedFilename(), text });
      await expectPlacesAsDrawn(page, read);
      expect(opened.problems).toEqual([]);
    } finally {
      await close(opened);
    }
  });
});

describe.skipIf(skip)("Save layout on a folder served writable by atlas serve", () => {
  let folder = "";
  let server: RunningServe;

  beforeAll(async () => {
    folder = path.join(mkdtempSync(path.join(tmpdir(), "atlas-e2e-layout-")), "my-dataset");
    cpSync("data", folder, { recursive: true });
    server = await startServe([folder, "--port", "0", "--app", OUT_DIR], { atlas: atlasFromSources() });
  });

  afterAll(async () => {
    await server.stop();
    await disconnect();
    rmSync(path.dirname(folder), { recursive: true, force: true });
  });

  it("writes the positions as drawn into the folder's layouts/ (no download), and a second save builds on the first", async () => {
    const context = await (await connect()).newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("download", (download) => problems.push(`downloaded ${download.suggestedFilename()}`));
    try {
      await page.goto(server.url);
      await page.waitForSelector("#app[data-state=ready]", { timeout: 60_000 });
      await waitForSettled(page);
      // Opened at data/layouts/default.json; moved on by ForceAtlas2, then saved over it.
      await page.getByRole("button", { name: /run layout/i }).click();
      await waitForSettled(page);
      await page.getByRole("button", { name: "Save layout" }).click();
      await poll(() => page.locator("#layout-saved").textContent()).toBe(
        "Saved layouts/default.json in the dataset folder: the dataset opens with these positions.",
      );
      const file = path.join(folder, "layouts", "default.json");
      const read = parseLayout({ path: "layouts/default.json", file, text: readFileSync(file, "utf8") });
      await expectPlacesAsDrawn(page, read);
      // The page follows the folder: it loads the changed dataset again (its bundle now names the saved file's
      // sha256), and saving again builds on it.
      await poll(() => page.getAttribute("#app", "data-reloads")).toBe("1");
      await page.waitForSelector("#app[data-state=ready]");
      await page.getByRole("button", { name: "Save layout" }).click();
      await poll(() => page.locator("#layout-saved").textContent()).toMatch(/^Saved layouts\/default\.json in the dataset folder/);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * The explorer in Chromium, against `vite preview` of the production build. These tests rely on
 * facts the growing dataset keeps: Bell has sourced relations, pressure relations exist, and
 * relations start at different dates.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";

/** Polls generously: the page renders with software GL on a busy machine. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
import { close, disconnect, e2eAvailable, graphPixels, openExplorer, serveJson, visibleEdges, waitForSettled, type OpenedPage } from "./support.ts";
import { readFile } from "node:fs/promises";
import { writeDatasetJson } from "../../src/formats/json/write.ts";
import { generateDataset } from "../../src/generate/generate.ts";

/** The period the embedded dataset declares, which Play animates. */
async function embeddedPeriod(): Promise<{ from: string; to: string }> {
  const file = JSON.parse(await readFile("data/canada.json", "utf8")) as { dataset: { period: { from: string; to: string } } };
  return file.dataset.period;
}

const skip = !e2eAvailable && !process.env.CI;

describe.skipIf(skip)("the explorer in Chromium", () => {
  // One page serves the tests that do not reload (opening a page costs seconds with software GL);
  // each test leaves the view as it found it.
  let shared: OpenedPage;
  let page: Page;
  beforeAll(async () => {
    shared = await openExplorer();
    page = shared.page;
  });
  afterAll(async () => {
    await close(shared);
    await disconnect();
  });

  it("draws the graph on the canvas at its saved layout, lays it out again on request, and logs no error or CSP violation", async () => {
    expect(await page.locator("h1.dataset-name").textContent()).not.toBe("");
    expect(await page.locator("#dataset-counts").textContent()).toMatch(/\d+ entities · \d+ relations · \d+ sources/);
    await waitForSettled(page);
    // It opened at the dataset's saved layout (test/e2e/figure.test.ts checks the positions); the layout button runs
    // ForceAtlas2 from there (positions move), which settles by itself, and stops it.
    const pixels = await graphPixels(page);
    expect(pixels.drawn / pixels.total).toBeGreaterThan(0.002);
    type Positions = { atlas: { graph: { getNodeAttributes(id: string): { x: number; y: number } } } };
    const before = await page.evaluate(() => (window as unknown as Positions).atlas.graph.getNodeAttributes("bell"));
    await page.getByRole("button", { name: /run layout/i }).click();
    await page.waitForFunction(
      (start) => {
        const now = (window as unknown as Positions).atlas.graph.getNodeAttributes("bell");
        return now.x !== start.x || now.y !== start.y;
      },
      before,
      { timeout: 45_000 },
    );
    await page.waitForSelector("#app[data-layout=settled]", { timeout: 45_000 });
    // A restarted layout may settle by itself (after 2 s at least) before a slow Stop click lands, and the same
    // button then starts it again (test/app/render/layout.test.ts); so Run then Stop is tried until Stop finds it running.
    await poll(async () => {
      await page.getByRole("button", { name: /run layout/i }).click();
      if ((await page.getAttribute("#app", "data-layout")) !== "running") return "not started by Run layout";
      await page.getByRole("button", { name: /stop layout/i }).click();
      return page.getAttribute("#app", "data-layout");
    }).toBe("stopped");
    expect(shared.problems).toEqual([]);
  });

  it("finds Bell by search with the keyboard and lists its relations with source links in Details", async () => {
    const search = page.getByRole("combobox", { name: "Search", exact: true });
    await search.fill("bèll cana");
    await poll(() => page.getByRole("option").first().textContent()).toMatch(/Bell/);
    await search.press("ArrowDown");
    await search.press("ArrowUp");
    await search.press("Enter");
    const details = page.getByRole("region", { name: "Details" });
    await poll(() => details.getByRole("heading", { level: 2 }).textContent()).toBe("Bell Canada");
    expect(await details.textContent()).toMatch(/Carrier/);
    const relations = details.locator("li.relation");
    expect(await relations.count()).toBeGreaterThan(0);
    expect(await details.locator(".relation-group h3").first().textContent()).toMatch(
      /(Pressure|Dependency|Structure) (from|to) Bell Canada/,
    );
    const links = details.locator("li.relation a.source-link");
    expect(await links.count()).toBeGreaterThan(0);
    for (const link of await links.all()) {
      expect(await link.getAttribute("href")).toMatch(/^https?:\/\//);
      expect(await link.getAttribute("target")).toBe("_blank");
      expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
    }
    expect(new URL(page.url()).searchParams.get("focus")).toBe("bell");
    await details.getByRole("button", { name: "Close details" }).click();
    expect(new URL(page.url()).searchParams.has("focus")).toBe(false);
    expect(shared.problems).toEqual([]);
  });

  it("hides pressure relations when 'pressure' is unticked in the legend", async () => {
    const before = await graphPixels(page);
    const edgesBefore = await visibleEdges(page);
    expect(before.pressure).toBeGreaterThan(0);
    const pressure = page.getByRole("checkbox", { name: /pressure/i });
    await pressure.uncheck();
    await poll(() => visibleEdges(page)).toBeLessThan(edgesBefore);
    await poll(async () => (await graphPixels(page)).pressure).toBe(0);
    expect(await page.locator("label", { has: pressure }).textContent()).toMatch(/0 of \d+/);
    await pressure.check();
    await poll(() => visibleEdges(page)).toBe(edgesBefore);
    await poll(async () => (await graphPixels(page)).pressure).toBeGreaterThan(0);
  });

  it("changes which relations are shown as the time control moves", async () => {
    const all = await visibleEdges(page);
    const slider = page.getByRole("slider", { name: "Date" });
    await slider.focus();
    await slider.press("Home");
    await poll(() => page.locator(".time-output").textContent()).toMatch(/^As of /);
    const earliest = await visibleEdges(page);
    expect(earliest).toBeLessThan(all);
    expect(new URL(page.url()).searchParams.get("at")).toMatch(/^\d{4}-\d{2}$/);
    await slider.press("End");
    const latest = await visibleEdges(page);
    expect(latest).not.toBe(earliest);
    await page.getByRole("button", { name: "Show all dates" }).click();
    expect(await visibleEdges(page)).toBe(all);
    expect(new URL(page.url()).searchParams.has("at")).toBe(false);
    // Play animates the story years its button names (the years most relations start in, not the dataset's
    // declared period, which reaches back to 1870), from their first month.
    const play = page.getByRole("button", { name: /Play/ });
    const storyFrom = Number(/(\d{4})–\d{4}/.exec((await play.textContent()) ?? "")?.[1]);
    expect(storyFrom).toBeGreaterThan(Number((await embeddedPeriod()).from.slice(0, 4)));
    await play.click();
    await poll(async () => {
      const year = Number(/\d{4}/.exec((await page.locator(".time-output").textContent()) ?? "")?.[0]);
      return year >= storyFrom && year < storyFrom + 20;
    }).toBe(true);
    await page.getByRole("button", { name: /Pause/ }).click();
    await page.getByRole("button", { name: "Show all dates" }).click();
    expect(await visibleEdges(page)).toBe(all);
  });

  it("restores the view (focus, depth, families, kinds, date) from the URL after a reload", async () => {
    const opened = await openExplorer("?focus=bell");
    const { page } = opened;
    const details = page.getByRole("region", { name: "Details" });
    await poll(() => details.getByRole("heading", { level: 2 }).textContent()).toBe("Bell Canada");
    await page.getByRole("checkbox", { name: /structure/i }).uncheck();
    await page.getByRole("checkbox", { name: /person/i }).uncheck();
    await page.getByLabel("Neighbourhood").selectOption("2");
    const slider = page.getByRole("slider", { name: "Date" });
    await slider.focus();
    await slider.press("End");
    const shown = await visibleEdges(page);
    const params = new URL(page.url()).searchParams;
    expect(params.get("focus")).toBe("bell");
    expect(params.get("depth")).toBe("2");
    expect(params.get("families")).toBe("pressure,dependency");
    expect(params.get("kinds")?.split(",")).not.toContain("person");
    expect(params.get("at")).toMatch(/^\d{4}-\d{2}$/);
    const at = params.get("at");

    await page.reload();
    await page.waitForSelector("#app[data-state=ready]");
    await poll(() => details.getByRole("heading", { level: 2 }).textContent()).toBe("Bell Canada");
    expect(await page.getByRole("checkbox", { name: /structure/i }).isChecked()).toBe(false);
    expect(await page.getByRole("checkbox", { name: /pressure/i }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: /person/i }).isChecked()).toBe(false);
    expect(await page.getByLabel("Neighbourhood").inputValue()).toBe("2");
    expect(await page.locator(".time-output").textContent()).toMatch(/^As of /);
    expect(new URL(page.url()).searchParams.get("at")).toBe(at);
    expect(await visibleEdges(page)).toBe(shown);
    await close(opened);
  });

  it("highlights a shortest path and says plainly when there is none", async () => {
    for (const [name, query] of [
      ["Path from", "bell"],
      ["Path to", "united states"],
    ] as const) {
      const box = page.getByRole("combobox", { name });
      await box.fill(query);
      await poll(() =>
        page
          .getByRole("listbox", { name: `${name} results` })
          .getByRole("option")
          .count(),
      ).toBeGreaterThan(0);
      await box.press("Enter");
    }
    const status = page.locator("#path-status");
    await poll(() => status.textContent()).toMatch(/Shortest path: \d+ steps?/);
    expect(await status.textContent()).toMatch(/Bell Canada.*→.*Government of the United States/);
    expect(new URL(page.url()).searchParams.get("path")).toBe("bell,gov-united-states");
    for (const family of [/pressure/i, /dependency/i, /structure/i]) await page.getByRole("checkbox", { name: family }).uncheck();
    await poll(() => status.textContent()).toBe(
      "No path between Bell Canada and Government of the United States under the current filters.",
    );
    for (const family of [/pressure/i, /dependency/i, /structure/i]) await page.getByRole("checkbox", { name: family }).check();
    await page.getByRole("button", { name: "Clear path" }).click();
    expect(new URL(page.url()).searchParams.has("path")).toBe(false);
  });

  it("highlights a hovered entity's neighbourhood and shows an edge's kind and dates on hover", async () => {
    type Point = { x: number; y: number };
    type Atlas = {
      renderer: {
        graphToViewport(c: Point): Point;
        getNodeState(node: string): { isActive: boolean; isDimmed: boolean };
        getEdgeState(edge: string): { parallelCount: number };
      };
      graph: { extremities(edge: string): [string, string]; edges(): string[]; nodes(): string[]; getNodeAttributes(id: string): Point };
    };
    const box = await page.locator("#graph").boundingBox();
    if (!box) throw new Error("no graph box");
    // Viewport position of a node once sigma has drawn the latest layout (two animation frames).
    const at = async (node: string) =>
      page.evaluate(async (id) => {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const { renderer, graph } = (window as unknown as { atlas: Atlas }).atlas;
        return renderer.graphToViewport(graph.getNodeAttributes(id));
      }, node);
    const bell = await at("bell");
    await page.mouse.move(box.x + bell.x - 2, box.y + bell.y - 2);
    await page.mouse.move(box.x + bell.x, box.y + bell.y);

    // Lit: Bell's neighbourhood, with everything else faded; then nothing lit and nothing faded.
    const lit = () =>
      page.evaluate(() => {
        const { renderer, graph } = (window as unknown as { atlas: Atlas }).atlas;
        return { bell: renderer.getNodeState("bell").isActive, faded: graph.nodes().filter((id) => renderer.getNodeState(id).isDimmed).length };
      });
    await poll(async () => {
      const { bell, faded } = await lit();
      return bell && faded > 0;
    }).toBe(true);
    await page.mouse.move(0, 0);
    await poll(lit).toEqual({ bell: false, faded: 0 });

    // Hover the middle of one of Bell's straight relations (parallel ones curve away from the midpoint;
    // another entity may sit on a midpoint, so try a few).
    const candidates = await page.evaluate(() => {
      const { graph, renderer } = (window as unknown as { atlas: Atlas }).atlas;
      return graph.edges().filter((e) => graph.extremities(e).includes("bell") && renderer.getEdgeState(e).parallelCount === 1);
    });
    expect(candidates.length).toBeGreaterThan(0);
    const tooltip = page.getByRole("tooltip");
    for (const edge of candidates.slice(0, 6)) {
      const [source, target] = await page.evaluate((e) => (window as unknown as { atlas: Atlas }).atlas.graph.extremities(e), edge);
      const [a, b] = [await at(source), await at(target)];
      const mid = { x: box.x + (a.x + b.x) / 2, y: box.y + (a.y + b.y) / 2 };
      await page.mouse.move(mid.x - 3, mid.y - 3);
      await page.mouse.move(mid.x, mid.y);
      if (await tooltip.isVisible().then((visible) => visible || page.waitForTimeout(1500).then(() => tooltip.isVisible()))) break;
    }
    expect(await tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toMatch(/(\d{4}) – (ongoing|.*\d{4})|\d{4}$/);
    await page.mouse.move(0, 0);
  });

  it("lists a broken dataset's problems in the page", async () => {
    const context = await (await import("./support.ts")).connect();
    const page = await (await context.newContext()).newPage();
    await page.route(
      (url) => url.pathname === "/broken.json",
      (route) =>
        route.fulfill({
          contentType: "application/json",
          body: '{\n  "entities": [\n    { "id": "Bad Id", "kind": "vendor", "name": "X" }\n  ],\n  "relations": [,]\n}',
        }),
    );
    await page.goto(`${(await import("./support.ts")).baseUrl}?dataset=/broken.json`);
    await page.waitForSelector("#app[data-state=error]");
    const alert = page.getByRole("alert");
    expect(await alert.getByRole("heading").textContent()).toBe("The dataset could not be opened");
    const items = alert.getByRole("listitem");
    expect(await items.count()).toBeGreaterThan(0);
    const text = await alert.textContent();
    expect(text).toMatch(/broken\.json/);
    expect(text).toMatch(/line \d+/);
    // Not a dead end: another file can be opened from the error page.
    expect(await alert.getByRole("button", { name: "Open file…" }).isVisible()).toBe(true);
    await page.context().close();
  });

  it("paints its panels and a note where the graph will be before sigma first takes a big graph, then draws it whole", async () => {
    // Above the explorer's DRAW_APART_FROM (80,000 entities and relations).
    const big = writeDatasetJson(generateDataset({ entities: 21_000, relations: 63_000, seed: 3 }));
    const opened = await openExplorer("?dataset=/big.json", undefined, {
      prepare: async (page) => {
        await serveJson(page, "/big.json", big);
        // Every frame the page shows, with what it showed: the note, the key's panel, and whether the graph was drawn.
        await page.addInitScript(() => {
          const paintLog: { note: boolean; panels: boolean; drawn: boolean }[] = [];
          Object.assign(window, { paintLog });
          const tick = (): void => {
            paintLog.push({
              note: document.querySelector(".graph-drawing") !== null,
              panels: document.querySelector(".app-header") !== null,
              drawn: document.getElementById("app")?.dataset.frame === "full",
            });
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        });
      },
    });
    const { page } = opened;
    await page.waitForSelector("#app[data-frame=full]", { timeout: 60_000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const frames = await page.evaluate(() => (window as unknown as { paintLog: { note: boolean; panels: boolean; drawn: boolean }[] }).paintLog);
    // A frame showed the panels and the note before the graph was drawn; once it is, the note is gone.
    expect(frames.some((frame) => frame.panels && frame.note && !frame.drawn)).toBe(true);
    expect(frames.at(-1)).toEqual({ note: false, panels: true, drawn: true });
    expect(await page.evaluate(() => (window as unknown as { atlas: { renderer: { getGraph(): { order: number; size: number } } } }).atlas.renderer.getGraph().order)).toBe(21_000);
    expect(await visibleEdges(page)).toBeGreaterThan(0);
    expect(opened.problems).toEqual([]);
    await close(opened);
  });

  it("explains when WebGL is unavailable instead of showing a blank page", async () => {
    const { connect, baseUrl } = await import("./support.ts");
    const page = await (await (await connect()).newContext()).newPage();
    await page.addInitScript(() => {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be called with .call(this) on each canvas below
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (type.startsWith("webgl")) return null;
        return (original as (this: HTMLCanvasElement, type: string, ...args: unknown[]) => RenderingContext | null).call(
          this,
          type,
          ...rest,
        );
      } as typeof HTMLCanvasElement.prototype.getContext;
    });
    await page.goto(baseUrl);
    await page.waitForSelector("#app[data-state=error]");
    expect(await page.getByRole("alert").textContent()).toMatch(/cannot draw the graph.*WebGL/s);
    await page.context().close();
  });

  it("works on a narrow screen: the panel stacks under the graph without horizontal scrolling", async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    const graph = await page.locator(".graph-pane").boundingBox();
    const panel = await page.locator(".side-panel").boundingBox();
    if (!graph || !panel) throw new Error("missing layout boxes");
    expect(panel.y).toBeGreaterThanOrEqual(graph.y + graph.height - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await poll(async () => (await graphPixels(page)).drawn).toBeGreaterThan(0);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

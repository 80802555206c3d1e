/**
 * The site `atlas publish` makes of data/, served by `python3 -m http.server` (a plain static host: no code of
 * ours answers), passes the explorer's checks in Chromium: search, details with source links, time, export;
 * with its title and no CSP violation. Published with --base /atlas/, it works from that sub-path.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp as mkdtempAsync, readFile, rm as rmAsync, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCount } from "../../src/load/issues.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { atlasFromSources } from "../support/serve.ts";
import { startPythonServer, type StaticServer } from "../support/static-server.ts";
import { close, connect, disconnect, e2eAvailable, openExplorer, visibleEdges, waitForSettled, type OpenedPage } from "./support.ts";

const skip = !e2eAvailable && !process.env.CI;
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
const TITLE = "Huawei 5G: who pressed whom";
/** A publish runs vite's build: seconds alone, minutes on a machine busy with other builds. */
const PUBLISH_TIMEOUT_MS = 240_000;
/** The embedded dataset's saved layout, once it has one. */
const SAVED_LAYOUT = "data/layouts/default.json";

/** `atlas publish ...args` from the sources (the e2e project does not build the bin). */
function publish(...args: string[]): void {
  const [command, ...prefix] = atlasFromSources();
  const run = spawnSync(command as string, [...prefix, "publish", ...args], { encoding: "utf8", timeout: PUBLISH_TIMEOUT_MS });
  if (run.status !== 0) throw new Error(`atlas publish ${args.join(" ")} exited with ${String(run.status)}:\n${run.stdout}${run.stderr}`);
}

async function downloaded(download: Download, folder: string): Promise<string> {
  const file = path.join(folder, download.suggestedFilename());
  await download.saveAs(file);
  return readFile(file, "utf8");
}

/** One publish of data/ (with a title) serves the checks of the site and of its embedding. */
let scratch = "";
let site: StaticServer | undefined;

beforeAll(async () => {
  if (skip) return;
  scratch = await mkdtempAsync(path.join(tmpdir(), "atlas-publish-e2e-"));
  publish("data", "--out", path.join(scratch, "site"), "--title", TITLE);
  site = await startPythonServer(path.join(scratch, "site"));
}, PUBLISH_TIMEOUT_MS);

afterAll(async () => {
  await site?.stop();
  await disconnect();
  if (scratch !== "") await rmAsync(scratch, { recursive: true, force: true });
});

/** The published site's address. */
function siteUrl(): string {
  if (!site) throw new Error("the site was not published");
  return site.url;
}

describe.skipIf(skip)("the published site of data/ from python3 -m http.server", () => {
  let shared: OpenedPage | undefined;
  let page: Page;
  /** The page's console errors and CSP violations. */
  let problems: string[] = [];
  /** Every address the page asked for, and the answer's status. */
  const requests: { url: string; status: number }[] = [];

  beforeAll(async () => {
    shared = await openExplorer("", undefined, {
      site: siteUrl(),
      prepare: (opened) => {
        opened.on("response", (response) => requests.push({ url: response.url(), status: response.status() }));
        return Promise.resolve();
      },
    });
    page = shared.page;
    problems = shared.problems;
  });

  afterAll(async () => {
    if (shared) await close(shared);
  });

  it("loads the bundle its meta names, carries the title, and logs no error or CSP violation", async () => {
    await waitForSettled(page);
    expect(requests.find((request) => request.url === `${siteUrl()}dataset.bundle.json`)?.status).toBe(200);
    expect(requests.filter((request) => request.status >= 400)).toEqual([]);
    expect(await page.title()).toBe(TITLE);
    expect(await page.locator("#dataset-counts").textContent()).toMatch(/\d+ entities · \d+ relations · \d+ sources/);
    expect(problems).toEqual([]);
  });

  // Saved layouts (layouts/NAME.json) travel in the bundle; the page opens at the default one.
  it.skipIf(!existsSync(SAVED_LAYOUT))("opens at the dataset's saved layout, carried in the bundle", async () => {
    const layout = JSON.parse(readFileSync(SAVED_LAYOUT, "utf8")) as { positions: Record<string, [number, number]> };
    const bundle = JSON.parse(await readFile(path.join(scratch, "site", "dataset.bundle.json"), "utf8")) as { files: { path: string }[] };
    expect(bundle.files.map((file) => file.path)).toContain("layouts/default.json");
    type Positions = { atlas: { graph: { nodes(): string[]; getNodeAttributes(id: string): { x: number; y: number } } } };
    const drawn = await page.evaluate(() => {
      const { graph } = (window as unknown as Positions).atlas;
      return graph.nodes().map((id) => [id, graph.getNodeAttributes(id).x, graph.getNodeAttributes(id).y] as const);
    });
    // The layout ran from the saved positions at most: every placed entity is where the layout put it.
    for (const [id, x, y] of drawn) if (id in layout.positions) expect([x, y], id).toEqual(layout.positions[id]);
  });

  it("finds Bell by search and lists its relations with source links in Details", async () => {
    const search = page.getByRole("combobox", { name: "Search", exact: true });
    await search.fill("bell cana");
    await poll(() => page.getByRole("option").first().textContent()).toMatch(/Bell/);
    await search.press("Enter");
    const details = page.getByRole("region", { name: "Details" });
    await poll(() => details.getByRole("heading", { level: 2 }).textContent()).toBe("Bell Canada");
    const links = details.locator("li.relation a.source-link");
    expect(await links.count()).toBeGreaterThan(0);
    for (const link of await links.all()) {
      expect(await link.getAttribute("href")).toMatch(/^https?:\/\//);
      expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
    }
    expect(new URL(page.url()).searchParams.get("focus")).toBe("bell");
    await details.getByRole("button", { name: "Close details" }).click();
  });

  it("changes which relations are shown as the time control moves", async () => {
    const all = await visibleEdges(page);
    const slider = page.getByRole("slider", { name: "Date" });
    await slider.focus();
    await slider.press("Home");
    await poll(() => page.locator(".time-output").textContent()).toMatch(/^As of /);
    expect(await visibleEdges(page)).toBeLessThan(all);
    await page.getByRole("button", { name: "Show all dates" }).click();
    await poll(() => visibleEdges(page)).toBe(all);
  });

  it("exports the view as JSON that loads back with zero errors", async () => {
    const shownEdges = await visibleEdges(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
    const text = await downloaded(download, scratch);
    const back = parseDataset([{ file: download.suggestedFilename(), text }]);
    expect(errorCount(back.issues)).toBe(0);
    expect(back.dataset?.relations).toHaveLength(shownEdges);
    expect(problems).toEqual([]);
  });
});

describe.skipIf(skip)("a site published with --base /atlas/", () => {
  it("works from that sub-path of a static host, every file asked for under it", async () => {
    publish("data", "--out", path.join(scratch, "root", "atlas"), "--base", "/atlas/");
    const host = await startPythonServer(path.join(scratch, "root"));
    const requests: string[] = [];
    try {
      const opened = await openExplorer("atlas/?focus=bell", undefined, {
        site: host.url,
        prepare: (page) => {
          page.on("request", (request) => requests.push(request.url()));
          return Promise.resolve();
        },
      });
      await poll(() => opened.page.getByRole("region", { name: "Details" }).getByRole("heading", { level: 2 }).textContent()).toBe("Bell Canada");
      const own = requests.filter((url) => url.startsWith(host.url));
      expect(own.length).toBeGreaterThan(2);
      expect(own.filter((url) => !url.startsWith(`${host.url}atlas/`))).toEqual([]);
      expect(opened.problems).toEqual([]);
      await close(opened);
    } finally {
      await host.stop();
    }
  }, PUBLISH_TIMEOUT_MS);
});

describe.skipIf(skip)("the published site embedded in an article", () => {
  let article: StaticServer | undefined;

  afterAll(async () => {
    await article?.stop();
  });

  it("gives an <iframe> snippet of the current view from Copy embed code, in a field even when the clipboard refuses", async () => {
    const full = await openExplorer("?families=pressure,dependency", undefined, { site: siteUrl() });
    const { page } = full;
    await page.getByRole("button", { name: "Copy embed code" }).click();
    const box = page.getByRole("dialog", { name: "Embed this view" });
    await poll(() => box.getAttribute("data-copied")).toMatch(/^(true|false)$/);
    expect(await box.getByRole("status").textContent()).toMatch(/Copied to the clipboard|select the code above/);
    const snippet = await box.getByRole("textbox", { name: "Embed code" }).inputValue();
    expect(snippet).toBe(
      `<iframe src="${siteUrl()}?families=pressure,dependency&amp;embed=1" title="${await page.title()}" width="100%" height="520" ` +
        'style="border: 1px solid #d0d7de; border-radius: 6px" loading="lazy" referrerpolicy="no-referrer"></iframe>',
    );
    await page.keyboard.press("Escape");
    expect(await box.isHidden()).toBe(true);
    expect(full.problems).toEqual([]);
    await close(full);

    // An article on another site (another origin) with the snippet, unfiltered.
    const plain = snippet.replace("?families=pressure,dependency&amp;embed=1", "?embed=1");
    await mkdir(path.join(scratch, "article"));
    await writeFile(
      path.join(scratch, "article", "index.html"),
      [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8"><title>An article</title><link rel="icon" href="data:,">',
        "<style>body { font: 17px/1.5 Georgia, serif; max-width: 960px; margin: 1.5rem auto; padding: 0 1rem; color: #222 } h1 { font-size: 1.6rem }</style>",
        "</head><body>",
        "<h1>Who pressed whom over Huawei’s 5G</h1>",
        "<p>Between 2018 and 2020 governments took sides on Huawei’s equipment in their 5G networks. Explore the relations below: click an entity to see its sources.</p>",
        plain,
        "<p>Data: the Leverage Atlas dataset, every relation sourced.</p>",
        "</body></html>",
        "",
      ].join("\n"),
    );
    article = await startPythonServer(path.join(scratch, "article"));
  });

  it("shows the graph inside the article's iframe: a compact key, details on click, the link to the full view, nothing to edit, open or export", async () => {
    const context = await (await connect()).newContext({ viewport: { width: 1000, height: 820 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || /Content.Security.Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    if (!article) throw new Error("the article was not written");
    await page.goto(article.url);
    const frame = page.frameLocator("iframe");
    await frame.locator("#app[data-state=ready]").waitFor({ timeout: 45_000 });
    await frame.locator("#app[data-layout=settled]").waitFor({ timeout: 45_000 });
    const app = frame.locator("#app");
    expect(await app.getAttribute("class")).toMatch(/app--embed/);

    // Only what an embed shows.
    expect(await frame.locator(".graph-key").isVisible()).toBe(true);
    for (const absent of ["#embed-copy", ".export-bar", "#drop-target", "input[type=file]", ".legend", ".time-bar", "#focus"])
      expect(await frame.locator(absent).count(), absent).toBe(0);
    expect(await frame.getByRole("button", { name: /open file/i }).count()).toBe(0);
    // No time bar, and no date chosen: nothing says "as of".
    expect(await frame.locator("#embed-when").isHidden()).toBe(true);
    expect(await frame.locator(".side-panel").isVisible()).toBe(false);

    // The link to the full view: the same address without embed, in a new tab.
    const open = frame.getByRole("link", { name: "Open in Leverage Atlas" });
    expect(await open.getAttribute("href")).toBe(siteUrl());
    expect(await open.getAttribute("target")).toBe("_blank");
    expect(await open.getAttribute("rel")).toBe("noopener");

    // Sized to its frame: the page fills the iframe without scrolling.
    const fits = await frame.locator("html").evaluate((html) => ({
      scroll: html.scrollHeight <= window.innerHeight + 1 && html.scrollWidth <= window.innerWidth + 1,
      height: window.innerHeight,
    }));
    expect(fits).toEqual({ scroll: true, height: 520 });

    // Keyboard: Tab from the article reaches the frame's search; an entity chosen there opens its details.
    await page.locator("h1").click();
    let inFrame = false;
    for (let step = 0; step < 4 && !inFrame; step += 1) {
      await page.keyboard.press("Tab");
      inFrame = await page.evaluate(() => document.activeElement?.tagName === "IFRAME");
    }
    expect(inFrame).toBe(true);
    expect(await frame.locator("body").evaluate(() => document.activeElement?.id)).toBe("search");
    await page.keyboard.type("vodafone");
    await poll(() => frame.getByRole("option").first().textContent()).toMatch(/Vodafone/);
    await page.keyboard.press("Enter");
    const details = frame.getByRole("region", { name: "Details" });
    await poll(() => details.getByRole("heading", { level: 2 }).textContent()).toMatch(/Vodafone/);
    expect(await frame.locator(".side-panel").isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await poll(() => frame.locator(".side-panel").isVisible()).toBe(false);

    // A click on an entity in the graph opens its details, with source links.
    type Atlas = {
      renderer: { graphToViewport(point: { x: number; y: number }): { x: number; y: number } };
      graph: { getNodeAttributes(id: string): { x: number; y: number } };
    };
    const iframe = await page.locator("iframe").boundingBox();
    if (!iframe) throw new Error("the iframe has no box");
    await poll(async () => {
      const point = await frame.locator("#graph").evaluate((graph) => {
        const atlas = (window as unknown as { atlas: Atlas }).atlas;
        const at = atlas.renderer.graphToViewport(atlas.graph.getNodeAttributes("bell"));
        const box = graph.getBoundingClientRect();
        return { x: box.left + at.x, y: box.top + at.y };
      });
      await page.mouse.click(iframe.x + 1 + point.x, iframe.y + 1 + point.y);
      return details.getByRole("heading", { level: 2 }).textContent();
    }).toBe("Bell Canada");
    expect(await details.locator("a.source-link").count()).toBeGreaterThan(0);
    // The details float over the graph, readable: a column of the frame, not a sliver at its edge.
    const panel = await frame.locator(".side-panel").boundingBox();
    expect(panel?.width).toBeGreaterThan(280);
    expect(panel?.height).toBeGreaterThan(200);
    // No editing: the details offer no path or selection tools, and nothing in the frame edits or saves.
    expect(await details.getByRole("button", { name: /Path from here|Select/ }).count()).toBe(0);
    expect(await frame.getByRole("button", { name: /edit|add relation|add entity|save|undo|redo/i }).count()).toBe(0);

    await page.mouse.move(0, 0);
    const shot = await page.screenshot();
    await writeFile(path.join(scratch, "embed.png"), shot);
    if (process.env.ATLAS_EMBED_SCREENSHOT) await writeFile(process.env.ATLAS_EMBED_SCREENSHOT, shot);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/**
 * `atlas serve` in Chromium, on a temporary copy of data/: the page gets its dataset from the server, says
 * where it is served from, and follows the folder: a relation added to a file with a text editor's worth of
 * change shows in the graph without a page reload, in the same view. Also: the production build's own
 * dataset is dataset.bundle.json, named by the page's meta.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBundle } from "../../src/load/bundle.ts";
import { atlasFromSources, request, startServe, type RunningServe } from "../support/serve.ts";
import { OUT_DIR } from "./global-setup.ts";
import { baseUrl, connect, disconnect, e2eAvailable } from "./support.ts";

const skip = !e2eAvailable && !process.env.CI;
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });

type Atlas = { graph: { hasEdge(id: string): boolean; size: number } };
declare const window: Window & { atlas: Atlas; notReloaded?: boolean };

/** Opens a page and collects its console errors and CSP violations. */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const context = await (await connect()).newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || /Content.Security.Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.goto(url);
  await page.waitForSelector("#app[data-state=ready]", { timeout: 60_000 });
  return { page, problems };
}

describe.skipIf(skip)("the production build's dataset", () => {
  it("is dataset.bundle.json, named by the page's meta, made from data/ and checked", async () => {
    const html = await request(baseUrl);
    expect(html.text).toContain('<meta name="leverage-atlas-dataset" content="dataset.bundle.json">');
    const bundle = (await request(`${baseUrl}dataset.bundle.json`)).json();
    const read = readBundle(bundle, "dataset.bundle.json");
    expect(read.ok && read.documents.map((document) => document.file)).toContain("canada.json");
    expect((bundle as { checked?: { by: string } }).checked?.by).toMatch(/^atlas \d/);
  });
});

describe.skipIf(skip)("atlas serve in Chromium", () => {
  let folder = "";
  let server: RunningServe;

  beforeAll(async () => {
    folder = path.join(await mkdtemp(path.join(tmpdir(), "atlas-serve-e2e-")), "my-dataset");
    await cp("data", folder, { recursive: true });
    server = await startServe([folder, "--port", "0", "--app", OUT_DIR], { atlas: atlasFromSources() });
  });

  afterAll(async () => {
    await server.stop();
    await disconnect();
    await rm(path.dirname(folder), { recursive: true, force: true });
  });

  it("shows a relation added to a file on disk without a reload, in the same view", async () => {
    const { page, problems } = await open(`${server.url}?focus=gov-canada`);
    const status = page.locator("#served-status");
    await poll(() => status.getAttribute("data-link")).toBe("live");
    expect(await status.textContent()).toBe("served from my-dataset · live");
    // Served on this machine only (and never framed): no embed code to copy.
    expect(await page.locator("#embed-copy").isHidden()).toBe(true);
    const edges = await page.evaluate(() => window.atlas.graph.size);
    await page.evaluate(() => {
      window.notReloaded = true;
    });

    // What a researcher's editor does: a few lines typed before the end of the relations list, saved.
    const file = path.join(folder, "canada.json");
    const text = await readFile(file, "utf8");
    const end = text.lastIndexOf("}", text.lastIndexOf("]"));
    const added = [
      ",",
      "    {",
      '      "id": "canada-presses-bell-e2e", "kind": "pressures", "source": "gov-canada", "target": "bell", "about": "huawei",',
      '      "start": "2025-06-18", "end": null,',
      '      "claim": "Canada pressed Bell over Huawei equipment (an end-to-end test).",',
      '      "evidence": [{"source": "cnw-2022-05-19-champagne-statement"}],',
      '      "confidence": "reported"',
      "    }",
    ].join("\n");
    await writeFile(file, `${text.slice(0, end + 1)}${added}${text.slice(end + 1)}`);

    await poll(() => page.evaluate(() => window.atlas.graph.hasEdge("canada-presses-bell-e2e"))).toBe(true);
    await page.waitForSelector("#app[data-state=ready]");
    expect(await page.evaluate(() => window.atlas.graph.size)).toBe(edges + 1);
    expect(await page.evaluate(() => window.notReloaded)).toBe(true);
    expect(new URL(page.url()).searchParams.get("focus")).toBe("gov-canada");
    await poll(() => page.locator(".side-panel").getByText("an end-to-end test", { exact: false }).count()).toBeGreaterThan(0);
    await poll(() => status.getAttribute("data-link")).toBe("live");
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("lists the problems of a file broken on disk, and shows the dataset again once it is fixed", async () => {
    const { page, problems } = await open(`${server.url}?focus=gov-canada`);
    const file = path.join(folder, "vendors.json");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace('"entities": [', '"entities": [,'));
    await page.waitForSelector("#app[data-state=error]", { timeout: 30_000 });
    expect(await page.getByRole("alert").textContent()).toMatch(/vendors\.json.*line \d+/);
    await writeFile(file, text);
    await page.waitForSelector("#app[data-state=ready]", { timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get("focus")).toBe("gov-canada");
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("says so when the folder is served read-only", async () => {
    const readOnly = await startServe([folder, "--read-only", "--port", "0", "--app", OUT_DIR], { atlas: atlasFromSources() });
    try {
      const { page, problems } = await open(readOnly.url);
      const status = page.locator("#served-status");
      await poll(() => status.getAttribute("data-link")).toBe("live");
      expect(await status.textContent()).toBe("served from my-dataset · read-only · live");
      expect(await status.getAttribute("data-mode")).toBe("read-only");
      expect(problems).toEqual([]);
      await page.context().close();
    } finally {
      await readOnly.stop();
    }
  });
});

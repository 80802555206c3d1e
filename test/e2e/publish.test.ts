/**
 * The site `atlas publish` makes of data/, served by `python3 -m http.server` (a plain static host: no code of
 * ours answers), passes the explorer's checks in Chromium: search, details with source links, time, export;
 * with its title and no CSP violation. Published with --base /atlas/, it works from that sub-path.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp as mkdtempAsync, rm as rmAsync, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCount } from "../../src/load/issues.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { atlasFromSources } from "../support/serve.ts";
import { startPythonServer, type StaticServer } from "../support/static-server.ts";
import { close, disconnect, e2eAvailable, openExplorer, visibleEdges, waitForSettled, type OpenedPage } from "./support.ts";

const skip = !e2eAvailable && !process.env.CI;
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
const TITLE = "Huawei 5G: who pressed whom";

/** `atlas publish ...args` from the sources (the e2e project does not build the bin). */
function publish(...args: string[]): void {
  const [command, ...prefix] = atlasFromSources();
  const run = spawnSync(command as string, [...prefix, "publish", ...args], { encoding: "utf8", timeout: 240_000 });
  if (run.status !== 0) throw new Error(`atlas publish ${args.join(" ")} exited with ${String(run.status)}:\n${run.stdout}${run.stderr}`);
}

async function downloaded(download: Download, folder: string): Promise<string> {
  const file = path.join(folder, download.suggestedFilename());
  await download.saveAs(file);
  return readFile(file, "utf8");
}

describe.skipIf(skip)("the published site of data/ from python3 -m http.server", () => {
  let scratch = "";
  let site: StaticServer;
  let shared: OpenedPage | undefined;
  let page: Page;
  /** The page's console errors and CSP violations. */
  let problems: string[] = [];
  /** Every address the page asked for, and the answer's status. */
  const requests: { url: string; status: number }[] = [];

  beforeAll(async () => {
    scratch = await mkdtempAsync(path.join(tmpdir(), "atlas-publish-e2e-"));
    publish("data", "--out", path.join(scratch, "site"), "--title", TITLE);
    site = await startPythonServer(path.join(scratch, "site"));
    shared = await openExplorer("", undefined, {
      site: site.url,
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
    await site.stop();
    await disconnect();
    await rmAsync(scratch, { recursive: true, force: true });
  });

  it("loads the bundle its meta names, carries the title, and logs no error or CSP violation", async () => {
    await waitForSettled(page);
    expect(requests.find((request) => request.url === `${site.url}dataset.bundle.json`)?.status).toBe(200);
    expect(requests.filter((request) => request.status >= 400)).toEqual([]);
    expect(await page.title()).toBe(TITLE);
    expect(await page.locator("#dataset-counts").textContent()).toMatch(/\d+ entities · \d+ relations · \d+ sources/);
    expect(problems).toEqual([]);
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
    const scratch = await mkdtempAsync(path.join(tmpdir(), "atlas-publish-base-e2e-"));
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
      await disconnect();
      await rmAsync(scratch, { recursive: true, force: true });
    }
  });
});

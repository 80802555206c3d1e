/**
 * The editing workbench in Chromium against `atlas serve` on a temporary copy of data/ (#16 "Done when"):
 * records added through the forms are saved into the files with only their lines added, validate with
 * `atlas validate`, and show in the graph without a reload; an edit is undone; invalid input is said at its
 * field and cannot be added; a file changed on disk makes the save refuse and keeps the edit, which re-applies
 * to the new text; a reload restores unsaved edits. Also: a static site's Save downloads the changed files.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { diffLines } from "diff";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atlasFromSources, startServe, type RunningServe } from "../support/serve.ts";
import { OUT_DIR } from "./global-setup.ts";
import { baseUrl, connect, disconnect, e2eAvailable } from "./support.ts";

const skip = !e2eAvailable && !process.env.CI;
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });

type Atlas = {
  graph: { hasEdge(id: string): boolean; getEdgeAttribute(id: string, name: string): unknown; getNodeAttribute(id: string, name: string): unknown };
};
declare const window: Window & { atlas: Atlas; notReloaded?: boolean };

async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const context = await (await connect()).newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    // A refused save is a 409 the page expects and shows: the browser still logs the failed request.
    if (message.type() === "error" && !/status of 409/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.goto(url);
  await page.waitForSelector("#app[data-state=ready]", { timeout: 60_000 });
  return { page, problems };
}

const editor = (page: Page): Locator => page.locator("#editor form");

/** Types into an entity or source picker and takes the first match. */
async function pick(page: Page, name: string, query: string): Promise<void> {
  const input = editor(page).getByRole("combobox", { name, exact: true });
  await input.fill(query);
  await page.locator(`#${await input.getAttribute("aria-controls")} [role=option][data-index="0"]`).waitFor();
  await input.press("Enter");
}

async function pendingCount(page: Page): Promise<string | null> {
  return page.locator("#pending-count").getAttribute("data-count");
}

describe.skipIf(skip)("the workbench against atlas serve", () => {
  let original = "";
  let folder = "";
  let server: RunningServe;

  beforeAll(async () => {
    const temp = await mkdtemp(path.join(tmpdir(), "atlas-workbench-e2e-"));
    folder = path.join(temp, "my-dataset");
    original = path.join(temp, "original");
    await cp("data", folder, { recursive: true });
    await cp("data", original, { recursive: true });
    server = await startServe([folder, "--port", "0", "--app", OUT_DIR], { atlas: atlasFromSources() });
  });

  afterAll(async () => {
    await server.stop();
    await disconnect();
    await rm(path.dirname(folder), { recursive: true, force: true });
  });

  it("adds a source, an entity and a pressure relation citing it, saves only those lines, and shows the relation without a reload", async () => {
    const { page, problems } = await open(`${server.url}?focus=gov-canada`);
    await page.evaluate(() => {
      window.notReloaded = true;
    });

    await page.getByRole("button", { name: "New source" }).click();
    await editor(page).getByLabel("URL", { exact: true }).fill("https://example.org/news/canada-bell-2025");
    await editor(page).getByLabel("Publisher", { exact: true }).fill("Example Wire");
    await editor(page).getByLabel("Title", { exact: true }).fill("Ottawa presses Bell on Huawei gear");
    await editor(page).getByLabel("Published (optional)").fill("2025-06-18");
    expect(await editor(page).getByLabel("Save in file").inputValue()).toMatch(/^sources\//);
    await editor(page).getByRole("button", { name: "Add source" }).click();
    await poll(() => pendingCount(page)).toBe("1");

    await page.getByRole("button", { name: "New entity" }).click();
    await editor(page).getByLabel("Kind", { exact: true }).selectOption("organization");
    await editor(page).getByLabel("Name", { exact: true }).fill("Example Telecom Council");
    await editor(page).getByRole("button", { name: "Add entity" }).click();
    await poll(() => pendingCount(page)).toBe("2");

    await page.getByRole("button", { name: "Add relation from here" }).click();
    await editor(page).getByLabel("Kind", { exact: true }).selectOption("pressures");
    await pick(page, "To (target entity)", "Bell Canada");
    await pick(page, "About (the entity the pressure concerns) (optional)", "Huawei Technologies");
    await editor(page).getByLabel("Start date").fill("2025-06-18");
    await editor(page).getByLabel("Claim").fill("Ottawa pressed Bell to speed up removing Huawei equipment (an end-to-end test).");
    await pick(page, "Source 1", "Ottawa presses Bell");
    expect(await editor(page).getAttribute("data-valid")).toBe("true");
    await editor(page).getByRole("button", { name: "Add relation" }).click();
    await poll(() => pendingCount(page)).toBe("3");
    const relationId = "gov-canada-pressures-bell-2025";
    expect(await page.evaluate((id) => window.atlas.graph.hasEdge(id), relationId)).toBe(true);
    await page.locator(".pending-diff summary").first().click();
    expect(await page.locator(".pending-diff .diff-add").first().textContent()).toMatch(/^\+/);

    await page.getByRole("button", { name: "Save all" }).click();
    await poll(() => page.locator("#pending").getAttribute("data-report")).toBe("saved");
    await poll(() => pendingCount(page)).toBe("0");
    expect(await page.evaluate((id) => window.atlas.graph.hasEdge(id), relationId)).toBe(true);
    expect(await page.evaluate(() => window.notReloaded)).toBe(true);

    // Only added lines, in the three files concerned; the files validate.
    const changed: string[] = [];
    for (const file of ["canada.json", "sources/canada.json", "asia-pacific.json", "china.json", "europe.json", "united-states.json", "vendors.json"]) {
      const before = await readFile(path.join(original, file), "utf8");
      const after = await readFile(path.join(folder, file), "utf8");
      if (before === after) continue;
      changed.push(file);
      const parts = diffLines(before, after);
      expect(parts.filter((part) => part.removed)).toEqual([]);
      const added = parts.filter((part) => part.added).map((part) => part.value).join("");
      expect(added).toMatch(/ottawa-presses-bell|example-telecom-council|gov-canada-pressures-bell-2025/);
    }
    expect(changed.sort()).toEqual(["canada.json", "sources/canada.json"]);
    const [node, ...atlas] = atlasFromSources();
    // execFile rejects on a non-zero exit: the files validate when it resolves.
    const validated = await promisify(execFile)(node as string, [...atlas, "validate", folder]);
    expect(validated.stdout).toMatch(/; 0 errors,/);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("undoes an edit of a relation's end date", async () => {
    const { page } = await open(`${server.url}?focus=gov-canada`);
    const id = "canada-detains-meng-wanzhou";
    const end = await page.evaluate((relation) => window.atlas.graph.getEdgeAttribute(relation, "end"), id);
    await page.getByRole("button", { name: `Edit relation ${id}` }).click();
    await editor(page).getByLabel("End date (optional)").fill("2021-10");
    await editor(page).getByRole("button", { name: "Keep changes" }).click();
    await poll(() => pendingCount(page)).toBe("1");
    expect(await page.evaluate((relation) => window.atlas.graph.getEdgeAttribute(relation, "end"), id)).toBe("2021-10");
    await page.getByRole("button", { name: "Undo" }).click();
    await poll(() => pendingCount(page)).toBe("0");
    expect(await page.evaluate((relation) => window.atlas.graph.getEdgeAttribute(relation, "end"), id)).toBe(end);
    await page.getByRole("button", { name: "Redo" }).click();
    await poll(() => pendingCount(page)).toBe("1");
    await page.getByRole("button", { name: "Discard all" }).click();
    await poll(() => pendingCount(page)).toBe("0");
    await page.context().close();
  });

  it("says an invalid date and an end the relation's kind does not allow at their fields, and cannot add the relation", async () => {
    const { page } = await open(`${server.url}?focus=gov-canada`);
    await page.getByRole("button", { name: "Add relation from here" }).click();
    await editor(page).getByLabel("Kind", { exact: true }).selectOption("pressures");
    await pick(page, "To (target entity)", "Bell Canada");
    await editor(page).getByLabel("Kind", { exact: true }).selectOption("detains");
    await editor(page).getByLabel("Start date").fill("2025-13");
    await editor(page).getByLabel("Claim").fill("Not a real relation.");
    await editor(page).getByLabel("Claim").blur();
    await poll(() => editor(page).locator("[data-field=start] .field-problem").textContent()).toMatch(/impossible date "2025-13"/);
    await poll(() => editor(page).locator("[data-field=target] .field-problem").textContent()).toMatch(/"detains" relation cannot point to a carrier/);
    expect(await editor(page).getByRole("button", { name: "Add relation" }).isDisabled()).toBe(true);
    expect(await editor(page).getAttribute("data-valid")).toBe("false");
    await editor(page).getByLabel("Claim").press("Enter");
    expect(await pendingCount(page)).toBe("0");
    await page.context().close();
  });

  it("refuses to save over a file changed on disk, keeps the edit, and saves it once re-applied; a reload keeps unsaved edits", async () => {
    const { page } = await open(`${server.url}?focus=bell`);
    await page.getByRole("button", { name: "Edit entity" }).click();
    await editor(page).getByLabel("Description (optional)").fill("Canada's largest carrier (edited in an end-to-end test).");
    await editor(page).getByRole("button", { name: "Keep changes" }).click();
    await poll(() => pendingCount(page)).toBe("1");

    // A reload (or a crash) keeps the unsaved edit.
    await page.reload();
    await page.waitForSelector("#app[data-state=ready]", { timeout: 60_000 });
    await poll(() => pendingCount(page)).toBe("1");
    await poll(() => page.locator(".details-description").textContent()).toMatch(/edited in an end-to-end test/);

    // Another line of Bell's file (canada.json) changed by another editor.
    const file = path.join(folder, "canada.json");
    await poll(() => page.locator("#served-status").getAttribute("data-link")).toBe("live");
    const text = await readFile(file, "utf8");
    const reloads = await page.locator("#app").getAttribute("data-reloads");
    await writeFile(file, text.replace("The federal government of Canada.", "The federal government of Canada (changed on disk)."));
    await poll(() => page.locator("#app").getAttribute("data-reloads")).not.toBe(reloads);

    await page.getByRole("button", { name: "Save all" }).click();
    await poll(() => page.locator("#pending").getAttribute("data-report")).toBe("conflict");
    expect(await page.locator(".conflict .diff").textContent()).toContain("(changed on disk)");
    expect(await pendingCount(page)).toBe("1");
    expect(await readFile(file, "utf8")).not.toContain("edited in an end-to-end test");

    await page.locator(".conflict .reapply").click();
    await poll(() => page.locator("#pending").getAttribute("data-report")).toBe("reapplied");
    await page.getByRole("button", { name: "Save all" }).click();
    await poll(() => page.locator("#pending").getAttribute("data-report")).toBe("saved");
    const saved = await readFile(file, "utf8");
    expect(saved).toContain("(changed on disk)");
    expect(saved).toContain("edited in an end-to-end test");
    await page.context().close();
  });
});

describe.skipIf(skip)("the workbench in two tabs, and from two selected entities", () => {
  it("starts a relation between two selected entities, and keeps each tab's edits apart", async () => {
    const context = await (await connect()).newContext({ viewport: { width: 1280, height: 900 } });
    const first = await context.newPage();
    await first.goto(`${baseUrl}?focus=gov-canada`);
    await first.waitForSelector("#app[data-state=ready]", { timeout: 60_000 });
    await first.getByRole("button", { name: "Select", exact: true }).click();
    const search = first.getByRole("combobox", { name: "Search", exact: true });
    await search.fill("Bell Canada");
    await search.press("Enter");
    await poll(() => first.locator("#details-title").textContent()).toBe("Bell Canada");
    await first.getByRole("button", { name: "Select", exact: true }).click();
    await first.getByRole("button", { name: "Add relation between the two" }).click();
    expect(await editor(first).getByRole("combobox", { name: "From (source entity)" }).inputValue()).toBe("Government of Canada");
    expect(await editor(first).getByRole("combobox", { name: "To (target entity)" }).inputValue()).toBe("Bell Canada");
    await editor(first).getByRole("button", { name: "Cancel" }).click();

    await first.getByRole("button", { name: "Edit entity" }).click();
    await editor(first).getByLabel("Description (optional)").fill("Edited in the first tab.");
    await editor(first).getByRole("button", { name: "Keep changes" }).click();
    await poll(() => pendingCount(first)).toBe("1");

    // A second tab of the same dataset: told the first is open, its own edits kept under its own key.
    const second = await context.newPage();
    await second.goto(`${baseUrl}?focus=gov-canada`);
    await second.waitForSelector("#app[data-state=ready]", { timeout: 60_000 });
    await poll(() => second.locator("#pending").textContent()).toMatch(/open in 1 other tab/);
    expect(await pendingCount(second)).toBe("0");
    await second.getByRole("button", { name: "Edit entity" }).click();
    await editor(second).getByLabel("Description (optional)").fill("Edited in the second tab.");
    await editor(second).getByRole("button", { name: "Keep changes" }).click();
    await poll(() => pendingCount(second)).toBe("1");
    const stored = await first.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith("leverage-atlas/edits/"))
        .map((key) => localStorage.getItem(key) ?? ""),
    );
    expect(stored).toHaveLength(2);
    expect(stored.some((text) => text.includes("Edited in the first tab."))).toBe(true);
    expect(stored.some((text) => text.includes("Edited in the second tab."))).toBe(true);

    // Closing the first tab leaves its edits, which a tab opened later offers back (not the open second tab's).
    await first.close({ runBeforeUnload: true });
    const third = await context.newPage();
    await third.goto(`${baseUrl}?focus=gov-canada`);
    await third.waitForSelector("#app[data-state=ready]", { timeout: 60_000 });
    await poll(() => third.locator("#restore-edits").count()).toBe(1);
    await third.locator("#restore-edits").click();
    await poll(() => pendingCount(third)).toBe("1");
    // The first tab edited Bell (its details were open), the second the Government of Canada.
    await poll(() => third.evaluate(() => window.atlas.graph.getNodeAttribute("bell", "description"))).toBe("Edited in the first tab.");
    expect(await third.evaluate(() => window.atlas.graph.getNodeAttribute("gov-canada", "description"))).not.toMatch(/second tab/);
    await context.close();
  }, 240_000);
});

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_PATH = "/__tests__/axe.min.js";
declare const axe: { run(context: Element): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> };

describe.skipIf(skip)("the workbench on a static site", () => {
  it("labels every control of its forms visibly, and axe finds no serious or critical violation in them", async () => {
    const { page, problems } = await open(`${baseUrl}?focus=gov-canada`);
    await page.route(
      (url) => url.pathname === AXE_PATH,
      (route) => route.fulfill({ contentType: "text/javascript", body: AXE_SOURCE }),
    );
    await page.addScriptTag({ url: new URL(AXE_PATH, baseUrl).href });
    for (const open of [
      () => page.getByRole("button", { name: "Add relation from here" }).click(),
      () => page.getByRole("button", { name: "Edit entity" }).click(),
      () => page.getByRole("button", { name: "New source" }).click(),
    ]) {
      await open();
      await editor(page).waitFor();
      const unlabelled = await editor(page).evaluate((form) =>
        [...form.querySelectorAll<HTMLInputElement>("input, select, textarea")]
          .filter((control) => ![...form.querySelectorAll<HTMLLabelElement>(`label[for="${control.id}"]`)].some((label) => label.offsetParent !== null && label.textContent.trim() !== ""))
          .filter((control) => control.offsetParent !== null)
          .map((control) => control.id),
      );
      expect(unlabelled).toEqual([]);
      const violations = await page.evaluate(async () =>
        (await axe.run(document.querySelector("#editor") as Element)).violations
          .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
          .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
      );
      expect(violations).toEqual([]);
      await editor(page).getByRole("button", { name: "Cancel" }).click();
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("offers no editing in an embedded view", async () => {
    const { page, problems } = await open(`${baseUrl}?focus=gov-canada&embed=1`);
    await poll(() => page.locator("#details-title").count()).toBe(1);
    expect(await page.getByRole("button", { name: "New entity" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Add relation from here" }).count()).toBe(0);
    expect(await page.locator("#editor, #pending").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("edits the page's copy and downloads the changed files", async () => {
    const { page } = await open(`${baseUrl}?focus=gov-canada`);
    await page.getByRole("button", { name: "Edit entity" }).click();
    await editor(page).getByLabel("Description (optional)").fill("Edited on a static site.");
    await editor(page).getByRole("button", { name: "Keep changes" }).click();
    await poll(() => pendingCount(page)).toBe("1");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download changed files" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("canada.json");
    const saved = path.join(await mkdtemp(path.join(tmpdir(), "atlas-download-")), "canada.json");
    await file.saveAs(saved);
    const text = await readFile(saved, "utf8");
    await rm(path.dirname(saved), { recursive: true, force: true });
    expect(text).toContain("Edited on a static site.");
    await poll(() => page.locator("#pending").getAttribute("data-report")).toBe("downloaded");
    await page.context().close();
  });
});

/**
 * The table view and the keyboard on the graph, in Chromium: the tables follow the graph's filters,
 * date and selection both ways, sort and filter, list every relation's sources as http(s) links, export
 * their rows as CSV, stay a page of rows on a 12,000-entity dataset; and the graph is walked, opened and
 * selected from the keyboard alone, with the ring on the graph and each step said for screen readers.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { PAGE_SIZE } from "../../src/app/model/table.ts";
import { writeDatasetJson } from "../../src/formats/json/write.ts";
import { generateDataset } from "../../src/generate/generate.ts";
import { close, disconnect, e2eAvailable, openExplorer, serveJson, visibleEdges, waitForSettled, type OpenedPage } from "./support.ts";

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
const skip = !e2eAvailable && !process.env.CI;

type Atlas = {
  selection: Set<string>;
  getState(): { focus: string | null; table: string | null };
  renderer: {
    getNodeState(id: string): { isSelected: boolean; isActive: boolean; isCursor: boolean; isDimmed: boolean };
    getContainer(): HTMLElement;
    getDimensions(): { width: number; height: number };
  };
  labels: { placed: { box: { bottom: number } }[] };
  graph: { degree(id: string): number; nodes(): string[]; neighbors(id: string): string[] };
};
declare const window: Window & { atlas: Atlas };

const tableParam = (page: Page): string | null => new URL(page.url()).searchParams.get("table");
const bodyRows = (page: Page) => page.locator("#table-view tbody tr");

describe.skipIf(skip)("the table view and the keyboard in Chromium", () => {
  let shared: OpenedPage;
  let page: Page;
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), "atlas-e2e-table-"));
    shared = await openExplorer();
    page = shared.page;
    await waitForSettled(page);
  });
  afterAll(async () => {
    await close(shared);
    await disconnect();
    rmSync(folder, { recursive: true, force: true });
  });

  it("opens from the toolbar on the entities the graph shows, sorts by a column, filters by words, and closes", async () => {
    const toggle = page.getByRole("button", { name: "▦ Table" });
    await toggle.click();
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    expect(tableParam(page)).toBe("entities");
    const view = page.getByRole("region", { name: "Table" });
    const entities = view.getByRole("tab", { name: /Entities/ });
    expect(await entities.getAttribute("aria-selected")).toBe("true");
    const shown = Number(await page.getAttribute("#app", "data-visible-nodes"));
    expect(await page.locator("#table-counts").textContent()).toBe(`1–${Math.min(PAGE_SIZE, shown)} of ${shown} entities`);
    expect(await bodyRows(page).count()).toBe(Math.min(PAGE_SIZE, shown));
    expect(await view.getByRole("columnheader", { name: "Name" }).getAttribute("aria-sort")).toBe("ascending");
    // The graph's container shrank under it: the graph is drawn at its new size, its labels placed inside it.
    const graphSize = () =>
      page.evaluate(() => {
        const { renderer, labels } = window.atlas;
        const container = renderer.getContainer();
        return {
          container: [container.offsetWidth, container.offsetHeight],
          drawn: [renderer.getDimensions().width, renderer.getDimensions().height],
          labelsFit: labels.placed.length > 0 && labels.placed.every((label) => label.box.bottom <= container.offsetHeight),
        };
      });
    await poll(async () => {
      const size = await graphSize();
      return size.labelsFit && size.container.join() === size.drawn.join();
    }).toBe(true);

    // Most relations first.
    await view.getByRole("button", { name: "Relations", exact: true }).click();
    const relationsHeader = view.getByRole("columnheader", { name: "Relations" });
    expect(await relationsHeader.getAttribute("aria-sort")).toBe("descending");
    expect(await view.getByRole("columnheader", { name: "Name" }).getAttribute("aria-sort")).toBeNull();
    const firstId = await bodyRows(page).first().getAttribute("data-entity");
    const degrees = await page.evaluate(() => window.atlas.graph.nodes().map((id) => window.atlas.graph.degree(id)));
    expect(await page.evaluate((id) => window.atlas.graph.degree(id), firstId as string)).toBe(Math.max(...degrees));

    // Words narrow the rows (names, aliases, countries...), accents and case ignored.
    await view.getByLabel("Filter rows").fill("HUAWEI");
    await poll(() => page.locator("#table-counts").textContent()).toMatch(/^1–\d+ of \d+ entit(y|ies) \(\d+ in the graph's view\)$/);
    for (const name of await bodyRows(page).locator("th[scope=row]").allTextContents()) expect(name).toBeTruthy();
    expect(await bodyRows(page).locator("th", { hasText: "Huawei Technologies" }).count()).toBeGreaterThan(0);
    await view.getByLabel("Filter rows").fill("no such words anywhere");
    await poll(() => view.locator(".table-empty").textContent()).toBe("No entity in the graph's view holds “no such words anywhere”.");
    await view.getByLabel("Filter rows").fill("");

    await view.getByRole("button", { name: "Close the table view" }).click();
    expect(await page.locator("#table-view").isHidden()).toBe(true);
    expect(tableParam(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("▦ Table");
  });

  it("lists the relations the graph shows, following its filters and date, with sources as http(s) links", async () => {
    await page.getByRole("button", { name: "▦ Table" }).click();
    const view = page.getByRole("region", { name: "Table" });
    await view.getByRole("tab", { name: /Entities/ }).focus();
    await page.keyboard.press("ArrowRight");
    expect(await view.getByRole("tab", { name: /Relations/ }).getAttribute("aria-selected")).toBe("true");
    expect(tableParam(page)).toBe("relations");
    const total = async () => Number(/of ([\d,]+) relations?/.exec((await page.locator("#table-counts").textContent()) ?? "")?.[1]?.replaceAll(",", ""));
    await poll(total).toBe(await visibleEdges(page));

    await page.getByRole("checkbox", { name: /^pressure/i }).uncheck();
    await poll(total).toBe(await visibleEdges(page));
    expect(await bodyRows(page).locator(".edge-swatch").count()).toBeGreaterThan(0);
    await page.getByRole("checkbox", { name: /^pressure/i }).check();
    const slider = page.getByRole("slider", { name: "Date" });
    await slider.focus();
    await slider.press("Home");
    await poll(total).toBe(await visibleEdges(page));
    await page.getByRole("button", { name: "Show all dates" }).click();
    await poll(total).toBe(await visibleEdges(page));

    // Every row: dates, confidence, claim; source links only http(s), opening safely.
    const first = bodyRows(page).first();
    expect(await first.locator(".cell-start time").getAttribute("datetime")).toMatch(/^\d{4}(-\d{2}){0,2}$/);
    expect(await first.locator(".confidence").textContent()).toMatch(/^(confirmed|reported|alleged)$/);
    expect(await first.locator(".table-claim").textContent()).not.toBe("");
    const links = view.locator("a.source-link");
    expect(await links.count()).toBeGreaterThan(0);
    for (const link of (await links.all()).slice(0, 20)) {
      expect(await link.getAttribute("href")).toMatch(/^https?:\/\//);
      expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
    }
  });

  it("follows the selection both ways and lights the entity under the pointer in the graph", async () => {
    const view = page.getByRole("region", { name: "Table" });
    await view.getByRole("tab", { name: /Entities/ }).click();
    await view.getByLabel("Filter rows").fill("bell canada");
    const bell = view.getByRole("checkbox", { name: "Selected Bell Canada" });
    await bell.check();
    await poll(() => page.evaluate(() => [...window.atlas.selection])).toEqual(["bell"]);
    expect(await page.evaluate(() => window.atlas.renderer.getNodeState("bell").isSelected)).toBe(true);
    expect(await page.locator("tr[data-entity=bell]").getAttribute("class")).toMatch(/is-selected/);
    // Selected in the graph (here through Details), ticked in the table.
    await view.getByRole("button", { name: "Bell Canada", exact: true }).click();
    const details = page.getByRole("region", { name: "Details" });
    await poll(() => details.getByRole("heading", { level: 2 }).textContent()).toBe("Bell Canada");
    expect(await page.locator("tr[data-entity=bell]").getAttribute("aria-current")).toBe("true");
    await details.getByRole("button", { name: "Deselect" }).click();
    await poll(() => bell.isChecked()).toBe(false);
    await details.getByRole("button", { name: "Select", exact: true }).click();
    await poll(() => bell.isChecked()).toBe(true);

    // Only the selection: relations between selected entities.
    await page.getByRole("button", { name: "Select neighbours" }).click();
    await view.getByLabel("Filter rows").fill("");
    await view.getByLabel("Only the selection").check();
    const selected = await page.evaluate(() => window.atlas.selection.size);
    await poll(() => bodyRows(page).count()).toBe(selected);

    // The row under the pointer lights its entity's neighbourhood in the graph.
    await page.locator("tr[data-entity=bell]").hover();
    await poll(() => page.evaluate(() => window.atlas.renderer.getNodeState("bell").isActive)).toBe(true);
    await page.mouse.move(0, 0);
    // Nothing lit any more: no entity active, none faded.
    await poll(() =>
      page.evaluate(() => window.atlas.graph.nodes().filter((id) => window.atlas.renderer.getNodeState(id).isActive || window.atlas.renderer.getNodeState(id).isDimmed).length),
    ).toBe(0);
    await view.getByLabel("Only the selection").uncheck();
    await page.getByRole("button", { name: "Clear selection" }).click();
  });

  it("exports the rows it shows, in its order, as CSV", async () => {
    const view = page.getByRole("region", { name: "Table" });
    await view.getByRole("tab", { name: /Relations/ }).click();
    await view.getByLabel("Filter rows").fill("huawei");
    const counted = Number(/of ([\d,]+) relations/.exec((await page.locator("#table-counts").textContent()) ?? "")?.[1]?.replaceAll(",", ""));
    const [download] = await Promise.all([page.waitForEvent("download"), view.getByRole("button", { name: "Export rows (CSV)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^huawei-5g-[a-z0-9-]+_view_relations_filtered\.csv$/);
    const file = path.join(folder, download.suggestedFilename());
    await download.saveAs(file);
    const records = parse<Record<string, string>>(readFileSync(file, "utf8"), { columns: true });
    expect(records).toHaveLength(counted);
    const shownIds = await bodyRows(page).evaluateAll((rows) => rows.map((row) => row.querySelector("[data-key]")?.getAttribute("data-key")?.split(":")[0]));
    expect(records.slice(0, shownIds.length).map((record) => record.id)).toEqual(shownIds);
    for (const record of records) expect((record.source_urls ?? "").split(" ").every((url) => url === "" || /^https?:\/\//.test(url))).toBe(true);
    expect(await view.locator(".table-export-status").textContent()).toBe(`Exported ${counted} relations as ${download.suggestedFilename()}`);
    await view.getByLabel("Filter rows").fill("");
    await view.getByRole("button", { name: "Close the table view" }).click();
  });

  it("is walked from the keyboard: a ring round the entity in Details, Enter opens, Space selects, each step said", async () => {
    const search = page.getByRole("combobox", { name: "Search", exact: true });
    await search.fill("Bell Canada");
    await search.press("Enter");
    await poll(() => page.evaluate(() => window.atlas.getState().focus)).toBe("bell");
    // Tab order reaches the graph; its keyboard focus rings the entity in Details.
    await page.locator("#graph").focus();
    await poll(() => page.evaluate(() => window.atlas.renderer.getNodeState("bell").isCursor)).toBe(true);
    const announcer = page.locator("#graph-announcer");
    expect(await announcer.textContent()).toMatch(/^Bell Canada, carrier, the entity in Details: \d+ neighbours? shown/);
    await page.keyboard.press("ArrowRight");
    await poll(() => announcer.textContent()).toMatch(/, 1 of \d+ around Bell Canada: /);
    const neighbour = await page.evaluate(
      () => window.atlas.graph.nodes().find((id) => window.atlas.renderer.getNodeState(id).isCursor) ?? null,
    );
    expect(await page.evaluate(() => window.atlas.graph.neighbors("bell"))).toContain(neighbour);
    expect(await page.evaluate(() => window.atlas.renderer.getNodeState("bell").isCursor)).toBe(false);
    await page.keyboard.press("Space");
    await poll(() => page.evaluate(() => [...window.atlas.selection])).toEqual([neighbour]);
    await page.keyboard.press("Enter");
    await poll(() => page.evaluate(() => window.atlas.getState().focus)).toBe(neighbour);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("graph");
    await page.keyboard.press("Home");
    expect(await page.evaluate((id) => window.atlas.renderer.getNodeState(id as string).isCursor, neighbour)).toBe(true);
    // Shift+Enter moves keyboard focus to the details.
    await page.keyboard.press("Shift+Enter");
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe("details-title");
    await poll(() => page.evaluate(() => window.atlas.graph.nodes().some((id) => window.atlas.renderer.getNodeState(id).isCursor))).toBe(false);
    // Escape in Details closes them.
    await page.keyboard.press("Escape");
    await poll(() => page.evaluate(() => window.atlas.getState().focus)).toBeNull();
    await page.getByRole("button", { name: "Clear selection" }).click();
  });

  it("lists its keys in the toolbar's Keyboard list, which Escape closes", async () => {
    await page.locator("#graph").focus();
    await page.keyboard.press("?");
    const help = page.locator("#keyboard-help");
    expect(await help.getAttribute("open")).toBe("");
    expect(await help.textContent()).toMatch(/Space.*Select or deselect the ringed entity/);
    await page.keyboard.press("Escape");
    expect(await help.getAttribute("open")).toBeNull();
    // "/" goes to the search from anywhere but a text field.
    await page.locator("#graph").focus();
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search");
    expect(shared.problems).toEqual([]);
  });

  it("shows a page of rows at a time on a dataset of 12,000 entities and 36,000 relations", async () => {
    const big = writeDatasetJson(generateDataset({ entities: 12_000, relations: 36_000, seed: 7 }));
    const opened = await openExplorer("?dataset=/big.json&table=relations", undefined, {
      prepare: (page) => serveJson(page, "/big.json", big),
    });
    const { page } = opened;
    const rows = bodyRows(page);
    await poll(() => rows.count()).toBe(PAGE_SIZE);
    expect(await page.locator("#table-counts").textContent()).toBe(`1–100 of 36,000 relations`);
    expect(await page.locator(".table-page").textContent()).toBe("Page 1 of 360");
    const view = page.getByRole("region", { name: "Table" });
    await view.getByRole("button", { name: "Start", exact: true }).click();
    expect(await view.getByRole("columnheader", { name: "Start" }).getAttribute("aria-sort")).toBe("descending");
    await view.getByRole("button", { name: "Last page" }).click();
    await poll(() => page.locator("#table-counts").textContent()).toBe("35,901–36,000 of 36,000 relations");
    expect(await rows.count()).toBe(PAGE_SIZE);
    // Starts descend down the page.
    const starts = await rows.locator(".cell-start time").evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
    expect([...starts].sort().reverse()).toEqual(starts);
    await view.getByRole("tab", { name: /Entities/ }).click();
    await poll(() => page.locator(".table-page").textContent()).toBe("Page 1 of 120");
    expect(await rows.count()).toBe(PAGE_SIZE);
    expect(opened.problems).toEqual([]);
    await close(opened);
  });
});

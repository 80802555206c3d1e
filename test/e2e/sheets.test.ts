/**
 * Spreadsheets in Chromium: the export bar writes XLSX and a zip of CSV tables, which open back as they were;
 * Kumu's workbook opens once its kinds are mapped in the report's table; Gephi's two tables picked together
 * open; the Template button downloads a workbook that opens.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Download, Page } from "playwright-core";
import { NODE_FORMATS } from "../../src/formats/node.ts";
import { readFiles } from "../../src/formats/read-files.ts";
import { readableFormats } from "../../src/formats/registry.ts";
import { REPO_ROOT } from "../formats/support.ts";
import { close, disconnect, e2eAvailable, openExplorer, waitForSettled, type OpenedPage } from "./support.ts";

const skip = !e2eAvailable && !process.env.CI;
const SHEETS = path.join(REPO_ROOT, "test/fixtures/sheets");
const READERS = readableFormats("node", NODE_FORMATS);

describe.skipIf(skip)("spreadsheets in the explorer", () => {
  let shared: OpenedPage;
  let page: Page;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), "atlas-e2e-sheets-"));
    shared = await openExplorer();
    page = shared.page;
    await waitForSettled(page);
  });
  afterAll(async () => {
    await close(shared);
    await disconnect();
    rmSync(folder, { recursive: true, force: true });
  });

  async function save(download: Download): Promise<string> {
    const file = path.join(folder, download.suggestedFilename());
    await download.saveAs(file);
    return file;
  }

  async function opened(): Promise<{ title: string | null; detail: string | null }> {
    const report = page.locator("#import-report[data-state=opened]");
    await report.waitFor({ timeout: 60_000 });
    return { title: await report.getByRole("heading").textContent(), detail: await report.locator(".import-detail").textContent() };
  }

  const dismiss = () => page.locator("#import-report").getByRole("button", { name: "Dismiss" }).click();
  const counts = () => page.locator("#dataset-counts").textContent();

  it("exports the view as XLSX, which opens back exactly as it was exported", async () => {
    const before = await counts();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export XLSX" }).click()]);
    expect(download.suggestedFilename()).toMatch(/_view\.xlsx$/);
    const file = await save(download);
    // The workbook the page wrote is a Leverage Atlas workbook, read back exactly in node too.
    const read = readFiles([{ file: path.basename(file), bytes: readFileSync(file) }], READERS);
    expect(read.ok && read.native).toBe(true);
    expect(await page.locator("#export-status").textContent()).toMatch(/^Exported \d+ entities, \d+ relations as .*_view\.xlsx/);
    await page.setInputFiles("#open-file-input", file);
    const { title, detail } = await opened();
    expect(title).toBe(`Opened ${download.suggestedFilename()}`);
    expect(detail).toMatch(/: a Leverage Atlas workbook, read back exactly\.$/);
    if (read.ok)
      expect(detail).toMatch(
        new RegExp(
          `^${read.dataset.entities.length} entities, ${read.dataset.relations.length} relations, ${read.dataset.sources.length} sources`,
        ),
      );
    expect(before).toMatch(/entities/);
    await dismiss();
  });

  it("exports the CSV tables as a zip, which opens back through the file input", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv\.zip$/);
    const file = await save(download);
    await page.setInputFiles("#open-file-input", file);
    const { title, detail } = await opened();
    expect(title).toBe(`Opened ${download.suggestedFilename()}`);
    expect(detail).toMatch(/: Leverage Atlas CSV tables, read back exactly\.$/);
    await dismiss();
  });

  it("opens Kumu's workbook once its kinds are chosen in the report's table", async () => {
    await page.setInputFiles("#open-file-input", path.join(SHEETS, "kumu-map.xlsx"));
    const failed = page.locator("#import-report[data-state=failed]");
    await failed.waitFor({ timeout: 60_000 });
    const table = failed.locator("table.kind-map");
    expect(await table.locator("tbody th").allTextContents()).toEqual(["Company", "Telco"]);
    await failed.getByLabel('Entity kind for "Company"').selectOption("vendor");
    await failed.getByLabel('Entity kind for "Telco"').selectOption("carrier");
    await failed.getByRole("button", { name: "Read again" }).click();
    const { title, detail } = await opened();
    expect(title).toBe("Opened kumu-map.xlsx");
    expect(detail).toBe("6 entities, 5 relations, 3 sources: a workbook mapped to the ontology as the notes below say.");
    const report = page.locator("#import-report");
    expect(await report.textContent()).toContain('2 entities got their kind from your mapping ("Company" -> vendor, "Telco" -> carrier)');
    expect(await counts()).toMatch(/^6 entities · 5 relations · 3 sources/);
    await dismiss();
  });

  it("opens Gephi's nodes and edges tables picked together, and reads them again with another layout when asked", async () => {
    await page.setInputFiles("#open-file-input", [path.join(SHEETS, "gephi/nodes.csv"), path.join(SHEETS, "gephi/edges.csv")]);
    const { title, detail } = await opened();
    expect(title).toBe("Opened 2 files");
    expect(detail).toMatch(/^4 entities, 5 relations, 1 source: CSV tables mapped to the ontology/);
    const options = page.locator("#import-report details.import-options");
    await options.locator("summary").click();
    await options.getByLabel("Layout").selectOption("edges");
    await options.getByRole("button", { name: "Read it again with these options" }).click();
    const again = await opened();
    // As an edge list, the nodes table is not read and the edges' ends are implied.
    expect(again.detail).toMatch(/^4 entities, 4 relations, 1 source: CSV tables mapped/);
    expect(await page.locator("#import-report").textContent()).toContain("read as an edge list");
    await dismiss();
  });

  it("downloads the blank template, which opens", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Template", exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("leverage-atlas-template.xlsx");
    const file = await save(download);
    await page.setInputFiles("#open-file-input", file);
    const { detail } = await opened();
    expect(detail).toBe("2 entities, 1 relation, 1 source: a Leverage Atlas workbook, read back exactly.");
    await dismiss();
  });
});

/**
 * Selection, export and opening files in Chromium: click, shift-click and box select, then the
 * downloaded GEXF holds exactly the selection (and passes check-gexf), the JSON of the view loads back
 * with zero errors, the PNG is the canvas as drawn, GraphML (read back exactly), the Neo4j zip and the Cypher
 * script download; a networkx GEXF opens through the file input, a JSON export opens by drag-and-drop, and a
 * broken file lists its errors while the graph stays.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Download, Page } from "playwright-core";
import { exportButtons } from "../../src/app/model/export-buttons.ts";
import { exportFileName } from "../../src/formats/file-name.ts";
import { readGexf } from "../../src/formats/gexf/read.ts";
import { readGraphml } from "../../src/formats/graphml/read.ts";
import { errorCount } from "../../src/load/issues.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { runCheckGexf } from "../support/check-gexf.ts";
import { GEXF_FIXTURES, interopToolsAvailable } from "../formats/support.ts";
import { close, disconnect, e2eAvailable, openExplorer, pngPixels, visibleEdges, waitForSettled, type OpenedPage } from "./support.ts";

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
const skip = !e2eAvailable && !process.env.CI;
const checkerAvailable = await interopToolsAvailable();

type Point = { x: number; y: number };
type Atlas = {
  selection: Set<string>;
  renderer: {
    graphToViewport(point: Point): Point;
    getCamera(): { getState(): { x: number; y: number; angle: number; ratio: number } };
    getNodeState(id: string): { isHidden: boolean };
    getStageCanvas(): HTMLCanvasElement;
  };
  graph: {
    getNodeAttributes(id: string): Point;
    nodes(): string[];
    edges(): string[];
    extremities(edge: string): [string, string];
    getAttribute(name: "name"): string;
  };
};
declare const window: Window & { atlas: Atlas };

/** The downloaded file's bytes (the browser runs remotely: the download is copied here first). */
async function downloaded(download: Download, folder: string): Promise<Buffer> {
  const file = path.join(folder, download.suggestedFilename());
  await download.saveAs(file);
  return readFileSync(file);
}

describe.skipIf(skip)("selection, export and opening files in Chromium", () => {
  let shared: OpenedPage;
  let page: Page;
  let folder: string;
  /** The JSON export of the view, dropped back on the page at the end. */
  let exportedJson = "";

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), "atlas-e2e-export-"));
    shared = await openExplorer();
    page = shared.page;
    await waitForSettled(page);
  });
  afterAll(async () => {
    await close(shared);
    await disconnect();
    rmSync(folder, { recursive: true, force: true });
  });

  /**
   * Where an entity is drawn, in page coordinates, once the view has come to rest: the camera (a focus
   * glides it there) and the graph's box (opening details can reflow the page) both unchanged over two
   * frames, which on a busy machine can take many frames. The box is read fresh for the same reason.
   */
  const at = async (id: string): Promise<Point> => {
    const point = await page.evaluate(async (node) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const { renderer, graph } = window.atlas;
      const container = document.getElementById("graph") as HTMLElement;
      const view = () => JSON.stringify([renderer.getCamera().getState(), container.getBoundingClientRect()]);
      for (let before = view(), tries = 0; tries < 200; tries += 1) {
        await frame();
        const after = view();
        if (after === before) break;
        before = after;
      }
      const box = container.getBoundingClientRect();
      const position = renderer.graphToViewport(graph.getNodeAttributes(node));
      return { x: box.x + position.x, y: box.y + position.y };
    }, id);
    return point;
  };
  const selection = () => page.evaluate(() => [...window.atlas.selection].sort());
  const datasetName = () => page.evaluate(() => window.atlas.graph.getAttribute("name"));

  it("shows one export button per format the registry says the browser writes, and a control per option", async () => {
    const expected = exportButtons();
    const bar = page.getByRole("group", { name: "Export" });
    const buttons = bar.locator(".button-row button");
    expect(await buttons.evaluateAll((all) => all.map((button) => [button.getAttribute("data-format"), button.textContent]))).toEqual(
      expected.map((button) => [button.format, button.text]),
    );
    for (const button of expected) {
      expect(await bar.getByRole("button", { name: button.text, exact: true }).isEnabled()).toBe(true);
      for (const option of button.options) {
        // A yes/no option is a checkbox (off), a choice a select and a number a number field (at their defaults).
        const role = ({ boolean: "checkbox", choice: "combobox", number: "spinbutton", text: "textbox" } as const)[option.type];
        const control = bar.getByRole(role, { name: option.label, exact: true });
        expect(await control.getAttribute("id")).toBe(option.id);
        if (option.type === "boolean") expect(await control.isChecked()).toBe(false);
        else expect(await control.inputValue()).toBe(option.value ?? "");
      }
    }
    const count = (type: string) =>
      expected.reduce((sum, button) => sum + button.options.filter((option) => option.type === type).length, 0);
    expect(await bar.getByRole("checkbox").count()).toBe(count("boolean"));
    expect(await bar.getByRole("spinbutton").count()).toBe(count("number"));
  });

  it("selects with click, shift-click and a shift-dragged box, lists the selection, and Export GEXF downloads exactly it", async () => {
    const bell = await at("bell");
    await page.mouse.click(bell.x, bell.y);
    expect(await selection()).toEqual(["bell"]);
    const huawei = await at("huawei");
    await page.keyboard.down("Shift");
    await page.mouse.click(huawei.x, huawei.y);
    expect(await selection()).toEqual(["bell", "huawei"]);

    // A box around another entity: every shown entity drawn inside the box joins the selection.
    const target = await page.evaluate(() => {
      const { graph } = window.atlas;
      return graph.nodes().find((id) => id !== "bell" && id !== "huawei" && id.startsWith("gov-")) as string;
    });
    const centre = await at(target);
    const corners = { left: centre.x - 30, top: centre.y - 30, right: centre.x + 30, bottom: centre.y + 30 };
    // Shown entities drawn inside the box (shrunk, then grown, by 2 px: pointer positions are rounded).
    const inBox = (margin: number) =>
      page.evaluate(
        ({ corners, margin }) => {
          const { graph, renderer } = window.atlas;
          const origin = (document.getElementById("graph") as HTMLElement).getBoundingClientRect();
          return graph.nodes().filter((id) => {
            const p = renderer.graphToViewport(graph.getNodeAttributes(id));
            const x = origin.x + p.x;
            const y = origin.y + p.y;
            const inside =
              x >= corners.left + margin && x <= corners.right - margin && y >= corners.top + margin && y <= corners.bottom - margin;
            return inside && !renderer.getNodeState(id).isHidden;
          });
        },
        { corners, margin },
      );
    const surely = await inBox(2);
    const possibly = await inBox(-2);
    expect(surely).toContain(target);
    await page.mouse.move(corners.left, corners.top);
    await page.mouse.down();
    await page.mouse.move((corners.left + corners.right) / 2, (corners.top + corners.bottom) / 2, { steps: 4 });
    await page.mouse.move(corners.right, corners.bottom, { steps: 4 });
    expect(await page.locator(".box-select-rectangle").isVisible()).toBe(true);
    await page.mouse.up();
    await page.keyboard.up("Shift");
    expect(await page.locator(".box-select-rectangle").isHidden()).toBe(true);
    const selected = await selection();
    const added = selected.filter((id) => id !== "bell" && id !== "huawei");
    for (const id of surely) expect(added).toContain(id);
    for (const id of added) expect(possibly).toContain(id);
    expect(selected).toEqual(expect.arrayContaining(["bell", "huawei"]));
    // The camera did not pan during the drag.
    expect(await at("bell")).toEqual(bell);

    // The selection is listed, each entity removable by keyboard.
    const chips = page.getByRole("list", { name: "Selected entities" }).getByRole("listitem");
    expect(await chips.count()).toBe(selected.length);
    expect(await page.locator("#export-scope").textContent()).toBe(
      `Exports the selection: ${selected.length} entities, ${await page.evaluate((ids) => {
        const { graph } = window.atlas;
        const set = new Set(ids);
        return graph.edges().filter((edge) => graph.extremities(edge).every((end) => set.has(end))).length;
      }, selected)} relations.`
        .replace(/: 1 entities/, ": 1 entity")
        .replace(/ 1 relations/, " 1 relation"),
    );

    const expectedRelations = await page.evaluate((ids) => {
      const { graph } = window.atlas;
      const set = new Set(ids);
      return graph
        .edges()
        .filter((edge) => graph.extremities(edge).every((end) => set.has(end)))
        .sort();
    }, selected);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export GEXF" }).click()]);
    expect(download.suggestedFilename()).toBe(exportFileName({ dataset: await datasetName(), selection: { ids: selected } }, "gexf"));
    expect(download.suggestedFilename()).toMatch(new RegExp(`^huawei-5g-[a-z0-9-]+_${selected.length}-selected\\.gexf$`));
    const text = (await downloaded(download, folder)).toString("utf8");
    const result = readGexf(text, { file: download.suggestedFilename() });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.native).toBe(true);
    expect(result.dataset.entities.map((entity) => entity.id).sort()).toEqual(selected);
    expect(result.dataset.relations.map((relation) => relation.id).sort()).toEqual(expectedRelations);
    // The explorer's positions are in the file.
    const bellPosition = await page.evaluate(() => window.atlas.graph.getNodeAttributes("bell"));
    expect(text).toContain(`<viz:position x="${Math.round(bellPosition.x * 100) / 100}"`);
    await poll(() => page.locator("#export-status").textContent()).toBe(
      `Exported ${selected.length} entities, ${expectedRelations.length} relations as ${download.suggestedFilename()}`,
    );
    if (checkerAvailable) {
      const file = path.join(folder, "selection.gexf");
      writeFileSync(file, text);
      const [checked] = await runCheckGexf([file]);
      expect(checked?.errors).toEqual([]);
      expect(checked).toMatchObject({
        ok: true,
        schema_valid: true,
        nodes: selected.length,
        edges: expectedRelations.length,
        mode: "static",
      });
    }

    // Keyboard: a chip's × deselects; Escape clears the selection.
    await chips
      .first()
      .getByRole("button", { name: /^Deselect / })
      .focus();
    await page.keyboard.press("Enter");
    expect((await selection()).length).toBe(selected.length - 1);
    await page.keyboard.press("Escape");
    expect(await selection()).toEqual([]);
    expect(shared.problems).toEqual([]);
  });

  it("exports the current view as JSON, filters applied, and it loads back with zero errors", async () => {
    await page.getByRole("checkbox", { name: /structure/i }).uncheck();
    const shownEdges = await visibleEdges(page);
    const shownNodes = Number(await page.getAttribute("#app", "data-visible-nodes"));
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
    expect(download.suggestedFilename()).toBe(
      exportFileName({ dataset: await datasetName(), selection: { families: ["pressure", "dependency"] }, scope: "view" }, "json"),
    );
    expect(download.suggestedFilename()).toMatch(/^huawei-5g-[a-z0-9-]+_pressure-dependency_view\.json$/);
    exportedJson = (await downloaded(download, folder)).toString("utf8");
    const back = parseDataset([{ file: download.suggestedFilename(), text: exportedJson }]);
    expect(errorCount(back.issues)).toBe(0);
    expect(back.ok).toBe(true);
    expect(back.dataset?.entities).toHaveLength(shownNodes);
    expect(back.dataset?.relations).toHaveLength(shownEdges);
    expect(
      back.dataset?.relations.every(
        (relation) => !["member_of", "part_of", "leads", "represents", "owns", "regulates", "issues", "party_to"].includes(relation.kind),
      ),
    ).toBe(true);

    // The same view as dynamic GEXF, for Gephi's timeline.
    await page.getByRole("checkbox", { name: "Dynamic GEXF (timeline)" }).check();
    const [gexf] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export GEXF" }).click()]);
    expect(gexf.suggestedFilename()).toMatch(/_pressure-dependency_view_dynamic\.gexf$/);
    const text = (await downloaded(gexf, folder)).toString("utf8");
    expect(text).toMatch(/<graph [^>]*mode="dynamic"/);
    const read = readGexf(text, { file: gexf.suggestedFilename() });
    expect(read.ok && read.dataset.relations.length).toBe(shownEdges);
    await page.getByRole("checkbox", { name: "Dynamic GEXF (timeline)" }).uncheck();
    await page.getByRole("checkbox", { name: /structure/i }).check();
  });

  it("exports the graph canvas as drawn as a non-blank PNG of the canvas's size", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export PNG" }).click()]);
    expect(download.suggestedFilename()).toBe(exportFileName({ dataset: await datasetName(), scope: "view" }, "png"));
    const png = await downloaded(download, folder);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const size = await page.evaluate(() => {
      const canvas = window.atlas.renderer.getStageCanvas();
      return { width: canvas.width, height: canvas.height };
    });
    const decoded = await pngPixels(page, png);
    expect({ width: decoded.width, height: decoded.height }).toEqual(size);
    expect(size.width).toBeGreaterThan(400);
    // White background, with the graph drawn on it (pressure relations in vermillion among it).
    expect(decoded.counts.drawn / decoded.counts.total).toBeGreaterThan(0.002);
    expect(decoded.counts.pressure).toBeGreaterThan(0);
    expect(await page.locator("#export-status").textContent()).toMatch(
      /^Exported an image of \d+ entities, \d+ relations as .*_view\.png$/,
    );
  });

  it("exports the view as GraphML (read back exactly), a Neo4j bundle as a zip, and a Cypher script", async () => {
    const shownEdges = await visibleEdges(page);
    const [graphml] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export GraphML" }).click()]);
    expect(graphml.suggestedFilename()).toBe(exportFileName({ dataset: await datasetName(), scope: "view" }, "graphml"));
    const read = readGraphml((await downloaded(graphml, folder)).toString("utf8"), { file: graphml.suggestedFilename() });
    expect(read.ok && read.native && read.dataset.relations.length).toBe(shownEdges);
    const [neo4j] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export Neo4j" }).click()]);
    expect(neo4j.suggestedFilename()).toMatch(/_view\.neo4j\.zip$/);
    const files = unzipSync(new Uint8Array(await downloaded(neo4j, folder)));
    expect(Object.keys(files).sort()).toEqual([
      "cites.csv",
      "constraints.cypher",
      "entities.csv",
      "import.sh",
      "relation-nodes.csv",
      "relations.csv",
      "sources.csv",
    ]);
    expect(new TextDecoder().decode(files["relations.csv"]).split("\n")[0]).toMatch(/^:START_ID\(Entity\),:END_ID\(Entity\),:TYPE,/);
    const [cypher] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export Cypher" }).click()]);
    expect(cypher.suggestedFilename()).toMatch(/_view\.cypher$/);
    expect((await downloaded(cypher, folder)).toString("utf8")).toMatch(/^CREATE CONSTRAINT atlas_entity_id IF NOT EXISTS/m);
  });

  it("says plainly when there is nothing to export", async () => {
    for (const kind of await page.locator(".legend-kinds input[type=checkbox]").all()) await kind.uncheck();
    await poll(() => page.getAttribute("#app", "data-visible-nodes")).toBe("0");
    await page.getByRole("button", { name: "Export GEXF" }).click();
    expect(await page.locator("#export-status").textContent()).toBe(
      "Nothing to export: the current view shows no entities. Tick some entity kinds in the legend.",
    );
    await page.getByRole("button", { name: "Show all entity kinds" }).click();
    await poll(() => page.getAttribute("#app", "data-visible-nodes")).not.toBe("0");
  });

  it("lists a broken file's errors, located, and keeps the graph being explored", async () => {
    const name = await page.locator("h1.dataset-name").textContent();
    const before = await page.evaluate(() => window.atlas.graph.getAttribute("name"));
    await page.setInputFiles("#open-file-input", {
      name: "broken.gexf",
      mimeType: "application/octet-stream",
      buffer: Buffer.from(
        '<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n  <graph>\n    <nodes><node id="a" label="A">\n',
      ),
    });
    const report = page.getByRole("alert");
    await poll(() => report.getByRole("heading").textContent()).toBe("broken.gexf could not be opened");
    expect(await report.textContent()).toMatch(/nothing was loaded, and the graph you were exploring is unchanged/);
    const item = report.getByRole("listitem").first();
    expect(await item.textContent()).toMatch(/broken\.gexf.*line \d+, column \d+.*error/);
    await report.getByRole("button", { name: "Dismiss" }).click();
    expect(await page.locator("#import-report").isHidden()).toBe(true);
    expect(await page.locator("h1.dataset-name").textContent()).toBe(name);
    expect(await page.evaluate(() => window.atlas.graph.getAttribute("name"))).toBe(before);
    // Still usable: a filter still changes the view.
    const edges = await visibleEdges(page);
    await page.getByRole("checkbox", { name: /pressure/i }).uncheck();
    await poll(() => visibleEdges(page)).toBeLessThan(edges);
    await page.getByRole("checkbox", { name: /pressure/i }).check();
  });

  it("opens a networkx GEXF through the file input: its entities, with what was mapped, and the view reset", async () => {
    await page.getByRole("combobox", { name: "Search", exact: true }).fill("Bell Canada");
    await page.getByRole("combobox", { name: "Search", exact: true }).press("Enter");
    await poll(() => new URL(page.url()).searchParams.get("focus")).toBe("bell");
    await page.setInputFiles("#open-file-input", path.join(GEXF_FIXTURES, "networkx-1.3.gexf"));
    const report = page.locator("#import-report[data-state=opened]");
    await report.waitFor({ timeout: 30_000 });
    expect(await report.getByRole("heading").textContent()).toBe("Opened networkx-1.3.gexf");
    expect(await report.locator(".import-detail").textContent()).toBe(
      "4 entities, 4 relations, 1 source: GEXF mapped to the ontology as the notes below say.",
    );
    expect(await report.textContent()).toMatch(/imported as "organization"/);
    expect(await page.locator("h1.dataset-name").textContent()).toBe("networkx-1.3");
    expect(await page.locator("#dataset-counts").textContent()).toMatch(/^4 entities · 4 relations · 1 source/);
    expect(new URL(page.url()).search).toBe("");
    const search = page.getByRole("combobox", { name: "Search", exact: true });
    await search.fill("huawei");
    await poll(() => page.getByRole("option").first().textContent()).toMatch(/^Huawei 华为/);
    await search.press("Enter");
    const details = page.getByRole("region", { name: "Details" });
    await poll(() => details.getByRole("heading", { level: 2 }).textContent()).toBe("Huawei 华为");
    expect(await details.locator("dd code").textContent()).toBe("huawei-technologies");
    await report.getByRole("button", { name: "Dismiss" }).click();
  });

  it("opens a dropped JSON export, which shows the exported view again", async () => {
    expect(exportedJson).not.toBe("");
    await page.locator("#drop-target").waitFor({ state: "hidden" });
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "view.json", { type: "application/json" }));
      return data;
    }, exportedJson);
    await page.dispatchEvent("body", "dragenter", { dataTransfer: transfer });
    expect(await page.locator("#drop-target").isVisible()).toBe(true);
    await page.dispatchEvent("body", "drop", { dataTransfer: transfer });
    expect(await page.locator("#drop-target").isHidden()).toBe(true);
    await page.locator("#import-report[data-state=opened]").waitFor({ timeout: 30_000 });
    const dataset = JSON.parse(exportedJson) as { dataset: { name: string }; entities: unknown[]; relations: unknown[] };
    expect(await page.locator("h1.dataset-name").textContent()).toBe(dataset.dataset.name);
    expect(await page.locator("#dataset-counts").textContent()).toMatch(
      new RegExp(`^${dataset.entities.length} entities · ${dataset.relations.length} relations`),
    );
    expect(shared.problems).toEqual([]);
  });
});

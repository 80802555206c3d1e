/**
 * Overlays that must get out of the way (#19 defect 8): the open-file report goes with Escape wherever
 * keyboard focus is, notices over the graph close with a button and stay closed while they are raised,
 * and one Escape after a box selection clears it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { close, disconnect, e2eAvailable, openExplorer, waitForSettled, type OpenedPage } from "./support.ts";

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
const skip = !e2eAvailable && !process.env.CI;

declare const window: Window & { atlas: { selection: Set<string> } };

describe.skipIf(skip)("overlays in Chromium", () => {
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

  it("dismisses the open-file report with Escape when keyboard focus has left it", async () => {
    await page.setInputFiles("#open-file-input", {
      name: "broken.gexf",
      mimeType: "application/octet-stream",
      buffer: Buffer.from('<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n  <graph>\n'),
    });
    const report = page.locator("#import-report[data-state=failed]");
    await report.waitFor({ timeout: 30_000 });
    // Focus moves on, to the graph's toolbar.
    await page.getByRole("button", { name: "Fit the graph" }).focus();
    await page.keyboard.press("Escape");
    await poll(() => page.locator("#import-report").isHidden()).toBe(true);
    expect(shared.problems).toEqual([]);
  });

  it("closes a notice about the address with its button, and keeps it closed as the view changes", async () => {
    const opened = await openExplorer("?families=gossip&depth=7");
    const notices = opened.page.locator(".notices");
    const family = notices.getByText('Address: ignored unknown relation family "gossip" in the address');
    const depth = notices.getByText('Address: ignored depth "7": use 1, 2 or 3');
    await family.waitFor();
    await depth.waitFor();
    await opened.page.getByRole("button", { name: 'Close the notice: Address: ignored unknown relation family "gossip" in the address' }).click();
    await poll(() => family.count()).toBe(0);
    expect(await depth.isVisible()).toBe(true);
    // Another change of the view does not bring it back.
    await opened.page.getByRole("checkbox", { name: /pressure/i }).uncheck();
    await opened.page.getByRole("checkbox", { name: /pressure/i }).check();
    expect(await family.count()).toBe(0);
    expect(await depth.isVisible()).toBe(true);
    await close(opened);
  });

  it("shows a closed notice about the view again once it is raised anew", async () => {
    const opened = await openExplorer("?focus=bell&depth=1");
    const { page } = opened;
    const carrier = page.getByRole("checkbox", { name: /carrier/i });
    const hidden = page.locator(".notices").getByText("Bell Canada is hidden by the entity kind filters", { exact: false });
    await carrier.uncheck();
    await hidden.waitFor();
    await page.getByRole("button", { name: /^Close the notice: Bell Canada is hidden/ }).click();
    await poll(() => hidden.count()).toBe(0);
    // Still raised (Bell is still hidden) as another kind goes: it stays closed.
    await page.getByRole("checkbox", { name: /person/i }).uncheck();
    expect(await hidden.count()).toBe(0);
    // No longer raised, then raised again: it shows.
    await carrier.check();
    await carrier.uncheck();
    await hidden.waitFor();
    await close(opened);
  });

  it("clears a box selection with one Escape, leaving box mode too", async () => {
    await waitForSettled(page);
    const toggle = page.getByRole("button", { name: /Box select/ });
    await toggle.click();
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    const box = await page.locator("#graph").boundingBox();
    if (!box) throw new Error("no graph box");
    // A box over most of the graph, below the toolbar (which may wrap to two rows).
    const toolbar = await page.locator(".graph-toolbar").boundingBox();
    const top = Math.max(box.y + 70, (toolbar ? toolbar.y + toolbar.height : 0) + 20);
    await page.mouse.move(box.x + 30, top);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width - 30, box.y + box.height - 30, { steps: 4 });
    await page.mouse.up();
    await poll(() => page.evaluate(() => window.atlas.selection.size)).toBeGreaterThan(0);
    await page.keyboard.press("Escape");
    await poll(() => page.evaluate(() => window.atlas.selection.size)).toBe(0);
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
  });
});

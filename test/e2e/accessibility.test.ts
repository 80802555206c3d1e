/**
 * axe-core in Chromium: no serious or critical accessibility violation on the explorer's first screen,
 * with an entity's details open, with the table view open (both tables), with the keyboard list open,
 * and in the narrow layout. axe is served from the page's own origin (a routed URL), so the page's
 * Content-Security-Policy stays as it is.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { baseUrl, close, disconnect, e2eAvailable, openExplorer, type OpenedPage } from "./support.ts";

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
const skip = !e2eAvailable && !process.env.CI;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_PATH = "/__tests__/axe.min.js";

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}
declare const window: Window & { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } };

/** Opens the explorer with axe routed in from the page's own origin. */
function openWithAxe(query: string, viewport?: { width: number; height: number }): Promise<OpenedPage> {
  return openExplorer(query, viewport, {
    prepare: async (page) => {
      await page.route(
        (url) => url.pathname === AXE_PATH,
        (route) => route.fulfill({ contentType: "text/javascript", body: AXE_SOURCE }),
      );
    },
  });
}

/** The serious and critical violations axe finds in the page as it is, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: new URL(AXE_PATH, baseUrl).href });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .slice(0, 5)
          .map((node) => `${node.target.join(" ")} [${node.failureSummary ?? ""}]`)
          .join("; ")}`,
    );
}

describe.skipIf(skip)("accessibility (axe-core) in Chromium", () => {
  const opened: OpenedPage[] = [];
  afterAll(async () => {
    for (const page of opened) await close(page);
    await disconnect();
  });

  it("finds no serious or critical violation on the first screen", async () => {
    const first = await openWithAxe("");
    opened.push(first);
    expect(await seriousViolations(first.page)).toEqual([]);
  });

  it("finds none with an entity's details open, nor with the list of keys open", async () => {
    const { page } = opened[0] as OpenedPage;
    const search = page.getByRole("combobox", { name: "Search", exact: true });
    await search.fill("Bell Canada");
    await search.press("Enter");
    await poll(() => page.getByRole("region", { name: "Details" }).getByRole("heading", { level: 2 }).textContent()).toBe("Bell Canada");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByText("⌨ Keyboard").click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
  });

  it("finds none with the table view open, on either table", async () => {
    const { page } = opened[0] as OpenedPage;
    await page.getByRole("button", { name: "▦ Table" }).click();
    await page.locator("#table-view tbody tr").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("tab", { name: /Relations/ }).click();
    await poll(() => page.locator("#table-view tbody tr[data-from]").count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("finds none in the narrow layout, with details and the table view open", async () => {
    const narrow = await openWithAxe("?focus=bell&table=relations", { width: 400, height: 800 });
    opened.push(narrow);
    await narrow.page.locator("#table-view tbody tr").first().waitFor();
    expect(await seriousViolations(narrow.page)).toEqual([]);
  });

  it("finds none in the embedded view at a date with details open, nor in the full view's embed code box", async () => {
    const embedded = await openWithAxe("?embed=1&focus=bell&at=2019-11", { width: 800, height: 520 });
    opened.push(embedded);
    // Without a time bar, the embed says which date it shows.
    expect(await embedded.page.locator("#embed-when").textContent()).toBe("As of November 2019");
    await poll(() => embedded.page.getByRole("region", { name: "Details" }).getByRole("heading", { level: 2 }).textContent()).toBe("Bell Canada");
    expect(await seriousViolations(embedded.page)).toEqual([]);
    // The same page without embed: the full view, where "Copy embed code" opens its box.
    const { page } = embedded;
    await page.goto(new URL("?focus=bell&at=2019-11", baseUrl).href);
    await page.waitForSelector("#app[data-state=ready]", { timeout: 45_000 });
    await page.getByRole("button", { name: "Copy embed code" }).click();
    await page.getByRole("dialog", { name: "Embed this view" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
  });

  it("labels every form control with text that is on screen", async () => {
    const { page } = opened[0] as OpenedPage;
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("input:not([type=hidden]), select, textarea")]
        .filter((control) => control.getClientRects().length > 0 && !control.closest("[hidden], [aria-hidden=true]"))
        .filter((control) => {
          const labels = [...((control as HTMLInputElement).labels ?? [])];
          const labelledBy = (control.getAttribute("aria-labelledby") ?? "")
            .split(" ")
            .map((id) => document.getElementById(id))
            .filter((element): element is HTMLElement => element !== null);
          const visible = (element: HTMLElement): boolean =>
            element.getClientRects().length > 0 && !element.classList.contains("visually-hidden") && element.textContent.trim() !== "";
          return ![...labels, ...labelledBy].some(visible);
        })
        .map((control) => control.id || control.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
  });
});

/**
 * The Leverage panel in Chromium: Canada pressed by the United States about Huawei in November
 * 2019, the chain's sourced steps, its highlight on the graph (chosen by click and by keyboard,
 * cleared by Escape, restored from the URL) and the time control taking it away in 2017.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { loadDataset } from "../../src/load/read.ts";
import { close, disconnect, e2eAvailable, graphPixels, openExplorer, serveJson, waitForSettled, type OpenedPage } from "./support.ts";

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
const skip = !e2eAvailable && !process.env.CI;

interface Atlas {
  leverage: { highlighted: { id: string; nodes: string[]; edges: string[] } | null };
  renderer: {
    getNodeState(id: string): { isLeverage: boolean; isDimmed: boolean };
    getEdgeState(id: string): { isLeverage: boolean };
  };
  graph: { nodes(): string[] };
  getState(): { leverage: string | null; chain: string | null; at: string | null };
}

function atlas<T>(page: Page, read: (atlas: Atlas) => T): Promise<T> {
  return page.evaluate<T>(`(${read.toString()})(window.atlas)`);
}

describe.skipIf(skip)("the Leverage panel in Chromium", () => {
  let opened: OpenedPage;
  let page: Page;
  beforeAll(async () => {
    opened = await openExplorer("?at=2019-11-23");
    page = opened.page;
  });
  afterAll(async () => {
    await close(opened);
    await disconnect();
  });

  it("shows Canada pressed by the United States about Huawei in November 2019, lights the chain up and follows the time control", async () => {
    const panel = page.getByRole("region", { name: "Leverage" });
    // The analysis runs in a worker: the panel fills once it answers.
    await poll(() => panel.getByRole("combobox", { name: /Government/ }).inputValue()).toBe("gov-canada");
    await poll(() => panel.getByRole("status").textContent()).toMatch(/chains? pressing Government of Canada in November 2019/);
    const chain = panel
      .locator("li.chain")
      .filter({ hasText: "Government of the United States → Government of Canada about Huawei Technologies" })
      .filter({ hasText: "Robert O'Brien pressures Government of Canada" });
    expect(await chain.count()).toBe(1);
    expect(await chain.textContent()).toMatch(/Dependents: .*Bell Canada.*Telus/);
    expect(await chain.textContent()).toMatch(/Government of the United States shares intelligence with Government of Canada/);

    // Click: the chain opens with numbered, sourced steps and lights up on the graph.
    await waitForSettled(page);
    const before = await graphPixels(page);
    const choose = chain.getByRole("button", { name: /about Huawei Technologies/ });
    await choose.click();
    await poll(() => atlas(page, (a) => a.leverage.highlighted?.id ?? null)).toMatch(
      /^obrien-pressures-canada-[^:]+:gov-united-states:gov-canada$/,
    );
    const id = await atlas(page, (a) => a.leverage.highlighted?.id ?? "");
    expect(await choose.getAttribute("aria-pressed")).toBe("true");
    expect(new URL(page.url()).searchParams.get("chain")).toBe(id);
    expect(
      await atlas(page, (a) => ({
        // Every entity off the chain fades.
        graph: a.graph.nodes().every((node) => a.renderer.getNodeState(node).isLeverage !== a.renderer.getNodeState(node).isDimmed),
        bell: a.renderer.getNodeState("bell").isLeverage,
        telus: a.renderer.getNodeState("telus").isLeverage,
        tie: a.renderer.getEdgeState("us-shares-intelligence-with-canada").isLeverage,
      })),
    ).toEqual({ graph: true, bell: true, telus: true, tie: true });
    const dependents = chain.locator(".chain-dependents > li");
    expect(await dependents.allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Bell Canada carrier.*uses equipment from Huawei Technologies/),
        expect.stringMatching(/^Telus carrier/),
      ]),
    );
    const steps = chain.locator("li.step");
    expect(await steps.count()).toBeGreaterThan(3);
    for (const step of await steps.all()) {
      const links = step.locator("a.source-link");
      expect(await links.count()).toBeGreaterThan(0);
      for (const link of await links.all()) {
        expect(await link.getAttribute("href")).toMatch(/^https?:\/\//);
        expect(await link.getAttribute("target")).toBe("_blank");
        expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
      }
    }
    // The rest is dimmed: most pressure relations lose their colour.
    await page.waitForTimeout(600);
    const lit = await graphPixels(page);
    expect(lit.pressure).toBeLessThan(before.pressure);

    // Escape clears it; the keyboard chooses it again.
    await choose.focus();
    await page.keyboard.press("Escape");
    await poll(() => atlas(page, (a) => a.graph.nodes().some((node) => a.renderer.getNodeState(node).isDimmed))).toBe(false);
    expect(new URL(page.url()).searchParams.has("chain")).toBe(false);
    await choose.focus();
    await page.keyboard.press("Enter");
    await poll(() => atlas(page, (a) => a.leverage.highlighted?.id ?? null)).toBe(id);

    // A reload restores the government and the chain from the URL.
    await page.reload();
    await page.waitForSelector("#app[data-state=ready]");
    expect(await atlas(page, (a) => a.getState())).toMatchObject({ leverage: "gov-canada", chain: id, at: "2019-11" });
    await poll(() => atlas(page, (a) => a.leverage.highlighted?.id ?? null)).toBe(id);
    expect(await atlas(page, (a) => a.renderer.getNodeState("bell").isLeverage)).toBe(true);

    // The time control applies: in 2017 there is no chain, and nothing is lit.
    const date = page.getByRole("textbox", { name: "Date" });
    await date.fill("2017-06");
    await date.press("Enter");
    await poll(() => panel.getByRole("status").textContent()).toMatch(/^No leverage chains for Government of Canada in June 2017\./);
    expect(await panel.locator("li.chain").count()).toBe(0);
    expect(await atlas(page, (a) => a.leverage.highlighted)).toBeNull();
    expect(await atlas(page, (a) => a.graph.nodes().some((node) => a.renderer.getNodeState(node).isDimmed))).toBe(false);
    expect(opened.problems).toEqual([]);
  });
});

/**
 * Issue #19, defect 3: over all dates, the United Kingdom's panel said "nothing depends on it"
 * though BT and Vodafone use Huawei (at later dates than the one-day pressure); the list of
 * governments offered a carrier; a person stood where a vendor belongs. The page is given the
 * dataset as it was when the defect was found (the frozen copy, served as one file), since data/ grows.
 */
describe.skipIf(skip)("the Leverage panel's negatives in Chromium", () => {
  let opened: OpenedPage;
  let page: Page;
  beforeAll(async () => {
    const frozen = await loadDataset("test/fixtures/datasets/huawei-2024");
    if (!frozen.ok) throw new Error("the frozen dataset does not load");
    const { meta, entities, relations, sources } = frozen.dataset;
    const body = JSON.stringify({ dataset: meta, entities, relations, sources });
    opened = await openExplorer("?dataset=/huawei-2024.json&leverage=gov-uk", undefined, {
      prepare: (page) => serveJson(page, "/huawei-2024.json", body),
    });
    page = opened.page;
  });
  afterAll(async () => {
    await close(opened);
    await disconnect();
  });

  it("says the United Kingdom's dependencies on Huawei lie at other dates and names the nearest, instead of nothing", async () => {
    const panel = page.getByRole("region", { name: "Leverage" });
    await poll(() => panel.getByRole("combobox", { name: /Government/ }).inputValue()).toBe("gov-uk");
    await poll(() => panel.getByRole("status").textContent()).toMatch(
      /^No leverage chains for Government of the United Kingdom at any date: what depends on Huawei Technologies under it is dated outside the pressure's dates/,
    );
    const huawei = panel.locator('.exposure-list li[data-vendor="huawei"]');
    const text = (await huawei.textContent()) ?? "";
    expect(text).toMatch(
      /nothing under it depends on it in the pressure's dates \(.+\); at other dates: BT Group uses equipment from Huawei Technologies/,
    );
    expect(text).toMatch(/Vodafone Group uses equipment from Huawei Technologies \([^)]*after\)/);

    // The list says what each party is: governments, then a carrier and blocs under their own headings.
    const groups = await panel.locator("#leverage-government optgroup").evaluateAll((elements) =>
      elements.map((group) => ({
        label: group.getAttribute("label"),
        options: [...group.querySelectorAll("option")].map((option) => option.value),
      })),
    );
    expect(groups.map((group) => group.label)).toEqual(["Governments", "Carriers", "Blocs"]);
    expect(groups[0]?.options).toContain("gov-uk");
    expect(groups[0]?.options).not.toContain("lg-uplus");
    expect(groups[1]?.options).toEqual(["lg-uplus"]);

    // Canada: Meng Wanzhou, a person, is listed apart from the exposure to vendors.
    await panel.getByRole("combobox", { name: /Government/ }).selectOption("gov-canada");
    await poll(() => panel.locator('.exposure-list li[data-vendor="huawei"]').count()).toBe(1);
    expect(await panel.locator('.exposure-list li[data-vendor="meng-wanzhou"]').count()).toBe(0);
    expect(await panel.locator(".exposure-other").textContent()).toBe(
      "Also pressed about what nothing depends on: Meng Wanzhou (person; 2 pressures).",
    );
    expect(opened.problems).toEqual([]);
  });
});

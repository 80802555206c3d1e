/** `npm run atlas -- leverage --json` on the embedded dataset finds the Canada chain with its sources. */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { LeverageChain } from "../../src/analysis/leverage.ts";
import { atlas } from "../support/cli.ts";

describe("atlas leverage --json on the embedded dataset", () => {
  it("finds the United States pressing Canada about Huawei in November 2019, with Bell, Telus, the Five Eyes and sources", async () => {
    const { code, stdout, stderr } = await atlas("leverage", "--json");
    expect([code, stderr]).toEqual([0, ""]);
    const { chains } = JSON.parse(stdout) as { chains: LeverageChain[] };
    const chain = chains.find(
      (item) =>
        item.presser === "gov-united-states" &&
        item.pressed === "gov-canada" &&
        item.vendor === "huawei" &&
        item.window.from.startsWith("2019-11"),
    );
    expect(chain, JSON.stringify(chains.map((item) => item.id))).toBeDefined();
    expect(chain?.dependents.map((item) => item.id)).toEqual(expect.arrayContaining(["bell", "telus"]));
    expect(chain?.ties).toEqual(expect.arrayContaining([expect.objectContaining({ type: "bloc", bloc: "five-eyes" })]));
    for (const relation of chain?.relations ?? []) expect(relation.sources[0]?.url, relation.id).toMatch(/^https?:\/\//);
  });
});

describe("the README's leverage example", () => {
  it("is what atlas leverage prints for the O'Brien chain on the embedded dataset", async () => {
    const { code, stdout } = await atlas("leverage", "--at", "2019-11-23", "--target", "gov-canada");
    expect(code).toBe(0);
    const blocks = stdout.split(/\n\n(?=\d+\. )/);
    const printed = blocks.find((block) => block.includes("[obrien-pressures-canada-2019-11]"))?.trimEnd();
    const readme = await readFile("README.md", "utf8");
    const section = readme.slice(readme.indexOf("## Leverage analysis"));
    const example = /### Example[\s\S]*?\n```\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(
      example?.replace(/^\d+\. /, ""),
      "update the README example: npm run atlas -- leverage --at 2019-11-23 --target gov-canada",
    ).toBe(printed?.replace(/^\d+\. /, ""));
  });
});

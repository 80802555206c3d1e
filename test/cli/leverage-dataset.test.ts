/** `npm run atlas -- leverage --json` on the embedded dataset finds the Canada chain with its sources. */
import { describe, expect, it } from "vitest";
import type { LeverageChain } from "../../src/analysis/leverage.ts";
import { runCli } from "../../src/cli/program.ts";

describe("atlas leverage --json on the embedded dataset", () => {
  it("finds the United States pressing Canada about Huawei in November 2019, with Bell, Telus, the Five Eyes and sources", async () => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(["leverage", "--json"], { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
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

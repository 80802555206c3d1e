/** The benchmark harness on a tiny dataset: the JSON it prints has the promised shape. No timing is asserted. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { median, result } from "../../bench/results.ts";
import { parseBenchOptions } from "../../bench/options.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("npm run bench", () => {
  it("prints {machine, results: [{name, ms, baselineMs, ratio}]} with --json, for every benchmark", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "bench/main.ts", "--json", "--size", "tiny", "--entities", "500"],
      {
        cwd: ROOT,
        maxBuffer: 10 * 2 ** 20,
      },
    );
    const report = JSON.parse(stdout) as { machine: Record<string, unknown>; results: Record<string, unknown>[] };
    expect(Object.keys(report).sort()).toEqual(["machine", "results"]);
    expect(report.machine).toMatchObject({ cores: expect.any(Number), cpuModel: expect.any(String), node: process.version });
    const names = report.results.map((entry) => entry.name);
    const prefixes = [
      "load 500/1500",
      "memory 500/1500",
      "subgraph 500/1500: ego",
      "subgraph 500/1500: time slice",
      "subgraph 500/1500: shortest path",
      "table 500/1500: open the relations table",
      "table 500/1500: a time step with the relations table open",
      "table 500/1500: filter the relations by a word",
      "edit check data/: a relation being typed",
      "edit check 500/1500: a relation being typed",
      "gexf 500/1500: write",
      "gexf 500/1500: parse back",
      "graphml 500/1500: write",
      "graphml 500/1500: peak RSS of the write",
      "neo4j 500/1500: write",
      "neo4j 500/1500: peak RSS of the write",
      "cypher 500/1500: write",
      "cypher 500/1500: peak RSS of the write",
      "leverage 500/1500: exposure ranking + chains",
      "cli: atlas validate cold start",
      "xlsx 500/1500: export",
      "xlsx 500/1500: import",
    ];
    for (const prefix of prefixes) {
      expect(
        names.some((name) => typeof name === "string" && name.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    for (const entry of report.results) {
      expect(entry).toMatchObject({
        name: expect.any(String),
        ms: expect.any(Number),
        baselineMs: expect.any(Number),
        ratio: expect.any(Number),
      });
      expect(Number.isFinite(entry.ratio) && (entry.ratio as number) > 0).toBe(true);
    }
    const load = report.results.find((entry) => String(entry.name).startsWith("load"));
    expect(load).toMatchObject({ target: 2, pass: expect.any(Boolean), rssMB: expect.any(Number), baselineRssMB: expect.any(Number) });
    const cli = report.results.find((entry) => String(entry.name).startsWith("cli: atlas validate cold start"));
    expect(cli).toMatchObject({ target: 3, pass: expect.any(Boolean), cpuRatio: expect.any(Number) });
    const gexf = report.results.find((entry) => String(entry.name).startsWith("gexf 500/1500: write"));
    expect(gexf).toMatchObject({ target: 0.5, pass: expect.any(Boolean) });
    // Both files pass shared/tools/check-gexf wherever it can run (null: the checker is missing here).
    expect([true, null]).toContain(gexf?.valid);
    expect([true, null]).toContain(gexf?.baselineValid);
  }, 120_000);
});

describe("bench results and options", () => {
  it("takes medians and ratios, and judges a result against its target", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(result({ name: "x", ms: 30, baselineMs: 20, metric: "time", baseline: "b", runs: 1, target: 2 })).toMatchObject({
      ratio: 1.5,
      pass: true,
    });
    expect(result({ name: "x", ms: 50, baselineMs: 20, metric: "time", baseline: "b", runs: 1, target: 2 })).toMatchObject({
      ratio: 2.5,
      pass: false,
    });
    expect(
      result({ name: "x", ms: 50, baselineMs: 20, metric: "peak RSS", baseline: "b", runs: 1, ratio: 1.2, rssMB: 120, baselineRssMB: 100 }),
    ).toMatchObject({ ratio: 1.2 });
  });

  it("reads sizes and rejects bad options", () => {
    expect(parseBenchOptions([])).toMatchObject({ entities: 100_000, relations: 300_000, json: false });
    expect(parseBenchOptions(["--size", "small", "--json"])).toMatchObject({ entities: 10_000, relations: 30_000, json: true });
    expect(parseBenchOptions(["--entities", "500"])).toMatchObject({ entities: 500, relations: 1_500 });
    expect(() => parseBenchOptions(["--size", "huge"])).toThrow(/--size must be one of tiny, small, full/);
    expect(() => parseBenchOptions(["--entities", "500", "--relations", "10"])).toThrow(
      /--relations must be a whole number of at least 499/,
    );
    expect(() => parseBenchOptions(["--fast"])).toThrow(/Unknown option/);
  });
});

/**
 * The exports of a small fixed dataset (test/fixtures/formats/golden-dataset.json: every entity kind and
 * relation family, partial and open dates, markup, non-Latin text, a character XML 1.0 cannot carry)
 * are pinned byte for byte: GEXF static and dynamic (dated through the writer's option, positions from
 * the deterministic circular fallback), GraphML, the JSON dataset, the Cypher script, each file of the Neo4j
 * bulk-import bundle and the SVG figure (placed by ForceAtlas2 from its fixed seed); and the SVG figure of a
 * dataset folder with a saved layout (test/fixtures/layouts/figure). See test/support/golden.ts to re-record.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import { loadDataset } from "../../src/load/read.ts";
import { exportDataset, writeDatasetJson, writeGexf } from "../../src/formats/index.ts";
import { memoryBundle } from "../../src/formats/bundle.ts";
import type { Chunk, FormatSpec } from "../../src/formats/format.ts";
import { defaultOptions, formatById, type FormatId } from "../../src/formats/registry.ts";
import { atlas } from "../support/cli.ts";
import { expectGolden } from "../support/golden.ts";
import { REPO_ROOT } from "./support.ts";

const FIXTURE = path.join(REPO_ROOT, "test/fixtures/formats/golden-dataset.json");
const GOLDEN = "test/formats/golden";
/** The date the writers stamp (GEXF's lastmodifieddate), fixed so the output does not change with the day. */
const DATE = "2024-01-02";

/** An export with the day it stamps (GEXF's lastmodifieddate, the SVG's source line) set to DATE. */
function stamped(text: string): string {
  return text
    .replace(/<meta lastmodifieddate="\d{4}-\d{2}-\d{2}">/, `<meta lastmodifieddate="${DATE}">`)
    .replace(/Exported \d{4}-\d{2}-\d{2} with Leverage Atlas/g, `Exported ${DATE} with Leverage Atlas`);
}

async function fixtureGraph() {
  const loaded = await loadDataset(FIXTURE);
  if (!loaded.ok) throw new Error(`${FIXTURE} does not load`);
  return buildGraph(loaded.dataset);
}

describe("golden exports of a fixed dataset", () => {
  it("GEXF (static) is byte-identical to the recorded file", async () => {
    expectGolden(`${GOLDEN}/golden-dataset.gexf`, writeGexf(await fixtureGraph(), { date: DATE }));
  });

  it("GEXF (dynamic) is byte-identical to the recorded file", async () => {
    expectGolden(`${GOLDEN}/golden-dataset.dynamic.gexf`, writeGexf(await fixtureGraph(), { date: DATE, dynamic: true }));
  });

  it("the JSON dataset is byte-identical to the recorded file", async () => {
    expectGolden(`${GOLDEN}/golden-dataset.json`, writeDatasetJson(exportDataset(await fixtureGraph())));
  });

  it.each([
    ["golden-dataset.gexf", "gexf", {}],
    ["golden-dataset.dynamic.gexf", "gexf", { dynamic: true }],
    ["golden-dataset.graphml", "graphml", {}],
    ["golden-dataset.json", "json", {}],
    ["golden-dataset.cypher", "cypher", {}],
    // No positions given: ForceAtlas2 from the fixed seed places the entities.
    ["golden-dataset.svg", "svg", {}],
  ] as const)("the registry's %s writer writes the same bytes", async (golden, id: FormatId, options) => {
    const format: FormatSpec = formatById(id);
    const { writer } = format;
    if (writer?.output !== "file") throw new Error(`${id} writes no single file`);
    const chunks: Chunk[] = [];
    await writer.write({ graph: await fixtureGraph(), options: { ...defaultOptions(format), ...options }, date: DATE }, (chunk) =>
      chunks.push(chunk),
    );
    expectGolden(`${GOLDEN}/${golden}`, chunks.join(""));
  });

  it("the Neo4j bundle's files are byte-identical to the recorded ones", async () => {
    const format: FormatSpec = formatById("neo4j");
    const { writer } = format;
    if (writer?.output !== "bundle") throw new Error("neo4j writes no bundle");
    const { bundle, files } = memoryBundle();
    await writer.write({ graph: await fixtureGraph(), options: {} }, bundle);
    expect([...files.keys()]).toEqual([
      "entities.csv",
      "sources.csv",
      "relation-nodes.csv",
      "relations.csv",
      "cites.csv",
      "import.sh",
      "constraints.cypher",
    ]);
    for (const [name, bytes] of files) expectGolden(`${GOLDEN}/golden-dataset.neo4j/${name}`, new TextDecoder().decode(bytes));
  });

  it.each([
    ["golden-dataset.gexf", ["--format", "gexf"]],
    ["golden-dataset.dynamic.gexf", ["--format", "gexf", "--dynamic"]],
    ["golden-dataset.graphml", ["--format", "graphml"]],
    ["golden-dataset.json", ["--format", "json"]],
    ["golden-dataset.cypher", ["--format", "cypher"]],
    ["golden-dataset.svg", ["--format", "svg"]],
  ])("atlas export writes the bytes of %s (but for the day it stamps)", async (golden, flags) => {
    const printed = await atlas("export", FIXTURE, ...flags);
    expect(printed.code).toBe(0);
    expectGolden(`${GOLDEN}/${golden}`, stamped(printed.stdout));
  });

  it("atlas export --format svg of a dataset folder with a saved layout is the same bytes every time, and the recorded ones", async () => {
    const flags = ["export", "test/fixtures/layouts/figure", "--format", "svg", "--at", "2020-02", "--width", "900", "--height", "600"];
    const [first, second] = [await atlas(...flags), await atlas(...flags)];
    expect([first.code, first.stderr]).toEqual([0, ""]);
    expect(second.stdout).toBe(first.stdout);
    expectGolden(`${GOLDEN}/figure-at-2020-02.svg`, stamped(first.stdout));
  });
});

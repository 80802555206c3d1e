/** A page `atlas serve` serves, in node: its bundle opened, its status line, a reload that keeps the graph in place. */
import { describe, expect, it } from "vitest";
import { openBundle } from "../../src/app/files/load.ts";
import { carryPositions } from "../../src/app/model/carry-positions.ts";
import { prepareViewGraph } from "../../src/app/model/view-graph.ts";
import { servedStatusText } from "../../src/app/panels/served.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { makeBundle } from "../../src/load/bundle.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { FIXTURE_DOCUMENT, fixtureGraph } from "./fixture.ts";

describe("openBundle", () => {
  it("validates a bundle's documents and keeps its files and layouts for saving", async () => {
    const text = JSON.stringify(FIXTURE_DOCUMENT, null, 2);
    const bundle = await makeBundle("fixture", [
      { path: "fixture.json", text },
      { path: "layouts/default.json", text: '{"name": "default", "positions": {}}' },
    ]);
    const { result, bundle: opened } = await openBundle(JSON.parse(JSON.stringify(bundle)), "/api/dataset");
    expect(result.ok).toBe(true);
    expect(result.dataset?.meta.name).toBe("Fixture");
    expect(opened?.files.map((file) => file.path)).toEqual(["fixture.json", "layouts/default.json"]);
    expect(opened?.layouts).toEqual([{ path: "layouts/default.json", text: '{"name": "default", "positions": {}}' }]);
  });

  it("reports a malformed bundle, and a file whose text is not what its hash says, instead of opening them", async () => {
    const malformed = await openBundle(
      { format: "leverage-atlas/dataset-bundle", version: 1, name: "x", files: "none" },
      "dataset.bundle.json",
    );
    expect(malformed.bundle).toBeNull();
    expect(malformed.result.issues.map((issue) => `${issue.file}:${issue.pointer}: ${issue.message}`)).toEqual([
      'dataset.bundle.json:/files: files must be a list, got a string ("none")',
    ]);
    const bundle = await makeBundle("fixture", [{ path: "fixture.json", text: "{}" }]);
    const altered = { ...bundle, files: bundle.files.map((file) => ({ ...file, text: '{"entities": []}' })) };
    const { result } = await openBundle(altered, "dataset.bundle.json");
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.file).toBe("fixture.json");
  });
});

describe("the served status", () => {
  const served = { folder: "data", mode: "edit", link: "connecting" } as const;

  it("says where the dataset is served from, whether it is read-only, and whether the page follows it", () => {
    expect(servedStatusText({ ...served, link: "live" })).toBe("served from data · live");
    expect(servedStatusText({ ...served, mode: "read-only", link: "live" })).toBe("served from data · read-only · live");
    expect(servedStatusText({ ...served, link: "reconnecting" })).toBe("served from data · reconnecting…");
  });
});

describe("carryPositions", () => {
  it("keeps every entity where it was and starts an added one among its neighbours", () => {
    const before = prepareViewGraph(fixtureGraph());
    before.updateEachNodeAttributes((_node, attributes) => ({ ...attributes, x: attributes.x * 3 + 7, y: attributes.y - 11 }));
    const document = structuredClone(FIXTURE_DOCUMENT) as typeof FIXTURE_DOCUMENT & { entities: object[]; relations: object[] };
    document.entities.push({ id: "new-carrier", kind: "carrier", name: "New carrier", country: "CA" });
    document.relations.push({
      id: "new-carrier-relation",
      kind: "supplies",
      source: "huawei",
      target: "new-carrier",
      start: "2020",
      end: null,
      claim: "c",
      evidence: [{ source: "s1" }],
      confidence: "reported",
    });
    const parsed = parseDataset([{ file: "fixture.json", json: document }]);
    expect(parsed.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    const after = prepareViewGraph(buildGraph(parsed.dataset as NonNullable<typeof parsed.dataset>));
    expect(carryPositions(before, after)).toBe(before.order);
    before.forEachNode((node, { x, y }) => {
      expect(after.getNodeAttributes(node)).toMatchObject({ x, y });
    });
    const huawei = before.getNodeAttributes("huawei");
    const added = after.getNodeAttributes("new-carrier");
    expect(Math.hypot(added.x - huawei.x, added.y - huawei.y)).toBeCloseTo(1, 5);
  });
});

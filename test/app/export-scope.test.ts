import { describe, expect, it } from "vitest";
import { describeScope, emptyScopeProblem, exportNameParts, exportScope, exportSubgraph } from "../../src/app/model/export-scope.ts";
import { computeView } from "../../src/app/model/view.ts";
import { defaultViewState } from "../../src/app/state/address.ts";
import type { ViewState } from "../../src/app/state/state.ts";
import { exportFileName } from "../../src/formats/file-name.ts";
import { exportDataset, writeDatasetJson } from "../../src/formats/index.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { fixtureGraph } from "./fixture.ts";

const graph = fixtureGraph();
const scopeOf = (patch: Partial<ViewState>, selected: string[] = []) => {
  const state = { ...defaultViewState(), ...patch };
  return exportScope(graph, state, computeView(graph, state), new Set(selected));
};
const sorted = (set: Iterable<string>) => [...set].sort();

describe("export scope", () => {
  it("is the whole view when nothing is selected, named after the dataset and 'view'", () => {
    const scope = scopeOf({});
    expect(scope.kind).toBe("view");
    expect(scope.nodes.size).toBe(graph.order);
    expect(scope.edges.size).toBe(graph.size);
    expect(exportFileName(exportNameParts(graph, scope), "gexf")).toBe("fixture_view.gexf");
    expect(describeScope(scope)).toBe("the current view: 10 entities, 11 relations");
  });

  it("is the view as shown: families, kinds and date filtered, the neighbourhood of the focus", () => {
    const scope = scopeOf({ focus: "huawei", depth: 1, families: ["pressure", "dependency"], at: "2020-03" });
    expect(sorted(scope.nodes)).toEqual(["bell", "gov-canada", "huawei", "telus"]);
    // Active in March 2020 and in the two families: Bell's and Telus's equipment, Huawei's lobbying (Champagne's criticism came in 2022).
    expect(sorted(scope.edges)).toEqual(["bell-uses-huawei", "huawei-lobbies-canada", "telus-uses-huawei"]);
    expect(exportFileName(exportNameParts(graph, scope), "gexf", { dynamic: true })).toBe(
      "fixture_ego-huawei-1_pressure-dependency_at-2020-03_dynamic.gexf",
    );
  });

  it("keeps a shown path that leaves the neighbourhood, and names it", () => {
    const scope = scopeOf({ focus: "telus", depth: 1, path: { from: "telus", to: "five-eyes" } });
    expect(scope.nodes.has("five-eyes")).toBe(true);
    expect(exportFileName(exportNameParts(graph, scope), "json")).toBe("fixture_ego-telus-1_path-telus-five-eyes.json");
  });

  it("is the selected entities and the shown relations among them when there is a selection", () => {
    const scope = scopeOf({}, ["gov-canada", "huawei", "telus"]);
    expect(scope.kind).toBe("selection");
    expect(sorted(scope.nodes)).toEqual(["gov-canada", "huawei", "telus"]);
    expect(sorted(scope.edges)).toEqual(["canada-bans-huawei", "huawei-lobbies-canada", "telus-uses-huawei"]);
    expect(exportFileName(exportNameParts(graph, scope), "png")).toBe("fixture_3-selected.png");
    const filtered = scopeOf({ families: ["dependency"] }, ["gov-canada", "huawei", "telus"]);
    expect(sorted(filtered.edges)).toEqual(["telus-uses-huawei"]);
  });

  it("leaves out and counts selected entities the view hides", () => {
    const scope = scopeOf({ kinds: ["government", "vendor"] }, ["gov-canada", "huawei", "telus", "bell"]);
    expect(sorted(scope.nodes)).toEqual(["gov-canada", "huawei"]);
    expect(scope.hiddenSelected).toBe(2);
    expect(emptyScopeProblem(scope)).toBeNull();
    expect(emptyScopeProblem(scopeOf({ kinds: ["government"] }, ["telus"]))).toMatch(/every selected entity is hidden/);
    expect(emptyScopeProblem(scopeOf({ kinds: [] }))).toMatch(/the current view shows no entities/);
  });

  it("exports a subgraph holding exactly the scope, as a dataset that loads back with zero errors", () => {
    const scope = scopeOf({ focus: "gov-canada", depth: 1, at: "2020-03" });
    const subgraph = exportSubgraph(graph, scope);
    expect(new Set(subgraph.nodes())).toEqual(scope.nodes);
    expect(new Set(subgraph.edges())).toEqual(scope.edges);
    const back = parseDataset([{ file: "view.json", text: writeDatasetJson(exportDataset(subgraph)) }]);
    expect(back.issues).toEqual([]);
    expect(back.ok).toBe(true);
    expect(back.dataset?.entities.map((entity) => entity.id).sort()).toEqual(sorted(scope.nodes));
    // The explorer's graph is not touched.
    expect(graph.order).toBe(10);
  });
});

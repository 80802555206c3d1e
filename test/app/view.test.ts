import { describe, expect, it } from "vitest";
import { computePath, computeView, viewFilters } from "../../src/app/model/view.ts";
import { defaultViewState } from "../../src/app/state/address.ts";
import type { ViewState } from "../../src/app/state/state.ts";
import { legendCounts } from "../../src/app/model/legend.ts";
import { fixtureGraph } from "./fixture.ts";

const graph = fixtureGraph();
const view = (patch: Partial<ViewState>) => computeView(graph, { ...defaultViewState(), ...patch });
const sorted = (set: Iterable<string>) => [...set].sort();

describe("computeView", () => {
  it("shows everything by default", () => {
    const result = view({});
    expect(result.nodes.size).toBe(graph.order);
    expect(result.edges.size).toBe(graph.size);
    expect(result.notices).toEqual([]);
    expect(viewFilters(defaultViewState())).toEqual({});
  });

  it("hides the relations of unticked families", () => {
    const result = view({ families: ["dependency", "structure"] });
    expect([...result.edges].some((edge) => graph.getEdgeAttribute(edge, "family") === "pressure")).toBe(false);
    expect(result.edges.has("bell-uses-huawei")).toBe(true);
  });

  it("hides entities of unticked kinds and their relations", () => {
    const result = view({ kinds: ["government", "vendor", "person", "bloc"] });
    expect(result.nodes.has("bell")).toBe(false);
    expect(result.edges.has("bell-uses-huawei")).toBe(false);
    expect(result.edges.has("canada-bans-huawei")).toBe(true);
  });

  it("shows the relations active in the chosen month", () => {
    expect(view({ at: "2020-03" }).edges.has("telus-uses-huawei")).toBe(true);
    expect(view({ at: "2020-07" }).edges.has("telus-uses-huawei")).toBe(false);
    expect(view({ at: "2019-10" }).edges.has("us-pressures-canada")).toBe(false);
    expect(view({ at: "2019-11" }).edges.has("us-pressures-canada")).toBe(true);
  });

  it("restricts the view to the ego network of the focus", () => {
    expect(sorted(view({ focus: "bell", depth: 1 }).nodes)).toEqual(["bell", "huawei"]);
    const depth2 = view({ focus: "bell", depth: 2 });
    expect(depth2.nodes.has("gov-canada")).toBe(true);
    expect(depth2.nodes.has("five-eyes")).toBe(false);
    expect(depth2.edges.has("us-pressures-canada")).toBe(false);
  });

  it("says plainly when the focus is unknown or hidden by a kind filter", () => {
    expect(view({ focus: "nobody", depth: 1 }).notices).toEqual(['No entity has the id "nobody".']);
    expect(view({ leverage: "gov-nowhere" }).notices).toEqual([
      'No entity has the id "gov-nowhere", so the Leverage panel shows its default government.',
    ]);
    expect(view({ leverage: "gov-canada" }).notices).toEqual([]);
    const hidden = view({ focus: "bell", depth: 1, kinds: ["government"] });
    expect(hidden.notices[0]).toMatch(/Bell Canada is hidden by the entity kind filters/);
    expect(hidden.nodes.has("bell")).toBe(false);
  });

  it("highlights a shortest path with the relations along it", () => {
    const result = view({ path: { from: "bell", to: "gov-united-states" } });
    expect(result.path).toMatchObject({ found: true, nodes: ["bell", "huawei", "gov-canada", "gov-united-states"] });
    if (!result.path?.found) throw new Error("expected a path");
    // Both parallel relations between the US and Canada lie on the path, as do both directions between Huawei and Canada.
    expect(result.path.edges).toEqual(
      new Set(["bell-uses-huawei", "canada-bans-huawei", "huawei-lobbies-canada", "us-pressures-canada", "us-threatens-canada"]),
    );
  });

  it("keeps the path visible outside the ego network", () => {
    const result = view({ focus: "bell", depth: 1, path: { from: "bell", to: "gov-united-states" } });
    expect(result.nodes.has("gov-united-states")).toBe(true);
  });

  it("says 'no path' plainly", () => {
    expect(computePath(graph, "bell", "lonely", {})).toEqual({
      found: false,
      message: "No path between Bell Canada and Lonely Institute under the current filters.",
    });
    expect(computePath(graph, "bell", "nokia", { families: ["pressure"] })).toMatchObject({ found: false });
    expect(computePath(graph, "bell", "ghost", {})).toEqual({ found: false, message: 'No entity has the id "ghost".' });
  });
});

describe("legendCounts", () => {
  it("counts entities by kind and relations by family, overall or among the visible", () => {
    const all = legendCounts(graph);
    expect(all.kinds.carrier).toBe(2);
    expect(all.kinds.policy).toBe(0);
    expect(all.families).toEqual({ pressure: 6, dependency: 3, structure: 2 });
    const visible = view({ at: "2021-01" });
    expect(legendCounts(graph, visible).families.dependency).toBe(2);
  });
});

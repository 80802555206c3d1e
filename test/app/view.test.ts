import { describe, expect, it } from "vitest";
import { computePath, computeView, viewFilters, whyEmpty } from "../../src/app/model/view.ts";
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

  it("names each step's relations and which way they go, and follows direction when asked", () => {
    // The undirected path from Canada reaches Telus through Huawei: "Huawei lobbies Canada" goes against the path.
    const undirected = view({ path: { from: "gov-canada", to: "telus" } }).path;
    if (!undirected?.found) throw new Error("expected a path");
    expect(undirected.directed).toBe(false);
    expect(undirected.nodes).toEqual(["gov-canada", "huawei", "telus"]);
    expect(undirected.steps[0]?.relations).toEqual(
      expect.arrayContaining([
        { id: "canada-bans-huawei", kind: "bans", forward: true },
        { id: "huawei-lobbies-canada", kind: "lobbies", forward: false },
      ]),
    );
    expect(undirected.steps[1]?.relations).toEqual([{ id: "telus-uses-huawei", kind: "uses_equipment_from", forward: false }]);
    // Following direction, nothing leads from Canada to Telus; the message says an undirected path exists.
    const directed = view({ path: { from: "gov-canada", to: "telus" }, paths: "directed" }).path;
    expect(directed).toEqual({
      found: false,
      message:
        "No path from Government of Canada to Telus follows the relations' direction under the current filters; ignoring direction, there is one.",
    });
    const along = view({ path: { from: "telus", to: "gov-canada" }, paths: "directed" }).path;
    if (!along?.found) throw new Error("expected a directed path");
    expect(along.nodes).toEqual(["telus", "huawei", "gov-canada"]);
    expect(along.steps.flatMap((step) => step.relations.map((relation) => relation.forward))).toEqual([true, true]);
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

describe("entities in time and the richer filters", () => {
  it("at a date shows only the entities with a relation active then, unless every entity is kept", () => {
    const at = view({ at: "2019-11" });
    // Nokia's only relation starts in June 2020; the Lonely Institute has none.
    expect(at.nodes.has("nokia")).toBe(false);
    expect(at.nodes.has("lonely")).toBe(false);
    expect(at.nodes.has("gov-canada")).toBe(true);
    expect(at.withoutRelations).toBe(graph.order - at.nodes.size);
    const kept = view({ at: "2019-11", entities: "all" });
    expect(kept.nodes.size).toBe(graph.order);
    expect(kept.edges).toEqual(at.edges);
    // The focus stays in view even when it has no relation then.
    expect(view({ at: "2019-11", focus: "nokia" }).nodes.has("nokia")).toBe(true);
  });

  it("shows what is active during a range when no month is chosen", () => {
    const during = view({ range: { from: "2020-01", to: "2020-12" } });
    expect(during.edges.has("telus-uses-huawei")).toBe(true);
    expect(during.edges.has("telus-contracts-nokia")).toBe(true);
    expect(during.edges.has("us-pressures-canada")).toBe(true);
    expect(during.edges.has("canada-bans-huawei")).toBe(false);
    expect(viewFilters({ ...defaultViewState(), range: { from: "2020-01", to: "2020-02" } })).toEqual({ from: "2020-01-01", to: "2020-02-29" });
    // A month chosen wins over the range.
    expect(view({ at: "2019-11", range: { from: "2020-01", to: "2020-12" } }).edges.has("telus-uses-huawei")).toBe(false);
  });

  it("hides isolated entities when asked, whatever the date", () => {
    expect(view({ isolated: "hide" }).nodes.has("lonely")).toBe(false);
    expect(view({}).nodes.has("lonely")).toBe(true);
  });

  it("filters entities by country, with 'none' for those without one, and relations by confidence", () => {
    const canadian = view({ countries: ["CA"] });
    expect(sorted(canadian.nodes)).toEqual(["bell", "champagne", "gov-canada", "telus"]);
    expect(canadian.edges.size).toBe(0);
    expect(view({ countries: ["none"] }).nodes).toEqual(new Set(["five-eyes", "lonely"]));
    expect(view({ confidence: ["confirmed"] }).edges.size).toBe(0);
    expect(view({ confidence: ["reported", "alleged"] }).edges.size).toBe(graph.size);
    const hidden = view({ focus: "bell", depth: 1, countries: ["US"] });
    expect(hidden.notices[0]).toMatch(/Bell Canada is hidden by the country filter/);
  });

  it("says why a view is empty, naming each constraint", () => {
    const state = { ...defaultViewState(), at: "1950-06", kinds: ["carrier" as const], countries: ["CA"] };
    expect(computeView(graph, state).nodes.size).toBe(0);
    const names = { family: (f: string) => f, kind: (k: string) => k, country: (c: string) => `country ${c}`, month: (m: string) => m };
    expect(whyEmpty(graph, state, names)).toEqual([
      "only entities of kind carrier",
      "only entities of country CA",
      "in 1950-06, only entities with a relation active then",
    ]);
    expect(whyEmpty(graph, { ...defaultViewState(), families: [] }, names)).toEqual(["no relation family is ticked"]);
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
    expect(all.confidences).toEqual({ confirmed: 0, reported: 11, alleged: 0 });
    expect(all.countries.get("CA")).toBe(4);
    expect(all.countries.get("none")).toBe(2);
  });
});

import { describe, expect, it } from "vitest";
import { byRelations, describeCursor, keyboardRing, relationsBetween, stepInRing } from "../../src/app/model/graph-keyboard.ts";
import { computeView } from "../../src/app/model/view.ts";
import { defaultViewState } from "../../src/app/state/address.ts";
import { fixtureGraph } from "./fixture.ts";

const graph = fixtureGraph();
const everything = computeView(graph, defaultViewState());
/** Canada in the middle, its neighbours placed round it like a clock's hours. */
const POSITIONS: Record<string, { x: number; y: number }> = {
  "gov-canada": { x: 0, y: 0 },
  "five-eyes": { x: 0, y: -10 }, // 12 o'clock (screen y grows downwards)
  huawei: { x: 10, y: 0 }, // 3 o'clock
  "robert-obrien": { x: 0, y: 10 }, // 6 o'clock
  "gov-united-states": { x: -10, y: 0 }, // 9 o'clock
};
const position = (id: string) => POSITIONS[id] ?? null;
const ranked = () => byRelations(graph, everything.nodes);

describe("moving through the graph with the keyboard", () => {
  it("goes round the entity in Details clockwise from 12 o'clock, starting with the entity itself", () => {
    const ring = keyboardRing(graph, everything, "gov-canada", position, ranked);
    expect(ring).toEqual({ anchor: "gov-canada", entities: ["gov-canada", "five-eyes", "huawei", "robert-obrien", "gov-united-states"] });
    expect(stepInRing(ring, "gov-canada", 1)).toBe("five-eyes");
    expect(stepInRing(ring, "gov-united-states", 1)).toBe("gov-canada");
    expect(stepInRing(ring, "gov-canada", -1)).toBe("gov-united-states");
    // From outside the ring, the first step lands on its first (or last) entity.
    expect(stepInRing(ring, "telus", 1)).toBe("gov-canada");
    expect(stepInRing(ring, null, -1)).toBe("gov-united-states");
  });

  it("goes round only the neighbours the view shows through a relation it shows", () => {
    const view = computeView(graph, { ...defaultViewState(), families: ["pressure"] });
    const ring = keyboardRing(graph, view, "gov-canada", position, ranked);
    expect(ring.entities).toEqual(["gov-canada", "huawei", "robert-obrien", "gov-united-states"]);
  });

  it("goes through every shown entity from the most connected when no details are open", () => {
    const ring = keyboardRing(graph, everything, null, position, ranked);
    expect(ring.anchor).toBeNull();
    expect(ring.entities[0]).toBe("gov-canada");
    expect(ring.entities.at(-1)).toBe("lonely");
    expect(ring.entities).toHaveLength(graph.order);
    expect(stepInRing({ anchor: null, entities: [] }, null, 1)).toBeNull();
  });

  it("says each step: the entity, where it is in the ring, and its relations with the entity in Details", () => {
    const ring = keyboardRing(graph, everything, "gov-canada", position, ranked);
    expect(describeCursor(graph, everything.edges, ring, "gov-canada")).toBe(
      "Government of Canada, government, the entity in Details: 4 neighbours shown. Arrow keys go round them.",
    );
    expect(describeCursor(graph, everything.edges, ring, "gov-united-states")).toBe(
      "Government of the United States, government, 4 of 4 around Government of Canada: " +
        "Government of the United States pressures Government of Canada (23 Nov 2019 – ongoing); " +
        "Government of the United States threatens Government of Canada (23 Nov 2019 – ongoing).",
    );
    const byDegree = keyboardRing(graph, everything, null, position, ranked);
    expect(describeCursor(graph, everything.edges, byDegree, "lonely")).toBe(
      `Lonely Institute, organization, ${graph.order} of ${graph.order} by number of relations (0 relations). Enter opens its details.`,
    );
  });

  it("says relations that read the same once, counted, and only those the view shows", () => {
    expect(relationsBetween(graph, everything.edges, "huawei", "gov-canada")).toEqual([
      "Huawei Technologies lobbies Government of Canada (2019 – ongoing)",
      "Government of Canada bans Huawei Technologies (19 May 2022 – ongoing)",
    ]);
    // Two relations that read the same are said once, counted.
    const twice = new Set(["us-pressures-canada", "us-threatens-canada"]);
    expect(relationsBetween(graph, twice, "gov-canada", "gov-united-states")).toHaveLength(2);
    expect(relationsBetween(graph, new Set(["huawei-lobbies-canada"]), "huawei", "gov-canada")).toEqual([
      "Huawei Technologies lobbies Government of Canada (2019 – ongoing)",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { entityDetails } from "../../src/app/model/details.ts";
import { formatPartialDate, formatPeriod, relationKindLabel } from "../../src/app/model/format.ts";
import { fixtureGraph } from "./fixture.ts";

const graph = fixtureGraph();

describe("entityDetails", () => {
  it("groups relations by family and direction, in ontology order, chronologically", () => {
    const details = entityDetails(graph, "gov-canada");
    expect(details.groups.map((group) => `${group.family}/${group.direction}`)).toEqual(["pressure/out", "pressure/in", "structure/out"]);
    const incoming = details.groups[1]?.relations.map((relation) => relation.id);
    expect(incoming).toEqual(["huawei-lobbies-canada", "obrien-pressures-canada", "us-pressures-canada", "us-threatens-canada"]);
  });

  it("carries attributes, the other end, dates, confidence, claim and resolved sources", () => {
    const details = entityDetails(graph, "bell");
    expect(details).toMatchObject({
      label: "Bell Canada",
      kind: "carrier",
      aliases: ["BCE", "Bell"],
      country: { code: "CA", name: "Canada" },
    });
    const relation = details.groups[0]?.relations[0];
    expect(relation).toMatchObject({
      kind: "uses_equipment_from",
      other: { id: "huawei", label: "Huawei Technologies", kind: "vendor" },
      start: "2012",
      end: "2023",
      confidence: "reported",
      claim: "Claim of bell-uses-huawei.",
      sources: [{ id: "s1", title: "Story s1", publisher: "Example News", url: "https://example.org/s1", published: "2019-11-24" }],
    });
  });

  it("keeps archive links and counts the relations the view hides", () => {
    const details = entityDetails(graph, "gov-united-states", (edge) => edge !== "us-member-five-eyes");
    expect(details.hiddenCount).toBe(1);
    const threat = details.groups[0]?.relations.find((relation) => relation.id === "us-threatens-canada");
    expect(threat?.sources[1]).toMatchObject({ id: "s2", archive: "https://archive.example.org/s2" });
  });
});

describe("formatting", () => {
  it("formats partial dates and periods", () => {
    expect(formatPartialDate("2019")).toBe("2019");
    expect(formatPartialDate("2019-11")).toBe("Nov 2019");
    expect(formatPartialDate("2019-11-03")).toBe("3 Nov 2019");
    expect(formatPeriod("2019-11-23", null)).toBe("23 Nov 2019 – ongoing");
    expect(formatPeriod("2018", "2021-09")).toBe("2018 – Sep 2021");
    expect(formatPeriod("2020", "2020")).toBe("2020");
    expect(relationKindLabel("uses_equipment_from")).toBe("uses equipment from");
  });
});

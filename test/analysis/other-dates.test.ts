/**
 * Dependencies at other dates: a pressure judged in its own dates can miss dependencies recorded
 * from a later (or earlier) source; the analysis says which, and how far (issue #19, defect 3).
 */
import { describe, expect, it } from "vitest";
import { dependenciesAtOtherDates, isDependedOn, LeverageContext, pressureCases } from "../../src/analysis/leverage.ts";
import { entity, relation, world } from "./world.ts";

function ukWorld() {
  return world(
    [
      entity("us", "government", "US"),
      entity("uk", "government", "GB"),
      entity("vendor", "vendor", "CN"),
      entity("late-tel", "carrier", "GB"),
      entity("early-tel", "carrier", "GB"),
      entity("lab", "organization", "GB"),
      entity("official", "person", "CN"),
    ],
    [
      // One day in May 2019; the dependencies are dated from sources of 2020 and 2012-2015.
      relation("us-threatens-uk", "threatens", "us", "uk", "2019-05-13", "2019-05-13", "vendor"),
      relation("late-uses", "uses_equipment_from", "late-tel", "vendor", "2020-01"),
      relation("early-uses", "uses_equipment_from", "early-tel", "vendor", "2012", "2015"),
      relation("lab-contracts", "contracts_with", "lab", "vendor", "2021-03-01"),
      relation("us-criticizes-uk", "criticizes", "us", "uk", "2019-06", "2019-06", "official"),
    ],
  );
}

describe("dependenciesAtOtherDates", () => {
  it("lists the dependencies under the pressed party outside the pressure's dates, nearest first, with the days between", () => {
    const graph = ukWorld();
    const context = new LeverageContext(graph);
    const [threat] = pressureCases(context).filter((item) => item.pressure === "us-threatens-uk");
    if (!threat) throw new Error("no case");
    // 2019-05-13 to 2020-01-01: 233 days after; to 2021-03-01: 658 after; 2015-12-31 to 2019-05-13: 1,229 before.
    expect(dependenciesAtOtherDates(context, threat)).toEqual([
      { dependent: "late-tel", relation: "late-uses", daysApart: 233 },
      { dependent: "lab", relation: "lab-contracts", daysApart: 658 },
      { dependent: "early-tel", relation: "early-uses", daysApart: -1229 },
    ]);
  });

  it("leaves out what counts in the window, and is empty when nothing under the party depends on it at any date", () => {
    const graph = ukWorld();
    const context = new LeverageContext(graph);
    const [threat] = pressureCases(context).filter((item) => item.pressure === "us-threatens-uk");
    if (!threat) throw new Error("no case");
    // Judged over 2019-2020, the 2020 dependency counts; the others are 60 days after and 1,097 days before.
    const wide = { ...threat, window: { from: "2019", to: "2020" } };
    expect(dependenciesAtOtherDates(context, wide).map((item) => item.relation)).toEqual(["lab-contracts", "early-uses"]);
    const [aboutPerson] = pressureCases(context).filter((item) => item.pressure === "us-criticizes-uk");
    if (!aboutPerson) throw new Error("no case");
    expect(dependenciesAtOtherDates(context, aboutPerson)).toEqual([]);
  });
});

describe("isDependedOn", () => {
  it("tells a supplier (something depends on it at some date) from what nothing can depend on", () => {
    const context = new LeverageContext(ukWorld());
    expect(isDependedOn(context, "vendor")).toBe(true);
    expect(isDependedOn(context, "official")).toBe(false);
  });
});

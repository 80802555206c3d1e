import { describe, expect, it } from "vitest";
import { exposure, exposureScore } from "../../src/analysis/exposure.ts";
import { SelectionError } from "../../src/graph/select.ts";
import { entity, relation, world } from "./world.ts";

function pressedWorld() {
  return world(
    [
      entity("us", "government", "US"),
      entity("au", "government", "AU"),
      entity("ca", "government", "CA"),
      entity("uk", "government", "GB"),
      entity("vendor", "vendor", "CN"),
      entity("vendor-two", "vendor", "CN"),
      entity("north-tel", "carrier", "CA"),
      entity("east-tel", "carrier", "CA"),
      entity("north-lab", "organization", "CA"),
      entity("island-tel", "carrier", "GB"),
    ],
    [
      relation("us-presses-ca", "pressures", "us", "ca", "2019-11", "2019-12", "vendor"),
      relation("us-presses-ca-again", "threatens", "us", "ca", "2020-01", "2020-01", "vendor"),
      relation("au-presses-ca", "pressures", "au", "ca", "2020-02", "2020-02", "vendor"),
      relation("us-presses-ca-two", "pressures", "us", "ca", "2020-05", "2020-05", "vendor-two"),
      relation("us-presses-uk-two", "pressures", "us", "uk", "2020-01", "2020-07", "vendor-two"),
      relation("us-presses-uk", "pressures", "us", "uk", "2020-01", "2020-07", "vendor"),
      relation("north-uses-vendor", "uses_equipment_from", "north-tel", "vendor", "2012", "2021"),
      relation("east-uses-vendor", "uses_equipment_from", "east-tel", "vendor", "2020-02"),
      relation("lab-contracts-vendor", "contracts_with", "north-lab", "vendor", "2019"),
      relation("north-uses-vendor-two", "uses_equipment_from", "north-tel", "vendor-two", "2018"),
      relation("island-uses-vendor-two", "uses_equipment_from", "island-tel", "vendor-two", "2005"),
    ],
  );
}

describe("exposure", () => {
  it("scores (2 x dependent carriers + other dependents) x distinct pressers", () => {
    expect(exposureScore(2, 1, 2)).toBe(10);
    expect(exposureScore(0, 0, 3)).toBe(0);
  });

  it("ranks each pressed government and vendor by score, then carriers, pressures and ids; vendors nobody depends on score 0", () => {
    expect(exposure(pressedWorld())).toEqual([
      {
        pressed: "ca",
        vendor: "vendor",
        score: 10,
        carriers: ["north-tel", "east-tel"],
        others: ["north-lab"],
        pressers: ["us", "au"],
        pressures: ["us-presses-ca", "us-presses-ca-again", "au-presses-ca"],
      },
      {
        pressed: "ca",
        vendor: "vendor-two",
        score: 2,
        carriers: ["north-tel"],
        others: [],
        pressers: ["us"],
        pressures: ["us-presses-ca-two"],
      },
      {
        pressed: "uk",
        vendor: "vendor-two",
        score: 2,
        carriers: ["island-tel"],
        others: [],
        pressers: ["us"],
        pressures: ["us-presses-uk-two"],
      },
      { pressed: "uk", vendor: "vendor", score: 0, carriers: [], others: [], pressers: ["us"], pressures: ["us-presses-uk"] },
    ]);
  });

  it("with `at`, counts only pressures and dependencies active on that date", () => {
    expect(exposure(pressedWorld(), { at: "2019-11" })).toEqual([
      {
        pressed: "ca",
        vendor: "vendor",
        score: 3,
        carriers: ["north-tel"],
        others: ["north-lab"],
        pressers: ["us"],
        pressures: ["us-presses-ca"],
      },
    ]);
  });

  it("with `target`, keeps one pressed government and rejects an unknown id", () => {
    expect(exposure(pressedWorld(), { target: "uk" }).map((row) => [row.vendor, row.score])).toEqual([
      ["vendor-two", 2],
      ["vendor", 0],
    ]);
    expect(() => exposure(pressedWorld(), { target: "atlantis" })).toThrow(SelectionError);
  });
});

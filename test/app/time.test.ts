import { describe, expect, it } from "vitest";
import {
  clampMonth,
  monthIndex,
  monthOf,
  monthOfDate,
  nextPlayMonth,
  playStart,
  PLAY_FROM,
  PLAY_TO,
  timeBounds,
} from "../../src/app/model/time.ts";
import { fixtureGraph } from "./fixture.ts";

describe("months", () => {
  it("converts between months and indices", () => {
    expect(monthOf(monthIndex("2019-11"))).toBe("2019-11");
    expect(monthOf(monthIndex("2019-12") + 1)).toBe("2020-01");
    expect(monthOfDate("2019")).toBe("2019-01");
    expect(monthOfDate("2019-11-23")).toBe("2019-11");
  });

  it("bounds the slider by the data, widened to the play range, from 2000 at the earliest", () => {
    // The fixture's member_of relations start in 1946; its latest date is 2023.
    expect(timeBounds(fixtureGraph(), "2026-11")).toEqual({ min: "2000-01", max: PLAY_TO });
    expect(timeBounds(fixtureGraph(), "2021-03").max).toBe("2021-03");
  });

  it("clamps a month into the bounds", () => {
    expect(clampMonth("1990-05", { min: "2000-01", max: "2024-12" })).toBe("2000-01");
    expect(clampMonth("2030-05", { min: "2000-01", max: "2024-12" })).toBe("2024-12");
  });

  it("plays month by month from 2018 to the end of 2024, then stops", () => {
    expect(playStart(null)).toBe(PLAY_FROM);
    expect(playStart("2020-05")).toBe("2020-05");
    expect(playStart(PLAY_TO)).toBe(PLAY_FROM);
    expect(playStart("2010-01")).toBe(PLAY_FROM);
    expect(nextPlayMonth("2018-12")).toBe("2019-01");
    expect(nextPlayMonth(PLAY_TO)).toBeNull();
    let month: string | null = PLAY_FROM;
    let steps = 0;
    while (month !== null) {
      month = nextPlayMonth(month);
      steps += 1;
    }
    expect(steps).toBe(7 * 12);
  });
});

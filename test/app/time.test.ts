import { describe, expect, it } from "vitest";
import {
  clampMonth,
  monthIndex,
  monthOf,
  monthOfDate,
  nextPlayMonth,
  playLabel,
  playStart,
  timeBounds,
  type TimeBounds,
} from "../../src/app/model/time.ts";
import { fixtureGraph } from "./fixture.ts";

function withPeriod(from: string, to: string) {
  const graph = fixtureGraph();
  graph.setAttribute("period", { from, to });
  return graph;
}

describe("months", () => {
  it("converts between months and indices", () => {
    expect(monthOf(monthIndex("2019-11"))).toBe("2019-11");
    expect(monthOf(monthIndex("2019-12") + 1)).toBe("2020-01");
    expect(monthOfDate("2019")).toBe("2019-01");
    expect(monthOfDate("2019-11-23")).toBe("2019-11");
  });

  it("bounds the slider by the data, from 2000 at the earliest, and plays the whole dated span without a period", () => {
    // The fixture's member_of relations start in 1946; its latest date is an end in 2023, which lasts to December.
    expect(timeBounds(fixtureGraph(), "2026-11")).toEqual({ min: "2000-01", max: "2023-12", playFrom: "2000-01", playTo: "2023-12" });
    expect(timeBounds(fixtureGraph(), "2021-03").max).toBe("2021-03");
  });

  it("plays the dataset's declared period, widening the slider to it", () => {
    const bounds = timeBounds(withPeriod("2018", "2024"), "2026-11");
    expect(bounds).toEqual({ min: "2000-01", max: "2024-12", playFrom: "2018-01", playTo: "2024-12" });
    expect(playLabel(bounds)).toBe("2018–2024");
    expect(timeBounds(withPeriod("1990-05", "1991"), "2026-11")).toMatchObject({ min: "1990-05", playFrom: "1990-05", playTo: "1991-12" });
    expect(playLabel(timeBounds(withPeriod("2019-02", "2019-11"), "2026-11"))).toBe("2019");
  });

  it("clamps a month into the bounds", () => {
    expect(clampMonth("1990-05", { min: "2000-01", max: "2024-12", playFrom: "2018-01", playTo: "2024-12" })).toBe("2000-01");
    expect(clampMonth("2030-05", { min: "2000-01", max: "2024-12", playFrom: "2018-01", playTo: "2024-12" })).toBe("2024-12");
  });

  it("plays month by month through the play range, then stops", () => {
    const bounds: TimeBounds = { min: "2000-01", max: "2026-11", playFrom: "2018-01", playTo: "2024-12" };
    expect(playStart(null, bounds)).toBe("2018-01");
    expect(playStart("2020-05", bounds)).toBe("2020-05");
    expect(playStart("2024-12", bounds)).toBe("2018-01");
    expect(playStart("2010-01", bounds)).toBe("2018-01");
    expect(nextPlayMonth("2018-12", bounds)).toBe("2019-01");
    expect(nextPlayMonth("2024-12", bounds)).toBeNull();
    let month: string | null = "2018-01";
    let steps = 0;
    while (month !== null) {
      month = nextPlayMonth(month, bounds);
      steps += 1;
    }
    expect(steps).toBe(7 * 12);
  });
});

import { describe, expect, it } from "vitest";
import { RELATION_FAMILIES } from "../../src/model/ontology.ts";
import {
  clampMonth,
  datedEvents,
  histogramColumns,
  monthIndex,
  monthOf,
  monthOfDate,
  nextPlayMonth,
  playRange,
  rangeLabel,
  readMonth,
  storyYears,
  timeScale,
  timeline,
  yearTicks,
  type Timeline,
} from "../../src/app/model/time.ts";
import { fixtureGraph } from "./fixture.ts";

function withPeriod(from: string, to: string) {
  const graph = fixtureGraph();
  graph.setAttribute("period", { from, to });
  return graph;
}

/** A timeline shaped like the embedded dataset's: 1870 to 2026, the story in 2017-2025. */
const EMBEDDED_LIKE: Timeline = {
  min: "1870-01",
  max: "2026-05",
  story: { from: "2017-01", to: "2025-12" },
  starts: new Map([
    [monthIndex("1870-01"), { pressure: 0, dependency: 0, structure: 1 }],
    [monthIndex("2019-11"), { pressure: 5, dependency: 2, structure: 0 }],
    [monthIndex("2019-12"), { pressure: 1, dependency: 0, structure: 0 }],
  ]),
};

describe("months", () => {
  it("converts between months and indices", () => {
    expect(monthOf(monthIndex("2019-11"))).toBe("2019-11");
    expect(monthOf(monthIndex("2019-12") + 1)).toBe("2020-01");
    expect(monthOfDate("2019")).toBe("2019-01");
    expect(monthOfDate("2019-11-23")).toBe("2019-11");
  });

  it("reads a typed month in ISO or in words, and says what is wrong otherwise", () => {
    expect(readMonth("2019-11")).toEqual({ month: "2019-11" });
    expect(readMonth(" 2019 ")).toEqual({ month: "2019-01" });
    expect(readMonth("2019-11-23")).toEqual({ month: "2019-11" });
    expect(readMonth("Nov 2019")).toEqual({ month: "2019-11" });
    expect(readMonth("november 2019")).toEqual({ month: "2019-11" });
    const wrong = readMonth("2019-13");
    expect("problem" in wrong && wrong.problem).toMatch(/"2019-13" is not a month/);
    expect(readMonth("soon")).toHaveProperty("problem");
    expect(readMonth("No 2019")).toHaveProperty("problem");
  });
});

describe("the timeline", () => {
  it("reaches back to the oldest dated tie and the dataset's period, never past the current month", () => {
    // The fixture's member_of relations start in 1946 (no longer cut at 2000); its latest date is an end in 2023.
    expect(timeline(fixtureGraph(), "2026-11")).toMatchObject({ min: "1946-01", max: "2023-12" });
    expect(timeline(fixtureGraph(), "2021-03").max).toBe("2021-03");
    expect(timeline(withPeriod("1870", "2026"), "2026-05")).toMatchObject({ min: "1870-01", max: "2026-05" });
  });

  it("finds the story years: where at least a tenth of the busiest year's relations start", () => {
    expect(
      storyYears(
        new Map([
          [1870, 1],
          [1946, 6],
          [2008, 6],
          [2017, 15],
          [2019, 141],
          [2020, 117],
          [2024, 22],
          [2025, 34],
          [2026, 4],
        ]),
      ),
    ).toEqual({ from: 2017, to: 2025 });
    expect(storyYears(new Map())).toBeNull();
    // The fixture: two relations in 1946 and several from 2012 to 2022; every year counts when few start per year.
    expect(timeline(fixtureGraph(), "2026-11").story).toEqual({ from: "1946-01", to: "2022-12" });
  });

  it("counts the relations starting each month by family", () => {
    const line = timeline(fixtureGraph(), "2026-11");
    expect(line.starts.get(monthIndex("2019-11"))).toEqual({ pressure: 3, dependency: 0, structure: 0 });
    expect(line.starts.get(monthIndex("1946-01"))).toEqual({ pressure: 0, dependency: 0, structure: 2 });
  });
});

describe("the time scale", () => {
  const scale = timeScale(EMBEDDED_LIKE);

  it("gives the story years most of the width and squeezes the sparse decades into narrow margins", () => {
    expect(scale.at(monthIndex("1870-01"))).toBe(0);
    expect(scale.at(monthIndex("2026-05") + 1)).toBe(1);
    expect(scale.story.from).toBeCloseTo(0.12);
    expect(scale.at(monthIndex("2017-01"))).toBeCloseTo(0.12);
    // Linear over 1870-2026 the story would get 6% of the width; here each of its months gets the same share of 88%.
    const month = scale.at(monthIndex("2019-12")) - scale.at(monthIndex("2019-11"));
    expect(month).toBeCloseTo(scale.at(monthIndex("2020-12")) - scale.at(monthIndex("2020-11")));
    expect(month * 880).toBeGreaterThan(5);
  });

  it("maps a fraction back to the month under it, so a click lands on the month drawn there", () => {
    for (const month of ["1870-01", "1946-06", "2016-12", "2017-01", "2019-11", "2025-12", "2026-05"]) {
      const index = monthIndex(month);
      const middle = (scale.at(index) + scale.at(index + 1)) / 2;
      expect(monthOf(scale.monthAt(middle))).toBe(month);
    }
    expect(monthOf(scale.monthAt(-1))).toBe("1870-01");
    expect(monthOf(scale.monthAt(2))).toBe("2026-05");
  });

  it("is linear when nothing is sparse enough to squeeze", () => {
    const linear = timeScale({ min: "2018-01", max: "2019-12", story: { from: "2018-01", to: "2019-12" } });
    expect(linear.at(monthIndex("2019-01"))).toBeCloseTo(0.5);
    expect(linear.story).toEqual({ from: 0, to: 1 });
  });

  it("writes every story year under its tick and a few round years in the squeezed part, none crowded", () => {
    const width = 840;
    const ticks = yearTicks(EMBEDDED_LIKE, scale, width);
    const written = ticks.filter((tick) => tick.labelled);
    for (let year = 2017; year <= 2025; year++) expect(written.map((tick) => tick.year)).toContain(year);
    expect(written.some((tick) => tick.year < 2017)).toBe(true);
    const positions = written.map((tick) => tick.fraction * width).sort((a, b) => a - b);
    for (let i = 1; i < positions.length; i++) expect((positions[i] as number) - (positions[i - 1] as number)).toBeGreaterThanOrEqual(36);
    // No two bare ticks closer than 4 px either.
    const all = ticks.map((tick) => tick.fraction * width);
    for (let i = 1; i < all.length; i++) expect((all[i] as number) - (all[i - 1] as number)).toBeGreaterThanOrEqual(3.99);
  });

  it("draws one histogram column per story month and merges squeezed months sharing a pixel", () => {
    const columns = histogramColumns(EMBEDDED_LIKE, scale, 840);
    expect(columns).toHaveLength(3);
    const november = columns.find((column) => column.total === 7);
    expect(november?.counts).toEqual({ pressure: 5, dependency: 2, structure: 0 });
    expect(november?.width).toBeGreaterThan(5);
    const total = columns.reduce((sum, column) => sum + column.total, 0);
    expect(total).toBe(9);
    for (const column of columns) expect(RELATION_FAMILIES.reduce((sum, family) => sum + column.counts[family], 0)).toBe(column.total);
  });
});

describe("playing", () => {
  it("plays the chosen range, else the story years, month by month from its first month, then stops", () => {
    expect(playRange(null, EMBEDDED_LIKE)).toEqual({ from: "2017-01", to: "2025-12" });
    const chosen = { from: "2019-06", to: "2020-05" };
    expect(playRange(chosen, EMBEDDED_LIKE)).toBe(chosen);
    expect(rangeLabel(chosen)).toBe("2019–2020");
    expect(rangeLabel({ from: "2019-02", to: "2019-11" })).toBe("2019");
    expect(nextPlayMonth("2019-12", chosen)).toBe("2020-01");
    expect(nextPlayMonth("2020-05", chosen)).toBeNull();
    // A month before the range jumps to its start rather than playing the years before it.
    expect(nextPlayMonth("2001-01", chosen)).toBe("2019-06");
    let month: string | null = chosen.from;
    let steps = 0;
    while (month !== null) {
      month = nextPlayMonth(month, chosen);
      steps += 1;
    }
    expect(steps).toBe(12);
  });

  it("clamps a month into the timeline", () => {
    expect(clampMonth("1790-05", EMBEDDED_LIKE)).toBe("1870-01");
    expect(clampMonth("2030-05", EMBEDDED_LIKE)).toBe("2026-05");
  });
});

describe("the events of a window", () => {
  it("lists the relations starting or ending in the window in date order, a one-day one once", () => {
    const graph = fixtureGraph();
    const events = datedEvents(graph, { from: "2019-11", to: "2020-06" });
    expect(events.map((event) => `${event.date} ${event.type} ${event.relation}`)).toEqual([
      "2019-11-23 start obrien-pressures-canada",
      "2019-11-23 start us-pressures-canada",
      "2019-11-23 start us-threatens-canada",
      "2020-01 start telus-uses-huawei",
      "2020-06 end telus-uses-huawei",
      "2020-06-02 start telus-contracts-nokia",
    ]);
    expect(events[0]).toMatchObject({ family: "pressure", kind: "pressures", source: "robert-obrien", target: "gov-canada" });
  });

  it("keeps only the relations the view's other filters keep", () => {
    const graph = fixtureGraph();
    const pressure = datedEvents(graph, { from: "2019-01", to: "2020-12" }, (id) => graph.getEdgeAttribute(id, "family") === "pressure");
    expect(new Set(pressure.map((event) => event.family))).toEqual(new Set(["pressure"]));
  });
});

import { describe, expect, it } from "vitest";
import {
  endsBeforeStart,
  entityActiveSpans,
  firstDay,
  isActiveAt,
  isActiveDuring,
  lastDay,
  partialDateProblem,
} from "../../src/model/dates.ts";

describe("partial dates", () => {
  it("accepts years, months and real days", () => {
    for (const value of ["2019", "2019-11", "2019-11-22", "2020-02-29", "1946-03-05"]) expect(partialDateProblem(value)).toBeNull();
  });

  it("calls malformed strings malformed and impossible calendar dates impossible", () => {
    for (const value of ["yesterday", "19", "2019-1", "2019/11/22", "2019-11-22T00:00", " 2019", ""])
      expect(partialDateProblem(value)).toBe("malformed");
    for (const value of ["2019-13", "2019-00", "2019-02-29", "2019-04-31", "2019-13-45", "2019-11-00"])
      expect(partialDateProblem(value)).toBe("impossible");
  });

  it("expands a partial date to the first and last day it covers", () => {
    expect([firstDay("2019"), lastDay("2019")]).toEqual(["2019-01-01", "2019-12-31"]);
    expect([firstDay("2020-02"), lastDay("2020-02")]).toEqual(["2020-02-01", "2020-02-29"]);
    expect([firstDay("2019-11-22"), lastDay("2019-11-22")]).toEqual(["2019-11-22", "2019-11-22"]);
  });

  it("treats a relation as active on any day its interval covers, open-ended when end is null", () => {
    expect(isActiveAt("2019-11-23", null, "2024")).toBe(true);
    expect(isActiveAt("2019-11-23", null, "2019-11-22")).toBe(false);
    expect(isActiveAt("2019", "2019", "2019-06-15")).toBe(true);
    expect(isActiveAt("2018-12-01", "2021-09-24", "2021-09-25")).toBe(false);
    expect(isActiveAt("2019-11", null, "2019")).toBe(true);
  });

  it("finds overlap between intervals", () => {
    expect(isActiveDuring("2015", "2018-11", "2018-12", "2019")).toBe(false);
    expect(isActiveDuring("2015", "2018", "2018-12", "2019")).toBe(true);
    expect(isActiveDuring("2015", "2018-12", "2018-12-31", "2019")).toBe(true);
  });

  it("says an end is before a start only when it lies wholly before it", () => {
    expect(endsBeforeStart("2019-11", "2019-10-31")).toBe(true);
    expect(endsBeforeStart("2019-11-23", "2019")).toBe(false);
    expect(endsBeforeStart("2019", "2019-01-01")).toBe(false);
  });
});

describe("entity active spans", () => {
  it("run from the first day a relation starts to the last day one ends, open while one is ongoing", () => {
    const spans = entityActiveSpans([
      { source: "a", target: "b", start: "2019-05", end: "2020" },
      { source: "b", target: "c", start: "2018", end: null },
      { source: "a", target: "a", start: "2021-02-03", end: "2021-02-04" },
      { source: "d", target: "a", start: "2017" },
    ]);
    expect(Object.fromEntries(spans)).toEqual({
      a: { start: "2017-01-01", end: null },
      b: { start: "2018-01-01", end: null },
      c: { start: "2018-01-01", end: null },
      d: { start: "2017-01-01", end: null },
    });
    expect(entityActiveSpans([{ source: "x", target: "y", start: "2019", end: "2019-02" }]).get("y")).toEqual({
      start: "2019-01-01",
      end: "2019-02-28",
    });
  });
});

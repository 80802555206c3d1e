import { describe, expect, it } from "vitest";
import { checkRecord, hasErrors } from "../../../src/app/edit/check.ts";
import { fixtureIndex, PRESSURE } from "./fixture.ts";

const index = fixtureIndex();
const fieldsOf = (problems: { field: string; severity: string }[]) => problems.filter((problem) => problem.severity === "error").map((problem) => problem.field);

describe("live validation of a record by the loader", () => {
  it("accepts a valid new pressure relation between existing entities with an existing source", () => {
    expect(checkRecord(index, "relations", PRESSURE, null)).toEqual([]);
  });

  it("says an invalid date at its field, with the loader's words", () => {
    const problems = checkRecord(index, "relations", { ...PRESSURE, start: "2025-13" }, null);
    expect(problems).toContainEqual({ field: "start", message: 'impossible date "2025-13": no such month or day', severity: "error" });
    expect(hasErrors(problems)).toBe(true);
  });

  it("says at the target when the relation's kind does not allow that entity there", () => {
    const problems = checkRecord(index, "relations", { ...PRESSURE, kind: "detains" }, null);
    expect(fieldsOf(problems)).toContain("target");
    expect(problems.find((problem) => problem.field === "target")?.message).toMatch(/cannot point to a carrier/);
  });

  it("says an unknown cited source at its citation, and a missing claim as missing", () => {
    const { claim: _claim, ...withoutClaim } = PRESSURE;
    const problems = checkRecord(index, "relations", { ...withoutClaim, evidence: [{ source: "nowhere" }] }, null);
    expect(fieldsOf(problems).sort()).toEqual(["claim", "evidence/0/source"]);
  });

  it("flags an id already taken, but not the record's own id when it is edited", () => {
    expect(fieldsOf(checkRecord(index, "relations", { ...PRESSURE, id: "bell" }, null))).toEqual(["id"]);
    const existing = index.relations.get("bell-uses-huawei")?.record as unknown as Record<string, unknown>;
    expect(checkRecord(index, "relations", { ...existing, end: "2022" }, "bell-uses-huawei")).toEqual([]);
  });

  it("checks an edited entity against the relations that refer to it", () => {
    const bell = index.entities.get("bell")?.record as unknown as Record<string, unknown>;
    const problems = checkRecord(index, "entities", { ...bell, kind: "person" }, "bell");
    expect(problems.find((problem) => problem.field === "kind")?.message).toMatch(/relation "bell-uses-huawei" would break/);
    const renamed = fieldsOf(checkRecord(index, "entities", { ...bell, id: "bell-canada" }, "bell"));
    expect(new Set(renamed)).toEqual(new Set(["id"]));
  });

  it("does not warn that a new entity has no relation yet, or a new source is not cited yet", () => {
    expect(checkRecord(index, "entities", { id: "rogers", kind: "carrier", name: "Rogers" }, null)).toEqual([]);
    const source = { id: "new-source", url: "https://example.com/a", publisher: "P", title: "T", published: "2025" };
    expect(checkRecord(index, "sources", source, null)).toEqual([]);
  });
});

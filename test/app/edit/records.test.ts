import { describe, expect, it } from "vitest";
import { likelyDuplicateEntities, likelyDuplicateSources, searchSources } from "../../../src/app/edit/duplicates.ts";
import { defaultFileFor, referrersOf, suggestId } from "../../../src/app/edit/records.ts";
import { fixtureIndex } from "./fixture.ts";

const index = fixtureIndex();

describe("the workbench's record index", () => {
  it("lists what refers to an entity or a source", () => {
    expect(referrersOf(index, "huawei")).toEqual(["bell-uses-huawei"]);
    expect(referrersOf(index, "report-2019")).toEqual(["bell-uses-huawei"]);
    expect(referrersOf(index, "jane-doe")).toEqual([]);
  });

  it("defaults a new record's file to its nearest relative's", () => {
    expect(defaultFileFor(index, "relations", "bell")).toBe("actors.json");
    expect(defaultFileFor(index, "sources", "bell")).toBe("sources/world.json");
    expect(defaultFileFor(index, "sources", null)).toBe("sources/world.json");
    expect(defaultFileFor(index, "entities", null)).toBe("actors.json");
  });

  it("suggests a free id from a name", () => {
    expect(suggestId(index, "Rogers Communications")).toBe("rogers-communications");
    expect(suggestId(index, "Bell")).toBe("bell-2");
  });
});

describe("likely duplicates", () => {
  it("flags an entity with the same or a nearly same name or alias", () => {
    expect(likelyDuplicateEntities(index, ["canada"], null).map((hit) => hit.id)).toEqual(["gov-canada"]);
    expect(likelyDuplicateEntities(index, ["Huawei Technolgies"], null).map((hit) => hit.why)).toEqual(["similar name: Huawei Technologies"]);
    expect(likelyDuplicateEntities(index, ["Bell Canada"], "bell")).toEqual([]);
    expect(likelyDuplicateEntities(index, ["Rogers"], null)).toEqual([]);
  });

  it("flags a source with the same URL, whatever its scheme, www. or trailing slash", () => {
    expect(likelyDuplicateSources(index, "http://www.example.org/report/", "", null).map((hit) => hit.why)).toEqual(["same URL"]);
    expect(likelyDuplicateSources(index, "https://example.org/other", "", null)).toEqual([]);
  });

  it("finds sources by title, publisher or URL", () => {
    expect(searchSources(index, "bell").map((hit) => hit.id)).toEqual(["report-2019"]);
    expect(searchSources(index, "example news").map((hit) => hit.id)).toEqual(["report-2019"]);
    expect(searchSources(index, "example.org/rep").map((hit) => hit.id)).toEqual(["report-2019"]);
  });
});

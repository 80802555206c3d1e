import { describe, expect, it } from "vitest";
import { buildSearchIndex, normalizeForSearch, searchEntities } from "../../src/app/model/search.ts";
import { fixtureGraph } from "./fixture.ts";

const graph = fixtureGraph();
const index = buildSearchIndex(
  graph.mapNodes((id, attributes) => ({ id, label: attributes.label, kind: attributes.kind, aliases: attributes.aliases })),
);
const ids = (query: string) => searchEntities(index, query).map((hit) => hit.id);

describe("search normalisation", () => {
  it("folds case, accents, apostrophes and punctuation", () => {
    expect(normalizeForSearch("François-Philippe")).toBe("francois philippe");
    expect(normalizeForSearch("O’Brien")).toBe("obrien");
    expect(normalizeForSearch("  U.S.  ")).toBe("u s");
    expect(normalizeForSearch("ＨＵＡＷＥＩ")).toBe("huawei");
  });
});

describe("searchEntities", () => {
  it("matches names case- and accent-insensitively", () => {
    expect(ids("francois")).toEqual(["champagne"]);
    expect(ids("FRANÇOIS-philippe")).toEqual(["champagne"]);
    expect(ids("obrien")).toEqual(["robert-obrien"]);
  });

  it("matches aliases and says which alias matched", () => {
    const [hit] = searchEntities(index, "bce");
    expect(hit).toMatchObject({ id: "bell", alias: "BCE" });
    expect(ids("ottawa")).toEqual(["gov-canada"]);
  });

  it("ranks exact, then prefix, then word prefix, then substring matches", () => {
    // "Canada" is an exact alias of gov-canada; "Bell Canada" has it as a word; "Government of Canada" too.
    expect(ids("canada")[0]).toBe("gov-canada");
    expect(ids("tel")).toEqual(["telus"]);
    expect(ids("bell")[0]).toBe("bell");
  });

  it("returns nothing for an empty or blank query and respects the limit", () => {
    expect(ids("   ")).toEqual([]);
    expect(searchEntities(index, "e", 3)).toHaveLength(3);
  });
});

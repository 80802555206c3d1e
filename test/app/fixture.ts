/** A small graph for the explorer's pure modules: three families, parallel relations, dates, accents, aliases. */
import { parseDataset } from "../../src/load/parse.ts";
import { buildGraph } from "../../src/graph/build.ts";
import type { AtlasGraph } from "../../src/graph/types.ts";

const source = (id: string) => ({
  id,
  url: `https://example.org/${id}`,
  publisher: "Example News",
  title: `Story ${id}`,
  published: "2019-11-24",
});

function relation(id: string, kind: string, from: string, to: string, start: string, end: string | null = null, evidence = ["s1"]) {
  return {
    id,
    kind,
    source: from,
    target: to,
    start,
    end,
    claim: `Claim of ${id}.`,
    evidence: evidence.map((s) => ({ source: s })),
    confidence: "reported",
  };
}

export const FIXTURE_DOCUMENT = {
  dataset: { name: "Fixture" },
  entities: [
    {
      id: "gov-united-states",
      kind: "government",
      name: "Government of the United States",
      aliases: ["United States", "U.S."],
      country: "US",
    },
    { id: "gov-canada", kind: "government", name: "Government of Canada", aliases: ["Canada", "Ottawa"], country: "CA" },
    { id: "bell", kind: "carrier", name: "Bell Canada", aliases: ["BCE", "Bell"], country: "CA" },
    { id: "telus", kind: "carrier", name: "Telus", country: "CA" },
    { id: "huawei", kind: "vendor", name: "Huawei Technologies", aliases: ["Huawei"], country: "CN" },
    { id: "nokia", kind: "vendor", name: "Nokia", country: "FI" },
    { id: "champagne", kind: "person", name: "François-Philippe Champagne", country: "CA" },
    { id: "robert-obrien", kind: "person", name: "Robert O'Brien", country: "US" },
    { id: "five-eyes", kind: "bloc", name: "Five Eyes" },
    { id: "lonely", kind: "organization", name: "Lonely Institute" },
  ],
  relations: [
    relation("us-pressures-canada", "pressures", "gov-united-states", "gov-canada", "2019-11-23"),
    relation("us-threatens-canada", "threatens", "gov-united-states", "gov-canada", "2019-11-23", null, ["s1", "s2"]),
    relation("canada-bans-huawei", "bans", "gov-canada", "huawei", "2022-05-19"),
    relation("bell-uses-huawei", "uses_equipment_from", "bell", "huawei", "2012", "2023"),
    relation("telus-uses-huawei", "uses_equipment_from", "telus", "huawei", "2020-01", "2020-06"),
    relation("telus-contracts-nokia", "contracts_with", "telus", "nokia", "2020-06-02"),
    relation("canada-member-five-eyes", "member_of", "gov-canada", "five-eyes", "1946"),
    relation("us-member-five-eyes", "member_of", "gov-united-states", "five-eyes", "1946"),
    relation("champagne-criticizes-huawei", "criticizes", "champagne", "huawei", "2022-05"),
    relation("obrien-pressures-canada", "pressures", "robert-obrien", "gov-canada", "2019-11-23"),
    relation("huawei-lobbies-canada", "lobbies", "huawei", "gov-canada", "2019"),
  ],
  sources: [source("s1"), { ...source("s2"), url: "https://example.org/s2", archive: "https://archive.example.org/s2" }],
};

export function fixtureGraph(): AtlasGraph {
  const result = parseDataset([{ file: "fixture.json", json: FIXTURE_DOCUMENT }]);
  if (!result.ok) throw new Error(`fixture is invalid: ${JSON.stringify(result.issues)}`);
  return buildGraph(result.dataset);
}

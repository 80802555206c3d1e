import { describe, expect, it } from "vitest";
import { leverageChains } from "../../src/analysis/leverage.ts";
import { readChain } from "../../src/analysis/steps.ts";
import { entity, relation, world } from "./world.ts";

describe("readChain", () => {
  it("gives each relation of a chain its role and numbers the chain's sources in order of first citation", () => {
    const shared = { source: "src-us-presses-ca" };
    const graph = world(
      [
        entity("us", "government", "US"),
        entity("ca", "government", "CA"),
        entity("vendor", "vendor", "CN"),
        entity("official", "person", "US"),
        entity("regulator", "agency", "CA"),
        entity("crown-net", "carrier"),
        entity("eyes", "bloc"),
      ],
      [
        relation("official-presses-regulator", "pressures", "official", "regulator", "2019-11", "2019-11", "vendor"),
        relation("official-leads-us", "leads", "official", "us", "2019"),
        relation("regulator-part-of-ca", "part_of", "regulator", "ca", "2000"),
        relation("crown-part-of-ca", "part_of", "crown-net", "ca", "2000"),
        {
          ...relation("crown-uses-vendor", "uses_equipment_from", "crown-net", "vendor", "2015"),
          evidence: [shared, { source: "src-crown-uses-vendor" }],
        },
        relation("us-shares-with-ca", "shares_intelligence_with", "us", "ca", "1946"),
        relation("us-member-of-eyes", "member_of", "us", "eyes", "1946"),
        { ...relation("ca-member-of-eyes", "member_of", "ca", "eyes", "1948"), evidence: [{ source: "src-us-member-of-eyes" }] },
        { ...relation("us-presses-ca", "pressures", "us", "ca", "2018", "2018", "vendor") },
      ],
    );
    const [chain] = leverageChains(graph, { target: "ca", at: "2019-11" });
    if (!chain) throw new Error("expected a chain");
    const { steps, sources } = readChain(chain);
    expect(steps.map((step) => [step.role, step.relation.id, step.sourceNumbers])).toEqual([
      ["pressure", "official-presses-regulator", [1]],
      ["presser", "official-leads-us", [2]],
      ["pressed", "regulator-part-of-ca", [3]],
      ["under", "crown-part-of-ca", [4]],
      ["dependency", "crown-uses-vendor", [5, 6]],
      ["tie", "us-shares-with-ca", [7]],
      ["bloc", "ca-member-of-eyes", [8]],
      ["bloc", "us-member-of-eyes", [8]],
    ]);
    expect(sources.map((source) => source.id)).toEqual([
      "src-official-presses-regulator",
      "src-official-leads-us",
      "src-regulator-part-of-ca",
      "src-crown-part-of-ca",
      "src-us-presses-ca",
      "src-crown-uses-vendor",
      "src-us-shares-with-ca",
      "src-us-member-of-eyes",
    ]);
    expect(sources[0]).toEqual({
      id: "src-official-presses-regulator",
      url: "https://example.org/src-official-presses-regulator",
      publisher: "Example News",
      title: "Report src-official-presses-regulator",
      published: "2019-11",
    });
  });
});

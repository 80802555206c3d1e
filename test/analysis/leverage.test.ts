import { describe, expect, it } from "vitest";
import { LeverageContext, leverageChains, type LeverageChain } from "../../src/analysis/leverage.ts";
import { SelectionError } from "../../src/graph/select.ts";
import type { Entity, Relation } from "../../src/model/schema.ts";
import { entity, relation, world } from "./world.ts";

/** A chain with its cited relations reduced to ids; the citations are checked on their own. */
function shape(chain: LeverageChain): Omit<LeverageChain, "relations"> & { relations: string[] } {
  return { ...chain, relations: chain.relations.map((item) => item.id) };
}

const us = entity("us", "government", "US");
const ca = entity("ca", "government", "CA");
const vendor = entity("vendor", "vendor", "CN");
const northTel = entity("north-tel", "carrier", "CA");
const pressure = relation("us-presses-ca", "pressures", "us", "ca", "2019-11", "2019-12", "vendor");
const northUsesVendor = relation("north-uses-vendor", "uses_equipment_from", "north-tel", "vendor", "2012", "2020");

function basic(extraEntities: Entity[] = [], extraRelations: Relation[] = []) {
  return world([us, ca, vendor, northTel, ...extraEntities], [pressure, northUsesVendor, ...extraRelations]);
}

describe("leverageChains", () => {
  it("finds a government pressing another about a vendor a carrier of its country uses, with every relation cited", () => {
    const chains = leverageChains(basic());
    expect(chains.map(shape)).toEqual([
      {
        id: "us-presses-ca:us:ca",
        presser: "us",
        pressed: "ca",
        vendor: "vendor",
        pressure: "us-presses-ca",
        window: { from: "2019-11", to: "2019-12" },
        presserVia: [],
        pressedVia: [],
        dependents: [
          {
            id: "north-tel",
            kind: "carrier",
            label: "Name of north-tel",
            route: "country",
            dependencies: ["north-uses-vendor"],
            relations: ["north-uses-vendor"],
          },
        ],
        ties: [],
        entities: ["us", "ca", "vendor", "north-tel"],
        relations: ["us-presses-ca", "north-uses-vendor"],
      },
    ]);
    expect(chains[0]?.relations[0]).toEqual({
      id: "us-presses-ca",
      kind: "pressures",
      family: "pressure",
      source: "us",
      target: "ca",
      about: "vendor",
      start: "2019-11",
      end: "2019-12",
      confidence: "reported",
      claim: "Claim of us-presses-ca.",
      sources: [
        {
          id: "src-us-presses-ca",
          url: "https://example.org/src-us-presses-ca",
          publisher: "Example News",
          title: "Report src-us-presses-ca",
          published: "2019-11",
          locator: "paragraph 1",
        },
      ],
    });
    expect(chains[0]?.relations[1]).toMatchObject({
      id: "north-uses-vendor",
      start: "2012",
      end: "2020",
      sources: [{ url: "https://example.org/src-north-uses-vendor" }],
    });
  });

  it("finds no chain when the dependency and the pressure do not overlap in time", () => {
    const endedBefore = relation("north-uses-vendor", "uses_equipment_from", "north-tel", "vendor", "2012", "2019-10-31");
    expect(leverageChains(world([us, ca, vendor, northTel], [pressure, endedBefore]))).toEqual([]);
    const startedAfter = relation("north-uses-vendor", "uses_equipment_from", "north-tel", "vendor", "2020-01");
    expect(leverageChains(world([us, ca, vendor, northTel], [pressure, startedAfter]))).toEqual([]);
    const sameMonth = relation("north-uses-vendor", "uses_equipment_from", "north-tel", "vendor", "2012", "2019-11-02");
    expect(leverageChains(world([us, ca, vendor, northTel], [pressure, sameMonth]))).toHaveLength(1);
  });

  it("finds no chain for a pressure that names nothing it is about, nor for pressure within one government", () => {
    const unnamed = relation("us-presses-ca", "pressures", "us", "ca", "2019-11", "2019-12");
    expect(leverageChains(world([us, ca, vendor, northTel], [unnamed, northUsesVendor]))).toEqual([]);
    const minister = entity("minister", "person", "CA");
    const domestic = [
      relation("minister-leads-ca", "leads", "minister", "ca", "2015"),
      relation("minister-presses-ca", "criticizes", "minister", "ca", "2019-11", "2019-12", "vendor"),
    ];
    expect(leverageChains(world([ca, vendor, northTel, minister], [northUsesVendor, ...domestic]))).toEqual([]);
  });

  it("resolves a person and an agency to the government they act for, keeping the original pressure", () => {
    const official = entity("official", "person", "US");
    const envoy = entity("envoy", "person", "US");
    const ministry = entity("foreign-ministry", "agency", "US");
    const regulator = entity("regulator", "agency", "CA");
    const graph = basic(
      [official, envoy, ministry, regulator],
      [
        relation("official-leads-us", "leads", "official", "us", "2019-09", "2021-01"),
        relation("envoy-represents-ministry", "represents", "envoy", "foreign-ministry", "2018"),
        relation("ministry-part-of-us", "part_of", "foreign-ministry", "us", "1990"),
        relation("regulator-part-of-ca", "part_of", "regulator", "ca", "1990"),
        relation("official-warns-regulator", "threatens", "official", "regulator", "2019-11-23", "2019-11-23", "vendor"),
        relation("envoy-presses-ca", "pressures", "envoy", "ca", "2019-12-01", "2019-12-01", "vendor"),
      ],
    );
    const chains = leverageChains(graph).map(shape);
    expect(chains.map((chain) => [chain.id, chain.presser, chain.pressed, chain.presserVia, chain.pressedVia])).toEqual([
      ["us-presses-ca:us:ca", "us", "ca", [], []],
      ["official-warns-regulator:us:ca", "us", "ca", ["official-leads-us"], ["regulator-part-of-ca"]],
      ["envoy-presses-ca:us:ca", "us", "ca", ["envoy-represents-ministry", "ministry-part-of-us"], []],
    ]);
    const warning = chains[1];
    expect(warning?.relations).toEqual(["official-warns-regulator", "official-leads-us", "regulator-part-of-ca", "north-uses-vendor"]);
    expect(warning?.entities).toEqual(["us", "ca", "vendor", "official", "regulator", "north-tel"]);
  });

  it("resolves a member of a body that is part of a government (a senator) to that government", () => {
    const senator = entity("senator", "person", "US");
    const senate = entity("senate", "organization", "US");
    const graph = basic(
      [senator, senate],
      [
        relation("senator-member-of-senate", "member_of", "senator", "senate", "2015"),
        relation("senate-part-of-us", "part_of", "senate", "us", "1789"),
        relation("senator-presses-ca", "pressures", "senator", "ca", "2019-11-29", "2019-11-29", "vendor"),
      ],
    );
    const chain = leverageChains(graph, { at: "2019-11-29" }).find((item) => item.pressure === "senator-presses-ca");
    expect(chain).toMatchObject({ presser: "us", pressed: "ca", presserVia: ["senator-member-of-senate", "senate-part-of-us"] });
  });

  it("skips pressure within one country: a company or an unattached person lobbying its own government, a body part of it", () => {
    const lobbyist = entity("north-tel", "carrier", "CA");
    const member = entity("member-of-parliament", "person", "CA");
    const crownNet = entity("crown-net", "carrier");
    const graph = basic(
      [member, crownNet],
      [
        relation("north-lobbies-ca", "lobbies", lobbyist.id, "ca", "2019-11", "2019-11", "vendor"),
        relation("member-presses-ca", "pressures", member.id, "ca", "2019-11", "2019-11", "vendor"),
        relation("crown-net-part-of-ca", "part_of", "crown-net", "ca", "2000"),
        relation("crown-net-criticizes-ca", "criticizes", "crown-net", "ca", "2019-11", "2019-11", "vendor"),
      ],
    );
    expect(leverageChains(graph).map((chain) => chain.pressure)).toEqual(["us-presses-ca"]);
  });

  it("leaves an actor acting for itself when its role is not active at the time of the pressure", () => {
    const official = entity("official", "person", "US");
    const graph = basic(
      [official],
      [
        relation("official-leads-us", "leads", "official", "us", "2021-01"),
        relation("official-presses-ca", "pressures", "official", "ca", "2019-11-23", "2019-11-23", "vendor"),
      ],
    );
    const chain = leverageChains(graph).find((item) => item.pressure === "official-presses-ca");
    expect(chain).toMatchObject({ presser: "official", pressed: "ca", presserVia: [] });
  });

  it("finds dependents by country, by part_of (transitively), by ownership, and through an inverted supplies", () => {
    const crownNet = entity("crown-net", "carrier");
    const crownLab = entity("crown-lab", "organization");
    const northMobile = entity("north-mobile", "carrier", "GB");
    const southTel = entity("south-tel", "carrier", "US");
    const oldTel = entity("old-tel", "carrier", "CA");
    const graph = basic(
      [crownNet, crownLab, northMobile, southTel, oldTel],
      [
        relation("crown-net-part-of-ca", "part_of", "crown-net", "ca", "2000"),
        relation("crown-lab-part-of-crown-net", "part_of", "crown-lab", "crown-net", "2005"),
        relation("crown-lab-contracts-vendor", "contracts_with", "crown-lab", "vendor", "2019"),
        relation("north-owns-north-mobile", "owns", "north-tel", "north-mobile", "2016"),
        relation("vendor-supplies-north-mobile", "supplies", "vendor", "north-mobile", "2018", "2022"),
        relation("south-uses-vendor", "uses_equipment_from", "south-tel", "vendor", "2015"),
        relation("old-uses-vendor", "uses_equipment_from", "old-tel", "vendor", "2008", "2011"),
      ],
    );
    const [chain] = leverageChains(graph);
    expect(chain?.dependents).toEqual([
      {
        id: "north-mobile",
        kind: "carrier",
        label: "Name of north-mobile",
        route: "owns",
        dependencies: ["vendor-supplies-north-mobile"],
        relations: ["north-owns-north-mobile", "vendor-supplies-north-mobile"],
      },
      {
        id: "north-tel",
        kind: "carrier",
        label: "Name of north-tel",
        route: "country",
        dependencies: ["north-uses-vendor"],
        relations: ["north-uses-vendor"],
      },
      {
        id: "crown-lab",
        kind: "organization",
        label: "Name of crown-lab",
        route: "part_of",
        dependencies: ["crown-lab-contracts-vendor"],
        relations: ["crown-net-part-of-ca", "crown-lab-part-of-crown-net", "crown-lab-contracts-vendor"],
      },
    ]);
  });

  it("counts dependencies on the vendor's parts and subsidiaries, citing how they belong to the vendor", () => {
    const vendorCanada = entity("vendor-canada", "vendor", "CA");
    const graph = basic(
      [vendorCanada],
      [
        relation("vendor-canada-part-of-vendor", "part_of", "vendor-canada", "vendor", "2008"),
        relation("north-contracts-vendor-canada", "contracts_with", "north-tel", "vendor-canada", "2019-06"),
      ],
    );
    const [chain] = leverageChains(graph);
    // vendor-canada shares Canada's country but is the vendor's own part, so it is not a dependent.
    expect(chain?.dependents).toEqual([
      {
        id: "north-tel",
        kind: "carrier",
        label: "Name of north-tel",
        route: "country",
        dependencies: ["north-uses-vendor", "north-contracts-vendor-canada"],
        relations: ["north-uses-vendor", "north-contracts-vendor-canada", "vendor-canada-part-of-vendor"],
      },
    ]);
  });

  it("lists the pressed side's ties to the presser: intelligence it receives and blocs both belong to", () => {
    const eyes = entity("eyes", "bloc");
    const pact = entity("pact", "bloc");
    const signals = entity("signals-agency", "agency", "CA");
    const graph = basic(
      [eyes, pact, signals],
      [
        relation("us-shares-with-ca", "shares_intelligence_with", "us", "ca", "1946"),
        // Canada sharing with the US is the US relying on Canada: not a tie that gives the US weight.
        relation("ca-shares-with-us", "shares_intelligence_with", "ca", "us", "1946"),
        relation("us-shares-with-signals", "shares_intelligence_with", "us", "signals-agency", "1950", "2019-11-05"),
        relation("us-member-of-eyes", "member_of", "us", "eyes", "1946"),
        relation("ca-member-of-eyes", "member_of", "ca", "eyes", "1948"),
        relation("us-member-of-pact", "member_of", "us", "pact", "2000"),
        relation("ca-member-of-pact", "member_of", "ca", "pact", "2000", "2018"),
      ],
    );
    const [chain] = leverageChains(graph);
    expect(chain?.ties).toEqual([
      { type: "dependency", dependent: "ca", provider: "us", relation: "us-shares-with-ca", relations: ["us-shares-with-ca"] },
      {
        type: "dependency",
        dependent: "signals-agency",
        provider: "us",
        relation: "us-shares-with-signals",
        relations: ["us-shares-with-signals"],
      },
      { type: "bloc", bloc: "eyes", pressedMembers: ["ca"], presserMembers: ["us"], relations: ["ca-member-of-eyes", "us-member-of-eyes"] },
    ]);
    expect(chain && shape(chain).relations).toEqual([
      "us-presses-ca",
      "north-uses-vendor",
      "us-shares-with-ca",
      "us-shares-with-signals",
      "ca-member-of-eyes",
      "us-member-of-eyes",
    ]);
    expect(chain?.entities).toEqual(["us", "ca", "vendor", "north-tel", "signals-agency", "eyes"]);
  });

  it("counts a bloc pressing one of its members as holding that membership over it", () => {
    const union = entity("union", "bloc");
    const graph = basic(
      [union],
      [
        relation("union-presses-ca", "pressures", "union", "ca", "2020-03", "2020-03", "vendor"),
        relation("ca-member-of-union", "member_of", "ca", "union", "1995"),
      ],
    );
    const chain = leverageChains(graph, { at: "2020-03" })[0];
    expect(chain && [chain.presser, chain.pressed, chain.ties]).toEqual([
      "union",
      "ca",
      [{ type: "bloc", bloc: "union", pressedMembers: ["ca"], presserMembers: [], relations: ["ca-member-of-union"] }],
    ]);
  });

  it("with `at`, keeps only pressures active on that date and judges dependencies and ties on it too", () => {
    const eyes = entity("eyes", "bloc");
    const later = relation("us-presses-ca-again", "pressures", "us", "ca", "2021-03", "2021-03", "vendor");
    const graph = basic(
      [eyes],
      [
        later,
        relation("us-member-of-eyes", "member_of", "us", "eyes", "1946"),
        relation("ca-member-of-eyes", "member_of", "ca", "eyes", "1948", "2019-11-15"),
        relation("north-uses-vendor-again", "uses_equipment_from", "north-tel", "vendor", "2021"),
      ],
    );
    expect(leverageChains(graph).map((chain) => chain.pressure)).toEqual(["us-presses-ca", "us-presses-ca-again"]);
    const early = leverageChains(graph, { at: "2019-11-10" });
    expect(early.map((chain) => [chain.pressure, chain.window, chain.ties.map((tie) => tie.type)])).toEqual([
      ["us-presses-ca", { from: "2019-11-10", to: "2019-11-10" }, ["bloc"]],
    ]);
    expect(leverageChains(graph, { at: "2019-12-20" }).map((chain) => [chain.pressure, chain.ties])).toEqual([["us-presses-ca", []]]);
    expect(leverageChains(graph, { at: "2021-03" }).map((chain) => [chain.pressure, chain.dependents[0]?.dependencies])).toEqual([
      ["us-presses-ca-again", ["north-uses-vendor-again"]],
    ]);
    expect(leverageChains(graph, { at: "2020-06" })).toEqual([]);
  });

  it("with `target`, keeps the chains whose pressed government is that id", () => {
    const uk = entity("uk", "government", "GB");
    const islandTel = entity("island-tel", "carrier", "GB");
    const graph = basic(
      [uk, islandTel],
      [
        relation("us-presses-uk", "pressures", "us", "uk", "2020-01", "2020-07", "vendor"),
        relation("island-uses-vendor", "uses_equipment_from", "island-tel", "vendor", "2005"),
      ],
    );
    expect(leverageChains(graph).map((chain) => chain.id)).toEqual(["us-presses-ca:us:ca", "us-presses-uk:us:uk"]);
    expect(leverageChains(graph, { target: "uk" }).map((chain) => chain.id)).toEqual(["us-presses-uk:us:uk"]);
    expect(leverageChains(graph, { target: "us" })).toEqual([]);
  });

  it("rejects an unknown target id and a malformed date, naming them", () => {
    const graph = basic();
    expect(() => leverageChains(graph, { target: "atlantis" })).toThrow(new SelectionError('unknown entity id "atlantis" (target)'));
    expect(() => leverageChains(graph, { at: "2019-13" })).toThrow(SelectionError);
    expect(() => leverageChains(graph, { at: "2019-13" })).toThrow(/2019-13/);
  });

  it("makes one chain per government when an actor acts for two", () => {
    const envoy = entity("envoy", "person");
    const uk = entity("uk", "government", "GB");
    const graph = basic(
      [envoy, uk],
      [
        relation("envoy-represents-us", "represents", "envoy", "us", "2019"),
        relation("envoy-represents-uk", "represents", "envoy", "uk", "2019"),
        relation("envoy-presses-ca", "pressures", "envoy", "ca", "2019-11-20", "2019-11-20", "vendor"),
      ],
    );
    expect(leverageChains(graph, { at: "2019-11-20" }).map((chain) => [chain.id, chain.presserVia])).toEqual([
      ["envoy-presses-ca:uk:ca", ["envoy-represents-uk"]],
      ["envoy-presses-ca:us:ca", ["envoy-represents-us"]],
      ["us-presses-ca:us:ca", []],
    ]);
  });

  it("gives the same chains with a context reused across calls, and refuses a context of another graph", () => {
    const graph = basic(
      [entity("eyes", "bloc")],
      [relation("us-member-of-eyes", "member_of", "us", "eyes", "1946"), relation("ca-member-of-eyes", "member_of", "ca", "eyes", "1948")],
    );
    const context = new LeverageContext(graph);
    for (const options of [{}, { at: "2019-11" }, { at: "2019-12-05", target: "ca" }, {}]) {
      expect(leverageChains(graph, options, context)).toEqual(leverageChains(graph, options));
    }
    expect(() => leverageChains(basic(), {}, context)).toThrow(/another graph/);
  });
});

/** Pins the China, vendor and rest-of-the-world part of the curated dataset: Huawei's and ZTE's ties to the Chinese state, one fact per supply tie, and the main fact per country outside North America, Europe and Asia-Pacific. */
import { describe, expect, it } from "vitest";
import { activeAt, actorsOf, edges, edgesWhere, loadCurated, type Edge } from "./helpers.ts";

const { graph } = await loadCurated();
const sources = graph.getAttribute("sources");

function one(list: Edge[], what: string): Edge {
  expect(list.length, what).toBe(1);
  return list[0]!;
}

function dated(edge: Edge): void {
  expect(edge.evidence.length, edge.id).toBeGreaterThan(0);
  for (const { source } of edge.evidence) expect(sources[source]?.published, `${edge.id} cites ${source}`).toMatch(/^\d{4}/);
}

describe("Huawei's and ZTE's ties to the Chinese state", () => {
  it("has Ren Zhengfei leading Huawei since its founding in 1987, with his military past in the claim", () => {
    const ren = one(edgesWhere(graph, { kind: "leads", source: "ren-zhengfei", target: "huawei" }), "Ren leads Huawei");
    expect(ren.start).toBe("1987");
    expect(ren.end).toBeNull();
    expect(ren.claim).toMatch(/People's Liberation Army/);
    dated(ren);
  });

  it("traces Huawei's ownership through the holding company to its trade union committee, and keeps the state-ownership reading alleged", () => {
    expect(one(edgesWhere(graph, { kind: "owns", source: "huawei-investment-holding", target: "huawei" }), "holding owns Huawei").confidence).toBe(
      "confirmed",
    );
    const union = one(
      edgesWhere(graph, { kind: "owns", source: "huawei-trade-union-committee", target: "huawei-investment-holding" }),
      "union committee owns the holding",
    );
    expect(union.claim).toMatch(/99%/);
    const state = one(edgesWhere(graph, { kind: "owns", source: "gov-china", target: "huawei-investment-holding" }), "state reading");
    expect(state.confidence).toBe("alleged");
    expect(state.evidence.map((item) => item.source)).toContain("documentcloud-2019-04-15-who-owns-huawei");
  });

  it("records the 2017 National Intelligence Law as issued by China's government and bearing on Huawei and ZTE through Article 7", () => {
    const issued = one(edgesWhere(graph, { kind: "issues", source: "gov-china", target: "national-intelligence-law-2017" }), "law issued");
    expect(issued.start).toBe("2017-06-27");
    for (const vendor of ["huawei", "zte"]) {
      const law = one(edgesWhere(graph, { kind: "regulates", source: "national-intelligence-law-2017", target: vendor }), `law on ${vendor}`);
      expect(law.claim).toMatch(/Article 7/);
      dated(law);
    }
  });

  it("records Meng Wanzhou as CFO and, from April 2022, one of Huawei's rotating chairs", () => {
    expect(one(edgesWhere(graph, { kind: "represents", source: "meng-wanzhou", target: "huawei" }), "Meng CFO").claim).toMatch(/chief financial officer/);
    expect(one(edgesWhere(graph, { kind: "leads", source: "meng-wanzhou", target: "huawei" }), "Meng rotating chair").start).toBe("2022-04");
    const guo = one(edgesWhere(graph, { kind: "leads", source: "guo-ping", target: "huawei" }), "Guo Ping");
    expect(guo.end).toBe("2022-04");
  });

  it("records state credit lines for Huawei and ZTE from a state-owned bank", () => {
    expect(edgesWhere(graph, { kind: "owns", source: "gov-china", target: "china-development-bank" })).toHaveLength(1);
    const huawei = edgesWhere(graph, { kind: "funds", source: "china-development-bank", target: "huawei" });
    expect(huawei.map((edge) => edge.start).sort()).toEqual(["2004", "2009-09-23"]);
    expect(edgesWhere(graph, { kind: "funds", source: "china-development-bank", target: "zte" })).toHaveLength(1);
  });

  it("records ZTE's state founders, its 2017 plea case that ended in March 2022, its 2018 settlement and the 2025 bribery investigation", () => {
    expect(one(edgesWhere(graph, { kind: "owns", source: "gov-china", target: "zte" }), "state owns ZTE").start).toBe("1985");
    expect(one(edgesWhere(graph, { kind: "party_to", source: "zte", target: "us-v-zte-2017" }), "plea case").end).toBe("2022-03-22");
    expect(edgesWhere(graph, { kind: "party_to", source: "zte", target: "zte-bis-settlement-2018" })).toHaveLength(1);
    expect(one(edgesWhere(graph, { kind: "party_to", source: "zte", target: "zte-fcpa-investigation" }), "FCPA probe").start).toBe("2025");
  });

  it("keeps Huawei Canada as its own actor, part of Huawei", () => {
    expect(graph.getNodeAttribute("huawei-canada", "country")).toBe("CA");
    expect(edgesWhere(graph, { kind: "part_of", source: "huawei-canada", target: "huawei" })).toHaveLength(1);
    expect(graph.getNodeAttribute("huawei", "aliases")).not.toContain("Huawei Canada");
  });
});

describe("ties that ended carry their end", () => {
  it("never has two Chinese ambassadors in Ottawa at once: Lu Shaye left in 2019, Cong Peiwu in April 2024", () => {
    const lu = one(edgesWhere(graph, { kind: "represents", source: "lu-shaye", target: "gov-china" }), "Lu");
    const cong = one(edgesWhere(graph, { kind: "represents", source: "cong-peiwu", target: "gov-china" }), "Cong");
    expect(lu.end).toBe("2019-07");
    expect(cong.end).toBe("2024-04-09");
    expect(activeAt(lu, "2019-11")).toBe(false);
  });

  it("ends the US charges against Meng with the December 2022 dismissal, and China's canola block in May 2022", () => {
    expect(one(edgesWhere(graph, { kind: "charges", source: "us-doj", target: "meng-wanzhou" }), "charges").end).toBe("2022-12-02");
    const canola = edgesWhere(graph, { kind: "retaliates", source: "gov-china", target: "gov-canada" }).find((edge) => /canola/.test(edge.claim));
    expect(canola?.end).toBe("2022-05-18");
  });
});

describe("one fact per supply tie", () => {
  it("keeps no supplies relation that mirrors a carrier-side tie for the same pair and overlapping time", () => {
    const carrierSide = edges(graph).filter((edge) => edge.kind === "uses_equipment_from" || edge.kind === "contracts_with");
    for (const supply of edges(graph).filter((edge) => edge.kind === "supplies")) {
      const mirror = carrierSide.find(
        (edge) => edge.source === supply.target && edge.target === supply.source && (activeAt(edge, supply.start) || activeAt(supply, edge.start)),
      );
      expect(mirror?.id, supply.id).toBeUndefined();
    }
  });

  it("still holds each formerly mirrored supply tie once, on the carrier's side", () => {
    const pairs: [string, string][] = [
      ["bell", "huawei"],
      ["telus", "huawei"],
      ["bell", "nokia"],
      ["rogers", "ericsson"],
      ["bell", "ericsson"],
      ["videotron", "samsung"],
      ["sasktel", "samsung"],
      ["sasktel", "huawei"],
      ["lg-uplus", "huawei"],
      ["spark", "huawei"],
      ["telus", "samsung"],
    ];
    for (const [carrier, vendor] of pairs) {
      const ties = edges(graph).filter(
        (edge) => edge.source === carrier && edge.target === vendor && (edge.kind === "uses_equipment_from" || edge.kind === "contracts_with"),
      );
      expect(ties.length, `${carrier} -> ${vendor}`).toBeGreaterThan(0);
      expect(edgesWhere(graph, { kind: "supplies", source: vendor, target: carrier }), `${vendor} supplies ${carrier}`).toHaveLength(0);
    }
  });
});

describe("the rest of the world", () => {
  const usActors = actorsOf(graph, "gov-united-states");

  function usPressureOn(target: string): Edge[] {
    return edges(graph).filter(
      (edge) => edge.family === "pressure" && usActors.has(edge.source) && edge.target === target && edge.about === "huawei",
    );
  }

  it("Brazil: US pressure in 2020, auction rules without a Huawei ban in February 2021, Huawei kept out of the government network", () => {
    expect(usPressureOn("gov-brazil").map((edge) => edge.start)).toEqual(expect.arrayContaining(["2020-07-29", "2020-11-11"]));
    const rules = one(edgesWhere(graph, { kind: "issues", source: "anatel", target: "brazil-5g-auction-rules-2021" }), "Anatel rules");
    expect(rules.start).toBe("2021-02-25");
    expect(rules.claim).toMatch(/no restriction/);
    expect(rules.claim).toMatch(/half/);
    expect(one(edgesWhere(graph, { kind: "restricts", source: "brazil-mcom", target: "huawei" }), "private network").start).toBe("2021-03-09");
    expect(actorsOf(graph, "gov-brazil").has("anatel")).toBe(true);
  });

  it("Chile and Argentina: Pompeo's 2019 warnings", () => {
    expect(one(edgesWhere(graph, { kind: "threatens", source: "mike-pompeo", target: "gov-chile", about: "huawei" }), "Chile").start).toBe("2019-04-12");
    expect(edgesWhere(graph, { kind: "pressures", source: "mike-pompeo", target: "gov-argentina", about: "huawei" })).toHaveLength(1);
  });

  it("Costa Rica: the August 2023 ban, China's protests, the December 2024 complaint and Huawei's lost suit", () => {
    const ban = one(edgesWhere(graph, { kind: "bans", source: "gov-costa-rica", target: "huawei" }), "ban");
    expect(ban.start).toBe("2023-08");
    expect(ban.claim).toMatch(/Budapest Convention/);
    expect(edgesWhere(graph, { kind: "criticizes", source: "gov-china", target: "gov-costa-rica", about: "huawei" })).toHaveLength(2);
    expect(one(edgesWhere(graph, { kind: "charges", source: "gov-costa-rica", target: "huawei" }), "complaint").start).toBe("2024-12-11");
    expect(one(edgesWhere(graph, { kind: "party_to", source: "huawei", target: "huawei-v-micitt" }), "suit").end).toBe("2025-02-24");
    expect(edgesWhere(graph, { kind: "leads", source: "rodrigo-chaves", target: "gov-costa-rica" })).toHaveLength(1);
  });

  it("Paraguay and Mexico: the 2025 reciprocity clause and Altán's 2017 Huawei/Nokia split", () => {
    for (const vendor of ["huawei", "zte"])
      expect(edgesWhere(graph, { kind: "restricts", source: "conatel-paraguay", target: vendor }).length, vendor).toBe(1);
    for (const vendor of ["huawei", "nokia"])
      expect(one(edgesWhere(graph, { kind: "contracts_with", source: "altan-redes", target: vendor }), `Altán ${vendor}`).start).toBe("2017");
  });

  it("UAE: US pressure tied to the F-35 in June 2021, the December 2021 suspension kept as alleged, Etisalat's Huawei 5G", () => {
    expect(usPressureOn("gov-uae").map((edge) => edge.start)).toEqual(expect.arrayContaining(["2019", "2021-06"]));
    const suspension = one(edgesWhere(graph, { kind: "retaliates", source: "gov-uae", target: "gov-united-states" }), "suspension");
    expect(suspension.start).toBe("2021-12");
    expect(suspension.confidence).toBe("alleged");
    expect(one(edgesWhere(graph, { kind: "contracts_with", source: "etisalat", target: "huawei" }), "Etisalat").start).toBe("2019-02-25");
    expect(edgesWhere(graph, { kind: "owns", source: "gov-uae", target: "etisalat" })).toHaveLength(1);
  });

  it("Saudi Arabia and Bahrain: STC's 2019 Huawei deal and the FCC's 2019 warnings", () => {
    expect(one(edgesWhere(graph, { kind: "contracts_with", source: "stc", target: "huawei" }), "STC").start).toBe("2019-02-26");
    for (const government of ["gov-saudi-arabia", "gov-bahrain"]) expect(usPressureOn(government).length, government).toBeGreaterThan(0);
  });

  it("Africa: the African Union's Huawei gear, Rain's and MTN's 5G, Safaricom's Huawei-and-Nokia launch, MTN's split vendor choices", () => {
    expect(edgesWhere(graph, { kind: "uses_equipment_from", source: "african-union", target: "huawei" })).toHaveLength(1);
    expect(one(edgesWhere(graph, { kind: "uses_equipment_from", source: "rain-za", target: "huawei" }), "Rain").start).toBe("2019-09");
    for (const vendor of ["huawei", "ericsson"])
      expect(edgesWhere(graph, { kind: "uses_equipment_from", source: "mtn-south-africa", target: vendor }).length, vendor).toBe(1);
    for (const vendor of ["huawei", "nokia"])
      expect(one(edgesWhere(graph, { kind: "contracts_with", source: "safaricom", target: vendor }), `Safaricom ${vendor}`).start).toBe("2021-03");
    expect(edgesWhere(graph, { kind: "contracts_with", source: "mtn-nigeria", target: "ericsson" })).toHaveLength(1);
    expect(edgesWhere(graph, { kind: "contracts_with", source: "mtn-uganda", target: "zte" })).toHaveLength(1);
    expect(edgesWhere(graph, { kind: "contracts_with", source: "mtn-zambia", target: "huawei" })).toHaveLength(1);
  });

  it("Russia, Uzbekistan and Türkiye: MTS's June 2019 deal, Uztelecom, Türk Telekom's 2022 MoU and BTK's October 2025 auction", () => {
    expect(one(edgesWhere(graph, { kind: "contracts_with", source: "mts-russia", target: "huawei" }), "MTS").start).toBe("2019-06-05");
    expect(edgesWhere(graph, { kind: "contracts_with", source: "uztelecom", target: "huawei" })).toHaveLength(1);
    expect(one(edgesWhere(graph, { kind: "contracts_with", source: "turk-telekom", target: "huawei" }), "Türk Telekom").start).toBe("2022-03");
    expect(one(edgesWhere(graph, { kind: "regulates", source: "btk-turkey", target: "turk-telekom" }), "BTK").start).toBe("2025-10-16");
  });

  it("adds countries beyond the original thirteen, each with at least one dated relation", () => {
    for (const country of ["BR", "CL", "AR", "CR", "PY", "MX", "AE", "SA", "BH", "ZA", "KE", "NG", "UG", "ZM", "RU", "UZ", "TR"]) {
      const members = graph.filterNodes((_, attributes) => attributes.country === country);
      const touching = edges(graph).filter((edge) => members.includes(edge.source) || members.includes(edge.target));
      expect(touching.length, country).toBeGreaterThan(0);
      for (const edge of touching) dated(edge);
    }
  });
});

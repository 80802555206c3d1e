/** Pins the Asia-Pacific and South Asia part of the curated dataset: US pressure on Seoul in 2019, the region's 5G vendor choices and the 2020s. */
import { describe, expect, it } from "vitest";
import { activeAt, actorsOf, compareDates, edges, edgesWhere, loadCurated, type Edge } from "./helpers.ts";

const { graph } = await loadCurated();
const sources = graph.getAttribute("sources");

function one(list: Edge[], what: string): Edge {
  expect(list.length, what).toBe(1);
  return list[0]!;
}

function cites(edge: Edge, source: string): boolean {
  return edge.evidence.some((evidence) => evidence.source === source);
}

function datedSources(edge: Edge): string[] {
  return edge.evidence.map(({ source }) => source).filter((id) => sources[id]?.published !== undefined);
}

describe("US pressure on South Korea over Huawei in 2019", () => {
  const usActors = actorsOf(graph, "gov-united-states");
  const koreanActors = actorsOf(graph, "gov-south-korea");

  it("has a Government of South Korea with its ministries and officials linked to it", () => {
    expect(graph.getNodeAttribute("gov-south-korea", "kind")).toBe("government");
    expect(graph.getNodeAttribute("gov-south-korea", "country")).toBe("KR");
    for (const actor of ["kr-msit", "kr-mofa", "chung-eui-yong"]) expect(koreanActors.has(actor), actor).toBe(true);
  });

  it("records the State Department's May 2019 pressure through diplomatic channels, naming LG Uplus, with the KBS World and Reuters reports", () => {
    const pressure = one(
      edgesWhere(graph, { kind: "pressures", source: "us-state-department", target: "gov-south-korea", about: "huawei" }).filter((edge) =>
        edge.start.startsWith("2019-05"),
      ),
      "State Department pressure, May 2019",
    );
    expect(pressure.end).toBe(pressure.start);
    expect(pressure.claim).toMatch(/LG Uplus/);
    expect(cites(pressure, "kbsworld-2019-05-24-korea-discussion-huawei")).toBe(true);
    expect(cites(pressure, "reportfocus-2019-05-23-us-urges-korea-reject-huawei")).toBe(true);
  });

  it("records Ambassador Harris's 7 June 2019 warning to the Blue House that sensitive information would be withheld", () => {
    expect(usActors.has("harry-harris")).toBe(true);
    const threat = one(
      edgesWhere(graph, { kind: "threatens", source: "harry-harris", target: "gov-south-korea", about: "huawei" }),
      "Harris's warning",
    );
    expect(threat.start).toBe("2019-06-07");
    expect(threat.claim).toMatch(/sensitive information/);
    expect(cites(threat, "joongang-2019-06-18-envoy-warns-seoul")).toBe(true);
    expect(edgesWhere(graph, { kind: "pressures", source: "harry-harris", target: "gov-south-korea" }).map((edge) => edge.start)).toContain(
      "2019-06-05",
    );
  });

  it("ends Harris's ambassadorship in January 2021", () => {
    const post = one(edgesWhere(graph, { kind: "represents", source: "harry-harris", target: "gov-united-states" }), "Harris in post");
    expect(post.start).toBe("2018-07");
    expect(post.end).toBe("2021-01");
    expect(activeAt(post, "2019-06-07")).toBe(true);
  });

  it("holds at least four dated US pressure acts on Seoul about Huawei in May-June 2019", () => {
    const acts = edges(graph).filter(
      (edge) =>
        edge.family === "pressure" &&
        usActors.has(edge.source) &&
        edge.target === "gov-south-korea" &&
        edge.about === "huawei" &&
        compareDates(edge.start, "2019-05") >= 0 &&
        compareDates(edge.start, "2019-06") <= 0,
    );
    expect(acts.length).toBeGreaterThanOrEqual(4);
    for (const edge of acts) expect(datedSources(edge).length, edge.id).toBeGreaterThan(0);
  });

  it("records Seoul's and Beijing's responses in June 2019", () => {
    const seoul = one(
      edgesWhere(graph, { kind: "criticizes", source: "gov-south-korea", target: "gov-united-states", about: "huawei" }),
      "Seoul's response",
    );
    expect(seoul.start).toBe("2019-06-07");
    expect(seoul.claim).toMatch(/defence and security/);
    expect(
      edgesWhere(graph, { kind: "pressures", source: "gov-china", target: "gov-south-korea", about: "huawei" }).map((edge) => edge.start),
    ).toContain("2019-06");
  });

  it("records the 2020 follow-ups: Krach's Clean Network push and LG Uplus's answer to Strayer", () => {
    const clean = one(
      edgesWhere(graph, { kind: "pressures", source: "keith-krach", target: "gov-south-korea" }).filter(
        (edge) => edge.start === "2020-10",
      ),
      "Senior Economic Dialogue",
    );
    expect(clean.claim).toMatch(/Clean Network/);
    expect(edgesWhere(graph, { kind: "criticizes", source: "lg-uplus", target: "robert-strayer" })).toHaveLength(1);
    expect(edgesWhere(graph, { kind: "pressures", source: "robert-strayer", target: "lg-uplus" })).toHaveLength(1);
  });

  it("keeps LG Uplus's Huawei dependency from 2013, active during the 2019 pressure", () => {
    const use = one(edgesWhere(graph, { kind: "uses_equipment_from", source: "lg-uplus", target: "huawei" }), "LG Uplus uses Huawei");
    expect(use.start).toBe("2013");
    expect(activeAt(use, "2019-06")).toBe(true);
  });
});

describe("the audit fixes in the 2018 Asia-Pacific relations", () => {
  it("counts Australia's August 2018 guidance as one act per vendor, with no separate policy node", () => {
    expect(graph.hasNode("australia-5g-security-guidance-2018")).toBe(false);
    for (const vendor of ["huawei", "zte"])
      expect(edgesWhere(graph, { kind: "bans", target: vendor }).filter((edge) => edge.start === "2018-08-23")).toHaveLength(1);
  });

  it("ends Morrison's leadership on 23 May 2022", () => {
    expect(one(edgesWhere(graph, { kind: "leads", source: "scott-morrison" }), "Morrison").end).toBe("2022-05-23");
  });

  it("models Spark's blocked 2018 plan as the GCSB's review, not a contract, and Spark's 2019 move to Nokia", () => {
    expect(edgesWhere(graph, { kind: "contracts_with", source: "spark", target: "huawei" })).toHaveLength(0);
    expect(one(edgesWhere(graph, { kind: "reviews", source: "nz-gcsb", target: "spark" }), "GCSB review").end).toBe("2018-11-28");
    expect(one(edgesWhere(graph, { kind: "contracts_with", source: "spark", target: "nokia" }), "Spark-Nokia").start).toBe("2019-11-18");
  });
});

describe("India", () => {
  it("leaves Huawei and ZTE out of the 5G trials approved on 4 May 2021, through a DoT that belongs to the government", () => {
    expect(actorsOf(graph, "gov-india").has("in-dot")).toBe(true);
    for (const vendor of ["huawei", "zte"])
      expect(one(edgesWhere(graph, { kind: "restricts", source: "in-dot", target: vendor }), vendor).start).toBe("2021-05-04");
  });

  it("records the December 2020 trusted-sources directive and China's protest of 5 May 2021", () => {
    expect(
      one(edgesWhere(graph, { kind: "issues", source: "gov-india", target: "india-telecom-security-directive-2020" }), "directive").start,
    ).toBe("2020-12-16");
    const protest = one(
      edges(graph).filter(
        (edge) => edge.kind === "criticizes" && edge.target === "gov-india" && actorsOf(graph, "gov-china").has(edge.source),
      ),
      "China's protest",
    );
    expect(protest.start).toBe("2021-05-05");
  });

  it("records Indian carriers choosing non-Chinese 5G vendors (Jio 2022, Vodafone Idea 2024)", () => {
    expect(one(edgesWhere(graph, { kind: "contracts_with", source: "reliance-jio", target: "nokia" }), "Jio-Nokia").start).toBe(
      "2022-10-17",
    );
    for (const vendor of ["nokia", "ericsson", "samsung"])
      expect(one(edgesWhere(graph, { kind: "contracts_with", source: "vodafone-idea", target: vendor }), vendor).start).toBe("2024-09-22");
  });
});

describe("Malaysia", () => {
  it("records DNB's Ericsson contract of 1 July 2021 under a state-owned DNB", () => {
    expect(one(edgesWhere(graph, { kind: "contracts_with", source: "digital-nasional-berhad", target: "ericsson" }), "DNB").start).toBe(
      "2021-07-01",
    );
    expect(edgesWhere(graph, { kind: "owns", source: "gov-malaysia", target: "digital-nasional-berhad" })).toHaveLength(1);
  });

  it("records the April 2023 US and EU envoys' warnings about Huawei and Malaysia's answer", () => {
    const us = one(
      edgesWhere(graph, { kind: "pressures", source: "brian-mcfeeters", target: "gov-malaysia", about: "huawei" }),
      "US envoy",
    );
    expect(us.start).toBe("2023-04");
    expect(actorsOf(graph, "gov-united-states").has("brian-mcfeeters")).toBe(true);
    const eu = one(
      edgesWhere(graph, { kind: "pressures", target: "gov-malaysia", about: "huawei" }).filter((edge) => edge.id !== us.id),
      "EU envoy",
    );
    expect(actorsOf(graph, "eu").has(eu.source)).toBe(true);
    expect(edgesWhere(graph, { kind: "criticizes", source: "fahmi-fadzil", about: "huawei" })[0]?.start).toBe("2023-05-03");
  });

  it("records MCMC's November 2024 choice of U Mobile for the second 5G network", () => {
    expect(one(edgesWhere(graph, { kind: "contracts_with", source: "mcmc", target: "u-mobile" }), "MCMC-U Mobile").start).toBe(
      "2024-11-01",
    );
    expect(actorsOf(graph, "gov-malaysia").has("mcmc")).toBe(true);
  });
});

describe("other countries of the region", () => {
  it("records the Philippines' carriers on Huawei and China Telecom's stake in Dito", () => {
    expect(edgesWhere(graph, { kind: "uses_equipment_from", source: "globe-telecom", target: "huawei" })).toHaveLength(1);
    expect(edgesWhere(graph, { kind: "owns", source: "china-telecom", target: "dito-telecommunity" })).toHaveLength(1);
    expect(edgesWhere(graph, { kind: "pressures", source: "mike-pompeo", target: "gov-philippines", about: "huawei" })).toHaveLength(1);
  });

  it("records Singapore's 2020 choices of Ericsson and Nokia", () => {
    expect(one(edgesWhere(graph, { kind: "contracts_with", source: "singtel", target: "ericsson" }), "Singtel").start).toBe("2020-06-24");
    expect(one(edgesWhere(graph, { kind: "contracts_with", source: "starhub", target: "nokia" }), "StarHub").start).toBe("2020-06-24");
  });

  it("records Indonesia's continued dependence on Huawei in 2024", () => {
    expect(one(edgesWhere(graph, { kind: "uses_equipment_from", source: "indosat", target: "huawei" }), "Indosat").start).toBe("2024-08");
  });

  it("records Vietnam's Viettel building 5G with Ericsson and Nokia rather than Huawei", () => {
    for (const vendor of ["ericsson", "nokia"])
      expect(edgesWhere(graph, { kind: "contracts_with", source: "viettel", target: vendor }), vendor).toHaveLength(1);
    expect(edgesWhere(graph, { source: "viettel", target: "huawei" })).toHaveLength(0);
  });

  it("records Thailand's February 2019 Huawei test bed and Bangladesh's December 2021 Huawei 5G trial", () => {
    expect(one(edgesWhere(graph, { kind: "contracts_with", source: "gov-thailand", target: "huawei" }), "Thailand").start).toBe(
      "2019-02-08",
    );
    expect(one(edgesWhere(graph, { kind: "contracts_with", source: "teletalk", target: "huawei" }), "Teletalk").start).toBe("2021-12-12");
  });

  it("records the Solomon Islands' Huawei cable ending in June 2018 and its 2022 Huawei towers on a Chinese loan", () => {
    const contracts = edgesWhere(graph, { kind: "contracts_with", source: "gov-solomon-islands", target: "huawei" });
    expect(contracts.map((edge) => [edge.start, edge.end])).toEqual(
      expect.arrayContaining([
        ["2017", "2018-06-13"],
        ["2022-08-18", null],
      ]),
    );
    expect(edgesWhere(graph, { kind: "funds", source: "gov-australia", target: "gov-solomon-islands" })[0]?.start).toBe("2018-06-13");
    expect(edgesWhere(graph, { kind: "funds", source: "china-exim-bank", target: "gov-solomon-islands" })).toHaveLength(1);
  });

  it("records Papua New Guinea's Huawei-built data centre and its minister's criticism", () => {
    expect(edgesWhere(graph, { kind: "contracts_with", source: "gov-papua-new-guinea", target: "huawei" })).toHaveLength(1);
    expect(actorsOf(graph, "gov-papua-new-guinea").has("timothy-masiu")).toBe(true);
    expect(one(edgesWhere(graph, { kind: "criticizes", source: "timothy-masiu", target: "huawei" }), "Masiu").start).toBe("2020-08-11");
  });

  it("records the US warning to Micronesia over Huawei Marine and the allied-funded East Micronesia Cable", () => {
    expect(
      one(edgesWhere(graph, { kind: "pressures", source: "gov-united-states", target: "gov-micronesia", about: "huawei" }), "FSM").start,
    ).toBe("2020-07");
    for (const government of ["gov-micronesia", "gov-kiribati", "gov-nauru"])
      expect(
        edgesWhere(graph, { kind: "party_to", source: government, target: "east-micronesia-cable-mou-2022" }),
        government,
      ).toHaveLength(1);
    const funders = new Set(edgesWhere(graph, { kind: "funds", target: "east-micronesia-cable" }).map((edge) => edge.source));
    expect(funders).toEqual(new Set(["gov-australia", "gov-japan", "gov-united-states"]));
  });

  it("records Taiwan's 2011 restriction of Huawei core equipment", () => {
    expect(one(edgesWhere(graph, { kind: "restricts", source: "taiwan-ncc", target: "huawei" }), "Taiwan").start).toBe("2011-07");
    expect(actorsOf(graph, "gov-taiwan").has("taiwan-ncc")).toBe(true);
  });

  it("covers at least fifteen countries of the region", () => {
    const region = ["KR", "JP", "AU", "NZ", "IN", "MY", "PH", "SG", "ID", "VN", "TH", "BD", "PG", "SB", "FM", "KI", "NR", "TW"];
    const present = new Set(graph.mapNodes((_, attributes) => attributes.country));
    expect(region.filter((country) => present.has(country)).length).toBeGreaterThanOrEqual(15);
  });
});

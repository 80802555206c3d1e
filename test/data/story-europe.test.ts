/** Pins the European side of the story: the 2019 EU approach and US pressure, the 2023-2026 EU moves, Germany, Sweden's court case and each European country added. */
import { describe, expect, it } from "vitest";
import { actorsOf, edges, edgesWhere, loadCurated, type Edge } from "./helpers.ts";

const { graph } = await loadCurated();
const sources = graph.getAttribute("sources");

function one(list: Edge[], what: string): Edge {
  expect(list.length, what).toBe(1);
  return list[0]!;
}

function cites(edge: Edge, source: string): boolean {
  return edge.evidence.some((evidence) => evidence.source === source);
}

function expectDatedSources(edge: Edge): void {
  for (const { source } of edge.evidence) expect(sources[source]?.published, `${edge.id} cites ${source}`).toMatch(/^\d{4}/);
}

describe("the EU approach of November-December 2019", () => {
  it("records the member states' ambassadors (Coreper) agreeing the 5G conclusions in November 2019, before the ministers' 3 December adoption", () => {
    const agreement = one(edgesWhere(graph, { kind: "issues", source: "coreper", target: "eu-council-5g-conclusions-2019" }), "Coreper");
    expect(agreement.start).toBe("2019-11");
    expect(agreement.claim).toMatch(/non-technical/);
    expect(agreement.claim).toMatch(/named no company/);
    expectDatedSources(agreement);
    expect(one(edgesWhere(graph, { kind: "part_of", source: "coreper", target: "eu-council" }), "Coreper in Council").start).toBe(
      "2019-11",
    );
    expect(
      one(edgesWhere(graph, { kind: "issues", source: "eu-council", target: "eu-council-5g-conclusions-2019" }), "ministers").start,
    ).toBe("2019-12-03");
  });

  it("no longer merges Coreper into the Council's aliases", () => {
    expect(graph.getNodeAttribute("eu-council", "aliases")).not.toContain("Coreper");
  });

  it("counts the January 2020 toolbox once and keeps the Huawei reading of unnamed-vendor texts as alleged", () => {
    expect(edgesWhere(graph, { kind: "issues", target: "eu-5g-toolbox" }).map((edge) => edge.source)).toEqual(["european-commission"]);
    for (const source of ["eu-council-5g-conclusions-2019", "eu-5g-toolbox"]) {
      const reading = one(edgesWhere(graph, { kind: "restricts", source, target: "huawei" }), source);
      expect(reading.confidence).toBe("alleged");
    }
    const toolbox = one(edgesWhere(graph, { kind: "issues", source: "european-commission", target: "eu-5g-toolbox" }), "toolbox");
    expect(cites(toolbox, "eurlex-2020-12-11-eesc-opinion-5g-toolbox")).toBe(true);
  });
});

describe("US pressure on Europe in 2019", () => {
  const usActors = actorsOf(graph, "gov-united-states");

  it("records Pompeo's warnings in Budapest (February) and Berlin (May), about Huawei", () => {
    expect(one(edgesWhere(graph, { kind: "threatens", source: "mike-pompeo", target: "gov-hungary" }), "Budapest").start).toBe(
      "2019-02-11",
    );
    const berlin = one(edgesWhere(graph, { kind: "threatens", source: "mike-pompeo", target: "gov-germany" }), "Berlin");
    expect(berlin.start).toBe("2019-05-31");
    expect(berlin.about).toBe("huawei");
  });

  it("records the 5G declarations the United States signed with Romania (August) and Poland (September)", () => {
    for (const [agreement, day] of [
      ["us-romania-5g-memorandum-2019", "2019-08-20"],
      ["us-poland-5g-declaration-2019", "2019-09-02"],
    ] as const) {
      const parties = edgesWhere(graph, { kind: "party_to", target: agreement });
      expect(new Set(parties.map((edge) => edge.source)).has("gov-united-states"), agreement).toBe(true);
      for (const party of parties) expect(party.start, party.id).toBe(day);
    }
  });

  it("records pressure by US officials on the Faroes and Greece in late 2019, and the envoys speak for Washington", () => {
    expect(one(edgesWhere(graph, { kind: "pressures", source: "carla-sands", target: "gov-faroe-islands" }), "Sands").start).toBe(
      "2019-11-16",
    );
    expect(edgesWhere(graph, { kind: "pressures", source: "gov-united-states", target: "gov-greece", about: "huawei" })).toHaveLength(1);
    for (const envoy of ["carla-sands", "george-glass", "mike-pompeo"]) expect(usActors.has(envoy), envoy).toBe(true);
  });

  it("holds US pressure on at least six European governments about Huawei before the end of 2020", () => {
    const targets = new Set(
      edges(graph)
        .filter((edge) => edge.family === "pressure" && usActors.has(edge.source) && edge.about === "huawei" && edge.start < "2021")
        .map((edge) => edge.target),
    );
    for (const target of ["gov-uk", "gov-germany", "gov-hungary", "gov-faroe-islands", "gov-greece", "gov-portugal"])
      expect(targets.has(target), target).toBe(true);
  });
});

describe("the EU's 2023 and 2026 moves", () => {
  it("records the 15 June 2023 communication naming Huawei and ZTE and keeping them out of the Commission's own connectivity", () => {
    expect(
      one(edgesWhere(graph, { kind: "issues", source: "european-commission", target: "eu-5g-communication-2023" }), "issued").start,
    ).toBe("2023-06-15");
    for (const vendor of ["huawei", "zte"]) {
      const ban = one(edgesWhere(graph, { kind: "bans", source: "eu-5g-communication-2023", target: vendor }), vendor);
      expect(ban.confidence).toBe("confirmed");
      expectDatedSources(ban);
    }
    expect(edgesWhere(graph, { kind: "criticizes", source: "gov-china", target: "european-commission" })).toHaveLength(1);
  });

  it("records the 20 January 2026 Cybersecurity Act proposal, Huawei's objection and China's warning", () => {
    const proposal = one(edgesWhere(graph, { kind: "issues", source: "european-commission", target: "eu-csa2-proposal-2026" }), "proposal");
    expect(proposal.start).toBe("2026-01-20");
    expect(proposal.claim).toMatch(/names no company/);
    expect(edgesWhere(graph, { kind: "criticizes", source: "huawei", target: "eu-csa2-proposal-2026" })).toHaveLength(1);
    expect(one(edgesWhere(graph, { kind: "threatens", source: "gov-china", target: "european-commission" }), "China").start).toBe(
      "2026-01-21",
    );
  });
});

describe("Germany", () => {
  it("restricts Huawei and ZTE from 11 July 2024 (core by 2026, management systems by 2029), sourced to a wire copy, not MENAFN", () => {
    for (const vendor of ["huawei", "zte"]) {
      const measure = one(edgesWhere(graph, { kind: "restricts", source: "gov-germany", target: vendor }), vendor);
      expect(measure.start).toBe("2024-07-11");
      expect(measure.confidence).toBe("confirmed");
      expect(measure.claim).toMatch(/2026/);
      expect(measure.claim).toMatch(/2029/);
      expect(measure.evidence.some(({ source }) => source.startsWith("menafn"))).toBe(false);
      expect(edgesWhere(graph, { kind: "bans", source: "gov-germany", target: vendor }).every((edge) => edge.start >= "2026")).toBe(true);
    }
  });

  it("has the government and the three 5G operators party to the July 2024 agreements", () => {
    const parties = new Set(edgesWhere(graph, { kind: "party_to", target: "de-5g-operator-agreements-2024" }).map((edge) => edge.source));
    expect(parties).toEqual(new Set(["gov-germany", "deutsche-telekom", "vodafone-germany", "telefonica-deutschland"]));
  });

  it("records China's reactions: the ambassador's 2019 threat and the 2024 criticism", () => {
    expect(one(edgesWhere(graph, { kind: "threatens", source: "wu-ken", target: "gov-germany" }), "Wu Ken").start).toBe("2019-12-14");
    expect(actorsOf(graph, "gov-china").has("wu-ken")).toBe(true);
    expect(one(edgesWhere(graph, { kind: "criticizes", source: "gov-china", target: "gov-germany" }), "2024").start).toBe("2024-07-11");
  });
});

describe("Sweden's exclusion and Huawei's legal challenges", () => {
  it("no longer says a court upheld the conditions in January 2021: that ruling was a procedural dismissal", () => {
    const exclusion = one(edgesWhere(graph, { kind: "bans", source: "se-pts", target: "huawei" }), "PTS");
    expect(exclusion.claim).toMatch(/inadmissible/);
    expect(exclusion.claim).not.toMatch(/court upheld the conditions in January 2021/);
  });

  it("models the court case with both parties and the June 2022 appeal ruling", () => {
    const parties = new Set(edgesWhere(graph, { kind: "party_to", target: "huawei-v-pts-case" }).map((edge) => edge.source));
    expect(parties).toEqual(new Set(["huawei", "se-pts"]));
    expect(one(edgesWhere(graph, { kind: "bans", source: "huawei-v-pts-case", target: "huawei" }), "ruling").start).toBe("2022-06-22");
  });

  it("records Huawei's ICSID claim against Sweden, registered on 21 January 2022", () => {
    for (const party of ["huawei", "gov-sweden"])
      expect(one(edgesWhere(graph, { kind: "party_to", source: party, target: "huawei-v-sweden-icsid" }), party).start).toBe("2022-01-21");
  });

  it("records China's October 2020 warning to Sweden", () => {
    expect(one(edgesWhere(graph, { kind: "threatens", source: "gov-china", target: "gov-sweden", about: "huawei" }), "warning").start).toBe(
      "2020-10-21",
    );
  });
});

describe("ties that ended", () => {
  it("ends Dowden's and Vestager's roles", () => {
    expect(one(edgesWhere(graph, { kind: "represents", source: "oliver-dowden", target: "gov-uk" }), "Dowden").end).toBe("2021-09-15");
    expect(one(edgesWhere(graph, { kind: "represents", source: "margrethe-vestager" }), "Vestager").end).toBe("2024");
  });
});

describe("European countries, one fact each", () => {
  const cases: [string, Partial<Pick<Edge, "kind" | "source" | "target">>, string][] = [
    ["UK core deadline missed by BT", { kind: "removes_equipment_from", source: "bt", target: "huawei" }, "2023-12"],
    ["France: ANSSI's time-limited authorisations", { kind: "restricts", source: "fr-anssi", target: "huawei" }, "2020-07-05"],
    ["Portugal: the 2023 deliberation", { kind: "issues", source: "pt-cssc", target: "pt-5g-deliberation-2023" }, "2023-05"],
    ["Portugal: Huawei's lawsuit", { kind: "party_to", source: "huawei", target: "huawei-v-pt-cssc" }, "2023-08-31"],
    ["Portugal: the US ambassador's warning", { kind: "threatens", source: "george-glass", target: "gov-portugal" }, "2020-09-26"],
    ["Spain: the wiretap-storage contract", { kind: "contracts_with", source: "es-interior-ministry", target: "huawei" }, "2025-07"],
    [
      "Spain: intelligence sharing questioned",
      { kind: "shares_intelligence_with", source: "gov-united-states", target: "gov-spain" },
      "2025-07",
    ],
    ["Italy: Fastweb core veto", { kind: "bans", source: "gov-italy", target: "huawei" }, "2020-10-22"],
    ["Netherlands: KPN core to Ericsson", { kind: "contracts_with", source: "kpn", target: "ericsson" }, "2020-10-15"],
    ["Belgium: Proximus picks Nokia", { kind: "contracts_with", source: "proximus", target: "nokia" }, "2020-10"],
    ["Denmark: TDC picks Ericsson", { kind: "contracts_with", source: "tdc", target: "ericsson" }, "2019-03-18"],
    [
      "Faroes: China's ambassador links trade to Huawei",
      { kind: "threatens", source: "feng-tie", target: "gov-faroe-islands" },
      "2019-11-11",
    ],
    ["Greenland: Tele Greenland picks Ericsson", { kind: "contracts_with", source: "tele-greenland", target: "ericsson" }, "2019-12-19"],
    ["Poland: Huawei employee arrested", { kind: "detains", source: "gov-poland", target: "wang-weijing" }, "2019-01"],
    ["Poland: the 2025 cybersecurity bill", { kind: "issues", source: "gov-poland", target: "pl-ksc-amendment" }, "2025-10-21"],
    ["Romania: the 2021 5G law", { kind: "issues", source: "gov-romania", target: "ro-5g-law-2021" }, "2021-06"],
    ["Czech Republic: NÚKIB's warning", { kind: "restricts", source: "cz-nukib", target: "huawei" }, "2018-12-17"],
    ["Hungary: the Huawei partnership", { kind: "contracts_with", source: "gov-hungary", target: "huawei" }, "2018-11"],
    ["Greece: Cosmote picks Ericsson", { kind: "contracts_with", source: "cosmote", target: "ericsson" }, "2020-03"],
    ["Serbia: the Washington commitments", { kind: "party_to", source: "gov-serbia" }, "2020-09-04"],
    ["Estonia: the 'Huawei law'", { kind: "issues", source: "gov-estonia", target: "ee-ecs-act-amendment-2021" }, "2021-11"],
    ["Finland: equipment-ban law", { kind: "issues", source: "gov-finland", target: "fi-network-security-law-2020" }, "2020-12"],
    ["Lithuania: intelligence risk assessment", { kind: "reviews", source: "gov-lithuania", target: "huawei" }, "2021-03"],
    ["Switzerland: Swisscom owns Fastweb", { kind: "owns", source: "swisscom", target: "fastweb" }, "2020-10"],
  ];
  for (const [what, match, start] of cases)
    it(what, () => {
      const fact = one(
        edgesWhere(graph, match).filter((edge) => edge.start === start),
        what,
      );
      expectDatedSources(fact);
    });
});

describe("sources in other languages", () => {
  it("says so in the locator", () => {
    const foreign = [
      "publico-2019-12-07-eu-5g-political-criteria",
      "dinheirovivo-2023-09-04-huawei-acao-5g",
      "telepolis-2025-10-21-huawei-arbitraz-ksc",
      "conseiletat-2021-04-08-decision-442120",
      "cyberdroit-2020-12-qpc-loi-anti-huawei",
      "hln-2019-02-09-pompeo-europa-huawei",
    ];
    for (const edge of edges(graph))
      for (const evidence of edge.evidence)
        if (foreign.includes(evidence.source)) expect(evidence.locator ?? "", `${edge.id} cites ${evidence.source}`).toMatch(/^in [A-Z]/);
  });
});

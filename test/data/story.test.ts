/** Pins the story the curated dataset must tell: who pressed Canada over Huawei, which networks depended on it, and how it ended. */
import { describe, expect, it } from "vitest";
import { activeAt, actorsOf, compareDates, edges, edgesWhere, loadCurated, type Edge } from "./helpers.ts";

const { graph } = await loadCurated();
const sources = graph.getAttribute("sources");

function publishedSourcesOf(edge: Edge): string[] {
  return edge.evidence.map(({ source }) => source).filter((id) => sources[id]?.published !== undefined);
}

function one(list: Edge[], what: string): Edge {
  expect(list.length, what).toBeGreaterThan(0);
  return list[0]!;
}

describe("US pressure on Canada over Huawei", () => {
  const usActors = actorsOf(graph, "gov-united-states");

  it("links O'Brien to the US government he spoke for", () => {
    expect(usActors.has("robert-obrien")).toBe(true);
  });

  it("holds a pressure path from the US government to Canada's government in November 2019, about Huawei, with a dated source", () => {
    const november = edges(graph).filter(
      (edge) =>
        edge.family === "pressure" &&
        usActors.has(edge.source) &&
        edge.target === "gov-canada" &&
        edge.about === "huawei" &&
        edge.start.startsWith("2019-11"),
    );
    expect(november.length).toBeGreaterThanOrEqual(2);
    for (const edge of november) expect(publishedSourcesOf(edge).length, edge.id).toBeGreaterThan(0);
  });

  it("records O'Brien's warning that a Huawei choice would affect intelligence sharing", () => {
    const threat = one(
      edgesWhere(graph, { kind: "threatens", source: "robert-obrien", target: "gov-canada", about: "huawei" }),
      "O'Brien threatens Canada",
    );
    expect(threat.start).toBe("2019-11-23");
    expect(threat.claim).toMatch(/intelligence sharing/);
    expect(threat.claim).toMatch(/Five Eyes/);
  });

  it("records Pompeo's February 2019 warning that the US would not share information with Huawei users", () => {
    const warning = one(
      edgesWhere(graph, { kind: "threatens", source: "mike-pompeo", target: "five-eyes", about: "huawei" }).filter((edge) =>
        edge.start.startsWith("2019-02"),
      ),
      "Pompeo's warning",
    );
    expect(warning.claim).toMatch(/share information/);
    expect(usActors.has("mike-pompeo")).toBe(true);
  });

  it("records the Commerce Department's May 2019 entity listing of Huawei", () => {
    const listing = one(
      edgesWhere(graph, { kind: "sanctions", source: "us-commerce", target: "huawei" }).filter((edge) => edge.start.startsWith("2019-05")),
      "entity listing",
    );
    expect(listing.claim).toMatch(/Entity List/);
    expect(usActors.has("us-commerce")).toBe(true);
  });
});

describe("the intelligence relationship that gives the warning its weight", () => {
  it("has Canada and the United States in the Five Eyes well before 2019", () => {
    for (const government of ["gov-canada", "gov-united-states"]) {
      const membership = one(
        edgesWhere(graph, { kind: "member_of", source: government, target: "five-eyes" }),
        `${government} in Five Eyes`,
      );
      expect(compareDates(membership.start, "1950"), membership.id).toBeLessThan(0);
      expect(activeAt(membership, "2019-11")).toBe(true);
    }
  });

  it("has the United States sharing intelligence with Canada in November 2019", () => {
    const sharing = one(
      edgesWhere(graph, { kind: "shares_intelligence_with", source: "gov-united-states", target: "gov-canada" }),
      "US shares with Canada",
    );
    expect(sharing.family).toBe("dependency");
    expect(activeAt(sharing, "2019-11")).toBe(true);
  });
});

describe("Canadian carriers' dependence on Huawei", () => {
  for (const carrier of ["bell", "telus"]) {
    it(`has ${carrier} running Huawei equipment since 2008 and still in November 2019`, () => {
      const use = one(edgesWhere(graph, { kind: "uses_equipment_from", source: carrier, target: "huawei" }), `${carrier} uses Huawei`);
      expect(use.family).toBe("dependency");
      expect(use.start.startsWith("2008")).toBe(true);
      expect(activeAt(use, "2019-11")).toBe(true);
      expect(graph.getNodeAttribute(carrier, "country")).toBe("CA");
    });
  }

  it("records the removal of Huawei gear from Telus with its reported cost", () => {
    const removal = one(edgesWhere(graph, { kind: "removes_equipment_from", source: "telus", target: "huawei" }), "telus removes Huawei");
    expect(removal.claim).toMatch(/million|billion/);
    expect(compareDates(removal.start, "2022-05-19")).toBeGreaterThan(0);
  });

  it("keeps Bell's Huawei dependency open, with the 2027 obligation and its reported cost, since no dated source reports the removal", () => {
    expect(edgesWhere(graph, { kind: "removes_equipment_from", source: "bell", target: "huawei" })).toHaveLength(0);
    const use = one(edgesWhere(graph, { kind: "uses_equipment_from", source: "bell", target: "huawei" }), "bell uses Huawei");
    expect(use.end).toBeNull();
    expect(use.claim).toMatch(/2027/);
    expect(use.claim).toMatch(/million|billion/);
  });

  it("records Bell's 5G choices of Nokia (February 2020) and Ericsson (June 2020)", () => {
    expect(one(edgesWhere(graph, { kind: "contracts_with", source: "bell", target: "nokia" }), "Bell-Nokia").start).toBe("2020-02");
    expect(one(edgesWhere(graph, { kind: "contracts_with", source: "bell", target: "ericsson" }), "Bell-Ericsson").start).toBe(
      "2020-06-02",
    );
  });

  it("records Telus's 5G choices of Ericsson, Nokia and Samsung in June 2020", () => {
    for (const vendor of ["ericsson", "nokia", "samsung"]) {
      const choice = one(edgesWhere(graph, { kind: "contracts_with", source: "telus", target: vendor }), `Telus-${vendor}`);
      expect(choice.start.startsWith("2020-06"), choice.id).toBe(true);
    }
  });

  it("records Rogers building 5G with Ericsson", () => {
    const rogers = edgesWhere(graph, { source: "rogers", target: "ericsson" });
    expect(rogers.map((edge) => edge.kind)).toEqual(expect.arrayContaining(["uses_equipment_from", "contracts_with"]));
  });
});

describe("Canada's review, its delay and the May 2022 decision", () => {
  it("records the review led by Public Safety with CSE and ISED taking part, ending with the decision", () => {
    for (const agency of ["public-safety-canada", "cse", "ised"]) {
      const review = one(edgesWhere(graph, { kind: "reviews", source: agency, target: "huawei" }), `${agency} reviews Huawei`);
      expect(review.end, review.id).toBe("2022-05-19");
    }
    for (const agency of ["ised", "public-safety-canada", "cse"]) expect(actorsOf(graph, "gov-canada").has(agency)).toBe(true);
  });

  it("records the postponement of the decision past the 21 October 2019 election", () => {
    const delays = edges(graph).filter(
      (edge) => edge.kind === "reviews" && edge.target === "huawei" && activeAt(edge, "2019-10-21") && /election/.test(edge.claim),
    );
    expect(delays.length).toBeGreaterThanOrEqual(2);
  });

  it("excludes Huawei and ZTE from 19 May 2022 through ISED's policy statement, with 5G gear out by June 2024 and 4G gear by the end of 2027", () => {
    const issued = one(
      edgesWhere(graph, { kind: "issues", source: "ised", target: "canada-telecom-policy-statement-2022" }),
      "ISED issues the policy statement",
    );
    expect(issued.start).toBe("2022-05-19");
    expect(actorsOf(graph, "gov-canada").has("ised")).toBe(true);
    for (const vendor of ["huawei", "zte"]) {
      expect(
        edgesWhere(graph, { kind: "bans", source: "gov-canada", target: vendor }),
        `no second ban of ${vendor} by the government`,
      ).toHaveLength(0);
      const policy = one(
        edgesWhere(graph, { kind: "bans", source: "canada-telecom-policy-statement-2022", target: vendor }),
        `policy bans ${vendor}`,
      );
      expect(policy.start).toBe("2022-05-19");
      expect(policy.confidence).toBe("confirmed");
      expect(policy.claim).toMatch(/June 2024/);
      expect(policy.claim).toMatch(/2027/);
    }
  });

  it("names the ministers who announced the decision and the prime minister", () => {
    expect(edgesWhere(graph, { kind: "leads", source: "francois-philippe-champagne", target: "ised" })).toHaveLength(1);
    expect(edgesWhere(graph, { kind: "leads", source: "marco-mendicino", target: "public-safety-canada" })).toHaveLength(1);
    expect(edgesWhere(graph, { kind: "leads", source: "justin-trudeau", target: "gov-canada" })).toHaveLength(1);
  });
});

describe("China's side", () => {
  it("records Meng Wanzhou's arrest in Vancouver on 1 December 2018 and her release in September 2021", () => {
    const arrest = one(edgesWhere(graph, { kind: "detains", source: "gov-canada", target: "meng-wanzhou" }), "Meng's arrest");
    expect(arrest.start).toBe("2018-12-01");
    expect(arrest.end).toBe("2021-09-24");
    expect(arrest.claim).toMatch(/Vancouver/);
  });

  it("records the detention of Michael Kovrig and Michael Spavor in December 2018 and their release in September 2021", () => {
    for (const person of ["michael-kovrig", "michael-spavor"]) {
      const detention = one(edgesWhere(graph, { kind: "detains", source: "gov-china", target: person }), `${person} detained`);
      expect(detention.start.startsWith("2018-12")).toBe(true);
      expect(detention.end?.startsWith("2021-09")).toBe(true);
    }
  });

  it("keeps the retaliation reading apart from the facts, as an alleged relation", () => {
    const retaliation = edgesWhere(graph, { kind: "retaliates", source: "gov-china", target: "gov-canada" });
    expect(retaliation.length).toBeGreaterThan(0);
    for (const edge of retaliation) expect(edge.confidence).toBe("alleged");
  });
});

describe("allies and others", () => {
  it("records the December 2019 EU Council conclusions on non-technical factors and supplier diversity", () => {
    const conclusions = one(
      edgesWhere(graph, { kind: "issues", source: "eu-council", target: "eu-council-5g-conclusions-2019" }),
      "Council conclusions",
    );
    expect(conclusions.start.startsWith("2019-12")).toBe(true);
    expect(conclusions.claim).toMatch(/non-technical/);
    expect(conclusions.claim).toMatch(/diversify/);
  });

  it("records the January 2020 EU 5G toolbox and its restriction of high-risk suppliers", () => {
    expect(one(edgesWhere(graph, { kind: "issues", source: "european-commission", target: "eu-5g-toolbox" }), "toolbox").start).toBe(
      "2020-01-29",
    );
    expect(edgesWhere(graph, { kind: "restricts", source: "eu-5g-toolbox", target: "huawei" })).toHaveLength(1);
  });

  it("records the UK's January 2020 limits and July 2020 ban, and BT's and Vodafone's removals", () => {
    expect(one(edgesWhere(graph, { kind: "restricts", source: "gov-uk", target: "huawei" }), "UK limits").end).toBe("2020-07-14");
    expect(one(edgesWhere(graph, { kind: "bans", source: "gov-uk", target: "huawei" }), "UK ban").start).toBe("2020-07-14");
    for (const carrier of ["bt", "vodafone"])
      expect(edgesWhere(graph, { kind: "removes_equipment_from", source: carrier, target: "huawei" }).length, carrier).toBeGreaterThan(0);
  });

  it("records Australia's August 2018 exclusion of Huawei and ZTE", () => {
    for (const vendor of ["huawei", "zte"])
      expect(one(edgesWhere(graph, { kind: "bans", source: "gov-australia", target: vendor }), vendor).start).toBe("2018-08-23");
  });

  it("records New Zealand's GCSB blocking Huawei from Spark's 5G plan", () => {
    expect(one(edgesWhere(graph, { source: "nz-gcsb", target: "huawei" }), "GCSB").start).toBe("2018-11-28");
    expect(edgesWhere(graph, { kind: "uses_equipment_from", source: "spark", target: "huawei" })).toHaveLength(1);
  });

  it("records US pressure on LG Uplus, South Korea's only Huawei user", () => {
    expect(edgesWhere(graph, { kind: "pressures", source: "robert-strayer", target: "lg-uplus", about: "huawei" })).toHaveLength(1);
    expect(edgesWhere(graph, { kind: "uses_equipment_from", source: "lg-uplus", target: "huawei" })).toHaveLength(1);
  });

  it("records Japan, Germany and Sweden", () => {
    expect(edgesWhere(graph, { kind: "bans", source: "gov-japan", target: "huawei" })).toHaveLength(1);
    expect(edgesWhere(graph, { kind: "threatens", source: "richard-grenell", target: "gov-germany", about: "huawei" })).toHaveLength(1);
    expect(edgesWhere(graph, { kind: "bans", source: "se-pts", target: "huawei" })).toHaveLength(1);
  });

  it("records the United States pressing Europe and Korea as well as Canada", () => {
    const usActors = actorsOf(graph, "gov-united-states");
    const targets = new Set(
      edges(graph)
        .filter((edge) => edge.family === "pressure" && usActors.has(edge.source) && edge.about === "huawei")
        .map((edge) => edge.target),
    );
    for (const target of ["gov-canada", "eu", "gov-uk", "gov-germany", "lg-uplus"]) expect(targets.has(target), target).toBe(true);
  });
});

describe("the leverage pattern issue 9 looks for", () => {
  it("finds, for the November 2019 pressure, Canadian dependencies on Huawei and a Canadian dependency on the US active at the same time", () => {
    const usActors = actorsOf(graph, "gov-united-states");
    const pressure = one(
      edges(graph).filter(
        (edge) =>
          edge.family === "pressure" &&
          usActors.has(edge.source) &&
          edge.target === "gov-canada" &&
          edge.about === "huawei" &&
          edge.start.startsWith("2019-11"),
      ),
      "November 2019 pressure",
    );
    const canadian = new Set(graph.filterNodes((_, attributes) => attributes.country === "CA"));
    for (const id of actorsOf(graph, "gov-canada")) canadian.add(id);
    const dependencies = edges(graph).filter(
      (edge) =>
        edge.family === "dependency" && edge.target === pressure.about && canadian.has(edge.source) && activeAt(edge, pressure.start),
    );
    expect(new Set(dependencies.map((edge) => edge.source))).toEqual(new Set(["bell", "telus", "rogers", "iristel"]));
    const leverage = edges(graph).filter(
      (edge) =>
        edge.family === "dependency" &&
        !canadian.has(edge.source) &&
        edge.target === "gov-canada" &&
        usActors.has(edge.source) &&
        activeAt(edge, pressure.start),
    );
    expect(leverage.map((edge) => edge.kind)).toContain("shares_intelligence_with");
  });
});

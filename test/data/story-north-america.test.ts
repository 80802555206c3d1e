/**
 * Pins the North American part of the story: the US pressure on Canada in 2018-2020, Bell's and Telus's dependence on
 * Huawei, the May 2022 exclusion and the bills meant to enforce it (C-26, C-8), and the US measures of 2018-2025.
 */
import { describe, expect, it } from "vitest";
import { activeAt, actorsOf, compareDates, edges, edgesWhere, loadCurated, type Edge } from "./helpers.ts";

const { graph } = await loadCurated();
const sources = graph.getAttribute("sources");

function one(list: Edge[], what: string): Edge {
  expect(list.length, what).toBe(1);
  return list[0]!;
}

function byId(id: string): Edge {
  return one(
    edges(graph).filter((edge) => edge.id === id),
    id,
  );
}

/** The newest `published` date among the sources an edge cites. */
function newestSource(edge: Edge): string {
  const dates = edge.evidence.map(({ source }) => sources[source]?.published).filter((date): date is string => date !== undefined);
  expect(dates.length, `${edge.id} cites a dated source`).toBeGreaterThan(0);
  return dates.sort().at(-1)!;
}

describe("US pressure on Canada, 2018-2020", () => {
  const usActors = actorsOf(graph, "gov-united-states");

  const path: [string, string, string][] = [
    ["warner-rubio-letter-to-trudeau-2018-warner", "mark-warner", "2018-10-11"],
    ["pence-pressures-canada-2019-05", "mike-pence", "2019-05-30"],
    ["us-pressures-canada-five-eyes-meeting-2019-07", "gov-united-states", "2019-07-30"],
    ["obrien-pressures-canada-2019-11", "robert-obrien", "2019-11-23"],
    ["obrien-threatens-canada-intelligence-2019-11", "robert-obrien", "2019-11-23"],
    ["blair-threatens-canada-intelligence-2020-03", "robert-blair", "2020-03-09"],
    ["state-department-threatens-canada-intelligence-2020-06", "us-state-department", "2020-06-04"],
  ];
  for (const [id, actor, date] of path) {
    it(`records ${id} on ${date}, about Huawei, from an actor of the US government`, () => {
      const edge = byId(id);
      expect(edge.source).toBe(actor);
      expect(edge.target).toBe("gov-canada");
      expect(edge.about).toBe("huawei");
      expect(edge.family).toBe("pressure");
      expect(edge.start).toBe(date);
      expect(edge.end).toBe(date);
      expect(compareDates(edge.start, newestSource(edge))).toBeLessThanOrEqual(0);
      if (actor !== "mark-warner") expect(usActors.has(actor), actor).toBe(true);
    });
  }

  it("has Pence and Blair speaking for the US government when they pressed Canada, and Pence's term ending in January 2021", () => {
    const pence = byId("pence-represents-united-states");
    expect(activeAt(pence, "2019-05-30")).toBe(true);
    expect(pence.end).toBe("2021-01-20");
    expect(activeAt(byId("blair-represents-united-states"), "2020-03-09")).toBe(true);
  });

  it("makes Trudeau's government the actor of the 2019 delay past the election", () => {
    const delay = byId("trudeau-reviews-huawei-2019");
    expect(delay.source).toBe("justin-trudeau");
    expect(delay.start).toBe("2019-07-15");
    expect(delay.end).toBe("2022-05-19");
    expect(delay.claim).toMatch(/election/);
    expect(edges(graph).some((edge) => edge.id === "canada-postpones-huawei-decision-2019-07")).toBe(false);
  });

  it("records the Commons motion of November 2020 asking for a decision within 30 days", () => {
    const motion = byId("otoole-pressures-canada-2020-11");
    expect(motion.target).toBe("gov-canada");
    expect(motion.end).toBe("2020-11-18");
  });

  it("records ISED pressing Telus in June 2020 to take Huawei 4G gear out of the capital region", () => {
    const ncr = byId("ised-pressures-telus-ncr-2020-06");
    expect(ncr.source).toBe("ised");
    expect(ncr.target).toBe("telus");
    expect(ncr.about).toBe("huawei");
  });
});

describe("Bell and Telus: dependency and its end", () => {
  for (const carrier of ["bell", "telus"]) {
    it(`keeps ${carrier}'s Huawei dependency from 2008 open, since no dated source reports it finished`, () => {
      const use = one(edgesWhere(graph, { kind: "uses_equipment_from", source: carrier, target: "huawei" }), `${carrier} uses Huawei`);
      expect(use.start.startsWith("2008")).toBe(true);
      expect(use.end).toBeNull();
      expect(activeAt(use, "2024-06-28")).toBe(true);
    });

    it(`records ${carrier} asking Ottawa for compensation in November 2021`, () => {
      const ask = one(
        edgesWhere(graph, { kind: "lobbies", source: carrier, target: "gov-canada" }).filter((edge) => edge.start === "2021-11"),
        `${carrier} compensation`,
      );
      expect(ask.about).toBe("huawei");
    });
  }

  it("records Telus removing Huawei gear from 2023 and dropping Huawei from its 5G contract in November 2020", () => {
    expect(byId("telus-removes-huawei-2023").start).toBe("2023-05");
    expect(byId("telus-contracts-huawei-5g-2020").end).toBe("2020-11-23");
  });

  it("records Telus's 2019 warning to the government as lobbying about Huawei, not as a removal", () => {
    const warning = byId("telus-lobbies-canada-2019");
    expect(warning.kind).toBe("lobbies");
    expect(warning.about).toBe("huawei");
  });
});

describe("the May 2022 exclusion and the bills meant to enforce it", () => {
  it("records the exclusion once, through the policy statement ISED issued on 19 May 2022", () => {
    for (const vendor of ["huawei", "zte"]) {
      const ban = one(
        edgesWhere(graph, { kind: "bans", target: vendor }).filter((edge) => edge.start === "2022-05-19"),
        `${vendor} ban`,
      );
      expect(ban.source).toBe("canada-telecom-policy-statement-2022");
      expect(ban.claim).toMatch(/28 June 2024/);
      expect(ban.claim).toMatch(/31 December 2027/);
    }
    expect(byId("policy-statement-bans-huawei-2022").claim).toMatch(/no compensation/);
    expect(byId("ised-issues-policy-statement-2022").start).toBe("2022-05-19");
  });

  it("records Bill C-26 from its tabling by Mendicino in June 2022 to its death on prorogation in January 2025", () => {
    const c26 = byId("mendicino-issues-bill-c-26-2022");
    expect(c26.target).toBe("bill-c-26");
    expect(c26.start).toBe("2022-06");
    expect(c26.end).toBe("2025-01-06");
  });

  it("records Bill C-8 from its first reading on 18 June 2025, still before Parliament in April 2026", () => {
    const c8 = byId("anandasangaree-issues-bill-c-8-2025");
    expect(c8.target).toBe("bill-c-8");
    expect(c8.start).toBe("2025-06-18");
    expect(c8.end).toBeNull();
    expect(activeAt(c8, "2026-04-21")).toBe(true);
    expect(activeAt(byId("anandasangaree-leads-public-safety"), "2025-06-18")).toBe(true);
  });

  it("ends Trudeau's and Champagne's posts in March 2025 and starts Carney's", () => {
    expect(byId("trudeau-leads-canada").end).toBe("2025-03-14");
    expect(byId("champagne-leads-ised").end).toBe("2025-03-14");
    expect(byId("carney-leads-canada").start).toBe("2025-03-14");
  });

  it("has a public safety minister for every month from the 2022 decision to C-8", () => {
    const ministers = edgesWhere(graph, { kind: "leads", target: "public-safety-canada" });
    for (const month of ["2022-05", "2023-07", "2024-06", "2024-12", "2025-01", "2025-05", "2025-06"])
      expect(
        ministers.some((edge) => activeAt(edge, month)),
        month,
      ).toBe(true);
  });
});

describe("US measures against Huawei and ZTE, 2018-2025", () => {
  const measures: [string, string, string, string][] = [
    ["commerce-sanctions-zte-2018-04", "sanctions", "zte", "2018-04-15"],
    ["us-bans-huawei-federal-procurement-2018-08", "bans", "huawei", "2018-08-13"],
    ["commerce-sanctions-huawei-2019-05", "sanctions", "huawei", "2019-05-16"],
    ["commerce-sanctions-huawei-2020-05", "sanctions", "huawei", "2020-05-15"],
    ["fcc-sanctions-huawei-2020-06", "sanctions", "huawei", "2020-06-30"],
    ["fcc-sanctions-zte-2020-06", "sanctions", "zte", "2020-06-30"],
    ["fcc-bans-huawei-2022-11", "bans", "huawei", "2022-11-25"],
    ["fcc-bans-zte-2022-11", "bans", "zte", "2022-11-25"],
    ["commerce-sanctions-huawei-2025-05", "sanctions", "huawei", "2025-05-13"],
    ["fcc-bans-huawei-2025-10", "bans", "huawei", "2025-10-28"],
  ];
  for (const [id, kind, target, start] of measures) {
    it(`records ${id} (${start})`, () => {
      const edge = byId(id);
      expect(edge.kind).toBe(kind);
      expect(edge.target).toBe(target);
      expect(edge.start).toBe(start);
      expect(compareDates(edge.start, newestSource(edge))).toBeLessThanOrEqual(0);
    });
  }

  it("counts the May 2019 Entity List listing once", () => {
    const listings = edgesWhere(graph, { kind: "sanctions", source: "us-commerce", target: "huawei" }).filter((edge) =>
      edge.start.startsWith("2019-05"),
    );
    expect(listings).toHaveLength(1);
  });

  it("ends ZTE's 2018 denial order with the July 2018 settlement and the initial FCC designations with the final ones", () => {
    expect(byId("commerce-sanctions-zte-2018-04").end).toBe("2018-07-13");
    expect(byId("fcc-sanctions-huawei-2019-11").end).toBe("2020-06-30");
    expect(byId("fcc-sanctions-zte-2019-11").end).toBe("2020-06-30");
  });

  it("records the laws and programmes: Secure and Trusted Communications Networks Act, Clean Network, Secure Equipment Act", () => {
    expect(byId("us-issues-secure-networks-act").start).toBe("2020-03-12");
    expect(byId("state-department-issues-clean-network-2020").start).toBe("2020-08-05");
    expect(byId("us-issues-secure-equipment-act-2021").start).toBe("2021-11-11");
  });

  it("records the rip-and-replace money of December 2020 and December 2024", () => {
    const funding = edgesWhere(graph, { kind: "funds", source: "gov-united-states", target: "us-fcc" }).map((edge) => edge.start);
    expect(funding).toEqual(expect.arrayContaining(["2020-12", "2024-12-23"]));
    expect(byId("us-funds-fcc-reimbursement-2024-12").claim).toMatch(/3\.08/);
  });

  it("records rural US carriers running Huawei gear and their replacement contracts", () => {
    for (const carrier of ["viaero", "union-wireless", "pine-cellular"])
      expect(edgesWhere(graph, { kind: "uses_equipment_from", source: carrier, target: "huawei" }), carrier).toHaveLength(1);
    expect(byId("viaero-contracts-ericsson-2021-09").target).toBe("ericsson");
    expect(byId("union-wireless-contracts-nokia-2021").target).toBe("nokia");
    expect(byId("pine-cellular-contracts-ericsson-2022-09").start).toBe("2022-09-28");
  });

  it("dates the FCC chairs and the heads of State and Commerce who acted in the story", () => {
    expect(byId("pai-leads-fcc").end).toBe("2021-01-20");
    const rosenworcel = byId("rosenworcel-leads-fcc");
    expect([rosenworcel.start, rosenworcel.end]).toEqual(["2021-01-21", "2025-01-20"]);
    expect(byId("carr-leads-fcc").start).toBe("2025-01-20");
    expect(byId("pompeo-leads-state-department").end).toBe("2021-01");
    expect(byId("rubio-leads-state-department").start).toBe("2025-01-21");
    expect(byId("lutnick-leads-commerce").start).toBe("2025-02-21");
    expect(byId("trump-leads-united-states-2017").end).toBe("2021-01-20");
    expect(byId("biden-leads-united-states").end).toBe("2025-01-20");
    expect(byId("trump-leads-united-states-2025").end).toBeNull();
  });
});

describe("after the decision: allies' coordination", () => {
  it("has Canada (ISED) and the United States in the Global Coalition on Telecommunications from 5 October 2023", () => {
    for (const member of ["ised", "gov-united-states"])
      expect(one(edgesWhere(graph, { kind: "member_of", source: member, target: "gcot" }), member).start).toBe("2023-10-05");
  });
});

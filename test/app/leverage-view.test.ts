import { beforeAll, describe, expect, it } from "vitest";
import { exposure } from "../../src/analysis/exposure.ts";
import { LeverageContext, leverageChains } from "../../src/analysis/leverage.ts";
import {
  DEFAULT_GOVERNMENT,
  chainIdParts,
  chainRow,
  defaultGovernment,
  distanceText,
  EXPOSURE_NAMES_LISTED,
  exposureText,
  leverageView,
  partyGroups,
  pressedParties,
  shownGovernment,
  type EntityRef,
  type ExposureLine,
} from "../../src/app/model/leverage-view.ts";
import { buildGraph } from "../../src/graph/build.ts";
import type { AtlasGraph } from "../../src/graph/types.ts";
import { loadDataset } from "../../src/load/read.ts";
import { entity, relation, world } from "../analysis/world.ts";

/**
 * A small world: the United States presses Canada about a vendor two Canadian carriers depend on
 * (one uses its gear, the vendor supplies the other), while sharing intelligence with Canada and
 * sitting with it in a bloc; China presses a bloc and a company, which count as pressed parties too.
 */
function sampleWorld(options: { withCanada?: boolean } = {}): AtlasGraph {
  const canada = options.withCanada === false ? "gov-other" : DEFAULT_GOVERNMENT;
  return world(
    [
      entity("gov-us", "government", "US"),
      entity(canada, "government", "CA"),
      entity("gov-cn", "government", "CN"),
      entity("gov-quiet", "government", "NZ"),
      entity("vendor", "vendor", "CN"),
      entity("zeta-tel", "carrier", "CA"),
      entity("alpha-tel", "carrier", "CA"),
      entity("lab", "organization", "CA"),
      entity("bloc", "bloc"),
      entity("company", "carrier", "KR"),
    ],
    [
      relation("us-presses", "pressures", "gov-us", canada, "2019-11-23", "2019-11-23", "vendor"),
      relation("zeta-uses", "uses_equipment_from", "zeta-tel", "vendor", "2008-10"),
      relation("vendor-supplies-alpha", "supplies", "vendor", "alpha-tel", "2010", "2020"),
      relation("lab-contracts", "contracts_with", "lab", "vendor", "2015"),
      relation("us-shares", "shares_intelligence_with", "gov-us", canada, "1949"),
      relation("us-in-bloc", "member_of", "gov-us", "bloc", "1946"),
      relation("ca-in-bloc", "member_of", canada, "bloc", "1949"),
      relation("cn-presses-bloc", "pressures", "gov-cn", "bloc", "2020", "2020", "vendor"),
      relation("us-presses-company", "pressures", "gov-us", "company", "2020", "2020", "vendor"),
      relation("quiet-in-bloc", "member_of", "gov-quiet", "bloc", "2000"),
    ],
  );
}

/** A world where nobody is pressed about anything. */
function calmWorld(): AtlasGraph {
  return world(
    [entity("gov-us", "government", "US"), entity("bloc", "bloc")],
    [relation("us-in-bloc", "member_of", "gov-us", "bloc", "1946")],
  );
}

describe("the Leverage panel's choices", () => {
  it("opens on Canada when the dataset has it", () => {
    const graph = sampleWorld();
    expect(defaultGovernment(graph, exposure(graph))).toBe(DEFAULT_GOVERNMENT);
  });

  it("otherwise opens on the government ranked most exposed, then on the top pressed party, then on nothing", () => {
    const graph = sampleWorld({ withCanada: false });
    expect(defaultGovernment(graph, exposure(graph))).toBe("gov-other");
    const companiesOnly = world(
      [entity("gov-us", "government", "US"), entity("company", "carrier", "KR"), entity("vendor", "vendor", "CN")],
      [relation("us-presses-company", "pressures", "gov-us", "company", "2020", "2020", "vendor")],
    );
    expect(defaultGovernment(companiesOnly, exposure(companiesOnly))).toBe("company");
    const calm = calmWorld();
    expect(defaultGovernment(calm, exposure(calm))).toBeNull();
  });

  it("lists every party pressed about something, governments first, each by name and once", () => {
    const graph = sampleWorld();
    expect(pressedParties(graph, exposure(graph)).map((party) => party.id)).toEqual([DEFAULT_GOVERNMENT, "bloc", "company"]);
  });

  it("shows the chosen government, else the one pressed in the chosen chain, else the default; never an unknown id", () => {
    const graph = sampleWorld();
    expect(shownGovernment(graph, { leverage: "gov-us", chain: null }, DEFAULT_GOVERNMENT)).toBe("gov-us");
    expect(shownGovernment(graph, { leverage: null, chain: "cn-presses-bloc:gov-cn:bloc" }, DEFAULT_GOVERNMENT)).toBe("bloc");
    expect(shownGovernment(graph, { leverage: "gov-gone", chain: null }, DEFAULT_GOVERNMENT)).toBe(DEFAULT_GOVERNMENT);
    expect(shownGovernment(graph, { leverage: null, chain: null }, "gov-gone")).toBeNull();
  });

  it("reads chain ids as pressure, presser and pressed", () => {
    expect(chainIdParts("p:a:b")).toEqual({ pressure: "p", presser: "a", pressed: "b" });
    expect(chainIdParts("p:a")).toBeNull();
    expect(chainIdParts("p:a:b:c")).toBeNull();
    expect(chainIdParts("p::b")).toBeNull();
  });
});

describe("the Leverage panel's view", () => {
  it("words a chain: presser -> pressed about vendor, dependents carriers first with kinds and dates, ties, numbered steps and sources", () => {
    const graph = sampleWorld();
    const view = leverageView(graph, new LeverageContext(graph), { government: DEFAULT_GOVERNMENT, at: "2019-11", chain: null });
    expect(view.empty).toBeNull();
    expect(view.chains).toHaveLength(1);
    const [chain] = view.chains;
    if (!chain) throw new Error("no chain");
    expect(chain.id).toBe(`us-presses:gov-us:${DEFAULT_GOVERNMENT}`);
    expect([chain.presser.id, chain.pressed.id, chain.vendor.id]).toEqual(["gov-us", DEFAULT_GOVERNMENT, "vendor"]);
    expect(chain.pressure).toMatchObject({ kind: "pressures", actor: { id: "gov-us" }, period: "23 Nov 2019" });
    expect(chain.dependents).toEqual([
      {
        entity: { id: "alpha-tel", label: "Name of alpha-tel", kind: "carrier" },
        dependencies: [{ relation: "vendor-supplies-alpha", text: "Name of vendor supplies it", period: "2010 – 2020" }],
      },
      {
        entity: { id: "zeta-tel", label: "Name of zeta-tel", kind: "carrier" },
        dependencies: [{ relation: "zeta-uses", text: "uses equipment from Name of vendor", period: "Oct 2008 – ongoing" }],
      },
      {
        entity: { id: "lab", label: "Name of lab", kind: "organization" },
        dependencies: [{ relation: "lab-contracts", text: "contracts with Name of vendor", period: "2015 – ongoing" }],
      },
    ]);
    expect(chain.ties).toEqual([
      { type: "dependency", text: `Name of gov-us shares intelligence with Name of ${DEFAULT_GOVERNMENT}`, period: "1949 – ongoing" },
      { type: "bloc", text: "Both are in Name of bloc" },
    ]);
    expect(chain.steps.map((step) => [step.number, step.role, step.relation, step.sources])).toEqual([
      [1, "pressure", "us-presses", [1]],
      [2, "dependency", "vendor-supplies-alpha", [2]],
      [3, "dependency", "zeta-uses", [3]],
      [4, "dependency", "lab-contracts", [4]],
      [5, "tie", "us-shares", [5]],
      [6, "bloc", "ca-in-bloc", [6]],
      [7, "bloc", "us-in-bloc", [7]],
    ]);
    expect(chain.steps[0]).toMatchObject({ claim: "Claim of us-presses.", confidence: "reported", locators: { 1: "paragraph 1" } });
    expect(chain.sources[0]).toEqual({
      number: 1,
      title: "Report src-us-presses",
      publisher: "Example News",
      published: "2019-11-23",
      url: "https://example.org/src-us-presses",
    });
    expect(new Set(chain.highlight.nodes)).toEqual(
      new Set(["gov-us", DEFAULT_GOVERNMENT, "vendor", "alpha-tel", "zeta-tel", "lab", "bloc"]),
    );
    expect(chain.highlight.edges).toEqual(chain.steps.map((step) => step.relation));
  });

  it("gives the exposure of the government shown at the month", () => {
    const graph = sampleWorld();
    const view = leverageView(graph, new LeverageContext(graph), { government: DEFAULT_GOVERNMENT, at: "2019-11", chain: null });
    expect(view.exposure).toHaveLength(1);
    expect(view.exposure[0]).toMatchObject({ vendor: { id: "vendor" }, score: 5, pressures: 1 });
    expect(view.exposure[0]?.carriers.map((carrier) => carrier.id)).toEqual(["alpha-tel", "zeta-tel"]);
    expect(view.exposure[0]?.others.map((other) => other.id)).toEqual(["lab"]);
    expect(view.exposure[0] && exposureText(view.exposure[0])).toBe(
      "2 dependent carriers (Name of alpha-tel, Name of zeta-tel), 1 other dependent (Name of lab); 1 pressure by Name of gov-us",
    );
  });

  it("lists at most EXPOSURE_NAMES_LISTED names per group in an exposure line and counts the rest", () => {
    const refs = (count: number, kind: EntityRef["kind"]): EntityRef[] =>
      Array.from({ length: count }, (_, index) => ({ id: `${kind}-${index}`, label: `${kind} ${index}`, kind }));
    const line: ExposureLine = {
      vendor: { id: "vendor", label: "Vendor", kind: "vendor" },
      score: 0,
      carriers: refs(EXPOSURE_NAMES_LISTED + 3, "carrier"),
      others: refs(EXPOSURE_NAMES_LISTED, "agency"),
      pressers: refs(2, "government"),
      pressures: 4,
      judgedIn: "the dates of its 4 pressures",
      atOtherDates: [],
    };
    const listed = (kind: string, count: number): string => Array.from({ length: count }, (_, index) => `${kind} ${index}`).join(", ");
    expect(exposureText(line)).toBe(
      `${EXPOSURE_NAMES_LISTED + 3} dependent carriers (${listed("carrier", EXPOSURE_NAMES_LISTED)} and 3 more), ` +
        `${EXPOSURE_NAMES_LISTED} other dependents (${listed("agency", EXPOSURE_NAMES_LISTED)}); 4 pressures by government 0, government 1`,
    );
  });

  it("says plainly when a government has no chain at a month, and keeps a chosen chain out of view there", () => {
    const graph = sampleWorld();
    const context = new LeverageContext(graph);
    const chosen = `us-presses:gov-us:${DEFAULT_GOVERNMENT}`;
    const view = leverageView(graph, context, { government: DEFAULT_GOVERNMENT, at: "2017-01", chain: chosen });
    expect(view.chains).toEqual([]);
    expect(view.chosen).toBeNull();
    expect(view.empty).toBe(`No leverage chains for Name of ${DEFAULT_GOVERNMENT} in January 2017.`);
    expect(leverageView(graph, context, { government: "gov-quiet", at: null, chain: null }).empty).toBe(
      "No leverage chains for Name of gov-quiet at any date.",
    );
    expect(leverageView(graph, context, { government: DEFAULT_GOVERNMENT, at: null, chain: chosen }).chosen?.id).toBe(chosen);
  });

  it("says so when the dataset has nothing to choose", () => {
    const calm = calmWorld();
    const view = leverageView(calm, new LeverageContext(calm), { government: null, at: null, chain: null });
    expect(view.government).toBeNull();
    expect(view.empty).toMatch(/no leverage/);
  });

  it("names the vendor's side as a tie when the vendor stands under the presser", () => {
    const graph = world(
      [
        entity("gov-cn", "government", "CN"),
        entity("gov-ca", "government", "CA"),
        entity("vendor", "vendor", "CN"),
        entity("tel", "carrier", "CA"),
      ],
      [
        relation("cn-criticizes", "criticizes", "gov-cn", "gov-ca", "2019-11", "2019-11", "vendor"),
        relation("tel-uses", "uses_equipment_from", "tel", "vendor", "2010"),
      ],
    );
    const [chain] = leverageView(graph, new LeverageContext(graph), { government: "gov-ca", at: null, chain: null }).chains;
    expect(chain?.ties).toEqual([{ type: "vendor", text: "The dependencies on Name of vendor: it stands under Name of gov-cn" }]);
  });

  it("keeps links only for http(s) sources", () => {
    const graph = sampleWorld();
    // The loader refuses such a URL; a graph built another way must still not turn it into a link.
    graph.getAttribute("sources")["src-us-presses"]!.url = "javascript:alert(1)";
    const [chain] = leverageChains(graph, { at: "2019-11", target: DEFAULT_GOVERNMENT });
    if (!chain) throw new Error("no chain");
    const row = chainRow(graph, chain);
    expect(row.sources[0]).not.toHaveProperty("url");
    expect(row.sources[1]?.url).toBe("https://example.org/src-vendor-supplies-alpha");
  });
});

describe("the Leverage panel on the embedded dataset", () => {
  let graph: AtlasGraph;
  beforeAll(async () => {
    const result = await loadDataset("data");
    if (!result.ok) throw new Error("the embedded dataset does not load");
    graph = buildGraph(result.dataset);
  });

  it("shows the United States pressing Canada about Huawei in November 2019, with Bell, Telus and the intelligence tie", () => {
    const context = new LeverageContext(graph);
    const government = defaultGovernment(graph, exposure(graph, {}, context));
    expect(government).toBe("gov-canada");
    const view = leverageView(graph, context, { government, at: "2019-11", chain: null });
    const chain = view.chains.find((row) => row.presser.id === "gov-united-states" && row.vendor.id === "huawei");
    expect(chain).toBeDefined();
    expect(chain?.dependents.map((dependent) => dependent.entity.id)).toEqual(expect.arrayContaining(["bell", "telus"]));
    expect(chain?.ties.map((tie) => tie.text)).toContain("Government of the United States shares intelligence with Government of Canada");
    for (const step of chain?.steps ?? []) expect(step.sources.length).toBeGreaterThan(0);
    expect(leverageView(graph, context, { government, at: "2017-06", chain: null }).chains).toEqual([]);
  });
});

/**
 * Issue #19, defect 3: for the United Kingdom over all dates the panel said "nothing depends on
 * it" though BT and Vodafone use Huawei in the data (a one-day pressure in May 2019, dependencies
 * dated from 2020); the list of governments offered a carrier; a person stood where a vendor belongs.
 */
describe("the Leverage panel says nothing depends only when nothing does", () => {
  let graph: AtlasGraph;
  let context: LeverageContext;
  beforeAll(async () => {
    const result = await loadDataset("test/fixtures/datasets/huawei-2024");
    if (!result.ok) throw new Error("the frozen dataset does not load");
    graph = buildGraph(result.dataset);
    context = new LeverageContext(graph);
  });

  it("for the United Kingdom over all dates, names BT and Vodafone as depending on Huawei at other dates, nearest first", () => {
    const view = leverageView(graph, context, { government: "gov-uk", at: null, chain: null });
    expect(view.chains).toEqual([]);
    const huawei = view.exposure.find((line) => line.vendor.id === "huawei");
    if (!huawei) throw new Error("no exposure line for Huawei");
    expect(huawei.score).toBe(0);
    expect(huawei.judgedIn).toBe("the pressure's dates (8 May 2019)");
    expect(huawei.atOtherDates.map((line) => [line.entity.id, line.relation, line.period, line.distance])).toEqual([
      ["bt", "bt-uses-huawei", "Jan 2020 – ongoing", "8 months after"],
      ["vodafone", "vodafone-uses-huawei", "Feb 2020 – ongoing", "9 months after"],
    ]);
    const text = exposureText(huawei);
    expect(text).toMatch(/^nothing under it depends on it in the pressure's dates \(8 May 2019\); at other dates: BT Group uses equipment/);
    expect(text).toContain("Vodafone Group uses equipment from Huawei Technologies (Feb 2020 – ongoing, 9 months after)");
    expect(view.empty).toBe(
      "No leverage chains for Government of the United Kingdom at any date: what depends on Huawei Technologies under it is dated " +
        "outside the pressure's dates (8 May 2019). The nearest in time are listed under Exposure.",
    );
  });

  it("in the month of the pressure too, says the dependencies lie outside that month", () => {
    const view = leverageView(graph, context, { government: "gov-uk", at: "2019-05", chain: null });
    const huawei = view.exposure.find((line) => line.vendor.id === "huawei");
    expect(huawei?.judgedIn).toBe("May 2019");
    expect(huawei?.atOtherDates[0]?.entity.id).toBe("bt");
    expect(view.empty).toMatch(/^No leverage chains for Government of the United Kingdom in May 2019: what depends on Huawei Technologies/);
  });

  it("offers a carrier pressed directly as a carrier, never among the governments", () => {
    const groups = partyGroups(pressedParties(graph, exposure(graph, {}, context)));
    expect(groups.map((group) => group.label)).toEqual(["Governments", "Carriers", "Blocs"]);
    expect(groups[0]?.parties.every((party) => party.kind === "government")).toBe(true);
    expect(groups.find((group) => group.label === "Carriers")?.parties.map((party) => party.id)).toEqual(["lg-uplus"]);
  });

  it("lists Meng Wanzhou, a person China pressed Canada about, apart from exposure to vendors", () => {
    const view = leverageView(graph, context, { government: "gov-canada", at: null, chain: null });
    expect(view.exposure.map((line) => line.vendor.id)).toEqual(["huawei"]);
    expect(view.otherSubjects).toEqual([
      {
        subject: { id: "meng-wanzhou", label: "Meng Wanzhou", kind: "person" },
        pressers: [{ id: "gov-china", label: "Government of the People's Republic of China", kind: "government" }],
        pressures: 2,
      },
    ]);
  });
});

describe("exposure wording", () => {
  it("still says nothing under the party depends on the vendor when nothing does at any date", () => {
    const graph = world(
      [entity("gov-us", "government", "US"), entity("gov-uk", "government", "GB"), entity("vendor", "vendor", "CN")],
      [
        relation("us-threatens", "threatens", "gov-us", "gov-uk", "2019-05-08", "2019-05-08", "vendor"),
        relation("us-uses", "uses_equipment_from", "gov-us", "vendor", "2010"),
      ],
    );
    const [line] = leverageView(graph, new LeverageContext(graph), { government: "gov-uk", at: null, chain: null }).exposure;
    expect(line?.atOtherDates).toEqual([]);
    expect(line && exposureText(line)).toBe("nothing under it depends on it; 1 pressure by Name of gov-us");
  });

  it("gives distances in days, months or years, before or after", () => {
    expect(distanceText(12)).toBe("12 days after");
    expect(distanceText(-233)).toBe("8 months before");
    expect(distanceText(1229)).toBe("3 years after");
    expect(distanceText(0)).toBe("at the same dates");
  });
});

/**
 * Curation rules of the dataset in data/ (issue #14 §4), checked on every relation. Each failure lists the
 * offending relation ids with the file and line where each is written, so a curator can go straight to them.
 *
 * (a) no two relations with the same kind and ends (source, target, about) and overlapping dates, unless they are
 *     distinct acts listed in DISTINCT_ACTS below with the reason;
 * (b) no person leads or represents two governments at once;
 * (c) every relation's endpoint kinds are allowed by the ontology;
 * (d) a relation whose start is more than a year before its first cited source's publication date says why in a
 *     locator: one of its locators mentions the start (e.g. "start from this account: ...", "hence the start");
 * (e) the dataset's declared period covers every relation's start.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { firstDay, lastDay } from "../../src/model/dates.ts";
import { allowsEndpoint } from "../../src/model/ontology.ts";
import type { Relation } from "../../src/model/schema.ts";
import { listDatasetFiles } from "../../src/load/read.ts";
import { compareDates, loadCurated } from "./helpers.ts";

const { dataset } = await loadCurated();
const entities = new Map(dataset.entities.map((entity) => [entity.id, entity]));
const sources = new Map(dataset.sources.map((source) => [source.id, source]));

/** Where each record id is written: "data/file.json:line" (records start their line with their id). */
const where = new Map<string, string>();
for (const file of await listDatasetFiles("data")) {
  const lines = (await readFile(file, "utf8")).split("\n");
  lines.forEach((line, index) => {
    const match = /^\s*(?:\{\s*)?"id": "([^"]+)"/.exec(line);
    if (match && !where.has(match[1]!)) where.set(match[1]!, `${file}:${index + 1}`);
  });
}
const at = (id: string) => `${id} (${where.get(id) ?? "location unknown"})`;

/**
 * Relations that share kind and ends and overlap in time but record distinct acts (different documents, dates or
 * measures). A pair passes rule (a) only when both ids sit in the same group here.
 */
const DISTINCT_ACTS: { ids: string[]; why: string }[] = [
  {
    ids: ["telus-contracts-huawei-2008", "telus-contracts-huawei-5g-2020"],
    why: "the 2008 HSPA network contract and the 2020 plan to launch 5G on Huawei gear are separate contracts",
  },
  {
    ids: ["china-retaliates-detentions-2018-12", "china-retaliates-canola-2019-03"],
    why: "the detention of the two Michaels and the canola block are separate measures",
  },
  {
    ids: ["italy-restricts-huawei-2019-09", "italy-restricts-huawei-2022-09"],
    why: "the September 2019 golden-power conditions on Wind Tre's agreements and the September 2022 prescriptions on TIM's and Vodafone's 5G plans are separate decrees",
  },
  {
    ids: ["doj-charges-huawei-2019-01", "doj-charges-huawei-2020-02"],
    why: "the January 2019 indictments and the February 2020 superseding indictment are separate charging documents",
  },
  {
    ids: [
      "commerce-sanctions-huawei-2019-05",
      "commerce-sanctions-huawei-affiliates-2019-08",
      "commerce-sanctions-huawei-2020-05",
      "commerce-sanctions-huawei-affiliates-2020-08",
      "commerce-sanctions-huawei-2023-01",
      "commerce-sanctions-huawei-2024-05",
      "commerce-sanctions-huawei-2025-05",
    ],
    why: "the Entity List listing, two affiliate listings, the foreign direct product rule, the 2023 licence halt, the 2024 revocations and the 2025 Ascend guidance are separate Commerce measures that all stay in force",
  },
  {
    ids: ["fcc-sanctions-huawei-2020-06", "fcc-sanctions-huawei-2021-03"],
    why: "the final USF designation of June 2020 and the first Covered List of March 2021 rest on different rules",
  },
  {
    ids: ["fcc-sanctions-zte-2020-06", "fcc-sanctions-zte-2021-03"],
    why: "the final USF designation of June 2020 and the first Covered List of March 2021 rest on different rules",
  },
  {
    ids: ["fcc-bans-huawei-2022-11", "fcc-bans-huawei-2025-10"],
    why: "the November 2022 equipment-authorization ban and the October 2025 order on covered modules and earlier authorizations are separate orders",
  },
  {
    ids: ["fcc-bans-zte-2022-11", "fcc-bans-zte-2025-10"],
    why: "the November 2022 equipment-authorization ban and the October 2025 order on covered modules and earlier authorizations are separate orders",
  },
  {
    ids: ["us-funds-fcc-reimbursement-2020-12", "us-funds-fcc-reimbursement-2024-12"],
    why: "the December 2020 appropriation and the December 2024 borrowing authority are separate laws",
  },
];

const END_OF_TIME = "9999";

/** Whether two relations' date ranges share a day; a tie that ends on the day the next one starts (a handover) does not count. */
function overlaps(a: Relation, b: Relation): boolean {
  if ((a.end ?? null) === b.start || (b.end ?? null) === a.start) return false;
  return compareDates(a.start, b.end ?? END_OF_TIME) <= 0 && compareDates(b.start, a.end ?? END_OF_TIME) <= 0;
}

function declaredDistinct(a: string, b: string): boolean {
  return DISTINCT_ACTS.some((group) => group.ids.includes(a) && group.ids.includes(b));
}

/** The government a body belongs to: itself if it is one, else through `part_of` ties (an agency of a government). */
function governmentsOf(id: string, seen = new Set<string>()): Set<string> {
  const entity = entities.get(id);
  if (!entity || seen.has(id)) return new Set();
  if (entity.kind === "government") return new Set([id]);
  seen.add(id);
  const found = new Set<string>();
  for (const relation of dataset.relations)
    if (relation.kind === "part_of" && relation.source === id) for (const government of governmentsOf(relation.target, seen)) found.add(government);
  return found;
}

/** The last day of the start plus one year, as YYYY-MM-DD. */
function oneYearAfter(start: string): string {
  const day = lastDay(start);
  return `${String(Number(day.slice(0, 4)) + 1).padStart(4, "0")}${day.slice(4)}`;
}

const START_EXPLAINED = /\bstart\b/i;

function fail(rule: string, offences: string[]): string {
  return `${rule}: ${offences.length} offence(s)\n  - ${offences.join("\n  - ")}`;
}

describe("curation rules of data/ (issue #14 §4)", () => {
  it("(a) records each act once: no two relations with the same kind and ends overlap in time unless declared distinct acts", () => {
    const groups = new Map<string, Relation[]>();
    for (const relation of dataset.relations) {
      const key = [relation.kind, relation.source, relation.target, relation.about ?? ""].join("|");
      groups.set(key, [...(groups.get(key) ?? []), relation]);
    }
    const offences: string[] = [];
    for (const group of groups.values())
      for (let i = 0; i < group.length; i++)
        for (let j = i + 1; j < group.length; j++) {
          const [a, b] = [group[i]!, group[j]!];
          if (overlaps(a, b) && !declaredDistinct(a.id, b.id))
            offences.push(
              `${at(a.id)} [${a.start}..${a.end ?? ""}] and ${at(b.id)} [${b.start}..${b.end ?? ""}] (${a.kind} ${a.source} -> ${a.target}): merge them, or list them in DISTINCT_ACTS with the reason`,
            );
        }
    expect(offences, fail("same kind and ends, overlapping dates", offences)).toEqual([]);
  });

  it("(a) lists in DISTINCT_ACTS only relations that exist and really share kind and ends", () => {
    const byId = new Map(dataset.relations.map((relation) => [relation.id, relation]));
    const offences: string[] = [];
    for (const group of DISTINCT_ACTS) {
      const members = group.ids.map((id) => byId.get(id));
      const missing = group.ids.filter((_id, index) => members[index] === undefined);
      if (missing.length > 0) offences.push(`DISTINCT_ACTS names unknown relations: ${missing.join(", ")}`);
      const keys = new Set(members.filter((member) => member !== undefined).map((m) => [m.kind, m.source, m.target, m.about ?? ""].join("|")));
      if (keys.size > 1) offences.push(`DISTINCT_ACTS group mixes different kinds or ends: ${group.ids.join(", ")}`);
    }
    expect(offences, fail("stale DISTINCT_ACTS", offences)).toEqual([]);
  });

  it("(b) never has a person lead or represent two governments at once", () => {
    const offences: string[] = [];
    const people = dataset.entities.filter((entity) => entity.kind === "person");
    for (const person of people) {
      const ties = dataset.relations
        .filter((relation) => relation.source === person.id && (relation.kind === "leads" || relation.kind === "represents"))
        .map((relation) => ({ relation, governments: governmentsOf(relation.target) }))
        .filter((tie) => tie.governments.size > 0);
      for (let i = 0; i < ties.length; i++)
        for (let j = i + 1; j < ties.length; j++) {
          const [a, b] = [ties[i]!, ties[j]!];
          const shared = [...a.governments].some((government) => b.governments.has(government));
          if (!shared && overlaps(a.relation, b.relation))
            offences.push(
              `${person.id}: ${at(a.relation.id)} (${[...a.governments].join(", ")}) overlaps ${at(b.relation.id)} (${[...b.governments].join(", ")})`,
            );
        }
    }
    expect(offences, fail("a person acting for two governments at once", offences)).toEqual([]);
  });

  it("(c) gives every relation endpoint kinds the ontology allows for its kind", () => {
    const offences: string[] = [];
    for (const relation of dataset.relations) {
      const source = entities.get(relation.source);
      const target = entities.get(relation.target);
      if (!source || !target) offences.push(`${at(relation.id)}: unknown endpoint`);
      else if (!allowsEndpoint(relation.kind, "source", source.kind) || !allowsEndpoint(relation.kind, "target", target.kind))
        offences.push(`${at(relation.id)}: ${relation.kind} from ${source.kind} to ${target.kind}`);
    }
    expect(offences, fail("endpoint kinds the ontology does not allow", offences)).toEqual([]);
  });

  it("(d) says in a locator why a relation starts more than a year before its first cited source", () => {
    const offences: string[] = [];
    for (const relation of dataset.relations) {
      const first = sources.get(relation.evidence[0]!.source);
      if (!first?.published) continue;
      if (oneYearAfter(relation.start) >= firstDay(first.published)) continue;
      if (relation.evidence.some((item) => START_EXPLAINED.test(item.locator ?? ""))) continue;
      offences.push(
        `${at(relation.id)}: starts ${relation.start}, first source ${first.id} published ${first.published}; add a locator that says where the start comes from (mention "start")`,
      );
    }
    expect(offences, fail("early starts without a reason in a locator", offences)).toEqual([]);
  });

  it("(e) declares a period that covers every relation's start", () => {
    const period = dataset.meta.period;
    expect(period, "dataset.period is declared").toBeDefined();
    const offences = dataset.relations
      .filter((relation) => compareDates(relation.start, period!.from) < 0 || compareDates(relation.start, period!.to) > 0)
      .map((relation) => `${at(relation.id)}: starts ${relation.start}, outside ${period!.from}..${period!.to}`);
    expect(offences, fail("starts outside the declared period", offences)).toEqual([]);
  });
});

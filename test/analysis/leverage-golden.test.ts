/**
 * The leverage analysis pinned to golden files (test/analysis/golden/): the exposure ranking and
 * the chains, every field, on a frozen copy of the embedded dataset and on seeded generated graphs
 * of three sizes, for every date, at single dates and for single pressed parties. Faster walks
 * must give these answers exactly; an intended change of answer is recorded with UPDATE_GOLDEN=1
 * in its own commit that says why.
 *
 * One context is shared by all the cases of a graph, in order, as the explorer's worker does as
 * the time control moves; each case is also computed with a fresh context, which must agree.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { exposure, type ExposureRow } from "../../src/analysis/exposure.ts";
import { leverageChains, LeverageContext, type LeverageChain, type LeverageOptions } from "../../src/analysis/leverage.ts";
import { PRESSURE_FAMILY, STATE_KIND } from "../../src/analysis/rules.ts";
import { GENERATOR_VERSION, generateDataset } from "../../src/generate/generate.ts";
import { buildGraph } from "../../src/graph/build.ts";
import type { AtlasGraph } from "../../src/graph/types.ts";
import { loadDataset } from "../../src/load/read.ts";
import { expectGolden } from "../support/golden.ts";

const FROZEN_DATASET = "test/fixtures/datasets/huawei-2024";
const GOLDEN = "test/analysis/golden";

interface GoldenCase {
  options: LeverageOptions;
  /** Which outputs to record (the biggest graph leaves out the untargeted chains of every date: megabytes). */
  chains: boolean;
  exposure: boolean;
  /** Record what each relation of a chain cites in full, or only its id (see goldenText). */
  cited?: boolean;
}

/**
 * One line per chain or exposure row, under a heading per case, so a diff names the rows that
 * changed. Unless a case asks for `cited` relations, a chain's relations are recorded by id: what
 * each cites is read from the graph by id (citeRelation), pinned in full by the all-dates case of the
 * embedded dataset, and would make the files tens of megabytes.
 */
function goldenText(
  title: string,
  graph: AtlasGraph,
  cases: readonly GoldenCase[],
  check: (options: LeverageOptions, chains: LeverageChain[], rows: ExposureRow[]) => void,
): string {
  const context = new LeverageContext(graph);
  const lines = [`# ${title}`];
  for (const item of cases) {
    const label = JSON.stringify(item.options);
    const chains = item.chains ? leverageChains(graph, item.options, context) : [];
    const rows = item.exposure ? exposure(graph, item.options, context) : [];
    check(item.options, chains, rows);
    if (item.chains) {
      lines.push(`## chains ${label}: ${chains.length}`);
      for (const chain of chains) {
        lines.push(JSON.stringify(item.cited === true ? chain : { ...chain, relations: chain.relations.map((relation) => relation.id) }));
      }
    }
    if (item.exposure) {
      lines.push(`## exposure ${label}: ${rows.length}`);
      for (const row of rows) lines.push(JSON.stringify(row));
    }
  }
  return `${lines.join("\n")}\n`;
}

/** A fresh context gives what the shared one gave. */
function agreesWithFreshContext(graph: AtlasGraph, chainsToo: boolean) {
  return (options: LeverageOptions, chains: LeverageChain[], rows: ExposureRow[]): void => {
    if (chainsToo) expect(leverageChains(graph, options)).toEqual(chains);
    expect(exposure(graph, options)).toEqual(rows);
  };
}

/** The governments most pressed (by pressure relations aimed at them), read from the graph alone. */
function mostPressedGovernments(graph: AtlasGraph, count: number): string[] {
  const pressures = new Map<string, number>();
  graph.forEachEdge((_id, attributes, _source, target) => {
    if (attributes.family !== PRESSURE_FAMILY || attributes.about === undefined) return;
    if (graph.getNodeAttribute(target, "kind") !== STATE_KIND) return;
    pressures.set(target, (pressures.get(target) ?? 0) + 1);
  });
  return [...pressures]
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))
    .slice(0, count)
    .map(([id]) => id);
}

describe("leverage goldens on the embedded dataset (frozen copy)", () => {
  let graph: AtlasGraph;

  beforeAll(async () => {
    const result = await loadDataset(FROZEN_DATASET);
    if (!result.ok) throw new Error(`${FROZEN_DATASET} does not load`);
    graph = buildGraph(result.dataset);
  });

  it("gives the recorded chains and exposure for every date, each year, the months of the case and single governments", () => {
    const years = Array.from({ length: 2024 - 2000 + 1 }, (_, offset) => `${2000 + offset}`);
    const dates = [...years, "2019-05", "2019-05-15", "2019-11", "2019-11-23", "2020-01-28", "2020-07-14", "2022-05-19"];
    const targets = ["gov-canada", "gov-uk", "gov-china", "gov-new-zealand", "gov-germany", "gov-united-states"];
    const cases: GoldenCase[] = [
      { options: {}, chains: true, exposure: true, cited: true },
      ...dates.map((at) => ({ options: { at }, chains: true, exposure: true })),
      ...targets.map((target) => ({ options: { target }, chains: true, exposure: true })),
      ...targets.map((target) => ({ options: { target, at: "2020" }, chains: true, exposure: true })),
    ];
    expectGolden(
      `${GOLDEN}/huawei-2024.txt`,
      goldenText(`${FROZEN_DATASET}: leverageChains and exposure`, graph, cases, agreesWithFreshContext(graph, true)),
    );
  });
});

/**
 * Generated graphs: sizes, the seed, the single dates, and whether the untargeted chains and
 * exposure of every date are recorded (at 10k they would be megabytes).
 */
const GENERATED = [
  { entities: 500, seed: 11, dates: ["2008", "2016-03", "2019", "2021-06-30"], everyDate: true },
  { entities: 2_000, seed: 12, dates: ["2008", "2016-03", "2019", "2021-06-30"], everyDate: true },
  { entities: 10_000, seed: 13, dates: ["2016-03", "2021-06-30"], everyDate: false },
] as const;

describe("leverage goldens on generated graphs", () => {
  it.each(GENERATED)(
    "gives the recorded chains and exposure on $entities entities (seed $seed)",
    ({ entities, seed, dates, everyDate }) => {
      const relations = 3 * entities;
      const graph = buildGraph(generateDataset({ entities, relations, seed }));
      const targets = mostPressedGovernments(graph, 3);
      const cases: GoldenCase[] = [
        { options: {}, chains: everyDate, exposure: everyDate },
        ...dates.map((at) => ({ options: { at }, chains: true, exposure: true })),
        ...targets.map((target) => ({ options: { target }, chains: true, exposure: true })),
        ...targets.map((target) => ({ options: { target, at: "2019" }, chains: true, exposure: true })),
      ].filter((item) => item.chains || item.exposure);
      const title = `generateDataset({ entities: ${entities}, relations: ${relations}, seed: ${seed} }), generator version ${GENERATOR_VERSION}: leverageChains (relations by id) and exposure`;
      // Fresh contexts re-check the chains on the smaller graphs only: at 10k that doubles the test's time.
      const check = agreesWithFreshContext(graph, entities <= 2_000);
      expectGolden(`${GOLDEN}/generated-${entities}-s${seed}.txt`, goldenText(title, graph, cases, check));
    },
    120_000,
  );
});

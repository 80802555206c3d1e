/**
 * The explorer's table view (src/app/model/table.ts) on the big graph, each against the least the same
 * answer costs done directly, alternating, several repetitions each:
 * - opening the relations table (its rows, the sort by start, the first page) against listing the
 *   relations and sorting them by start date once;
 * - a step of the time control with the table open (computeView of the new month, then the table's
 *   one pass over its kept order) against computeView alone, the graph's own work for that step;
 * - a filter word over names, claims and sources (search texts made) against scanning the claims for
 *   the word.
 */
import { relationRows, tablePage, type TableRows } from "../../src/app/model/table.ts";
import { computeView } from "../../src/app/model/view.ts";
import { defaultViewState } from "../../src/app/state/address.ts";
import { defaultTableQuery } from "../../src/app/state/state.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { loadDataset } from "../../src/load/read.ts";
import { collectGarbage, measure, type MeasuredCase } from "./index.ts";

const STEP_MONTH = "2019-06";
const WORD = "network";

export async function table(args: { dir: string; repeats: number }): Promise<MeasuredCase[]> {
  const loaded = await loadDataset(args.dir);
  if (!loaded.ok) throw new Error("the benchmark dataset is invalid");
  const graph = buildGraph(loaded.dataset);
  const everything = computeView(graph, defaultViewState());
  const none: ReadonlySet<string> = new Set();
  const query = defaultTableQuery("relations");
  const stepped = { ...defaultViewState(), at: STEP_MONTH };
  // The table as it stands once open: rows, the start order and the search texts made.
  const open: TableRows = relationRows(graph);
  tablePage(open, everything, none, { ...query, filter: "x" });

  const cases: { name: string; baseline: string; run: () => number; reference: () => number }[] = [
    {
      name: "open the relations table (rows, sort by start, first page)",
      baseline: "graph.edges() sorted by start date",
      run: () => tablePage(relationRows(graph), everything, none, query).pageRows.length,
      reference: () =>
        graph
          .edges()
          .map((edge) => ({ edge, start: graph.getEdgeAttribute(edge, "start") }))
          .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)).length,
    },
    {
      name: `a time step with the relations table open (${STEP_MONTH}): the view and the table's pass`,
      baseline: "computeView of the same month alone (the graph's own step)",
      run: () => tablePage(open, computeView(graph, stepped), none, query).rows.length,
      reference: () => computeView(graph, stepped).edges.size,
    },
    {
      name: `filter the relations by a word ("${WORD}")`,
      baseline: "scanning every claim for the word",
      run: () => tablePage(open, everything, none, { ...query, filter: WORD }).rows.length,
      reference: () => graph.filterEdges((_edge, attributes) => attributes.claim.toLowerCase().includes(WORD)).length,
    },
  ];

  const out: MeasuredCase[] = [];
  for (const { name, baseline, run, reference } of cases) {
    const measured = { ms: [] as number[], baselineMs: [] as number[], cpuMs: [] as number[], baselineCpuMs: [] as number[] };
    let notes = "";
    for (let repeat = 0; repeat < args.repeats; repeat += 1) {
      collectGarbage();
      const ours = await measure(run);
      collectGarbage();
      const theirs = await measure(reference);
      measured.ms.push(ours.ms);
      measured.cpuMs.push(ours.cpuMs);
      measured.baselineMs.push(theirs.ms);
      measured.baselineCpuMs.push(theirs.cpuMs);
      notes = `${graph.size.toLocaleString("en")} relations; ${theirs.value.toLocaleString("en")} rows in the baseline's answer`;
    }
    out.push({ name, baseline, ...measured, notes });
  }
  return out;
}

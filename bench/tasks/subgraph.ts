/**
 * Subgraph extraction on the big graph with `selectSubgraph` (the selection the CLI and the
 * explorer share), each against the same result made directly with graphology's own packages:
 * - ego depth 2 around the best-connected entity: BFS (graphology-traversal) + `subgraph` (graphology-operators);
 * - a one-year time slice: `graph.copy()`, the cost of copying the graph the slice is cut from;
 * - a shortest path between two far entities, ignoring direction: `bidirectional` (graphology-shortest-path)
 *   on `toUndirected` (graphology-operators) + `subgraph`.
 * The graph is loaded once; subject and baseline alternate, several repetitions each.
 */
import { bfsFromNode } from "graphology-traversal";
import { bidirectional, undirectedSingleSourceLength } from "graphology-shortest-path/unweighted";
import subgraphOf from "graphology-operators/subgraph";
import toUndirected from "graphology-operators/to-undirected";
import { loadDataset } from "../../src/load/read.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { selectSubgraph, type SubgraphSelection } from "../../src/graph/select.ts";
import type { AtlasGraph } from "../../src/graph/types.ts";
import { collectGarbage, measure, type MeasuredCase } from "./index.ts";

const SLICE_YEAR = "2019";

/** The entity with the most relations (first in graph order among equals). */
function hub(graph: AtlasGraph): string {
  let best = "";
  let bestDegree = -1;
  graph.forEachNode((node) => {
    const degree = graph.degree(node);
    if (degree > bestDegree) {
      best = node;
      bestDegree = degree;
    }
  });
  return best;
}

/** The node farthest from `from`, ignoring direction. */
function farthest(graph: AtlasGraph, from: string): string {
  let best = from;
  let bestDistance = -1;
  for (const [node, distance] of Object.entries(undirectedSingleSourceLength(graph, from))) {
    if (distance > bestDistance) {
      best = node;
      bestDistance = distance;
    }
  }
  return best;
}

function egoBaseline(graph: AtlasGraph, id: string, depth: number): AtlasGraph {
  const nodes = new Set<string>();
  bfsFromNode(
    graph,
    id,
    (node, _attributes, distance) => {
      nodes.add(node);
      return distance >= depth;
    },
    { mode: "directed" },
  );
  return subgraphOf(graph, nodes);
}

function pathBaseline(graph: AtlasGraph, from: string, to: string): AtlasGraph {
  const path = bidirectional(toUndirected(graph), from, to);
  return subgraphOf(graph, path ?? []);
}

export async function subgraph(args: { dir: string; repeats: number }): Promise<MeasuredCase[]> {
  const loaded = await loadDataset(args.dir);
  if (!loaded.ok) throw new Error("the benchmark dataset is invalid");
  const graph = buildGraph(loaded.dataset);
  const center = hub(graph);
  // Two ends of a long shortest path: the double sweep (farthest from the first entity, then farthest from that).
  const first = graph.nodes()[0] as string;
  const pathStart = farthest(graph, first);
  const pathEnd = farthest(graph, pathStart);

  const cases: { name: string; baseline: string; selection: SubgraphSelection; reference: () => AtlasGraph }[] = [
    {
      name: "ego depth 2 around the hub",
      baseline: "BFS + graphology-operators subgraph",
      selection: { ego: { id: center, depth: 2 } },
      reference: () => egoBaseline(graph, center, 2),
    },
    {
      name: `time slice ${SLICE_YEAR}`,
      baseline: "graph.copy() of the whole graph",
      selection: { from: SLICE_YEAR, to: SLICE_YEAR },
      reference: () => graph.copy(),
    },
    {
      name: "shortest path between far entities",
      baseline: "bidirectional on toUndirected + subgraph",
      selection: { path: { from: pathStart, to: pathEnd } },
      reference: () => pathBaseline(graph, pathStart, pathEnd),
    },
  ];

  const out: MeasuredCase[] = [];
  for (const { name, baseline, selection, reference } of cases) {
    const ms: number[] = [];
    const baselineMs: number[] = [];
    const cpuMs: number[] = [];
    const baselineCpuMs: number[] = [];
    let notes = "";
    for (let repeat = 0; repeat < args.repeats; repeat += 1) {
      collectGarbage();
      const { value: selected, ms: selectMs, cpuMs: selectCpuMs } = await measure(() => selectSubgraph(graph, selection));
      collectGarbage();
      const { value: expected, ms: referenceMs, cpuMs: referenceCpuMs } = await measure(reference);
      ms.push(selectMs);
      baselineMs.push(referenceMs);
      cpuMs.push(selectCpuMs);
      baselineCpuMs.push(referenceCpuMs);
      notes = `${selected.order.toLocaleString("en")} entities, ${selected.size.toLocaleString("en")} relations (baseline ${expected.order.toLocaleString("en")}, ${expected.size.toLocaleString("en")})`;
    }
    out.push({
      name,
      baseline,
      ms,
      baselineMs,
      cpuMs,
      baselineCpuMs,
      notes: name.startsWith("ego") ? `${notes}; hub degree ${graph.degree(center)}` : notes,
    });
  }
  return out;
}

/**
 * Load: the product's path (read, validate, resolve, report, build the graph) against the floor
 * any loader pays: JSON.parse of the same files and graphology's `import` of the same nodes and edges.
 */
import { readFile } from "node:fs/promises";
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import { loadDataset } from "../../src/load/read.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { measure, peakRssMB } from "./index.ts";

export interface LoadMeasurement {
  ms: number;
  cpuMs: number;
  rssMB: number;
  nodes: number;
  edges: number;
}

export async function load(args: { dir: string }): Promise<LoadMeasurement> {
  const {
    value: graph,
    ms,
    cpuMs,
  } = await measure(async () => {
    const result = await loadDataset(args.dir);
    if (!result.ok) throw new Error(`the benchmark dataset is invalid: ${result.issues[0]?.message ?? "?"}`);
    return buildGraph(result.dataset);
  });
  return { ms, cpuMs, rssMB: peakRssMB(), nodes: graph.order, edges: graph.size };
}

interface RawItem {
  id: string;
  source?: string;
  target?: string;
}

export async function loadBaseline(args: { files: string[] }): Promise<LoadMeasurement> {
  const {
    value: graph,
    ms,
    cpuMs,
  } = await measure(async () => {
    const nodes: SerializedGraph["nodes"] = [];
    const edges: SerializedGraph["edges"] = [];
    for (const file of args.files) {
      const document = JSON.parse(await readFile(file, "utf8")) as { entities?: RawItem[]; relations?: RawItem[] };
      for (const entity of document.entities ?? []) nodes.push({ key: entity.id, attributes: entity });
      for (const relation of document.relations ?? []) {
        edges.push({ key: relation.id, source: relation.source as string, target: relation.target as string, attributes: relation });
      }
    }
    const graph = new MultiDirectedGraph({ allowSelfLoops: true });
    graph.import({ nodes, edges });
    return graph;
  });
  return { ms, cpuMs, rssMB: peakRssMB(), nodes: graph.order, edges: graph.size };
}

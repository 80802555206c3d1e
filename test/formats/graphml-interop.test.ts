/**
 * Interop: networkx's `read_graphml` reads every kind of GraphML export with the right counts, direction,
 * parallel edges, ids and attributes, and what networkx writes back imports again exactly; graphology-graphml
 * (the graphology parser) reads it too. Skipped only outside CI when python3 with networkx is missing.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Graph from "graphology";
import { parse as parseWithGraphology } from "graphology-graphml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph, datasetFromGraph } from "../../src/graph/build.ts";
import { selectSubgraph } from "../../src/graph/select.ts";
import type { AtlasGraph } from "../../src/graph/types.ts";
import type { Dataset } from "../../src/model/schema.ts";
import { exportDataset } from "../../src/formats/exported-dataset.ts";
import { readGraphml } from "../../src/formats/graphml/read.ts";
import { writeGraphml } from "../../src/formats/graphml/write.ts";
import { EDGE_KEYS, NODE_KEYS } from "../../src/formats/graphml/profile.ts";
import { hostileDataset, python, starterDataset } from "./support.ts";

async function networkxAvailable(): Promise<boolean> {
  if (process.env.CI) return true;
  try {
    await promisify(execFile)("python3", ["-c", "import networkx"]);
    return true;
  } catch {
    return false;
  }
}

const available = await networkxAvailable();

/** What networkx makes of a file: counts, direction, graph data, every node's and edge's attributes (edges by key). */
const SUMMARY = `import sys, json, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({
  "type": type(g).__name__,
  "directed": g.is_directed(),
  "nodes": g.number_of_nodes(),
  "edges": g.number_of_edges(),
  "graph": {k: v for k, v in g.graph.items() if k not in ("node_default", "edge_default")},
  "node_data": {n: d for n, d in g.nodes(data=True)},
  "edge_data": {k: [u, v, d] for u, v, k, d in g.edges(keys=True, data=True)} if g.is_multigraph()
    else {d.pop("id"): [u, v, d] for u, v, d in g.edges(data=True)},
}))`;

interface NetworkxSummary {
  type: string;
  directed: boolean;
  nodes: number;
  edges: number;
  graph: Record<string, string>;
  node_data: Record<string, Record<string, string>>;
  edge_data: Record<string, [string, string, Record<string, string>]>;
}

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

describe.skipIf(!available)("GraphML exports as networkx and graphology-graphml read them", () => {
  let folder: string;
  const cases = new Map<string, AtlasGraph>();

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), "atlas-graphml-"));
    const full = buildGraph(await starterDataset());
    cases.set("full", full);
    cases.set("ego", selectSubgraph(full, { ego: { id: "huawei", depth: 2 } }));
    cases.set("time-slice", selectSubgraph(full, { at: "2019", dropIsolated: true }));
    cases.set("empty", selectSubgraph(full, { ids: [] }));
    cases.set("hostile", buildGraph(hostileDataset()));
    for (const [name, graph] of cases) writeFileSync(path.join(folder, `${name}.graphml`), writeGraphml(graph));
  });

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  async function summary(name: string): Promise<NetworkxSummary> {
    return JSON.parse(await python(SUMMARY, [path.join(folder, `${name}.graphml`)])) as NetworkxSummary;
  }

  it.each(["full", "ego", "time-slice", "empty", "hostile"])(
    "networkx reads %s: a directed graph (a multigraph when relations are parallel) with every entity, relation, id and field",
    async (name) => {
      const graph = cases.get(name) as AtlasGraph;
      const read = await summary(name);
      expect(read).toMatchObject({ directed: true, nodes: graph.order, edges: graph.size });
      const pairs = new Set(graph.mapEdges((_edge, _attributes, source, target) => `${source}>${target}`));
      expect(read.type).toBe(pairs.size < graph.size ? "MultiDiGraph" : "DiGraph");
      const dataset = exportDataset(graph);
      expect(read.graph.atlas_profile).toBe("leverage-atlas-graphml/1");
      expect(JSON.parse(read.graph.sources ?? "[]")).toEqual(dataset.sources);
      const sources = graph.getAttribute("sources");
      for (const entity of dataset.entities) {
        const data = read.node_data[entity.id] ?? {};
        const clean = (text: string): string => text.replace(/[\ufffe\uffff]/g, "\ufffd");
        expect(data.name).toBe(clean(entity.name));
        expect(data.kind).toBe(entity.kind);
        if (entity.aliases) expect(JSON.parse(data.aliases ?? "[]")).toEqual(entity.aliases.map(clean));
        expect(data.country).toBe(entity.country);
        expect(data.url).toBe(entity.url);
        for (const key of Object.keys(data)) expect(NODE_KEYS.map((known) => known.name)).toContain(key);
      }
      for (const relation of dataset.relations) {
        const [source, target, data] = read.edge_data[relation.id] ?? ["", "", {}];
        expect([source, target]).toEqual([relation.source, relation.target]);
        expect(data).toMatchObject({ kind: relation.kind, start: relation.start, confidence: relation.confidence });
        expect(data.end).toBe(relation.end ?? undefined);
        expect(data.about).toBe(relation.about);
        const evidence = JSON.parse((data.evidence ?? "[]").replace(/\ufffd/g, "")) as { source: string; url: string }[];
        expect(evidence.map((item) => [item.source, item.url])).toEqual(
          relation.evidence.map((item) => [item.source, sources[item.source]?.url]),
        );
        for (const key of Object.keys(data)) expect(EDGE_KEYS.map((known) => known.name)).toContain(key);
      }
    },
    60_000,
  );

  it("what networkx writes back imports again exactly (only the order of relations changes)", async () => {
    for (const name of ["full", "hostile"]) {
      const target = path.join(folder, `${name}-networkx.graphml`);
      await python("import sys, networkx as nx\nnx.write_graphml(nx.read_graphml(sys.argv[1]), sys.argv[2])", [
        path.join(folder, `${name}.graphml`),
        target,
      ]);
      const result = readGraphml(readFileSync(target, "utf8"), { file: `${name}-networkx.graphml` });
      if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
      expect(result.issues).toEqual([]);
      expect(result.native).toBe(true);
      const expected: Dataset = exportDataset(cases.get(name) as AtlasGraph);
      expect({ ...result.dataset, relations: byId(result.dataset.relations) }).toEqual({
        ...expected,
        relations: byId(expected.relations),
      });
    }
  }, 60_000);

  it("GraphML networkx writes from scratch (Zachary's karate club) imports with warnings, its attributes kept", async () => {
    const file = path.join(folder, "karate.graphml");
    await python("import sys, networkx as nx\nnx.write_graphml(nx.karate_club_graph(), sys.argv[1])", [file]);
    const result = readGraphml(readFileSync(file, "utf8"), { file: "karate.graphml", today: "2026-01-01" });
    if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
    expect(result.dataset.entities).toHaveLength(34);
    expect(result.dataset.relations).toHaveLength(78);
    expect(result.dataset.entities[0]?.description).toBe("club: Mr. Hi");
    expect(result.dataset.meta.name).toBe("Zachary's Karate Club");
    expect(result.issues.map((issue) => issue.message).join("\n")).toMatch(/78 edges were undirected or mutual/);
  }, 60_000);

  it("graphology-graphml reads every export as a directed graph with the same ids, ends and attributes", () => {
    for (const [name, graph] of cases) {
      const parsed = parseWithGraphology(Graph, readFileSync(path.join(folder, `${name}.graphml`), "utf8"));
      expect(parsed.type).toBe("directed");
      expect([parsed.order, parsed.size]).toEqual([graph.order, graph.size]);
      expect(
        parsed.multi || graph.size === new Set(graph.mapEdges((_edge, _attributes, source, target) => `${source}>${target}`)).size,
      ).toBe(true);
      graph.forEachEdge((id, attributes, source, target) => {
        expect(parsed.source(id)).toBe(source);
        expect(parsed.target(id)).toBe(target);
        expect(parsed.getEdgeAttribute(id, "kind")).toBe(attributes.kind);
      });
      const dataset = datasetFromGraph(graph);
      for (const entity of dataset.entities) expect(parsed.getNodeAttribute(entity.id, "kind")).toBe(entity.kind);
    }
  });
});

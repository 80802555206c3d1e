/**
 * Interop: every kind of file the writer produces passes ../shared/tools/check-gexf (the official XSD, with
 * the RELAX NG fallback for the 1.3 XSD's viz defect, and a networkx parse), and a file that networkx read and
 * wrote back imports again. Skipped only outside CI when the checker, xmllint or networkx is missing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import { selectSubgraph } from "../../src/graph/select.ts";
import type { AtlasGraph } from "../../src/graph/types.ts";
import { readGexf } from "../../src/formats/gexf/read.ts";
import { writeGexf } from "../../src/formats/gexf/write.ts";
import { EDGE_FIELDS, NODE_FIELDS } from "../../src/formats/gexf/profile.ts";
import { ENTITY_KIND_COLORS } from "../../src/model/presentation.ts";
import { runCheckGexf, type CheckGexfResult } from "../support/check-gexf.ts";
import { hostileDataset, interopToolsAvailable, python, starterDataset } from "./support.ts";

const available = await interopToolsAvailable();

describe.skipIf(!available)("written GEXF passes check-gexf (XSD/RNG and networkx)", () => {
  let folder: string;
  const cases = new Map<string, { graph: AtlasGraph; dynamic: boolean }>();
  let results: Map<string, CheckGexfResult>;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), "atlas-gexf-"));
    const full = buildGraph(await starterDataset());
    const hostile = buildGraph(hostileDataset());
    cases.set("full", { graph: full, dynamic: false });
    cases.set("full-dynamic", { graph: full, dynamic: true });
    cases.set("ego", { graph: selectSubgraph(full, { ego: { id: "huawei", depth: 2 } }), dynamic: false });
    cases.set("ego-dynamic", { graph: selectSubgraph(full, { ego: { id: "huawei", depth: 1, direction: "in" } }), dynamic: true });
    cases.set("time-slice", { graph: selectSubgraph(full, { at: "2019", dropIsolated: true }), dynamic: false });
    cases.set("time-span-dynamic", { graph: selectSubgraph(full, { from: "2019-06", to: "2021" }), dynamic: true });
    cases.set("empty", { graph: selectSubgraph(full, { ids: [] }), dynamic: false });
    cases.set("empty-dynamic", { graph: selectSubgraph(full, { ids: [] }), dynamic: true });
    cases.set("hostile", { graph: hostile, dynamic: false });
    cases.set("hostile-dynamic", { graph: hostile, dynamic: true });
    const files: string[] = [];
    for (const [name, { graph, dynamic }] of cases) {
      const file = path.join(folder, `${name}.gexf`);
      writeFileSync(file, writeGexf(graph, { dynamic, date: "2026-01-01" }));
      files.push(file);
    }
    const checked = await runCheckGexf(files);
    results = new Map(checked.map((result) => [path.basename(result.file, ".gexf"), result]));
  }, 120_000);

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it.each([
    "full",
    "full-dynamic",
    "ego",
    "ego-dynamic",
    "time-slice",
    "time-span-dynamic",
    "empty",
    "empty-dynamic",
    "hostile",
    "hostile-dynamic",
  ])("%s", (name) => {
    const result = results.get(name);
    const { graph, dynamic } = cases.get(name) ?? { graph: undefined, dynamic: false };
    expect(result?.errors).toEqual([]);
    expect(result).toMatchObject({
      ok: true,
      version: "1.3",
      schema_valid: true,
      nodes: graph?.order,
      edges: graph?.size,
      directed: true,
      mode: dynamic ? "dynamic" : "static",
    });
    // The only accepted warnings: the known 1.3 XSD viz defect (the RNG passes).
    for (const warning of result?.warnings ?? []) expect(warning).toMatch(/XSD rejects viz|known XSD defect/);
    if ((graph?.order ?? 0) > 0) {
      expect(result?.attributes.node.sort()).toEqual(NODE_FIELDS.map((field) => field.title).sort());
      expect(result?.attributes.edge.sort()).toEqual(EDGE_FIELDS.map((field) => field.title).sort());
    }
  });

  it("a file networkx read and wrote back imports again, with dates, kinds, claims and sources (rebuilt from their URLs)", async () => {
    const dataset = await starterDataset();
    const source = path.join(folder, "roundtrip-source.gexf");
    const target = path.join(folder, "roundtrip-networkx.gexf");
    writeFileSync(source, writeGexf(buildGraph(dataset), { dynamic: true, date: "2026-01-01" }));
    await python("import sys, networkx as nx\ng = nx.read_gexf(sys.argv[1])\nnx.write_gexf(g, sys.argv[2])", [source, target]);
    const result = readGexf(readFileSync(target, "utf8"), { file: "roundtrip-networkx.gexf" });
    if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
    expect(result.native).toBe(false);
    const { dataset: back } = result;
    expect(
      back.entities.map((entity) => [entity.id, entity.kind, entity.name, entity.aliases, entity.country, entity.description, entity.url]),
    ).toEqual(
      dataset.entities.map((entity) => [
        entity.id,
        entity.kind,
        entity.name,
        entity.aliases,
        entity.country,
        entity.description,
        entity.url,
      ]),
    );
    // networkx writes edges grouped by source node: compare in id order.
    const byId = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => a.id.localeCompare(b.id));
    expect(
      byId(back.relations).map((relation) => [
        relation.id,
        relation.kind,
        relation.source,
        relation.target,
        relation.about,
        relation.start,
        relation.end,
        relation.claim,
        relation.confidence,
        relation.evidence,
      ]),
    ).toEqual(
      byId(dataset.relations).map((relation) => [
        relation.id,
        relation.kind,
        relation.source,
        relation.target,
        relation.about,
        relation.start,
        relation.end ?? null,
        relation.claim,
        relation.confidence,
        relation.evidence,
      ]),
    );
    const cited = new Set(dataset.relations.flatMap((relation) => relation.evidence.map((evidence) => evidence.source)));
    expect(back.sources.map((item) => [item.id, item.url]).sort()).toEqual(
      dataset.sources
        .filter((item) => cited.has(item.id))
        .map((item) => [item.id, item.url])
        .sort(),
    );
    expect(result.issues.map((issue) => issue.message).join("\n")).toMatch(
      /sources had no full record in the file .* rebuilt from id and URL/,
    );
  }, 60_000);

  it("networkx reads our lists as one string, the edge kind, ids and labels, and r/g/b colours", async () => {
    const file = path.join(folder, "hostile.gexf");
    const summary = JSON.parse(
      await python(
        `import sys, json, networkx as nx
g = nx.read_gexf(sys.argv[1])
u, v, k, d = next(iter(g.edges(keys=True, data=True)))
n = g.nodes["state-a"]
print(json.dumps({"edge": [u, v, k], "kind": d["kind"], "start": d["start_date"], "aliases": n["aliases"], "label": n["label"], "color": n["viz"]["color"]}))`,
        [file],
      ),
    ) as Record<string, unknown>;
    const hostile = hostileDataset();
    expect(summary).toMatchObject({
      edge: ["state-a", "vendor-b", "r-1"],
      kind: "bans",
      start: "2019",
      label: hostile.entities[0]?.name.replace(/[\ufffe\uffff]/g, "\ufffd"),
    });
    expect(typeof summary.aliases).toBe("string");
    const [r, g, b] = ENTITY_KIND_COLORS.government;
    expect(summary.color).toMatchObject({ r, g, b });
  }, 60_000);
});

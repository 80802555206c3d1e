/**
 * GraphML: dataset -> GraphML -> dataset is lossless (fast-check), the writer streams, and GraphML written by
 * other tools (graphology's samples, yEd, Neo4j's APOC export, Cytoscape) imports leniently with warnings,
 * while what would lose or misread data is a located error and no dataset.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildGraph, datasetFromGraph } from "../../src/graph/build.ts";
import { selectSubgraph } from "../../src/graph/select.ts";
import { parseDataset } from "../../src/load/parse.ts";
import type { Dataset } from "../../src/model/schema.ts";
import { exportDataset } from "../../src/formats/exported-dataset.ts";
import { readGraphml, type GraphmlReadResult } from "../../src/formats/graphml/read.ts";
import { writeGraphml, writeGraphmlChunks } from "../../src/formats/graphml/write.ts";
import { writeDatasetJson } from "../../src/formats/json/write.ts";
import { formatOfFile, readFiles } from "../../src/formats/read-files.ts";
import { readableFormats } from "../../src/formats/registry.ts";
import { writeGexf } from "../../src/formats/gexf/write.ts";
import { readGexf } from "../../src/formats/gexf/read.ts";
import { datasetArb } from "../support/arbitraries.ts";
import { REPO_ROOT, hostileDataset, quotingHostileDataset, starterDataset } from "./support.ts";

const FIXTURES = path.join(REPO_ROOT, "test/fixtures/graphml");

function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), "utf8");
}

function read(text: string, file = "test.graphml"): GraphmlReadResult {
  return readGraphml(text, { file, today: "2026-01-01" });
}

function imported(result: GraphmlReadResult): Dataset {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.issues, null, 2)}`);
  return result.dataset;
}

function messages(result: GraphmlReadResult, severity: "error" | "warning"): string[] {
  return result.issues.filter((issue) => issue.severity === severity).map((issue) => issue.message);
}

/** The dataset as the graph holds it (end null when ongoing, no empty aliases), sources in the graph's order. */
function normalised(dataset: Dataset): Dataset {
  const graph = buildGraph(dataset);
  return { ...datasetFromGraph(graph), sources: Object.values(graph.getAttribute("sources")) };
}

function roundTrip(dataset: Dataset): Dataset {
  const result = read(writeGraphml(buildGraph(dataset)), "roundtrip.graphml");
  expect(result.issues).toEqual([]);
  expect(result.native).toBe(true);
  return imported(result);
}

/** The kind GEXF import gives an edge with none between entities of these kinds (GraphML import maps through the same rules). */
function kindGexfImportGives(source: string, target: string): string | undefined {
  const gexf = `<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
<attributes class="node"><attribute id="kind" title="kind" type="string"/></attributes>
<nodes><node id="a" label="A"><attvalues><attvalue for="kind" value="${source}"/></attvalues></node>
<node id="b" label="B"><attvalues><attvalue for="kind" value="${target}"/></attvalues></node></nodes>
<edges><edge id="e" source="a" target="b"/></edges></graph></gexf>`;
  const result = readGexf(gexf, { file: "kind.gexf", today: "2026-01-01" });
  return result.ok ? result.dataset.relations[0]?.kind : undefined;
}

const graphml = (body: string, keys = ""): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n${keys}<graph edgedefault="directed">\n${body}\n</graph>\n</graphml>\n`;

describe("dataset -> GraphML -> dataset is lossless", () => {
  it("keeps every entity, relation, attribute, date, citation and source of any valid dataset", () => {
    fc.assert(
      fc.property(datasetArb(), (dataset) => {
        expect(roundTrip(dataset)).toEqual(normalised(dataset));
      }),
      { numRuns: 80 },
    );
  });

  it("keeps the hostile dataset exactly (U+FFFE and U+FFFF through the exact data) and the starter dataset", async () => {
    const hostile = hostileDataset();
    expect(roundTrip(hostile)).toEqual(normalised(hostile));
    const starter = await starterDataset();
    expect(roundTrip(starter)).toEqual(normalised(starter));
  });

  it("keeps parallel relations apart by their ids, directed as written", () => {
    const back = roundTrip(hostileDataset());
    const parallel = back.relations.filter((relation) => relation.source === "state-a" && relation.target === "vendor-b");
    expect(parallel.map((relation) => relation.id)).toEqual(["r-1", "r-2"]);
  });

  it("keeps a subgraph with exactly the sources its relations cite, and drops an about left out with a warning", async () => {
    const full = buildGraph(await starterDataset());
    const ego = selectSubgraph(full, { ego: { id: "huawei", depth: 1 } });
    expect(imported(read(writeGraphml(ego)))).toEqual(exportDataset(ego));
    const people = selectSubgraph(full, { kinds: ["government", "agency", "person", "carrier"] });
    const result = read(writeGraphml(people));
    expect(imported(result)).toEqual(exportDataset(people));
    expect(messages(result, "warning")).toEqual([expect.stringMatching(/about an entity the export left out; "about" was dropped/)]);
  });

  it("writes a key for every field, typed, and U+FFFD where XML cannot carry a character", () => {
    const text = writeGraphml(buildGraph(hostileDataset()));
    expect(text).toMatch(/<key id="node-aliases" for="node" attr.name="aliases" attr.type="string"\/>/);
    expect(text).toMatch(/<key id="edge-evidence" for="edge" attr.name="evidence" attr.type="string"\/>/);
    expect(text).toContain('<graph id="G" edgedefault="directed">');
    expect(text).not.toMatch(/[\ufffe\uffff]/);
    expect(text).toContain("\ufffd");
    expect(text).toMatch(/<data key="node-exact">\{"aliases":"\[.*\\ufffe\\uffff/);
  });

  it("streams: a big graph comes in many chunks of bounded size, joined to the same text", () => {
    const graph = buildGraph(fc.sample(datasetArb({ maxEntities: 12, maxRelations: 20 }), { seed: 7, numRuns: 1 })[0] as Dataset);
    const chunks: string[] = [];
    const report = writeGraphmlChunks(graph, (chunk) => chunks.push(chunk));
    expect(chunks.join("")).toBe(writeGraphml(graph));
    expect(report).toMatchObject({ entities: graph.order, relations: graph.size });
    const big = buildGraph({
      meta: { name: "Big" },
      entities: Array.from({ length: 3000 }, (_, index) => ({ id: `e-${index}`, kind: "organization" as const, name: `Entity ${index}` })),
      relations: [],
      sources: [],
    });
    const bigChunks: string[] = [];
    writeGraphmlChunks(big, (chunk) => bigChunks.push(chunk));
    expect(bigChunks.length).toBeGreaterThan(2);
    for (const chunk of bigChunks) expect(chunk.length).toBeLessThan(70_000);
  });
});

describe("GraphML written by other tools imports", () => {
  const files = readdirSync(FIXTURES).filter((file) => file.endsWith(".graphml") && file !== "graphology_missing_nodes.graphml");

  it.each(files)("%s becomes a dataset that loads back with zero errors", (file) => {
    const dataset = imported(read(fixture(file), file));
    const loaded = parseDataset([{ file: "imported.json", text: writeDatasetJson(dataset) }]);
    expect(loaded.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(loaded.dataset).toEqual(dataset);
    expect(dataset.entities.length).toBeGreaterThan(0);
  });

  it("reads Gephi's labels and keeps its colours, positions and classes as lines (Les Misérables)", () => {
    const result = read(fixture("graphology_miserables.graphml"), "miserables.graphml");
    const dataset = imported(result);
    expect(dataset.entities).toHaveLength(77);
    expect(dataset.relations).toHaveLength(254);
    const valjean = dataset.entities.find((entity) => entity.name === "Valjean");
    expect(valjean).toMatchObject({ id: "11", kind: "organization" });
    expect(valjean?.description).toMatch(/^Modularity Class: 1\nsize: 100\.0\nr: 245/);
    expect(messages(result, "warning").join("\n")).toMatch(/254 edges were undirected or mutual/);
  });

  it("applies key defaults and reads parallel and directed edges of an undirected graph (GraphML primer, graphology)", () => {
    const dataset = imported(read(fixture("graphology_attributes.graphml")));
    expect(dataset.entities.find((entity) => entity.id === "n1")?.description).toBe("color: yellow");
    expect(dataset.meta.description).toBe("mode: static");
    const multi = read(fixture("graphology_mixed_multigraph.graphml"));
    expect(imported(multi).relations.filter((relation) => relation.source === "n2" && relation.target === "n4")).toHaveLength(2);
    expect(messages(multi, "warning").join("\n")).toMatch(/6 edges were undirected/);
  });

  it("reads yEd: names from the drawn labels, kinds from edge labels (else as GEXF import gives one), groups flattened with their parent, graphics not kept", () => {
    const result = read(fixture("yed-shaped.graphml"), "yed.graphml");
    const dataset = imported(result);
    expect(dataset.entities.map((entity) => [entity.id, entity.kind, entity.name, entity.description])).toEqual([
      ["n0", "government", "United States", undefined],
      ["n1", "organization", "Five Eyes", "Allies drawn as a group"],
      ["n1-n0", "government", "United Kingdom", "parent: n1"],
      ["n1-n1", "vendor", "Huawei", "parent: n1"],
    ]);
    expect(dataset.relations.map((relation) => [relation.id, relation.kind, relation.source, relation.target])).toEqual([
      ["n1-e0", "restricts", "n1-n0", "n1-n1"],
      ["e0", "pressures", "n0", "n1-n0"],
      ["e1", kindGexfImportGives("government", "organization"), "n0", "n1"],
    ]);
    expect(dataset.relations[1]?.claim).toBe("Pompeo's warning, 2019");
    expect(dataset.meta.description).toBe("Who pressed whom, drawn by hand");
    expect(messages(result, "warning").join("\n")).toMatch(/colours, sizes and positions \(viz\) are not kept/);
  });

  it("reads a Neo4j subgraph exported by APOC: atlas ids, kinds from labels and types, dates, evidence with sources rebuilt", () => {
    const result = read(fixture("neo4j-apoc-shaped.graphml"), "query.graphml");
    const dataset = imported(result);
    expect(dataset.entities).toEqual([
      { id: "gov-canada", kind: "government", name: "Government of Canada", country: "CA" },
      { id: "huawei", kind: "vendor", name: "Huawei Technologies", aliases: ["Huawei", "华为"], country: "CN" },
      { id: "bell", kind: "carrier", name: "Bell Canada" },
    ]);
    expect(dataset.relations).toEqual([
      {
        id: "canada-bans-huawei-2022",
        kind: "bans",
        source: "gov-canada",
        target: "huawei",
        start: "2022-05-19",
        end: null,
        claim: "Canada excludes Huawei and ZTE from its 5G networks.",
        evidence: [{ source: "ised-2022-05-19", locator: "para. 3" }],
        confidence: "confirmed",
      },
      {
        id: "bell-uses-huawei",
        kind: "uses_equipment_from",
        source: "bell",
        target: "huawei",
        start: "2008",
        end: "2022-06",
        claim: "Bell ran Huawei radio equipment.",
        evidence: [{ source: "ised-2022-05-19" }],
        confidence: "reported",
      },
    ]);
    expect(dataset.sources.map((source) => [source.id, source.publisher])).toEqual([["ised-2022-05-19", "www.canada.ca"]]);
    expect(messages(result, "warning")).toEqual([expect.stringMatching(/1 source had no full record in the file/)]);
  });

  it("reads Cytoscape: names, the interaction as the kind, key ids shared by graph, nodes and edges", () => {
    const dataset = imported(read(fixture("cytoscape-shaped.graphml")));
    expect(dataset.meta.name).toBe("Vendor network");
    expect(dataset.entities.map((entity) => entity.name)).toEqual(["Huawei", "Telus"]);
    expect(dataset.relations[0]).toMatchObject({ kind: "contracts_with", source: "62", target: "60" });
  });

  it("opens .graphml, and .xml files by their root element, with the right reader", () => {
    const readers = readableFormats("node");
    const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
    const gml = bytes(fixture("graphology_attributes.graphml"));
    expect(formatOfFile("net.xml", gml, readers)?.id).toBe("graphml");
    expect(formatOfFile("net.graphml", gml, readers)?.id).toBe("graphml");
    const gexf = bytes(writeGexf(buildGraph(hostileDataset()), { date: "2026-01-01" }));
    expect(formatOfFile("net.xml", gexf, readers)?.id).toBe("gexf");
    const outcome = readFiles([{ file: "net.xml", bytes: gml }], readers);
    expect(outcome).toMatchObject({ ok: true, format: "graphml", native: false, description: "GraphML mapped to the ontology" });
  });
});

describe("GraphML that cannot be imported without loss is refused, located, with no dataset", () => {
  const refusals: [string, string, RegExp, number][] = [
    [
      "a DOCTYPE (entities could expand or be read from outside)",
      `<?xml version="1.0"?>\n<!DOCTYPE graphml [<!ENTITY x "y">]>\n<graphml/>`,
      /DOCTYPE declaration; GraphML never needs one/,
      2,
    ],
    ["XML that is not well-formed", graphml('<node id="a">\n<data key="k">x</dat>\n</node>'), /not well-formed XML/, 5],
    [
      "an edge to a node the file does not have",
      graphml('<node id="a"/>\n<edge id="e" source="a" target="b"/>'),
      /edge "e" points to a node that does not exist: target "b"/,
      5,
    ],
    [
      "a root that is not <graphml>",
      '<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3"/>',
      /not a GraphML file: the root element is <gexf>/,
      2,
    ],
    ["no graph", '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"/>', /has no <graph> element/, 1],
    [
      "two graphs",
      graphml('<node id="a"/>').replace("</graphml>", '<graph edgedefault="directed"/>\n</graphml>'),
      /second top-level <graph>/,
      6,
    ],
    ["two nodes with one id", graphml('<node id="a"/>\n<node id="a"/>'), /duplicate node id "a"/, 5],
    ["text that is not XML", '{"entities": []}', /not XML: it starts with/, 1],
    [
      "a damaged export record",
      graphml(
        '<data key="p">leverage-atlas-graphml/1</data>\n<data key="d">{"name": "cut</data>',
        '<key id="p" for="graph" attr.name="atlas_profile"/>\n<key id="d" for="graph" attr.name="dataset"/>\n',
      ),
      /record in the graph's data is damaged: its dataset is not a JSON object/,
      7,
    ],
  ];

  it.each(refusals)("%s", (_what, text, message, line) => {
    const result = read(text);
    expect(result.ok).toBe(false);
    expect(result.dataset).toBeUndefined();
    const errors = result.issues.filter((issue) => issue.severity === "error");
    expect(errors[0]?.message).toMatch(message);
    expect(errors[0]).toMatchObject({ file: "test.graphml", line });
    expect(errors[0]?.column).toBeGreaterThanOrEqual(1);
  });

  it("lists every missing node at once (graphology's missing_nodes sample)", () => {
    const result = read(fixture("graphology_missing_nodes.graphml"));
    expect(result.ok).toBe(false);
    expect(messages(result, "error").length).toBe(37);
    expect(result.issues.every((issue) => issue.severity !== "error" || (issue.line ?? 0) > 0)).toBe(true);
  });

  it("answers any text, and any damage to an export, with a loadable dataset or located errors, never a throw (fast-check)", () => {
    const base = writeGraphml(buildGraph(quotingHostileDataset()));
    const check = (text: string): void => {
      const result = read(text);
      if (result.ok) {
        const loaded = parseDataset([{ file: "imported.json", text: writeDatasetJson(result.dataset) }]);
        expect(loaded.issues.filter((issue) => issue.severity === "error")).toEqual([]);
        return;
      }
      const errors = result.issues.filter((issue) => issue.severity === "error");
      expect(errors.length).toBeGreaterThan(0);
      for (const issue of errors) if (!issue.message.startsWith("... and ")) expect(issue.line, issue.message).toBeGreaterThanOrEqual(1);
    };
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), check), { numRuns: 200 });
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.nat({ max: 40 }),
            fc.constantFrom("", "<", ">", "&", '"', "</node>", "<edge source='x'/>", "]]>", "\u0000", "é"),
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (edits) => {
          let text = base;
          for (const [at, length, insert] of edits) {
            const start = at % text.length;
            text = text.slice(0, start) + insert + text.slice(start + length);
          }
          check(text);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("never throws on damaged exports, and keeps what another tool added to an export as lines", () => {
    const text = writeGraphml(buildGraph(hostileDataset()));
    for (let cut = 0; cut < text.length; cut += Math.ceil(text.length / 40)) {
      const result = read(text.slice(0, cut));
      expect(result.ok).toBe(false);
      expect(result.issues.some((issue) => issue.severity === "error")).toBe(true);
    }
    const edited = text
      .replace('<key id="node-exact"', '<key id="extra" for="node" attr.name="reviewer" attr.type="string"/>\n  <key id="node-exact"')
      .replace('<node id="vendor-b">', '<node id="vendor-b">\n      <data key="extra">Ana</data>');
    const dataset = imported(read(edited));
    expect(dataset.entities.find((entity) => entity.id === "vendor-b")?.description).toBe("reviewer: Ana");
  });
});

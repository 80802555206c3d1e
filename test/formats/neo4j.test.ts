/**
 * The Neo4j bulk-import bundle: its files and headers follow neo4j-admin's documented header format, and
 * read back by the documented CSV rules (RFC 4180 quotes doubled, no backslash escapes, fields spanning
 * lines, an empty unquoted field is no property, arrays split on --array-delimiter) they give back every
 * entity, relation, citation and source exactly, hostile strings included. import.sh runs the exact command.
 */
import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph, datasetFromGraph } from "../../src/graph/build.ts";
import { selectSubgraph } from "../../src/graph/select.ts";
import type { AtlasGraph } from "../../src/graph/types.ts";
import { firstDay, lastDay } from "../../src/model/dates.ts";
import { ENTITY_KINDS, type EntityKind, type RelationKind, type Confidence } from "../../src/model/ontology.ts";
import type { Dataset, Entity, Evidence, Relation, Source } from "../../src/model/schema.ts";
import { memoryBundle } from "../../src/formats/bundle.ts";
import { exportDataset } from "../../src/formats/exported-dataset.ts";
import { ARRAY_DELIMITER, NEO4J_FILES, Neo4jWriteError, writeNeo4jBundle } from "../../src/formats/neo4j/csv.ts";
import { NEO4J_FORMAT } from "../../src/formats/neo4j/format.ts";
import { kindLabel } from "../../src/formats/neo4j/model.ts";
import { datasetArb } from "../support/arbitraries.ts";
import { atlas } from "../support/cli.ts";
import { REPO_ROOT, hostileDataset, quotingHostileDataset, starterDataset } from "./support.ts";

const run = promisify(execFile);

/** The bundle's files as text. */
async function bundleOf(graph: AtlasGraph): Promise<Map<string, string>> {
  const { bundle, files } = memoryBundle();
  const writer = NEO4J_FORMAT.writer;
  if (writer?.output !== "bundle") throw new Error("the Neo4j format writes a bundle");
  await writer.write({ graph, options: {} }, bundle);
  return new Map([...files].map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));
}

type Cell = string | null;

/** A CSV file read by the importer's documented rules: quotes doubled, no backslash escapes, an unquoted empty field is null. */
function readCsv(text: string): { header: string[]; rows: Cell[][] } {
  const records = parse(text, {
    cast: (value, context) => (context.quoting ? value : value === "" ? null : value),
    relax_column_count: false,
  }) as Cell[][];
  const [header, ...rows] = records;
  return { header: (header ?? []).map(String), rows };
}

/** A row by header field, typed as the header says (string[] split on the array delimiter, int as a number). */
function fields(header: readonly string[], row: readonly Cell[]): Map<string, string | string[] | number | null> {
  const byName = new Map<string, string | string[] | number | null>();
  header.forEach((field, index) => {
    const value = row[index] ?? null;
    const [name = "", type = "string"] = field.split(/:(?=[^:]*$)/);
    const key = field.startsWith(":") ? field.replace(/\(.*\)$/, "") : name;
    if (value === null) byName.set(key, null);
    else if (type.endsWith("[]") || key === ":LABEL") byName.set(key, value.split(ARRAY_DELIMITER));
    else if (type === "int") byName.set(key, Number(value));
    else byName.set(key, value);
  });
  return byName;
}

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** The dataset the bundle holds, rebuilt as Neo4j would read it (no metadata: the bundle holds none but the name in import.sh). */
function datasetOfBundle(files: Map<string, string>): Omit<Dataset, "meta"> {
  const table = (name: string): Map<string, string | string[] | number | null>[] => {
    const { header, rows } = readCsv(files.get(name) ?? "");
    return rows.map((row) => fields(header, row));
  };
  const entities = table(NEO4J_FILES.entities).map((row) => {
    const kind = text(row.get("kind")) as EntityKind;
    expect(row.get(":LABEL")).toEqual(["Entity", kindLabel(kind)]);
    const entity: Entity = { id: text(row.get("id")) ?? "", kind, name: text(row.get("name")) ?? "" };
    const aliases = row.get("aliases");
    if (Array.isArray(aliases)) entity.aliases = aliases;
    for (const key of ["country", "description", "url"] as const) {
      const value = text(row.get(key));
      if (value !== undefined) entity[key] = value;
    }
    return entity;
  });
  const sources = table(NEO4J_FILES.sources).map((row) => {
    expect(row.get(":LABEL")).toEqual(["Source"]);
    const source = {
      id: text(row.get("id")),
      url: text(row.get("url")),
      publisher: text(row.get("publisher")),
      title: text(row.get("title")),
    } as Source;
    for (const key of ["published", "accessed", "archive"] as const) {
      const value = text(row.get(key));
      if (value !== undefined) source[key] = value;
    }
    return source;
  });
  const citations = new Map<string, { position: number; evidence: Evidence }[]>();
  for (const row of table(NEO4J_FILES.citations)) {
    expect(row.get(":TYPE")).toBe("CITES");
    const relation = text(row.get(":START_ID")) ?? "";
    const locator = text(row.get("locator"));
    const evidence: Evidence =
      locator === undefined ? { source: text(row.get(":END_ID")) ?? "" } : { source: text(row.get(":END_ID")) ?? "", locator };
    citations.set(relation, [...(citations.get(relation) ?? []), { position: Number(row.get("position")), evidence }]);
  }
  const relationNodes = table(NEO4J_FILES.relationNodes);
  const relations = table(NEO4J_FILES.relations).map((row, index) => {
    const kind = text(row.get("kind")) as RelationKind;
    const start = text(row.get("start")) ?? "";
    const end = text(row.get("end")) ?? null;
    expect(row.get(":TYPE")).toBe(kind.toUpperCase());
    expect(row.get("startDay")).toBe(firstDay(start));
    expect(row.get("endDay")).toBe(end === null ? null : lastDay(end));
    expect(relationNodes[index]?.get("id")).toBe(row.get("id"));
    const cited = (citations.get(text(row.get("id")) ?? "") ?? []).sort((a, b) => a.position - b.position);
    const evidence = cited.map((item) => item.evidence);
    expect(
      (JSON.parse(text(row.get("evidence")) ?? "[]") as Evidence[]).map(({ source, locator }) =>
        locator === undefined ? { source } : { source, locator },
      ),
    ).toEqual(evidence);
    const relation: Relation = {
      id: text(row.get("id")) ?? "",
      kind,
      source: text(row.get(":START_ID")) ?? "",
      target: text(row.get(":END_ID")) ?? "",
      start,
      end,
      claim: text(row.get("claim")) ?? "",
      evidence,
      confidence: text(row.get("confidence")) as Confidence,
    };
    const about = text(row.get("about"));
    if (about !== undefined) relation.about = about;
    return relation;
  });
  return { entities, relations, sources };
}

function expectedOf(graph: AtlasGraph): Omit<Dataset, "meta"> {
  const { entities, relations, sources } = exportDataset(graph);
  const aboutKept = datasetFromGraph(graph).relations;
  // The bundle keeps `about` as an entity id even when the entity is outside the export (a string property).
  return {
    entities,
    relations: relations.map((relation, index) => ({ ...relation, ...(aboutKept[index]?.about ? { about: aboutKept[index].about } : {}) })),
    sources,
  };
}

describe("the Neo4j bulk-import bundle", () => {
  it("has the documented header format: ids in ID spaces, :LABEL, typed properties, :START_ID/:END_ID/:TYPE", async () => {
    const files = await bundleOf(buildGraph(hostileDataset()));
    expect([...files.keys()]).toEqual([
      "entities.csv",
      "sources.csv",
      "relation-nodes.csv",
      "relations.csv",
      "cites.csv",
      "import.sh",
      "constraints.cypher",
    ]);
    const firstLine = (name: string): string => (files.get(name) ?? "").split("\n")[0] ?? "";
    expect(firstLine("entities.csv")).toBe("id:ID(Entity),:LABEL,name,kind,aliases:string[],country,description,url");
    expect(firstLine("sources.csv")).toBe("id:ID(Source),:LABEL,url,publisher,title,published,accessed,archive");
    expect(firstLine("relation-nodes.csv")).toBe("id:ID(Relation),:LABEL,kind");
    expect(firstLine("relations.csv")).toBe(
      ":START_ID(Entity),:END_ID(Entity),:TYPE,id,kind,family,start,startDay:date,end,endDay:date,claim,confidence,about,evidence",
    );
    expect(firstLine("cites.csv")).toBe(":START_ID(Relation),:END_ID(Source),:TYPE,position:int,locator");
  });

  it("quotes every text, doubles quotes, never escapes with a backslash, and leaves absent values empty", async () => {
    const files = await bundleOf(buildGraph(quotingHostileDataset()));
    const entities = files.get("entities.csv") ?? "";
    expect(entities).toContain('"state-a","Entity\u001fGovernment","She said ""no"", then """"nothing"""""');
    expect(entities).toContain('"Vendor; B, Inc. ""B""","vendor","B;C\u001fD,E\u001fF\\",');
    expect(entities).toContain('"case-c","Entity\u001fLegalCase","Case \\""C\\""","legal_case",,,,"https://example.org/?a=1,2;3&q=""x"""');
    const relations = files.get("relations.csv") ?? "";
    expect(relations).toContain('"state-a","vendor-b","BANS","r-2","bans","pressure","2021-03-04","2021-03-04",,,');
    expect(relations).toContain('"line one\nline two\r\nline three\rline four"');
    expect(files.get("cites.csv")).toContain('"r-3","src-a","CITES",2,"again"');
  });

  it("reads back exactly by the documented rules: hostile strings, the hostile and starter datasets, subgraphs", async () => {
    const starter = buildGraph(await starterDataset());
    for (const graph of [
      buildGraph(quotingHostileDataset()),
      buildGraph(hostileDataset()),
      starter,
      selectSubgraph(starter, { kinds: ["government", "agency", "person", "carrier"] }),
    ]) {
      expect(datasetOfBundle(await bundleOf(graph))).toEqual(expectedOf(graph));
    }
  });

  it("reads back exactly for any valid dataset (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb(), async (dataset) => {
        const graph = buildGraph(dataset);
        expect(datasetOfBundle(await bundleOf(graph))).toEqual(expectedOf(graph));
      }),
      { numRuns: 60 },
    );
  });

  it("refuses an array element holding the array delimiter (a graph no valid dataset builds)", () => {
    const graph = buildGraph(quotingHostileDataset());
    graph.setNodeAttribute("vendor-b", "aliases", ["a\u001fb"]);
    expect(() => writeNeo4jBundle(graph, memoryBundle().bundle)).toThrow(Neo4jWriteError);
  });

  it("streams each CSV in batches of rows", () => {
    const entities = Array.from({ length: 2500 }, (_, index) => ({
      id: `e-${index}`,
      kind: "organization" as const,
      name: `Entity ${index}`,
    }));
    const graph = buildGraph({ meta: { name: "Many" }, entities, relations: [], sources: [] });
    const chunks: string[] = [];
    writeNeo4jBundle(graph, {
      add: (name, produce) => (name === "entities.csv" ? produce((chunk) => chunks.push(String(chunk))) : produce(() => undefined)),
    });
    expect(chunks.length).toBe(4);
    expect(chunks.join("").split("\n").length).toBe(2502);
  });
});

describe("import.sh", () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), "atlas-neo4j-"));
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("runs neo4j-admin database import full with every file and the options the CSV relies on", async () => {
    const files = await bundleOf(buildGraph(quotingHostileDataset()));
    const bundleFolder = path.join(folder, "bundle with spaces");
    const out = await atlas(
      "export",
      path.join(REPO_ROOT, "test/fixtures/formats/golden-dataset.json"),
      "--format",
      "neo4j",
      "--out",
      `${bundleFolder}/`,
    );
    expect(out.code, out.stderr).toBe(0);
    expect(readdirSync(bundleFolder).sort()).toEqual([...files.keys()].sort());
    const fake = path.join(folder, "fake-neo4j-admin");
    writeFileSync(fake, '#!/bin/sh\npwd\nfor argument in "$@"; do printf "%s\\n" "$argument"; done\n');
    chmodSync(fake, 0o755);
    const { stdout } = await run("sh", [path.join(bundleFolder, "import.sh"), "atlas"], {
      env: { ...process.env, NEO4J_ADMIN: fake },
      cwd: folder,
    });
    expect(stdout.split("\n")).toEqual([
      bundleFolder,
      "database",
      "import",
      "full",
      "atlas",
      "--nodes=entities.csv",
      "--nodes=sources.csv",
      "--nodes=relation-nodes.csv",
      "--relationships=relations.csv",
      "--relationships=cites.csv",
      "--delimiter=,",
      '--quote="',
      "--array-delimiter=U+001F",
      "--multiline-fields=true",
      "--legacy-style-quoting=false",
      "--trim-strings=false",
      "--ignore-empty-strings=false",
      "--id-type=string",
      "",
    ]);
    for (const name of ["entities.csv", "sources.csv", "relation-nodes.csv", "relations.csv", "cites.csv"])
      expect(existsSync(path.join(bundleFolder, name))).toBe(true);
    expect(readFileSync(path.join(bundleFolder, "constraints.cypher"), "utf8")).toMatch(
      /CREATE CONSTRAINT atlas_entity_id IF NOT EXISTS FOR \(n:Entity\) REQUIRE n\.id IS UNIQUE;/,
    );
  }, 60_000);

  it("is written as a zip for --out FILE.neo4j.zip (the explorer's download), with the same files", async () => {
    const zip = path.join(folder, "export.neo4j.zip");
    const out = await atlas("export", path.join(REPO_ROOT, "test/fixtures/formats/golden-dataset.json"), "--out", zip);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/\(Neo4j bulk-import CSV\)/);
    expect(Object.keys(unzipSync(readFileSync(zip))).sort()).toEqual([
      "cites.csv",
      "constraints.cypher",
      "entities.csv",
      "import.sh",
      "relation-nodes.csv",
      "relations.csv",
      "sources.csv",
    ]);
  }, 60_000);

  it("names the dataset on one line whatever it holds", async () => {
    const script = (await bundleOf(buildGraph(quotingHostileDataset()))).get("import.sh") ?? "";
    expect(script.split("\n")[1]).toBe('# Loads this folder into a new Neo4j database: CSV "hostile" dataset, with; everything and lines');
    expect(ENTITY_KINDS.map(kindLabel)).toContain("LegalCase");
  });
});

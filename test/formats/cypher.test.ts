/**
 * The Cypher script: Neo4j's own Cypher parser and semantic analysis (@neo4j-cypher/language-support) accept
 * it without a diagnostic, hostile strings included; its rows, read back by the Cypher manual's literal rules
 * (string escapes \" \\ \n \r \t \b \f \uXXXX), give back every entity, relation, citation and source; and it is
 * idempotent by construction: constraints IF NOT EXISTS, nodes and relationships MERGEd on their ids only,
 * everything else SET.
 */
import { lintCypherQuery } from "@neo4j-cypher/language-support";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import { selectSubgraph } from "../../src/graph/select.ts";
import type { AtlasGraph } from "../../src/graph/types.ts";
import { firstDay, lastDay } from "../../src/model/dates.ts";
import type { Confidence, EntityKind, RelationKind } from "../../src/model/ontology.ts";
import type { Dataset, Entity, Evidence, Relation, Source } from "../../src/model/schema.ts";
import { exportDataset } from "../../src/formats/exported-dataset.ts";
import { writeCypher, writeCypherChunks } from "../../src/formats/cypher/write.ts";
import { CONSTRAINTS, kindLabel } from "../../src/formats/neo4j/model.ts";
import { datasetArb } from "../support/arbitraries.ts";
import { hostileDataset, quotingHostileDataset, starterDataset } from "./support.ts";

/** Neo4j's parser and semantic analysis (the Cypher front end compiled to JavaScript): every diagnostic. */
function diagnostics(script: string): string[] {
  return lintCypherQuery(script, {}).diagnostics.map(
    (diagnostic) =>
      `${diagnostic.range.start.line + 1}: ${typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value}`,
  );
}

type Literal = string | number | null | { date: string } | Literal[] | { [key: string]: Literal };

/** Reads a Cypher literal (string, integer, list, map, date("…")) by the Cypher manual's rules; test-only. */
class LiteralReader {
  index = 0;
  constructor(private readonly text: string) {}

  private space(): void {
    while (/\s/.test(this.text[this.index] ?? "")) this.index += 1;
  }

  private expect(token: string): void {
    this.space();
    if (!this.text.startsWith(token, this.index))
      throw new Error(`expected ${token} at ${this.index}: ${this.text.slice(this.index, this.index + 30)}`);
    this.index += token.length;
  }

  value(): Literal {
    this.space();
    const character = this.text[this.index];
    if (character === '"' || character === "'") return this.string();
    if (character === "[") {
      this.index += 1;
      const items: Literal[] = [];
      this.space();
      if (this.text[this.index] === "]") {
        this.index += 1;
        return items;
      }
      for (;;) {
        items.push(this.value());
        this.space();
        if (this.text[this.index] === ",") this.index += 1;
        else break;
      }
      this.expect("]");
      return items;
    }
    if (character === "{") {
      this.index += 1;
      const map: Record<string, Literal> = {};
      for (;;) {
        this.space();
        const key = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.index, this.index + 100))?.[0];
        if (key === undefined) throw new Error(`expected a key at ${this.index}`);
        this.index += key.length;
        this.expect(":");
        map[key] = this.value();
        this.space();
        if (this.text[this.index] === ",") this.index += 1;
        else break;
      }
      this.expect("}");
      return map;
    }
    if (this.text.startsWith("date(", this.index)) {
      this.index += 5;
      const date = this.string();
      this.expect(")");
      return { date };
    }
    const number = /^-?\d+/.exec(this.text.slice(this.index, this.index + 20))?.[0];
    if (number !== undefined) {
      this.index += number.length;
      return Number(number);
    }
    throw new Error(`unexpected ${JSON.stringify(this.text.slice(this.index, this.index + 20))}`);
  }

  private string(): string {
    const quote = this.text[this.index];
    this.index += 1;
    let value = "";
    const escapes: Record<string, string> = { "\\": "\\", "'": "'", '"': '"', n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };
    for (;;) {
      const character = this.text[this.index];
      if (character === undefined) throw new Error("unterminated string");
      this.index += 1;
      if (character === quote) return value;
      if (character !== "\\") {
        value += character;
        continue;
      }
      const escaped = this.text[this.index] ?? "";
      this.index += 1;
      if (escaped === "u") {
        const hex = this.text.slice(this.index, this.index + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Error(`bad \\u escape at ${this.index}`);
        value += String.fromCharCode(Number.parseInt(hex, 16));
        this.index += 4;
      } else if (Object.hasOwn(escapes, escaped)) value += escapes[escaped] as string;
      else throw new Error(`an escape the Cypher manual does not list: \\${escaped}`);
    }
  }
}

interface Statement {
  comment: string | undefined;
  rows: Literal[];
  body: string;
}

/** The script's statements: constraints, and UNWIND statements with their rows read back. */
function statementsOf(script: string): { constraints: string[]; unwinds: Statement[] } {
  const constraints: string[] = [];
  const unwinds: Statement[] = [];
  let comment: string | undefined;
  let index = 0;
  while (index < script.length) {
    const lineEnd = script.indexOf("\n", index) === -1 ? script.length : script.indexOf("\n", index);
    const line = script.slice(index, lineEnd);
    if (line.startsWith("UNWIND ")) {
      const reader = new LiteralReader(script);
      reader.index = index + "UNWIND ".length;
      const rows = reader.value() as Literal[];
      const end = script.indexOf(";\n", reader.index);
      const body = script.slice(reader.index, end).trim();
      expect(body.startsWith("AS row\n")).toBe(true);
      unwinds.push({ comment, rows, body: body.slice("AS row\n".length) });
      index = end + 2;
      continue;
    }
    if (line.startsWith("CREATE CONSTRAINT")) constraints.push(line);
    else if (line.startsWith("// ")) comment = line.slice(3);
    else if (line.trim() !== "" && !line.startsWith("//")) throw new Error(`a line outside any statement: ${line}`);
    index = lineEnd + 1;
  }
  return { constraints, unwinds };
}

function map(value: Literal | undefined): Record<string, Literal> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`not a map: ${JSON.stringify(value)}`);
  return value;
}
const text = (value: Literal | undefined): string | undefined => (typeof value === "string" ? value : undefined);

/** The dataset the script loads, rebuilt from its rows; entities and relations come kind by kind, so in id order here. */
function datasetOfScript(script: string): Omit<Dataset, "meta"> {
  const { unwinds } = statementsOf(script);
  const entities: Entity[] = [];
  const relations: Relation[] = [];
  const sources: Source[] = [];
  const citations = new Map<string, { position: number; evidence: Evidence }[]>();
  const relationNodes: string[] = [];
  for (const { body, rows } of unwinds) {
    const label = /^SET n:(\w+)$/m.exec(body)?.[1];
    const type = /MERGE \(a\)-\[r:(\w+) \{id: row\.properties\.id\}\]->\(b\)/.exec(body)?.[1];
    for (const row of rows.map(map)) {
      if (body.startsWith("MERGE (n:Source")) sources.push(row as unknown as Source);
      else if (body.startsWith("MERGE (n:Entity")) {
        expect(label).toBe(kindLabel(text(row.kind) as EntityKind));
        entities.push(row as unknown as Entity);
      } else if (type !== undefined) {
        const properties = map(row.properties);
        const start = text(properties.start) ?? "";
        const end = text(properties.end) ?? null;
        expect(type).toBe((text(properties.kind) ?? "").toUpperCase());
        expect(properties.startDay).toEqual({ date: firstDay(start) });
        expect(properties.endDay).toEqual(end === null ? undefined : { date: lastDay(end) });
        const relation: Relation = {
          id: text(properties.id) ?? "",
          kind: text(properties.kind) as RelationKind,
          source: text(row.source) ?? "",
          target: text(row.target) ?? "",
          start,
          end,
          claim: text(properties.claim) ?? "",
          evidence: (JSON.parse(text(properties.evidence) ?? "[]") as Evidence[]).map(({ source, locator }) =>
            locator === undefined ? { source } : { source, locator },
          ),
          confidence: text(properties.confidence) as Confidence,
        };
        const about = text(properties.about);
        if (about !== undefined) relation.about = about;
        relations.push(relation);
      } else if (body.startsWith("MERGE (n:Relation")) relationNodes.push(text(row.id) ?? "");
      else if (body.startsWith("MATCH (r:Relation")) {
        const properties = map(row.properties);
        const locator = text(properties.locator);
        const relation = text(row.relation) ?? "";
        const evidence: Evidence = locator === undefined ? { source: text(row.source) ?? "" } : { source: text(row.source) ?? "", locator };
        citations.set(relation, [...(citations.get(relation) ?? []), { position: Number(properties.position), evidence }]);
      } else throw new Error(`an unknown statement: ${body}`);
    }
  }
  for (const relation of relations) {
    const cited = (citations.get(relation.id) ?? []).sort((a, b) => a.position - b.position).map((item) => item.evidence);
    expect(cited).toEqual(relation.evidence);
  }
  expect(relationNodes.sort()).toEqual(relations.map((relation) => relation.id).sort());
  const byId = <T extends { id: string }>(items: T[]): T[] => items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entities: byId(entities), relations: byId(relations), sources };
}

function expectedOf(graph: AtlasGraph): Omit<Dataset, "meta"> {
  const dataset = exportDataset(graph);
  const byId = <T extends { id: string }>(items: T[]): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // `about` is kept as an entity id even when the entity is outside the export.
  const relations = dataset.relations.map((relation) => {
    const about = graph.getEdgeAttribute(relation.id, "about");
    return about === undefined ? relation : { ...relation, about };
  });
  return { entities: byId(dataset.entities), relations: byId(relations), sources: dataset.sources };
}

describe("the Cypher script", () => {
  it("parses without a diagnostic in Neo4j's parser and semantic analysis, hostile strings included", () => {
    expect(diagnostics(writeCypher(buildGraph(quotingHostileDataset())))).toEqual([]);
    expect(diagnostics(writeCypher(buildGraph(quotingHostileDataset()), { batchRows: 1 }))).toEqual([]);
    expect(diagnostics(writeCypher(buildGraph(hostileDataset())))).toEqual([]);
  }, 120_000);

  // The semantic analysis takes seconds per 10 kB of script: generated datasets stay small, and the starter dataset's
  // whole script (its literals, made by the same encoder) is read back by the literal rules below instead.
  it("parses without a diagnostic for generated datasets (fast-check) and a neighbourhood of the starter dataset", async () => {
    fc.assert(
      fc.property(datasetArb({ maxEntities: 5, maxRelations: 6, maxSources: 2 }), (dataset) => {
        expect(diagnostics(writeCypher(buildGraph(dataset)))).toEqual([]);
      }),
      { numRuns: 6 },
    );
    const telus = selectSubgraph(buildGraph(await starterDataset()), { ego: { id: "telus", depth: 1 } });
    expect(diagnostics(writeCypher(telus))).toEqual([]);
  }, 120_000);

  it("is what Neo4j's parser refuses when a literal is broken (the check can fail)", () => {
    const script = writeCypher(buildGraph(quotingHostileDataset()));
    expect(diagnostics(script.replace('\\"', '"'))).not.toEqual([]);
  }, 60_000);

  it("loads exactly the dataset: every entity, relation, date, citation and source, read back by the Cypher literal rules", async () => {
    const starter = buildGraph(await starterDataset());
    for (const graph of [
      buildGraph(quotingHostileDataset()),
      buildGraph(hostileDataset()),
      starter,
      selectSubgraph(starter, { ego: { id: "huawei", depth: 1 } }),
    ]) {
      expect(datasetOfScript(writeCypher(graph, { batchRows: 7 }))).toEqual(expectedOf(graph));
    }
    fc.assert(
      fc.property(datasetArb(), (dataset) => {
        const graph = buildGraph(dataset);
        expect(datasetOfScript(writeCypher(graph))).toEqual(expectedOf(graph));
      }),
      { numRuns: 60 },
    );
  });

  it("is idempotent by construction: constraints IF NOT EXISTS, then MERGE on ids only and SET the rest; nothing created twice, nothing deleted", async () => {
    const script = writeCypher(buildGraph(await starterDataset()), { batchRows: 50 });
    const { constraints, unwinds } = statementsOf(script);
    expect(constraints).toEqual(CONSTRAINTS);
    const templates = [
      /^MERGE \(n:Source \{id: row\.id\}\)\nSET n = row$/,
      /^MERGE \(n:Entity \{id: row\.id\}\)\nSET n = row\nREMOVE n(?::\w+){9}\nSET n:\w+$/,
      /^MATCH \(a:Entity \{id: row\.source\}\)\nMATCH \(b:Entity \{id: row\.target\}\)\nMERGE \(a\)-\[r:[A-Z_]+ \{id: row\.properties\.id\}\]->\(b\)\nSET r = row\.properties$/,
      /^MERGE \(n:Relation \{id: row\.id\}\)\nSET n = row$/,
      /^MATCH \(r:Relation \{id: row\.relation\}\)\nMATCH \(s:Source \{id: row\.source\}\)\nMERGE \(r\)-\[c:CITES \{position: row\.properties\.position\}\]->\(s\)\nSET c = row\.properties$/,
    ];
    for (const { body } of unwinds)
      expect(
        templates.some((template) => template.test(body)),
        body,
      ).toBe(true);
    expect(script).not.toMatch(/^\s*(CREATE|DELETE|DETACH)\b(?! CONSTRAINT)/m);
    // Every statement holds at most 50 rows, and each relation, entity and source is in exactly one.
    expect(Math.max(...unwinds.map((statement) => statement.rows.length))).toBeLessThanOrEqual(50);
  });

  it("streams one statement at a time", () => {
    const chunks: string[] = [];
    const report = writeCypherChunks(buildGraph(hostileDataset()), (chunk) => chunks.push(chunk), { batchRows: 1 });
    expect(chunks.join("")).toBe(writeCypher(buildGraph(hostileDataset()), { batchRows: 1 }));
    expect(chunks.length).toBe(report.statements - CONSTRAINTS.length + 1);
    for (const chunk of chunks.slice(1)) expect(chunk).toMatch(/;\n$/);
  });
});

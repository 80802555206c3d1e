import { DOMParser, type Element } from "@xmldom/xmldom";
import { MultiDirectedGraph } from "graphology";
import gexf from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import type { AtlasGraph } from "../../src/graph/types.ts";
import { ENTITY_KIND_COLORS, RELATION_FAMILY_COLORS } from "../../src/model/presentation.ts";
import { EDGE_FIELDS, NODE_FIELDS, decodeList, encodeList } from "../../src/formats/gexf/profile.ts";
import { readGexf } from "../../src/formats/gexf/read.ts";
import { GexfWriteError, nodeSize, writeGexf, writeGexfChunks } from "../../src/formats/gexf/write.ts";
import { hostileDataset, starterDataset } from "./support.ts";

const DATE = "2026-01-01";

function parse(text: string) {
  const strict = (level: string, message: string): void => {
    if (level !== "warning" || !message.startsWith("Unicode replacement")) throw new Error(message);
  };
  return new DOMParser({ onError: strict }).parseFromString(text, "text/xml");
}

function all(document: ReturnType<typeof parse>, name: string): Element[] {
  return Array.from(document.getElementsByTagName(name));
}

function attvalues(element: Element): Record<string, string | null> {
  return Object.fromEntries(
    Array.from(element.getElementsByTagName("attvalue")).map((value) => [String(value.getAttribute("for")), value.getAttribute("value")]),
  );
}

describe("the GEXF 1.3 writer", () => {
  it("writes the 1.3 namespace, the viz namespace and typed declarations for every entity and relation field", async () => {
    const document = parse(writeGexf(buildGraph(await starterDataset()), { date: DATE }));
    const root = document.documentElement as Element;
    expect(root.namespaceURI).toBe("http://gexf.net/1.3");
    expect(root.getAttribute("version")).toBe("1.3");
    expect(root.getAttribute("xmlns:viz")).toBe("http://gexf.net/1.3/viz");
    const declared = (cls: string) =>
      all(document, "attributes")
        .filter((element) => element.getAttribute("class") === cls)
        .flatMap((element) =>
          Array.from(element.getElementsByTagName("attribute")).map((attribute) => [
            attribute.getAttribute("title"),
            attribute.getAttribute("type"),
          ]),
        );
    expect(declared("node")).toEqual([
      ["kind", "string"],
      ["country", "string"],
      ["aliases", "liststring"],
      ["description", "string"],
      ["url", "anyURI"],
    ]);
    expect(declared("edge").map(([title]) => title)).toEqual(EDGE_FIELDS.map((field) => field.title));
    expect(NODE_FIELDS.map((field) => field.title)).toEqual(["kind", "country", "aliases", "description", "url"]);
    expect(all(document, "meta")[0]?.getAttribute("lastmodifieddate")).toBe(DATE);
  });

  it("writes every relation as an edge with its own id, parallel relations included, with kind, dates, sources and URLs", () => {
    const dataset = hostileDataset();
    const document = parse(writeGexf(buildGraph(dataset), { date: DATE }));
    const edges = all(document, "edge");
    expect(edges.map((edge) => edge.getAttribute("id"))).toEqual(["r-1", "r-2", "r-3", "r-4"]);
    const [first, second] = edges as [Element, Element];
    expect([first.getAttribute("source"), first.getAttribute("target")]).toEqual([
      second.getAttribute("source"),
      second.getAttribute("target"),
    ]);
    expect(first.getAttribute("kind")).toBe("bans");
    const values = attvalues(first);
    expect(values).toMatchObject({ kind: "bans", family: "pressure", start_date: "2019", end_date: "2020-02", confidence: "confirmed" });
    expect(decodeList(values.sources ?? "")).toEqual(["src-a", "src-b"]);
    expect(decodeList(values.source_urls ?? "")).toEqual(["https://example.org/a?x=1&y=2#frag", "http://example.com/b"]);
    expect(attvalues(edges[2] as Element)).toMatchObject({ about: "vendor-b" });
    expect(attvalues(edges[2] as Element).end_date).toBeUndefined();
  });

  it("colours nodes by kind and edges by family as r/g/b, sizes nodes by degree and places them deterministically", async () => {
    const graph = buildGraph(await starterDataset());
    const text = writeGexf(graph, { date: DATE });
    expect(writeGexf(graph, { date: DATE })).toBe(text);
    const document = parse(text);
    const node = all(document, "node").find((element) => element.getAttribute("id") === "huawei") as Element;
    const color = node.getElementsByTagName("viz:color")[0] as Element;
    expect([color.getAttribute("r"), color.getAttribute("g"), color.getAttribute("b")].map(Number)).toEqual([...ENTITY_KIND_COLORS.vendor]);
    expect(color.getAttribute("hex")).toBeNull();
    expect(Number(node.getElementsByTagName("viz:size")[0]?.getAttribute("value"))).toBe(nodeSize(graph.degree("huawei")));
    const edge = all(document, "edge")[0] as Element;
    const family = graph.getEdgeAttribute(edge.getAttribute("id"), "family");
    expect(Number(edge.getElementsByTagName("viz:color")[0]?.getAttribute("b"))).toBe(RELATION_FAMILY_COLORS[family][2]);
  });

  it("takes positions from a layout when one is given", async () => {
    const graph = buildGraph(await starterDataset());
    const document = parse(writeGexf(graph, { date: DATE, positions: (id) => (id === "huawei" ? { x: 12.345, y: -7 } : undefined) }));
    const node = all(document, "node").find((element) => element.getAttribute("id") === "huawei") as Element;
    const position = node.getElementsByTagName("viz:position")[0] as Element;
    expect([position.getAttribute("x"), position.getAttribute("y")]).toEqual(["12.35", "-7"]);
  });

  it("writes dynamic GEXF with dates at their precision: a year spans the whole year, an ongoing relation has no end", () => {
    const document = parse(writeGexf(buildGraph(hostileDataset()), { date: DATE, dynamic: true }));
    const graph = all(document, "graph")[0] as Element;
    expect([graph.getAttribute("mode"), graph.getAttribute("timeformat")]).toEqual(["dynamic", "date"]);
    const times = Object.fromEntries(
      all(document, "edge").map((edge) => [String(edge.getAttribute("id")), [edge.getAttribute("start"), edge.getAttribute("end")]]),
    );
    expect(times).toEqual({
      "r-1": ["2019-01-01", "2020-02-29"],
      "r-2": ["2021-03-04", null],
      "r-3": ["2018-11-01", null],
      "r-4": ["2012-01-01", "2012-12-31"],
    });
    const nodeTimes = Object.fromEntries(
      all(document, "node").map((node) => [String(node.getAttribute("id")), [node.getAttribute("start"), node.getAttribute("end")]]),
    );
    // An entity lives from its first relation's start; an ongoing relation leaves it open.
    expect(nodeTimes["state-a"]).toEqual(["2018-11-01", null]);
    expect(nodeTimes["vendor-b"]).toEqual(["2012-01-01", null]);
  });

  it("escapes markup, quotes and line breaks so every string reads back exactly", () => {
    const dataset = hostileDataset();
    const text = writeGexf(buildGraph(dataset), { date: DATE });
    expect(text).not.toMatch(/[\ufffe\uffff]/);
    const document = parse(text);
    const node = all(document, "node")[0] as Element;
    expect(node.getAttribute("label")).toBe(dataset.entities[0]?.name);
    expect(attvalues(node).description).toBe(dataset.entities[0]?.description?.replace(/[\ufffe\uffff]/g, "\ufffd"));
    expect(attvalues(all(document, "node")[2] as Element).description).toBe("\ttabbed\r\ncrlf");
  });

  it("replaces characters XML cannot carry with U+FFFD, counts them and keeps the exact values for the reader", () => {
    const graph: AtlasGraph = buildGraph(hostileDataset());
    graph.setNodeAttribute("carrier-c", "label", "bell\u0001\u0008");
    const chunks: string[] = [];
    const report = writeGexfChunks(graph, (chunk) => chunks.push(chunk), { date: DATE });
    const text = chunks.join("");
    // eslint-disable-next-line no-control-regex -- control characters are what must not reach the file
    expect(text).not.toMatch(/[\u0001\u0008\ufffe\uffff]/);
    expect(report.replacedValues).toBeGreaterThan(0);
    expect(parse(text).getElementsByTagName("node")[2]?.getAttribute("label")).toBe("bell\ufffd\ufffd");
    const read = readGexf(text);
    // The dataset forbids control characters: the reader restores the label, removes them and says so.
    expect(read.ok && read.dataset.entities[2]?.name).toBe("bell");
    expect(read.issues.map((issue) => issue.message).join("\n")).toMatch(/1 text held control or bidirectional override characters/);
    graph.setNodeAttribute("carrier-c", "label", "Carrier ]]>");
    const clean = readGexf(writeGexf(graph, { date: DATE }));
    expect(clean.ok && clean.dataset.entities[0]?.aliases?.[4]).toBe(hostileDataset().entities[0]?.aliases?.[4]);
  });

  it("hands the text on in chunks that join to the same document", async () => {
    const graph = buildGraph(await starterDataset());
    const chunks: string[] = [];
    writeGexfChunks(graph, (chunk) => chunks.push(chunk), { date: DATE, dynamic: true });
    expect(chunks.join("")).toBe(writeGexf(graph, { date: DATE, dynamic: true }));
  });

  it("refuses an id XML cannot carry and a malformed date, with a clear error", () => {
    const graph: AtlasGraph = new MultiDirectedGraph({ allowSelfLoops: true });
    graph.replaceAttributes({ name: "x", counts: { entities: 1, relations: 0, sources: 0 }, sources: {} });
    graph.addNode("bad\u0000id", { kind: "vendor", label: "x", aliases: [] });
    expect(() => writeGexf(graph)).toThrow(GexfWriteError);
    expect(() => writeGexf(buildGraph(hostileDataset()), { date: "2026" })).toThrow(/YYYY-MM-DD/);
  });

  it("is read by graphology-gexf's own parser with the attributes intact", async () => {
    const dataset = await starterDataset();
    const read = gexf.parse(MultiDirectedGraph, writeGexf(buildGraph(dataset), { date: DATE }));
    expect(read.order).toBe(dataset.entities.length);
    expect(read.size).toBe(dataset.relations.length);
    const relation = dataset.relations[0];
    if (!relation) throw new Error("the starter dataset has relations");
    expect(read.getEdgeAttributes(relation.id)).toMatchObject({
      kind: relation.kind,
      start_date: relation.start,
      claim: relation.claim,
      sources: relation.evidence.map((evidence) => evidence.source),
    });
    const entity = dataset.entities.find((item) => item.aliases !== undefined);
    expect(read.getNodeAttribute(entity?.id, "aliases")).toEqual(entity?.aliases);
  });
});

describe("liststring values", () => {
  it("round-trip any strings through our JSON form and read the forms other tools write", () => {
    const values = ["a, b", "c | d", "[e]", '"f"', "g\\h", "'i'", ""];
    expect(decodeList(encodeList(values))).toEqual(values);
    expect(decodeList("cooking|money")).toEqual(["cooking", "money"]);
    expect(decodeList("a ,b , c")).toEqual(["a", "b", "c"]);
    expect(decodeList("[a, b, c]")).toEqual(["a", "b", "c"]);
    expect(decodeList("['a', '\\'b\\'', 'c']")).toEqual(["a", "'b'", "c"]);
    expect(decodeList("['a', \"b\", 'c']")).toEqual(["a", "b", "c"]);
    expect(decodeList("single")).toEqual(["single"]);
    expect(decodeList("[]")).toEqual([]);
  });
});

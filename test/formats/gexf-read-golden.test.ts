/**
 * The GEXF reader against its recorded answers (test/formats/golden/): for the fixture corpora and for GEXF
 * generated with fixed seeds (the usual order and every other order: meta after graph, declarations after
 * nodes, edges before nodes, several blocks, hierarchies with nested edges, second graphs, unread and viz
 * elements anywhere; cut, damaged or not GEXF at all; Leverage Atlas exports), every issue (message, line,
 * column, order) and the dataset must be exactly what was recorded. These pin the streaming reader and the
 * mapping across refactoring; when the answers change on purpose, `UPDATE_GOLDEN=1 npx vitest run test/formats`
 * records them again, and the diff is reviewed.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeXmlBytes } from "../../src/formats/xml/decode.ts";
import { readGexf } from "../../src/formats/gexf/read.ts";
import { writeGexf } from "../../src/formats/gexf/write.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { parseDataset } from "../../src/load/parse.ts";
import type { Dataset } from "../../src/model/schema.ts";
import { datasetArb } from "../support/arbitraries.ts";
import { expectGolden } from "../support/golden.ts";
import { goldenJson } from "../support/golden-json.ts";
import { anyTreeArb, damage, damageArb, element, gexfText, gexfTreeArb, serialize, type XmlNode } from "./gexf-arbitraries.ts";
import { GEXF_FIXTURES, REPO_ROOT } from "./support.ts";

const GOLDEN = path.join(REPO_ROOT, "test/formats/golden");
const OPTIONS = { file: "generated.gexf", today: "2026-01-01" };
const TIMEOUT = 120_000;

/** Each input with the reader's whole answer, recorded in one golden file. */
function expectAnswers(golden: string, inputs: readonly string[]): void {
  const cases = inputs.map((gexf) => ({ gexf, answer: readGexf(gexf, OPTIONS) }));
  expectGolden(path.join(GOLDEN, golden), goldenJson(cases));
}

/** A dataset whose pressure relation is about an entity that nothing else links. */
function aboutDataset(): Dataset {
  const result = parseDataset([
    {
      file: "about.json",
      json: {
        entities: [
          { id: "gov-a", kind: "government", name: "A" },
          { id: "carrier-b", kind: "carrier", name: "B" },
          { id: "vendor-c", kind: "vendor", name: "C" },
        ],
        relations: [
          {
            id: "r-1",
            kind: "pressures",
            source: "gov-a",
            target: "carrier-b",
            about: "vendor-c",
            start: "2019",
            claim: "A pressures B about C.",
            evidence: [{ source: "src-a" }],
            confidence: "reported",
          },
        ],
        sources: [{ id: "src-a", url: "https://example.org/a", publisher: "P", title: "T", published: "2019" }],
      },
    },
  ]);
  if (!result.ok) throw new Error(`the dataset must be valid: ${JSON.stringify(result.issues)}`);
  return result.dataset;
}

/** `count` values of an arbitrary, always the same ones for a seed. */
function sample<T>(arbitrary: fc.Arbitrary<T>, seed: number, count: number): T[] {
  return fc.sample(arbitrary, { seed, numRuns: count });
}

/** How many generated files each golden records: enough to reach every warning and error of the mapping but a few (pinned below), few enough to review. */
const USUAL = 25;
const ANY_ORDER = 30;
const DAMAGED = 30;
const ANY_XML = 30;
const EXPORTS = 12;
/** Nodes whose ids all slug to "a", and edges all called "E": the id allocator's counters. */
const SLUG_ALIKE = 120;

/** Elements that change what a reader must wait for when they come late or twice, and elements it does not read. */
const insertedArb: fc.Arbitrary<XmlNode> = fc.constantFrom(
  element("junk", [["id", "j"]], [element("node", [["id", "inside-junk"]])]),
  element("viz:color", [
    ["r", "1"],
    ["g", "2"],
    ["b", "3"],
  ]),
  element(
    "meta",
    [["lastmodifieddate", "2020-02-02"]],
    [element("creator", [], [], "Late creator"), element("description", [], [], "Late meta")],
  ),
  element("graph", [["defaultedgetype", "directed"]], [element("nodes", [], [element("node", [["id", "g2"]])])]),
  element(
    "attributes",
    [["class", "node"]],
    [
      element(
        "attribute",
        [
          ["id", "0"],
          ["title", "kind"],
        ],
        [element("default", [], [], "vendor")],
      ),
    ],
  ),
  element(
    "attributes",
    [["class", "edge"]],
    [
      element("attribute", [
        ["id", "1"],
        ["title", "claim"],
      ]),
    ],
  ),
  element("attributes", [["class", "graph"]]),
  element(
    "nodes",
    [],
    [
      element("node", [
        ["id", "late"],
        ["label", "Late"],
      ]),
      element("node", [["id", "a"]]),
    ],
  ),
  element(
    "edges",
    [],
    [
      element("edge", [
        ["source", "a"],
        ["target", "late"],
      ]),
      element("edge", [
        ["id", "e-late"],
        ["source", "b"],
        ["target", "a"],
      ]),
    ],
  ),
  element(
    "node",
    [
      ["id", "stray"],
      ["pid", "a"],
    ],
    [element("nodes", [], [element("node", [["id", "stray-child"]])])],
  ),
  element("edge", [
    ["source", "a"],
    ["target", "b"],
  ]),
  element("spells", [], [element("spell", [["start", "2019"]])]),
  element(
    "attvalues",
    [],
    [
      element("attvalue", [
        ["for", "kind"],
        ["value", "vendor"],
      ]),
    ],
  ),
  element("parents", [], [element("parent", [["for", "a"]])]),
);

/** Every element of a tree, in document order. */
function allElements(root: XmlNode): XmlNode[] {
  return [root, ...root.children.flatMap(allElements)];
}

/** The tree with `inserted` placed among the children of the element at `target` (document order), at `at`. */
function insert(root: XmlNode, target: number, at: number, inserted: XmlNode): XmlNode {
  const chosen = target % allElements(root).length;
  let index = -1;
  const rebuild = (node: XmlNode): XmlNode => {
    index += 1;
    const mine = index;
    const children = node.children.map(rebuild);
    if (mine !== chosen) return { ...node, children };
    const place = at % (children.length + 1);
    return { ...node, children: [...children.slice(0, place), inserted, ...children.slice(place)] };
  };
  return rebuild(root);
}

/** Splits each <nodes> and <edges> block of the graph in two, then orders the graph's and the root's children anew. */
function reorder(root: XmlNode, cuts: number[], graphKeys: number[], rootKeys: number[]): XmlNode {
  const ordered = (children: readonly XmlNode[], keys: number[]): XmlNode[] =>
    children
      .map((child, index) => ({ child, key: keys[index % Math.max(1, keys.length)] ?? 0, index }))
      .sort((a, b) => a.key - b.key || a.index - b.index)
      .map(({ child }) => child);
  const graphOf = (graph: XmlNode): XmlNode => {
    const pieces = graph.children.flatMap((child, index) => {
      if (child.name !== "nodes" && child.name !== "edges") return [child];
      const cut = (cuts[index] ?? 0) % (child.children.length + 1);
      return [
        { ...child, children: child.children.slice(0, cut) },
        { ...child, children: child.children.slice(cut) },
      ];
    });
    return { ...graph, children: ordered(pieces, graphKeys) };
  };
  return {
    ...root,
    children: ordered(
      root.children.map((child) => (child.name === "graph" ? graphOf(child) : child)),
      rootKeys,
    ),
  };
}

/** Moves the first edges into the first node, as a hierarchy's own edges (and nests the second node in the first). */
function nestInFirstNode(root: XmlNode, edgesMoved: number, nestSecond: boolean): XmlNode {
  const graph = root.children.find((child) => child.name === "graph");
  const nodes = graph?.children.find((child) => child.name === "nodes");
  const edges = graph?.children.find((child) => child.name === "edges");
  const [first, second, ...others] = nodes?.children ?? [];
  if (!graph || !nodes || !edges || !first) return root;
  const moved = edges.children.slice(0, edgesMoved);
  const nested: XmlNode[] = [
    ...(moved.length > 0 ? [element("edges", [], moved)] : []),
    ...(nestSecond && second ? [element("nodes", [], [second])] : []),
  ];
  const newFirst = { ...first, children: [...first.children, ...nested] };
  const newNodes = { ...nodes, children: nestSecond ? [newFirst, ...others] : [newFirst, ...(second ? [second] : []), ...others] };
  const newEdges = { ...edges, children: edges.children.slice(edgesMoved) };
  const newGraph = { ...graph, children: graph.children.map((child) => (child === nodes ? newNodes : child === edges ? newEdges : child)) };
  return { ...root, children: root.children.map((child) => (child === graph ? newGraph : child)) };
}

const reshapedArb = fc
  .record({
    tree: gexfTreeArb,
    cuts: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    graphKeys: fc.oneof(fc.constant<number[]>([]), fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 8 })),
    rootKeys: fc.oneof(fc.constant<number[]>([]), fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 4 })),
    nest: fc.option(fc.tuple(fc.nat({ max: 3 }), fc.boolean()), { nil: undefined }),
    insertions: fc.array(fc.tuple(fc.nat(), fc.nat(), insertedArb), { maxLength: 4 }),
  })
  .map(({ tree, cuts, graphKeys, rootKeys, nest, insertions }) => {
    let root = reorder(tree.root, cuts, graphKeys, rootKeys);
    if (nest) root = nestInFirstNode(root, nest[0], nest[1]);
    for (const [target, at, inserted] of insertions) root = insert(root, target, at, inserted);
    return gexfText(root);
  });

/** Too big to review as a golden (2,345 edges alike, 1 MB of answer); gexf-read.test.ts imports it. */
const NOT_RECORDED = new Set(["gephi-gexf_celegans.gexf"]);

function corpus(folder: string): { name: string; text: string }[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".gexf") && !NOT_RECORDED.has(name))
    .sort()
    .flatMap((name) => {
      const decoded = decodeXmlBytes(readFileSync(path.join(folder, name)));
      return decoded.ok ? [{ name, text: decoded.text }] : [];
    });
}

describe("the GEXF reader answers as recorded", () => {
  it.each([
    ["hostile", path.join(REPO_ROOT, "test/fixtures/hostile/gexf")],
    ["fixtures", GEXF_FIXTURES],
  ])("on the %s corpus", (name, folder) => {
    const answers = Object.fromEntries(corpus(folder).map(({ name: file, text }) => [file, readGexf(text, { file, today: "2026-01-01" })]));
    expectGolden(path.join(GOLDEN, `corpus-${name}.json`), goldenJson(answers));
  });

  it("on random GEXF in the usual order", () => {
    expectAnswers(
      "usual-order.json",
      sample(gexfTreeArb, 1, USUAL).map(({ root }) => gexfText(root)),
    );
  });

  it(
    "on random GEXF in any order: blocks split and shuffled, meta late, hierarchies, second graphs, elements it does not read anywhere",
    () => {
      expectAnswers("any-order.json", sample(reshapedArb, 2, ANY_ORDER));
    },
    TIMEOUT,
  );

  it("on GEXF cut, with a range deleted, or with a token inserted", () => {
    const damagedArb = fc
      .tuple(
        fc.oneof(
          reshapedArb,
          gexfTreeArb.map(({ root }) => gexfText(root)),
        ),
        damageArb,
      )
      .map(([text, how]) => damage(text, how));
    expectAnswers("damaged.json", sample(damagedArb, 3, DAMAGED));
  });

  it("on arbitrary well-formed XML under a <gexf> root or any other", () => {
    const xmlArb = fc
      .tuple(anyTreeArb, fc.boolean())
      .map(([tree, underGexf]) => serialize(underGexf ? element("gexf", [["xmlns:viz", "http://gexf.net/1.3/viz"]], [tree]) : tree));
    expectAnswers("any-xml.json", sample(xmlArb, 4, ANY_XML));
  });

  it(
    "on Leverage Atlas exports of any valid dataset, static and dynamic",
    () => {
      const exportArb = fc
        .tuple(datasetArb(), fc.boolean())
        .map(([dataset, dynamic]) => writeGexf(buildGraph(dataset), { dynamic, date: "2026-01-01" }));
      expectAnswers("atlas-exports.json", sample(exportArb, 5, EXPORTS));
    },
    TIMEOUT,
  );

  it("on relations the loader refuses once mapped, named by the edge's id or, without one, its position", () => {
    // A claim of nothing but a bidi override passes the mapping and is empty once cleaned: the loader refuses it.
    const refusedClaim = '<attvalues><attvalue for="c" value="&#x202E;"/></attvalues>';
    const text = `<gexf><graph><attributes class="edge"><attribute id="c" title="claim"/></attributes><nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b"/><edge source="b" target="a">${refusedClaim}<spells><spell start="2019"/><spell start="2020"/></spells></edge><edge id="e" source="a" target="b">${refusedClaim}</edge></edges></graph></gexf>`;
    expectAnswers("refused-once-mapped.json", [text]);
    expect(
      readGexf(text, OPTIONS)
        .issues.filter((issue) => issue.severity === "error")
        .map((issue) => issue.message.replace(/:.*/, "")),
    ).toEqual(["edge #2", "edge #2", 'edge "e"']);
  });

  it("on branches random files seldom reach: a kindless edge no precise kind allows (it becomes related_to), an export about an entity left out, over 50 errors", () => {
    const noKindAllowed = `<gexf><graph><attributes class="node"><attribute id="k" title="kind"/></attributes><nodes><node id="treaty"><attvalues><attvalue for="k" value="agreement"/></attvalues></node><node id="state"><attvalues><attvalue for="k" value="government"/></attvalues></node></nodes><edges><edge id="e" source="treaty" target="state"/></edges></graph></gexf>`;
    const exported = writeGexf(buildGraph(aboutDataset()), { date: "2026-01-01" });
    const aboutLeftOut = exported.replace(/<node id="vendor-c".*?<\/node>\n/s, "");
    expect(aboutLeftOut).not.toBe(exported);
    const missingEnds = Array.from({ length: 60 }, (_, index) => `<edge id="e${index}" source="a" target="ghost-${index}"/>`).join("");
    const manyErrors = `<gexf><graph><nodes><node id="a"/></nodes><edges>${missingEnds}</edges></graph></gexf>`;
    expectAnswers("rare-branches.json", [noKindAllowed, aboutLeftOut, manyErrors]);
  });

  it("on files with carriage returns, many unread elements, and ids that slug alike", () => {
    const unread = Array.from({ length: 40 }, (_, index) => `<x${index % 7}/>`).join("\r\n");
    const carriageReturns = `<gexf>\r<meta/>\r\n<junk/><graph>${unread}<nodes>${unread}<node id="a">${unread}</node></nodes>${unread}</graph>${unread}<meta/></gexf>`;
    const alike = Array.from({ length: SLUG_ALIKE }, (_, index) => `<node id="${index % 2 === 0 ? "a" : "A"}${"!".repeat(index)}"/>`).join(
      "",
    );
    const edges = Array.from(
      { length: SLUG_ALIKE },
      (_, index) =>
        `<edge id="E" source="a" target="a"><spells><spell start="${2000 + (index % 9)}"/><spell start="2019"/></spells></edge>`,
    ).join("");
    expectAnswers("unread-and-alike.json", [carriageReturns, `<gexf><graph><nodes>${alike}</nodes><edges>${edges}</edges></graph></gexf>`]);
  });
});

/**
 * The streaming GEXF reader against the reader as it was before (test/formats/reference: the whole element tree
 * first, then the mapping): on the fixture corpora, on random GEXF in the usual order and in every other order
 * (meta after graph, declarations after nodes, edges before nodes, several blocks, hierarchies with nested
 * edges, second graphs, unread and viz elements anywhere), cut, damaged or not GEXF at all, both must give
 * exactly the same answer: every issue (message, line, column, order) and the same dataset.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeXmlBytes } from "../../src/formats/xml/decode.ts";
import { readGexf } from "../../src/formats/gexf/read.ts";
import { writeGexf } from "../../src/formats/gexf/write.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { datasetArb } from "../support/arbitraries.ts";
import { anyTreeArb, damage, damageArb, element, gexfText, gexfTreeArb, serialize, type XmlNode } from "./gexf-arbitraries.ts";
import { referenceReadGexf } from "./reference/gexf-read-reference.ts";
import { GEXF_FIXTURES, REPO_ROOT } from "./support.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const TIMEOUT = 120_000;
const OPTIONS = { file: "differential.gexf", today: "2026-01-01" };

function expectSameAnswer(text: string, options = OPTIONS): void {
  expect(readGexf(text, options)).toStrictEqual(referenceReadGexf(text, options));
}

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

function corpus(folder: string): [string, string][] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".gexf"))
    .flatMap((name): [string, string][] => {
      const decoded = decodeXmlBytes(readFileSync(path.join(folder, name)));
      return decoded.ok ? [[name, decoded.text]] : [];
    });
}

describe("the streaming reader answers exactly as the reader before it", () => {
  it.each([...corpus(path.join(REPO_ROOT, "test/fixtures/hostile/gexf")), ...corpus(GEXF_FIXTURES)])("on %s", (name, text) => {
    expectSameAnswer(text, { file: name, today: "2026-01-01" });
  });

  it(
    "on random GEXF in the usual order",
    () => {
      fc.assert(
        fc.property(gexfTreeArb, ({ root }) => expectSameAnswer(gexfText(root))),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "on random GEXF in any order: blocks split and shuffled, meta late, hierarchies, second graphs, elements it does not read anywhere",
    () => {
      fc.assert(
        fc.property(reshapedArb, (text) => expectSameAnswer(text)),
        { numRuns: RUNS * 2 },
      );
    },
    TIMEOUT,
  );

  it(
    "on GEXF cut, with a range deleted, or with a token inserted",
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            reshapedArb,
            gexfTreeArb.map(({ root }) => gexfText(root)),
          ),
          damageArb,
          (text, how) => expectSameAnswer(damage(text, how)),
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "on arbitrary well-formed XML under a <gexf> root or any other",
    () => {
      fc.assert(
        fc.property(anyTreeArb, fc.boolean(), (tree, underGexf) => {
          const root = underGexf ? element("gexf", [["xmlns:viz", "http://gexf.net/1.3/viz"]], [tree]) : tree;
          expectSameAnswer(serialize(root));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "on Leverage Atlas exports of any valid dataset, static and dynamic",
    () => {
      fc.assert(
        fc.property(datasetArb(), fc.boolean(), (dataset, dynamic) =>
          expectSameAnswer(writeGexf(buildGraph(dataset), { dynamic, date: "2026-01-01" })),
        ),
        { numRuns: 60 },
      );
    },
    TIMEOUT,
  );

  it("on relations the loader refuses once mapped, named by the edge's id or, without one, its position", () => {
    // A claim of nothing but a bidi override passes the mapping and is empty once cleaned: the loader refuses it.
    const refusedClaim = '<attvalues><attvalue for="c" value="&#x202E;"/></attvalues>';
    const text = `<gexf><graph><attributes class="edge"><attribute id="c" title="claim"/></attributes><nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b"/><edge source="b" target="a">${refusedClaim}<spells><spell start="2019"/><spell start="2020"/></spells></edge><edge id="e" source="a" target="b">${refusedClaim}</edge></edges></graph></gexf>`;
    expectSameAnswer(text);
    expect(
      readGexf(text, OPTIONS)
        .issues.filter((issue) => issue.severity === "error")
        .map((issue) => issue.message.replace(/:.*/, "")),
    ).toEqual(["edge #2", "edge #2", 'edge "e"']);
  });

  it("on files with carriage returns, many unread elements, and ids that slug alike", () => {
    const unread = Array.from({ length: 40 }, (_, index) => `<x${index % 7}/>`).join("\r\n");
    expectSameAnswer(
      `<gexf>\r<meta/>\r\n<junk/><graph>${unread}<nodes>${unread}<node id="a">${unread}</node></nodes>${unread}</graph>${unread}<meta/></gexf>`,
    );
    const alike = Array.from({ length: 300 }, (_, index) => `<node id="${index % 2 === 0 ? "a" : "A"}${"!".repeat(index)}"/>`).join("");
    const edges = Array.from(
      { length: 300 },
      (_, index) =>
        `<edge id="E" source="a" target="a"><spells><spell start="${2000 + (index % 9)}"/><spell start="2019"/></spells></edge>`,
    ).join("");
    expectSameAnswer(`<gexf><graph><nodes>${alike}</nodes><edges>${edges}</edges></graph></gexf>`);
  });
});

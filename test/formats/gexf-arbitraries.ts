/**
 * GEXF-shaped and XML-shaped input for the importer's property tests (fuzz-import.test.ts: it never throws;
 * gexf-read-golden.test.ts: it answers as recorded): values that stress the
 * mapping, well-formed GEXF trees with random attributes, namespaces, hierarchies and records, XML token soup,
 * and arbitrary well-formed XML trees.
 */
import fc from "fast-check";
import { RECORD_FORMAT, RECORD_PREFIX, RECORD_VERSION } from "../../src/formats/gexf/profile.ts";
import { CONFIDENCES, ENTITY_KINDS } from "../../src/model/ontology.ts";
import { CURATED_RELATION_KINDS } from "../support/arbitraries.ts";

// ---------------------------------------------------------------------------------------------------
// Values that GEXF files hold, and that stress the mapping.

const hostileText = fc.constantFrom(
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "javascript:alert(1)",
  " JaVaScRiPt:alert(1)",
  "data:text/html,<b>x</b>",
  "https://example.org/a?b=1&c=2",
  "http://",
  "A\u202eB",
  // Nothing but characters the dataset refuses: cleaned, the text is empty (a claim or name the loader then refuses).
  "\u202e",
  "\u2066isolate\u2069",
  "\u200f\u05e2\u05d1\u05e8\u05d9\u05ea",
  "مرحبا",
  "📡🛰️ 𝔸𝕥𝕝𝕒𝕤",
  "line\u2028separator\u2029",
  "tab\there",
  "cr\r\nlf",
  "\u0085next line",
  "]]>",
  "<!-- -->",
  "&amp; &lt;",
  "   ",
  "",
  " padded ",
  "__proto__",
  "constructor",
  "toString",
  '["a", "b"]',
  "['a', 'b']",
  "a|b|c",
  "a, b",
  "[",
  "\\",
  "x".repeat(301),
  "y".repeat(2_001),
  `${RECORD_PREFIX}{}`,
);
const dateLike = fc.constantFrom(
  "2019",
  "2019-11",
  "2019-11-22",
  "2019-13-45",
  "2019-02-30",
  "2020-01-01T10:00:00Z",
  "yesterday",
  "-5",
  "0",
  "1999.0",
  "1e400",
  "NaN",
  "9999-12-31",
  "0001",
  "10000",
  "2018.5",
);
const kindLike = fc.constantFrom(...ENTITY_KINDS, ...CURATED_RELATION_KINDS, ...CONFIDENCES, "Vendor", "supplier", "directed", "mutual");
const textArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 3, arbitrary: hostileText },
  { weight: 2, arbitrary: dateLike },
  { weight: 2, arbitrary: kindLike },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 10 }) },
);
const idPool = fc.constantFrom("a", "b", "c", "1", "2", "New York", "a-b", "A", "__proto__", "constructor", "", " a", "é");
const idArb = fc.oneof({ weight: 4, arbitrary: idPool }, { weight: 1, arbitrary: textArb });
/** Lists as GEXF tools write them (ours, Gephi's, pipes), of ids, http(s) URLs (some over the URL limit) or any text. */
const listItemArb = fc.oneof(
  idPool,
  fc.constantFrom("https://example.org/a", "http://example.com/b?c=1", `https://example.org/${"u".repeat(2_100)}`, "javascript:alert(1)"),
  textArb,
);
const listArb = fc
  .tuple(fc.array(listItemArb, { maxLength: 3 }), fc.constantFrom("json", "quoted", "pipe"))
  .map(([items, form]) =>
    form === "json" ? JSON.stringify(items) : form === "quoted" ? `[${items.map((item) => `'${item}'`).join(", ")}]` : items.join("|"),
  );

/** XML text of a value: markup escaped; characters XML 1.0 cannot carry become character references (which then fail, located). */
export function escapeXml(value: string): string {
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids include C0 controls
  return value.replace(/[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff\r]/gu, (character) => {
    if (character === "&") return "&amp;";
    if (character === "<") return "&lt;";
    if (character === ">") return "&gt;";
    if (character === '"') return "&quot;";
    return `&#x${(character.codePointAt(0) ?? 0).toString(16)};`;
  });
}

export interface XmlNode {
  name: string;
  attributes: readonly (readonly [string, string])[];
  children: readonly XmlNode[];
  text?: string;
}

export function serialize(node: XmlNode): string {
  const attributes = node.attributes.map(([name, value]) => ` ${name}="${escapeXml(value)}"`).join("");
  const inner = `${node.text === undefined ? "" : escapeXml(node.text)}${node.children.map(serialize).join("")}`;
  return inner === "" ? `<${node.name}${attributes}/>` : `<${node.name}${attributes}>${inner}</${node.name}>`;
}

/** Optional attributes: each present or not, duplicates by name removed (a duplicate is a syntax error tested elsewhere). */
function attributesArb(entries: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<[string, string][]> {
  const optional = Object.entries(entries).map(([name, value]) =>
    fc.option(
      value.map((text) => [name, text] as [string, string]),
      { nil: undefined },
    ),
  );
  return fc.tuple(...optional).map((items) => items.filter((item): item is [string, string] => item !== undefined));
}

export const element = (
  name: string,
  attributes: readonly (readonly [string, string])[] = [],
  children: readonly XmlNode[] = [],
  text?: string,
): XmlNode => (text === undefined ? { name, attributes, children } : { name, attributes, children, text });

const foreignAttributes = fc.array(fc.tuple(fc.constantFrom("pid", "intervals", "timestamps", "population", "x-note", "count"), textArb), {
  maxLength: 2,
});
const timeAttributes = { start: dateLike, end: dateLike, timestamp: dateLike };
const attvaluesArb = fc
  .array(
    attributesArb({
      for: fc.oneof(
        fc.constantFrom(
          "0",
          "1",
          "kind",
          "k",
          "url",
          "country",
          "claim",
          "confidence",
          "aliases",
          "sources",
          "source_urls",
          "locators",
          "about",
        ),
        textArb,
      ),
      value: fc.oneof(textArb, listArb, listItemArb),
      start: dateLike,
      end: dateLike,
    }),
    { maxLength: 4 },
  )
  .map((values) =>
    element(
      "attvalues",
      [],
      values.map((attributes) => element("attvalue", attributes)),
    ),
  );
const spellsArb = fc.array(attributesArb(timeAttributes), { minLength: 1, maxLength: 3 }).map((spells) =>
  element(
    "spells",
    [],
    spells.map((attributes) => element("spell", attributes)),
  ),
);
const vizArb = fc.constantFrom(
  element("viz:color", [
    ["r", "1"],
    ["g", "2"],
    ["b", "3"],
  ]),
  element("viz:size", [["value", "4"]]),
  element("unknown-thing", [], [], "kept?"),
);
const childrenArb = fc
  .tuple(fc.option(attvaluesArb, { nil: undefined }), fc.option(spellsArb, { nil: undefined }), fc.option(vizArb, { nil: undefined }))
  .map((children) => children.filter((child): child is XmlNode => child !== undefined));

const nodeArb: fc.Arbitrary<XmlNode> = fc.letrec<{ node: XmlNode }>((tie) => ({
  node: fc
    .tuple(
      // An id nearly always (a node without one is an error, pinned in the corpus).
      fc
        .tuple(
          fc.oneof(
            { weight: 60, arbitrary: idArb.map((id): [string, string][] => [["id", id]]) },
            { weight: 1, arbitrary: fc.constant<[string, string][]>([]) },
          ),
          attributesArb({ label: textArb, ...timeAttributes }),
        )
        .map(([id, rest]) => [...id, ...rest]),
      foreignAttributes,
      childrenArb,
      fc.oneof({ weight: 5, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(tie("node"), { maxLength: 2 }) }),
    )
    .map(([attributes, foreign, children, nested]) => {
      const names = new Set(attributes.map(([name]) => name));
      const extra = foreign.filter(([name]) => !names.has(name) && (names.add(name), true));
      return element("node", [...attributes, ...extra], nested.length > 0 ? [...children, element("nodes", [], nested)] : children);
    }),
})).node;

/** An edge whose ends are nearly always among the given node ids. */
const edgeArb = (nodeIds: readonly string[]): fc.Arbitrary<XmlNode> => {
  const end =
    nodeIds.length === 0 ? idArb : fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...nodeIds) }, { weight: 1, arbitrary: idArb });
  return fc
    .tuple(
      fc.tuple(end, end).map(([source, target]): [string, string][] => [
        ["source", source],
        ["target", target],
      ]),
      attributesArb({
        id: idArb,
        type: fc.constantFrom("directed", "undirected", "mutual", "sideways"),
        kind: kindLike,
        label: textArb,
        weight: textArb,
        timestamps: dateLike,
        ...timeAttributes,
      }),
      childrenArb,
      // Evidence as our exports and other tools write it: aligned lists of source ids, URLs and locators.
      fc.option(attributesArb({ sources: listArb, source_urls: listArb, locators: listArb }), { nil: undefined }),
    )
    .map(([ends, attributes, children, evidence]) => {
      const evidenceValues = (evidence ?? []).map(([name, value]) =>
        element("attvalue", [
          ["for", name],
          ["value", value],
        ]),
      );
      const others = children.filter((child) => child.name !== "attvalues");
      return element(
        "edge",
        [...ends, ...attributes],
        evidence === undefined ? children : [...others, element("attvalues", [], evidenceValues)],
      );
    });
};

const declarationsArb = fc
  .array(
    fc.tuple(
      fc.constantFrom("node", "edge", "graph"),
      fc.array(
        attributesArb({
          id: fc.constantFrom("0", "1", "kind", "k"),
          title: fc.oneof(
            fc.constantFrom(
              "kind",
              "url",
              "country",
              "description",
              "aliases",
              "claim",
              "confidence",
              "start_date",
              "end_date",
              "sources",
              "source_urls",
              "locators",
              "about",
              "family",
              "networkx_key",
            ),
            textArb,
          ),
          type: fc.constantFrom("string", "liststring", "integer", "anyURI"),
        }),
        { maxLength: 3 },
      ),
      fc.option(textArb, { nil: undefined }),
    ),
    { maxLength: 2 },
  )
  .map((groups) =>
    groups.map(([cls, declarations, fallback]) =>
      element(
        "attributes",
        [["class", cls]],
        declarations.map((attributes, index) =>
          element("attribute", attributes, index === 0 && fallback !== undefined ? [element("default", [], [], fallback)] : []),
        ),
      ),
    ),
  );

/** A record line: sometimes a well-formed record, sometimes one damaged in some part, sometimes any JSON. */
const recordLineArb = fc.oneof(
  fc
    .record({ name: fc.oneof(textArb, fc.constant("Data")), url: fc.oneof(textArb, fc.constant("https://example.org/s")) })
    .map(({ name, url }) =>
      JSON.stringify({
        format: RECORD_FORMAT,
        version: RECORD_VERSION,
        dataset: { name },
        sources: [{ id: "s", url, publisher: "P", title: "T" }],
      }),
    ),
  fc
    .jsonValue()
    .map((value) =>
      JSON.stringify({ format: RECORD_FORMAT, version: RECORD_VERSION, dataset: { name: "D" }, sources: [], originals: value }),
    ),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 20 }),
);

const metaArb = fc
  .tuple(
    fc.option(textArb, { nil: undefined }),
    fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: recordLineArb }),
    fc.option(textArb, { nil: undefined }),
    fc.option(dateLike, { nil: undefined }),
  )
  .map(([description, record, creator, date]) => {
    const text = [description, record === undefined ? undefined : `${RECORD_PREFIX}${record}`]
      .filter((part) => part !== undefined)
      .join("\n");
    const children = [
      ...(text === "" ? [] : [element("description", [], [], text)]),
      ...(creator === undefined ? [] : [element("creator", [], [], creator)]),
    ];
    return { node: element("meta", date === undefined ? [] : [["lastmodifieddate", date]], children), native: record !== undefined };
  });

const namespaceArb = fc.constantFrom<[string, string][]>(
  [
    ["xmlns", "http://gexf.net/1.3"],
    ["version", "1.3"],
  ],
  [
    ["xmlns", "http://www.gexf.net/1.2draft"],
    ["version", "1.2"],
  ],
  [["xmlns", "http://www.gexf.net/1.1draft"]],
  [["xmlns", "http://www.gexf.net/1.3"]],
  [],
  [["xmlns", "urn:not-gexf"]],
);

/** A well-formed GEXF tree: the usual order (meta, graph: declarations, nodes, edges), random content. */
export const gexfTreeArb = fc
  .record({
    namespace: namespaceArb,
    meta: fc.option(metaArb, { nil: undefined }),
    graph: attributesArb({
      defaultedgetype: fc.constantFrom("directed", "undirected", "mutual", "bogus"),
      timeformat: fc.constantFrom("date", "dateTime", "integer", "double", "timestamp"),
      mode: fc.constantFrom("static", "dynamic"),
      name: textArb,
    }),
    declarations: declarationsArb,
    // Top-level ids unique (duplicates are an error pinned in the corpus), nested ones not necessarily.
    nodes: fc.uniqueArray(nodeArb, { maxLength: 6, selector: (node) => node.attributes.find(([name]) => name === "id")?.[1] }),
  })
  .chain((parts) => {
    const ids = parts.nodes.flatMap((node) => node.attributes.filter(([name]) => name === "id").map(([, id]) => id));
    return fc.array(edgeArb(ids), { maxLength: 6 }).map((edges) => ({ ...parts, edges }));
  })
  .map(({ namespace, meta, graph, declarations, nodes, edges }) => {
    const graphElement = element("graph", graph, [...declarations, element("nodes", [], nodes), element("edges", [], edges)]);
    const root = element(
      "gexf",
      [...namespace, ["xmlns:viz", "http://gexf.net/1.3/viz"]],
      meta === undefined ? [graphElement] : [meta.node, graphElement],
    );
    return { root, native: meta?.native ?? false };
  });

/** A GEXF document as text. */
export function gexfText(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root)}\n`;
}

export const gexfArb = gexfTreeArb.map(({ root, native }) => ({ text: gexfText(root), native }));

/** Pieces of XML, to assemble text that is mostly not well-formed. */
export const xmlToken = fc.oneof(
  fc.constantFrom(
    "<",
    ">",
    "</",
    "/>",
    "=",
    '"',
    "'",
    "&",
    ";",
    "&amp;",
    "&#x1;",
    "&#65;",
    "&lt;",
    "&nbsp;",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    '<?xml version="1.0"?>',
    "?>",
    "<!DOCTYPE gexf>",
    '<!ENTITY x "y">',
    " ",
    "\n",
  ),
  fc.constantFrom(
    "gexf",
    "graph",
    "nodes",
    "node",
    "edges",
    "edge",
    "attvalues",
    "attvalue",
    "meta",
    "description",
    "id",
    "source",
    "target",
    "label",
    "xmlns",
    "xmlns:viz",
    "viz:color",
  ),
  fc.constantFrom(
    '<gexf xmlns="http://gexf.net/1.3">',
    "</gexf>",
    "<graph>",
    "</graph>",
    "<nodes>",
    "</nodes>",
    '<node id="a"/>',
    '<node id="b" label="B">',
    "</node>",
    "<edges>",
    '<edge source="a" target="b"/>',
    "</edges>",
  ),
  fc.string({ unit: "grapheme", maxLength: 5 }),
);

/** A way to damage a text: cut it, delete up to 19 characters, or insert an XML token, at a position taken modulo its length. */
export interface Damage {
  at: number;
  length: number;
  how: "cut" | "delete" | "insert";
  token: string;
}

export const damageArb: fc.Arbitrary<Damage> = fc.record({
  at: fc.nat(),
  length: fc.nat(),
  how: fc.constantFrom("cut" as const, "delete" as const, "insert" as const),
  token: xmlToken,
});

export function damage(text: string, { at, length, how, token }: Damage): string {
  const position = at % (text.length + 1);
  if (how === "cut") return text.slice(0, position);
  if (how === "delete") return text.slice(0, position) + text.slice(position + (length % 20));
  return text.slice(0, position) + token + text.slice(position);
}

/** Any well-formed XML tree: names from GEXF and elsewhere, with or without (declared) prefixes, random attributes and text. */
export const anyTreeArb: fc.Arbitrary<XmlNode> = fc.letrec<{ tree: XmlNode }>((tie) => ({
  tree: fc
    .record({
      name: fc.constantFrom(
        "gexf",
        "graph",
        "nodes",
        "node",
        "edges",
        "edge",
        "attvalues",
        "attvalue",
        "attributes",
        "attribute",
        "meta",
        "description",
        "spells",
        "spell",
        "parents",
        "parent",
        "viz:color",
        "g:node",
        "html",
        "script",
        "a",
      ),
      attributes: fc.uniqueArray(
        fc.tuple(
          fc.constantFrom(
            "id",
            "label",
            "source",
            "target",
            "for",
            "value",
            "class",
            "title",
            "type",
            "start",
            "end",
            "pid",
            "xmlns",
            "xmlns:g",
            "href",
            "onload",
          ),
          textArb,
        ),
        { maxLength: 4, selector: ([name]) => name },
      ),
      text: fc.option(textArb, { nil: undefined }),
      children: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(tie("tree"), { maxLength: 4 }) }),
    })
    .map(({ name, attributes, text, children }) => element(name, attributes, children, text)),
})).tree;

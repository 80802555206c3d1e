/**
 * The hostile-input corpus for the GEXF importer (test/fixtures/hostile/gexf): every case with its exact
 * outcome, through decodeXmlBytes and readGexf (as the CLI and the explorer read a file) and through `atlas import`
 * (exit status, stderr, and no output file after a failure). Large or pathological inputs are generated
 * here rather than committed. Every case finishes; the timeouts are generous on purpose, since timing is
 * measured by benchmarks, not by tests.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { atlas } from "../support/cli.ts";
import { decodeXmlBytes } from "../../src/formats/xml/decode.ts";
import { readGexf, type GexfReadResult } from "../../src/formats/gexf/read.ts";
import { writeDatasetJson } from "../../src/formats/json/write.ts";
import { formatIssue, type LoadIssue } from "../../src/load/issues.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { today } from "../../src/model/dates.ts";

const CORPUS = "test/fixtures/hostile/gexf";
/** Relations without dates start on the import day, which is today for the CLI. */
const TODAY = today();
const SLOW = 120_000;

interface Expected {
  /** Entities, relations and sources imported; absent when the file is refused. */
  imports?: [number, number, number];
  /** Every issue, as "@line:column severity: message" (no place when the issue is about the whole file). */
  issues: string[];
}

function describeIssue(issue: LoadIssue): string {
  return `${issue.line === undefined ? "" : `@${issue.line}:${issue.column} `}${issue.severity}: ${issue.message}`;
}

function importBytes(name: string): GexfReadResult {
  const decoded = decodeXmlBytes(readFileSync(path.join(CORPUS, name)));
  if (decoded.ok) return readGexf(decoded.text, { file: name });
  const { message, line, column } = decoded;
  return {
    ok: false,
    native: false,
    issues: [{ file: name, pointer: "", severity: "error", message, ...(line === undefined ? {} : { line, column }) }],
  };
}

const EXPECTED: Record<string, Expected> = {
  "billion-laughs.gexf": {
    issues: [
      "@2:1 error: the file has a DOCTYPE declaration; GEXF never needs one, and it is refused because it could declare external or expanding entities",
    ],
  },
  "bom.gexf": {
    imports: [2, 1, 1],
    issues: [
      'warning: 2 nodes had no entity kind of the ontology and were imported as "organization" (e.g. "a", "b")',
      'warning: 1 edge had no relation kind of the ontology (a kind written in the file is kept as a line of the claim) and became "related_to", an unspecified tie: replace it with a precise kind (e.g. "e1")',
      `warning: 1 relation had no usable date and starts on the import day ${TODAY}, ongoing (e.g. "e1")`,
      'warning: 1 relation had no confidence of the ontology and was set to "alleged" (e.g. "e1")',
      'warning: 1 relation had no claim and got one naming the file and the endpoints (e.g. "e1")',
      'warning: 1 relation cites no source in the file and now cites "import-bom" (https://leverage-atlas.invalid/import/bom), standing for the file; give the file\'s real URL (CLI: --source-url)',
    ],
  },
  "deeply-nested.gexf": {
    issues: [
      "@4:2995 error: elements are nested more than 1,000 levels deep here; GEXF needs a few levels, and deeper nesting is refused so that reading stays fast",
    ],
  },
  "doctype-after-comment.gexf": {
    issues: [
      "@3:1 error: the file has a DOCTYPE declaration; GEXF never needs one, and it is refused because it could declare external or expanding entities",
    ],
  },
  "doctype-internal-subset-only.gexf": {
    issues: [
      "@2:1 error: the file has a DOCTYPE declaration; GEXF never needs one, and it is refused because it could declare external or expanding entities",
    ],
  },
  "duplicate-node-ids.gexf": {
    issues: [
      '@6:7 error: duplicate node id "a": relations to it would be ambiguous',
      'warning: 1 node had no entity kind of the ontology and was imported as "organization" (e.g. "a")',
    ],
  },
  "duplicate-xml-attribute.gexf": {
    issues: ["@5:37 error: the file is not well-formed XML: duplicate attribute: id."],
  },
  "edge-without-ends.gexf": {
    issues: [
      '@9:7 error: edge "e1" points to a node that does not exist: source (none)',
      '@10:7 error: edge "e2" points to a node that does not exist: target (none)',
      'warning: 2 nodes had no entity kind of the ontology and were imported as "organization" (e.g. "a", "b")',
    ],
  },
  "edges-to-missing-nodes.gexf": {
    issues: [
      '@9:7 error: edge "e1" points to a node that does not exist: target "ghost"',
      '@10:7 error: edge "e2" points to a node that does not exist: source "phantom" and target "spectre"',
      'warning: 2 nodes had no entity kind of the ontology and were imported as "organization" (e.g. "a", "b")',
      'warning: 1 edge had no relation kind of the ontology (a kind written in the file is kept as a line of the claim) and became "related_to", an unspecified tie: replace it with a precise kind (e.g. "e3")',
      `warning: 1 relation had no usable date and starts on the import day ${TODAY}, ongoing (e.g. "e3")`,
      'warning: 1 relation had no confidence of the ontology and was set to "alleged" (e.g. "e3")',
      'warning: 1 relation had no claim and got one naming the file and the endpoints (e.g. "e3")',
      'warning: 1 relation cites no source in the file and now cites "import-edges-to-missing-nodes" (https://leverage-atlas.invalid/import/edges-to-missing-nodes), standing for the file; give the file\'s real URL (CLI: --source-url)',
    ],
  },
  "empty-graph.gexf": {
    imports: [0, 0, 0],
    issues: [],
  },
  "empty.gexf": {
    issues: ["@1:1 error: the file is empty"],
  },
  "end-before-start.gexf": {
    issues: [
      '@9:7 error: edge "e1": ends (2019-01-01) before it starts (2021-06-01)',
      'warning: 2 nodes had no entity kind of the ontology and were imported as "organization" (e.g. "a", "b")',
      'warning: 1 edge had no relation kind of the ontology (a kind written in the file is kept as a line of the claim) and became "related_to", an unspecified tie: replace it with a precise kind (e.g. "e1")',
      'warning: 1 relation had no confidence of the ontology and was set to "alleged" (e.g. "e1")',
      'warning: 1 relation had no claim and got one naming the file and the endpoints (e.g. "e1")',
      'warning: 1 relation cites no source in the file and now cites "import-end-before-start" (https://leverage-atlas.invalid/import/end-before-start), standing for the file; give the file\'s real URL (CLI: --source-url)',
    ],
  },
  "gephi-quirks.gexf": {
    imports: [3, 3, 1],
    issues: [
      'warning: 1 edge id was rewritten to fit the id format or to avoid an id already taken (e.g. "0 -> edge-0")',
      'warning: 3 nodes had no entity kind of the ontology and were imported as "organization" (e.g. "n0", "n1", "n2")',
      'warning: 1 edge had no id and got "edge-N" (N = its position in the file)',
      'warning: 3 edges had no relation kind of the ontology (a kind written in the file is kept as a line of the claim) and became "related_to", an unspecified tie: replace it with a precise kind (e.g. "0", "0", "#3")',
      'warning: 3 edges were undirected or mutual and were imported as directed from source to target as written (e.g. "0", "0", "#3")',
      'warning: 3 relations had no usable date and start on the file\'s lastmodifieddate 2023-11-20, ongoing (e.g. "0", "0", "#3")',
      'warning: 3 relations had no confidence of the ontology and were set to "alleged" (e.g. "0", "0", "#3")',
      'warning: 3 relations had no claim and got one naming the file and the endpoints (e.g. "0", "0", "#3")',
      'warning: 3 relations cite no source in the file and now cite "import-gephi-quirks" (https://leverage-atlas.invalid/import/gephi-quirks), standing for the file; give the file\'s real URL (CLI: --source-url)',
      'warning: 3 entities keep other attributes or time spans as "title: value" lines in the description (e.g. "n0", "n1", "n2")',
      'warning: 2 relations keep other attributes, labels or weights as "title: value" lines in the claim (e.g. "0", "#3")',
      "warning: colours, sizes and positions (viz) are not kept: the explorer lays the graph out itself",
    ],
  },
  "graphml-root.gexf": {
    issues: ["@2:1 error: not a GEXF file: the root element is <graphml>, not <gexf>"],
  },
  "hostile-strings.gexf": {
    imports: [7, 1, 1],
    issues: [
      'warning: 5 nodes had no entity kind of the ontology and were imported as "organization" (e.g. "bidi", "rtl", "emoji")',
      'warning: 1 relation had no usable date and starts on the file\'s lastmodifieddate 2024-05-01, ongoing (e.g. "e1")',
      'warning: 1 relation had no confidence of the ontology and was set to "alleged" (e.g. "e1")',
      'warning: 1 relation had no claim and got one naming the file and the endpoints (e.g. "e1")',
      'warning: 1 cited source had neither a record nor an http(s) URL and was kept as text in the claim (e.g. "evil-source")',
      'warning: 1 relation cites no source in the file and now cites "import-hostile-strings" (https://leverage-atlas.invalid/import/hostile-strings), standing for the file; give the file\'s real URL (CLI: --source-url)',
      'warning: 1 text held control or bidirectional override characters, which the dataset forbids; they were removed (e.g. "evil\\u202egpj.exe")',
      'warning: 3 entities keep other attributes or time spans as "title: value" lines in the description (e.g. "img", "script", "bidi")',
      'warning: 1 relation keeps other attributes, labels or weights as "title: value" lines in the claim (e.g. "e1")',
    ],
  },
  "html-entity.gexf": {
    issues: [
      "@5:37 error: the file is not well-formed XML: undefined entity: XML defines only &amp; &lt; &gt; &quot; &apos; (for others, such as HTML's &nbsp;, write a numeric reference like &#160;)",
    ],
  },
  "invalid-character-reference.gexf": {
    issues: [
      "@5:35 error: the file is not well-formed XML: malformed character reference, or one to a character XML 1.0 does not allow (a control character other than tab and line breaks)",
    ],
  },
  "invalid-utf8.gexf": {
    issues: ["@5:32 error: the file is not valid UTF-8 (first bad byte at offset 169); save it as UTF-8"],
  },
  "latin1-declared.gexf": {
    imports: [1, 0, 0],
    issues: ['warning: 1 node had no entity kind of the ontology and was imported as "organization" (e.g. "quebec")'],
  },
  "mismatched-tags.gexf": {
    issues: ["@6:12 error: the file is not well-formed XML: a close tag comes while <node> (line 5) is still open"],
  },
  "missing-node-id.gexf": {
    issues: [
      "@6:7 error: a <node> has no id",
      'warning: 1 node had no entity kind of the ontology and was imported as "organization" (e.g. "a")',
    ],
  },
  "namespace-1.1draft.gexf": {
    imports: [2, 1, 1],
    issues: [
      'warning: 2 nodes had no entity kind of the ontology and were imported as "organization" (e.g. "a", "b")',
      'warning: 1 edge had no relation kind of the ontology (a kind written in the file is kept as a line of the claim) and became "related_to", an unspecified tie: replace it with a precise kind (e.g. "e1")',
      `warning: 1 relation had no usable date and starts on the import day ${TODAY}, ongoing (e.g. "e1")`,
      'warning: 1 relation had no confidence of the ontology and was set to "alleged" (e.g. "e1")',
      'warning: 1 relation had no claim and got one naming the file and the endpoints (e.g. "e1")',
      'warning: 1 relation cites no source in the file and now cites "import-namespace-1-1draft" (https://leverage-atlas.invalid/import/namespace-1.1draft), standing for the file; give the file\'s real URL (CLI: --source-url)',
    ],
  },
  "namespace-foreign.gexf": {
    imports: [2, 0, 0],
    issues: [
      '@2:1 warning: the root element\'s namespace is "http://graphml.graphdrawing.org/xmlns", not an official GEXF namespace; read as GEXF anyway',
      'warning: 2 nodes had no entity kind of the ontology and were imported as "organization" (e.g. "a", "b")',
    ],
  },
  "namespace-missing.gexf": {
    imports: [2, 0, 0],
    issues: [
      "@2:1 warning: the root element's namespace is missing, not an official GEXF namespace; read as GEXF anyway",
      'warning: 2 nodes had no entity kind of the ontology and were imported as "organization" (e.g. "a", "b")',
    ],
  },
  "namespace-unbound-prefix.gexf": {
    issues: ['@2:22 error: the file is not well-formed XML: unbound namespace prefix: "g".'],
  },
  "namespace-www-1.3.gexf": {
    imports: [2, 0, 0],
    issues: [
      '@2:1 warning: the root element\'s namespace is "http://www.gexf.net/1.3", not an official GEXF namespace; read as GEXF anyway',
      'warning: 2 nodes had no entity kind of the ontology and were imported as "organization" (e.g. "a", "b")',
    ],
  },
  "networkx-quirks.gexf": {
    imports: [3, 3, 1],
    issues: [
      'warning: 2 node ids were rewritten to fit the dataset\'s id format (lowercase letters and digits joined by hyphens, unique) (e.g. "Ottawa -> ottawa", "Huawei Technologies -> huawei-technologies")',
      'warning: 2 edge ids were rewritten to fit the id format or to avoid an id already taken (e.g. "0 -> edge-0", "0 -> edge-0-2")',
      'warning: 3 nodes had no entity kind of the ontology and were imported as "organization" (e.g. "Ottawa", "Huawei Technologies", "0")',
      'warning: 3 edges had no relation kind of the ontology (a kind written in the file is kept as a line of the claim) and became "related_to", an unspecified tie: replace it with a precise kind (e.g. "0", "1", "0")',
      'warning: 2 relations had no usable date and start on the file\'s lastmodifieddate 2024-03-01, ongoing (e.g. "1", "0")',
      'warning: 3 relations had no confidence of the ontology and were set to "alleged" (e.g. "0", "1", "0")',
      'warning: 3 relations had no claim and got one naming the file and the endpoints (e.g. "0", "1", "0")',
      'warning: 3 relations cite no source in the file and now cite "import-networkx-quirks" (https://leverage-atlas.invalid/import/networkx-quirks), standing for the file; give the file\'s real URL (CLI: --source-url)',
      'warning: 1 entity keeps other attributes or time spans as "title: value" lines in the description (e.g. "Ottawa")',
      'warning: 1 relation keeps other attributes, labels or weights as "title: value" lines in the claim (e.g. "0")',
    ],
  },
  "no-graph.gexf": {
    issues: ["@2:1 error: the file has no <graph> element"],
  },
  "not-xml.gexf": {
    issues: ['@1:1 error: the file is not XML: it starts with "{\\"entities\\": [{\\"id\\":", where XML starts with "<"'],
  },
  "processing-instructions-and-comments.gexf": {
    imports: [1, 0, 0],
    issues: ['warning: 1 node had no entity kind of the ontology and was imported as "organization" (e.g. "a")'],
  },
  "prototype-names.gexf": {
    imports: [3, 2, 1],
    issues: [
      'warning: 2 node ids were rewritten to fit the dataset\'s id format (lowercase letters and digits joined by hyphens, unique) (e.g. "__proto__ -> proto", "toString -> tostring")',
      'warning: 2 edge ids were rewritten to fit the id format or to avoid an id already taken (e.g. "__proto__ -> edge-proto", "constructor -> edge-constructor")',
      'warning: 1 node had no label and was named after the id (e.g. "toString")',
      'warning: 3 nodes had no entity kind of the ontology and were imported as "organization" (e.g. "__proto__", "constructor", "toString")',
      'warning: 2 edges had no relation kind of the ontology (a kind written in the file is kept as a line of the claim) and became "related_to", an unspecified tie: replace it with a precise kind (e.g. "__proto__", "constructor")',
      `warning: 2 relations had no usable date and start on the import day ${TODAY}, ongoing (e.g. "__proto__", "constructor")`,
      'warning: 2 relations had no confidence of the ontology and were set to "alleged" (e.g. "__proto__", "constructor")',
      'warning: 2 relations had no claim and got one naming the file and the endpoints (e.g. "__proto__", "constructor")',
      'warning: 2 relations cite no source in the file and now cite "import-prototype-names" (https://leverage-atlas.invalid/import/prototype-names), standing for the file; give the file\'s real URL (CLI: --source-url)',
      'warning: 2 entities keep other attributes or time spans as "title: value" lines in the description (e.g. "__proto__", "constructor")',
    ],
  },
  "quadratic-blowup.gexf": {
    issues: [
      "@2:1 error: the file has a DOCTYPE declaration; GEXF never needs one, and it is refused because it could declare external or expanding entities",
    ],
  },
  "raw-control-character.gexf": {
    issues: [
      "@5:33 error: the file is not well-formed XML: a character XML 1.0 does not allow here (a control character other than tab and line breaks, or U+FFFE/U+FFFF)",
    ],
  },
  "record-cut.gexf": {
    issues: [
      "@4:5 error: the Leverage Atlas export record (the last line of <meta><description>) is damaged: it is not valid JSON; the file was cut or edited. Export it again, or delete that line to import the file as any GEXF",
    ],
  },
  "record-damaged.gexf": {
    issues: [
      "@4:5 error: the Leverage Atlas export record (the last line of <meta><description>) is damaged: its sources are not a list of source records with ids; the file was cut or edited. Export it again, or delete that line to import the file as any GEXF",
    ],
  },
  "record-javascript-source.gexf": {
    issues: [
      '@4:5 error: the export record: url "javascript:alert(1)" is not an http(s) URL; only http:// and https:// links are accepted (/sources/0/url of the converted dataset)',
    ],
  },
  "relation-kind-not-allowed.gexf": {
    issues: ['@12:7 error: edge "e1": a "detains" relation cannot start at a vendor ("huawei"); allowed source kinds: government, agency'],
  },
  "second-graph.gexf": {
    issues: ["@6:3 error: the file has a second <graph> element; GEXF holds one graph, and the second would be lost"],
  },
  "several-nodes-blocks.gexf": {
    imports: [3, 3, 1],
    issues: [
      'warning: 3 nodes had no entity kind of the ontology and were imported as "organization" (e.g. "a", "b", "b1")',
      'warning: 3 edges had no relation kind of the ontology (a kind written in the file is kept as a line of the claim) and became "related_to", an unspecified tie: replace it with a precise kind (e.g. "e1", "e2", "inner")',
      `warning: 3 relations had no usable date and start on the import day ${TODAY}, ongoing (e.g. "e1", "e2", "inner")`,
      'warning: 3 relations had no confidence of the ontology and were set to "alleged" (e.g. "e1", "e2", "inner")',
      'warning: 3 relations had no claim and got one naming the file and the endpoints (e.g. "e1", "e2", "inner")',
      'warning: 3 relations cite no source in the file and now cite "import-several-nodes-blocks" (https://leverage-atlas.invalid/import/several-nodes-blocks), standing for the file; give the file\'s real URL (CLI: --source-url)',
      'warning: 1 entity keeps other attributes or time spans as "title: value" lines in the description (e.g. "b1")',
    ],
  },
  "text-over-limits.gexf": {
    issues: [
      '@5:7 error: node "a": the name is 301 characters, over the dataset\'s limit of 300; it would be cut',
      '@6:7 error: node "b": the description (with the attributes kept in it) is 2,007 characters, over the dataset\'s limit of 2,000; it would be cut',
      'warning: 1 node value used an undeclared attribute (e.g. "note"); read as text',
      'warning: 2 nodes had no entity kind of the ontology and were imported as "organization" (e.g. "a", "b")',
      'warning: 1 entity keeps other attributes or time spans as "title: value" lines in the description (e.g. "b")',
    ],
  },
  "truncated.gexf": {
    issues: ["@9:34 error: the file is not well-formed XML: the file ends while <edges> (line 8) is still open: is it cut short?"],
  },
  "undeclared-and-unknown.gexf": {
    imports: [2, 1, 1],
    issues: [
      'warning: 2 node values used an undeclared attribute (e.g. "colour", "colour"); read as text',
      'warning: 1 edge value used an undeclared attribute (e.g. "strength"); read as text',
      'warning: 2 nodes had no entity kind of the ontology and were imported as "organization" (e.g. "a", "b")',
      'warning: 1 edge had no id and got "edge-N" (N = its position in the file)',
      'warning: 1 edge had no relation kind of the ontology (a kind written in the file is kept as a line of the claim) and became "related_to", an unspecified tie: replace it with a precise kind (e.g. "#1")',
      `warning: 1 relation had no usable date and starts on the import day ${TODAY}, ongoing (e.g. "#1")`,
      'warning: 1 relation had no confidence of the ontology and was set to "alleged" (e.g. "#1")',
      'warning: 1 relation had no claim and got one naming the file and the endpoints (e.g. "#1")',
      'warning: 1 relation cites no source in the file and now cites "import-undeclared-and-unknown" (https://leverage-atlas.invalid/import/undeclared-and-unknown), standing for the file; give the file\'s real URL (CLI: --source-url)',
      'warning: 1 entity keeps other attributes or time spans as "title: value" lines in the description (e.g. "a")',
      'warning: 1 relation keeps other attributes, labels or weights as "title: value" lines in the claim (e.g. "#1")',
      'warning: 2 elements of kinds this import does not read were ignored with their content (e.g. "<comments> (line 14)", "<note> (line 7)")',
    ],
  },
  "unknown-encoding.gexf": {
    issues: ['@1:1 error: the XML declaration names an unknown encoding "X-KLINGON"'],
  },
  "utf16-bom.gexf": {
    imports: [2, 1, 1],
    issues: [
      'warning: 2 nodes had no entity kind of the ontology and were imported as "organization" (e.g. "a", "b")',
      'warning: 1 edge had no relation kind of the ontology (a kind written in the file is kept as a line of the claim) and became "related_to", an unspecified tie: replace it with a precise kind (e.g. "e1")',
      `warning: 1 relation had no usable date and starts on the import day ${TODAY}, ongoing (e.g. "e1")`,
      'warning: 1 relation had no confidence of the ontology and was set to "alleged" (e.g. "e1")',
      'warning: 1 relation had no claim and got one naming the file and the endpoints (e.g. "e1")',
      'warning: 1 relation cites no source in the file and now cites "import-utf16-bom" (https://leverage-atlas.invalid/import/utf16-bom), standing for the file; give the file\'s real URL (CLI: --source-url)',
    ],
  },
  "whitespace-only.gexf": {
    issues: ["@1:1 error: the file is empty"],
  },
  "xxe-external-dtd.gexf": {
    issues: [
      "@2:1 error: the file has a DOCTYPE declaration; GEXF never needs one, and it is refused because it could declare external or expanding entities",
    ],
  },
  "xxe-http.gexf": {
    issues: [
      "@2:1 error: the file has a DOCTYPE declaration; GEXF never needs one, and it is refused because it could declare external or expanding entities",
    ],
  },
  "xxe-local-file.gexf": {
    issues: [
      "@2:1 error: the file has a DOCTYPE declaration; GEXF never needs one, and it is refused because it could declare external or expanding entities",
    ],
  },
  "xxe-parameter-entity.gexf": {
    issues: [
      "@2:1 error: the file has a DOCTYPE declaration; GEXF never needs one, and it is refused because it could declare external or expanding entities",
    ],
  },
};

describe("the hostile GEXF corpus", () => {
  it("covers every fixture, and nothing else", () => {
    expect(readdirSync(CORPUS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(Object.entries(EXPECTED))("%s", (name, expected) => {
    it("is answered by the importer with exactly its expected issues", () => {
      const result = importBytes(name);
      expect(result.issues.map(describeIssue)).toEqual(expected.issues);
      expect(result.ok).toBe(expected.imports !== undefined);
      if (result.ok) {
        const { entities, relations, sources } = result.dataset;
        expect([entities.length, relations.length, sources.length]).toEqual(expected.imports);
        // What the importer returns is always a dataset the loader accepts as it is.
        const loaded = parseDataset([{ file: "imported.json", text: writeDatasetJson(result.dataset) }]);
        expect(loaded.issues.filter((issue) => issue.severity === "error")).toEqual([]);
        expect(loaded.dataset).toEqual(result.dataset);
      } else {
        for (const issue of result.issues.filter((item) => item.severity === "error")) expect(issue.line).toBeGreaterThanOrEqual(1);
      }
    });

    it("is answered by atlas import with the same issues, its exit status, and a file only on success", async () => {
      const folder = mkdtempSync(path.join(tmpdir(), "atlas-hostile-"));
      try {
        const file = path.join(CORPUS, name);
        const out = path.join(folder, "out.json");
        const { code, stdout, stderr } = await atlas("import", file, "--out", out);
        const result = importBytes(name);
        const listed = result.issues.map((issue) => `${formatIssue({ ...issue, file })}\n`).join("");
        expect(stdout).toBe("");
        expect(stderr).not.toMatch(/\n\s+at |internal error/);
        if (expected.imports === undefined) {
          const errors = result.issues.filter((issue) => issue.severity === "error").length;
          expect(code).toBe(1);
          expect(stderr).toBe(`${listed}atlas: ${file}: not imported (${errors} error${errors === 1 ? "" : "s"}); nothing was written\n`);
          expect(existsSync(out)).toBe(false);
        } else {
          const [entities, relations, sources] = expected.imports;
          const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
          expect(code).toBe(0);
          expect(stderr).toBe(
            `${listed}imported ${name} into ${out}: ${plural(entities, "entity", "entities")}, ${plural(relations, "relation", "relations")}, ${plural(sources, "source", "sources")} (mapped to the ontology as the warnings say)\n`,
          );
          expect(readFileSync(out, "utf8")).toBe(writeDatasetJson(result.ok ? result.dataset : (undefined as never)));
        }
        // No temporary file is left behind either way.
        expect(readdirSync(folder).filter((entry) => entry !== "out.json")).toEqual([]);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });
});

function imported(name: string) {
  const result = importBytes(name);
  if (!result.ok) throw new Error(`${name} must import: ${JSON.stringify(result.issues)}`);
  return result.dataset;
}

describe("what the corpus imports is kept as plain text, nothing dropped", () => {
  it("keeps markup, javascript: and data: URLs and right-to-left text as inert text, never as links", () => {
    const dataset = imported("hostile-strings.gexf");
    const entity = (id: string) => dataset.entities.find((item) => item.id === id);
    expect(dataset.meta).toEqual({
      name: "<svg onload=alert(1)>",
      description: 'A graph <b>with</b> markup; <img src=x onerror=alert(1)>\n\nCreator: <script>alert("creator")</script>',
    });
    expect(entity("img")).toEqual({
      id: "img",
      kind: "vendor",
      name: '<img src=x onerror="window.__pwned=1">',
      description: "url: javascript:alert(document.cookie)",
    });
    expect(entity("script")).toEqual({
      id: "script",
      kind: "carrier",
      name: "<script>window.__pwned=2</script>",
      description: "url: data:text/html,<script>alert(1)</script>",
    });
    // The bidi override is removed (the dataset forbids it; a warning says so); the scheme check ignores case and spaces.
    expect(entity("bidi")).toEqual({ id: "bidi", kind: "organization", name: "evilgpj.exe", description: "url:  JaVaScRiPt:alert(1)" });
    expect(entity("rtl")?.name).toBe("שלום עולם مرحبا");
    expect(entity("emoji")?.name).toBe("📡🛰️ 𝔸𝕥𝕝𝕒𝕤 👩‍👩‍👧");
    expect(entity("separators")?.name).toBe("line\u2028separator\u2029paragraph");
    expect(entity("safe-url")?.url).toBe("https://example.org/?a=1&b=<2>");
    expect(dataset.entities.filter((item) => item.url !== undefined).map((item) => item.id)).toEqual(["safe-url"]);
    // A cited source whose URL is not http(s) does not become a source: id and URL stay as text.
    expect(dataset.relations[0]?.claim).toBe(
      'Imported from hostile-strings.gexf (edge e1): <script>window.__pwned=2</script> to <img src=x onerror="window.__pwned=1">.\n\nlabel: <i>label</i>\nsource: evil-source, javascript:alert(2)',
    );
    expect(dataset.sources.map((source) => source.url)).toEqual(["https://leverage-atlas.invalid/import/hostile-strings"]);
  });

  it("keeps Gephi's hierarchy (pid), intervals, labels, weights, defaults and spells as lines", () => {
    const dataset = imported("gephi-quirks.gexf");
    expect(dataset.meta).toEqual({ name: "Supply web", description: "Creator: Gephi 0.10.1" });
    expect(dataset.entities).toEqual([
      { id: "n0", kind: "organization", name: "Bell Canada", country: "CA", description: "Modularity Class: 1" },
      { id: "n1", kind: "organization", name: "Nokia", country: "FI", description: "parent: n2" },
      {
        id: "n2",
        kind: "organization",
        name: "Vendors",
        country: "CA",
        description: "present: from 2010-01-01 to 2015-12-31\npresent: from 2018-01-01 to the end",
      },
    ]);
    expect(
      dataset.relations.map((relation) => [relation.id, relation.source, relation.target, relation.start, relation.end, relation.claim]),
    ).toEqual([
      [
        "0",
        "n0",
        "n1",
        "2023-11-20",
        null,
        "Imported from gephi-quirks.gexf (edge 0): Bell Canada to Nokia.\n\nlabel: supplies radios\nweight: 2.5",
      ],
      ["edge-0", "n1", "n2", "2023-11-20", null, "Imported from gephi-quirks.gexf (edge 0): Nokia to Vendors."],
      [
        "edge-3",
        "n0",
        "n2",
        "2023-11-20",
        null,
        "Imported from gephi-quirks.gexf (edge #3): Bell Canada to Vendors.\n\nintervals: [2019-01-01, 2020-01-01)",
      ],
    ]);
  });

  it("keeps networkx's ids, labels, years and attributes", () => {
    const dataset = imported("networkx-quirks.gexf");
    expect(dataset.entities).toEqual([
      { id: "ottawa", kind: "organization", name: "Ottawa", description: "present: from 2018 to 2024\npopulation: 1017449" },
      { id: "huawei-technologies", kind: "organization", name: "Huawei 华为" },
      { id: "0", kind: "organization", name: "0" },
    ]);
    expect(dataset.relations.map((relation) => [relation.id, relation.start, relation.end, relation.claim.split("\n\n")[1]])).toEqual([
      ["edge-0", "2019", "2022", "relation: reviews"],
      ["1", "2024-03-01", null, undefined],
      ["edge-0-2", "2024-03-01", null, undefined],
    ]);
  });

  it("reads every <nodes> and <edges> block, nested ones included, and keeps unread attributes", () => {
    const blocks = imported("several-nodes-blocks.gexf");
    expect(blocks.entities.map((entity) => [entity.id, entity.description])).toEqual([
      ["a", undefined],
      ["b", undefined],
      ["b1", "parent: b"],
    ]);
    expect(blocks.relations.map((relation) => [relation.id, relation.source, relation.target])).toEqual([
      ["e1", "a", "b"],
      ["e2", "b", "a"],
      ["inner", "b1", "b"],
    ]);
    const undeclared = imported("undeclared-and-unknown.gexf");
    expect(undeclared.entities[0]?.description).toBe("population: 5\ncolour: red\ncolour: blue (from 2020 to 2021)");
    expect(undeclared.relations[0]?.claim).toMatch(/\n\nstrength: 0\.9$/);
  });

  it("keeps ids and attribute names such as __proto__ and constructor as data", () => {
    const dataset = imported("prototype-names.gexf");
    expect(dataset.entities).toEqual([
      { id: "proto", kind: "organization", name: "Proto", description: "constructor: polluted?" },
      { id: "constructor", kind: "organization", name: "Constructor", description: "hasOwnProperty: x\ntoString: y" },
      { id: "tostring", kind: "organization", name: "toString" },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("constructor: polluted?");
  });

  it("reads UTF-16 (by its byte-order mark) and the encoding an XML declaration names", () => {
    expect(imported("utf16-bom.gexf").entities.map((entity) => entity.name)).toEqual(["A", "Bé 华为"]);
    expect(imported("latin1-declared.gexf").entities[0]?.name).toBe("Québec");
  });
});

describe("generated pathological inputs finish with one clear answer", () => {
  const gexf = (graph: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n${graph}\n</gexf>\n`;
  const errors = (result: GexfReadResult): string[] => result.issues.filter((issue) => issue.severity === "error").map(describeIssue);

  it(
    "refuses 100,000 nested elements at the first level too deep",
    () => {
      const depth = 100_000;
      const nested = readGexf(
        gexf(`<graph><nodes>${'<node id="n"><nodes>'.repeat(depth)}${"</nodes></node>".repeat(depth)}</nodes></graph>`),
      );
      expect(errors(nested)).toEqual([
        "@3:9988 error: elements are nested more than 1,000 levels deep here; GEXF needs a few levels, and deeper nesting is refused so that reading stays fast",
      ]);
      const junk = readGexf(gexf(`<graph>${"<x>".repeat(depth)}${"</x>".repeat(depth)}</graph>`));
      expect(errors(junk)).toEqual([
        "@3:3002 error: elements are nested more than 1,000 levels deep here; GEXF needs a few levels, and deeper nesting is refused so that reading stays fast",
      ]);
    },
    SLOW,
  );

  it(
    "refuses a 20 MB label, and quotes a 20 MB id short in its messages",
    () => {
      const huge = "x".repeat(20 * 1024 * 1024);
      const label = readGexf(gexf(`<graph><nodes><node id="a" label="${huge}"/></nodes></graph>`));
      expect(errors(label)).toEqual([
        '@3:15 error: node "a": the name is 20,971,520 characters, over the dataset\'s limit of 300; it would be cut',
      ]);
      const id = readGexf(
        gexf(`<graph><nodes><node id="a"/></nodes><edges><edge id="${huge}" source="a" target="${huge}"/></edges></graph>`),
      );
      const cut = `"${"x".repeat(60)}…"`;
      expect(errors(id)).toEqual([`@3:44 error: edge ${cut} points to a node that does not exist: target ${cut}`]);
      expect(Math.max(...id.issues.map((issue) => issue.message.length))).toBeLessThan(400);
    },
    SLOW,
  );

  it(
    "reads 100,000 undeclared attribute values and 100,000 XML attributes, refusing the description they would make",
    () => {
      const values = Array.from({ length: 100_000 }, (_, index) => `<attvalue for="u${index}" value="v"/>`).join("");
      const attvalues = readGexf(gexf(`<graph><nodes><node id="a" label="A"><attvalues>${values}</attvalues></node></nodes></graph>`));
      expect(errors(attvalues)).toEqual([
        '@3:15 error: node "a": the description (with the attributes kept in it) is 988,889 characters, over the dataset\'s limit of 2,000; it would be cut',
      ]);
      expect(attvalues.issues.map((issue) => issue.message)).toContain(
        '100,000 node values used an undeclared attribute (e.g. "u0", "u1", "u2"); read as text',
      );
      const attributes = Array.from({ length: 100_000 }, (_, index) => `a${index}="v"`).join(" ");
      const xml = readGexf(gexf(`<graph><nodes><node id="a" label="A" ${attributes}/></nodes></graph>`));
      expect(errors(xml)).toEqual([
        '@3:15 error: node "a": the description (with the attributes kept in it) is 988,889 characters, over the dataset\'s limit of 2,000; it would be cut',
      ]);
    },
    SLOW,
  );

  it(
    "reads a node or an edge with 150,000 XML attributes, attribute values or spells without overflowing the stack",
    () => {
      // Lists of lines were once appended with push(...list), which passes each line on the stack.
      const many = (make: (index: number) => string): string => Array.from({ length: 150_000 }, (_, index) => make(index)).join("");
      const attributes = many((index) => ` a${index}="v"`);
      const cases = [
        `<nodes><node id="a"${attributes}/></nodes>`,
        `<nodes><node id="a"/></nodes><edges><edge source="a" target="a"${attributes}/></edges>`,
        `<nodes><node id="a"/></nodes><edges><edge source="a" target="a"><attvalues>${many((index) => `<attvalue for="u${index}" value="v"/>`)}</attvalues></edge></edges>`,
        `<nodes><node id="a"><spells>${many(() => '<spell start="2019"/>')}</spells></node></nodes>`,
      ];
      expect(cases.map((graph) => errors(readGexf(gexf(`<graph>${graph}</graph>`))))).toEqual([
        [
          '@3:15 error: node "a": the description (with the attributes kept in it) is 1,538,889 characters, over the dataset\'s limit of 2,000; it would be cut',
        ],
        [
          "@3:44 error: edge #1: the claim (with the attributes kept in it) is 1,538,935 characters, over the dataset's limit of 10,000; it would be cut",
        ],
        [
          "@3:44 error: edge #1: the claim (with the attributes kept in it) is 1,538,935 characters, over the dataset's limit of 10,000; it would be cut",
        ],
        [
          '@3:15 error: node "a": the description (with the attributes kept in it) is 4,499,999 characters, over the dataset\'s limit of 2,000; it would be cut',
        ],
      ]);
    },
    SLOW,
  );

  it(
    "lists the first 50 of 5,000 broken edges, then how many more",
    () => {
      const edges = Array.from({ length: 5_000 }, (_, index) => `<edge id="e${index}" source="a" target="ghost${index}"/>`).join("\n");
      const result = readGexf(gexf(`<graph><nodes><node id="a"/></nodes><edges>\n${edges}\n</edges></graph>`));
      const listed = errors(result);
      expect(listed).toHaveLength(51);
      expect(listed[0]).toBe('@4:1 error: edge "e0" points to a node that does not exist: target "ghost0"');
      expect(listed[49]).toBe('@53:1 error: edge "e49" points to a node that does not exist: target "ghost49"');
      expect(listed[50]).toBe("error: ... and 4,950 more errors");
    },
    SLOW,
  );

  it("refuses an entity bomb of 1 GB and a DOCTYPE as long as the file without expanding or reading anything", () => {
    const levels = Array.from({ length: 9 }, (_, level) => `<!ENTITY l${level + 1} "${`&l${level};`.repeat(10)}">`).join("");
    const bomb = readGexf(
      `<?xml version="1.0"?>\n<!DOCTYPE gexf [<!ENTITY l0 "${"x".repeat(1000)}">${levels}]>\n<gexf><graph><nodes><node id="a" label="&l9;"/></nodes></graph></gexf>`,
    );
    expect(errors(bomb)).toEqual([
      "@2:1 error: the file has a DOCTYPE declaration; GEXF never needs one, and it is refused because it could declare external or expanding entities",
    ]);
  });
});

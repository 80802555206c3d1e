import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDataset } from "../../src/load/parse.ts";
import { readGexf, type GexfReadResult } from "../../src/formats/gexf/read.ts";
import { writeDatasetJson } from "../../src/formats/json/write.ts";
import type { Dataset } from "../../src/model/schema.ts";
import { GEXF_FIXTURES } from "./support.ts";

function fixture(name: string): string {
  return readFileSync(path.join(GEXF_FIXTURES, name), "utf8");
}

function read(text: string, file = "test.gexf"): GexfReadResult {
  return readGexf(text, { file, today: "2026-01-01" });
}

function imported(result: GexfReadResult): Dataset {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.issues, null, 2)}`);
  return result.dataset;
}

function messages(result: GexfReadResult, severity: "error" | "warning"): string {
  return result.issues
    .filter((issue) => issue.severity === severity)
    .map((issue) => issue.message)
    .join("\n");
}

const minimal = (graph: string, root = 'xmlns="http://gexf.net/1.3" version="1.3"') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<gexf ${root}>\n${graph}\n</gexf>\n`;

describe("an edge the file gives no kind of the ontology", () => {
  it("becomes the neutral related_to, never a guess that reads as a fact: networkx's karate club", () => {
    const result = read(fixture("networkx-karate-club.gexf"), "networkx-karate-club.gexf");
    const dataset = imported(result);
    expect(dataset.relations).toHaveLength(78);
    expect(new Set(dataset.relations.map((relation) => relation.kind))).toEqual(new Set(["related_to"]));
    expect(messages(result, "warning")).toContain(
      '78 edges had no relation kind of the ontology (a kind written in the file is kept as a line of the claim) and became "related_to", an unspecified tie: replace it with a precise kind (e.g. "0", "1", "2")',
    );
  });

  it("keeps a kind the ontology lacks as a line of the claim", () => {
    const graph = `<graph defaultedgetype="directed"><attributes class="edge"><attribute id="k" title="kind" type="string"/></attributes>
      <nodes><node id="a" label="A"/><node id="b" label="B"/></nodes>
      <edges><edge id="e" source="a" target="b"><attvalues><attvalue for="k" value="friend"/></attvalues></edge></edges></graph>`;
    const relation = imported(read(minimal(graph))).relations[0];
    expect(relation?.kind).toBe("related_to");
    expect(relation?.claim).toMatch(/\nkind: friend$/);
  });
});

describe("GEXF written by Gephi, graphology and networkx imports", () => {
  const files = readdirSync(GEXF_FIXTURES).filter((file) => file.endsWith(".gexf"));

  it.each(files)("%s becomes a dataset that loads back with zero errors", (file) => {
    const dataset = imported(read(fixture(file), file));
    const loaded = parseDataset([{ file: "imported.json", text: writeDatasetJson(dataset) }]);
    expect(loaded.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(loaded.dataset).toEqual(dataset);
    expect(dataset.entities.length).toBeGreaterThan(0);
  });

  it("keeps Gephi's attributes, their defaults and its time-bound values as lines of the description", () => {
    const dataset = imported(read(fixture("gephi-gexf_dynamics.gexf")));
    const network = dataset.entities.find((entity) => entity.name === "Network");
    expect(network?.description).toBe(
      "indegree: 1 (from the start to 2009-03-01)\nindegree: 2 (from 2009-03-01 to 2009-03-10)\nindegree: 1 (from 2009-03-10 to the end)\nfrog: true",
    );
    const gephi = dataset.entities.find((entity) => entity.name === "Gephi");
    expect(gephi).toMatchObject({ kind: "organization", url: "http://gephi.org" });
    expect(dataset.meta.description).toMatch(/A Web network changing over time/);
  });

  it("keeps networkx's dates: start/end as dates, spells as one relation each, integer years as years", () => {
    const dynamic = imported(read(fixture("networkx-dynamic-1.2draft.gexf")));
    expect(dynamic.relations.map((relation) => [relation.source, relation.target, relation.start, relation.end])).toEqual([
      ["a", "b", "2019-03-01", "2019-11-30"],
      ["a", "c", dynamic.relations[1]?.start, null],
      ["b", "c", "2018-02-01", "2018-03-01"],
      ["b", "c", "2019-05-01", "2019-06-01"],
    ]);
    expect(dynamic.entities.find((entity) => entity.id === "b")?.description).toBe(
      "present: from 2018-01-01 to 2018-06-30\npresent: from 2019-01-01 to 2019-12-31",
    );
    const years = imported(read(fixture("networkx-long-years-1.3.gexf")));
    expect(years.relations[0]).toMatchObject({ start: "2016", end: "2019" });
  });

  it("keeps networkx's typed attributes, kinds of the ontology and labels", () => {
    const result = read(fixture("networkx-1.3.gexf"));
    const dataset = imported(result);
    expect(dataset.entities.find((entity) => entity.id === "huawei-technologies")).toMatchObject({
      kind: "vendor",
      name: "Huawei 华为",
      country: "CN",
    });
    expect(dataset.entities.find((entity) => entity.id === "ottawa")?.description).toBe(
      'population: 1017449\ncapital: true\nshare: 0.5\nnote: A & B <c> "d"',
    );
    const ban = dataset.relations.find((relation) => relation.claim.startsWith("Canada bans"));
    // "bans" cannot start at an organization, the kind this import gave Ottawa: the kind is kept as text.
    expect(ban?.claim).toMatch(/\nkind: bans\n/);
    expect(messages(result, "warning")).toMatch(/named a relation kind that the endpoints' kinds \(made up by this import\) do not allow/);
    expect(messages(result, "warning")).toMatch(/"Huawei Technologies -> huawei-technologies"/);
  });

  it("reads a graphology liststring and the 1.3 list forms without loss", () => {
    const dataset = imported(read(fixture("graphology_v1_3.gexf")));
    const suzy = dataset.entities.find((entity) => entity.id === "suzy");
    expect(suzy?.description).toMatch(/^pipe: a \|b \| c$/m);
    expect(suzy?.description).toMatch(/^booleans: \[true, false, false\]$/m);
  });
});

describe("import is lenient where real files stray from the schema, and says so", () => {
  it("reads an empty graph name, an unusual timeformat, undeclared attributes and edges without ids", () => {
    const result = read(
      minimal(`<graph name="" defaultedgetype="directed" timeformat="timestamp"><nodes>
  <node id="a" label="A"><attvalues><attvalue for="colour" value="red"/></attvalues></node>
  <node id="b" label="B"/></nodes>
<edges><edge source="a" target="b" start="2015" end="2017"/><edge source="b" target="a"/></edges></graph>`),
      "lenient.gexf",
    );
    const dataset = imported(result);
    expect(dataset.meta.name).toBe("lenient");
    expect(dataset.entities[0]?.description).toBe("colour: red");
    expect(dataset.relations.map((relation) => [relation.id, relation.start, relation.end])).toEqual([
      ["edge-1", "2015", "2017"],
      ["edge-2", "2026-01-01", null],
    ]);
    const warnings = messages(result, "warning");
    expect(warnings).toMatch(/unusual timeformat "timestamp"/);
    expect(warnings).toMatch(/1 node value used an undeclared attribute \(e.g. "colour"\)/);
    expect(warnings).toMatch(/2 edges had no id and got "edge-N"/);
    expect(warnings).toMatch(/1 relation had no usable date and starts on the import day 2026-01-01/);
    expect(warnings).toMatch(/cite no source in the file and now cite "import-lenient"/);
    expect(dataset.sources).toEqual([
      {
        id: "import-lenient",
        url: "https://leverage-atlas.invalid/import/lenient",
        publisher: "unknown (GEXF file)",
        title: "GEXF file lenient.gexf",
      },
    ]);
  });

  it.each([
    ["only a right-to-left override", "\u202E"],
    ["blank", "   "],
    ["empty", ""],
  ])("names an unknown publisher when the creator is %s (found by fuzzing: an empty publisher failed validation)", (_what, creator) => {
    const dataset = imported(
      readGexf(
        minimal(
          `<meta><creator>${creator}</creator></meta><graph><nodes><node id="a"/></nodes><edges><edge source="a" target="a"/></edges></graph>`,
        ),
        { file: "creator.gexf" },
      ),
    );
    expect(dataset.sources.map((source) => source.publisher)).toEqual(["unknown (GEXF file)"]);
  });

  it("keeps a creator's text, cleaned of refused characters, as the publisher", () => {
    const dataset = imported(
      readGexf(
        minimal(
          '<meta><creator> Gephi\u202E 0.10 </creator></meta><graph><nodes><node id="a"/></nodes><edges><edge source="a" target="a"/></edges></graph>',
        ),
        { file: "creator.gexf" },
      ),
    );
    expect(dataset.sources.map((source) => source.publisher)).toEqual(["Gephi 0.10"]);
  });

  it("cites the given URL for relations without sources", () => {
    const dataset = imported(
      readGexf(minimal('<graph><nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b"/></edges></graph>'), {
        sourceUrl: "https://example.org/study.gexf",
      }),
    );
    expect(dataset.sources[0]?.url).toBe("https://example.org/study.gexf");
  });

  it("reads a file without namespace, and ids that clash between nodes and edges", () => {
    const result = read(
      '<gexf><graph><nodes><node id="1" label="One"/><node id="2" label="Two"/></nodes><edges><edge id="1" source="1" target="2"/></edges></graph></gexf>',
    );
    const dataset = imported(result);
    expect(dataset.relations[0]?.id).toBe("edge-1");
    expect(messages(result, "warning")).toMatch(/namespace is missing/);
  });

  it("removes control and bidi override characters the dataset forbids, and says so", () => {
    const result = read(minimal('<graph><nodes><node id="a" label="A&#x202E;B"/></nodes><edges/></graph>'));
    expect(imported(result).entities[0]?.name).toBe("AB");
    expect(messages(result, "warning")).toMatch(/1 text held control or bidirectional override characters/);
  });
});

describe("import is strict where data would be lost or misread", () => {
  it("refuses edges to missing nodes, naming the edge, the missing id and the line", () => {
    const result = read(
      minimal('<graph>\n<nodes><node id="a"/></nodes>\n<edges>\n<edge id="e1" source="a" target="ghost"/>\n</edges></graph>'),
    );
    expect(result.ok).toBe(false);
    expect(result.issues.filter((issue) => issue.severity === "error")).toEqual([
      expect.objectContaining({ message: 'edge "e1" points to a node that does not exist: target "ghost"', line: 6 }),
    ]);
  });

  it("refuses unparseable XML with its line and column", () => {
    const result = read('<?xml version="1.0"?>\n<gexf>\n  <graph>\n    <nodes>\n  </graph>\n</gexf>');
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ severity: "error", line: 5, column: 10 });
    expect(result.issues[0]?.message).toBe("the file is not well-formed XML: a close tag comes while <nodes> (line 4) is still open");
    expect(read('<gexf><graph><nodes><node id="a" label="&#1;"/></nodes></graph></gexf>').issues[0]?.message).toMatch(
      /not well-formed XML: malformed character reference/,
    );
    expect(read('<gexf a="1" a="2"/>').issues[0]?.message).toMatch(/duplicate attribute: a/);
    expect(read("").issues[0]?.message).toBe("the file is empty");
    expect(read("just text").issues[0]?.message).toBe('the file is not XML: it starts with "just text", where XML starts with "<"');
    expect(read('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"/>').issues[0]?.message).toMatch(
      /not a GEXF file: the root element is <graphml>/,
    );
  });

  it("refuses DOCTYPE declarations, so no external entity is read and no entity is expanded", () => {
    const xxe =
      '<?xml version="1.0"?>\n<!DOCTYPE gexf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<gexf><graph><nodes><node id="a" label="&xxe;"/></nodes></graph></gexf>';
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level === 0 ? "" : level};`.repeat(10)}">`).join("")}]>\n<gexf><graph><nodes><node id="a" label="&lol9;"/></nodes></graph></gexf>`;
    for (const text of [xxe, bomb]) {
      const result = read(text);
      expect(result.ok).toBe(false);
      expect(result.issues[0]).toMatchObject({ line: 2 });
      expect(result.issues[0]?.message).toMatch(/DOCTYPE declaration/);
    }
  });

  it("refuses duplicate node ids, ends before starts and text over the dataset's limits", () => {
    expect(messages(read(minimal('<graph><nodes><node id="a"/><node id="a"/></nodes><edges/></graph>')), "error")).toMatch(
      /duplicate node id "a"/,
    );
    expect(
      messages(
        read(
          minimal(
            '<graph timeformat="date"><nodes><node id="a"/><node id="b"/></nodes><edges><edge id="e" source="a" target="b" start="2020-01-01" end="2019-01-01"/></edges></graph>',
          ),
        ),
        "error",
      ),
    ).toBe('edge "e": ends (2019-01-01) before it starts (2020-01-01)');
    expect(messages(read(minimal(`<graph><nodes><node id="a" label="${"x".repeat(301)}"/></nodes><edges/></graph>`)), "error")).toMatch(
      /the name is 301 characters, over the dataset's limit of 300/,
    );
  });

  it("refuses a relation kind the entity kinds the file gives do not allow", () => {
    const result = read(
      minimal(`<graph><attributes class="node"><attribute id="0" title="kind" type="string"/></attributes><attributes class="edge"><attribute id="0" title="kind" type="string"/></attributes>
<nodes><node id="a"><attvalues><attvalue for="0" value="vendor"/></attvalues></node><node id="b"><attvalues><attvalue for="0" value="person"/></attvalues></node></nodes>
<edges><edge id="e" source="a" target="b"><attvalues><attvalue for="0" value="detains"/></attvalues></edge></edges></graph>`),
    );
    expect(result.ok).toBe(false);
    expect(messages(result, "error")).toMatch(/a "detains" relation cannot start at a vendor/);
  });
});

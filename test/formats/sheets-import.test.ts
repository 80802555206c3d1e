/**
 * Spreadsheets from other tools (test/fixtures/sheets, written by make-fixtures.py with Python's csv module
 * and a hand-written SpreadsheetML writer), the errors of a broken Leverage Atlas spreadsheet placed at their
 * cells, and the hostile cases: each imports with the warnings that say how it was mapped, or is refused
 * with a located message and no dataset.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import { formatIssue, type LoadIssue } from "../../src/load/issues.ts";
import type { Dataset } from "../../src/model/schema.ts";
import { readZip, unpackArchive, ZipProblem } from "../../src/formats/archive.ts";
import type { ReadInput } from "../../src/formats/format.ts";
import { NODE_FORMATS } from "../../src/formats/node.ts";
import { readFiles, type ImportOutcome } from "../../src/formats/read-files.ts";
import { readableFormats } from "../../src/formats/registry.ts";
import { readCsv } from "../../src/formats/csv/read.ts";
import { readWorkbook } from "../../src/formats/xlsx/read.ts";
import { MAX_TABLE_ROWS } from "../../src/formats/sheets/table.ts";
import { REPO_ROOT, hostileDataset } from "./support.ts";
import { csvFiles } from "./sheets-support.ts";

const FIXTURES = path.join(REPO_ROOT, "test/fixtures/sheets");
const READERS = readableFormats("node", NODE_FORMATS);
const TODAY = "2026-01-01";

function fixture(name: string): ReadInput[] {
  const full = path.join(FIXTURES, name);
  try {
    return readdirSync(full)
      .sort()
      .map((file) => ({ file: `${name}/${file}`, bytes: readFileSync(path.join(full, file)) }));
  } catch {
    return [{ file: name, bytes: readFileSync(full) }];
  }
}

function read(inputs: readonly ReadInput[], values: Record<string, string> = {}): ImportOutcome {
  return readFiles(inputs, READERS, { today: TODAY, values });
}

function imported(inputs: readonly ReadInput[], values: Record<string, string> = {}): { dataset: Dataset; warnings: string[] } {
  const outcome = read(inputs, values);
  if (!outcome.ok) throw new Error(outcome.issues.map(formatIssue).join("\n"));
  expect(outcome.native).toBe(false);
  return { dataset: outcome.dataset, warnings: outcome.issues.map((issue) => issue.message) };
}

const entity = (dataset: Dataset, id: string) => dataset.entities.find((item) => item.id === id);
const errors = (outcome: ImportOutcome): string[] => outcome.issues.filter((issue) => issue.severity === "error").map(formatIssue);

describe("Kumu", () => {
  it("refuses element types the ontology lacks until they are mapped, listing each with its rows", () => {
    const outcome = read(fixture("kumu-map.xlsx"));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.unmapped).toEqual({
      entity: [
        { name: "Company", count: 1 },
        { name: "Telco", count: 1 },
      ],
    });
    expect(errors(outcome)).toEqual([
      'kumu-map.xlsx: entity kinds the ontology does not have: "Company" (1 row), "Telco" (1 row); map each to one of government, agency, person, carrier, vendor, organization, bloc, agreement, policy, legal_case with --map-kind "Company=…,Telco=…" (or in the explorer\'s table)',
    ]);
  });

  it("reads the workbook once mapped, saying what became what", () => {
    const { dataset, warnings } = imported(fixture("kumu-map.xlsx"), { mapKind: "Company=vendor,telco=carrier" });
    expect(warnings).toEqual([
      "read as Kumu's layout (Elements, Connections), told from the headers; name another with --layout (atlas, kumu, gephi, edges)",
      "Elements read as Kumu elements: Label -> name, Type -> kind, Description -> description; Tags and Image kept as lines of the description",
      "Connections read as Kumu connections: From -> source, To -> target, Type -> kind, Direction -> direction (read as written), Description -> claim, Start Date -> start, Source URL -> evidence (links become sources); Label and Strength kept as lines of the claim",
      "1 cell held a spreadsheet date and was read as YYYY-MM-DD (e.g. Connections!H2 (2019-11-23))",
      '5 ids were rewritten to fit the dataset\'s id format (lowercase letters and digits joined by hyphens, unique) (e.g. "United States" -> united-states, "Canada" -> canada, "Huawei" -> huawei)',
      '2 entities got their kind from your mapping ("Company" -> vendor, "Telco" -> carrier)',
      '1 entity was named by connections but not listed, and was added as "organization" named as written (e.g. "Ericsson")',
      '1 relation named a kind the ontology does not have, or none, and was imported as "related_to", the original kind kept as a line of the claim ("Funding"); map them to precise kinds with --map-kind',
      "1 relation was undirected or mutual and was imported as directed from source to target as written (e.g. Connections:5)",
      "1 relation had no usable date and starts on the import day, ongoing (e.g. Connections:4)",
      '2 relations had no confidence of the ontology and were set to "alleged" (e.g. Connections:2, Connections:6)',
      "2 relations had no claim and got one naming the file and the endpoints (e.g. Connections:4, Connections:6)",
      "2 sources were made from cited http(s) links, with the link's host as publisher (e.g. example-org-news-us-canada-huawei, example-org-ericsson)",
      '3 relations cite no source and now cite the file itself ("import-kumu-map-xlsx"), as "alleged": give the file\'s real URL with --source-url',
      '4 columns with no field of their own are kept as "header: value" lines of the description or claim (e.g. Tags, Image, Label)',
    ]);
    expect(dataset.meta).toEqual({ name: "kumu-map" });
    expect(entity(dataset, "huawei")).toEqual({
      id: "huawei",
      kind: "vendor",
      name: "Huawei",
      description: "Shenzhen vendor of network equipment.\nTags: vendor|china\nImage: https://example.org/huawei.png",
    });
    expect(entity(dataset, "bell-canada")?.kind).toBe("carrier");
    expect(entity(dataset, "ericsson")).toEqual({ id: "ericsson", kind: "organization", name: "Ericsson" });
    const [pressures, uses, funding] = dataset.relations;
    expect(pressures).toEqual({
      id: "united-states-pressures-canada",
      kind: "pressures",
      source: "united-states",
      target: "canada",
      start: "2019-11-23",
      end: null,
      claim: "The U.S. urged Canada to exclude Huawei from 5G.\n\nLabel: urged\nStrength: 3",
      evidence: [{ source: "example-org-news-us-canada-huawei" }],
      confidence: "alleged",
    });
    expect(uses).toMatchObject({
      kind: "uses_equipment_from",
      start: "2012",
      evidence: [{ source: "import-kumu-map-xlsx" }],
      confidence: "alleged",
    });
    expect(funding).toMatchObject({ kind: "related_to", start: TODAY, claim: expect.stringContaining("Type: Funding") });
    // Nothing unsourced passes as sourced: the file stands as the source of what cites nothing, as alleged.
    const placeholder = dataset.sources.find((source) => source.id === "import-kumu-map-xlsx");
    expect(placeholder).toEqual({
      id: "import-kumu-map-xlsx",
      url: "https://leverage-atlas.invalid/import/kumu-map.xlsx",
      publisher: "unknown (spreadsheet)",
      title: "Imported from kumu-map.xlsx",
    });
    for (const relation of dataset.relations.filter((item) => item.evidence.some((cited) => cited.source === placeholder?.id)))
      expect(relation.confidence).toBe("alleged");
  });

  it("reads Kumu's two CSV files as it reads the workbook", () => {
    const workbook = imported(fixture("kumu-map.xlsx"), { mapKind: "Company=vendor,Telco=carrier" }).dataset;
    const csv = imported(fixture("kumu-csv"), { mapKind: "Company=vendor,Telco=carrier" }).dataset;
    expect(csv.entities).toEqual(workbook.entities);
    const placeholderOf = (dataset: Dataset) => dataset.sources.find((source) => source.id.startsWith("import-"))?.id;
    const swap = (dataset: Dataset): unknown =>
      JSON.parse(
        JSON.stringify(dataset.relations)
          .replaceAll(placeholderOf(dataset) ?? "?", "PLACEHOLDER")
          .replace(/kumu-map\.xlsx|Connections\.csv/g, "FILE"),
      );
    expect(swap(csv)).toEqual(swap(workbook));
    expect(csv.meta.name).toBe("kumu-csv");
  });
});

describe("Gephi's Data Laboratory tables", () => {
  it("reads nodes and edges: intervals one relation each, undirected ties as written, looks dropped, other columns kept", () => {
    const { dataset, warnings } = imported(fixture("gephi"));
    expect(warnings).toEqual([
      "read as Gephi's Data Laboratory tables (nodes, edges), told from the headers; name another with --layout (atlas, kumu, gephi, edges)",
      "nodes.csv read as Gephi nodes: Id -> id (and what connections name), Label -> name, kind -> kind; Modularity Class kept as lines of the description",
      "edges.csv read as Gephi edges: Source -> source, Target -> target, Type -> direction (read as written), Id -> id, Label -> kind, Interval -> start and end (one relation per interval); Weight kept as lines of the claim",
      '1 id was rewritten to fit the dataset\'s id format (lowercase letters and digits joined by hyphens, unique) (e.g. "Bell Canada" -> bell-canada)',
      '1 relation named a kind the ontology does not have, or none, and was imported as "related_to", the original kind kept as a line of the claim ((none)); map them to precise kinds with --map-kind',
      "1 relation was undirected or mutual and was imported as directed from source to target as written (e.g. edges.csv:4)",
      "1 row had several time spans; each span became a relation of its own (e.g. edges.csv:3)",
      "1 relation had no usable date and starts on the import day, ongoing (e.g. edges.csv:4)",
      "4 relations had no claim and got one naming the file and the endpoints (e.g. edges.csv:2, edges.csv:3, edges.csv:4)",
      '4 relations cite no source and now cite the file itself ("import-gephi"), as "alleged": give the file\'s real URL with --source-url',
      '2 columns with no field of their own are kept as "header: value" lines of the description or claim (e.g. Modularity Class, Weight)',
      "3 columns of colours, sizes or positions were not kept: the explorer lays the graph out itself (e.g. x, y, size)",
    ]);
    expect(dataset.entities.map((item) => [item.id, item.kind, item.name])).toEqual([
      ["us", "government", "United States"],
      ["ca", "government", "Canada"],
      ["hw", "vendor", "Huawei"],
      ["bell-canada", "carrier", "Bell"],
    ]);
    expect(
      dataset.relations.map((relation) => [relation.id, relation.kind, relation.source, relation.target, relation.start, relation.end]),
    ).toEqual([
      ["0", "pressures", "us", "ca", "2019", "2020"],
      ["1", "uses_equipment_from", "bell-canada", "hw", "2012", "2019"],
      ["1-2", "uses_equipment_from", "bell-canada", "hw", "2021", null],
      ["2", "related_to", "ca", "hw", TODAY, null],
      ["3", "sanctions", "us", "hw", "2019-05-16", "2020-08-17"],
    ]);
    expect(dataset.relations[0]?.claim).toBe("Imported from edges.csv (row 2): United States pressures Canada.\n\nWeight: 1.0");
  });
});

describe("an edge list", () => {
  it("implies the entities, of the kinds its type columns give (mapped), and keeps kinds the ontology lacks in the claim", () => {
    const { dataset, warnings } = imported(fixture("edge-list.csv"), { mapKind: "Telco=carrier" });
    expect(warnings).toContain(
      "edge-list.csv read as an edge list: source -> source, target -> target, kind -> kind, date -> start, url -> evidence (links become sources), source type -> the source's kind, target type -> the target's kind; note kept as lines of the claim",
    );
    expect(dataset.entities.map((item) => [item.id, item.kind])).toEqual([
      ["canada", "government"],
      ["huawei", "vendor"],
      ["united-states", "government"],
      ["telus", "carrier"],
      ["nokia", "vendor"],
      ["ericsson", "organization"],
      ["five-eyes", "organization"],
    ]);
    expect(dataset.relations.map((relation) => [relation.kind, relation.start, relation.evidence[0]?.source])).toEqual([
      ["bans", "2024-05", "example-org-canada-ban"],
      ["sanctions", "2019-05-16", "example-org-entity-list"],
      ["uses_equipment_from", "2010", "import-edge-list-csv"],
      ["related_to", "2020", "import-edge-list-csv"],
      ["supplies", "2020", "import-edge-list-csv"],
      ["related_to", "2018", "import-edge-list-csv"],
    ]);
    expect(dataset.relations[0]?.claim).toBe("Imported from edge-list.csv (row 2): Canada bans Huawei.\n\nnote: core and radio");
    expect(dataset.relations[3]?.claim).toMatch(/\n\nkind: Supplier\nnote: switched vendors$/);
    // Five Eyes is implied with no kind (organization), which shares_intelligence_with cannot start at: the tie stays, neutral.
    expect(dataset.relations[5]?.claim).toMatch(/\n\nkind: shares_intelligence_with$/);
    expect(
      warnings.some((warning) =>
        warning.startsWith(
          '1 relation named a kind that the ends\' kinds (made up by this import) do not allow, and was imported as "related_to"',
        ),
      ),
    ).toBe(true);
  });

  it("follows --layout over the headers, and says it could not tell the layout when nothing fits", () => {
    const asGephi = read(fixture("edge-list.csv"), { layout: "gephi", mapKind: "Telco=carrier" });
    expect(asGephi.ok && asGephi.issues.some((issue) => issue.message.startsWith("edge-list.csv read as Gephi edges"))).toBe(true);
    const unknown = read([{ file: "notes.csv", bytes: strToU8("when,what\n2019,something\n") }]);
    expect(errors(unknown)).toEqual([
      "notes.csv: the layout cannot be told from the headers (notes.csv: when, what); a Leverage Atlas spreadsheet has entities/relations/sources tables, Kumu's has Label/Type and From/To columns, Gephi's Id/Label and Source/Target, an edge list source and target; name the layout with --layout",
    ]);
    expect(errors(read(fixture("edge-list.csv"), { layout: "tabular" }))[0]).toMatch(/unknown layout "tabular"/);
    expect(errors(read(fixture("edge-list.csv"), { mapKind: "Telco" }))[0]).toMatch(
      /the kind mapping cannot be read: "Telco" is not NAME=kind/,
    );
    expect(errors(read(fixture("edge-list.csv"), { mapKind: "Telco=telephone" }))[0]).toMatch(
      /"Telco" is mapped to "telephone", which is neither an entity kind/,
    );
  });
});

describe("a broken Leverage Atlas spreadsheet", () => {
  /** The hostile dataset's CSV tables, with cells changed. */
  async function brokenTables(edit: (tables: Map<string, string[][]>) => void): Promise<ReadInput[]> {
    const files = await csvFiles(buildGraph(hostileDataset()));
    const { parse } = await import("csv-parse/sync");
    const { stringify } = await import("csv-stringify/sync");
    const tables = new Map([...files].map(([name, bytes]) => [name, parse(Buffer.from(bytes))]));
    edit(tables);
    return [...tables].map(([name, rows]) => ({ file: name, bytes: strToU8(stringify(rows)) }));
  }

  it("lists every error at once, each at its file, row and column, in the loader's words, and imports nothing", async () => {
    const inputs = await brokenTables((tables) => {
      const relations = tables.get("relations.csv") as string[][];
      const header = relations[0] as string[];
      const set = (row: number, column: string, value: string) => {
        (relations[row] as string[])[header.indexOf(column)] = value;
      };
      set(1, "claim", "");
      set(2, "evidence", "src-b (unclosed");
      set(3, "target", "nobody");
      set(4, "start", "yesterday");
      const entities = tables.get("entities.csv") as string[][];
      (entities[2] as string[])[1] = "alien";
    });
    const outcome = read(inputs);
    expect(outcome.ok).toBe(false);
    expect(errors(outcome)).toEqual([
      'relations.csv:3:evidence: evidence: item 1 ("src-b (unclosed") is not "source-id" or "source-id (locator)"',
      'entities.csv:3:kind: unknown entity kind "alien"; expected one of: government, agency, person, carrier, vendor, organization, bloc, agreement, policy, legal_case',
      "relations.csv:2:claim: missing required value",
      'relations.csv:5:start: malformed date "yesterday": use YYYY, YYYY-MM or YYYY-MM-DD',
      'relations.csv:4:target: target entity "nobody" is not defined: no entity has this id',
    ]);
  });

  it("refuses unknown, repeated and nameless columns at the header, and other layouts' tables never pass as its own", async () => {
    const inputs = await brokenTables((tables) => {
      const entities = tables.get("entities.csv") as string[][];
      (entities[0] as string[])[3] = "alias";
      (entities[0] as string[])[4] = "name";
      for (const row of entities) row.push(row === entities[0] ? "" : "stray");
    });
    expect(errors(read(inputs))).toEqual([
      'entities.csv:1:D: unknown column "alias"; did you mean "aliases"?',
      'entities.csv:1:E: the column "name" is there twice (also column C); keep one',
      "entities.csv:1:H: this column has values but no header; name it after a field of the table, or delete it",
    ]);
  });
});

describe("hostile spreadsheets", () => {
  it("reads formulas as their saved value or text, never running them, and says merged cells leave cells empty", () => {
    const { dataset, warnings } = imported(fixture("hostile/formulas-and-merges.xlsx"));
    expect(warnings).toContain(
      '1 cell held a formula: never run, each was read as the value the spreadsheet last showed (e.g. edges!D2 =HYPERLINK("http://evil.example","click"))',
    );
    expect(warnings).toContain(
      "1 cell held a formula with no value saved: never run, each was read as the formula's text (e.g. edges!D3 =cmd|' /C calc'!A0)",
    );
    expect(warnings).toContain(
      "1 sheet had merged cells: a merged range's value stands in its first cell only, the others read as empty (e.g. edges!D4:D5)",
    );
    expect(dataset.relations.map((relation) => relation.claim.split("\n")[0])).toEqual([
      "click",
      "=cmd|' /C calc'!A0",
      "Merged claim",
      "Imported from formulas-and-merges.xlsx (row 5): Telus related to Nokia.",
    ]);
    // Inline strings and rich-text runs are text like any other.
    expect(dataset.entities.map((item) => item.name)).toEqual(["Canada", "Huawei", "United States", "Telus", "Nokia"]);
  });

  it("writes text that starts like a formula with a leading ' (CSV and XLSX), and reads its own back without it", async () => {
    const graph = buildGraph(hostileDataset());
    const files = await csvFiles(graph);
    const read = imported(fixture("hostile/formula-text.csv")).dataset;
    const formulaGraph = buildGraph(read);
    const csv = new TextDecoder().decode((await csvFiles(formulaGraph)).get("entities.csv"));
    expect(csv).toMatch(/,'=cmd\|' \/C calc'!A0,/);
    expect(csv).not.toMatch(/(^|,)"?=cmd/m);
    // A description starting with a tab (the hostile dataset's carrier-c) is guarded too.
    expect(new TextDecoder().decode(files.get("entities.csv"))).toContain('"\'\ttabbed\r\ncrlf"');
  });

  it("decodes Windows-1252 and UTF-16 with a warning, drops a byte-order mark, and finds semicolons and tabs", () => {
    const latin1 = imported(fixture("hostile/latin1-semicolons.csv"));
    expect(latin1.dataset.entities.map((item) => item.name)).toEqual(["Société Générale", "Huawei", "Zürich Telecom"]);
    expect(latin1.warnings).toContain(
      '1 file is not UTF-8 and was read as Windows-1252 (Latin-1): check the accented letters, or save the file as "CSV UTF-8" (hostile/latin1-semicolons.csv: first at byte 24, read as "Société")',
    );
    expect(latin1.warnings).toContain(
      '1 file separated values with another character than a comma, and was read with it (hostile/latin1-semicolons.csv: ";")',
    );
    const utf16 = imported(fixture("hostile/utf16.csv"));
    expect(utf16.dataset.entities.map((item) => item.name)).toEqual(["华为", "Telus"]);
    expect(utf16.warnings).toContain(
      "1 file was UTF-16 (by the byte-order mark) and was read as such; CSV UTF-8 is the usual form (hostile/utf16.csv)",
    );
    expect(imported(fixture("hostile/bom.csv")).warnings).toContain(
      "1 file started with a byte-order mark, which was ignored (hostile/bom.csv)",
    );
  });

  it("refuses ragged rows that hold values under no header, repeated headers and unclosed quotes, with their places", () => {
    expect(errors(read(fixture("hostile/ragged.csv")))).toEqual([
      "hostile/ragged.csv:3: the row has 4 cells and the header 3: column D holds a value under no header (a separator too many, or a missing header?)",
    ]);
    expect(errors(read(fixture("hostile/duplicate-headers.csv")))).toEqual([
      'hostile/duplicate-headers.csv:1: the column "kind" is there twice; rename one (their values would be mixed up)',
    ]);
    expect(errors(read(fixture("hostile/unclosed-quote.csv")))).toEqual([
      'hostile/unclosed-quote.csv: a quoted value is never closed: is the file cut short, or is a closing " missing?',
    ]);
    // A short row is read with its missing cells empty, and said.
    const short = readCsv("short.csv", strToU8("source,target,kind\nCanada,Huawei\n"));
    expect(short.ok && short.notes.map((note) => note.key)).toEqual(["shortRows"]);
  });

  it("refuses bytes that are not text, and workbooks that are not XLSX, saying what they are", () => {
    expect(readCsv("u.csv", new Uint8Array([0x61, 0x00, 0x62, 0x00]))).toMatchObject({
      ok: false,
      issues: [
        {
          message:
            "the file holds a NUL byte (at offset 1): it is UTF-16 without a byte-order mark, or not text at all; save it as CSV UTF-8",
        },
      ],
    });
    const xls = readWorkbook("old.xlsx", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(xls).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringMatching(/^this is an Excel 97-2003 workbook \(\.xls\) or a password-protected one/) }],
    });
    const ods = readWorkbook("sheet.xlsx", zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet") }));
    expect(ods).toMatchObject({ ok: false, issues: [{ message: expect.stringMatching(/^this is an OpenDocument file \(\.ods\)/) }] });
    const csvZip = readWorkbook("tables.xlsx", zipSync({ "entities.csv": strToU8("id\n") }));
    expect(csvZip).toMatchObject({
      ok: false,
      issues: [{ message: "this is a zip archive but not an XLSX workbook: it has no xl/workbook.xml" }],
    });
    const doctype = zipSync({
      "xl/workbook.xml": strToU8('<!DOCTYPE x [<!ENTITY a "b">]><workbook/>'),
    });
    expect(readWorkbook("dtd.xlsx", doctype)).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringMatching(/DOCTYPE declaration, which no workbook needs/) }],
    });
  });

  it("refuses a table over the row limit as soon as the limit is passed, in CSV and in XLSX", () => {
    const rows = MAX_TABLE_ROWS + 5;
    const csv = `source,target,kind\n${"a,b,member_of\n".repeat(rows)}`;
    expect(readCsv("huge.csv", strToU8(csv))).toMatchObject({
      ok: false,
      issues: [{ message: "the file has more than 500,000 rows, the most this reader takes; split the data or use fewer rows" }],
    });
    const sheetRows: string[] = [];
    for (let row = 1; row <= rows; row += 1) sheetRows.push(`<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>x</t></is></c></row>`);
    const workbook = zipSync({
      "xl/workbook.xml": strToU8(
        '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="big" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${sheetRows.join("")}</sheetData></worksheet>`),
    });
    expect(readWorkbook("huge.xlsx", workbook)).toMatchObject({
      ok: false,
      issues: [
        {
          cell: { sheet: "big" },
          message: "the sheet has more than 500,000 rows, the most this reader takes; split the data or use fewer rows",
        },
      ],
    });
  }, 60_000);

  it("stops unpacking an archive at the limit, whatever sizes its entries declare (zip bombs)", () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const bomb = zipSync({ "entities.csv": zeros }, { level: 9 });
    expect(bomb.length).toBeLessThan(10_000);
    expect(readZip(bomb, () => () => {}, { maxBytes: 1024 * 1024 })).toEqual(
      new ZipProblem("the archive unpacks to more than 1 MB; it is refused (is it a zip bomb?), or split it into smaller files"),
    );
    // The same entry declaring 10 bytes in its local header: the count is of what is unpacked, not of what is declared.
    const lying = bomb.slice();
    new DataView(lying.buffer).setUint32(22, 10, true);
    expect(readZip(lying, () => () => {}, { maxBytes: 1024 * 1024 })).toBeInstanceOf(ZipProblem);
    const unpacked = unpackArchive({ file: "ok.zip", bytes: bomb });
    expect(
      Array.isArray(unpacked) && unpacked.map((input) => [input.file, input.bytes.length, input.bytes.every((byte) => byte === 0)]),
    ).toEqual([["ok.zip/entities.csv", zeros.length, true]]);
    expect(readZip(zipSync({ a: strToU8("a"), b: strToU8("b"), c: strToU8("c") }), () => undefined, { maxEntries: 2 })).toEqual(
      new ZipProblem("the archive holds more than 2 files; it is refused"),
    );
  });

  it("reads a zip of CSV tables as the tables, leaving out what no reader knows, and refuses a damaged zip", async () => {
    const files = await csvFiles(buildGraph(hostileDataset()));
    const withClutter = zipSync({ ...Object.fromEntries(files), "README.md": strToU8("# notes"), "__MACOSX/._entities.csv": strToU8("x") });
    const outcome = read([{ file: "bundle.zip", bytes: withClutter }]);
    expect(outcome.ok).toBe(true);
    expect(outcome.issues.map(formatIssue)).toEqual(["bundle.zip: warning: left out README.md, which no reader recognises"]);
    const cut = withClutter.slice(0, withClutter.length / 2);
    const damaged = read([{ file: "cut.zip", bytes: cut }]);
    expect(damaged.ok).toBe(false);
    expect(damaged.issues.every((issue: LoadIssue) => issue.file === "cut.zip" || issue.file.startsWith("cut.zip/"))).toBe(true);
  });
});

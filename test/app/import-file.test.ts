import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  importFormat,
  importSummary,
  openButtonTitle,
  openHint,
  pickerAccept,
  readImportFiles,
  readerControls,
  sizeProblem,
  withKindChoices,
  MAX_IMPORT_BYTES,
} from "../../src/app/model/import-file.ts";
import { readableFormats } from "../../src/formats/registry.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { exportDataset, writeDatasetJson, writeGexf } from "../../src/formats/index.ts";
import { FIXTURE_DOCUMENT, fixtureGraph } from "./fixture.ts";
import { GEXF_FIXTURES, REPO_ROOT } from "../formats/support.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const fixture = (name: string) => ({ file: name, bytes: readFileSync(path.join(GEXF_FIXTURES, name)) });

describe("opening files in the explorer", () => {
  it("tells JSON from GEXF by extension, else by the first character", () => {
    expect(importFormat("a.JSON", bytes("<"))).toBe("json");
    expect(importFormat("a.gexf", bytes("{"))).toBe("gexf");
    expect(importFormat("download", bytes("\ufeff \n {"))).toBe("json");
    expect(importFormat("download", bytes("  <?xml"))).toBe("gexf");
    expect(importFormat("notes.txt", bytes("hello"))).toBeNull();
  });

  it("reads a JSON dataset with parseDataset, and a JSON export back exactly", () => {
    const text = writeDatasetJson(exportDataset(fixtureGraph()));
    const outcome = readImportFiles([{ file: "fixture.json", bytes: bytes(text) }]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.format).toBe("json");
    // Zero errors; the fixture's one entity without relations is a warning.
    expect(outcome.issues.map((issue) => [issue.severity, issue.pointer])).toEqual([["warning", "/entities/9/id"]]);
    expect(outcome.dataset.entities).toHaveLength(FIXTURE_DOCUMENT.entities.length);
    expect(writeDatasetJson(outcome.dataset)).toBe(text);
    expect(importSummary(outcome)).toEqual({
      title: "Opened fixture.json",
      detail: "10 entities, 11 relations, 2 sources: a dataset file.",
    });
  });

  it("reads a dataset split across several JSON files together, as data/ is", () => {
    const folder = path.join(REPO_ROOT, "data");
    const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".json"));
    const outcome = readImportFiles(files.map((file) => ({ file, bytes: readFileSync(path.join(folder, file)) })));
    expect(outcome.ok).toBe(true);
    expect(outcome.file).toBe(`${files.length} files`);
    // Its saved layout comes with it (by its path here; a layout file dropped alone is told by its keys).
    expect(outcome.ok && outcome.layouts.map((layout) => layout.name)).toEqual(["default"]);
    const byKeys = readImportFiles(files.map((file) => ({ file: path.basename(file), bytes: readFileSync(path.join(folder, file)) })));
    if (!byKeys.ok) throw new Error(JSON.stringify(byKeys.issues));
    expect(byKeys.layouts.map((layout) => [layout.name, layout.positions.size])).toEqual([["default", byKeys.dataset.entities.length]]);
  });

  it("reads GEXF written by networkx (1.2draft and 1.3), Gephi and graphology, with dates kept", () => {
    for (const name of [
      "networkx-1.3.gexf",
      "networkx-1.2draft.gexf",
      "gephi-gexf_basic.gexf",
      "graphology_les_miserables.gexf",
      "networkx-dynamic-1.2draft.gexf",
    ]) {
      const outcome = readImportFiles([fixture(name)], { today: "2026-01-01" });
      if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.issues)}`);
      expect(outcome.format).toBe("gexf");
      expect(outcome.native).toBe(false);
      expect(outcome.dataset.entities.length).toBeGreaterThan(0);
      expect(outcome.issues.every((issue) => issue.severity === "warning")).toBe(true);
    }
    const dynamic = readImportFiles([fixture("networkx-dynamic-1.2draft.gexf")]);
    expect(dynamic.ok && dynamic.dataset.relations.some((relation) => relation.end !== undefined && relation.end !== null)).toBe(true);
  });

  it("reads a Leverage Atlas GEXF export back exactly", () => {
    const graph = buildGraph(exportDataset(fixtureGraph()));
    const outcome = readImportFiles([{ file: "view.gexf", bytes: bytes(writeGexf(graph, { dynamic: true })) }]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(outcome.native).toBe(true);
    expect(writeDatasetJson(outcome.dataset)).toBe(writeDatasetJson(exportDataset(fixtureGraph())));
    expect(importSummary(outcome).detail).toMatch(/: a Leverage Atlas GEXF export, read back exactly\.$/);
  });

  it("answers every broken file with located errors and no dataset", () => {
    const syntax = readImportFiles([
      { file: "syntax.json", bytes: readFileSync(path.join(REPO_ROOT, "test/fixtures/every-problem/syntax.json")) },
    ]);
    expect(syntax.ok).toBe(false);
    expect(syntax.issues[0]).toMatchObject({ file: "syntax.json", severity: "error", line: expect.any(Number) });
    expect("dataset" in syntax).toBe(false);

    const xml = readImportFiles([
      {
        file: "cut.gexf",
        bytes: bytes('<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n<graph><nodes><node id="a"'),
      },
    ]);
    expect(xml.ok).toBe(false);
    expect(xml.issues[0]).toMatchObject({ file: "cut.gexf", severity: "error", line: expect.any(Number) });

    const invalidUtf8 = readImportFiles([{ file: "bad.json", bytes: new Uint8Array([0x7b, 0xff, 0x7d]) }]);
    expect(invalidUtf8.issues[0]?.message).toMatch(/not valid UTF-8 \(first bad byte at offset 1\)/);
    const latin1 = readImportFiles([{ file: "x.gexf", bytes: bytes('<?xml version="1.0" encoding="klingon"?><gexf/>') }]);
    expect(latin1.issues[0]?.message).toBe('the XML declaration names an unknown encoding "klingon"');

    expect(readImportFiles([{ file: "empty.json", bytes: new Uint8Array() }]).issues[0]?.message).toBe("the file is empty");
    expect(readImportFiles([{ file: "notes.txt", bytes: bytes("hello") }]).issues[0]?.message).toMatch(
      /none of a CSV file \(\.csv\.zip, \.csv\), a dataset \(\.json\), an Excel workbook \(\.xlsx\), a GEXF file \(\.gexf, \.xml\) or a GraphML file \(\.graphml, \.xml\)/,
    );
    expect(readImportFiles([fixture("networkx-1.3.gexf"), { file: "b.json", bytes: bytes("{}") }]).issues[0]?.message).toMatch(
      /one GEXF file at a time/,
    );
  });

  it("offers, in the picker and the hints, every format the registry says the browser reads", () => {
    const readers = readableFormats("browser");
    for (const format of readers) {
      for (const extension of format.extensions) expect(pickerAccept().split(",")).toContain(`.${extension}`);
      expect(pickerAccept().split(",")).toContain(format.mediaType);
      expect(openHint()).toContain(`${format.reader.noun} (.${format.extensions[0]}`);
      expect(openButtonTitle()).toContain(`${format.reader.noun} (.${format.extensions[0]}`);
    }
    // Zips too: read-files.ts unpacks them (a CSV bundle downloaded from the explorer).
    expect(pickerAccept()).toBe(
      ".csv.zip,.csv,.json,.xlsx,.gexf,.xml,.graphml,.zip,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/gexf+xml,application/graphml+xml,application/zip",
    );
    expect(openHint()).toBe(
      "A CSV file (.csv.zip, .csv, one or several files) from Kumu, Gephi or any spreadsheet, a dataset (.json, one or several files), an Excel workbook (.xlsx) from Excel, LibreOffice or Kumu, a GEXF file (.gexf, .xml) from Gephi, graphology or networkx or a GraphML file (.graphml, .xml) from yEd, Cytoscape, networkx, igraph or Neo4j (APOC).",
    );
  });

  it("refuses files over the size limit before reading them", () => {
    expect(sizeProblem(MAX_IMPORT_BYTES)).toBeNull();
    expect(sizeProblem(MAX_IMPORT_BYTES + 1)).toMatch(/opens files up to 256 MB/);
  });
});

describe("reading a spreadsheet again, with other options", () => {
  it("offers the spreadsheet readers' options as controls (a select for the layout, a text field for the kinds), none for others", () => {
    expect(readerControls("gexf")).toEqual([]);
    const controls = readerControls("xlsx", { mapKind: "Company=vendor" });
    expect(controls.map((control) => [control.key, control.type, control.value])).toEqual([
      ["layout", "choice", "auto"],
      ["mapKind", "text", "Company=vendor"],
    ]);
    const layout = controls[0];
    expect(layout?.type === "choice" && layout.choices.map((choice) => choice.value)).toEqual(["auto", "atlas", "kumu", "gephi", "edges"]);
  });

  it("adds the kinds chosen in the table to the mapping given, escaping names, replacing a kind mapped before", () => {
    expect(
      withKindChoices(
        undefined,
        new Map([
          ["Company", "vendor"],
          ["Telco", ""],
        ]),
      ),
    ).toBe("Company=vendor");
    expect(
      withKindChoices(
        "Company=organization,Telco=carrier",
        new Map([
          ["company", "vendor"],
          ["A=B", "person"],
        ]),
      ),
    ).toBe("company=vendor,Telco=carrier,A\\=B=person");
  });

  it("reads a Kumu workbook once the table's choices are given, in the worker's function", () => {
    const kumu = { file: "kumu-map.xlsx", bytes: readFileSync(path.join(REPO_ROOT, "test/fixtures/sheets/kumu-map.xlsx")) };
    const refused = readImportFiles([kumu]);
    expect(!refused.ok && refused.unmapped?.entity.map((kind) => kind.name)).toEqual(["Company", "Telco"]);
    const mapKind = withKindChoices(
      undefined,
      new Map([
        ["Company", "vendor"],
        ["Telco", "carrier"],
      ]),
    );
    const opened = readImportFiles([kumu], { values: { mapKind } });
    expect(opened.ok && opened.dataset.entities.find((entity) => entity.id === "huawei")?.kind).toBe("vendor");
  });
});

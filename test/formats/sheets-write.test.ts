/**
 * What the spreadsheet writers write: the workbook's sheets and their look (a README naming the dataset, the
 * export date and the format; a frozen header row; column widths; links on URLs; every cell text), the CSV
 * tables byte for byte (golden files of the golden dataset), and the template.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { joinChunks } from "../../src/formats/bundle.ts";
import type { Chunk, FormatSpec } from "../../src/formats/format.ts";
import { NODE_FORMATS } from "../../src/formats/node.ts";
import { formatById } from "../../src/formats/registry.ts";
import { readWorkbook } from "../../src/formats/xlsx/read.ts";
import { ENTITY_COLUMNS, RELATION_COLUMNS, SOURCE_COLUMNS } from "../../src/formats/sheets/atlas-layout.ts";
import { entitySchema, relationSchema, sourceSchema, type Dataset } from "../../src/model/schema.ts";
import { expectGolden } from "../support/golden.ts";
import { REPO_ROOT } from "./support.ts";
import { csvFiles } from "./sheets-support.ts";

function goldenDataset(): Dataset {
  const result = parseDataset([
    { file: "golden-dataset.json", text: readFileSync(path.join(REPO_ROOT, "test/fixtures/formats/golden-dataset.json"), "utf8") },
  ]);
  if (!result.ok) throw new Error("the golden dataset must load");
  return result.dataset;
}

async function workbook(format: FormatSpec): Promise<Uint8Array> {
  const chunks: Chunk[] = [];
  if (format.writer?.output !== "file") throw new Error("XLSX writes one file");
  await format.writer.write({ graph: buildGraph(goldenDataset()), options: {}, date: "2026-01-01" }, (chunk) => chunks.push(chunk));
  return joinChunks(chunks);
}

const WRITERS = [
  ["in memory (the explorer)", formatById("xlsx") as FormatSpec],
  ["streamed (the CLI)", NODE_FORMATS.find((format) => format.id === "xlsx") as FormatSpec],
] as const;

describe("the layout", () => {
  it("has one column per field of the schema, in its order", () => {
    expect(ENTITY_COLUMNS.map((column) => column.field)).toEqual(Object.keys(entitySchema.shape));
    expect(RELATION_COLUMNS.map((column) => column.field)).toEqual(Object.keys(relationSchema.shape));
    expect(SOURCE_COLUMNS.map((column) => column.field)).toEqual(Object.keys(sourceSchema.shape));
  });
});

describe.each(WRITERS)("the XLSX workbook, %s", (_how, format) => {
  it("has a README naming the dataset, the export date and the format, then entities, relations and sources", async () => {
    const read = readWorkbook("golden.xlsx", await workbook(format));
    if (!read.ok) throw new Error("unreadable");
    expect(read.tables.map((table) => table.sheet)).toEqual(["README", "entities", "relations", "sources"]);
    const readme = read.tables[0];
    expect(readme?.header).toEqual(["field", "value", "about"]);
    const rows = Object.fromEntries((readme?.rows ?? []).map((row) => [row.cells[0], row.cells[1]]));
    expect(rows).toMatchObject({ format: "Leverage Atlas spreadsheet 1", exported: "2026-01-01", name: goldenDataset().meta.name });
    expect(read.tables[2]?.header).toEqual(RELATION_COLUMNS.map((column) => column.header));
  });

  it("keeps each header row in view, fits the columns, links URLs and writes every cell as text", async () => {
    const parts = unzipSync(await workbook(format));
    const sheetXml = (index: number) => strFromU8(parts[`xl/worksheets/sheet${index}.xml`] as Uint8Array);
    for (const index of [1, 2, 3, 4]) {
      expect(sheetXml(index)).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"|<pane [^>]*state="frozen"[^>]*ySplit="1"/);
      expect(sheetXml(index)).toMatch(/<col [^>]*width="/);
      // Text only: shared strings, never numbers, dates or formulas.
      expect(sheetXml(index)).not.toMatch(/<f>|<c [^>]*t="n"/);
      for (const match of sheetXml(index).matchAll(/<c [^>]*>/g)) expect(match[0]).toMatch(/t="s"|\/>$/);
    }
    // The entities' and sources' URLs are links, each to the URL the cell shows.
    const rels = Object.entries(parts)
      .filter(([name]) => /^xl\/worksheets\/_rels\/sheet[24]\.xml\.rels$/.test(name))
      .map(([, bytes]) => strFromU8(bytes));
    const sources = goldenDataset().sources;
    for (const source of sources) expect(rels.join("")).toContain(`Target="${source.url.replace(/&/g, "&amp;")}"`);
    expect(sheetXml(4)).toMatch(/<hyperlinks>/);
  });
});

describe("the CSV tables", () => {
  it("are RFC 4180 UTF-8 with a header, byte for byte as recorded", async () => {
    const files = await csvFiles(buildGraph(goldenDataset()));
    expect([...files.keys()]).toEqual(["entities.csv", "relations.csv", "sources.csv", "dataset.csv"]);
    for (const [name, bytes] of files) {
      expect(bytes[0]).not.toBe(0xef);
      expectGolden(path.join("test/formats/golden/golden-dataset-csv", name), bytes);
    }
  });
});

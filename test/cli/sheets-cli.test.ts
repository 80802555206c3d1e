/** `atlas export --format xlsx|csv`, `atlas import` of workbooks, CSV folders and zips with --layout and --map-kind, `atlas template`. */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDatasetJson } from "../../src/formats/json/write.ts";
import type { DatasetDocument } from "../../src/model/schema.ts";
import { atlas } from "../support/cli.ts";
import { REPO_ROOT } from "../formats/support.ts";

const GOLDEN = path.join(REPO_ROOT, "test/fixtures/formats/golden-dataset.json");
const GOLDEN_JSON = readFileSync(path.join(REPO_ROOT, "test/formats/golden/golden-dataset.json"), "utf8");
const SHEETS = path.join(REPO_ROOT, "test/fixtures/sheets");
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "atlas-sheets-cli-"));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("atlas export and import of spreadsheets", () => {
  it("writes the CSV tables to a folder or a zip, and XLSX to a file, each read back to the same dataset file", async () => {
    const tables = path.join(folder, "tables");
    const written = await atlas("export", GOLDEN, "--format", "csv", "--out", tables);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toMatch(/^wrote .*tables \(CSV tables\): \d+ entities, \d+ relations, \d+ sources\n$/);
    expect(readdirSync(tables).sort()).toEqual(["dataset.csv", "entities.csv", "relations.csv", "sources.csv"]);
    const zip = path.join(folder, "tables.zip");
    expect((await atlas("export", GOLDEN, "--format", "csv", "--out", zip)).code).toBe(0);
    const workbook = path.join(folder, "golden.xlsx");
    expect((await atlas("export", GOLDEN, "--out", workbook)).stderr).toMatch(/\(XLSX workbook\)/);
    for (const input of [tables, zip, workbook]) {
      const back = await atlas("import", input);
      expect(back.code, back.stderr).toBe(0);
      expect(back.stdout).toBe(GOLDEN_JSON);
      expect(back.stderr).toMatch(/\(a Leverage Atlas export, read back exactly\)\n$/);
    }
  });

  it("exports a selection, as any format does", async () => {
    const out = path.join(folder, "ego.xlsx");
    const written = await atlas("export", GOLDEN, "--ego", "huawei", "--format", "xlsx", "--out", out);
    expect(written.code, written.stderr).toBe(0);
    const back = JSON.parse((await atlas("import", out)).stdout) as { entities: { id: string }[] };
    expect(back.entities.map((entity) => entity.id)).toContain("huawei");
    expect(back.entities.length).toBeLessThan(9);
  });

  it("refuses a bundle or a workbook on stdout", async () => {
    for (const format of ["csv", "xlsx"]) {
      const refused = await atlas("export", GOLDEN, "--format", format);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        format === "csv" ? /writes several files: give --out FOLDER/ : /writes a binary file: give --out FILE/,
      );
    }
  });

  it("imports Kumu's workbook once its kinds are mapped, into an existing --out folder as NAME.json, and lists unmapped kinds otherwise", async () => {
    const kumu = path.join(SHEETS, "kumu-map.xlsx");
    const refused = await atlas("import", kumu, "--out", folder);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('entity kinds the ontology does not have: "Company" (1 row), "Telco" (1 row)');
    expect(refused.stderr).toMatch(/not imported \(1 error\); nothing was written\n$/);
    const done = await atlas(
      "import",
      kumu,
      "--map-kind",
      "Company=vendor,Telco=carrier",
      "--source-url",
      "https://example.org/kumu",
      "--out",
      folder,
    );
    expect(done.code, done.stderr).toBe(0);
    const out = path.join(folder, "kumu-map.json");
    expect(done.stderr).toMatch(
      new RegExp(`imported kumu-map.xlsx into ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: 6 entities, 5 relations, 3 sources`),
    );
    const dataset = JSON.parse(readFileSync(out, "utf8")) as { sources: { id: string; url: string }[] };
    expect(dataset.sources.find((source) => source.id.startsWith("import-"))?.url).toBe("https://example.org/kumu");
  });

  it("imports a folder of CSV tables, leaving out what no reader takes, with --layout", async () => {
    const gephi = path.join(folder, "gephi");
    cpSync(path.join(SHEETS, "gephi"), gephi, { recursive: true });
    writeFileSync(path.join(gephi, "README.md"), "# notes\n");
    const result = await atlas("import", gephi, "--layout", "gephi");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.split("\n")[0]).toBe(`${gephi}: left out README.md: no reader for them`);
    expect(result.stderr).not.toContain("told from the headers");
    expect((JSON.parse(result.stdout) as DatasetDocument).relations).toHaveLength(5);
  });

  it("refuses --layout and --map-kind for formats that have no such option, and unknown layouts", async () => {
    const gexf = path.join(REPO_ROOT, "test/fixtures/gexf/gephi-gexf_basic.gexf");
    const refused = await atlas("import", gexf, "--layout", "kumu");
    expect(refused).toMatchObject({ code: 2, stdout: "" });
    expect(refused.stderr).toBe("atlas: --layout applies to XLSX or CSV only, not to GEXF\n");
    const unknown = await atlas("import", path.join(SHEETS, "edge-list.csv"), "--layout", "tabular");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/argument 'tabular' is invalid\. Allowed choices are auto, atlas, kumu, gephi, edges/);
  });

  it("locates every error of a broken spreadsheet, file:row:column, and writes nothing", async () => {
    const tables = path.join(folder, "broken");
    expect((await atlas("export", GOLDEN, "--format", "csv", "--out", tables)).code).toBe(0);
    const relations = path.join(tables, "relations.csv");
    writeFileSync(relations, readFileSync(relations, "utf8").replace(",reported\r\n", ",probable\r\n"));
    const out = path.join(folder, "broken.json");
    const result = await atlas("import", tables, "--out", out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${relations}:2:confidence: unknown confidence "probable"; expected one of: confirmed, reported, alleged\n`,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe("atlas template", () => {
  it("writes the template workbook, which imports as it is", async () => {
    const out = path.join(folder, "template.xlsx");
    const written = await atlas("template", "--out", out);
    expect(written.code).toBe(0);
    expect(written.stderr).toBe(`wrote ${out} (the spreadsheet template: fill in the sheets, then atlas import ${out})\n`);
    const back = await atlas("import", out);
    expect(back.code, back.stderr).toBe(0);
    const dataset = JSON.parse(back.stdout) as Required<Omit<DatasetDocument, "$schema">>;
    expect(dataset.entities.map((entity: { kind: string }) => entity.kind)).toEqual(["government", "vendor"]);
    expect(back.stdout).toBe(
      writeDatasetJson({ meta: dataset.dataset, entities: dataset.entities, relations: dataset.relations, sources: dataset.sources }),
    );
    expect((await atlas("template")).code).toBe(2);
  });
});

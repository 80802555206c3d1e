import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isLayoutPath } from "../../src/load/bundle.ts";
import { layoutNameOfPath, parseDatasetFolder, parseLayout, readLayouts } from "../../src/load/layouts.ts";
import { listDatasetFiles, listJsonFiles, loadDataset } from "../../src/load/read.ts";
import { chooseLayout, layoutDocumentSchema, layoutText, type SavedLayout } from "../../src/model/layout.ts";
import { textOf, validDocument } from "./fixtures.ts";

async function folderWith(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "atlas-layouts-"));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), content);
  }
  return folder;
}

/** The ids of validDocument()'s entities. */
function entityIds(): string[] {
  return validDocument().entities.map((entity) => String(entity.id));
}

function layoutOf(name: string, positions: Record<string, [number, number]>): string {
  return layoutText(
    name,
    Object.entries(positions).map(([id, [x, y]]) => [id, { x, y }] as const),
  );
}

describe("saved layout files", () => {
  it("are told apart from dataset documents by their path: layouts/NAME.json names the layout NAME", () => {
    expect(isLayoutPath("layouts/default.json")).toBe(true);
    expect(isLayoutPath("layouts/old/x.json")).toBe(true);
    expect(isLayoutPath("layouts.json")).toBe(false);
    expect(isLayoutPath("topics/layouts/x.json")).toBe(false);
    expect(layoutNameOfPath("layouts/overview.json")).toBe("overview");
    expect(layoutNameOfPath("layouts/old/x.json")).toBeUndefined();
  });

  it("round-trip: the text written reads back to the same positions, to the hundredth", () => {
    const id = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/, { maxLength: 20 });
    const coordinate = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.dictionary(id, fc.tuple(coordinate, coordinate), { maxKeys: 30 }), (positions) => {
        const text = layoutOf("default", positions);
        const read = parseLayout({ path: "layouts/default.json", file: "layouts/default.json", text });
        expect(read.issues).toEqual([]);
        expect(Object.fromEntries([...(read.layout?.positions ?? [])].map(([key, point]) => [key, [point.x, point.y]]))).toEqual(
          Object.fromEntries(
            Object.entries(positions).map(([key, [x, y]]) => [key, [Math.round(x * 100) / 100 || 0, Math.round(y * 100) / 100 || 0]]),
          ),
        );
        // Written again, the same bytes: a layout saved twice does not change.
        expect(layoutText("default", read.layout?.positions ?? [])).toBe(text);
      }),
      { numRuns: 60 },
    );
  });

  it("are written one entity per line, sorted by id, with $schema relative to data/layouts/", () => {
    expect(layoutOf("default", { telus: [1.006, -2], bell: [10.123, 0.5] })).toBe(
      '{\n  "$schema": "../../schema/layout.schema.json",\n  "name": "default",\n  "positions": {\n    "bell": [10.12, 0.5],\n    "telus": [1.01, -2]\n  }\n}\n',
    );
    expect(() => layoutOf("default", { bell: [Number.NaN, 0] })).toThrow(/not finite/);
  });

  it("refuse a coordinate that is not a finite number, located at its line and column", () => {
    const text = '{\n  "name": "default",\n  "positions": {\n    "bell": [1e999, 2],\n    "telus": [1, "2"]\n  }\n}\n';
    const read = parseLayout({ path: "layouts/default.json", file: "data/layouts/default.json", text });
    expect(read.layout).toBeUndefined();
    expect(read.issues).toEqual([
      {
        file: "data/layouts/default.json",
        pointer: "/positions/bell/0",
        message: "x must be a finite number, got Infinity (a number too large to store, e.g. 1e999)",
        severity: "error",
        line: 4,
        column: 14,
      },
      {
        file: "data/layouts/default.json",
        pointer: "/positions/telus/1",
        message: 'y must be a number, got a string ("2")',
        severity: "error",
        line: 5,
        column: 18,
      },
    ]);
  });

  it("refuse every problem of shape at once: syntax, fields, positions, a name that is not the file's", () => {
    const problems = (text: string, file = "layouts/default.json") =>
      parseLayout({ path: file, file, text }).issues.map((issue) => `${issue.severity} ${issue.pointer}: ${issue.message}`);
    expect(problems('{"name": "default", "positions": {}')).toEqual([
      "error : unexpected end of file: the JSON is truncated (expected '}' to close the object)",
    ]);
    expect(problems("[]")).toEqual(["error : a layout must be an object with name and positions"]);
    expect(problems('{"name": "default", "positon": {}}')).toEqual([
      'error /positions: missing required field "positions"',
      'error /positon: unknown field "positon"; did you mean "positions"?',
    ]);
    expect(problems('{"name": "Default Layout", "positions": {"a": [1], "b": {}}}')).toEqual([
      'error /name: malformed layout name "Default Layout": names are lowercase letters and digits joined by single hyphens, at most 100 characters (e.g. "default"), as in layouts/NAME.json',
      "error /positions/a: a position is a list of two numbers [x, y], got 1 item",
      "error /positions/b: a position must be a list of two numbers [x, y], got an object",
    ]);
    expect(problems('{"name": "overview", "positions": {}}')).toEqual([
      'error /name: name "overview" does not match the file name layouts/default.json: rename one so that they agree',
    ]);
    expect(problems('{"name": "x", "positions": {}}', "layouts/old/x.json")).toEqual([
      "warning : not read: a saved layout is layouts/NAME.json, directly in the layouts folder",
    ]);
  });

  it("warn, located, about ids that are no entity; entities they do not place are no problem", () => {
    const [first] = entityIds();
    const text = layoutOf("default", { [first as string]: [0, 0], "gone-entity": [1, 1] });
    const { layouts, issues } = readLayouts([{ path: "layouts/default.json", file: "d/layouts/default.json", text }], new Set(entityIds()));
    const lineOf = (needle: string): number => text.split("\n").findIndex((line) => line.includes(needle)) + 1;
    expect(layouts.map((layout) => layout.name)).toEqual(["default"]);
    expect(issues.map(({ severity, pointer, message, line }) => ({ severity, pointer, message, line }))).toEqual([
      {
        severity: "warning",
        pointer: "/positions/gone-entity",
        message: '"gone-entity" is not an entity of the dataset (renamed or removed since the layout was saved?); its position is not used',
        line: lineOf('"gone-entity"'),
      },
    ]);
  });

  it('open with the one named "default", else the first by name', () => {
    const named = (name: string): SavedLayout => ({ name, file: `${name}.json`, positions: new Map() });
    expect(chooseLayout([named("b"), named("default"), named("a")])?.name).toBe("default");
    expect(chooseLayout([named("overview"), named("detail")])?.name).toBe("detail");
    expect(chooseLayout<SavedLayout>([])).toBeUndefined();
  });

  it("have a JSON Schema that accepts what is written and refuses a non-finite shape", () => {
    expect(layoutDocumentSchema.safeParse(JSON.parse(layoutOf("default", { a: [1, 2] }))).success).toBe(true);
    expect(layoutDocumentSchema.safeParse({ name: "default", positions: { a: [1, Infinity] } }).success).toBe(false);
  });
});

describe("a dataset folder with saved layouts", () => {
  it("reads layouts/ as layouts, never as dataset documents, and lists them with the folder's JSON files only", async () => {
    const [first] = entityIds();
    const folder = await folderWith({
      "dataset.json": textOf(validDocument()),
      "layouts/default.json": layoutOf("default", Object.fromEntries(entityIds().map((id, index) => [id, [index, -index]]))),
      "layouts/partial.json": layoutOf("partial", { [first as string]: [5, 5] }),
    });
    expect((await listJsonFiles(folder)).map((file) => path.relative(folder, file))).toEqual([
      "dataset.json",
      path.join("layouts", "default.json"),
      path.join("layouts", "partial.json"),
    ]);
    expect((await listDatasetFiles(folder)).map((file) => path.relative(folder, file))).toEqual(["dataset.json"]);
    const result = await loadDataset(folder);
    expect(result.ok).toBe(true);
    expect(result.counts).toEqual({ entities: 3, relations: 1, sources: 1 });
    expect(result.layouts.map((layout) => [layout.name, layout.positions.size])).toEqual([
      ["default", 3],
      ["partial", 1],
    ]);
    expect(result.layouts[0]?.positions.get(first as string)).toEqual({ x: 0, y: 0 });
    expect(result.issues).toEqual([]);
  });

  it("fails to load when a layout has an error, listing it with the dataset's own issues", async () => {
    const folder = await folderWith({
      "dataset.json": textOf(validDocument()),
      "layouts/default.json": '{"name": "default", "positions": {"x": [1e400, 0]}}',
    });
    const result = await loadDataset(folder);
    expect(result.ok).toBe(false);
    expect(result.layouts).toEqual([]);
    expect(result.issues).toEqual([
      expect.objectContaining({
        pointer: "/positions/x/0",
        severity: "error",
        message: "x must be a finite number, got Infinity (a number too large to store, e.g. 1e999)",
        line: 1,
        column: 41,
      }),
    ]);
  });

  it("reads a layout that is not UTF-8 as an error of its own", async () => {
    const folder = await folderWith({ "dataset.json": textOf(validDocument()) });
    await mkdir(path.join(folder, "layouts"));
    await writeFile(path.join(folder, "layouts", "default.json"), Buffer.from([0x7b, 0xff, 0x7d]));
    const result = await loadDataset(folder);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => issue.message)).toEqual([
      "the file is not valid UTF-8 (first bad byte at offset 1); save it as UTF-8",
    ]);
  });

  it("is read the same from texts in memory (the embedded dataset, bundles)", () => {
    const files = [
      { path: "dataset.json", file: "data/dataset.json", text: textOf(validDocument()) },
      { path: "layouts/default.json", file: "data/layouts/default.json", text: layoutOf("default", { unknown: [0, 0] }) },
    ];
    const result = parseDatasetFolder(files);
    expect(result.ok).toBe(true);
    expect(result.layouts.map((layout) => layout.file)).toEqual(["data/layouts/default.json"]);
    expect(result.issues.every((issue) => issue.severity === "warning" && issue.file === "data/layouts/default.json")).toBe(true);
  });

  it("keeps the committed fixture's saved layout valid and complete", async () => {
    const result = await loadDataset("test/fixtures/layouts/figure");
    expect(result.ok).toBe(true);
    expect(result.layouts.map((layout) => layout.name)).toEqual(["default"]);
    expect(result.layouts[0]?.positions.size).toBe(result.dataset?.entities.length);
    expect((JSON.parse(await readFile("test/fixtures/layouts/figure/layouts/default.json", "utf8")) as { $schema: string }).$schema).toBe(
      "../../../../../schema/layout.schema.json",
    );
  });
});

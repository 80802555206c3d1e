/**
 * The workbooks Leverage Atlas writes open in another spreadsheet program with the same cell values:
 * LibreOffice (headless, a throwaway profile) converts each sheet to CSV, and every cell must be what our
 * reader reads from the workbook. Both writers are checked: the in-memory one (the explorer's) and the
 * streamed one (the CLI's). In CI (CI=true) LibreOffice must be there (.ci/run installs
 * libreoffice-calc-nogui): the test fails rather than skips.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import { joinChunks } from "../../src/formats/bundle.ts";
import type { Chunk, FormatSpec } from "../../src/formats/format.ts";
import { NODE_FORMATS } from "../../src/formats/node.ts";
import { formatById } from "../../src/formats/registry.ts";
import { readWorkbook } from "../../src/formats/xlsx/read.ts";
import { hostileDataset, starterDataset } from "./support.ts";

const run = promisify(execFile);

async function hasSoffice(): Promise<boolean> {
  try {
    await run("soffice", ["--version"]);
    return true;
  } catch {
    return false;
  }
}

const available = process.env.CI ? true : await hasSoffice();
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "atlas-libreoffice-"));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Every sheet as LibreOffice reads it, converted to CSV (UTF-8, comma, quotes; all sheets: the last token -1). */
async function sheetsByLibreOffice(file: string): Promise<Map<string, string[][]>> {
  const profile = mkdtempSync(path.join(tmpdir(), "lo-profile-"));
  try {
    await run(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        path.dirname(file),
        file,
      ],
      { timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const base = path.basename(file, ".xlsx");
  const sheets = new Map<string, string[][]>();
  for (const name of readdirSync(path.dirname(file)))
    if (name.startsWith(`${base}-`) && name.endsWith(".csv"))
      sheets.set(name.slice(base.length + 1, -4), parse(readFileSync(path.join(path.dirname(file), name)), { relax_column_count: true }));
  return sheets;
}

async function workbookBytes(format: FormatSpec, dataset: ReturnType<typeof hostileDataset>): Promise<Uint8Array> {
  const chunks: Chunk[] = [];
  const writer = format.writer;
  if (writer?.output !== "file") throw new Error("XLSX writes one file");
  await writer.write({ graph: buildGraph(dataset), options: {}, date: "2026-01-01" }, (chunk) => chunks.push(chunk));
  return joinChunks(chunks);
}

describe.runIf(available)("a workbook opened in LibreOffice", () => {
  it.each([
    ["the explorer's writer", formatById("xlsx") as FormatSpec],
    ["the CLI's streamed writer", NODE_FORMATS.find((format) => format.id === "xlsx") as FormatSpec],
  ])(
    "shows every cell as written, by %s",
    async (_writer, format) => {
      for (const [name, dataset] of [
        ["hostile", hostileDataset()],
        ["starter", await starterDataset()],
      ] as const) {
        const file = path.join(folder, `${name}-${format === formatById("xlsx") ? "memory" : "stream"}.xlsx`);
        const bytes = await workbookBytes(format, dataset);
        writeFileSync(file, bytes);
        const ours = readWorkbook(path.basename(file), bytes);
        if (!ours.ok) throw new Error(JSON.stringify(ours.issues));
        const theirs = await sheetsByLibreOffice(file);
        expect([...theirs.keys()].sort()).toEqual(ours.tables.map((table) => table.sheet).sort());
        for (const table of ours.tables) {
          const width = table.header.length;
          // LibreOffice's CSV export writes a line break inside a cell as LF, whichever it was (our _x000D_ is a CR it reads).
          const cells = (row: readonly string[]) => Array.from({ length: width }, (_, index) => (row[index] ?? "").replace(/\r\n/g, "\n"));
          const expected = [table.header, ...table.rows.map((row) => row.cells)].map(cells);
          expect((theirs.get(table.sheet as string) ?? []).map(cells), `${name}: sheet ${table.sheet}`).toEqual(expected);
        }
      }
    },
    240_000,
  );
});

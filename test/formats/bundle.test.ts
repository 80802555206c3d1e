/**
 * Bundle writers (several files: a CSV per table, a Neo4j import folder) have no format yet; a made-up one
 * checks the paths they will take: a folder or a .zip from the CLI, atomically, and a zip in the browser.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportFile } from "../../src/app/files/export-files.ts";
import { writeExport } from "../../src/cli/export-output.ts";
import { bundleNameProblem } from "../../src/formats/bundle.ts";
import { defineFormat, type WriteInput } from "../../src/formats/format.ts";
import type { WritableFormat } from "../../src/formats/registry.ts";
import { captureIo } from "../support/cli.ts";
import { fixtureGraph } from "../app/fixture.ts";

/** One CSV of entity ids and one of relation ids, in a subfolder; fails midway when told to. */
function tablesFormat(failAfterFirstFile = false): WritableFormat {
  return defineFormat({
    id: "tables",
    name: "Tables",
    label: "CSV tables",
    description: "a CSV file per table",
    extensions: ["tables.zip"],
    mediaType: "application/zip",
    options: {},
    writer: {
      output: "bundle",
      runs: ["node", "browser"],
      writes: "data",
      write({ graph }, bundle) {
        bundle.add("entities.csv", (emit) => {
          emit("id\n");
          graph.forEachNode((id) => emit(`${id}\n`));
        });
        if (failAfterFirstFile) throw new Error("the writer failed midway");
        bundle.add("tables/relations.csv", (emit) => emit(new TextEncoder().encode(`id\n${graph.edges().join("\n")}\n`)));
        return { sources: 0, notes: ["a note"] };
      },
    },
  }) as WritableFormat;
}

const input = (): WriteInput => ({ graph: fixtureGraph(), options: {} });
let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "atlas-bundle-"));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("bundle formats", () => {
  it("are written by the CLI as a folder, replacing an existing one only once complete", async () => {
    const out = path.join(folder, "tables");
    mkdirSync(out);
    writeFileSync(path.join(out, "stale.csv"), "old");
    const report = await writeExport(tablesFormat(), input(), out, captureIo());
    expect(report.notes).toEqual(["a note"]);
    expect(readdirSync(out).sort()).toEqual(["entities.csv", "tables"]);
    expect(readFileSync(path.join(out, "entities.csv"), "utf8")).toMatch(/^id\ngov-united-states\n/);
    expect(readFileSync(path.join(out, "tables/relations.csv"), "utf8")).toMatch(/^id\nus-pressures-canada\n/);

    await expect(writeExport(tablesFormat(true), input(), out, captureIo())).rejects.toThrow("the writer failed midway");
    expect(readdirSync(out).sort()).toEqual(["entities.csv", "tables"]);
    expect(readdirSync(folder).filter((name) => name.startsWith("."))).toEqual([]);
  });

  it("are written by the CLI as a zip when --out ends in .zip, and never to stdout", async () => {
    const out = path.join(folder, "tables.zip");
    await writeExport(tablesFormat(), input(), out, captureIo());
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    expect(Object.keys(files).sort()).toEqual(["entities.csv", "tables/relations.csv"]);
    await expect(writeExport(tablesFormat(), input(), undefined, captureIo())).rejects.toThrow(
      "--format tables writes several files: give --out FOLDER (or --out FILE.zip)",
    );
    expect(existsSync(path.join(folder, "tables.zip"))).toBe(true);
  });

  it("are a zip in the browser, the notes made sentences", async () => {
    const file = await exportFile(tablesFormat(), input());
    expect(file.blob.type).toBe("application/zip");
    expect(file.notes).toEqual(["a note."]);
    const files = unzipSync(new Uint8Array(await file.blob.arrayBuffer()));
    expect(new TextDecoder().decode(files["tables/relations.csv"])).toMatch(/^id\nus-pressures-canada\n/);
  });

  it("keep their files inside the bundle", () => {
    for (const name of ["", "/etc/passwd", "../x.csv", "a//b.csv", "a/./b.csv", "a\\b.csv"]) expect(bundleNameProblem(name)).not.toBeNull();
    expect(bundleNameProblem("tables/relations.csv")).toBeNull();
  });
});

/**
 * The format registry drives the CLI: a walk over it checks that every format the CLI writes is listed in
 * `atlas export --help` with its flags and is written through --format and through the --out extension,
 * that formats only the browser writes are refused, and that `atlas import --help` lists what it reads.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NODE_FORMATS } from "../../src/formats/node.ts";
import { FORMATS, readableFormats, withArticle, writableFormats } from "../../src/formats/registry.ts";
import { listWords } from "../../src/model/text.ts";
import { atlas } from "../support/cli.ts";
import { REPO_ROOT } from "./support.ts";

const FIXTURE = path.join(REPO_ROOT, "test/fixtures/formats/golden-dataset.json");
const CLI_WRITERS = writableFormats("node", NODE_FORMATS);
const CLI_READERS = readableFormats("node", NODE_FORMATS).filter((format) => format.id !== "json");
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "atlas-registry-"));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("the format registry", () => {
  it("declares each format once, with names, extensions, a media type and a writer or a reader that runs somewhere", () => {
    expect(new Set(FORMATS.map((format) => format.id)).size).toBe(FORMATS.length);
    for (const format of NODE_FORMATS) {
      expect(format.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(format.name).not.toBe("");
      expect(format.label).not.toBe("");
      expect(format.extensions.every((extension) => /^[a-z0-9]+(\.[a-z0-9]+)*$/.test(extension))).toBe(true);
      expect(format.mediaType).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
      expect((format.writer?.runs.length ?? 0) + (format.reader?.runs.length ?? 0)).toBeGreaterThan(0);
      for (const option of Object.values(format.options)) expect(option.flag).toMatch(/^--[a-z]+(-[a-z]+)*$/);
    }
    // The CLI writes at least the default format, and the explorer opens at least what the CLI exports as data.
    expect(CLI_WRITERS[0]?.id).toBe("gexf");
  });
});

describe("atlas export, walked over the registry", () => {
  it("lists every format it writes in --help: id, extension, description, flags, and as a --format choice", async () => {
    const help = await atlas("export", "--help");
    expect(help.code).toBe(0);
    const formatsSection = help.stdout.split("Formats (--format")[1]?.split("Examples:")[0] ?? "";
    for (const format of CLI_WRITERS) {
      expect(formatsSection).toMatch(
        new RegExp(`^  ${format.id} +\\.${format.extensions[0]} +${format.description.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "m"),
      );
      for (const option of Object.values(format.options)) {
        expect(help.stdout).toContain(`  ${option.flag}${option.type === "boolean" ? "" : ` <${option.valueName}>`} `);
        expect(help.stdout.replace(/\s+/g, " ")).toContain(option.help.replace(/\s+/g, " "));
      }
    }
    const choices = /--format <format> +(.+?) \(default/s.exec(help.stdout)?.[1]?.replace(/\s+/g, " ").trim();
    expect(choices).toBe(
      CLI_WRITERS.map((format) => format.id)
        .join(", ")
        .replace(/, ([^,]+)$/, " or $1"),
    );
  });

  it.each(CLI_WRITERS.map((format) => [format.id, format] as const))(
    "writes %s through --format (with each of its options) and through the --out extension",
    async (_id, format) => {
      // A yes/no option is its flag; a choice, a number or a text takes a value: each choice, a number's bounds, some text.
      const optionFlags = Object.values(format.options).flatMap((option) =>
        option.type === "boolean"
          ? [[option.flag]]
          : option.type === "choice"
            ? option.choices.map((choice) => [option.flag, choice.value])
            : option.type === "number"
              ? [
                  [option.flag, String(option.min)],
                  [option.flag, String(option.max)],
                ]
              : [[option.flag, "some text"]],
      );
      for (const flags of [[], ...optionFlags]) {
        const out = path.join(folder, `by-flag.${format.extensions[0]}`);
        const written = await atlas("export", FIXTURE, "--format", format.id, ...flags, "--out", out);
        expect(written.code, written.stderr).toBe(0);
        expect(written.stderr).toMatch(new RegExp(`^wrote .* \\(${format.label}`));
        expect(statSync(out).size).toBeGreaterThan(0);
        rmSync(out, { recursive: true });
      }
      const inferred = path.join(folder, `by-extension.${format.extensions[0]}`);
      const written = await atlas("export", FIXTURE, "--out", inferred);
      expect(written.stderr).toMatch(new RegExp(`^wrote ${inferred.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(${format.label}\\)`));
      expect(existsSync(inferred)).toBe(true);
      rmSync(inferred, { recursive: true });
    },
  );

  it("refuses formats only the explorer writes, naming the ones it writes", async () => {
    // By id: the CLI's XLSX is the same format with node's streaming writer (node.ts).
    const browserOnly = writableFormats("browser").filter((format) => !CLI_WRITERS.some((written) => written.id === format.id));
    expect(browserOnly.map((format) => format.id)).toContain("png");
    for (const format of browserOnly) {
      const refused = await atlas("export", FIXTURE, "--format", format.id);
      expect(refused).toMatchObject({ code: 2, stdout: "" });
      expect(refused.stderr).toContain(`--format must be ${listWords(CLI_WRITERS.map((known) => known.id))}, got "${format.id}"`);
    }
  });

  it("refuses a format's flag with a format that does not have it, naming the formats that do", async () => {
    const refused = await atlas("export", FIXTURE, "--format", "json", "--dynamic");
    expect(refused).toMatchObject({ code: 2, stdout: "" });
    expect(refused.stderr).toBe("atlas: --dynamic applies to GEXF only, not to JSON\n");
  });
});

describe("atlas import, walked over the registry", () => {
  it("lists every format it reads in --help, with the extensions it knows them by", async () => {
    const help = await atlas("import", "--help");
    expect(help.code).toBe(0);
    for (const format of CLI_READERS) {
      // Ids are padded to the longest.
      expect(help.stdout.replace(/^( {2}[a-z0-9-]+) +/gm, "$1 ")).toContain(
        `  ${format.id} ${format.reader.help} (${format.extensions.map((extension) => `.${extension}`).join(", ")})`,
      );
      expect(help.stdout).toContain(withArticle(format.reader.noun));
    }
  });

  it("reads each format it lists from what atlas export wrote", async () => {
    for (const format of CLI_READERS) {
      const file = path.join(folder, `back.${format.extensions[0]}`);
      expect((await atlas("export", FIXTURE, "--format", format.id, "--out", file)).code).toBe(0);
      const imported = await atlas("import", file);
      expect(imported.code, imported.stderr).toBe(0);
      expect(JSON.parse(imported.stdout)).toEqual(
        JSON.parse(readFileSync(path.join(REPO_ROOT, "test/formats/golden/golden-dataset.json"), "utf8")),
      );
    }
  });
});

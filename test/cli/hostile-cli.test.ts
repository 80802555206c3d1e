/**
 * The CLI on hostile input: `atlas validate` and `atlas export` on every case of the loader's corpus,
 * `atlas import` on arbitrary bytes, and every command that writes a file facing an output it cannot
 * write. Each answers with its documented exit status and a located message, never a stack trace, and
 * never leaves a partial file. (`atlas import` on the GEXF corpus: test/formats/hostile-gexf.test.ts.)
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileAtomically } from "../../src/cli/atomic-write.ts";
import { CliError } from "../../src/cli/io.ts";
import { atlas } from "../support/cli.ts";
import { readGexf } from "../../src/formats/gexf/read.ts";
import { formatIssue } from "../../src/load/issues.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { loadDataset } from "../../src/load/read.ts";

const CORPUS = "test/fixtures/hostile/datasets";
const GEXF_CORPUS = "test/fixtures/hostile/gexf";
const CASES = readdirSync(CORPUS).sort();
const VALID_DATA = "data";
const NO_STACK = /\n\s+at |internal error/;

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "atlas-hostile-cli-"));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Files in the scratch folder other than the expected ones: a temporary file left behind would show here. */
function leftovers(expected: readonly string[] = []): string[] {
  return readdirSync(folder).filter((entry) => !expected.includes(entry));
}

describe.each(CASES)("the loader's corpus case %s", (name) => {
  const target = path.join(CORPUS, name);

  it("is validated with every issue listed, one a line, and exit 1 when it has errors", async () => {
    const expected = await loadDataset(target);
    const errors = expected.issues.filter((issue) => issue.severity === "error").length;
    const { code, stdout, stderr } = await atlas("validate", target);
    expect(code).toBe(expected.ok ? 0 : 1);
    expect(stderr).toBe("");
    const lines = stdout.split("\n").slice(0, -2);
    expect(lines).toEqual(expected.issues.map(formatIssue));
    expect(stdout.split("\n").at(-2)).toMatch(new RegExp(`^${expected.ok ? "valid" : "invalid"}: .*; ${errors} errors?, \\d+ warnings?$`));
  });

  it("is exported only when valid, and never leaves a file behind when not", async () => {
    const expected = await loadDataset(target);
    const out = path.join(folder, `${name}.gexf`);
    const { code, stdout, stderr } = await atlas("export", target, "--out", out);
    expect(stdout).toBe("");
    expect(stderr).not.toMatch(NO_STACK);
    if (expected.ok) {
      expect(code).toBe(0);
      const back = readGexf(readFileSync(out, "utf8"));
      expect(back.ok && back.dataset.entities).toEqual(expected.dataset.entities);
      rmSync(out);
    } else {
      const errors = expected.issues.filter((issue) => issue.severity === "error").length;
      expect(code).toBe(1);
      expect(stderr).toBe(
        `${expected.issues.map((issue) => `${formatIssue(issue)}\n`).join("")}atlas: ${target}: the dataset has ${errors} error${errors === 1 ? "" : "s"}; run "atlas validate ${target}" for details\n`,
      );
      expect(existsSync(out)).toBe(false);
    }
    expect(leftovers()).toEqual([]);
  });
});

describe("each command given the other format", () => {
  it.each(CASES)(
    "atlas import refuses the dataset %s as not XML, or a folder of datasets as holding nothing to import, writing nothing",
    async (name) => {
      const target = path.join(CORPUS, name);
      const out = path.join(folder, "imported.json");
      const { code, stdout, stderr } = await atlas("import", target, "--out", out);
      expect(stdout).toBe("");
      expect(stderr).not.toMatch(NO_STACK);
      if (name.endsWith(".json")) {
        // import reads GEXF, GraphML, XLSX and CSV; a dataset file is validate's (its bytes start with none of theirs).
        expect(code).toBe(1);
        expect(stderr.split("\n")[0]).toMatch(
          new RegExp(
            `^${target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(:\\d+:\\d+)?: the file (is empty|is none of a CSV file \\(\\.csv\\.zip, \\.csv\\), an Excel workbook \\(\\.xlsx\\), a GEXF file)`,
          ),
        );
      } else {
        // A folder is read whole (CSV tables), but dataset files are validate's, not import's.
        expect(code).toBe(2);
        expect(stderr).toMatch(new RegExp(`^atlas: ${target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} holds no file to import \\(\\.gexf, `));
      }
      expect(existsSync(out)).toBe(false);
    },
  );

  // not-xml.gexf holds a small valid JSON dataset, which the loader rightly accepts.
  const gexfOnly = readdirSync(GEXF_CORPUS)
    .sort()
    .filter((name) => name !== "not-xml.gexf");

  it.each(gexfOnly)("atlas validate and export refuse the GEXF file %s with a located error", async (name) => {
    const target = path.join(GEXF_CORPUS, name);
    const validated = await atlas("validate", target);
    expect(validated.code).toBe(1);
    expect(validated.stdout.split("\n")[0]?.startsWith(`${target}:`)).toBe(true);
    const out = path.join(folder, "exported.gexf");
    const exported = await atlas("export", target, "--out", out);
    expect(exported.code).toBe(1);
    expect(exported.stderr).not.toMatch(NO_STACK);
    expect(existsSync(out)).toBe(false);
  });

  it("atlas validate accepts the JSON dataset hidden in not-xml.gexf: the loader reads content, not names", async () => {
    expect((await atlas("validate", path.join(GEXF_CORPUS, "not-xml.gexf"))).code).toBe(0);
  });
});

describe("commands that write a file, when the file cannot be written", () => {
  const readOnlyFolder = (): string => {
    // root writes anywhere it likes, except on a read-only file system: /sys stands for one there.
    if (process.getuid?.() === 0) return "/sys";
    const locked = path.join(folder, "locked");
    mkdirSync(locked, { recursive: true });
    chmodSync(locked, 0o500);
    return locked;
  };
  const gexf = "test/fixtures/hostile/gexf/bom.gexf";

  it.each([
    ["a missing folder", () => path.join(folder, "no-such-folder", "out.gexf"), /: its folder does not exist$/m],
    ["a read-only folder", () => path.join(readOnlyFolder(), "out.gexf"), /: (permission denied|the file system is read-only)$/m],
    ["a path below a file", () => path.join(writeFile("plain-file"), "out.gexf"), /: a part of the path is a file, not a folder$/m],
    ["an existing folder", () => mkdir("a-folder"), /: it is a folder$/m],
  ])("answers exit 2 with a one-line reason for %s, for export and import alike, leaving nothing", async (_what, outPath, reason) => {
    const out = outPath();
    const before = leftovers();
    // import --out an existing folder writes NAME.json into it (pinned in export-import.test.ts).
    const commands = [
      ["export", VALID_DATA, "--out", out],
      ["export", VALID_DATA, "--format", "json", "--out", out],
      ...(out.endsWith("a-folder") ? [] : [["import", gexf, "--out", out]]),
    ];
    for (const args of commands) {
      const { code, stdout, stderr } = await atlas(...args);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).not.toMatch(NO_STACK);
      expect(stderr.split("\n").filter((line) => line.startsWith("atlas: "))).toEqual([
        expect.stringMatching(new RegExp(`^atlas: cannot write ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `)),
      ]);
      expect(stderr).toMatch(reason);
    }
    expect(leftovers()).toEqual(before);
    // Nothing was created at the target, and a folder there is left as it was.
    if (out.endsWith("a-folder")) expect(readdirSync(out)).toEqual(["inside"]);
    else expect(existsSync(out)).toBe(false);
  });

  it("keeps an existing file as it was, and leaves no temporary file, when producing the content fails midway", () => {
    const target = path.join(folder, "kept.json");
    writeFileSync(target, "previous content");
    expect(() =>
      writeFileAtomically(target, (write) => {
        write("half of a new ");
        throw new CliError("the selection failed midway");
      }),
    ).toThrow("the selection failed midway");
    expect(readFileSync(target, "utf8")).toBe("previous content");
    expect(leftovers()).toContain("kept.json");
    expect(leftovers().filter((entry) => entry.endsWith(".tmp"))).toEqual([]);
    rmSync(target);
  });
});

function writeFile(name: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, "a file, not a folder");
  return file;
}

function mkdir(name: string): string {
  const created = path.join(folder, name);
  mkdirSync(path.join(created, "inside"), { recursive: true });
  return created;
}

describe("atlas import on arbitrary bytes", () => {
  /** Bytes that start like GEXF in some encoding, then anything. */
  const bytesArb = fc
    .tuple(
      fc.constantFrom(
        new Uint8Array(),
        new Uint8Array([0xef, 0xbb, 0xbf]),
        new Uint8Array([0xff, 0xfe]),
        new Uint8Array([0xfe, 0xff]),
        new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><gexf><graph><nodes><node id="a" label="'),
        new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><gexf><graph><nodes><node id="a" label="'),
        new TextEncoder().encode('<?xml version="1.0" encoding="Shift_JIS"?><gexf><graph><nodes><node id="a" label="'),
      ),
      fc.uint8Array({ maxLength: 64 }),
      fc.constantFrom(new Uint8Array(), new TextEncoder().encode('"/></nodes></graph></gexf>')),
    )
    .map(([head, body, tail]) => Uint8Array.from([...head, ...body, ...tail]));

  it("answers 0 with a file or 1 with located errors and no file, never a crash", async () => {
    const input = path.join(folder, "random.gexf");
    const out = path.join(folder, "random.json");
    const before = leftovers();
    await fc.assert(
      fc.asyncProperty(bytesArb, async (bytes) => {
        writeFileSync(input, bytes);
        const { code, stdout, stderr } = await atlas("import", input, "--out", out);
        expect(stdout).toBe("");
        expect(stderr).not.toMatch(NO_STACK);
        if (code === 0) {
          expect(parseDataset([{ file: out, text: readFileSync(out, "utf8") }]).ok).toBe(true);
          rmSync(out);
        } else {
          expect(code).toBe(1);
          // Every error is located: file:line:column.
          const errorLines = stderr
            .split("\n")
            .filter((line) => line !== "" && !line.startsWith("atlas: ") && !/^[^:]+(?::\d+:\d+)?: warning: /.test(line));
          expect(errorLines.length).toBeGreaterThan(0);
          for (const line of errorLines) expect(line.startsWith(`${input}:`) && /^\d+:\d+: /.test(line.slice(input.length + 1))).toBe(true);
          expect(existsSync(out)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
    expect(leftovers(["random.gexf"])).toEqual(before);
  }, 120_000);
});

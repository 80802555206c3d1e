import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { atlas } from "../support/cli.ts";
import { textOf, validDocument } from "../load/fixtures.ts";
import { lineColumnAt } from "../../src/load/json-text.ts";

async function brokenDatasetFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "atlas-cli-"));
  const document = validDocument();
  Object.assign(document.relations[0] as object, { start: "2019-02-30", confidence: "maybe" });
  await writeFile(path.join(folder, "a.json"), textOf(document));
  await writeFile(path.join(folder, "b.json"), '{ "entities": [,] }');
  return folder;
}

describe("atlas validate", () => {
  it("exits 0 on the embedded dataset with a one-line summary", async () => {
    const { code, stdout } = await atlas("validate");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^valid: data: \d+ entities, \d+ relations, \d+ sources; 0 errors, 0 warnings\n$/);
  });

  it("exits 1 on a broken dataset, listing file:pointer: message one a line, then a summary", async () => {
    const folder = await brokenDatasetFolder();
    const { code, stdout } = await atlas("validate", folder);
    expect(code).toBe(1);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/a\.json:\/relations\/0\/start: impossible date "2019-02-30": no such month or day \(line \d+, column \d+\)$/);
    expect(lines[1]).toMatch(/a\.json:\/relations\/0\/confidence: unknown confidence "maybe"/);
    expect(lines[2]).toMatch(/b\.json:1:16: expected a value$/);
    expect(lines[3]).toMatch(/^invalid: .*; 3 errors, 0 warnings$/);
  });

  it("lists every class of problem at its place in a dataset carrying them all", async () => {
    const { code, stdout } = await atlas("validate", "test/fixtures/every-problem");
    expect(code).toBe(1);
    const places = stdout
      .trim()
      .split("\n")
      .slice(0, -1)
      .map((line) => line.replace("test/fixtures/every-problem/", "").replace(/: .*/, ""));
    expect(places).toEqual([
      "entities.json:/entities/1/colour", // unknown field
      "entities.json:/entities/2/name", // wrong type
      "entities.json:/entities/3/id", // malformed id
      "entities.json:/entities/4/name", // missing field
      "relations.json:/relations/1/id", // duplicate id, naming the first place
      "relations.json:/relations/2/target", // missing entity
      "relations.json:/relations/2/evidence/0/source", // missing source
      "relations.json:/relations/3/source", // endpoint kind not allowed
      "relations.json:/relations/4/start", // impossible date
      "relations.json:/relations/4/end", // malformed date
      "relations.json:/relations/5/end", // end before start
      "relations.json:/relations/6/confidence", // unknown confidence
      "sources.json:/sources/1/url", // not an http(s) URL
      "syntax.json:2:47", // JSON syntax error (at the trailing comma)
    ]);
    expect(stdout).toMatch(
      /duplicate id "huawei": already used by the entity at test\/fixtures\/every-problem\/entities.json#\/entities\/2/,
    );
    expect(stdout.trim().split("\n").at(-1)).toBe(
      "invalid: test/fixtures/every-problem: 6 entities, 7 relations, 2 sources; 14 errors, 0 warnings",
    );
  });

  it("reports one trailing comma in the embedded dataset as exactly one error, and nothing it causes", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "atlas-cli-comma-"));
    await cp("data", folder, { recursive: true });
    const file = path.join(folder, "canada.json");
    const original = await readFile(file, "utf8");
    const end = original.indexOf('"confidence": "confirmed"', original.indexOf('"relations"')) + '"confidence": "confirmed"'.length;
    await writeFile(file, `${original.slice(0, end)},${original.slice(end)}`);
    const { line, column } = lineColumnAt(original, end);
    const canada = JSON.parse(original) as { entities: unknown[]; relations: unknown[] };
    const whole = JSON.parse((await atlas("validate", "data", "--json")).stdout) as {
      entities: number;
      relations: number;
      sources: number;
    };
    const rest = `${whole.entities - canada.entities.length} entities, ${whole.relations - canada.relations.length} relations, ${whole.sources} sources`;

    const { code, stdout } = await atlas("validate", folder);
    expect(code).toBe(1);
    expect(stdout).toBe(
      `${file}:${line}:${column}: trailing comma: remove this ',' before the closing bracket or brace\n` +
        `invalid: ${folder}: ${rest}; 1 error, 0 warnings\n`,
    );
    const stats = await atlas("stats", folder);
    expect(stats.code).toBe(1);
    expect(stats.stderr).toBe(
      `${file}:${line}:${column}: trailing comma: remove this ',' before the closing bracket or brace\n` +
        `atlas: ${folder}: the dataset has 1 error; run "atlas validate ${folder}" for details\n`,
    );
  });

  it("prints one JSON object with --json", async () => {
    const folder = await brokenDatasetFolder();
    const { code, stdout } = await atlas("validate", folder, "--json");
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      ok: boolean;
      entities: number;
      errors: { file: string; pointer: string; message: string; severity: string }[];
    };
    expect(report.ok).toBe(false);
    expect(report.entities).toBe(3);
    expect(report.errors.map((error) => error.pointer)).toEqual(["/relations/0/start", "/relations/0/confidence", ""]);
    expect(report.errors.every((error) => error.severity === "error" && error.file.endsWith(".json"))).toBe(true);
  });

  it("exits 2 on a usage error: a missing path or an unknown option", async () => {
    expect((await atlas("validate", "no/such/folder")).code).toBe(2);
    const unknown = await atlas("validate", "--strict");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--strict'/);
    expect((await atlas("frobnicate")).code).toBe(2);
  });

  it("has --help for the program and every command", async () => {
    const top = await atlas("--help");
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/validate/);
    for (const command of ["validate", "stats", "schema"]) {
      const help = await atlas(command, "--help");
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toMatch(new RegExp(`Usage: atlas ${command}`));
    }
  });
});

describe("atlas stats", () => {
  it("prints counts and rankings, or JSON", async () => {
    const text = await atlas("stats");
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Top entities by degree/);
    expect(text.stdout).toMatch(/Top entities by betweenness/);
    const json = await atlas("stats", "--json");
    const stats = JSON.parse(json.stdout) as { entities: number; topByDegree: unknown[] };
    expect(stats.entities).toBeGreaterThan(0);
    expect(stats.topByDegree.length).toBeGreaterThan(0);
  });

  it("refuses an invalid dataset with exit 1 and its issues on stderr", async () => {
    const { code, stderr } = await atlas("stats", await brokenDatasetFolder());
    expect(code).toBe(1);
    expect(stderr).toMatch(/impossible date/);
    expect(stderr).toMatch(/the dataset has 3 errors/);
  });
});

describe("npm run atlas", () => {
  it("runs as a real process, without a stack trace on failure", async () => {
    const exec = promisify(execFile);
    const ok = await exec("npx", ["tsx", "src/cli/main.ts", "validate"]);
    expect(ok.stdout).toMatch(/^valid:/);
    const failure = await exec("npx", ["tsx", "src/cli/main.ts", "stats", "no/such/place"]).catch(
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect("code" in failure && failure.code).toBe(2);
    expect("stderr" in failure && failure.stderr).toBe("atlas: no such file or folder: no/such/place\n");
  }, 60_000);
});

/**
 * The installable `atlas` (package.json "bin", compiled by the prepare step): every command runs from the bundle
 * as it does in process, `npx atlas` finds it in a clone, and a failure is one line, never a stack trace.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { wrap } from "node:module";
import { Script } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atlasOn } from "../support/cli.ts";
import { atlasBin, atlasCommand } from "../support/bin.ts";

const exec = promisify(execFile);

async function bin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [command, ...prefix] = atlasCommand();
  try {
    const { stdout, stderr } = await exec(command as string, [...prefix, ...args], {
      maxBuffer: 64 * 2 ** 20,
      env: { ...process.env, COLUMNS: "100" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

let folder = "";

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "atlas-bin-"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("the built atlas command", () => {
  it("is an executable node script", async () => {
    expect((await readFile(atlasBin(), "utf8")).startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("starts its program from a V8 code cache that this node accepts", async () => {
    const program = path.join(path.dirname(atlasBin()), "program.cjs");
    const script = new Script(wrap(await readFile(program, "utf8")), { filename: program, cachedData: await readFile(`${program}.cache`) });
    expect(script.cachedDataRejected).toBe(false);
  });

  it.each([
    ["validate"],
    ["validate", "test/fixtures/every-problem"],
    ["validate", "--json"],
    ["stats"],
    ["schema"],
    ["leverage", "--at", "2019-11-23", "--target", "gov-canada"],
    ["leverage", "--exposure", "--json"],
    ["export", "--ego", "huawei", "--format", "json"],
    ["export", "--dynamic"],
    ["import", "test/fixtures/gexf/networkx-karate-club.gexf"],
    ["--help"],
    ["frobnicate"],
    ["stats", "no/such/place"],
  ])("answers atlas %s exactly as the program does in process (output to a pipe, 100 columns)", async (...args) => {
    const [built, inProcess] = await Promise.all([bin(...args), atlasOn({ columns: 100 }, ...args)]);
    expect(built).toEqual(inProcess);
  });

  it("generates a dataset that validates", async () => {
    const out = path.join(folder, "generated");
    const generated = await bin("generate", "--entities", "30", "--relations", "60", "--out", out);
    expect(generated.code).toBe(0);
    expect((await bin("validate", out)).stdout).toMatch(/^valid: .*; 0 errors, 0 warnings\n$/);
  });

  it("fails in one line, without a stack trace", async () => {
    expect(await bin("stats", "no/such/place")).toEqual({ code: 2, stdout: "", stderr: "atlas: no such file or folder: no/such/place\n" });
  });

  it("runs as `npx atlas` in a clone", async () => {
    const { stdout } = await exec("npx", ["--no-install", "atlas", "validate"]);
    expect(stdout).toMatch(/^valid: data: \d+ entities/);
  }, 60_000);
});

/** A dataset folder's saved layouts (layouts/*.json) are not dataset documents: the commands that load a folder skip them. */
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atlas } from "../support/cli.ts";

let folder = "";

beforeAll(async () => {
  folder = path.join(await mkdtemp(path.join(tmpdir(), "atlas-saved-")), "dataset");
  await cp("data", folder, { recursive: true });
  // data/ has its own saved layout: this one replaces it.
  await mkdir(path.join(folder, "layouts"), { recursive: true });
  await writeFile(path.join(folder, "layouts", "default.json"), '{"name": "default", "positions": {"gov-canada": [1, 2]}}\n');
});

afterAll(async () => {
  await rm(path.dirname(folder), { recursive: true, force: true });
});

describe("saved layouts", () => {
  it("are skipped by atlas validate", async () => {
    const { code, stdout } = await atlas("validate", folder);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/layouts\//);
  });
});

/**
 * `atlas leverage --json` pinned to golden files (test/cli/golden/): the chains and the exposure
 * ranking exactly as printed, on a frozen copy of the embedded dataset and on a seeded generated
 * dataset. An intended change of answer is recorded with UPDATE_GOLDEN=1 in its own commit.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENERATOR_VERSION, generateDataset } from "../../src/generate/generate.ts";
import { writeDataset } from "../../src/generate/write.ts";
import { atlas } from "../support/cli.ts";
import { expectGolden } from "../support/golden.ts";

const FROZEN_DATASET = "test/fixtures/datasets/huawei-2024";
const GOLDEN = "test/cli/golden";

async function expectLeverageGolden(name: string, args: string[]): Promise<void> {
  const { code, stdout, stderr } = await atlas("leverage", ...args, "--json");
  expect([code, stderr]).toEqual([0, ""]);
  expectGolden(`${GOLDEN}/${name}.json`, stdout);
}

describe("atlas leverage --json on the embedded dataset (frozen copy)", () => {
  it.each([
    ["chains", []],
    ["exposure", ["--exposure"]],
    ["chains-at-2019-11", ["--at", "2019-11"]],
    ["exposure-at-2019-11", ["--at", "2019-11", "--exposure"]],
    ["exposure-gov-uk", ["--target", "gov-uk", "--exposure"]],
  ])("prints the recorded %s", async (name, args) => {
    await expectLeverageGolden(`huawei-2024-${name}`, [FROZEN_DATASET, ...args]);
  });
});

describe("atlas leverage --json on a generated dataset", () => {
  const options = { entities: 500, relations: 1_500, seed: 21 };
  let folder = "";

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "atlas-leverage-golden-"));
    await writeDataset(generateDataset(options), folder);
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it.each([
    ["chains", []],
    ["exposure", ["--exposure"]],
  ])(`prints the recorded %s (generator version ${GENERATOR_VERSION})`, async (name, args) => {
    // The generator's version is in the name: a new generator shows as a missing golden, not as every line changed.
    await expectLeverageGolden(`generated-${options.entities}-s${options.seed}-g${GENERATOR_VERSION}-${name}`, [folder, ...args]);
  });
});

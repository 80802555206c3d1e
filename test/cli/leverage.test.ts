import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leverageChains } from "../../src/analysis/leverage.ts";
import { atlas } from "../support/cli.ts";
import type { Entity, Relation } from "../../src/model/schema.ts";
import { entity, relation, sourcesOf, world } from "../analysis/world.ts";

const entities: Entity[] = [
  entity("us", "government", "US"),
  entity("ca", "government", "CA"),
  entity("vendor", "vendor", "CN"),
  entity("north-tel", "carrier", "CA"),
  entity("official", "person", "US"),
  entity("eyes", "bloc"),
];
const relations: Relation[] = [
  relation("official-presses-ca", "pressures", "official", "ca", "2019-11-23", "2019-11-23", "vendor"),
  relation("official-leads-us", "leads", "official", "us", "2019-09", "2021-01"),
  relation("north-uses-vendor", "uses_equipment_from", "north-tel", "vendor", "2012", "2020"),
  relation("us-member-of-eyes", "member_of", "us", "eyes", "1946"),
  { ...relation("ca-member-of-eyes", "member_of", "ca", "eyes", "1948"), evidence: [{ source: "src-us-member-of-eyes" }] },
];

let folder = "";
let file = "";

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "atlas-leverage-"));
  file = path.join(folder, "world.json");
  await writeFile(
    file,
    JSON.stringify({ dataset: { name: "Synthetic world" }, entities, relations, sources: sourcesOf(relations) }, null, 2),
  );
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("atlas leverage", () => {
  it("prints each chain as a table of steps, their claims and numbered sources with URLs", async () => {
    const { code, stdout, stderr } = await atlas("leverage", file);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toBe(`Leverage chains (all dates): 1

1. Name of us (us) -> Name of ca (ca) about Name of vendor (vendor), on 2019-11-23 [official-presses-ca]
   Dependents (1):
     Name of north-tel (north-tel), carrier, same country
   Ties (1):
     both in Name of eyes (eyes)

   #  role        relation                                                 dates                     confidence  sources
   -  ----------  -------------------------------------------------------  ------------------------  ----------  -------
   1  pressure    Name of official -pressures-> Name of ca                 2019-11-23 .. 2019-11-23  reported    [1]
   2  presser     Name of official -leads-> Name of us                     2019-09 .. 2021-01        reported    [2]
   3  dependency  Name of north-tel -uses_equipment_from-> Name of vendor  2012 .. 2020              reported    [3]
   4  bloc        Name of ca -member_of-> Name of eyes                     1948 .. ongoing           reported    [4]
   5  bloc        Name of us -member_of-> Name of eyes                     1946 .. ongoing           reported    [4]

   Claims:
     1. Claim of official-presses-ca.
     2. Claim of official-leads-us.
     3. Claim of north-uses-vendor.
     4. Claim of ca-member-of-eyes.
     5. Claim of us-member-of-eyes.

   Sources:
     [1] Example News, "Report src-official-presses-ca", 2019-11-23
         https://example.org/src-official-presses-ca
     [2] Example News, "Report src-official-leads-us", 2019-09
         https://example.org/src-official-leads-us
     [3] Example News, "Report src-north-uses-vendor", 2012
         https://example.org/src-north-uses-vendor
     [4] Example News, "Report src-us-member-of-eyes", 1946
         https://example.org/src-us-member-of-eyes
`);
  });

  it("prints one JSON object {chains} holding exactly what leverageChains returns", async () => {
    const { code, stdout } = await atlas("leverage", file, "--json", "--target", "ca");
    expect(code).toBe(0);
    const parsed: unknown = JSON.parse(stdout);
    expect(parsed).toEqual({ chains: leverageChains(world(entities, relations), { target: "ca" }) });
    expect(parsed).toMatchObject({ chains: [{ presser: "us", pressed: "ca", vendor: "vendor", dependents: [{ id: "north-tel" }] }] });
    expect(stdout).toContain('"url": "https://example.org/src-official-presses-ca"');
  });

  it("says so, and exits 0, when no chain is active on the date asked", async () => {
    expect(await atlas("leverage", file, "--at", "2020-06")).toEqual({
      code: 0,
      stdout: "Leverage chains (active on 2020-06): 0\nNo pressure about a vendor met a dependency on it in the same time.\n",
      stderr: "",
    });
    expect(JSON.parse((await atlas("leverage", file, "--at", "2020-06", "--json")).stdout)).toEqual({ chains: [] });
  });

  it("prints the exposure ranking as a table or as JSON", async () => {
    const text = await atlas("leverage", file, "--exposure");
    expect(text).toEqual({
      code: 0,
      stdout: `Exposure (all dates): 1 pressed government and vendor pair

#  pressed          vendor                   score  carriers           other dependents  pressers    pressures
-  ---------------  -----------------------  -----  -----------------  ----------------  ----------  ---------
1  Name of ca (ca)  Name of vendor (vendor)      2  Name of north-tel  -                 Name of us          1
`,
      stderr: "",
    });
    expect(JSON.parse((await atlas("leverage", file, "--exposure", "--json")).stdout)).toEqual({
      exposure: [
        {
          pressed: "ca",
          vendor: "vendor",
          score: 2,
          carriers: ["north-tel"],
          others: [],
          pressers: ["us"],
          pressures: ["official-presses-ca"],
        },
      ],
    });
  });

  it("rejects an unknown --target id and a malformed --at date with exit 2 and one line naming them", async () => {
    expect(await atlas("leverage", file, "--target", "atlantis")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'atlas: unknown entity id "atlantis" (target)\n',
    });
    const badDate = await atlas("leverage", file, "--at", "2019-13");
    expect(badDate).toEqual({ code: 2, stdout: "", stderr: 'atlas: at must be a date like 2019, 2019-11 or 2019-11-22, got "2019-13"\n' });
  });

  it("stops with exit 1 on an invalid dataset and exit 2 on a missing path", async () => {
    const broken = path.join(folder, "broken.json");
    await writeFile(
      broken,
      JSON.stringify({
        entities: [entity("ca", "government", "CA")],
        relations: [relation("x", "pressures", "us", "ca", "2019", undefined, "vendor")],
      }),
    );
    const invalid = await atlas("leverage", broken);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/broken\.json: the dataset has \d+ errors?/);
    expect(invalid.stderr).not.toMatch(/\n\s+at /);
    const missing = await atlas("leverage", path.join(folder, "nowhere"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file or folder/);
  });

  it("documents the definitions and exit statuses in --help", async () => {
    const { code, stdout } = await atlas("leverage", "--help");
    expect(code).toBe(0);
    for (const term of [
      "--at <date>",
      "--target <id>",
      "--json",
      "--exposure",
      "presser,",
      "under B",
      "dependents",
      "ties",
      "exposure",
      "Exit status: 0",
    ])
      expect(stdout).toContain(term);
  });
});

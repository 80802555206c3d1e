import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atlas } from "../support/cli.ts";
import { parseDataset } from "../../src/load/parse.ts";
import type { Dataset } from "../../src/model/schema.ts";
import { readGexf } from "../../src/formats/gexf/read.ts";
import { GEXF_FIXTURES, REPO_ROOT, starterDataset } from "../formats/support.ts";

const DATA = path.join(REPO_ROOT, "data");
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "atlas-cli-"));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("atlas export", () => {
  it("writes GEXF to stdout by default and to --out atomically, with a summary on stderr", async () => {
    const printed = await atlas("export", DATA);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<gexf xmlns="http:\/\/gexf.net\/1.3"/);
    const out = path.join(folder, "full.gexf");
    const written = await atlas("export", DATA, "--out", out);
    expect(written).toMatchObject({ code: 0, stdout: "" });
    const { entities, relations, sources } = await starterDataset();
    expect(written.stderr).toBe(
      `wrote ${out} (GEXF 1.3): ${entities.length} entities, ${relations.length} relations, ${sources.length} sources\n`,
    );
    expect(readdirSync(folder).filter((file) => file.endsWith(".tmp"))).toEqual([]);
    const back = readGexf(readFileSync(out, "utf8"));
    expect(back.ok && back.dataset.entities.length).toBe(entities.length);
  });

  it("exports the selection the flags describe: ego with depth and direction, filters, time, path, ids", async () => {
    const dynamic = await atlas("export", DATA, "--ego", "huawei", "--depth", "1", "--direction", "in", "--dynamic");
    expect(dynamic.code).toBe(0);
    expect(dynamic.stdout).toMatch(/mode="dynamic" timeformat="date"/);
    const ego = readGexf(dynamic.stdout);
    if (!ego.ok) throw new Error("ego export must import");
    // Direction "in": huawei and the entities with a relation into it.
    const actors = new Set(ego.dataset.relations.filter((relation) => relation.target === "huawei").map((relation) => relation.source));
    expect(ego.dataset.entities.map((entity) => entity.id).sort()).toEqual([...actors, "huawei"].sort());

    const json = await atlas("export", DATA, "--format", "json", "--family", "pressure", "--at", "2019", "--drop-isolated");
    const loaded = parseDataset([{ file: "export.json", text: json.stdout }]);
    expect(loaded.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(loaded.dataset?.relations.length).toBeGreaterThan(0);
    expect(loaded.dataset?.relations.every((relation) => relation.start <= "2019-12-31")).toBe(true);

    const ids = await atlas("export", DATA, "--format", "json", "--ids", "bell,telus,huawei");
    expect((JSON.parse(ids.stdout) as Dataset).entities.map((entity) => entity.id).sort()).toEqual(["bell", "huawei", "telus"]);
    const pathExport = await atlas("export", DATA, "--format", "json", "--path", "gov-united-states,huawei");
    expect(pathExport.code).toBe(0);
  });

  it("infers JSON from a .json --out and refuses --dynamic with JSON", async () => {
    const out = path.join(folder, "data.json");
    expect((await atlas("export", DATA, "--out", out)).code).toBe(0);
    expect(parseDataset([{ file: out, text: readFileSync(out, "utf8") }]).ok).toBe(true);
    const refused = await atlas("export", DATA, "--format", "json", "--dynamic");
    expect(refused).toMatchObject({ code: 2, stdout: "" });
    expect(refused.stderr).toMatch(/--dynamic applies to GEXF only/);
  });

  it("names an unknown id and writes no file at all (exit 1)", async () => {
    const out = path.join(folder, "unknown.gexf");
    for (const args of [
      ["--ego", "nobody"],
      ["--ids", "bell,nobody"],
      ["--path", "bell,nobody"],
    ]) {
      const result = await atlas("export", DATA, ...args, "--out", out);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/unknown entity id "nobody"/);
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(folder).filter((file) => file.startsWith(".unknown"))).toEqual([]);
  });

  it("leaves an existing --out untouched when the run fails", async () => {
    const out = path.join(folder, "keep.gexf");
    writeFileSync(out, "previous");
    expect((await atlas("export", DATA, "--ego", "nobody", "--out", out)).code).toBe(1);
    expect(readFileSync(out, "utf8")).toBe("previous");
  });

  it.each([
    [["--at", "2019", "--from", "2018"], /--at cannot be combined with --from or --to/],
    [["--at", "19-11"], /--at must be a date like 2019/],
    [["--from", "2021", "--to", "2019"], /--to 2019 is before --from 2021/],
    [["--family", "pressur"], /--family: unknown value "pressur"; expected one of: pressure, dependency, structure/],
    [["--kind", "vendor,alien"], /--kind: unknown value "alien"/],
    [["--relation-kind", "likes"], /--relation-kind: unknown value "likes"/],
    [["--depth", "2"], /--depth needs --ego/],
    [["--ego", "huawei", "--depth", "11"], /--depth must be a whole number from 0 to 10/],
    [["--ego", "huawei", "--direction", "up"], /--direction must be out, in or both/],
    [["--path", "bell"], /--path needs exactly two entity ids/],
    [["--directed"], /--directed needs --path/],
    [["--format", "gml"], /--format must be gexf, graphml, json, xlsx, csv, neo4j, cypher or svg, got "gml"/],
    [["--out", "/nonexistent-folder/x.gexf"], /cannot write \/nonexistent-folder\/x.gexf: its folder does not exist/],
    [["--bogus"], /unknown option '--bogus'/],
  ])("refuses %j as a usage error (exit 2)", async (args, message) => {
    const result = await atlas("export", DATA, ...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  });

  it("documents every flag with examples and the exit codes in --help", async () => {
    const help = await atlas("export", "--help");
    expect(help.code).toBe(0);
    for (const flag of [
      "--format",
      "--dynamic",
      "--ego",
      "--depth",
      "--direction",
      "--family",
      "--kind",
      "--relation-kind",
      "--at",
      "--from",
      "--to",
      "--path",
      "--directed",
      "--ids",
      "--drop-isolated",
      "--out",
    ]) {
      expect(help.stdout).toContain(flag);
      expect(help.stdout.split("Examples:")[1]).toContain(flag.replace("--directed", "[--directed]"));
    }
    expect(help.stdout).toMatch(/Exit status: 0 written; 1 invalid dataset, or a selection the data cannot satisfy/);
  });
});

describe("atlas import", () => {
  it("reads a Leverage Atlas export back exactly and writes a dataset that validates", async () => {
    const gexf = path.join(folder, "again.gexf");
    const json = path.join(folder, "again.json");
    expect((await atlas("export", DATA, "--dynamic", "--out", gexf)).code).toBe(0);
    const result = await atlas("import", gexf, "--out", json);
    expect(result.code).toBe(0);
    const { entities, relations, sources } = await starterDataset();
    expect(result.stderr).toBe(
      `imported again.gexf into ${json}: ${entities.length} entities, ${relations.length} relations, ${sources.length} sources (a Leverage Atlas export, read back exactly)\n`,
    );
    expect((await atlas("validate", json)).code).toBe(0);
    const original = (await atlas("export", DATA, "--format", "json")).stdout;
    expect(readFileSync(json, "utf8")).toBe(original);
  });

  it("maps foreign GEXF with warnings on stderr and prints the dataset on stdout", async () => {
    const result = await atlas(
      "import",
      path.join(GEXF_FIXTURES, "gephi-gexf_data.gexf"),
      "--source-url",
      "https://gexf.net/data/data.gexf",
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: 4 nodes had no entity kind of the ontology/);
    expect(parseDataset([{ file: "x.json", text: result.stdout }]).ok).toBe(true);
    expect((JSON.parse(result.stdout) as Dataset).sources[0]?.url).toBe("https://gexf.net/data/data.gexf");
  });

  it("fails with the errors, exit 1 and no file when data would be lost or misread", async () => {
    const broken = path.join(folder, "broken.gexf");
    const out = path.join(folder, "broken.json");
    writeFileSync(
      broken,
      '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a"/></nodes><edges><edge id="e" source="a" target="ghost"/></edges></graph></gexf>',
    );
    const result = await atlas("import", broken, "--out", out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken.gexf:1:\d+: edge "e" points to a node that does not exist: target "ghost"/);
    expect(result.stderr).toMatch(/not imported \(1 error\); nothing was written/);
    expect(existsSync(out)).toBe(false);
  });

  it("treats a missing file and a bad --source-url as usage errors", async () => {
    expect((await atlas("import", path.join(folder, "none.gexf"))).code).toBe(2);
    expect((await atlas("import", path.join(GEXF_FIXTURES, "gephi-gexf_basic.gexf"), "--source-url", "ftp://x")).code).toBe(2);
  });

  it("reads a file in the encoding its XML declaration names", async () => {
    const latin = path.join(folder, "latin1.gexf");
    const text =
      '<?xml version="1.0" encoding="ISO-8859-1"?><gexf><graph><nodes><node id="a" label="Québec"/></nodes><edges/></graph></gexf>';
    writeFileSync(latin, Buffer.from(text, "latin1"));
    const result = await atlas("import", latin);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as Dataset).entities[0]?.name).toBe("Québec");
  });
});

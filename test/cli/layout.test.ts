import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import { forceAtlas2Layout } from "../../src/graph/layout.ts";
import { loadDataset } from "../../src/load/read.ts";
import { readGexf } from "../../src/formats/gexf/read.ts";
import { atlas } from "../support/cli.ts";
import { REPO_ROOT } from "../formats/support.ts";

const FIGURE = path.join(REPO_ROOT, "test/fixtures/layouts/figure");
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "atlas-layout-"));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** A copy of the figure fixture without its saved layout. */
function freshCopy(name: string): string {
  const copy = path.join(folder, name);
  cpSync(FIGURE, copy, { recursive: true });
  rmSync(path.join(copy, "layouts"), { recursive: true });
  return copy;
}

describe("atlas layout", () => {
  it("computes ForceAtlas2 from the fixed seed and writes layouts/NAME.json, the same bytes every time", async () => {
    const copy = freshCopy("twice");
    const first = await atlas("layout", copy);
    expect(first.code, first.stderr).toBe(0);
    const file = path.join(copy, "layouts", "default.json");
    expect(first.stderr).toBe(`wrote ${file}: 9 entities placed by ForceAtlas2 (1,000 iterations from seed 20181201)\n`);
    const text = readFileSync(file, "utf8");
    const again = await atlas("layout", copy);
    expect(again.stderr).toBe(`wrote ${file} (replaced): 9 entities placed by ForceAtlas2 (1,000 iterations from seed 20181201)\n`);
    expect(readFileSync(file, "utf8")).toBe(text);
    // What the fixture committed is what the command writes (its $schema differs only by the folder's depth).
    expect(text.replace(/"\$schema": "[^"]*"/, "")).toBe(
      readFileSync(path.join(FIGURE, "layouts", "default.json"), "utf8").replace(/"\$schema": "[^"]*"/, ""),
    );
    expect(readdirSync(path.join(copy, "layouts"))).toEqual(["default.json"]);
  });

  it("writes a named layout with its own iterations, which the dataset then loads and validates", async () => {
    const copy = freshCopy("named");
    const written = await atlas("layout", copy, "--name", "quick-look", "--iterations", "50");
    expect(written.code, written.stderr).toBe(0);
    const loaded = await loadDataset(copy);
    expect(loaded.ok).toBe(true);
    expect(loaded.layouts.map((layout) => [layout.name, layout.positions.size])).toEqual([["quick-look", 9]]);
    const validated = await atlas("validate", copy);
    expect(validated.code).toBe(0);
    // The positions are ForceAtlas2's after 50 iterations, to the hundredth.
    const expected = forceAtlas2Layout(buildGraph(loaded.dataset ?? { meta: { name: "" }, entities: [], relations: [], sources: [] }), {
      iterations: 50,
    });
    for (const [id, point] of loaded.layouts[0]?.positions ?? []) {
      expect(point.x).toBeCloseTo(expected.get(id)?.x ?? Number.NaN, 2);
      expect(point.y).toBeCloseTo(expected.get(id)?.y ?? Number.NaN, 2);
    }
  });

  it("refuses a file, a bad name or iteration count (usage), and an invalid dataset (1), writing nothing", async () => {
    const copy = freshCopy("refusals");
    expect(await atlas("layout", path.join(copy, "dataset.json"))).toMatchObject({
      code: 2,
      stderr: `atlas: ${path.join(copy, "dataset.json")} is a file: saved layouts live in a dataset folder (layouts/NAME.json); give the folder\n`,
    });
    expect(await atlas("layout", copy, "--name", "../escape")).toMatchObject({
      code: 2,
      stderr: 'atlas: --name must be lowercase letters and digits joined by single hyphens (it names the file), got "../escape"\n',
    });
    for (const iterations of ["0", "1.5", "ten", "100001"])
      expect(await atlas("layout", copy, "--iterations", iterations)).toMatchObject({
        code: 2,
        stderr: `atlas: --iterations must be a whole number from 1 to 100,000, got "${iterations}"\n`,
      });
    writeFileSync(path.join(copy, "broken.json"), '{"entities": [{"id": "x"}]}');
    const invalid = await atlas("layout", copy);
    expect(invalid.code).toBe(1);
    expect(existsSync(path.join(copy, "layouts"))).toBe(false);
  });
});

describe("atlas export with a saved layout", () => {
  it("places GEXF viz:positions where the dataset's saved layout puts them", async () => {
    const printed = await atlas("export", FIGURE, "--format", "gexf");
    expect(printed.code, printed.stderr).toBe(0);
    const saved = JSON.parse(readFileSync(path.join(FIGURE, "layouts", "default.json"), "utf8")) as {
      positions: Record<string, [number, number]>;
    };
    for (const [id, [x, y]] of Object.entries(saved.positions)) {
      const node = new RegExp(`<node id="${id}"[^]*?<viz:position x="([^"]+)" y="([^"]+)"`).exec(printed.stdout);
      expect([Number(node?.[1]), Number(node?.[2])], id).toEqual([x, y]);
    }
    expect(readGexf(printed.stdout).ok).toBe(true);
  });
});

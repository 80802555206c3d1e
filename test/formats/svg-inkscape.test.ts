/**
 * The SVG figure opens in Inkscape (Debian's, headless): it is exported to PNG without an error, at the figure's
 * size, and Inkscape sees its named layers. Runs in CI (.ci/run installs inkscape); elsewhere it skips only when
 * Inkscape is missing.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atlas } from "../support/cli.ts";
import { REPO_ROOT } from "./support.ts";

const run = promisify(execFile);
/** GTK's noise when Inkscape runs without a desktop session: not about the file. */
const HARMLESS = /Failed to wrap object of type 'GtkRecentManager'|^\s*$|^\*\* \(inkscape:\d+\): WARNING \*\*: [\d:.]+: Failed to wrap/;

async function inkscapeAvailable(): Promise<boolean> {
  if (process.env.CI) return true;
  try {
    await run("inkscape", ["--version"]);
    return true;
  } catch {
    return false;
  }
}

const available = await inkscapeAvailable();
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "atlas-inkscape-"));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The width and height a PNG's header gives. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

async function inkscape(svg: string, name: string): Promise<{ png: Buffer; objects: string[] }> {
  const input = path.join(folder, `${name}.svg`);
  const output = path.join(folder, `${name}.png`);
  writeFileSync(input, svg);
  const exported = await run("inkscape", ["--export-type=png", `--export-filename=${output}`, input], {
    env: { ...process.env, HOME: folder },
  });
  const complaints = exported.stderr.split("\n").filter((line) => !HARMLESS.test(line));
  expect(complaints, `inkscape said about ${name}.svg`).toEqual([]);
  const queried = await run("inkscape", ["--query-all", input], { env: { ...process.env, HOME: folder }, maxBuffer: 64 * 1024 * 1024 });
  return { png: readFileSync(output), objects: queried.stdout.split("\n").map((line) => line.split(",")[0] ?? "") };
}

describe.skipIf(!available)("the SVG figure in Inkscape", () => {
  it("exports the embedded dataset's figure to PNG without an error, seeing its layers", async () => {
    const printed = await atlas("export", path.join(REPO_ROOT, "data"), "--format", "svg", "--width", "1000", "--height", "700");
    expect(printed.code, printed.stderr).toBe(0);
    const { png, objects } = await inkscape(printed.stdout, "data");
    expect(pngSize(png)).toEqual([1000, 700]);
    expect(objects).toEqual(
      expect.arrayContaining(["background", "relations", "entities", "legend", "header", "title", "subtitle", "source"]),
    );
  }, 120_000);

  it("exports the recorded figures (hostile, CJK and Arabic names; parallel relations and a loop) without an error", async () => {
    for (const name of ["figure-at-2020-02", "golden-dataset"]) {
      const svg = readFileSync(path.join(REPO_ROOT, "test/formats/golden", `${name}.svg`), "utf8");
      const { png } = await inkscape(svg, name);
      const [width, height] = pngSize(png);
      expect(width * height).toBeGreaterThan(0);
    }
  }, 120_000);
});

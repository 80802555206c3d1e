import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/program.ts";
import { captureIo } from "../support/cli.ts";

describe("atlas generate", () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "atlas-generate-"));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("writes a dataset that atlas validate accepts with no warning, and says what it wrote", async () => {
    const out = path.join(folder, "out");
    const io = captureIo();
    expect(await runCli(["generate", "--entities", "200", "--relations", "600", "--seed", "5", "--out", out], io)).toBe(0);
    expect(io.out).toMatch(/^wrote 200 entities, 600 relations and 20 sources \(seed 5\) to /);
    expect(io.err).toBe("");
    expect((await readdir(out)).sort()).toEqual(["entities.json", "relations.json", "sources.json"]);
    const validate = captureIo();
    expect(await runCli(["validate", out], validate)).toBe(0);
    expect(validate.out).toMatch(/valid: .*200 entities, 600 relations, 20 sources; 0 errors, 0 warnings/);
  });

  it("writes the same files again for the same seed", async () => {
    const [first, second] = [path.join(folder, "a"), path.join(folder, "b")];
    await runCli(["generate", "--entities", "100", "--relations", "300", "--seed", "8", "--out", first], captureIo());
    await runCli(["generate", "--entities", "100", "--relations", "300", "--seed", "8", "--out", second], captureIo());
    for (const file of ["entities.json", "relations.json", "sources.json"]) {
      expect(await readFile(path.join(second, file), "utf8")).toBe(await readFile(path.join(first, file), "utf8"));
    }
  });

  it("shows progress on stderr only when asked or on a terminal, never on stdout", async () => {
    const quiet = captureIo();
    await runCli(["generate", "--entities", "10000", "--relations", "9999", "--out", path.join(folder, "q")], quiet);
    expect(quiet.err).toBe("");
    const logged = captureIo();
    await runCli(["generate", "--entities", "10000", "--relations", "9999", "--out", path.join(folder, "l"), "--progress"], logged);
    expect(logged.err).toMatch(/generating entities: 10,000 of 10,000 \(100%\)/);
    expect(logged.out).not.toMatch(/generating/);
    const terminal = captureIo(true);
    await runCli(["generate", "--entities", "10000", "--relations", "9999", "--out", path.join(folder, "t")], terminal);
    // eslint-disable-next-line no-control-regex -- the terminal's escape sequence is what is checked
    expect(terminal.err).toMatch(/\r\u001b\[Kgenerating entities/);
    expect(terminal.err.endsWith("\r\u001b[K")).toBe(true);
  }, 30_000);

  it("rejects impossible sizes, bad numbers and a folder holding other dataset files, as usage errors", async () => {
    const cases: [string[], RegExp][] = [
      [["--entities", "10", "--relations", "3"], /--relations must be a whole number of at least entities - 1 \(9\)/],
      [["--entities", "ten", "--relations", "30"], /--entities must be a whole number, got "ten"/],
      [["--entities", "10", "--relations", "30", "--seed", "1.5"], /--seed must be a whole number/],
      [["--entities", "10", "--relations", "30", "--sources", "0"], /--sources must be a whole number of at least 1/],
    ];
    for (const [args, message] of cases) {
      const io = captureIo();
      expect(await runCli(["generate", ...args, "--out", path.join(folder, "x")], io)).toBe(2);
      expect(io.err).toMatch(message);
    }
    await writeFile(path.join(folder, "mine.json"), "{}");
    const io = captureIo();
    expect(await runCli(["generate", "--entities", "10", "--relations", "30", "--out", folder], io)).toBe(2);
    expect(io.err).toMatch(/already holds other \.json files \(mine\.json\)/);
    const missing = captureIo();
    expect(await runCli(["generate", "--entities", "10", "--relations", "30"], missing)).toBe(2);
    expect(missing.err).toMatch(/--out <dir>/);
  });
});

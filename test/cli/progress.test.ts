import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/program.ts";
import { captureIo } from "../support/cli.ts";
import { progressOn } from "../../src/cli/progress.ts";

describe("progress of long work", () => {
  it("rewrites one stderr line on a terminal and clears it at the end", () => {
    const io = captureIo(true);
    const progress = progressOn(io);
    progress.update("checking files", 0, 2);
    progress.update("checking files", 2, 2);
    progress.finish();
    expect(io.err).toMatch(
      // eslint-disable-next-line no-control-regex -- the terminal's escape sequences are what is checked
      /^\r\u001b\[Kchecking files: 0 of 2 \(0%\), [\d.]+ s\r\u001b\[Kchecking files: 2 of 2 \(100%\), [\d.]+ s\r\u001b\[K$/,
    );
    expect(io.out).toBe("");
  });

  it("is silent off a terminal unless forced, then prints whole lines", () => {
    const quiet = captureIo(false);
    progressOn(quiet).update("step", 1, 2);
    expect(quiet.err).toBe("");
    const forced = captureIo(false);
    const progress = progressOn(forced, { force: true });
    progress.update("step", 1, 2);
    progress.finish();
    expect(forced.err).toMatch(/^step: 1 of 2 \(50%\), [\d.]+ s\n$/);
  });

  it("shows the steps of loading a dataset on a terminal, leaving stdout as it was", async () => {
    const terminal = captureIo(true);
    const plain = captureIo(false);
    expect(await runCli(["validate", "data"], terminal)).toBe(0);
    expect(await runCli(["validate", "data"], plain)).toBe(0);
    expect(terminal.out).toBe(plain.out);
    expect(plain.err).toBe("");
    for (const step of ["reading files", "checking files", "checking references"]) expect(terminal.err).toContain(step);
    expect(terminal.err.endsWith("\r\u001b[K")).toBe(true);
  });

  it("shows the writing of a GEXF file on a terminal, cleared before the summary line", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "atlas-progress-"));
    try {
      const terminal = captureIo(true);
      expect(await runCli(["export", "data", "--out", path.join(folder, "a.gexf")], terminal)).toBe(0);
      expect(terminal.err).toMatch(/writing GEXF: (\d+) of \1 \(100%\)/);
      // eslint-disable-next-line no-control-regex -- the terminal's escape sequence is what is checked
      expect(terminal.err).toMatch(/\r\u001b\[Kwrote .*a\.gexf/);
      const plain = captureIo(false);
      expect(await runCli(["export", "data", "--out", path.join(folder, "b.gexf")], plain)).toBe(0);
      expect(plain.err).not.toMatch(/writing GEXF/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

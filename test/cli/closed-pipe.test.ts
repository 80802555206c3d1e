/**
 * `atlas leverage | head`: a reader that closes the pipe early must not make any command print a stack trace
 * (#19 defect 9). The real program runs with its stdout closed before it writes, and must end quietly with the
 * exit status of the command itself.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { atlasCommand } from "../support/bin.ts";

/** Runs atlas with stdout's reading end closed at once; its exit code and stderr. */
function runWithClosedStdout(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const [command, ...prefix] = atlasCommand();
  const child = spawn(command as string, [...prefix, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.destroy();
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("a closed output pipe", () => {
  it.each([
    ["leverage"],
    ["leverage", "--exposure"],
    ["export"],
    ["export", "--format", "json"],
    ["validate"],
    ["stats"],
    ["schema"],
    ["--help"],
  ])("ends atlas %s quietly, with its own exit status", async (...args) => {
    const { code, stderr } = await runWithClosedStdout(args);
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("keeps a failing command's exit status", async () => {
    const { code, stderr } = await runWithClosedStdout(["validate", "test/fixtures/every-problem"]);
    expect(stderr).toBe("");
    expect(code).toBe(1);
  });
});

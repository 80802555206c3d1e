/**
 * Golden files: a test's output compared with a file kept in the repository. `UPDATE_GOLDEN=1`
 * (re)writes the files instead; a missing file is written too, except under `CI=true`, where it
 * fails, so CI never passes on output nobody has reviewed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Expects `actual` to equal the golden file at `path` (relative to the repository root, or absolute). */
export function expectGolden(path: string, actual: string): void {
  const file = isAbsolute(path) ? path : resolve(REPO_ROOT, path);
  const update = process.env.UPDATE_GOLDEN === "1";
  if (!update && !existsSync(file)) {
    if (process.env.CI === "true") throw new Error(`golden file ${path} is missing: record it with UPDATE_GOLDEN=1 and review it`);
    writeGolden(file, actual);
    return;
  }
  if (update) {
    writeGolden(file, actual);
    return;
  }
  const expected = readFileSync(file, "utf8");
  if (actual === expected) return;
  // Long texts are truncated in assertion messages: show the first line that differs instead.
  const actualLines = actual.split("\n");
  const expectedLines = expected.split("\n");
  let line = 0;
  while (actualLines[line] === expectedLines[line]) line += 1;
  expect(
    `line ${line + 1}: ${actualLines[line] ?? "(end of output)"}`,
    `${path} differs from this output (${actualLines.length} lines, the file ${expectedLines.length}); UPDATE_GOLDEN=1 rewrites it if the change is intended`,
  ).toBe(`line ${line + 1}: ${expectedLines[line] ?? "(end of file)"}`);
}

function writeGolden(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

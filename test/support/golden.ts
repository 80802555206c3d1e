/**
 * Golden files: recorded outputs the tests compare with, byte for byte. When behaviour changes on purpose,
 * `UPDATE_GOLDEN=1 npx vitest run <tests>` rewrites them and the change is reviewed as a diff. In CI a missing
 * golden fails; elsewhere it is recorded on first run (and shows up in `git status`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";

/** Expects `actual` to be exactly the text of the golden file at `file` (or records it, see the module comment). */
export function expectGolden(file: string, actual: string): void {
  const update = process.env.UPDATE_GOLDEN === "1";
  if (!update && existsSync(file)) {
    const message = `differs from the golden file ${file} (if the change is meant, rerun with UPDATE_GOLDEN=1 and review the diff)`;
    expect(actual, message).toBe(readFileSync(file, "utf8"));
    return;
  }
  if (!update && process.env.CI) throw new Error(`the golden file ${file} is missing: record it with UPDATE_GOLDEN=1 and commit it`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, actual);
}

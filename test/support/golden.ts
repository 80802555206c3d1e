/**
 * Golden files: an output recorded once and compared byte for byte on every run, so an unintended change
 * of output fails with a diff. When an output changes on purpose, record the new one with
 *   UPDATE_GOLDEN=1 npx vitest run <test files>
 * and review the golden files' diff (git diff) before committing it. Nothing is ever written otherwise.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Whether this run records golden files instead of checking them (UPDATE_GOLDEN=1). */
export const updatingGoldens = process.env.UPDATE_GOLDEN === "1";

/**
 * Checks that `actual` is byte-identical to the golden file at `file` (relative to the repository's root,
 * or absolute); with UPDATE_GOLDEN=1, writes it there instead.
 */
export function expectGolden(file: string, actual: string | Uint8Array): void {
  const target = path.resolve(REPO_ROOT, file);
  const bytes = typeof actual === "string" ? Buffer.from(actual, "utf8") : Buffer.from(actual);
  if (updatingGoldens) {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    return;
  }
  if (!existsSync(target))
    throw new Error(`golden file ${file} does not exist: record it with UPDATE_GOLDEN=1 npx vitest run <this test>, then review it`);
  const expected = readFileSync(target);
  if (bytes.equals(expected)) return;
  const hint = `${file} differs from the output; if the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff`;
  // Text is compared as text so the failure shows a readable diff; bytes that are not text, by their hex.
  if (typeof actual === "string") expect(actual, hint).toBe(expected.toString("utf8"));
  else expect(bytes.toString("hex"), hint).toBe(expected.toString("hex"));
  // Equal as text but not as bytes (cannot happen with valid UTF-8, but never pass silently).
  expect.fail(hint);
}

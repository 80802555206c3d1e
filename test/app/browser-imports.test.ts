/**
 * The explorer's code (the page and its workers) must never import node-only code: vite would stub a
 * node built-in and the page would fail at run time. Walks the static imports from each browser entry.
 */
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../formats/support.ts";

const ENTRIES = [
  "src/app/main.ts",
  "src/app/files/import-worker.ts",
  "src/app/render/layout-worker.ts",
  "src/app/analysis/leverage-worker.ts",
];
const NODE_BUILTINS = new Set(builtinModules);

/** Specifiers of a module's static imports and re-exports (import type included: harmless, and rare). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm))
    found.push((match[1] ?? match[2]) as string);
  return found;
}

describe("the explorer's imports", () => {
  it("reach no node built-in module and nothing under src/cli, from the page or its workers", () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const specifier of specifiers(readFileSync(file, "utf8"))) {
        if (specifier.startsWith("node:") || NODE_BUILTINS.has(specifier.split("/")[0] as string))
          problems.push(`${path.relative(REPO_ROOT, file)} imports ${specifier}`);
        else if (specifier.startsWith(".") && /\.ts$/.test(specifier)) {
          const target = path.resolve(path.dirname(file), specifier);
          if (target.startsWith(path.join(REPO_ROOT, "src/cli"))) problems.push(`${path.relative(REPO_ROOT, file)} imports ${specifier}`);
          visit(target);
        }
      }
    };
    for (const entry of ENTRIES) visit(path.join(REPO_ROOT, entry));
    expect(problems).toEqual([]);
    // The walk did reach the format registry and every format module in it.
    for (const module of [
      "src/formats/registry.ts",
      "src/formats/gexf/format.ts",
      "src/formats/json/format.ts",
      "src/formats/png/format.ts",
      "src/formats/xlsx/format.ts",
      "src/formats/csv/format.ts",
      "src/formats/archive.ts",
    ])
      expect(seen).toContain(path.join(REPO_ROOT, module));
  });
});

/**
 * Builds the installable `atlas` command (package.json "bin") into dist-cli/ (gitignored): src/cli/main.ts bundled
 * by esbuild for node 20 (program.cjs), the launcher that runs it with V8's code cache (atlas.cjs, from
 * src/cli/launch.ts), and that cache, made by one `atlas validate` run. Run by `npm install`'s prepare step, so a
 * clone and a global install run what the sources say. Commands load lazily (src/cli/program.ts), so `atlas
 * validate` never initialises graphology or the GEXF code. Not in dist/: `vite build` empties that folder.
 */
import { spawnSync } from "node:child_process";
import { chmod, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_OUT = path.join(ROOT, "dist-cli");
export const CLI_BIN = path.join(CLI_OUT, "atlas.cjs");

const COMMON: BuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  // CommonJS: the format vm.Script runs, and so the one V8 keeps a code cache of on node 20 (see launch.ts).
  format: "cjs",
  platform: "node",
  target: "node20",
  // ES module builds first: jsonc-parser's "main" is a UMD build whose require() calls a bundle cannot follow.
  mainFields: ["module", "main"],
  // Less to parse; identifiers stay, so an internal error still names its function.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
  // exceljs stays in node_modules, loaded from there: bundled, its archiver's old `new Buffer()` calls would print
  // node's deprecation warning on every XLSX export (node stays quiet about code under node_modules).
  external: ["exceljs"],
  // import.meta.url as CommonJS knows it (`atlas serve` finds its package from its own place); the banner
  // comes before esbuild's "use strict", so it says it again.
  define: { "import.meta.url": "__atlas_module_url" },
  banner: { js: '"use strict";var __atlas_module_url = require("node:url").pathToFileURL(__filename).href;' },
};

export async function buildCli(): Promise<void> {
  await rm(CLI_OUT, { recursive: true, force: true });
  const program = path.join(CLI_OUT, "program.cjs");
  await build({ ...COMMON, entryPoints: ["src/cli/main.ts"], outfile: program });
  // The launcher wraps the program as a function: main.ts's "#!" line (kept by esbuild) becomes a comment there.
  const text = await readFile(program, "utf8");
  if (text.startsWith("#!")) await writeFile(program, `//${text}`);
  await build({ ...COMMON, entryPoints: ["src/cli/launch.ts"], outfile: CLI_BIN });
  await chmod(CLI_BIN, 0o755);
  // The cache holds what a run compiles: validating the embedded dataset compiles what a cold start needs.
  const warm = spawnSync(process.execPath, [CLI_BIN, "validate", "data"], { cwd: ROOT, stdio: "ignore" });
  if (warm.error) throw warm.error;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();

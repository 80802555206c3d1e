/**
 * The explorer `atlas serve` serves: vite's build of this package, made on demand into
 * node_modules/.cache/atlas-serve/app (its own folder: the build `npm run build` makes in dist/ for a site
 * carries data/ as its dataset, this one gets its dataset from the server), and made again whenever a source
 * of the page is newer than it. Its index.html is served with the metas that tell the page where its dataset
 * is, whether it may save, and the session token.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CliError, EXIT } from "../io.ts";

/** The vite mode of the builds `atlas serve` and `atlas publish` make: the dataset plugin then emits no dataset.bundle.json. */
export const SERVE_BUILD_MODE = "atlas-serve";

/** This package's folder: the nearest one above this module (src/cli/serve/ or the bundled dist-cli/) with its package.json. */
export function packageRoot(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(folder, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "leverage-atlas") return folder;
    const parent = path.dirname(folder);
    if (parent === folder) throw new CliError("cannot find the Leverage Atlas package this command belongs to", EXIT.internal);
    folder = parent;
  }
}

/** Where `atlas serve` keeps its build of the explorer. */
export function defaultAppFolder(root: string = packageRoot()): string {
  return path.join(root, "node_modules", ".cache", "atlas-serve", "app");
}

/** The page's sources: a build older than any of them is rebuilt. */
const SOURCES = ["src", "index.html", "vite.config.ts", "scripts", "package-lock.json"];

async function newestTime(target: string): Promise<number> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  const times = await Promise.all(
    entries.filter((entry) => entry.isFile()).map(async (entry) => (await stat(path.join(entry.parentPath, entry.name))).mtimeMs),
  );
  return Math.max(info.mtimeMs, ...times);
}

/** Why the build must be made (again), or null when it is up to date. */
export async function staleReason(root: string, app: string): Promise<string | null> {
  const built = await stat(path.join(app, "index.html")).catch(() => undefined);
  if (!built) return "the explorer has not been built for atlas serve yet";
  const newest = Math.max(...(await Promise.all(SOURCES.map((source) => newestTime(path.join(root, source))))));
  return newest > built.mtimeMs ? "the explorer's sources changed since it was built" : null;
}

/**
 * Builds the explorer with vite's JS API into `app`: into a folder beside it first, renamed into place once
 * complete, so a second `atlas serve` starting meanwhile serves the previous build or the new one, never half.
 */
export async function buildApp(root: string, app: string): Promise<void> {
  const building = `${app}.${process.pid}.building`;
  try {
    await buildExplorer(root, building);
    const previous = `${app}.${process.pid}.old`;
    if (existsSync(app)) await rename(app, previous);
    await rename(building, app);
    await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
}

/**
 * vite's production build of the explorer into `outDir` (emptied first), with no dataset of its own (the
 * SERVE_BUILD_MODE: whoever serves it gives it one), its files addressed under `base` (vite's `base`: "/" by
 * default, "./" for a site that works under any path). vite runs in a node of its own: in this process the
 * bundled CLI runs in a vm.Script (no import()), and under tsx (`npm run atlas`) tsx's resolver hooks break
 * vite's own module resolution.
 */
export async function buildExplorer(root: string, outDir: string, options: { base?: string } = {}): Promise<void> {
  if (!existsSync(path.join(root, "vite.config.ts")) || !existsSync(path.join(root, "src")))
    throw new CliError(`the explorer is not built and its sources are not here (${root}); run "npm run build" where they are`, EXIT.usage);
  let viteBin: string;
  try {
    viteBin = path.join(path.dirname(createRequire(path.join(root, "package.json")).resolve("vite/package.json")), "bin", "vite.js");
  } catch {
    throw new CliError(`building the explorer needs vite: run "npm install" in ${root}`, EXIT.usage);
  }
  const args = [viteBin, "build", "--config", "vite.config.ts", "--mode", SERVE_BUILD_MODE, "--outDir", outDir, "--emptyOutDir"];
  // Errors only: the chunk-size advice of a normal build is for whoever publishes the site.
  args.push("--logLevel", "error", ...(options.base === undefined ? [] : ["--base", options.base]));
  const built = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
  if (built.code !== 0) throw new CliError(`building the explorer (vite build) failed:\n${built.output.trim()}`, EXIT.internal);
}

/** The tag the build puts in index.html (scripts/dataset-bundle-plugin.ts); the server replaces it. */
const DATASET_META_TAG = /<meta\b[^>]*\bname="leverage-atlas-dataset"[^>]*>/;

/**
 * index.html with the server's metas: the dataset at /api/dataset, the mode, and in edit mode the session
 * token. The file is this package's own build output, so its one known tag is replaced as text. The token is
 * base64url: nothing in it needs escaping.
 */
export async function servedIndexHtml(app: string, metas: { mode: "edit" | "read-only"; token: string | null }): Promise<string> {
  const html = await readFile(path.join(app, "index.html"), "utf8").catch(() => {
    throw new CliError(`the explorer build in ${app} has no index.html; delete that folder and start again`, EXIT.usage);
  });
  if (!DATASET_META_TAG.test(html))
    throw new CliError(`the explorer build in ${app} has no dataset meta (not built with this package's vite.config.ts)`, EXIT.usage);
  const tags = [
    '<meta name="leverage-atlas-dataset" content="/api/dataset">',
    `<meta name="leverage-atlas-mode" content="${metas.mode}">`,
    ...(metas.token === null ? [] : [`<meta name="leverage-atlas-session" content="${metas.token}">`]),
  ];
  return html.replace(DATASET_META_TAG, tags.join("\n    "));
}

/**
 * loadDataset: a folder (every *.json below it but its saved layouts) or one file on disk -> parseDataset, and
 * the folder's saved layouts (layouts/NAME.json, read by layouts.ts against the dataset's entities). Node only;
 * the browser calls parseDataset (or parseDatasetFolder) with texts it already holds.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { isLayoutPath } from "./bundle.ts";
import { parseDatasetBytes } from "./decode.ts";
import { withLayoutBytes, type DatasetLoadResult } from "./layouts.ts";
import type { ParseOptions } from "./parse.ts";

export class DatasetPathError extends Error {}

/** A path below `folder`, relative to it and "/"-separated (the form bundles and saves use). */
export function relativeDatasetPath(folder: string, file: string): string {
  return path.relative(folder, file).split(path.sep).join("/");
}

/** Lists every *.json file below a folder (dataset documents and saved layouts), sorted, skipping hidden entries and node_modules. */
export async function listJsonFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(
      (file) =>
        !path
          .relative(folder, file)
          .split(path.sep)
          .some((part) => part.startsWith(".") || part === "node_modules"),
    )
    .sort();
}

/** Lists the dataset documents below a folder: listJsonFiles without the saved layouts (layouts/). */
export async function listDatasetFiles(folder: string): Promise<string[]> {
  return (await listJsonFiles(folder)).filter((file) => !isLayoutPath(relativeDatasetPath(folder, file)));
}

/**
 * Loads a dataset from a folder or a file. Paths in issues are shown relative to the
 * current directory when below it. Throws DatasetPathError only when the path itself is unusable.
 */
export async function loadDataset(target: string, options: Pick<ParseOptions, "onProgress"> = {}): Promise<DatasetLoadResult> {
  const info = await stat(target).catch(() => undefined);
  if (!info) throw new DatasetPathError(`no such file or folder: ${target}`);
  const files = info.isDirectory() ? await listDatasetFiles(target) : [target];
  if (info.isDirectory() && files.length === 0) throw new DatasetPathError(`no .json files found in ${target}`);
  const shown = (file: string): string => {
    const relative = path.relative(process.cwd(), file);
    return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
  };
  let filesRead = 0;
  options.onProgress?.("reading files", 0, files.length);
  const read = await Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(file);
      filesRead += 1;
      options.onProgress?.("reading files", filesRead, files.length);
      return { file: shown(file), bytes };
    }),
  );
  const defaultName = path.basename(path.resolve(target), ".json");
  const result = parseDatasetBytes(read, { defaultName, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  // Saved layouts are not dataset documents: they are read after the dataset, against its entities.
  const layoutPaths = info.isDirectory()
    ? (await listJsonFiles(target)).filter((file) => isLayoutPath(relativeDatasetPath(target, file)))
    : [];
  const layoutFiles = await Promise.all(
    layoutPaths.map(async (file) => ({ path: relativeDatasetPath(target, file), file: shown(file), bytes: await readFile(file) })),
  );
  return withLayoutBytes(result, layoutFiles);
}

/**
 * loadDataset: a folder (every *.json below it) or one file on disk -> parseDataset, and the folder's saved
 * layouts (layouts/NAME.json: not dataset documents, read by layouts.ts). Node only; the browser calls
 * parseDataset (or parseDatasetFolder) with texts it already holds.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { decodeDatasetBytes } from "./decode.ts";
import type { LoadIssue } from "./issues.ts";
import { isLayoutPath, withLayouts, type DatasetLoadResult, type FolderFile } from "./layouts.ts";
import { parseDataset, type DatasetInput, type LoadResult, type ParseOptions } from "./parse.ts";

export class DatasetPathError extends Error {}

/** Lists the *.json files below a dataset folder, sorted, skipping hidden entries and node_modules (saved layouts included). */
export async function listDatasetFiles(folder: string): Promise<string[]> {
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

/** Reads files as strict UTF-8; a file that is not becomes an issue (and its lenient text), not an exception. */
async function readInput(file: string, shownAs: string): Promise<DatasetInput | { issue: LoadIssue; lenientText: string }> {
  const decoded = decodeDatasetBytes(shownAs, await readFile(file));
  return decoded.ok ? decoded.input : decoded;
}

/**
 * Loads a dataset from a folder or a file. Paths in issues are shown relative to the
 * current directory when below it. Throws DatasetPathError only when the path itself is unusable.
 */
export async function loadDataset(target: string, options: Pick<ParseOptions, "onProgress"> = {}): Promise<DatasetLoadResult> {
  const info = await stat(target).catch(() => undefined);
  if (!info) throw new DatasetPathError(`no such file or folder: ${target}`);
  const listed = info.isDirectory() ? await listDatasetFiles(target) : [target];
  // Saved layouts are not dataset documents: they are read after the dataset, against its entities.
  const insideFolder = (file: string): string => path.relative(target, file).split(path.sep).join("/");
  const layoutPaths = info.isDirectory() ? listed.filter((file) => isLayoutPath(insideFolder(file))) : [];
  const files = listed.filter((file) => !layoutPaths.includes(file));
  if (info.isDirectory() && files.length === 0) throw new DatasetPathError(`no .json files found in ${target}`);
  const shown = (file: string): string => {
    const relative = path.relative(process.cwd(), file);
    return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
  };
  let filesRead = 0;
  options.onProgress?.("reading files", 0, files.length);
  const read = await Promise.all(
    files.map(async (file) => {
      const input = await readInput(file, shown(file));
      filesRead += 1;
      options.onProgress?.("reading files", filesRead, files.length);
      return input;
    }),
  );
  const inputs: DatasetInput[] = [];
  const encodingIssues: LoadResult["issues"] = [];
  const unreadable: { file: string; text: string }[] = [];
  for (const item of read) {
    if ("issue" in item) {
      encodingIssues.push(item.issue);
      unreadable.push({ file: item.issue.file, text: item.lenientText });
    } else inputs.push(item);
  }
  const defaultName = path.basename(path.resolve(target), ".json");
  const parsed = parseDataset(inputs, { defaultName, unreadable, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  const result: LoadResult =
    encodingIssues.length === 0 ? parsed : { ok: false, issues: [...encodingIssues, ...parsed.issues], counts: parsed.counts };
  const layoutFiles: FolderFile[] = [];
  const layoutEncodingIssues: LoadIssue[] = [];
  for (const file of layoutPaths) {
    const decoded = decodeDatasetBytes(shown(file), await readFile(file));
    if (decoded.ok && "text" in decoded.input)
      layoutFiles.push({ path: insideFolder(file), file: decoded.input.file, text: decoded.input.text });
    else if (!decoded.ok) layoutEncodingIssues.push(decoded.issue);
  }
  const loaded = withLayouts(result, layoutFiles);
  if (layoutEncodingIssues.length === 0) return loaded;
  return { ok: false, issues: [...loaded.issues, ...layoutEncodingIssues], counts: loaded.counts, layouts: [] };
}

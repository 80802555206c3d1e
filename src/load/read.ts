/**
 * loadDataset: a folder (every *.json below it) or one file on disk -> parseDataset.
 * Node only; the browser calls parseDataset with texts it already holds.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { decodeDatasetBytes } from "./decode.ts";
import type { LoadIssue } from "./issues.ts";
import { parseDataset, type DatasetInput, type LoadResult, type ParseOptions } from "./parse.ts";

export class DatasetPathError extends Error {}

/** Lists dataset files below a folder, sorted, skipping hidden entries and node_modules. */
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
export async function loadDataset(target: string, options: Pick<ParseOptions, "onProgress"> = {}): Promise<LoadResult> {
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
  const result = parseDataset(inputs, { defaultName, unreadable, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  if (encodingIssues.length === 0) return result;
  return { ok: false, issues: [...encodingIssues, ...result.issues], counts: result.counts };
}

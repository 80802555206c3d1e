/**
 * A dataset folder on disk as a bundle (bundle.ts), validated: what the build emits as dataset.bundle.json
 * and `atlas serve` answers at /api/dataset. Node only.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import packageJson from "../../package.json" with { type: "json" };
import { isLayoutPath, makeBundle, sha256Hex, type DatasetBundle } from "./bundle.ts";
import { parseDatasetBytes } from "./decode.ts";
import { withLayoutBytes, type DatasetLoadResult } from "./layouts.ts";
import { listJsonFiles, relativeDatasetPath } from "./read.ts";

/** What `checked.by` names. */
export const ATLAS_VERSION = `atlas ${packageJson.version}`;

export interface FolderFile {
  /** Relative to the folder, "/"-separated. */
  path: string;
  bytes: Uint8Array;
}

/** Every *.json file below a folder (documents and layouts, as listJsonFiles lists them) with its bytes. */
export async function readFolderFiles(folder: string): Promise<FolderFile[]> {
  const files = await listJsonFiles(folder);
  return Promise.all(files.map(async (file) => ({ path: relativeDatasetPath(folder, file), bytes: await readFile(file) })));
}

/** The folder's name, as bundles carry it (the dataset's name when no file has one). */
export function folderName(folder: string): string {
  return path.basename(path.resolve(folder));
}

/** Validates a folder's files as a dataset (its layouts are skipped), issues named by their paths in the folder. */
export function validateFolderFiles(name: string, files: readonly FolderFile[]): DatasetLoadResult {
  const result = parseDatasetBytes(
    files.filter((file) => !isLayoutPath(file.path)).map((file) => ({ file: file.path, bytes: file.bytes })),
    { defaultName: name },
  );
  // The saved layouts (layouts/) are checked as the loader checks them: an error in one fails the folder too.
  return withLayoutBytes(
    result,
    files.filter((file) => isLayoutPath(file.path)).map((file) => ({ path: file.path, file: file.path, bytes: file.bytes })),
  );
}

/**
 * The bundle of files read from a folder and the loader's verdict on them; `checked` is set only when they
 * validate with zero errors. Each sha256 is that of the bytes on disk (for a file that is not valid UTF-8 the
 * text is decoded leniently, and so does not match its hash: the page reports it, see verifyBundle).
 */
export async function bundleFiles(name: string, files: readonly FolderFile[]): Promise<{ bundle: DatasetBundle; result: DatasetLoadResult }> {
  const result = validateFolderFiles(name, files);
  const lenient = new TextDecoder("utf-8", { ignoreBOM: true });
  const entries = await Promise.all(
    files.map(async (file) => ({ path: file.path, text: lenient.decode(file.bytes), sha256: await sha256Hex(file.bytes) })),
  );
  const bundle = await makeBundle(name, entries, result.ok ? { by: ATLAS_VERSION, warnings: result.issues } : undefined);
  return { bundle, result };
}

/** readFolderFiles, then bundleFiles. */
export async function bundleFolder(folder: string): Promise<{ bundle: DatasetBundle; result: DatasetLoadResult }> {
  return bundleFiles(folderName(folder), await readFolderFiles(folder));
}

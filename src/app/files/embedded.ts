/**
 * The dataset compiled into the page from data/ (its documents, and its saved layouts apart): the fallback of a page without a
 * dataset meta (tests, tools). Imported only then, so vite puts it in a chunk of its own that a page fed a
 * bundle never downloads.
 */
import { isLayoutPath } from "../../load/bundle.ts";
import type { FolderFile } from "../../load/layouts.ts";
import type { DatasetInput } from "../../load/parse.ts";

/** Every file of data/, sorted: its path inside the folder, its name as messages show it, its text. */
function embeddedFiles(): FolderFile[] {
  const files = import.meta.glob<string>("/data/**/*.json", { query: "?raw", import: "default", eager: true });
  return Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, text]) => ({ path: file.slice("/data/".length), file: file.slice(1), text }));
}

export function embeddedInputs(): DatasetInput[] {
  return embeddedFiles()
    .filter((file) => !isLayoutPath(file.path))
    .map(({ file, text }) => ({ file, text }));
}

/** data/layouts/: the embedded dataset's saved layouts. */
export function embeddedLayouts(): FolderFile[] {
  return embeddedFiles().filter((file) => isLayoutPath(file.path));
}

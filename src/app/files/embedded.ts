/**
 * The dataset compiled into the page from data/ (its saved layouts aside): the fallback of a page without a
 * dataset meta (tests, tools). Imported only then, so vite puts it in a chunk of its own that a page fed a
 * bundle never downloads.
 */
import { isLayoutPath } from "../../load/bundle.ts";
import type { DatasetInput } from "../../load/parse.ts";

export function embeddedInputs(): DatasetInput[] {
  const files = import.meta.glob<string>("/data/**/*.json", { query: "?raw", import: "default", eager: true });
  return Object.entries(files)
    .filter(([file]) => !isLayoutPath(file.slice("/data/".length)))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, text]) => ({ file: file.slice(1), text }));
}

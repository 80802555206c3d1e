/**
 * Writes a dataset as the files a curator would keep: entities (with the dataset metadata),
 * relations and sources, one item per line. Node only.
 */
import { mkdir, open, readdir } from "node:fs/promises";
import path from "node:path";
import type { Dataset } from "../model/schema.ts";

/** The files `writeDataset` writes, in order. */
export const DATASET_FILE_NAMES = ["entities.json", "relations.json", "sources.json"] as const;

const BATCH = 2_000;

/** One document's text, in pieces: a header, each item on its own line, a footer. */
function* documentPieces(header: Record<string, unknown>, collection: string, items: readonly unknown[]): Generator<string> {
  const head = JSON.stringify(header, null, 2);
  yield head === "{}" ? "{\n" : `${head.slice(0, -2)},\n`;
  yield `  ${JSON.stringify(collection)}: [\n`;
  for (let index = 0; index < items.length; index += 1) {
    yield `    ${JSON.stringify(items[index])}${index === items.length - 1 ? "" : ","}\n`;
  }
  yield "  ]\n}\n";
}

/** The JSON texts of a dataset's files, as pieces to write or join. */
export function datasetDocuments(
  dataset: Dataset,
): { name: (typeof DATASET_FILE_NAMES)[number]; pieces: Iterable<string>; items: number }[] {
  return [
    {
      name: "entities.json",
      pieces: documentPieces({ dataset: dataset.meta }, "entities", dataset.entities),
      items: dataset.entities.length,
    },
    { name: "relations.json", pieces: documentPieces({}, "relations", dataset.relations), items: dataset.relations.length },
    { name: "sources.json", pieces: documentPieces({}, "sources", dataset.sources), items: dataset.sources.length },
  ];
}

/** .json files in a folder that writeDataset would not overwrite (loading the folder would merge them). */
export async function foreignJsonFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .filter((file) => !(DATASET_FILE_NAMES as readonly string[]).includes(file));
}

/** Writes the dataset's files into a folder (created if needed); returns their paths. */
export async function writeDataset(
  dataset: Dataset,
  folder: string,
  onProgress?: (file: string, done: number, total: number) => void,
): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const document of datasetDocuments(dataset)) {
    const file = path.join(folder, document.name);
    const handle = await open(file, "w");
    try {
      let batch: string[] = [];
      let lines = 0;
      for (const piece of document.pieces) {
        batch.push(piece);
        if (batch.length >= BATCH) {
          await handle.write(batch.join(""));
          lines += batch.length;
          batch = [];
          onProgress?.(document.name, Math.min(lines, document.items), document.items);
        }
      }
      await handle.write(batch.join(""));
    } finally {
      await handle.close();
    }
    written.push(file);
  }
  return written;
}

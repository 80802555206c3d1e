/**
 * JSON export: a dataset as one dataset file, the same format as data/ (loads back with zero errors).
 * Keys follow the schema's order so exported files diff cleanly against curated ones.
 */
import type { Dataset, DatasetDocument } from "../model/schema.ts";

/** The dataset as the single document a curator would write. */
export function datasetDocument(dataset: Dataset): DatasetDocument {
  return { dataset: dataset.meta, entities: dataset.entities, relations: dataset.relations, sources: dataset.sources };
}

/** The dataset as the text of one dataset file (two-space indent, final newline). */
export function writeDatasetJson(dataset: Dataset): string {
  return `${JSON.stringify(datasetDocument(dataset), null, 2)}\n`;
}

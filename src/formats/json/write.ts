/**
 * JSON export: a dataset as one dataset file, the same format as data/ (loads back with zero errors).
 * Fields follow the schema's order, so the same dataset always gives the same bytes, whichever way it came.
 */
import {
  datasetMetaSchema,
  entitySchema,
  evidenceSchema,
  relationSchema,
  sourceSchema,
  type Dataset,
  type DatasetDocument,
} from "../../model/schema.ts";

function inOrder<T extends object>(item: T, keys: readonly string[]): T {
  const record = item as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of keys) if (record[key] !== undefined) ordered[key] = record[key];
  for (const key of Object.keys(record)) if (!(key in ordered) && record[key] !== undefined) ordered[key] = record[key];
  return ordered as T;
}

const META_KEYS = Object.keys(datasetMetaSchema.shape);
const ENTITY_KEYS = Object.keys(entitySchema.shape);
const RELATION_KEYS = Object.keys(relationSchema.shape);
const EVIDENCE_KEYS = Object.keys(evidenceSchema.shape);
const SOURCE_KEYS = Object.keys(sourceSchema.shape);

/** The dataset as the single document a curator would write. */
export function datasetDocument(dataset: Dataset): DatasetDocument {
  return {
    dataset: inOrder(dataset.meta, META_KEYS),
    entities: dataset.entities.map((entity) => inOrder(entity, ENTITY_KEYS)),
    relations: dataset.relations.map((relation) =>
      inOrder({ ...relation, evidence: relation.evidence.map((evidence) => inOrder(evidence, EVIDENCE_KEYS)) }, RELATION_KEYS),
    ),
    sources: dataset.sources.map((source) => inOrder(source, SOURCE_KEYS)),
  };
}

/** The dataset as the text of one dataset file (two-space indent, final newline). */
export function writeDatasetJson(dataset: Dataset): string {
  return `${JSON.stringify(datasetDocument(dataset), null, 2)}\n`;
}

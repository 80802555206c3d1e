/** Leverage Atlas as a library: load and check datasets and their saved layouts, build the typed graph, lay it out, compute stats. */
export * from "./model/ontology.ts";
export * from "./model/dates.ts";
export {
  entitySchema,
  relationSchema,
  sourceSchema,
  evidenceSchema,
  datasetMetaSchema,
  datasetDocumentSchema,
  isHttpUrl,
  countryName,
  ID_PATTERN,
  type Dataset,
  type DatasetDocument,
  type DatasetMeta,
  type Entity,
  type Evidence,
  type Relation,
  type Source,
} from "./model/schema.ts";
export { datasetJsonSchema, layoutJsonSchema } from "./model/json-schema.ts";
export { layoutDocumentSchema, layoutText, chooseLayout, type LayoutDocument, type LayoutPoint, type SavedLayout } from "./model/layout.ts";
export { parseDataset, type DatasetInput, type ItemCounts, type LoadResult, type ParseOptions } from "./load/parse.ts";
export { loadDataset, listDatasetFiles, DatasetPathError } from "./load/read.ts";
export { formatIssue, errorCount, type LoadIssue, type Severity } from "./load/issues.ts";
export { parseLayout, parseDatasetFolder, type DatasetLoadResult, type FolderFile } from "./load/layouts.ts";
export { isLayoutPath } from "./load/bundle.ts";
export { buildGraph, datasetFromGraph } from "./graph/build.ts";
export { graphStats, type GraphStats, type RankedEntity } from "./graph/stats.ts";
export { forceAtlas2Layout, initialPlacement, DEFAULT_LAYOUT_ITERATIONS, LAYOUT_SEED } from "./graph/layout.ts";
export type { AtlasGraph, EntityAttributes, RelationAttributes, GraphAttributes } from "./graph/types.ts";
export * from "./analysis/index.ts";
export * from "./formats/index.ts";

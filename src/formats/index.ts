/**
 * Export and import, for the CLI and the browser alike (no node-only imports here):
 * GEXF 1.3 static and dynamic (writeGexf, writeGexfChunks), GEXF import (readGexf),
 * JSON (exportDataset + writeDatasetJson) and the names of exported files (exportFileName).
 */
export {
  writeGexf,
  writeGexfChunks,
  nodeSize,
  GexfWriteError,
  type GexfWriteOptions,
  type GexfWriteReport,
  type Position,
} from "./gexf/write.ts";
export { readGexf, type GexfReadOptions, type GexfReadResult } from "./gexf/read.ts";
export { exportDataset, exportedSources, relationsAboutMissing } from "./exported-dataset.ts";
export { datasetDocument, writeDatasetJson } from "./json/write.ts";
export { exportFileName, type ExportFormat, type FileNameParts } from "./file-name.ts";
export { ENTITY_KIND_COLORS, RELATION_FAMILY_COLORS, cssColor, type Rgb } from "../model/presentation.ts";

/**
 * File formats, for the CLI and the browser alike (no node-only imports here): the format registry
 * (FORMATS and its helpers, readFiles), GEXF 1.3 static and dynamic (writeGexf, writeGexfChunks), GEXF
 * import (readGexf), GraphML (writeGraphml, writeGraphmlChunks, readGraphml), JSON (exportDataset +
 * writeDatasetJson), the Neo4j bulk-import bundle (writeNeo4jBundle), the Cypher script (writeCypher,
 * writeCypherChunks), spreadsheets (readWorkbook, readCsv, readSheets, writeWorkbook, datasetTables,
 * templateWorkbook), the SVG figure (SVG_FORMAT, computeFigure + writeFigureSvg) and the names of exported files
 * (exportFileName).
 */
export { writeGexf, writeGexfChunks, nodeSize, GexfWriteError, type GexfWriteOptions, type GexfWriteReport } from "./gexf/write.ts";
export { readGexf, type GexfReadOptions, type GexfReadResult } from "./gexf/read.ts";
export { writeGraphml, writeGraphmlChunks, GraphmlWriteError, type GraphmlWriteOptions, type GraphmlWriteReport } from "./graphml/write.ts";
export { readGraphml, type GraphmlReadOptions, type GraphmlReadResult } from "./graphml/read.ts";
export { writeNeo4jBundle, Neo4jWriteError, type Neo4jBundleReport } from "./neo4j/csv.ts";
export { writeCypher, writeCypherChunks, type CypherWriteOptions, type CypherWriteReport } from "./cypher/write.ts";
export { exportDataset, exportedSources, relationsAboutMissing } from "./exported-dataset.ts";
export { datasetDocument, writeDatasetJson } from "./json/write.ts";
export { exportFileName, type FileNameParts } from "./file-name.ts";
export { SVG_FORMAT } from "./svg/format.ts";
export { computeFigure, type Figure, type FigureInput } from "./svg/figure.ts";
export { writeFigureSvg } from "./svg/write.ts";
export {
  FORMATS,
  defaultOptions,
  findFormat,
  formatById,
  formatsForFileName,
  optionTags,
  readableFormats,
  writableFormats,
  type FormatId,
  type ReadableFormat,
  type WritableFormat,
} from "./registry.ts";
export { formatOfFile, readFiles, unpackArchives, type ImportOutcome } from "./read-files.ts";
export { readWorkbook } from "./xlsx/read.ts";
export { writeWorkbook } from "./xlsx/write.ts";
export { readCsv } from "./csv/read.ts";
export { datasetTables } from "./sheets/atlas-layout.ts";
export { readSheets, SHEET_READ_OPTIONS, type Layout } from "./sheets/read.ts";
export { parseKindMapping, mappingText } from "./sheets/kinds.ts";
export { templateWorkbook } from "./sheets/template.ts";
export type * from "./format.ts";
export { ENTITY_KIND_COLORS, RELATION_FAMILY_COLORS, cssColor, type Rgb } from "../model/presentation.ts";

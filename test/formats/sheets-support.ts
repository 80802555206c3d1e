/** Shared by the spreadsheet tests: a graph's CSV tables as the CSV writer bundles them. */
import type { AtlasGraph } from "../../src/graph/types.ts";
import { memoryBundle } from "../../src/formats/bundle.ts";
import type { FormatSpec } from "../../src/formats/format.ts";
import { formatById } from "../../src/formats/registry.ts";

/** The CSV tables of a graph (entities.csv, relations.csv, sources.csv, dataset.csv), dated 2026-01-01. */
export async function csvFiles(graph: AtlasGraph): Promise<Map<string, Uint8Array>> {
  const { writer } = formatById("csv") as FormatSpec;
  if (writer?.output !== "bundle") throw new Error("CSV writes a bundle");
  const { bundle, files } = memoryBundle();
  await writer.write({ graph, options: {}, date: "2026-01-01" }, bundle);
  return files;
}

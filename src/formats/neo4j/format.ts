/** The Neo4j bulk-import bundle in the format registry: CSV files, import.sh and constraints.cypher (csv.ts, script.ts). */
import { datasetMetaOf } from "../../graph/build.ts";
import { defineFormat } from "../format.ts";
import { NEO4J_FILES, writeNeo4jBundle } from "./csv.ts";
import { constraintsScript, importScript } from "./script.ts";

export const NEO4J_FORMAT = defineFormat({
  id: "neo4j",
  name: "Neo4j",
  label: "Neo4j bulk-import CSV",
  description: "CSV files and import.sh for neo4j-admin database import (give --out FOLDER or FILE.zip)",
  extensions: ["neo4j.zip"],
  mediaType: "application/zip",
  options: {},
  writer: {
    output: "bundle",
    runs: ["node", "browser"],
    writes: "data",
    write(input, bundle) {
      const report = writeNeo4jBundle(input.graph, bundle, input.onProgress);
      const script = importScript(datasetMetaOf(input.graph).name);
      bundle.add(NEO4J_FILES.script, (emit) => emit(script));
      bundle.add(NEO4J_FILES.constraints, (emit) => emit(constraintsScript()));
      return { sources: report.sources, notes: [] };
    },
  },
});

/** The Cypher script in the format registry: loads the dataset into Neo4j or Memgraph, idempotently (write.ts). */
import { defineFormat } from "../format.ts";
import { writeCypherChunks } from "./write.ts";

export const CYPHER_FORMAT = defineFormat({
  id: "cypher",
  name: "Cypher",
  label: "Cypher script",
  description: "an idempotent Cypher script (MERGE on ids) for an existing Neo4j or Memgraph database",
  extensions: ["cypher", "cql"],
  mediaType: "application/x-cypher-query",
  options: {},
  writer: {
    output: "file",
    content: "text",
    runs: ["node", "browser"],
    writes: "data",
    write(input, emit) {
      const report = writeCypherChunks(input.graph, emit, { ...(input.onProgress ? { onProgress: input.onProgress } : {}) });
      return { sources: report.sources, notes: [] };
    },
  },
});

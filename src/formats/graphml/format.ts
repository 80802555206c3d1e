/** GraphML in the format registry: a Leverage Atlas GraphML export (write.ts); any GraphML read (read.ts). */
import { defineFormat } from "../format.ts";
import { firstCharacter, startsWithin } from "../sniff.ts";
import { readXmlFile } from "../xml/read-file.ts";
import { plural } from "../../model/text.ts";
import { readGraphml } from "./read.ts";
import { writeGraphmlChunks } from "./write.ts";

export const GRAPHML_FORMAT = defineFormat({
  id: "graphml",
  name: "GraphML",
  label: "GraphML",
  description: "GraphML for yEd, Cytoscape, networkx, igraph: every field, lists and evidence as JSON text",
  extensions: ["graphml", "xml"],
  mediaType: "application/graphml+xml",
  options: {},
  writer: {
    output: "file",
    content: "text",
    runs: ["node", "browser"],
    writes: "data",
    write(input, emit) {
      const report = writeGraphmlChunks(input.graph, emit, { ...(input.onProgress ? { onProgress: input.onProgress } : {}) });
      const replaced = report.replacedValues;
      const notes =
        replaced > 0
          ? [
              `${plural(replaced, "value")} held characters XML 1.0 cannot carry; written as U+FFFD, kept exactly in the element's "exact" data`,
            ]
          : [];
      return { sources: report.sources, notes };
    },
  },
  reader: {
    runs: ["node", "browser"],
    accepts: "one",
    noun: "GraphML file",
    from: "from yEd, Cytoscape, networkx, igraph or Neo4j (APOC)",
    help: "GraphML from yEd, Cytoscape, networkx, igraph, graphology, Neo4j's APOC export or Leverage Atlas",
    signature: "<",
    sniff: (bytes) => (firstCharacter(bytes) !== "<" ? "no" : startsWithin(bytes, /<(?:[\w.-]+:)?graphml[\s>/]/) ? "yes" : "maybe"),
    read: (files, options) => readXmlFile(files, "GraphML", (text, file) => readGraphml(text, { ...options, file })),
    describe: ({ native }) => (native ? "a Leverage Atlas GraphML export, read back exactly" : "GraphML mapped to the ontology"),
  },
});

/** GEXF in the format registry: GEXF 1.3 written static or dynamic (write.ts); any GEXF read (read.ts). */
import { defineFormat } from "../format.ts";
import { firstCharacter, startsWithin } from "../sniff.ts";
import { readXmlFile } from "../xml/read-file.ts";
import { plural } from "../../model/text.ts";
import { readGexf } from "./read.ts";
import { writeGexfChunks } from "./write.ts";

export const GEXF_FORMAT = defineFormat({
  id: "gexf",
  name: "GEXF",
  label: "GEXF 1.3",
  description: "GEXF 1.3 for Gephi, networkx, graphology: every field, with colours and positions",
  extensions: ["gexf", "xml"],
  mediaType: "application/gexf+xml",
  options: {
    dynamic: {
      type: "boolean",
      flag: "--dynamic",
      help: 'GEXF with mode="dynamic": start/end dates on relations and entities for Gephi\'s timeline',
      control: { label: "Dynamic GEXF (timeline)", title: "Write each relation's dates, for Gephi's timeline" },
      tag: "dynamic",
    },
  },
  writer: {
    output: "file",
    content: "text",
    runs: ["node", "browser"],
    writes: "data",
    write(input, emit) {
      const report = writeGexfChunks(input.graph, emit, {
        dynamic: input.options.dynamic,
        positions: input.positions,
        date: input.date,
        onProgress: input.onProgress,
      });
      const replaced = report.replacedValues;
      const notes =
        replaced > 0
          ? [
              `${plural(replaced, "value")} held characters XML 1.0 cannot carry; written as U+FFFD, kept exactly in the file's Leverage Atlas record`,
            ]
          : [];
      return { sources: report.sources, notes };
    },
  },
  reader: {
    runs: ["node", "browser"],
    accepts: "one",
    noun: "GEXF file",
    from: "from Gephi, graphology or networkx",
    help: "GEXF 1.1draft, 1.2draft or 1.3 from Gephi, graphology, networkx or Leverage Atlas",
    signature: "<",
    sniff: (bytes) => (firstCharacter(bytes) !== "<" ? "no" : startsWithin(bytes, /<(?:[\w.-]+:)?gexf[\s>/]/) ? "yes" : "maybe"),
    read: (files, options) => readXmlFile(files, "GEXF", (text, file) => readGexf(text, { ...options, file })),
    describe: ({ native }) => (native ? "a Leverage Atlas GEXF export, read back exactly" : "GEXF mapped to the ontology"),
  },
});

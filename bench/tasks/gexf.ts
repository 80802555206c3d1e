/**
 * GEXF: the product's streaming writer (src/formats) against graphology-gexf's writer on the same graph,
 * both writing a file, then each file parsed back by the reader that goes with it (readGexf; graphology-gexf's
 * parser; both from the same text, read as `atlas import` reads it), each reader in a process of its own (graphology-gexf's DOM parser may run out of memory on big files). graphology-gexf cannot write the graph's structured attributes (a relation's evidence is a list of
 * objects), so its graph carries what the product's file carries, flattened to strings and lists of strings:
 * the same attributes, sizes, positions and colours. Building that copy is not timed.
 */
import { closeSync, openSync, writeFileSync, writeSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { parse as parseWithGraphology, write as writeWithGraphology } from "graphology-gexf";
import circular from "graphology-layout/circular";
import { loadDataset } from "../../src/load/read.ts";
import { buildGraph } from "../../src/graph/build.ts";
import type { AtlasGraph } from "../../src/graph/types.ts";
import { ENTITY_KIND_COLORS, RELATION_FAMILY_COLORS, cssColor, nodeSize, readGexf, writeGexfChunks } from "../../src/formats/index.ts";
import { decodeXmlBytes } from "../../src/formats/xml/decode.ts";
import { collectGarbage, measure, peakRssMB, type MeasuredCase } from "./index.ts";

/** The graph graphology-gexf can write: the same nodes and edges, attributes as strings and lists of strings. */
function flatCopy(graph: AtlasGraph): MultiDirectedGraph {
  const flat = new MultiDirectedGraph({ allowSelfLoops: true });
  const positions = circular(graph, { scale: 100 * Math.sqrt(Math.max(1, graph.order)) });
  const sources = graph.getAttribute("sources");
  graph.forEachNode((id, attributes) => {
    flat.addNode(id, {
      label: attributes.label,
      kind: attributes.kind,
      ...(attributes.country === undefined ? {} : { country: attributes.country }),
      ...(attributes.aliases.length === 0 ? {} : { aliases: attributes.aliases }),
      ...(attributes.description === undefined ? {} : { description: attributes.description }),
      ...(attributes.url === undefined ? {} : { url: attributes.url }),
      size: nodeSize(graph.degree(id)),
      x: positions[id]?.x ?? 0,
      y: positions[id]?.y ?? 0,
      color: cssColor(ENTITY_KIND_COLORS[attributes.kind]),
    });
  });
  graph.forEachEdge((id, attributes, source, target) => {
    flat.addDirectedEdgeWithKey(id, source, target, {
      label: attributes.kind,
      kind: attributes.kind,
      family: attributes.family,
      start_date: attributes.start,
      ...(attributes.end === null ? {} : { end_date: attributes.end }),
      claim: attributes.claim,
      confidence: attributes.confidence,
      ...(attributes.about === undefined ? {} : { about: attributes.about }),
      sources: attributes.evidence.map((evidence) => evidence.source),
      source_urls: attributes.evidence.map((evidence) => sources[evidence.source]?.url ?? ""),
      ...(attributes.evidence.some((evidence) => evidence.locator !== undefined)
        ? { locators: attributes.evidence.map((evidence) => evidence.locator ?? "") }
        : {}),
      color: cssColor(RELATION_FAMILY_COLORS[attributes.family]),
    });
  });
  return flat;
}

/** Both writers on the same graph, alternating; the files stay for the parse and validity steps. */
export async function gexfWrite(args: {
  dir: string;
  out: string;
  repeats: number;
}): Promise<MeasuredCase & { files: { ours: string; theirs: string } }> {
  const loaded = await loadDataset(args.dir);
  if (!loaded.ok) throw new Error("the benchmark dataset is invalid");
  const graph = buildGraph(loaded.dataset);
  const flat = flatCopy(graph);
  const ours = path.join(args.out, "atlas.gexf");
  const theirs = path.join(args.out, "graphology-gexf.gexf");
  const write: MeasuredCase = {
    name: "write",
    baseline: "graphology-gexf write (GEXF 1.3)",
    ms: [],
    baselineMs: [],
    cpuMs: [],
    baselineCpuMs: [],
    notes: "",
  };
  let sizes = { ours: 0, theirs: 0 };
  for (let repeat = 0; repeat < args.repeats; repeat += 1) {
    collectGarbage();
    const mine = await measure(() => {
      const descriptor = openSync(ours, "w");
      let characters = 0;
      try {
        writeGexfChunks(graph, (chunk) => {
          characters += chunk.length;
          writeSync(descriptor, chunk);
        });
      } finally {
        closeSync(descriptor);
      }
      return characters;
    });
    collectGarbage();
    const reference = await measure(() => {
      const text = writeWithGraphology(flat, { version: "1.3" });
      writeFileSync(theirs, text);
      return text.length;
    });
    write.ms.push(mine.ms);
    write.cpuMs.push(mine.cpuMs);
    write.baselineMs.push(reference.ms);
    write.baselineCpuMs.push(reference.cpuMs);
    sizes = { ours: mine.value, theirs: reference.value };
  }
  const megabytes = (characters: number): string => `${(characters / 2 ** 20).toFixed(0)} M characters`;
  write.notes = `${megabytes(sizes.ours)} vs ${megabytes(sizes.theirs)}`;
  return { ...write, files: { ours, theirs } };
}

export interface ReadMeasurement {
  ms: number;
  cpuMs: number;
  rssMB: number;
  entities: number;
  relations: number;
}

/**
 * A GEXF file's text as `atlas import` and the explorer get it: bytes decoded strictly (src/formats/xml/decode.ts). Not
 * `readFile(file, "utf8")`: node 20 decodes the file chunk by chunk and joins the pieces, and parsing such a string
 * is much slower (at 100k/300k our parse back took 2 to 3 times the CPU time and 1.2 GB more memory).
 */
async function readText(file: string): Promise<string> {
  const decoded = decodeXmlBytes(await readFile(file));
  if (!decoded.ok) throw new Error(`${file}: ${decoded.message}`);
  return decoded.text;
}

/** The product's reader on its own file (read from disk, decoded, parsed, checked into a dataset). */
export async function gexfRead(args: { file: string }): Promise<ReadMeasurement> {
  const { value, ms, cpuMs } = await measure(async () => readGexf(await readText(args.file)));
  if (!value.ok) throw new Error(`readGexf rejected the written file: ${value.issues[0]?.message ?? "?"}`);
  return { ms, cpuMs, rssMB: peakRssMB(), entities: value.dataset.entities.length, relations: value.dataset.relations.length };
}

/** graphology-gexf's parser (a DOM through @xmldom/xmldom) on its own file. */
export async function gexfReadBaseline(args: { file: string }): Promise<ReadMeasurement> {
  const { value, ms, cpuMs } = await measure(async () => parseWithGraphology(MultiDirectedGraph, await readText(args.file)));
  return { ms, cpuMs, rssMB: peakRssMB(), entities: value.order, relations: value.size };
}

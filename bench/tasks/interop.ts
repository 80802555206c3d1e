/**
 * Interop exports (GraphML, the Neo4j bulk-import bundle, the Cypher script) against the same run's GEXF
 * writer: each writer, through the format registry as `atlas export` calls it, streams the whole graph to
 * disk in a fresh process, so each process's peak RSS is its own: the loaded graph plus what the writer holds.
 */
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { buildGraph } from "../../src/graph/build.ts";
import { loadDataset } from "../../src/load/read.ts";
import type { Bundle, Chunk } from "../../src/formats/format.ts";
import { NODE_FORMATS } from "../../src/formats/node.ts";
import { findFormat, writableFormats } from "../../src/formats/registry.ts";
import { collectGarbage, measure, peakRssMB } from "./index.ts";

export interface InteropWriteMeasurement {
  format: string;
  ms: number;
  cpuMs: number;
  /** Peak RSS of the process (load, graph and write). */
  rssMB: number;
  /** RSS with the graph built, before writing: the writer's own memory is the difference to the peak. */
  rssBeforeMB: number;
  /** Bytes written (all files of a bundle). */
  bytes: number;
}

function put(descriptor: number, chunk: Chunk): void {
  if (typeof chunk === "string") writeSync(descriptor, chunk);
  else writeSync(descriptor, chunk);
}

/** One format's writer on the benchmark graph, streamed to `out` (a file, or a folder for a bundle). */
export async function interopWrite(args: { dir: string; out: string; format: string }): Promise<InteropWriteMeasurement> {
  const format = findFormat(args.format, writableFormats("node", NODE_FORMATS));
  if (!format) throw new Error(`no format "${args.format}" writes in node`);
  const loaded = await loadDataset(args.dir);
  if (!loaded.ok) throw new Error("the benchmark dataset is invalid");
  const graph = buildGraph(loaded.dataset);
  collectGarbage();
  const rssBeforeMB = process.memoryUsage().rss / 2 ** 20;
  rmSync(args.out, { recursive: true, force: true });
  const { ms, cpuMs } = await measure(async () => {
    const input = { graph, options: {} };
    const { writer } = format;
    if (writer.output === "file") {
      const descriptor = openSync(args.out, "w");
      try {
        await writer.write(input, (chunk) => put(descriptor, chunk));
      } finally {
        closeSync(descriptor);
      }
    } else {
      mkdirSync(args.out, { recursive: true });
      const bundle: Bundle = {
        add(name, produce) {
          const descriptor = openSync(path.join(args.out, name), "w");
          try {
            produce((chunk) => put(descriptor, chunk));
          } finally {
            closeSync(descriptor);
          }
        },
      };
      await writer.write(input, bundle);
    }
  });
  const written = statSync(args.out).isDirectory()
    ? readdirSync(args.out).reduce((sum, name) => sum + statSync(path.join(args.out, name)).size, 0)
    : statSync(args.out).size;
  return { format: format.id, ms, cpuMs, rssMB: peakRssMB(), rssBeforeMB, bytes: written };
}

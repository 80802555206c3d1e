/**
 * The browser side of export: GEXF (the explorer's positions and the shared colours), JSON (a valid
 * dataset) and PNG (the canvas as drawn) as Blobs, and their download through a Blob URL.
 * What is exported is decided in model/export-scope.ts; the writers are src/formats'.
 */
import { exportDataset, relationsAboutMissing, writeDatasetJson, writeGexfChunks } from "../../formats/index.ts";
import type { AtlasGraph } from "../../graph/types.ts";
import { plural } from "../model/format.ts";
import type { ViewGraph } from "../model/view-graph.ts";
import type { AtlasRenderer } from "../render/renderer.ts";

export interface ExportedFile {
  blob: Blob;
  /** Plain-language caveats (e.g. relations whose "about" entity was left out). */
  notes: string[];
}

function aboutNote(subgraph: AtlasGraph): string[] {
  const missing = relationsAboutMissing(subgraph);
  if (missing.length === 0) return [];
  return [
    `${plural(missing.length, "relation")} ${missing.length === 1 ? "is" : "are"} about an entity outside the export; "about" was left out to keep the dataset valid.`,
  ];
}

/** GEXF 1.3, static or dynamic, with the explorer's current positions. */
export function gexfFile(subgraph: AtlasGraph, layout: ViewGraph, dynamic: boolean): ExportedFile {
  const chunks: string[] = [];
  const report = writeGexfChunks(subgraph, (chunk) => chunks.push(chunk), {
    dynamic,
    positions: (id) => (layout.hasNode(id) ? { x: layout.getNodeAttribute(id, "x"), y: layout.getNodeAttribute(id, "y") } : undefined),
  });
  const notes =
    report.replacedValues > 0
      ? [
          `${plural(report.replacedValues, "value")} held characters XML 1.0 cannot carry; written as U+FFFD, kept exactly in the file's Leverage Atlas record.`,
        ]
      : [];
  return { blob: new Blob(chunks, { type: "application/gexf+xml" }), notes };
}

/** A dataset file that loads back with zero errors. */
export function jsonFile(subgraph: AtlasGraph): ExportedFile {
  return { blob: new Blob([writeDatasetJson(exportDataset(subgraph))], { type: "application/json" }), notes: aboutNote(subgraph) };
}

/**
 * The graph canvas as drawn, on a white background. sigma 4 draws nodes, edges and labels on one WebGL
 * canvas without preserveDrawingBuffer, so the frame is rendered and copied in the same task (the
 * drawing buffer is only cleared once the browser composites). With `only` (a selection), everything
 * else is hidden and the selection's highlight turned off for that one frame, and restored before the
 * task ends, so the screen never shows it.
 */
export async function pngFile(
  renderer: AtlasRenderer,
  only: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null,
): Promise<ExportedFile> {
  const graph = renderer.getGraph();
  const hidden: { nodes: string[]; edges: string[] } = { nodes: [], edges: [] };
  // An image of the selection shows it plainly, without the selection's highlight.
  const selected = only ? [...only.nodes].filter((node) => renderer.getNodeState(node).isSelected) : [];
  if (only) {
    graph.forEachNode((node) => {
      if (!only.nodes.has(node) && !renderer.getNodeState(node).isHidden) hidden.nodes.push(node);
    });
    graph.forEachEdge((edge) => {
      if (!only.edges.has(edge) && !renderer.getEdgeState(edge).isHidden) hidden.edges.push(edge);
    });
  }
  const stage = renderer.getStageCanvas();
  const output = document.createElement("canvas");
  output.width = stage.width;
  output.height = stage.height;
  const context = output.getContext("2d");
  if (!context) throw new Error("this browser cannot make a 2D canvas for the image");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, output.width, output.height);
  renderer.setNodesState(hidden.nodes, { isHidden: true });
  renderer.setEdgesState(hidden.edges, { isHidden: true });
  renderer.setNodesState(selected, { isSelected: false });
  try {
    renderNow(renderer);
    context.drawImage(stage, 0, 0);
  } finally {
    renderer.setNodesState(hidden.nodes, { isHidden: false });
    renderer.setEdgesState(hidden.edges, { isHidden: false });
    renderer.setNodesState(selected, { isSelected: true });
    if (only) renderNow(renderer);
  }
  const blob = await new Promise<Blob | null>((resolve) => output.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("the browser could not encode the image");
  return { blob, notes: [] };
}

/** Renders a frame now (sigma's refresh without re-indexing renders synchronously, applying pending states). */
function renderNow(renderer: AtlasRenderer): void {
  renderer.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
}

/** Saves a Blob under a file name through a temporary Blob URL, revoked once the download has started. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download asynchronously; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

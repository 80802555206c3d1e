/**
 * The browser side of export: any format of the registry whose writer runs in the browser, written into
 * a Blob (a bundle of several files into a zip), with the explorer's positions and, for pictures, its
 * drawing (drawnCanvas); and the download through a Blob URL. What is exported is decided in
 * model/export-scope.ts; the writers are src/formats'.
 */
import { joinChunks, memoryBundle, zipFiles } from "../../formats/bundle.ts";
import type { Chunk, WriteInput } from "../../formats/format.ts";
import type { WritableFormat } from "../../formats/registry.ts";
import type { AtlasRenderer } from "../render/renderer.ts";

export interface ExportedFile {
  blob: Blob;
  /** Plain-language caveats (e.g. relations whose "about" entity was left out), each a sentence. */
  notes: string[];
}

/** A Blob of bytes (a copy into an ArrayBuffer-backed array, which is what BlobPart accepts). */
function bytesBlob(bytes: Uint8Array, type: string): Blob {
  return new Blob([new Uint8Array(bytes)], { type });
}

/** Writes the input in the format: one file as its media type, a bundle as a zip. */
export async function exportFile(format: WritableFormat, input: WriteInput): Promise<ExportedFile> {
  const { writer } = format;
  let blob: Blob;
  let notes: readonly string[];
  if (writer.output === "file") {
    const chunks: Chunk[] = [];
    ({ notes } = await writer.write(input, (chunk) => chunks.push(chunk)));
    const texts = chunks.filter((chunk): chunk is string => typeof chunk === "string");
    // Text chunks go into the Blob as they are (it encodes them as UTF-8); bytes are joined first.
    blob = texts.length === chunks.length ? new Blob(texts, { type: format.mediaType }) : bytesBlob(joinChunks(chunks), format.mediaType);
  } else {
    const { bundle, files } = memoryBundle();
    ({ notes } = await writer.write(input, bundle));
    blob = bytesBlob(zipFiles(files), "application/zip");
  }
  return { blob, notes: notes.map((note) => `${note}.`) };
}

/**
 * The graph canvas as drawn, on a white background (for picture formats: PNG). sigma 4 draws nodes, edges
 * and labels on one WebGL canvas without preserveDrawingBuffer, so the frame is rendered and copied in the
 * same task (the drawing buffer is only cleared once the browser composites). With `only` (a selection),
 * everything else is hidden and the selection's highlight turned off for that one frame, and restored
 * before the task ends, so the screen never shows it.
 */
export function drawnCanvas(
  renderer: AtlasRenderer,
  only: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null,
): HTMLCanvasElement {
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
  return output;
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

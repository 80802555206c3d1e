/**
 * PNG in the format registry: the graph as the explorer draws it. Only the explorer has a drawing
 * (sigma's WebGL canvas), so the writer runs in the browser only; app/export-files.ts captures the
 * canvas (drawnCanvas), this encodes it.
 */
import { defineFormat } from "../format.ts";

export const PNG_FORMAT = defineFormat({
  id: "png",
  name: "PNG",
  label: "PNG image",
  description: "the graph canvas as drawn in the explorer, on white",
  extensions: ["png"],
  mediaType: "image/png",
  options: {},
  writer: {
    output: "file",
    content: "bytes",
    runs: ["browser"],
    writes: "picture",
    async write(input, emit) {
      if (!input.drawing) throw new Error("a PNG is the graph as drawn: only the explorer can write one");
      const canvas = input.drawing.capture();
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
      if (!blob) throw new Error("the browser could not encode the image");
      emit(new Uint8Array(await blob.arrayBuffer()));
      return { sources: 0, notes: [] };
    },
  },
});

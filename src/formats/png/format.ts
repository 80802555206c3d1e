/**
 * PNG in the format registry: the graph as the explorer draws it. Only the explorer has a drawing
 * (sigma's WebGL canvas), so the writer runs in the browser only; app/files/export-files.ts captures
 * the canvas (drawnCanvas) or frames a slide (app/files/slide.ts), this encodes it.
 */
import { defineFormat } from "../format.ts";

/** The "4K" width a slide can be asked at, for big screens and print. */
export const WIDE_SLIDE_PX = 3840;

export const PNG_FORMAT = defineFormat({
  id: "png",
  name: "PNG",
  label: "PNG image",
  description: "the graph canvas as drawn in the explorer, on white",
  extensions: ["png"],
  mediaType: "image/png",
  options: {
    slide: {
      type: "boolean",
      flag: "--slide",
      help: "a 16:9 slide at twice 1280 px: fitted to what is exported, with labels, title, date and legend",
      control: {
        label: "PNG as a slide (2×, title, date, legend)",
        title: "Fitted to what is exported, 2560 × 1440 pixels, with labels, a title, the date and a legend",
      },
      tag: "slide",
    },
    wide: {
      type: "boolean",
      flag: "--wide",
      help: `a slide ${WIDE_SLIDE_PX} px wide (4K)`,
      control: { label: `PNG slide ${WIDE_SLIDE_PX} px wide`, title: `The slide at ${WIDE_SLIDE_PX} × 2160 pixels, for big screens and print` },
      tag: `${WIDE_SLIDE_PX}px`,
    },
  },
  writer: {
    output: "file",
    content: "bytes",
    runs: ["browser"],
    writes: "picture",
    async write(input, emit) {
      if (!input.drawing) throw new Error("a PNG is the graph as drawn: only the explorer can write one");
      const { slide, wide } = input.options;
      const canvas = await input.drawing.capture(slide || wide ? { width: wide ? WIDE_SLIDE_PX : undefined } : undefined);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
      if (!blob) throw new Error("the browser could not encode the image");
      emit(new Uint8Array(await blob.arrayBuffer()));
      return { sources: 0, notes: [] };
    },
  },
});

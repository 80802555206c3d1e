/**
 * SVG in the format registry: a vector figure of the graph as the explorer draws it (shapes and colours by
 * kind, arrows coloured by family, parallel relations curved apart, labels as text), with a title, the "as of"
 * date, a legend and a source line (figure.ts, write.ts). Runs in node (`atlas export --format svg`) and the
 * browser (the export bar: the current view or selection, at the explorer's positions and sizes).
 */
import { forceAtlas2Layout, DEFAULT_LAYOUT_ITERATIONS, LAYOUT_SEED, type Point } from "../../graph/layout.ts";
import { today } from "../../model/dates.ts";
import { nodeSizeRange, sizeForDegree } from "../../model/presentation.ts";
import { plural } from "../../model/text.ts";
import { defineFormat } from "../format.ts";
import { hasInvalidXmlCharacters } from "../xml/escape.ts";
import { computeFigure } from "./figure.ts";
import { writeFigureSvg } from "./write.ts";

export const SVG_FORMAT = defineFormat({
  id: "svg",
  name: "SVG",
  label: "SVG figure",
  description: "a vector figure for papers (Inkscape, Illustrator): shapes, arrows, text labels, legend, source",
  extensions: ["svg"],
  mediaType: "image/svg+xml",
  options: {
    width: {
      type: "number",
      flag: "--width",
      valueName: "pixels",
      help: "the SVG figure's width in pixels, 400 to 20000 (default 1200)",
      control: { label: "SVG width", title: "The SVG figure's width in pixels" },
      default: 1200,
      min: 400,
      max: 20_000,
    },
    height: {
      type: "number",
      flag: "--height",
      valueName: "pixels",
      help: "the SVG figure's height in pixels, 300 to 20000 (default 800)",
      control: { label: "SVG height", title: "The SVG figure's height in pixels" },
      default: 800,
      min: 300,
      max: 20_000,
    },
    layout: {
      type: "choice",
      flag: "--layout",
      valueName: "layout",
      help:
        "where the SVG figure puts entities: saved (the dataset's saved layout, layouts/default.json or the first; in the explorer, as drawn), " +
        "or forceatlas2 (computed from scratch); entities without a position, and all of them without a saved layout, are placed by " +
        "ForceAtlas2 from a fixed seed, so the same command draws the same figure (default saved)",
      control: {
        label: "SVG layout",
        title: "Where the SVG figure puts entities: as laid out here, or ForceAtlas2 from scratch with a fixed seed",
      },
      choices: [
        { value: "saved", label: "As laid out" },
        { value: "forceatlas2", label: "ForceAtlas2 (fixed seed)" },
      ],
      default: "saved",
    },
  },
  writer: {
    output: "file",
    content: "text",
    runs: ["node", "browser"],
    writes: "picture",
    write(input, emit) {
      const { graph, options } = input;
      const known = options.layout === "saved" ? input.positions : undefined;
      let placedByLayout = 0;
      graph.forEachNode((id) => {
        if (known?.(id) === undefined) placedByLayout += 1;
      });
      const positions: Map<string, Point> = forceAtlas2Layout(graph, known ? { known } : {});
      let maxDegree = 0;
      graph.forEachNode((id) => {
        maxDegree = Math.max(maxDegree, graph.degree(id));
      });
      const range = nodeSizeRange(graph.order);
      const figure = computeFigure({
        graph,
        positions,
        size: (id) => input.sizes?.(id) ?? sizeForDegree(graph.degree(id), maxDegree, range),
        width: options.width,
        height: options.height,
        title: graph.getAttribute("name"),
        asOf: input.asOf,
        source: { name: graph.getAttribute("name"), url: graph.getAttribute("url"), date: input.date ?? today() },
        // The explorer's labels fit its positions only.
        labels: known === undefined ? undefined : input.labels,
        parallels: input.parallels,
      });
      writeFigureSvg(figure, emit);
      const how = `ForceAtlas2 (${DEFAULT_LAYOUT_ITERATIONS.toLocaleString("en")} iterations from seed ${LAYOUT_SEED})`;
      const notes: string[] =
        options.layout === "forceatlas2" || placedByLayout === 0 || graph.order === 0
          ? []
          : known === undefined
            ? [`no saved layout: the entities were placed by ${how}; "atlas layout" saves one`]
            : [
                `${plural(placedByLayout, "entity", "entities")} had no saved position and ${placedByLayout === 1 ? "was" : "were"} placed by ${how}`,
              ];
      let replaced = graph.filterNodes((_id, attributes) => hasInvalidXmlCharacters(attributes.label)).length;
      if (hasInvalidXmlCharacters(graph.getAttribute("name"))) replaced += 1;
      if (replaced > 0) notes.push(`${plural(replaced, "name")} held characters XML 1.0 cannot carry; drawn with U+FFFD instead`);
      return { sources: 0, notes };
    },
  },
});

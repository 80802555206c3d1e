/**
 * A figure (figure.ts) written as SVG 1.1 for papers and editors: named layers (`<g id="relations">`,
 * `<g id="entities">`, the legend, the title and source lines; Inkscape shows them as layers), one `<g>` per
 * entity (`data-id`, its shape and its label) and per relation (`data-id`, its path and arrowhead), labels as real
 * `<text>` in a font stack with CJK and Arabic fallbacks. Every text from the data is escaped (xml/escape.ts) and
 * only ever written as text content or a quoted attribute value: nothing from it becomes markup, a script, a link
 * or a style. Handwritten (a string per element, streamed): graphology-svg draws no arrows, curves or legend.
 */
import type { Emit } from "../format.ts";
import { escapeAttribute, escapeText } from "../xml/escape.ts";
import { LABEL_FONT_SIZE, LEGEND_ROW, type Figure, type LegendRow } from "./figure.ts";
import { EDGE_WIDTH, shapeOutline, type EdgePath, type Vec } from "./geometry.ts";

/**
 * Real fonts first (Inkscape and Illustrator take the first one installed), each script's fallbacks after them
 * (Noto CJK, Microsoft YaHei, PingFang, Hiragino for Chinese and Japanese; Noto Arabic, Geeza Pro, Tahoma for
 * Arabic), then the generic families a browser resolves itself.
 */
export const FONT_STACK =
  "'Noto Sans', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans CJK SC', 'Noto Sans CJK JP', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', 'Geeza Pro', Tahoma, system-ui, sans-serif";

const TEXT_COLOR = "#1F2328";
const MUTED_COLOR = "#57606A";
/** The explorer's label background colour (src/app/model/palette.ts), opaque. */
const LABEL_HALO_COLOR = "#FBFBFA";

/** A coordinate to the hundredth of a pixel, without "-0" or trailing zeros. */
function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

function point({ x, y }: Vec): string {
  return `${num(x)} ${num(y)}`;
}

/** Attributes from a list of name/value pairs, the values escaped (names are this module's own). */
function attributes(pairs: readonly (readonly [string, string | number | undefined])[]): string {
  return pairs
    .filter((pair): pair is readonly [string, string | number] => pair[1] !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === "number" ? num(value) : escapeAttribute(value)}"`)
    .join("");
}

function pathData(path: EdgePath): string {
  switch (path.type) {
    case "line":
      return `M${point(path.from)} L${point(path.to)}`;
    case "quadratic":
      return `M${point(path.from)} Q${point(path.control)} ${point(path.to)}`;
    case "cubic":
      return `M${point(path.from)} C${point(path.control1)} ${point(path.control2)} ${point(path.to)}`;
  }
}

/** The element drawing a shape: a circle, or a polygon through its corners. */
function shapeElement(shape: Parameters<typeof shapeOutline>[0], center: Vec, size: number, fill: string): string {
  const outline = shapeOutline(shape, center, size);
  if ("circle" in outline)
    return `<circle${attributes([
      ["cx", center.x],
      ["cy", center.y],
      ["r", outline.circle.r],
      ["fill", fill],
    ])}/>`;
  return `<polygon${attributes([
    ["points", outline.polygon.map(point).join(" ")],
    ["fill", fill],
  ])}/>`;
}

function text(content: string, at: Vec, extra: readonly (readonly [string, string | number | undefined])[] = []): string {
  return `<text${attributes([["x", at.x], ["y", at.y], ...extra])}>${escapeText(content)}</text>`;
}

function legendRow(row: LegendRow, at: Vec): string {
  const mark =
    row.mark === "arrow"
      ? `<path${attributes([
          ["d", `M${point(at)} L${point({ x: at.x + 14, y: at.y })}`],
          ["stroke", row.color],
          ["stroke-width", EDGE_WIDTH],
        ])}/>` +
        `<path${attributes([
          [
            "d",
            `M${point({ x: at.x + 22, y: at.y })} L${point({ x: at.x + 14, y: at.y - 3.2 })} L${point({ x: at.x + 14, y: at.y + 3.2 })} Z`,
          ],
          ["fill", row.color],
        ])}/>`
      : shapeElement(row.mark, { x: at.x + 8, y: at.y }, 6, row.color);
  return `<g${attributes([
    ["class", "legend-row"],
    ["data-key", row.key],
  ])}>${mark}${text(row.label, { x: at.x + 30, y: at.y + 4 }, [["fill", TEXT_COLOR]])}</g>\n`;
}

/** Writes the figure as an SVG document, in chunks (one per element or so). */
export function writeFigureSvg(figure: Figure, emit: Emit): void {
  const { width, height } = figure;
  emit(`<?xml version="1.0" encoding="UTF-8"?>\n`);
  emit(
    `<svg${attributes([
      ["xmlns", "http://www.w3.org/2000/svg"],
      ["xmlns:inkscape", "http://www.inkscape.org/namespaces/inkscape"],
      ["version", "1.1"],
      ["width", width],
      ["height", height],
      ["viewBox", `0 0 ${num(width)} ${num(height)}`],
      ["font-family", FONT_STACK],
      ["font-size", LABEL_FONT_SIZE],
    ])}>\n`,
  );
  emit(`<title>${escapeText(figure.title.text)}</title>\n`);
  emit(`<desc>${escapeText(`${figure.subtitle.text}. ${figure.source.text}`)}</desc>\n`);
  emit(
    `<rect${attributes([
      ["id", "background"],
      ["width", width],
      ["height", height],
      ["fill", "#FFFFFF"],
    ])}/>\n`,
  );

  emit(
    `<g${attributes([
      ["id", "relations"],
      ["inkscape:groupmode", "layer"],
      ["inkscape:label", "Relations"],
    ])}>\n`,
  );
  for (const relation of figure.relations) {
    const { body, head } = relation.drawn;
    emit(
      `<g${attributes([
        ["class", "relation"],
        ["data-id", relation.id],
        ["data-kind", relation.kind],
        ["data-family", relation.family],
        ["data-source", relation.source],
        ["data-target", relation.target],
      ])}>` +
        `<path${attributes([
          ["d", pathData(body)],
          ["fill", "none"],
          ["stroke", relation.color],
          ["stroke-width", EDGE_WIDTH],
        ])}/>` +
        `<path${attributes([
          ["d", `M${point(head[0])} L${point(head[1])} L${point(head[2])} Z`],
          ["fill", relation.color],
        ])}/>` +
        `</g>\n`,
    );
  }
  emit(`</g>\n`);

  emit(
    `<g${attributes([
      ["id", "entities"],
      ["inkscape:groupmode", "layer"],
      ["inkscape:label", "Entities"],
      ["font-size", figure.labelSize === LABEL_FONT_SIZE ? undefined : figure.labelSize],
    ])}>\n`,
  );
  for (const entity of figure.entities) {
    emit(
      `<g${attributes([
        ["class", "entity"],
        ["data-id", entity.id],
        ["data-kind", entity.kind],
        ["inkscape:label", entity.label],
      ])}>` +
        shapeElement(entity.shape, entity.center, entity.size, entity.color) +
        text(entity.label, entity.labelAt, [
          ["fill", TEXT_COLOR],
          ["text-anchor", entity.labelAnchor === "start" ? undefined : entity.labelAnchor],
          // A pale halo under the letters, as the explorer's label background: the label reads over relations.
          ["stroke", LABEL_HALO_COLOR],
          ["stroke-width", 3],
          ["stroke-linejoin", "round"],
          ["paint-order", "stroke"],
          // Kept for the editor (Inkscape's Objects panel shows it again) when it would cross a bigger entity or its label;
          // display, not visibility: Inkscape draws text with visibility="hidden".
          ["display", entity.labelShown ? undefined : "none"],
        ]) +
        `</g>\n`,
    );
  }
  emit(`</g>\n`);

  const { legend } = figure;
  emit(
    `<g${attributes([
      ["id", "legend"],
      ["inkscape:groupmode", "layer"],
      ["inkscape:label", "Legend"],
    ])}>\n`,
  );
  let y = legend.at.y;
  for (const [heading, rows, id] of [
    ["Entities", legend.entities, "legend-entities"],
    ["Relations", legend.relations, "legend-relations"],
  ] as const) {
    if (rows.length === 0) continue;
    emit(`<g${attributes([["id", id]])}>\n`);
    emit(
      text(heading, { x: legend.at.x, y: y + 4 }, [
        ["font-weight", "600"],
        ["fill", TEXT_COLOR],
      ]) + "\n",
    );
    y += LEGEND_ROW;
    for (const row of rows) {
      emit(legendRow(row, { x: legend.at.x, y }));
      y += LEGEND_ROW;
    }
    emit(`</g>\n`);
    y += LEGEND_ROW / 2;
  }
  emit(`</g>\n`);

  emit(
    `<g${attributes([
      ["id", "header"],
      ["inkscape:groupmode", "layer"],
      ["inkscape:label", "Title"],
    ])}>\n`,
  );
  emit(
    text(figure.title.text, figure.title.at, [
      ["id", "title"],
      ["font-size", 20],
      ["font-weight", "600"],
      ["fill", TEXT_COLOR],
    ]) + "\n",
  );
  emit(
    text(figure.subtitle.text, figure.subtitle.at, [
      ["id", "subtitle"],
      ["font-size", 13],
      ["fill", MUTED_COLOR],
    ]) + "\n",
  );
  emit(`</g>\n`);
  emit(
    text(figure.source.text, figure.source.at, [
      ["id", "source"],
      ["font-size", 11],
      ["fill", MUTED_COLOR],
    ]) + "\n",
  );
  emit(`</svg>\n`);
}

/**
 * A picture of the graph framed as a slide (model/slide.ts): a second sigma renderer, off screen, draws
 * what is exported at the picture's size (sizes and labels scaled with it), fitted to it, labelled by
 * the same placement as the page (model/labels.ts); a 2D canvas then adds the title, what is shown and
 * when, and a legend of the kinds and families in the picture. The page's own renderer is not touched.
 */
import type { SlideRequest } from "../../formats/format.ts";
import { entityKindLabel, familyLabel } from "../model/format.ts";
import { LABEL_FONT_PX, placeLabels, type LabelCandidate } from "../model/labels.ts";
import { FAMILY_COLORS, KIND_COLORS, KIND_SHAPES, LABEL_COLOR } from "../model/palette.ts";
import { SLIDE, slideLayout, type SlideText } from "../model/slide.ts";
import type { ViewGraph } from "../model/view-graph.ts";
import { fittedCameraState } from "../render/camera.ts";
import { createRenderer, LABEL_FONT } from "../render/renderer.ts";
import type { LabelPreference } from "../state/state.ts";
import type { EntityKind, RelationFamily } from "../../model/ontology.ts";

export interface SlideInput {
  graph: ViewGraph;
  /** What the picture shows. */
  scope: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> };
  text: SlideText;
  legend: { kinds: EntityKind[]; families: RelationFamily[] };
  labels: LabelPreference;
  /** Entities labelled whatever the room: the focus, the selection, a path. */
  forced: ReadonlySet<string>;
}

const MUTED = "#57606a";
const LINE_HEIGHT = 1.25;

/** Draws the graph part of the slide with a renderer of its own, off screen, into the picture at `at`. */
function drawGraph(
  input: SlideInput,
  size: { width: number; height: number },
  scale: number,
  into: CanvasRenderingContext2D,
  at: { x: number; y: number },
): void {
  // Sigma draws devicePixelRatio pixels per CSS pixel: the container is sized (and sizes scaled) so the stage has the picture's pixels.
  const ratio = window.devicePixelRatio || 1;
  const container = document.createElement("div");
  container.setAttribute("aria-hidden", "true");
  Object.assign(container.style, {
    position: "fixed",
    left: "-100000px",
    top: "0",
    width: `${size.width / ratio}px`,
    height: `${size.height / ratio}px`,
    pointerEvents: "none",
  });
  document.body.append(container);
  const itemScale = scale / ratio;
  const labelPx = LABEL_FONT_PX[input.labels.size];
  const renderer = createRenderer(input.graph, container, { labelSize: input.labels.size, scale: itemScale });
  try {
    const { graph, scope } = input;
    renderer.setNodesState(
      graph.filterNodes((node) => !scope.nodes.has(node)),
      { isHidden: true },
    );
    renderer.setEdgesState(
      graph.filterEdges((edge) => !scope.edges.has(edge)),
      { isHidden: true },
    );
    renderer.refresh();
    const fit = fittedCameraState(renderer, scope.nodes, {
      left: 12 * itemScale,
      right: 170 * itemScale,
      top: 18 * itemScale,
      bottom: 18 * itemScale,
    });
    if (fit) renderer.getCamera().setState(fit);
    renderer.refresh();

    // The same label placement as the page, at the picture's scale.
    const measure = document.createElement("canvas").getContext("2d");
    const font = labelPx * itemScale;
    if (measure) measure.font = `${font}px ${LABEL_FONT}`;
    const candidates: LabelCandidate[] = [];
    const degree = new Map<string, number>();
    for (const edge of scope.edges) for (const end of graph.extremities(edge)) degree.set(end, (degree.get(end) ?? 0) + 1);
    for (const id of scope.nodes) {
      const data = renderer.getNodeDisplayData(id);
      if (!data) continue;
      const { x, y } = renderer.framedGraphToViewport(data);
      const label = data.label ?? "";
      candidates.push({
        id,
        x,
        y,
        radius: renderer.scaleSize(data.size),
        width: (measure ? measure.measureText(label).width : label.length * font * 0.6) * 1.04,
        height: font * LINE_HEIGHT,
        forced: input.forced.has(id) || scope.nodes.size <= 30,
        priority: -(degree.get(id) ?? 0),
      });
    }
    const { width, height } = renderer.getDimensions();
    for (const label of placeLabels(candidates, { width, height, obstacles: [], density: input.labels.density }))
      renderer.setNodeState(label.id, { isLabelled: true, labelSide: label.side });
    // Sigma's refresh renders at once, and the WebGL buffer is read in the same task (it has no preserveDrawingBuffer).
    renderer.refresh();
    into.drawImage(renderer.getStageCanvas(), at.x, at.y, size.width, size.height);
  } finally {
    renderer.kill();
    container.remove();
  }
}

function drawShape(context: CanvasRenderingContext2D, kind: EntityKind, x: number, y: number, r: number): void {
  context.fillStyle = KIND_COLORS[kind];
  context.beginPath();
  const shape = KIND_SHAPES[kind];
  if (shape === "square") context.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
  else if (shape === "diamond") {
    context.moveTo(x, y - r);
    context.lineTo(x + r, y);
    context.lineTo(x, y + r);
    context.lineTo(x - r, y);
  } else if (shape === "triangle") {
    context.moveTo(x, y - r);
    context.lineTo(x + r, y + r * 0.8);
    context.lineTo(x - r, y + r * 0.8);
  } else context.arc(x, y, r, 0, Math.PI * 2);
  context.closePath();
  context.fill();
}

/** The legend band: each family as an arrow, each kind as its shape, in rows that wrap. */
function drawLegend(context: CanvasRenderingContext2D, input: SlideInput, scale: number, top: number, width: number): void {
  const margin = SLIDE.margin * scale;
  const text = 14 * scale;
  context.font = `${text}px ${LABEL_FONT}`;
  context.textBaseline = "middle";
  let x = margin;
  let y = top + 16 * scale;
  const gap = 18 * scale;
  const place = (itemWidth: number): void => {
    if (x + itemWidth > width - margin) {
      x = margin;
      y += 22 * scale;
    }
  };
  for (const family of input.legend.families) {
    const name = familyLabel(family);
    const itemWidth = 34 * scale + context.measureText(name).width;
    place(itemWidth);
    context.strokeStyle = FAMILY_COLORS[family];
    context.fillStyle = FAMILY_COLORS[family];
    context.lineWidth = 3 * scale;
    context.beginPath();
    context.moveTo(x, y);
    context.lineTo(x + 20 * scale, y);
    context.stroke();
    context.beginPath();
    context.moveTo(x + 26 * scale, y);
    context.lineTo(x + 18 * scale, y - 5 * scale);
    context.lineTo(x + 18 * scale, y + 5 * scale);
    context.closePath();
    context.fill();
    context.fillStyle = LABEL_COLOR;
    context.fillText(name, x + 32 * scale, y);
    x += itemWidth + gap;
  }
  for (const kind of input.legend.kinds) {
    const name = entityKindLabel(kind);
    const itemWidth = 20 * scale + context.measureText(name).width;
    place(itemWidth);
    drawShape(context, kind, x + 7 * scale, y, 6.5 * scale);
    context.fillStyle = LABEL_COLOR;
    context.fillText(name, x + 19 * scale, y);
    x += itemWidth + gap;
  }
}

/** The slide: title, what is shown and when, the graph fitted and labelled, a legend and a footer, on white. */
export function slidePicture(input: SlideInput, request: SlideRequest = {}): HTMLCanvasElement {
  const layout = slideLayout(request.width);
  const { scale } = layout;
  const canvas = document.createElement("canvas");
  canvas.width = layout.width;
  canvas.height = layout.height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("this browser cannot make a 2D canvas for the image");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, layout.width, layout.height);
  const margin = SLIDE.margin * scale;
  context.textBaseline = "alphabetic";
  context.fillStyle = LABEL_COLOR;
  context.font = `600 ${26 * scale}px ${LABEL_FONT}`;
  context.fillText(input.text.title, margin, 44 * scale, layout.width - 2 * margin);
  context.fillStyle = MUTED;
  context.font = `${16 * scale}px ${LABEL_FONT}`;
  context.fillText(input.text.subtitle, margin, 72 * scale, layout.width - 2 * margin);
  context.strokeStyle = "#d8dee4";
  context.lineWidth = Math.max(1, scale);
  context.beginPath();
  context.moveTo(margin, (SLIDE.titleBand - 8) * scale);
  context.lineTo(layout.width - margin, (SLIDE.titleBand - 8) * scale);
  context.stroke();
  drawGraph(input, layout.graph, scale, context, layout.graph);
  const legendTop = layout.graph.y + layout.graph.height;
  drawLegend(context, input, scale, legendTop, layout.width);
  context.fillStyle = MUTED;
  context.font = `${12 * scale}px ${LABEL_FONT}`;
  context.textBaseline = "alphabetic";
  context.fillText(input.text.footer, margin, layout.height - 12 * scale, layout.width - 2 * margin);
  return canvas;
}

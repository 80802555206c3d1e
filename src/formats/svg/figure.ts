/**
 * A figure of a graph, computed before any SVG is written (write.ts): the page (title, the "as of" line, the
 * legend, the source line), the graph fitted into the space left, each entity's shape, size, colour and label
 * (with the labels that would cross a bigger entity or its label kept but hidden), and each relation's path and arrowhead
 * as the explorer draws them (geometry.ts). Pure; the same input gives the same figure.
 */
import stringWidth from "string-width";
import type { AtlasGraph } from "../../graph/types.ts";
import { datePrecision } from "../../model/dates.ts";
import { ENTITY_KINDS, RELATION_FAMILIES, type EntityKind, type RelationFamily } from "../../model/ontology.ts";
import { ENTITY_KIND_LOOKS, RELATION_FAMILY_LOOKS, hexColor, type LabelSide, type NodeShape } from "../../model/presentation.ts";
import { plural } from "../../model/text.ts";
import { drawRelation, loopPath, parallelCurvatures, relationPath, type DrawnRelation, type Vec } from "./geometry.ts";

export interface FigureInput {
  readonly graph: AtlasGraph;
  /** Every entity's position in graph space (y pointing up, as the explorer's layout gives them). */
  readonly positions: ReadonlyMap<string, Vec>;
  /** Each entity's radius in pixels. */
  readonly size: (id: string) => number;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  /** The date the view shows (YYYY, YYYY-MM or YYYY-MM-DD), said under the title. */
  readonly asOf?: string | undefined;
  /** The source line: the dataset's name and URL, and the day of the export (YYYY-MM-DD). */
  readonly source: { readonly name: string; readonly url?: string | undefined; readonly date: string };
  /** The labels the explorer draws (which, on which side, how big); without them the figure places its own. */
  readonly labels?: { readonly fontSize: number; readonly side: (id: string) => LabelSide | undefined } | undefined;
  /** Each relation's place among the parallel ones, as the explorer spreads them; without it, among the graph's. */
  readonly parallels?: ((id: string) => { readonly index: number; readonly count: number } | undefined) | undefined;
}

export interface FigureEntity {
  readonly id: string;
  readonly kind: EntityKind;
  readonly label: string;
  readonly shape: NodeShape;
  readonly color: string;
  readonly center: Vec;
  readonly size: number;
  /** The label's anchor on its baseline: its start (right of the entity), end (left) or middle (below, above). */
  readonly labelAt: Vec;
  readonly labelAnchor: "start" | "middle" | "end";
  /** False when the label would cross a bigger entity or its label (or the explorer does not draw it): written hidden, for the editor to show. */
  readonly labelShown: boolean;
}

export interface FigureRelation {
  readonly id: string;
  readonly kind: string;
  readonly family: RelationFamily;
  readonly source: string;
  readonly target: string;
  readonly color: string;
  readonly drawn: DrawnRelation;
}

export interface LegendRow {
  readonly label: string;
  readonly color: string;
  /** An entity kind's shape, or an arrow for a relation family. */
  readonly mark: NodeShape | "arrow";
  readonly key: string;
}

export interface Figure {
  readonly width: number;
  readonly height: number;
  /** The labels' text size in pixels. */
  readonly labelSize: number;
  readonly title: { readonly text: string; readonly at: Vec };
  /** "12 entities, 30 relations, as of November 2019". */
  readonly subtitle: { readonly text: string; readonly at: Vec };
  readonly source: { readonly text: string; readonly at: Vec };
  readonly legend: {
    readonly at: Vec;
    readonly entities: readonly LegendRow[];
    readonly relations: readonly LegendRow[];
  };
  /** The entities, smaller first (bigger ones are drawn over them, with their labels). */
  readonly entities: readonly FigureEntity[];
  /** The relations in the graph's order. */
  readonly relations: readonly FigureRelation[];
}

export const LABEL_FONT_SIZE = 12;
/** Gap between an entity's outline and its label (sigma's default label margin). */
const LABEL_MARGIN = 3;
const PAGE_PADDING = 24;
const TITLE_SIZE = 20;
const SUBTITLE_SIZE = 13;
const SOURCE_SIZE = 11;
export const LEGEND_ROW = 20;
const LEGEND_WIDTH = 170;
const LEGEND_GAP = 16;
/** The explorer's stage padding around the graph. */
const GRAPH_PADDING = 20;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "November 2019", "22 November 2019" or "2019". */
export function spelledDate(date: string): string {
  const [year, month, day] = date.split("-");
  const monthName = month === undefined ? "" : (MONTHS[Number(month) - 1] ?? month);
  switch (datePrecision(date)) {
    case "year":
      return year ?? date;
    case "month":
      return `${monthName} ${year}`;
    case "day":
      return `${Number(day)} ${monthName} ${year}`;
  }
}

/**
 * A label's width in pixels, estimated: display columns (string-width counts CJK as two) times an average
 * advance. Only used to keep labels from overlapping; the text itself is real text, measured by the viewer.
 */
export function estimatedTextWidth(text: string, fontSize: number): number {
  return stringWidth(text) * fontSize * 0.58;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Label boxes placed so far, in a grid of cells, so each new box is tested against its neighbours only. */
class LabelGrid {
  private readonly cells = new Map<string, Box[]>();
  private static readonly CELL = 80;

  private keys(box: Box): string[] {
    const keys: string[] = [];
    const cell = LabelGrid.CELL;
    for (let x = Math.floor(box.x0 / cell); x <= Math.floor(box.x1 / cell); x += 1)
      for (let y = Math.floor(box.y0 / cell); y <= Math.floor(box.y1 / cell); y += 1) keys.push(`${x},${y}`);
    return keys;
  }

  /** Places the box unless it overlaps one already placed (or, `always`, in any case); true when placed. */
  place(box: Box, always = false): boolean {
    const keys = this.keys(box);
    if (!always)
      for (const key of keys)
        for (const other of this.cells.get(key) ?? [])
          if (box.x0 < other.x1 && other.x0 < box.x1 && box.y0 < other.y1 && other.y0 < box.y1) return false;
    for (const key of keys) {
      const list = this.cells.get(key) ?? [];
      list.push(box);
      this.cells.set(key, list);
    }
    return true;
  }
}

interface Frame {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Graph space -> the frame, keeping proportions, centred, y flipped; `shrink` leaves room on the right for labels. */
function fitter(positions: ReadonlyMap<string, Vec>, frame: Frame, margin: number, rightExtra: number): (point: Vec) => Vec {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const { x, y } of positions.values()) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  if (!Number.isFinite(minX)) return () => ({ x: (frame.x0 + frame.x1) / 2, y: (frame.y0 + frame.y1) / 2 });
  const availableWidth = Math.max(1, frame.x1 - frame.x0 - 2 * margin - rightExtra);
  const availableHeight = Math.max(1, frame.y1 - frame.y0 - 2 * margin);
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const scale = Math.min(spanX > 0 ? availableWidth / spanX : Infinity, spanY > 0 ? availableHeight / spanY : Infinity);
  const factor = Number.isFinite(scale) ? scale : 1;
  const left = frame.x0 + margin + (availableWidth - spanX * factor) / 2;
  const top = frame.y0 + margin + (availableHeight - spanY * factor) / 2;
  return ({ x, y }) => ({ x: left + (x - minX) * factor, y: top + (maxY - y) * factor });
}

/** Where a label goes on one side of its entity: its box (for overlaps) and its anchor on the baseline. */
function labelPlace(
  side: LabelSide,
  center: Vec,
  size: number,
  width: number,
  fontSize: number,
): { box: Box; at: Vec; anchor: "start" | "middle" | "end" } {
  const half = fontSize * 0.6;
  const gap = size + LABEL_MARGIN;
  const { x, y } = center;
  switch (side) {
    case "right":
      return { box: { x0: x + gap, y0: y - half, x1: x + gap + width, y1: y + half }, at: { x: x + gap, y: y + fontSize * 0.35 }, anchor: "start" };
    case "left":
      return { box: { x0: x - gap - width, y0: y - half, x1: x - gap, y1: y + half }, at: { x: x - gap, y: y + fontSize * 0.35 }, anchor: "end" };
    case "below":
      return {
        box: { x0: x - width / 2, y0: y + gap, x1: x + width / 2, y1: y + gap + 2 * half },
        at: { x, y: y + gap + fontSize * 0.95 },
        anchor: "middle",
      };
    case "above":
      return {
        box: { x0: x - width / 2, y0: y - gap - 2 * half, x1: x + width / 2, y1: y - gap },
        at: { x, y: y - gap - fontSize * 0.25 },
        anchor: "middle",
      };
  }
}

/** The figure of a graph at the positions given. */
export function computeFigure(input: FigureInput): Figure {
  const { graph, width, height } = input;
  const titleAt = { x: PAGE_PADDING, y: PAGE_PADDING + TITLE_SIZE };
  const subtitleAt = { x: PAGE_PADDING, y: titleAt.y + SUBTITLE_SIZE + 9 };
  const sourceAt = { x: PAGE_PADDING, y: height - PAGE_PADDING + SOURCE_SIZE / 2 };
  const legendX = width - PAGE_PADDING - LEGEND_WIDTH;
  const frame: Frame = { x0: PAGE_PADDING, y0: subtitleAt.y + 12, x1: legendX - LEGEND_GAP, y1: sourceAt.y - SOURCE_SIZE - 12 };

  const ids = graph.nodes();
  const sizes = new Map(ids.map((id) => [id, input.size(id)]));
  const maxSize = Math.max(0, ...sizes.values());
  const labelSize = input.labels?.fontSize ?? LABEL_FONT_SIZE;
  const labelWidths = new Map(ids.map((id) => [id, estimatedTextWidth(graph.getNodeAttribute(id, "label"), labelSize)]));
  // Bigger entities first: their labels win when labels would overlap (sigma keeps the biggest per area too).
  const bySize = [...ids].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));

  /** Places the labels for a fit; returns the screen positions, which labels show and how far they overflow the frame. */
  const place = (rightExtra: number) => {
    const toScreen = fitter(input.positions, frame, maxSize + GRAPH_PADDING, rightExtra);
    const centers = new Map(ids.map((id) => [id, toScreen(input.positions.get(id) ?? { x: 0, y: 0 })]));
    const grid = new LabelGrid();
    const shown = new Map<string, LabelSide>();
    let overflow = 0;
    if (input.labels) {
      // The explorer's labels, each on its side: they do not overlap on its screen, and the figure keeps its proportions.
      for (const id of ids) {
        const side = input.labels.side(id);
        if (side === undefined) continue;
        shown.set(id, side);
        const { box } = labelPlace(side, centers.get(id) as Vec, sizes.get(id) ?? 0, labelWidths.get(id) ?? 0, labelSize);
        overflow = Math.max(overflow, box.x1 - frame.x1);
      }
      return { centers, shown, overflow };
    }
    // A label may not cross the shape of an entity at least as big either (smaller ones it may cover, as in the
    // explorer): before each label, the shapes of every entity as big as its own are in the grid.
    let shapes = 0;
    for (const id of bySize) {
      const center = centers.get(id) as Vec;
      const size = sizes.get(id) ?? 0;
      for (; shapes < bySize.length && (sizes.get(bySize[shapes] as string) ?? 0) >= size; shapes += 1) {
        const other = bySize[shapes] as string;
        const at = centers.get(other) as Vec;
        const radius = sizes.get(other) ?? 0;
        grid.place({ x0: at.x - radius, y0: at.y - radius, x1: at.x + radius, y1: at.y + radius }, true);
      }
      const { box } = labelPlace("right", center, size, labelWidths.get(id) ?? 0, labelSize);
      if (grid.place(box)) {
        shown.set(id, "right");
        overflow = Math.max(overflow, box.x1 - frame.x1);
      }
    }
    return { centers, shown, overflow };
  };
  // Labels may not run into the legend: refit with room for the ones that would, twice at most (a refit moves them).
  let placed = place(0);
  let extra = 0;
  for (let round = 0; round < 2 && placed.overflow > 0.5; round += 1) {
    extra = Math.min(extra + placed.overflow, (frame.x1 - frame.x0) / 2);
    placed = place(extra);
  }

  const entities: FigureEntity[] = [...ids]
    .sort((a, b) => (sizes.get(a) ?? 0) - (sizes.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0))
    .map((id) => {
      const attributes = graph.getNodeAttributes(id);
      const look = ENTITY_KIND_LOOKS[attributes.kind];
      const center = placed.centers.get(id) as Vec;
      const size = sizes.get(id) ?? 0;
      const label = labelPlace(placed.shown.get(id) ?? "right", center, size, 0, labelSize);
      return {
        id,
        kind: attributes.kind,
        label: attributes.label,
        shape: look.shape,
        color: hexColor(look.color),
        center,
        size,
        labelAt: label.at,
        labelAnchor: label.anchor,
        labelShown: placed.shown.has(id),
      };
    });

  const edges = graph.mapEdges((id, attributes, source, target) => ({ id, source, target, attributes }));
  const curvatures = parallelCurvatures(edges, input.parallels);
  const loops = new Map<string, number>();
  const relations: FigureRelation[] = edges.map(({ id, source, target, attributes }) => {
    const from = placed.centers.get(source) as Vec;
    const to = placed.centers.get(target) as Vec;
    const targetLook = ENTITY_KIND_LOOKS[graph.getNodeAttribute(target, "kind")];
    const targetSize = sizes.get(target) ?? 0;
    let path;
    if (source === target) {
      const index = loops.get(source) ?? 0;
      loops.set(source, index + 1);
      path = loopPath(from, targetSize, index);
    } else path = relationPath(from, to, curvatures.get(id) ?? 0);
    return {
      id,
      kind: attributes.kind,
      family: attributes.family,
      source,
      target,
      color: hexColor(RELATION_FAMILY_LOOKS[attributes.family].color),
      drawn: drawRelation(path, { shape: targetLook.shape, center: to, size: targetSize }),
    };
  });

  const kindsShown = new Set(entities.map((entity) => entity.kind));
  const familiesShown = new Set(relations.map((relation) => relation.family));
  const legendEntities = ENTITY_KINDS.filter((kind) => kindsShown.has(kind)).map((kind): LegendRow => ({
    key: kind,
    label: ENTITY_KIND_LOOKS[kind].label,
    color: hexColor(ENTITY_KIND_LOOKS[kind].color),
    mark: ENTITY_KIND_LOOKS[kind].shape,
  }));
  const legendRelations = RELATION_FAMILIES.filter((family) => familiesShown.has(family)).map((family): LegendRow => ({
    key: family,
    label: RELATION_FAMILY_LOOKS[family].label,
    color: hexColor(RELATION_FAMILY_LOOKS[family].color),
    mark: "arrow",
  }));

  const counts = `${plural(graph.order, "entity", "entities")}, ${plural(graph.size, "relation")}`;
  const { source } = input;
  return {
    width,
    height,
    labelSize,
    title: { text: input.title, at: titleAt },
    subtitle: { text: input.asOf === undefined ? counts : `${counts}, as of ${spelledDate(input.asOf)}`, at: subtitleAt },
    source: {
      text: `Source: ${source.name}${source.url === undefined ? "" : ` (${source.url})`}. Exported ${source.date} with Leverage Atlas.`,
      at: sourceAt,
    },
    legend: { at: { x: legendX, y: frame.y0 + 4 }, entities: legendEntities, relations: legendRelations },
    entities,
    relations,
  };
}

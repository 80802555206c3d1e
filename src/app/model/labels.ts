/**
 * Which entities the graph labels, and on which side: a pure placement in screen pixels that sigma
 * then draws (render/labels.ts sets each entity's label visibility and position, sigma's own style
 * properties). Labels go in order of importance (the focus, the selection and the path first, then
 * the entities with most relations shown), each on the first side of its entity where it overlaps no
 * label already placed, no other entity and no panel over the graph; a label that finds no room is
 * left out unless it must be drawn.
 *
 * Hand-written because sigma 4's label grid keeps the biggest entities per grid cell but never tests
 * one label's box against another's, so neighbours in adjacent cells overlap ("ZTE Corporation" on
 * "Huawei Technologies").
 */

export const LABEL_DENSITIES = ["few", "some", "many", "all"] as const;
export type LabelDensity = (typeof LABEL_DENSITIES)[number];
export const LABEL_SIZES = ["small", "medium", "large"] as const;
export type LabelSize = (typeof LABEL_SIZES)[number];

export const LABEL_DENSITY_NAMES: Readonly<Record<LabelDensity, string>> = {
  few: "Few labels",
  some: "Some labels",
  many: "Many labels",
  all: "All labels",
};
export const LABEL_SIZE_NAMES: Readonly<Record<LabelSize, string>> = { small: "Small", medium: "Medium", large: "Large" };

/** sigma's own label density for each preference, for views too big to place labels one by one (its label grid). */
export const LABEL_GRID_DENSITY: Readonly<Record<LabelDensity, number>> = { few: 0.1, some: 0.3, many: 1, all: 4 };

/** Label text sizes in pixels. */
export const LABEL_FONT_PX: Readonly<Record<LabelSize, number>> = { small: 11, medium: 13, large: 15 };

/** Free pixels kept around every label box: "few" leaves much room between labels, so fewer fit. */
const SPACING_PX: Readonly<Record<Exclude<LabelDensity, "all">, number>> = { few: 28, some: 8, many: 1 };

/**
 * The most connected entities of the view (this many, by density) are labelled even where their label
 * must cover smaller entities (never another label nor a panel): in a dense core every side of a hub
 * touches some entity, and the hubs are the labels a reader needs first.
 */
const HUBS: Readonly<Record<Exclude<LabelDensity, "all">, number>> = { few: 6, some: 12, many: 24 };

/** Views of at most this many entities label every one of them. */
export const ALWAYS_LABEL_UP_TO = 30;

/** Sigma's gap between an entity's edge and its label (DEFAULT_LABEL_MARGIN), and the label background's padding. */
export const LABEL_MARGIN_PX = 5;
export const LABEL_PADDING_PX = 2;

export type LabelSide = "right" | "left" | "below" | "above";
/** The sides tried, in order: right reads best, left next, then under and over the entity. */
const SIDES: readonly LabelSide[] = ["right", "left", "below", "above"];

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LabelCandidate {
  id: string;
  /** The entity's centre and radius on screen, in pixels. */
  x: number;
  y: number;
  radius: number;
  /** The label text's width and line height, in pixels. */
  width: number;
  height: number;
  /** Drawn whatever the room (the focus, the selection, a path, small views, "all labels"). */
  forced: boolean;
  /** Lower goes first (minus the number of relations shown, so the most connected entities are labelled first). */
  priority: number;
}

export interface PlacedLabel {
  id: string;
  side: LabelSide;
  /** The label's box on screen (its background included). */
  box: Box;
}

export interface PlacementOptions {
  /** The drawing's size in pixels: labels that would leave it are not placed (forced ones excepted). */
  width: number;
  height: number;
  /** Screen areas labels stay clear of: the toolbar and other panels over the graph. */
  obstacles: readonly Box[];
  density: LabelDensity;
}

export function labelBox(candidate: Pick<LabelCandidate, "x" | "y" | "radius" | "width" | "height">, side: LabelSide): Box {
  const { x, y, radius, width, height } = candidate;
  const start = radius + LABEL_MARGIN_PX;
  const pad = LABEL_PADDING_PX;
  switch (side) {
    case "right":
      return { left: x + start - pad, right: x + start + width + pad, top: y - height / 2 - pad, bottom: y + height / 2 + pad };
    case "left":
      return { left: x - start - width - pad, right: x - start + pad, top: y - height / 2 - pad, bottom: y + height / 2 + pad };
    case "below":
      return { left: x - width / 2 - pad, right: x + width / 2 + pad, top: y + start - pad, bottom: y + start + height + pad };
    case "above":
      return { left: x - width / 2 - pad, right: x + width / 2 + pad, top: y - start - height - pad, bottom: y - start + pad };
  }
}

export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
}

const area = (box: Box): number => (box.right - box.left) * (box.bottom - box.top);

/** The area two boxes share, in square pixels. */
function sharedArea(a: Box, b: Box): number {
  return Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
}

/** A uniform grid of boxes, so each test looks at the few boxes near it rather than all of them. */
class BoxGrid<T extends { box: Box }> {
  private readonly cells = new Map<number, T[]>();
  constructor(private readonly cell: number) {}

  private keys(box: Box, gap: number): number[] {
    const keys: number[] = [];
    const x0 = Math.floor((box.left - gap) / this.cell);
    const x1 = Math.floor((box.right + gap) / this.cell);
    const y0 = Math.floor((box.top - gap) / this.cell);
    const y1 = Math.floor((box.bottom + gap) / this.cell);
    // Keys pack a cell's column and row into one number; a drawing is far smaller than 2^20 cells across.
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) keys.push(cx * 1_048_576 + cy);
    return keys;
  }

  add(item: T): void {
    for (const key of this.keys(item.box, 0)) {
      const list = this.cells.get(key);
      if (list) list.push(item);
      else this.cells.set(key, [item]);
    }
  }

  near(box: Box, gap: number): Set<T> {
    const found = new Set<T>();
    for (const key of this.keys(box, gap)) for (const item of this.cells.get(key) ?? []) found.add(item);
    return found;
  }
}

const inside = (box: Box, width: number, height: number): boolean =>
  box.left >= 0 && box.top >= 0 && box.right <= width && box.bottom <= height;

/** Places the labels that fit (and every forced one), most important first. */
export function placeLabels(candidates: readonly LabelCandidate[], options: PlacementOptions): PlacedLabel[] {
  const spacing = options.density === "all" ? 0 : SPACING_PX[options.density];
  const ordered = [...candidates].sort(
    (a, b) => Number(b.forced) - Number(a.forced) || a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const labels = new BoxGrid<PlacedLabel>(96);
  const discs = new BoxGrid<{ id: string; box: Box }>(96);
  for (const candidate of candidates) {
    const r = candidate.radius;
    discs.add({ id: candidate.id, box: { left: candidate.x - r, right: candidate.x + r, top: candidate.y - r, bottom: candidate.y + r } });
  }
  const placed: PlacedLabel[] = [];
  let hubs = options.density === "all" ? 0 : HUBS[options.density];
  for (const candidate of ordered) {
    const forced = candidate.forced || options.density === "all";
    const hub = !forced && hubs > 0;
    if (hub) hubs -= 1;
    let best: { side: LabelSide; box: Box; cost: number } | null = null;
    for (const side of SIDES) {
      const box = labelBox(candidate, side);
      const onScreen = inside(box, options.width, options.height);
      if (!onScreen && !forced) continue;
      // What the label would cover: other labels (with the density's spacing), panels, other entities.
      let blocked = 0;
      for (const other of labels.near(box, spacing)) if (boxesOverlap(box, other.box, spacing)) blocked += 1 + sharedArea(box, other.box);
      for (const obstacle of options.obstacles) if (boxesOverlap(box, obstacle)) blocked += 1 + sharedArea(box, obstacle);
      let covered = 0;
      for (const disc of discs.near(box, 0)) if (disc.id !== candidate.id && boxesOverlap(box, disc.box)) covered += 1 + sharedArea(box, disc.box);
      // A label cut by the drawing's edge is as unreadable as a covered one: its hidden part counts double.
      const offScreen = onScreen ? 0 : 1 + 2 * (area(box) - sharedArea(box, { left: 0, top: 0, right: options.width, bottom: options.height }));
      const cost = blocked + covered + offScreen;
      if (cost === 0) {
        best = { side, box, cost };
        break;
      }
      // A hub may cover entities (on its least crowded side), a forced label anything.
      if ((forced || (hub && blocked === 0)) && (best === null || cost < best.cost)) best = { side, box, cost };
    }
    if (best === null) continue;
    const label = { id: candidate.id, side: best.side, box: best.box };
    placed.push(label);
    labels.add(label);
  }
  return placed;
}

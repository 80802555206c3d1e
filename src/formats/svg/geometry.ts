/**
 * The geometry of a figure drawn the way the explorer's sigma renderer draws it, in screen pixels (y down):
 * node shapes (their outlines and what lies inside them), relations as straight lines or as quadratic curves
 * bent apart when parallel (sigma's `parallelPath: "curved"`: curvature (i - (n - 1) / 2) * 0.25 of the length,
 * negated for relations running against the pair's sorted order), loops, and arrowheads whose tip touches the
 * target's outline. Written here because sigma computes all of it in its WebGL shaders, which an SVG cannot use.
 */
import type { NodeShape } from "../../model/presentation.ts";

export interface Vec {
  readonly x: number;
  readonly y: number;
}

/** sigma's defaults as the explorer uses them (render/renderer.ts): relation width, arrowhead length and width per width. */
export const EDGE_WIDTH = 1.6;
export const ARROW_LENGTH_RATIO = 5;
export const ARROW_WIDTH_RATIO = 4;
/** sigma's parallel spread factor (pathCurved's `spread`). */
export const PARALLEL_SPREAD = 0.25;

const SQRT3 = Math.sqrt(3);

/** The outline of a shape of radius `size` around `center`, as SVG element attributes (circle, or a polygon's points). */
export function shapeOutline(shape: NodeShape, center: Vec, size: number): { circle: { r: number } } | { polygon: Vec[] } {
  const { x, y } = center;
  switch (shape) {
    case "circle":
      return { circle: { r: size } };
    case "square":
      return {
        polygon: [
          { x: x - size, y: y - size },
          { x: x + size, y: y - size },
          { x: x + size, y: y + size },
          { x: x - size, y: y + size },
        ],
      };
    case "diamond":
      return {
        polygon: [
          { x, y: y - size },
          { x: x + size, y },
          { x, y: y + size },
          { x: x - size, y },
        ],
      };
    case "triangle":
      // Equilateral, pointing up, `size` from its centre to each corner (sigma's sdfTriangle).
      return {
        polygon: [
          { x, y: y - size },
          { x: x + (size * SQRT3) / 2, y: y + size / 2 },
          { x: x - (size * SQRT3) / 2, y: y + size / 2 },
        ],
      };
  }
}

/** Whether a point lies inside a shape of radius `size` around `center` (a convex polygon: on the inner side of every side). */
export function insideShape(shape: NodeShape, center: Vec, size: number, point: Vec): boolean {
  const outline = shapeOutline(shape, center, size);
  if ("circle" in outline) return (point.x - center.x) ** 2 + (point.y - center.y) ** 2 <= size * size;
  const corners = outline.polygon;
  return corners.every((corner, index) => {
    const next = corners[(index + 1) % corners.length] as Vec;
    // The corners go clockwise on screen: inside is where the cross product is not negative.
    return (next.x - corner.x) * (point.y - corner.y) - (next.y - corner.y) * (point.x - corner.x) >= 0;
  });
}

/** A relation's path: a line, a quadratic curve (one control point), or a loop (a cubic curve with two). */
export type EdgePath =
  | { readonly type: "line"; readonly from: Vec; readonly to: Vec }
  | { readonly type: "quadratic"; readonly from: Vec; readonly control: Vec; readonly to: Vec }
  | { readonly type: "cubic"; readonly from: Vec; readonly control1: Vec; readonly control2: Vec; readonly to: Vec };

function lerp(a: Vec, b: Vec, t: number): Vec {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/** The point at t in [0, 1] along a path. */
export function pointAt(path: EdgePath, t: number): Vec {
  if (path.type === "line") return lerp(path.from, path.to, t);
  if (path.type === "quadratic") return lerp(lerp(path.from, path.control, t), lerp(path.control, path.to, t), t);
  const a = lerp(path.from, path.control1, t);
  const b = lerp(path.control1, path.control2, t);
  const c = lerp(path.control2, path.to, t);
  return lerp(lerp(a, b, t), lerp(b, c, t), t);
}

/** The part of a path from t = 0 to t = `end` (de Casteljau's split), the same kind of path. */
export function pathUntil(path: EdgePath, end: number): EdgePath {
  if (path.type === "line") return { type: "line", from: path.from, to: lerp(path.from, path.to, end) };
  if (path.type === "quadratic") {
    const control = lerp(path.from, path.control, end);
    return { type: "quadratic", from: path.from, control, to: pointAt(path, end) };
  }
  const control1 = lerp(path.from, path.control1, end);
  const middle = lerp(path.control1, path.control2, end);
  const control2 = lerp(control1, middle, end);
  return { type: "cubic", from: path.from, control1, control2, to: pointAt(path, end) };
}

/**
 * The last t at which the path is still outside the target's shape, found by bisection from the path's end
 * backwards (the path ends at the target's centre); 1 when the target has no size.
 */
export function entryIntoTarget(path: EdgePath, shape: NodeShape, center: Vec, size: number): number {
  if (size <= 0) return 1;
  // Walk back until outside: a loop or a curve may leave and re-enter; the last crossing is the one drawn.
  const steps = 64;
  let outside = -1;
  for (let i = steps - 1; i >= 0; i -= 1) {
    if (!insideShape(shape, center, size, pointAt(path, i / steps))) {
      outside = i / steps;
      break;
    }
  }
  if (outside < 0) return 0;
  let low = outside;
  let high = Math.min(1, outside + 1 / steps);
  for (let i = 0; i < 30; i += 1) {
    const middle = (low + high) / 2;
    if (insideShape(shape, center, size, pointAt(path, middle))) high = middle;
    else low = middle;
  }
  return low;
}

/** The distance along a path between two t values, by summing short chords (enough for arrowheads of a few pixels). */
function lengthBetween(path: EdgePath, from: number, to: number): number {
  const steps = 32;
  let length = 0;
  let previous = pointAt(path, from);
  for (let i = 1; i <= steps; i += 1) {
    const next = pointAt(path, from + ((to - from) * i) / steps);
    length += Math.hypot(next.x - previous.x, next.y - previous.y);
    previous = next;
  }
  return length;
}

/** The t that lies `distance` before `end` along the path (0 when the path is shorter). */
function tBefore(path: EdgePath, end: number, distance: number): number {
  if (lengthBetween(path, 0, end) <= distance) return 0;
  let low = 0;
  let high = end;
  for (let i = 0; i < 30; i += 1) {
    const middle = (low + high) / 2;
    if (lengthBetween(path, middle, end) > distance) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

export interface DrawnRelation {
  /** The body, from the source's centre to the arrowhead's base. */
  readonly body: EdgePath;
  /** The arrowhead: tip on the target's outline, base corners on either side of the body's end. */
  readonly head: readonly [Vec, Vec, Vec];
}

/**
 * A relation drawn like sigma draws it: its body from the source's centre (hidden under the source) to the
 * base of an arrowhead whose tip touches the target's outline; on a short relation the arrowhead shrinks so a
 * little body is left, as sigma's extremity scaling does.
 */
export function drawRelation(path: EdgePath, target: { shape: NodeShape; center: Vec; size: number }, width = EDGE_WIDTH): DrawnRelation {
  const tipT = entryIntoTarget(path, target.shape, target.center, target.size);
  const visible = lengthBetween(path, 0, tipT);
  const wanted = ARROW_LENGTH_RATIO * width;
  // sigma keeps a body at least as long as the edge is wide, shrinking the arrowhead when the edge is too short.
  const scale = Math.min(1, visible / (wanted + width));
  const headLength = wanted * scale;
  const baseT = tBefore(path, tipT, headLength);
  const tip = pointAt(path, tipT);
  const base = pointAt(path, baseT);
  let dx = tip.x - base.x;
  let dy = tip.y - base.y;
  const length = Math.hypot(dx, dy);
  if (length > 0) {
    dx /= length;
    dy /= length;
  } else {
    dx = 1;
    dy = 0;
  }
  const half = (ARROW_WIDTH_RATIO * width * scale) / 2;
  const left = { x: base.x - dy * half, y: base.y + dx * half };
  const right = { x: base.x + dy * half, y: base.y - dx * half };
  return { body: pathUntil(path, baseT), head: [tip, left, right] };
}

/**
 * The path between two entities: straight, or bent by `curvature` (a fraction of the length, perpendicular to
 * the line, as sigma's curved path); in graph space y points up, so the perpendicular is taken before the flip.
 */
export function relationPath(from: Vec, to: Vec, curvature: number): EdgePath {
  if (curvature === 0) return { type: "line", from, to };
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  // sigma's perpendicular (-dy, dx) in y-up graph space is (dy, -dx) on a y-down screen.
  const control = { x: (from.x + to.x) / 2 + dy * curvature, y: (from.y + to.y) / 2 - dx * curvature };
  return { type: "quadratic", from, control, to };
}

/**
 * A loop from an entity to itself, above it (sigma's pathLoop draws a teardrop leaving and re-entering the
 * node); the `index`th loop of the same entity is drawn larger.
 */
export function loopPath(center: Vec, size: number, index: number): EdgePath {
  const reach = size * 2.5 + 10 + index * 8;
  const spread = Math.PI / 5;
  const out = -Math.PI / 2 - spread;
  const back = -Math.PI / 2 + spread;
  return {
    type: "cubic",
    from: center,
    control1: { x: center.x + Math.cos(out) * reach * 1.6, y: center.y + Math.sin(out) * reach * 1.6 },
    control2: { x: center.x + Math.cos(back) * reach * 1.6, y: center.y + Math.sin(back) * reach * 1.6 },
    to: center,
  };
}

/**
 * The curvature of each relation among parallel ones, as sigma spreads them: relations between the same two
 * entities (either way) are ordered with those running from the smaller id first, then bent by
 * (i - (n - 1) / 2) * spread, negated when the relation runs from the larger id (its perpendicular is flipped).
 * A lone relation is straight.
 */
export function parallelCurvatures(
  relations: readonly { id: string; source: string; target: string }[],
  /** Each relation's index and count among its parallels when the drawing counted them (the explorer's sigma). */
  given?: (id: string) => { readonly index: number; readonly count: number } | undefined,
): Map<string, number> {
  const curvatures = new Map<string, number>();
  if (given)
    for (const relation of relations) {
      const place = given(relation.id);
      if (relation.source === relation.target || place === undefined || place.count < 2) continue;
      const spread = (place.index - (place.count - 1) / 2) * PARALLEL_SPREAD;
      curvatures.set(relation.id, relation.source > relation.target ? -spread : spread);
    }
  if (given) return curvatures;
  const groups = new Map<string, { id: string; source: string; target: string }[]>();
  for (const relation of relations) {
    if (relation.source === relation.target) continue;
    const key = relation.source < relation.target ? `${relation.source}\0${relation.target}` : `${relation.target}\0${relation.source}`;
    const group = groups.get(key) ?? [];
    group.push(relation);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // Forward relations (from the smaller id) first, each side in the graph's order (a stable sort).
    const ordered = [...group].sort((a, b) => Number(a.source > a.target) - Number(b.source > b.target));
    ordered.forEach((relation, index) => {
      const spread = (index - (ordered.length - 1) / 2) * PARALLEL_SPREAD;
      curvatures.set(relation.id, relation.source > relation.target ? -spread : spread);
    });
  }
  return curvatures;
}

/**
 * Box selection, as pure geometry: the dragged rectangle's corners are converted to graph coordinates
 * by the renderer (sigma's viewportToGraph), which can turn a screen rectangle into any convex
 * quadrilateral (the y axis flips; a rotated camera rotates it). An entity is inside when its graph
 * position is inside that quadrilateral. Hand-written because it is a dozen lines of arithmetic that
 * neither sigma nor graphology offers.
 */

export interface Point {
  x: number;
  y: number;
}

/** A drag shorter than this (screen pixels) in both directions is a click, not a box. */
export const MIN_BOX_PIXELS = 4;

/** The four corners of the rectangle spanned by two screen points, in order around it. */
export function boxCorners(a: Point, b: Point): [Point, Point, Point, Point] {
  const left = Math.min(a.x, b.x);
  const right = Math.max(a.x, b.x);
  const top = Math.min(a.y, b.y);
  const bottom = Math.max(a.y, b.y);
  return [
    { x: left, y: top },
    { x: right, y: top },
    { x: right, y: bottom },
    { x: left, y: bottom },
  ];
}

/** True when the drag from a to b is big enough to be a box. */
export function isBox(a: Point, b: Point): boolean {
  return Math.abs(a.x - b.x) >= MIN_BOX_PIXELS || Math.abs(a.y - b.y) >= MIN_BOX_PIXELS;
}

/**
 * A test for points inside the convex polygon with these corners (in order, either orientation),
 * edges included. A degenerate polygon (zero area) contains nothing.
 */
export function insideConvex(corners: readonly Point[]): (point: Point) => boolean {
  const n = corners.length;
  let area = 0;
  for (let i = 0; i < n; i++) {
    const a = corners[i] as Point;
    const b = corners[(i + 1) % n] as Point;
    area += a.x * b.y - b.x * a.y;
  }
  if (n < 3 || area === 0 || !Number.isFinite(area)) return () => false;
  const sign = Math.sign(area);
  return (point) => {
    for (let i = 0; i < n; i++) {
      const a = corners[i] as Point;
      const b = corners[(i + 1) % n] as Point;
      const cross = (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x);
      if (cross * sign < 0) return false;
    }
    return true;
  };
}

/**
 * The ids of the candidates whose position lies inside the polygon. `forEach` is graphology's node
 * iteration (or any iteration of id and position); `keep` excludes candidates (e.g. hidden entities).
 */
export function nodesInside(
  corners: readonly Point[],
  forEach: (callback: (id: string, position: Point) => void) => void,
  keep: (id: string) => boolean = () => true,
): string[] {
  const inside = insideConvex(corners);
  const hits: string[] = [];
  forEach((id, position) => {
    if (inside(position) && keep(id)) hits.push(id);
  });
  return hits;
}

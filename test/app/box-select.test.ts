import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { boxCorners, insideConvex, isBox, nodesInside, type Point } from "../../src/app/model/box-select.ts";

const points = (entries: Record<string, Point>) => (callback: (id: string, position: Point) => void) => {
  for (const [id, position] of Object.entries(entries)) callback(id, position);
};

describe("box selection", () => {
  it("spans the same rectangle whichever way it is dragged", () => {
    const expected = [
      { x: 10, y: 20 },
      { x: 50, y: 20 },
      { x: 50, y: 80 },
      { x: 10, y: 80 },
    ];
    expect(boxCorners({ x: 10, y: 20 }, { x: 50, y: 80 })).toEqual(expected);
    expect(boxCorners({ x: 50, y: 80 }, { x: 10, y: 20 })).toEqual(expected);
    expect(boxCorners({ x: 10, y: 80 }, { x: 50, y: 20 })).toEqual(expected);
  });

  it("treats a tiny drag as a click, not a box", () => {
    expect(isBox({ x: 0, y: 0 }, { x: 2, y: 3 })).toBe(false);
    expect(isBox({ x: 0, y: 0 }, { x: 0, y: 4 })).toBe(true);
  });

  it("finds the entities inside, edges included, and leaves out those outside or excluded", () => {
    const corners = boxCorners({ x: 0, y: 0 }, { x: 10, y: 10 });
    const hits = nodesInside(
      corners,
      points({ in: { x: 5, y: 5 }, edge: { x: 10, y: 3 }, corner: { x: 0, y: 0 }, out: { x: 11, y: 5 }, hidden: { x: 4, y: 4 } }),
      (id) => id !== "hidden",
    );
    expect(hits).toEqual(["in", "edge", "corner"]);
  });

  it("works on the quadrilateral a flipped or rotated camera makes of the screen rectangle", () => {
    // Graph coordinates have y pointing up (corners come clockwise on screen, anticlockwise here).
    const flipped = boxCorners({ x: 0, y: 0 }, { x: 4, y: 2 }).map(({ x, y }) => ({ x, y: -y }));
    expect(insideConvex(flipped)({ x: 2, y: -1 })).toBe(true);
    expect(insideConvex(flipped)({ x: 2, y: 1 })).toBe(false);
    // A square rotated 45 degrees: a diamond around the origin.
    const diamond = [
      { x: 0, y: -1 },
      { x: 1, y: 0 },
      { x: 0, y: 1 },
      { x: -1, y: 0 },
    ];
    expect(insideConvex(diamond)({ x: 0.4, y: 0.4 })).toBe(true);
    expect(insideConvex(diamond)({ x: 0.6, y: 0.6 })).toBe(false);
  });

  it("contains nothing when the box has no area", () => {
    expect(insideConvex(boxCorners({ x: 3, y: 3 }, { x: 3, y: 9 }))({ x: 3, y: 5 })).toBe(false);
  });

  it("agrees with a plain bounds check for axis-aligned boxes", () => {
    const coordinate = fc.integer({ min: -1000, max: 1000 });
    const point = fc.record({ x: coordinate, y: coordinate });
    fc.assert(
      fc.property(point, point, point, (a, b, p) => {
        fc.pre(a.x !== b.x && a.y !== b.y);
        const expected = p.x >= Math.min(a.x, b.x) && p.x <= Math.max(a.x, b.x) && p.y >= Math.min(a.y, b.y) && p.y <= Math.max(a.y, b.y);
        expect(insideConvex(boxCorners(a, b))(p)).toBe(expected);
      }),
    );
  });
});

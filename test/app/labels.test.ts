import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { boxesOverlap, labelBox, placeLabels, type LabelCandidate, type PlacementOptions } from "../../src/app/model/labels.ts";

const candidate = (id: string, x: number, y: number, patch: Partial<LabelCandidate> = {}): LabelCandidate => ({
  id,
  x,
  y,
  radius: 6,
  width: 120,
  height: 16,
  forced: false,
  priority: 0,
  ...patch,
});

const options = (patch: Partial<PlacementOptions> = {}): PlacementOptions => ({
  width: 800,
  height: 600,
  obstacles: [],
  density: "some",
  ...patch,
});

describe("label placement", () => {
  it("labels two close entities on different sides instead of drawing one label over the other", () => {
    // "Huawei Technologies" and "ZTE Corporation" 14 px apart: both right-hand labels would overlap.
    const placed = placeLabels(
      [candidate("huawei", 400, 300, { priority: -174 }), candidate("zte", 400, 314, { priority: -32 })],
      options({ density: "many" }),
    );
    expect(placed.map((label) => label.id).sort()).toEqual(["huawei", "zte"]);
    const [a, b] = placed;
    if (!a || !b) throw new Error("two labels expected");
    expect(boxesOverlap(a.box, b.box)).toBe(false);
    expect(placed.find((label) => label.id === "huawei")?.side).toBe("right");
  });

  it("gives room to the most connected entity first and leaves out a label that fits nowhere", () => {
    // Three entities in a row: the hub's label takes the room the others would need.
    const crowd = [
      candidate("hub", 400, 300, { priority: -100, width: 200 }),
      candidate("a", 394, 300, { priority: -1, width: 200 }),
      candidate("b", 406, 300, { priority: -2, width: 200 }),
    ];
    const placed = placeLabels(crowd, options());
    expect(placed[0]?.id).toBe("hub");
    for (const [i, label] of placed.entries())
      for (const other of placed.slice(i + 1)) expect(boxesOverlap(label.box, other.box)).toBe(false);
  });

  it("keeps labels off the panels over the graph and inside the drawing", () => {
    const toolbar = { left: 0, top: 0, right: 800, bottom: 40 };
    const placed = placeLabels([candidate("top", 100, 30), candidate("edge", 790, 300)], options({ obstacles: [toolbar] }));
    for (const label of placed) {
      expect(boxesOverlap(label.box, toolbar)).toBe(false);
      expect(label.box.left).toBeGreaterThanOrEqual(0);
      expect(label.box.right).toBeLessThanOrEqual(800);
    }
    // Near the right edge the label goes to the left of its entity.
    expect(placed.find((label) => label.id === "edge")?.side).toBe("left");
  });

  it("always draws forced labels (focus, selection, small views), on their least crowded side", () => {
    const placed = placeLabels(
      [candidate("focus", 400, 300, { forced: true }), candidate("other", 400, 300, { forced: true, priority: -5 })],
      options({ density: "few" }),
    );
    expect(placed.map((label) => label.id).sort()).toEqual(["focus", "other"]);
  });

  it("labels fewer entities at a lower density and every one at 'all'", () => {
    const grid = Array.from({ length: 60 }, (_, i) => candidate(`n${i}`, 40 + (i % 10) * 75, 40 + Math.floor(i / 10) * 90, { priority: -i }));
    const few = placeLabels(grid, options({ density: "few" })).length;
    const many = placeLabels(grid, options({ density: "many" })).length;
    expect(few).toBeLessThan(many);
    expect(placeLabels(grid, options({ density: "all" }))).toHaveLength(60);
  });

  it("never overlaps two labels it chose to draw unforced, wherever the entities are", () => {
    const point = fc.record({ x: fc.integer({ min: 0, max: 800 }), y: fc.integer({ min: 0, max: 600 }), w: fc.integer({ min: 20, max: 200 }) });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 80 }), fc.constantFrom("few" as const, "some" as const, "many" as const), (points, density) => {
        const placed = placeLabels(
          points.map((p, i) => candidate(`n${i}`, p.x, p.y, { width: p.w, priority: -i })),
          options({ density }),
        );
        for (const [i, label] of placed.entries()) {
          expect(label.box.left).toBeGreaterThanOrEqual(0);
          expect(label.box.bottom).toBeLessThanOrEqual(600);
          for (const other of placed.slice(i + 1)) expect(boxesOverlap(label.box, other.box)).toBe(false);
        }
      }),
    );
  });

  it("puts the label box where sigma draws it: past the entity's edge and sigma's margin", () => {
    const box = labelBox({ x: 100, y: 50, radius: 10, width: 80, height: 16 }, "right");
    expect(box.left).toBeGreaterThan(110);
    expect(box.right - box.left).toBeGreaterThanOrEqual(80);
    expect(labelBox({ x: 100, y: 50, radius: 10, width: 80, height: 16 }, "left").right).toBeLessThan(90);
  });
});

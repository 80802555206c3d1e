import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENTITY_KINDS, RELATION_FAMILIES } from "../../src/model/ontology.ts";
import {
  ENTITY_KIND_COLORS,
  ENTITY_KIND_LOOKS,
  RELATION_FAMILY_COLORS,
  RELATION_FAMILY_LOOKS,
  hexColor,
} from "../../src/model/presentation.ts";
import { REPO_ROOT } from "../formats/support.ts";

describe("the presentation table", () => {
  it("gives every entity kind its own label and colour, and a shape", () => {
    expect(new Set(ENTITY_KINDS.map((kind) => ENTITY_KIND_LOOKS[kind].label)).size).toBe(ENTITY_KINDS.length);
    expect(new Set(ENTITY_KINDS.map((kind) => ENTITY_KIND_LOOKS[kind].color.join())).size).toBe(ENTITY_KINDS.length);
    for (const kind of ENTITY_KINDS) expect(["circle", "square", "diamond", "triangle"]).toContain(ENTITY_KIND_LOOKS[kind].shape);
    expect(ENTITY_KIND_COLORS.vendor).toEqual(ENTITY_KIND_LOOKS.vendor.color);
  });

  it("gives every relation family its own colour, which the stylesheet's custom properties repeat", () => {
    const css = readFileSync(path.join(REPO_ROOT, "src/app/styles/base.css"), "utf8");
    for (const family of RELATION_FAMILIES) {
      expect(RELATION_FAMILY_COLORS[family]).toEqual(RELATION_FAMILY_LOOKS[family].color);
      // The stylesheet cannot import the table; this keeps its family colours (panel borders) equal to it.
      const declared = new RegExp(`--${family}:\\s*(#[0-9a-f]{6});`, "i").exec(css)?.[1];
      expect(declared?.toUpperCase(), `--${family} in styles/base.css`).toBe(hexColor(RELATION_FAMILY_LOOKS[family].color));
    }
  });
});

/**
 * The explorer's colours and shapes. Kind and family colours come from src/formats/colors.ts (the one
 * table, shared with exported files); shapes repeat the kind groups for readers who cannot rely on
 * colour: circles for actors, squares for companies, diamonds for instruments, triangles for cases.
 */
import { ENTITY_KINDS, RELATION_FAMILIES, type EntityKind, type RelationFamily } from "../../model/ontology.ts";
import { ENTITY_KIND_COLORS, RELATION_FAMILY_COLORS, type Rgb } from "../../formats/colors.ts";

/** "#RRGGBB" for an RGB triple (sigma's style dictionaries take colour strings). */
export function hexColor([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((value) => value.toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}

export const KIND_COLORS: Readonly<Record<EntityKind, string>> = Object.fromEntries(
  ENTITY_KINDS.map((kind) => [kind, hexColor(ENTITY_KIND_COLORS[kind])]),
) as Record<EntityKind, string>;

export const FAMILY_COLORS: Readonly<Record<RelationFamily, string>> = Object.fromEntries(
  RELATION_FAMILIES.map((family) => [family, hexColor(RELATION_FAMILY_COLORS[family])]),
) as Record<RelationFamily, string>;

/** Node shapes: circles for actors, squares for companies, diamonds for instruments, triangles for cases. */
export type NodeShape = "circle" | "square" | "diamond" | "triangle";

export const KIND_SHAPES: Readonly<Record<EntityKind, NodeShape>> = {
  government: "circle",
  agency: "circle",
  person: "circle",
  bloc: "circle",
  carrier: "square",
  vendor: "square",
  organization: "square",
  agreement: "diamond",
  policy: "diamond",
  legal_case: "triangle",
};

/** Dimmed items are drawn in solid colours close to the background: opaque blending is cheaper than opacity. */
export const DIMMED_NODE_COLOR = "#DADDE3";
export const DIMMED_EDGE_COLOR = "#E9EBEF";
export const LABEL_COLOR = "#1F2328";
export const BACKGROUND_COLOR = "#FBFBFA";
/** The leverage chain's halo: a dark ring (no hue, so it stands apart from every kind and family colour) on a white disc. */
export const LEVERAGE_RING_COLOR = "#1F2328";
export const LEVERAGE_HALO_COLOR = "#FFFFFF";

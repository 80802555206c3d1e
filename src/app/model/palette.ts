/**
 * Colours and shapes of the explorer, as data. Entity kinds use Paul Tol's "muted" qualitative
 * scheme (designed to stay distinguishable with colour-vision deficiencies) and, for redundancy,
 * a shape per group of kinds; the three relation families use Okabe-Ito vermillion and blue plus
 * a neutral grey, which remain distinct under protanopia, deuteranopia and tritanopia.
 */
import type { EntityKind, RelationFamily } from "../../model/ontology.ts";

export const KIND_COLORS: Readonly<Record<EntityKind, string>> = {
  government: "#332288",
  agency: "#88CCEE",
  person: "#AA4499",
  carrier: "#117733",
  vendor: "#882255",
  organization: "#999933",
  bloc: "#44AA99",
  agreement: "#DDCC77",
  policy: "#CC6677",
  legal_case: "#8C8C8C",
};

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

export const FAMILY_COLORS: Readonly<Record<RelationFamily, string>> = {
  pressure: "#D55E00",
  dependency: "#0072B2",
  structure: "#8F8F8F",
};

/** Dimmed items are drawn in solid colours close to the background: opaque blending is cheaper than opacity. */
export const DIMMED_NODE_COLOR = "#DADDE3";
export const DIMMED_EDGE_COLOR = "#E9EBEF";
export const LABEL_COLOR = "#1F2328";
export const BACKGROUND_COLOR = "#FBFBFA";

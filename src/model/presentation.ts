/**
 * How entity kinds and relation families look, everywhere they are shown: the explorer (nodes, legend,
 * search, chips, details) and exported files (GEXF viz colours, the SVG figure); and how big an entity is
 * drawn for its degree. With ontology.ts, the one place to edit
 * when a kind or family is added: both tables are typed by the ontology's lists, so a missing row does
 * not compile.
 *
 * Kinds use Paul Tol's "muted" qualitative scheme and families Okabe-Ito vermillion (pressure) and blue
 * (dependency) with a neutral grey (structure): both stay distinguishable with colour-vision
 * deficiencies. Shapes repeat the kind groups for readers who cannot rely on colour: circles for actors,
 * squares for companies, diamonds for instruments, triangles for cases. Colours are RGB triples because
 * GEXF viz colours must be written as r/g/b: a `hex` colour crashes networkx's reader (see
 * shared/notes/gexf-interop.md).
 */
import { ENTITY_KINDS, RELATION_FAMILIES, type EntityKind, type RelationFamily } from "./ontology.ts";

export type Rgb = readonly [r: number, g: number, b: number];

/** Node shapes the explorer draws (each has a sigma node program in src/app/renderer.ts). */
export type NodeShape = "circle" | "square" | "diamond" | "triangle";

/** The side of its entity a label is drawn on (the explorer's placement, src/app/model/labels.ts, tries them in this order). */
export type LabelSide = "right" | "left" | "below" | "above";

export interface EntityKindLook {
  /** Shown in the legend, details, search and chips. */
  readonly label: string;
  readonly color: Rgb;
  readonly shape: NodeShape;
}

export interface RelationFamilyLook {
  readonly label: string;
  readonly color: Rgb;
}

export const ENTITY_KIND_LOOKS: Readonly<Record<EntityKind, EntityKindLook>> = {
  government: { label: "Government", color: [51, 34, 136], shape: "circle" },
  agency: { label: "Agency", color: [136, 204, 238], shape: "circle" },
  person: { label: "Person", color: [170, 68, 153], shape: "circle" },
  carrier: { label: "Carrier", color: [17, 119, 51], shape: "square" },
  vendor: { label: "Vendor", color: [136, 34, 85], shape: "square" },
  organization: { label: "Organization", color: [153, 153, 51], shape: "square" },
  bloc: { label: "Bloc", color: [68, 170, 153], shape: "circle" },
  agreement: { label: "Agreement", color: [221, 204, 119], shape: "diamond" },
  policy: { label: "Policy", color: [204, 102, 119], shape: "diamond" },
  legal_case: { label: "Legal case", color: [140, 140, 140], shape: "triangle" },
};

export const RELATION_FAMILY_LOOKS: Readonly<Record<RelationFamily, RelationFamilyLook>> = {
  pressure: { label: "Pressure", color: [213, 94, 0] },
  dependency: { label: "Dependency", color: [0, 114, 178] },
  structure: { label: "Structure", color: [143, 143, 143] },
};

function mapRecord<K extends string, V, W>(keys: readonly K[], record: Readonly<Record<K, V>>, map: (value: V) => W): Record<K, W> {
  return Object.fromEntries(keys.map((key) => [key, map(record[key])])) as Record<K, W>;
}

/** Each kind's colour (a view of ENTITY_KIND_LOOKS). */
export const ENTITY_KIND_COLORS: Readonly<Record<EntityKind, Rgb>> = mapRecord(ENTITY_KINDS, ENTITY_KIND_LOOKS, (look) => look.color);

/** Each family's colour (a view of RELATION_FAMILY_LOOKS). */
export const RELATION_FAMILY_COLORS: Readonly<Record<RelationFamily, Rgb>> = mapRecord(
  RELATION_FAMILIES,
  RELATION_FAMILY_LOOKS,
  (look) => look.color,
);

/** A colour as CSS `rgb(r, g, b)`. */
export function cssColor([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}

/** A colour as "#RRGGBB" (sigma's style dictionaries and CSS custom properties take colour strings). */
export function hexColor([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((value) => value.toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}

export const MIN_NODE_SIZE = 4;
export const MAX_NODE_SIZE = 18;

/** Smaller discs for bigger graphs, so thousands of entities do not cover each other. */
export function nodeSizeRange(order: number): { min: number; max: number } {
  if (order > 5_000) return { min: 1.5, max: 10 };
  if (order > 1_000) return { min: 2.5, max: 14 };
  return { min: MIN_NODE_SIZE, max: MAX_NODE_SIZE };
}

/** An entity's radius in screen pixels by its degree: area grows with degree, so the radius grows with its square root. */
export function sizeForDegree(degree: number, maxDegree: number, range = nodeSizeRange(0)): number {
  if (maxDegree <= 0) return range.min + 2;
  return range.min + (range.max - range.min) * Math.sqrt(degree / maxDegree);
}

/**
 * Colours of entity kinds and relation families, shared by the explorer and exported files (GEXF
 * viz, PNG legend), so a view looks the same in the browser and in Gephi. Kinds use Paul Tol's
 * "muted" qualitative scheme and families Okabe-Ito vermillion (pressure) and blue (dependency)
 * with a neutral grey (structure): both schemes stay distinguishable with colour-vision
 * deficiencies. Stored as RGB triples because GEXF viz colours must be written as r/g/b: a `hex`
 * colour crashes networkx's reader (see shared/notes/gexf-interop.md).
 */
import type { EntityKind, RelationFamily } from "../model/ontology.ts";

export type Rgb = readonly [r: number, g: number, b: number];

export const ENTITY_KIND_COLORS: Readonly<Record<EntityKind, Rgb>> = {
  government: [51, 34, 136],
  agency: [136, 204, 238],
  person: [170, 68, 153],
  carrier: [17, 119, 51],
  vendor: [136, 34, 85],
  organization: [153, 153, 51],
  bloc: [68, 170, 153],
  agreement: [221, 204, 119],
  policy: [204, 102, 119],
  legal_case: [140, 140, 140],
};

export const RELATION_FAMILY_COLORS: Readonly<Record<RelationFamily, Rgb>> = {
  pressure: [213, 94, 0],
  dependency: [0, 114, 178],
  structure: [143, 143, 143],
};

/** A colour as CSS `rgb(r, g, b)` (for the browser). */
export function cssColor([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}

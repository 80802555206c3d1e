/**
 * Colours of entity kinds and relation families in exported files (GEXF viz, PNG legend).
 * Kinds use the Tableau 10 palette (distinct, colour-blind aware); families use red for pressure,
 * blue for dependency and grey for structure. Stored as RGB triples because GEXF viz colours must be
 * written as r/g/b: a `hex` colour crashes networkx's reader (see shared/notes/gexf-interop.md).
 */
import type { EntityKind, RelationFamily } from "../model/ontology.ts";

export type Rgb = readonly [r: number, g: number, b: number];

export const ENTITY_KIND_COLORS: Readonly<Record<EntityKind, Rgb>> = {
  government: [78, 121, 167],
  agency: [118, 183, 178],
  person: [237, 201, 72],
  carrier: [89, 161, 79],
  vendor: [225, 87, 89],
  organization: [176, 122, 161],
  bloc: [242, 142, 43],
  agreement: [156, 117, 95],
  policy: [255, 157, 167],
  legal_case: [186, 176, 172],
};

export const RELATION_FAMILY_COLORS: Readonly<Record<RelationFamily, Rgb>> = {
  pressure: [214, 39, 40],
  dependency: [31, 119, 180],
  structure: [127, 127, 127],
};

/** A colour as CSS `rgb(r, g, b)` (for the browser). */
export function cssColor([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}

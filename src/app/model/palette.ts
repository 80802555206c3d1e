/**
 * The explorer's colours and shapes. Kinds and families look as src/model/presentation.ts says (the one
 * table, shared with exported files); here they become the hex strings and shape names sigma's style
 * dictionaries take, plus the colours of the explorer's own states (dimmed, labels, background, halo).
 */
import { ENTITY_KINDS, RELATION_FAMILIES, type EntityKind, type RelationFamily } from "../../model/ontology.ts";
import { ENTITY_KIND_LOOKS, RELATION_FAMILY_LOOKS, hexColor, type NodeShape } from "../../model/presentation.ts";

export { hexColor, type NodeShape };

function byKey<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, V>;
}

export const KIND_COLORS: Readonly<Record<EntityKind, string>> = byKey(ENTITY_KINDS, (kind) => hexColor(ENTITY_KIND_LOOKS[kind].color));

export const FAMILY_COLORS: Readonly<Record<RelationFamily, string>> = byKey(RELATION_FAMILIES, (family) =>
  hexColor(RELATION_FAMILY_LOOKS[family].color),
);

export const KIND_SHAPES: Readonly<Record<EntityKind, NodeShape>> = byKey(ENTITY_KINDS, (kind) => ENTITY_KIND_LOOKS[kind].shape);

/** Dimmed items are drawn in solid colours close to the background: opaque blending is cheaper than opacity. */
export const DIMMED_NODE_COLOR = "#DADDE3";
export const DIMMED_EDGE_COLOR = "#E9EBEF";
export const LABEL_COLOR = "#1F2328";
/** Behind every label: the background's colour, nearly opaque, so a label stays readable over the relations it crosses. */
export const LABEL_BACKGROUND_COLOR = "rgba(251, 251, 250, 0.88)";
export const BACKGROUND_COLOR = "#FBFBFA";
/** The leverage chain's halo: a dark ring (no hue, so it stands apart from every kind and family colour) on a white disc. */
export const LEVERAGE_RING_COLOR = "#1F2328";
export const LEVERAGE_HALO_COLOR = "#FFFFFF";
/** The keyboard's ring around an entity: the page's focus outline colour (styles/base.css --focus). */
export const FOCUS_RING_COLOR = "#1A73E8";

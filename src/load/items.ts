/** What the loader's parts share about dataset items: their collections and schemas, item pointers, where each id is defined. */
import { entitySchema, relationSchema, sourceSchema } from "../model/schema.ts";
import type { EntityKind } from "../model/ontology.ts";

export type Collection = "entities" | "relations" | "sources";

// Pointers are built only when an issue needs one: a valid 100,000-item dataset needs none.
export interface Definition {
  collection: Collection;
  file: string;
  /** Position in its file's collection. */
  index: number;
  /** Entity kind, when the entity's kind is valid. */
  kind?: EntityKind;
}

export interface Located<T> {
  value: T;
  file: string;
  index: number;
}

export const ITEM_SCHEMAS = { entities: entitySchema, relations: relationSchema, sources: sourceSchema } as const;

/** The pointer of an item of a collection (neither part ever needs RFC 6901 escaping). */
export function itemPointer(collection: Collection, index: number): string {
  return `/${collection}/${index}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function definitionPlace(definition: Definition): string {
  return `${definition.file}#${itemPointer(definition.collection, definition.index)}`;
}

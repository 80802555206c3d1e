/**
 * Cypher literals for the script's inlined rows. A string literal is double-quoted with the escapes the
 * Cypher manual lists (\" \\ \n \r \t \b \f and \uXXXX); JSON.stringify writes exactly those and leaves every
 * other character as it is, so it is the encoder (a dataset's texts hold no lone surrogate). Dates are
 * `date("2019-01-01")`, lists `[…]`, maps `{key: value}` with the fixed property names as keys.
 */
import type { PropertyType, PropertyValue } from "../neo4j/model.ts";

export function cypherString(value: string): string {
  return JSON.stringify(value);
}

/** A property value as a Cypher literal of its type. */
export function cypherValue(value: Exclude<PropertyValue, undefined>, type: PropertyType): string {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return `[${value.map(cypherString).join(", ")}]`;
  return type === "date" ? `date(${cypherString(value)})` : cypherString(value);
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A map literal of entries whose keys are plain names (the model's property names). */
export function cypherMap(entries: readonly (readonly [string, string])[]): string {
  for (const [key] of entries) if (!NAME.test(key)) throw new Error(`not a plain property name: ${JSON.stringify(key)}`);
  return `{${entries.map(([key, value]) => `${key}: ${value}`).join(", ")}}`;
}

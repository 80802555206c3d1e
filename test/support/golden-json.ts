/**
 * Values as golden files record them: JSON with keys sorted (so the text does not depend on the order in which
 * code happened to set them) and two spaces of indentation (so a change shows as a short diff). Written by hand
 * because JSON.stringify keeps insertion order, and rebuilding objects with sorted keys would turn an own
 * "__proto__" field (which hostile inputs have) into a prototype. What JSON cannot say is spelled out rather
 * than dropped: a property set to undefined and a hole in a list.
 */
export function goldenJson(value: unknown): string {
  return `${write(value, "")}\n`;
}

const UNDEFINED = '"(undefined)"';
const HOLE = '"(hole)"';

function write(value: unknown, indent: string): string {
  if (value === undefined) return UNDEFINED;
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value) || Object.is(value, -0)) throw new Error(`golden JSON cannot record the number ${String(value)}`);
    return JSON.stringify(value);
  }
  if (typeof value !== "object") throw new Error(`golden JSON cannot record a ${typeof value}`);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items: string[] = [];
    for (let index = 0; index < value.length; index += 1) items.push(index in value ? write(value[index], inner) : HOLE);
    return `[\n${items.map((item) => `${inner}${item}`).join(",\n")}\n${indent}]`;
  }
  const keys = Object.keys(value).sort();
  if (keys.length === 0) return "{}";
  const record = value as Record<string, unknown>;
  return `{\n${keys.map((key) => `${inner}${JSON.stringify(key)}: ${write(record[key], inner)}`).join(",\n")}\n${indent}}`;
}

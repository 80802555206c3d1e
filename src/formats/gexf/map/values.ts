/**
 * The attribute values of a node or an edge (`<attvalues>` with the declared defaults), by title: the mapping
 * takes out the fields it knows; the rest are kept as "title: value" lines. Values a Leverage Atlas export
 * could not write as they were (characters XML 1.0 cannot carry) are restored from its record.
 */
import type { XmlElement } from "../../xml/tree.ts";
import { decodeList, type Originals } from "../profile.ts";
import type { MappingState } from "./state.ts";
import { attribute, elements } from "./xml.ts";

/** One value of an attribute, time-bound when GEXF gives it a span. */
interface AttValue {
  value: string;
  start?: string;
  end?: string;
}

/** A node's or an edge's values by title, in the order first given. */
export type Values = Map<string, AttValue[]>;

/** The values of a node or an edge, with the declared defaults of attributes it gives no value for. */
export function readValues(state: MappingState, element: XmlElement, cls: "node" | "edge"): Values {
  const values: Values = new Map();
  const model = state.declared[cls];
  for (const group of elements(element, "attvalues")) {
    for (const attvalue of elements(group, "attvalue")) {
      const key = attribute(attvalue, "for") ?? attribute(attvalue, "id");
      const value = attribute(attvalue, "value");
      if (key === undefined || value === undefined) continue;
      let title = model.get(key)?.title;
      if (title === undefined) {
        title = key;
        state.warnings.add(cls === "node" ? "undeclaredNodeValue" : "undeclaredEdgeValue", key);
      }
      const entry: AttValue = { value };
      const start = attribute(attvalue, "start") ?? attribute(attvalue, "timestamp");
      const end = attribute(attvalue, "end") ?? attribute(attvalue, "timestamp");
      if (start !== undefined) entry.start = start;
      if (end !== undefined) entry.end = end;
      const list = values.get(title) ?? [];
      list.push(entry);
      values.set(title, list);
    }
  }
  for (const entry of model.values()) {
    if (entry.default !== undefined && !values.has(entry.title)) values.set(entry.title, [{ value: entry.default }]);
  }
  return values;
}

function lowerCase(state: MappingState, title: string): string {
  let lowered = state.lowerCaseTitles.get(title);
  if (lowered === undefined) {
    lowered = title.toLowerCase();
    state.lowerCaseTitles.set(title, lowered);
  }
  return lowered;
}

/** Takes a known field out of the values (case-insensitive title); time-bound or repeated values stay for the "title: value" lines. */
export function take(state: MappingState, values: Values, title: string): string | undefined {
  for (const [key, list] of values) {
    if (lowerCase(state, key) !== title) continue;
    if (list.length !== 1 || list[0]?.start !== undefined || list[0]?.end !== undefined) return undefined;
    values.delete(key);
    return list[0]?.value;
  }
  return undefined;
}

/** The values left, as "title: value" lines (with their span when time-bound). */
export function keptLines(values: Values): string[] {
  const lines: string[] = [];
  for (const [title, list] of values) {
    for (const entry of list) {
      const when =
        entry.start !== undefined || entry.end !== undefined ? ` (from ${entry.start ?? "the start"} to ${entry.end ?? "the end"})` : "";
      lines.push(`${title}: ${entry.value}${when}`);
    }
  }
  return lines;
}

/** A field as the export record kept it when it holds one, else as read from the file. */
export class Restored {
  constructor(private readonly originals: Originals[string] | undefined) {}

  text(title: string, read: string | undefined): string | undefined {
    const original = this.originals?.[title];
    return typeof original === "string" ? original : read;
  }

  list(title: string, read: string | undefined): string[] | undefined {
    const original = this.originals?.[title];
    return Array.isArray(original) ? original : read === undefined ? undefined : decodeList(read);
  }
}

/** Small helpers of the GEXF mapping: cleaning and wording text, naming nodes and edges in messages, reading GEXF times. */
import { isPartialDate } from "../../../model/dates.ts";
import { quote } from "../../../model/text.ts";
import { TEXT_LIMITS, characterProblem, isHttpUrl } from "../../../model/schema.ts";

/** Removes what the dataset's text rules forbid (controls, bidi overrides); line breaks become spaces in one-line fields. */
export function cleanText(value: string, multiline: boolean): string {
  if (characterProblem(value, multiline) === null) return value;
  let cleaned = "";
  for (const character of value) {
    if (characterProblem(character, multiline) === null) cleaned += character;
    else if (/\s/.test(character)) cleaned += " ";
  }
  return cleaned;
}

export function were(count: number): string {
  return count === 1 ? "was" : "were";
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? singular : pluralForm}`;
}

/** Examples quoted short, with controls and bidi characters made visible: file text is untrusted, messages reach terminals. */
export function quoteAll(list: readonly string[]): string {
  return list.map(quote).join(", ");
}

/** A URL the dataset takes as a link: http(s), within the URL length limit (anything else is kept as text). */
export function usableUrl(value: string): boolean {
  return value.length <= TEXT_LIMITS.url && isHttpUrl(value);
}

/**
 * Appends items one by one: `target.push(...items)` passes every item as an argument on the stack, and a node
 * with some 130,000 attributes, values or spells overflows it (RangeError).
 */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** An own property only: ids such as "constructor" or "__proto__" must not reach Object.prototype. */
export function own<T>(table: Record<string, T> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A file's name without folders and extension. */
export function basename(file: string): string {
  return file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
}

/** A node as messages name it: by its id in the file. */
export function nodeWhat(rawId: string): string {
  return `node ${quote(rawId)}`;
}

/** An edge as messages name it: by its id in the file, or without one by its position among the edges. */
export function edgeWhat(rawIdOrPosition: string | number): string {
  return `edge ${typeof rawIdOrPosition === "number" ? `#${rawIdOrPosition}` : quote(rawIdOrPosition)}`;
}

/** A GEXF time value as a partial date, or undefined when it is not one (kept as text by the caller). */
export function timeAsDate(value: string, timeFormat: string | undefined): string | undefined {
  const text = value.trim();
  const datePart = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(text);
  if (datePart && isPartialDate(datePart[1] ?? "")) return datePart[1];
  if (isPartialDate(text)) return text;
  if (timeFormat !== "date" && timeFormat !== "dateTime" && /^-?\d+(?:\.0+)?$/.test(text)) {
    const year = Number.parseInt(text, 10);
    if (year >= 1000 && year <= 9999) return String(year);
  }
  return undefined;
}

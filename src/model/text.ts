/** Quoting untrusted values inside messages: short, single-line, control characters made visible. */

const QUOTE_MAX = 60;

/** A JSON-style quoted, truncated rendering of a value, safe to print in one line of a terminal or a page. */
export function quote(value: string): string {
  const cut = value.length > QUOTE_MAX ? `${value.slice(0, QUOTE_MAX)}…` : value;
  // JSON.stringify escapes quotes, backslashes and C0 controls; the replace makes C1 and bidi controls visible too.
  return JSON.stringify(cut).replace(
    /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`,
  );
}

/** Describes a JSON value's type for a "wrong type" message: 'a number (42)', 'an object', 'null'. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return `a string (${quote(value)})`;
    case "number":
      return `a number (${String(value)})`;
    case "boolean":
      return `a boolean (${String(value)})`;
    case "object":
      return "an object";
    case "undefined":
      return "nothing";
    default:
      return typeof value;
  }
}

/**
 * A lowercase, hyphen-joined ASCII slug of a text ("Bell Canada (BCE)" -> "bell-canada-bce"), at most
 * `max` characters, never ending in a hyphen: valid as an id segment and as part of a file name.
 */
export function slugify(value: string, max: number): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}

/** "1 relation", "3 relations", "1,200 entities" (with `pluralForm` for irregular nouns). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? singular : pluralForm}`;
}

/** Words as a list in a sentence: "gexf", "gexf or json", "gexf, json or png" (`and` for "and"). */
export function listWords(words: readonly string[], conjunction: "or" | "and" = "or"): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} ${conjunction} ${words[words.length - 1] as string}`;
}

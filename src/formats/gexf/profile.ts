/**
 * The Leverage Atlas GEXF profile, shared by the writer and the reader.
 *
 * How a dataset travels in GEXF 1.3:
 * - an entity is a `<node id label>`: id = entity id, label = name; attributes kind, country,
 *   aliases (liststring), description, url (anyURI); viz colour by kind, size by degree, position;
 * - a relation is an `<edge id source target kind label>`: id = relation id, `kind` and `label` = relation
 *   kind (Gephi keys parallel edges on `kind`); attributes kind, family, start_date and end_date (the
 *   dates as written, with their precision), claim, confidence, about, sources (source ids, in evidence
 *   order), source_urls (their URLs, for Gephi users), locators (evidence locators aligned with sources,
 *   "" where a citation has none); viz colour by family;
 * - dynamic files add `start`/`end` (first and last day of the dates) on edges and, on nodes, the span
 *   of their relations, so Gephi's timeline works; the date attributes keep the precision;
 * - the dataset's metadata and full source records travel once, as one line of JSON after RECORD_PREFIX
 *   on the last line of `<meta><description>`, below the dataset's name and description for people
 *   (GEXF 1.3 has no graph-level attributes, its schemas allow no foreign elements and one description);
 * - a value holding characters XML 1.0 cannot carry is written with U+FFFD in their place, and the exact
 *   value is kept in the record's `originals`, so the reader restores it.
 * Attribute ids equal their titles, so the XML reads on its own. Titles avoid `start`, `end`, `label`
 * and `id`, which networkx's reader puts in the same dictionary as the attributes.
 */
import type { DatasetMeta, Source } from "../../model/schema.ts";

export const GEXF_NAMESPACE = "http://gexf.net/1.3";
export const VIZ_NAMESPACE = "http://gexf.net/1.3/viz";
export const GEXF_SCHEMA_LOCATION = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd";
export const CREATOR = "Leverage Atlas";

/** Starts the last line of `<meta><description>`, which holds the record as JSON (JSON.stringify never writes a newline). */
export const RECORD_PREFIX = "Leverage Atlas export record (JSON; atlas import reads it back): ";
export const RECORD_FORMAT = "leverage-atlas-gexf";
export const RECORD_VERSION = 1;

/** Exact values of fields written with U+FFFD, by node or edge id and attribute title (or "label"). */
export type Originals = Record<string, Record<string, string | string[]>>;

export interface AtlasRecord {
  format: typeof RECORD_FORMAT;
  version: typeof RECORD_VERSION;
  dataset: DatasetMeta;
  sources: Source[];
  originals?: { nodes?: Originals; edges?: Originals };
}

export type GexfAttributeType = "string" | "liststring" | "anyURI";

export interface GexfField<Title extends string = string> {
  title: Title;
  type: GexfAttributeType;
}

export const NODE_FIELDS = [
  { title: "kind", type: "string" },
  { title: "country", type: "string" },
  { title: "aliases", type: "liststring" },
  { title: "description", type: "string" },
  { title: "url", type: "anyURI" },
] as const satisfies readonly GexfField[];

export const EDGE_FIELDS = [
  { title: "kind", type: "string" },
  { title: "family", type: "string" },
  { title: "start_date", type: "string" },
  { title: "end_date", type: "string" },
  { title: "claim", type: "string" },
  { title: "confidence", type: "string" },
  { title: "about", type: "string" },
  { title: "sources", type: "liststring" },
  { title: "source_urls", type: "liststring" },
  { title: "locators", type: "liststring" },
] as const satisfies readonly GexfField[];

export type NodeFieldTitle = (typeof NODE_FIELDS)[number]["title"];
export type EdgeFieldTitle = (typeof EDGE_FIELDS)[number]["title"];

/**
 * A liststring value: a bracketed list of JSON strings, `["BCE", "Bell"]`. Gephi 0.10 and graphology
 * read this form (quoted items with backslash escapes); networkx keeps it as one string; the reader
 * restores it exactly with JSON.parse, whatever the items hold (commas, pipes, brackets, quotes).
 */
export function encodeList(values: readonly string[]): string {
  return `[${values.map((value) => JSON.stringify(value)).join(", ")}]`;
}

const PIPE = /\s*\|\s*/;
const COMMA = /\s*,\s*/;

/**
 * Reads a list value as written by any GEXF tool: our JSON form; Gephi's bracketed form with single or
 * double quotes; the GEXF 1.2 pipe form `a|b`; a comma-separated form; or one bare value.
 */
export function decodeList(raw: string): string[] {
  const text = raw.trim();
  if (text === "" || text === "[]") return [];
  if (text.startsWith("[") && text.endsWith("]")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed) && parsed.every((item) => typeof item === "string")) return parsed;
    } catch {
      // not JSON: fall through to the quoted-list reading
    }
    return quotedListItems(text.slice(1, -1));
  }
  if (text.includes("|")) return text.split(PIPE);
  if (text.includes(",")) return text.split(COMMA);
  return [text];
}

/** Items of `a, 'b', "c\"d"`: quoted items may hold commas and backslash escapes. Hand-written:
 * graphology-gexf has the same reader but does not export it from its package entry points. */
function quotedListItems(inner: string): string[] {
  const items: string[] = [];
  let index = 0;
  const length = inner.length;
  while (index < length) {
    while (index < length && /\s/.test(inner[index] ?? "")) index += 1;
    if (index >= length) break;
    const quote = inner[index];
    let item = "";
    if (quote === '"' || quote === "'") {
      index += 1;
      while (index < length && inner[index] !== quote) {
        const character = inner[index] ?? "";
        if (character === "\\" && index + 1 < length) {
          const next = inner[index + 1] ?? "";
          item += next === "n" ? "\n" : next === "t" ? "\t" : next === "r" ? "\r" : next;
          index += 2;
        } else {
          item += character;
          index += 1;
        }
      }
      index += 1;
      while (index < length && inner[index] !== ",") index += 1;
    } else {
      const comma = inner.indexOf(",", index);
      const end = comma < 0 ? length : comma;
      item = inner.slice(index, end).trim();
      index = end;
    }
    items.push(item);
    index += 1;
  }
  return items;
}

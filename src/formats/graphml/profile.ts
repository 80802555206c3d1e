/**
 * The Leverage Atlas GraphML profile, shared by the writer and the reader.
 *
 * How a dataset travels in GraphML 1.0 (one directed `<graph>`, every key declared with attr.type="string"):
 * - an entity is a `<node id>`: id = entity id; data name, kind, aliases, country, description, url;
 * - a relation is an `<edge id source target>`: id = relation id (parallel edges stay apart by their ids);
 *   data kind, family (the kind's, for filtering in other tools), start and end (the dates as written,
 *   with their precision: 2019, 2019-11 or 2019-11-22; no end while ongoing), claim, confidence, about,
 *   evidence;
 * - lists are JSON strings: aliases `["BCE", "Bell"]`; evidence `[{"source": "src-a", "url": "https://…",
 *   "locator": "p. 4"}, …]`, one object per citation in order, `url` being the cited source's (for people
 *   reading the file in other tools; the source records are authoritative) and `locator` only when given;
 * - the dataset's metadata and its full source records travel once, as graph data: `atlas_profile`
 *   (PROFILE, which marks a Leverage Atlas export), `dataset` (the metadata as JSON) and `sources` (the
 *   source records as a JSON list), plus `name` for tools that show a graph's name;
 * - a value holding characters XML 1.0 cannot carry (U+FFFE, U+FFFF) is written with U+FFFD in their place
 *   and the element gets `exact` data: the exact values of its fields as a JSON object, by field name; so does
 *   a value with a carriage return (written as `&#13;`, which tools that rewrite the file turn into a line feed).
 * Key ids are the domain and the name (`node-kind`, `edge-kind`), so the XML reads on its own. networkx,
 * igraph, graphology-graphml, yEd and Cytoscape read these keys by attr.name; no name is one those tools
 * keep for themselves (networkx's GraphML reader takes any name).
 */
import type { Evidence } from "../../model/schema.ts";

export const GRAPHML_NAMESPACE = "http://graphml.graphdrawing.org/xmlns";
export const GRAPHML_SCHEMA_LOCATION = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/** The value of the graph's `atlas_profile` data: a file that has it is a Leverage Atlas export. */
export const PROFILE = "leverage-atlas-graphml/1";

export type KeyDomain = "graph" | "node" | "edge";

export interface GraphmlKey<Name extends string = string> {
  domain: KeyDomain;
  name: Name;
}

export const GRAPH_KEYS = [
  { domain: "graph", name: "atlas_profile" },
  { domain: "graph", name: "name" },
  { domain: "graph", name: "dataset" },
  { domain: "graph", name: "sources" },
] as const satisfies readonly GraphmlKey[];

export const NODE_KEYS = [
  { domain: "node", name: "name" },
  { domain: "node", name: "kind" },
  { domain: "node", name: "aliases" },
  { domain: "node", name: "country" },
  { domain: "node", name: "description" },
  { domain: "node", name: "url" },
  { domain: "node", name: "exact" },
] as const satisfies readonly GraphmlKey[];

export const EDGE_KEYS = [
  { domain: "edge", name: "kind" },
  { domain: "edge", name: "family" },
  { domain: "edge", name: "start" },
  { domain: "edge", name: "end" },
  { domain: "edge", name: "claim" },
  { domain: "edge", name: "confidence" },
  { domain: "edge", name: "about" },
  { domain: "edge", name: "evidence" },
  { domain: "edge", name: "exact" },
] as const satisfies readonly GraphmlKey[];

export type NodeKeyName = (typeof NODE_KEYS)[number]["name"];
export type EdgeKeyName = (typeof EDGE_KEYS)[number]["name"];

/** A key's id: its domain and name, `node-kind`. */
export function keyId(key: GraphmlKey): string {
  return `${key.domain}-${key.name}`;
}

/** One citation as the evidence data holds it: the evidence, with the cited source's URL. */
export interface EncodedCitation {
  source: string;
  url?: string;
  locator?: string;
}

/** The evidence data: a JSON list of citations, in order (see the module comment). */
export function encodeEvidence(evidence: readonly Evidence[], urlOf: (source: string) => string | undefined): string {
  return JSON.stringify(
    evidence.map((item): EncodedCitation => {
      const url = urlOf(item.source);
      return {
        source: item.source,
        ...(url === undefined ? {} : { url }),
        ...(item.locator === undefined ? {} : { locator: item.locator }),
      };
    }),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The citations of an evidence value, or undefined when it is not our JSON list (then it is kept as text). */
export function decodeEvidence(text: string): EncodedCitation[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const citations: EncodedCitation[] = [];
  for (const item of parsed) {
    if (!isObject(item) || typeof item.source !== "string") return undefined;
    const { source, url, locator } = item;
    if ((url !== undefined && typeof url !== "string") || (locator !== undefined && typeof locator !== "string")) return undefined;
    citations.push({ source, ...(url === undefined ? {} : { url }), ...(locator === undefined ? {} : { locator }) });
  }
  return citations;
}

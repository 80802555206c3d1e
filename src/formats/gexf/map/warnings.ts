/**
 * Every warning the GEXF mapping gives about what it changed, in one table: its key, and the message built
 * from how many times it happened and the first few examples. The mapping counts them as it goes
 * (`Warnings.add`) and says each once at the end, in the table's order, so a warning stays one line on a
 * large file.
 */
import { NEUTRAL_RELATION_KIND } from "../../../model/ontology.ts";
import type { Source } from "../../../model/schema.ts";
import { plural, quoteAll, were } from "./text.ts";

/** Where the file's relations without a source now point, and where dateless relations start. */
export interface WarningContext {
  placeholder: Source | undefined;
  placeholderHost: string;
  fileDate: string | undefined;
  importDay: string;
}

interface WarningSpec {
  /** Said only for files that are not Leverage Atlas exports (an export's ids are the dataset's own). */
  readonly foreignOnly?: true;
  /** The message, from the count, the examples quoted, and the context. */
  readonly message: (count: number, examples: string, context: WarningContext) => string;
}

const NEUTRAL_SAID = `"${NEUTRAL_RELATION_KIND}", an unspecified tie: replace it with a precise kind`;

export const WARNINGS = {
  nodeIdRewritten: {
    foreignOnly: true,
    message: (n, e) =>
      `${plural(n, "node id")} ${were(n)} rewritten to fit the dataset's id format (lowercase letters and digits joined by hyphens, unique) (e.g. ${e})`,
  },
  edgeIdRewritten: {
    foreignOnly: true,
    message: (n, e) => `${plural(n, "edge id")} ${were(n)} rewritten to fit the id format or to avoid an id already taken (e.g. ${e})`,
  },
  undeclaredNodeValue: { message: (n, e) => `${plural(n, "node value")} used an undeclared attribute (e.g. ${e}); read as text` },
  undeclaredEdgeValue: { message: (n, e) => `${plural(n, "edge value")} used an undeclared attribute (e.g. ${e}); read as text` },
  noLabel: { message: (n, e) => `${plural(n, "node")} had no label and ${were(n)} named after the id (e.g. ${e})` },
  entityKindMissing: {
    message: (n, e) => `${plural(n, "node")} had no entity kind of the ontology and ${were(n)} imported as "organization" (e.g. ${e})`,
  },
  edgeWithoutId: { message: (n) => `${plural(n, "edge")} had no id and got "edge-N" (N = its position in the file)` },
  relationKindMissing: {
    message: (n, e) =>
      `${plural(n, "edge")} had no relation kind of the ontology (a kind written in the file is kept as a line of the claim) and became ${NEUTRAL_SAID} (e.g. ${e})`,
  },
  relationKindClash: {
    message: (n, e) =>
      `${plural(n, "edge")} named a relation kind that the endpoints' kinds (made up by this import) do not allow; the kind is kept as a line of the claim and the relation became ${NEUTRAL_SAID} (e.g. ${e})`,
  },
  aboutLeftOut: {
    message: (n, e) =>
      `${plural(n, "relation")} ${were(n)} about an entity the export left out; "about" was dropped, as in a JSON export of the same selection (e.g. ${e})`,
  },
  undirected: {
    message: (n, e) =>
      `${plural(n, "edge")} ${were(n)} undirected or mutual and ${were(n)} imported as directed from source to target as written (e.g. ${e})`,
  },
  spells: { message: (n, e) => `${plural(n, "edge")} had several time spans; each span became a relation of its own (e.g. ${e})` },
  noStart: {
    message: (n, e, context) =>
      `${plural(n, "relation")} had no usable date and start${n === 1 ? "s" : ""} on ${context.fileDate ? `the file's lastmodifieddate ${context.fileDate}` : `the import day ${context.importDay}`}, ongoing (e.g. ${e})`,
  },
  noConfidence: {
    message: (n, e) => `${plural(n, "relation")} had no confidence of the ontology and ${were(n)} set to "alleged" (e.g. ${e})`,
  },
  noClaim: { message: (n, e) => `${plural(n, "relation")} had no claim and got one naming the file and the endpoints (e.g. ${e})` },
  sourceRebuilt: {
    message: (n, e) =>
      `${plural(n, "source")} had no full record in the file (not an unmodified Leverage Atlas export) and ${were(n)} rebuilt from id and URL, with the URL's host as publisher (e.g. ${e})`,
  },
  sourceMissing: {
    message: (n, e) =>
      `${plural(n, "cited source")} had neither a record nor an http(s) URL and ${were(n)} kept as text in the claim (e.g. ${e})`,
  },
  noEvidence: {
    message: (n, _e, { placeholder, placeholderHost }) =>
      `${plural(n, "relation")} cite${n === 1 ? "s" : ""} no source in the file and now cite${n === 1 ? "s" : ""} "${placeholder?.id ?? ""}" (${placeholder?.url ?? ""}), standing for the file${placeholder?.url.startsWith(placeholderHost) ? `; give the file's real URL (CLI: --source-url)` : ""}`,
  },
  cleaned: {
    message: (n, e) =>
      `${plural(n, "text")} held control or bidirectional override characters, which the dataset forbids; they were removed (e.g. ${e})`,
  },
  nodeKept: {
    message: (n, e) =>
      `${plural(n, "entity", "entities")} keep${n === 1 ? "s" : ""} other attributes or time spans as "title: value" lines in the description (e.g. ${e})`,
  },
  edgeKept: {
    message: (n, e) =>
      `${plural(n, "relation")} keep${n === 1 ? "s" : ""} other attributes, labels or weights as "title: value" lines in the claim (e.g. ${e})`,
  },
  unreadElement: {
    message: (n, e) => `${plural(n, "element")} of kinds this import does not read ${were(n)} ignored with their content (e.g. ${e})`,
  },
  viz: {
    foreignOnly: true,
    message: () => "colours, sizes and positions (viz) are not kept: the explorer lays the graph out itself",
  },
} as const satisfies Record<string, WarningSpec>;

export type WarningKey = keyof typeof WARNINGS;

const WARNING_KEYS = Object.keys(WARNINGS) as WarningKey[];

/** How many examples a warning names. */
const EXAMPLES = 3;

/** The warnings of one pass: per key, how many times it happened and the first examples. */
export class Warnings {
  private readonly tallies = new Map<WarningKey, { count: number; examples: string[] }>();

  add(key: WarningKey, example: string): void {
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = { count: 0, examples: [] };
      this.tallies.set(key, tally);
    }
    tally.count += 1;
    if (tally.examples.length < EXAMPLES) tally.examples.push(example);
  }

  /** A warning counted elsewhere (the reader counts the elements it does not read as it goes). */
  set(key: WarningKey, count: number, examples: readonly string[]): void {
    if (count > 0) this.tallies.set(key, { count, examples: [...examples] });
  }

  /** The messages, in the table's order; foreign-only ones not for an export. */
  messages(native: boolean, context: WarningContext): string[] {
    const messages: string[] = [];
    for (const key of WARNING_KEYS) {
      const tally = this.tallies.get(key);
      const spec: WarningSpec = WARNINGS[key];
      if (tally && !(native && spec.foreignOnly)) messages.push(spec.message(tally.count, quoteAll(tally.examples), context));
    }
    return messages;
  }
}

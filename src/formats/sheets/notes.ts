/**
 * Every warning a spreadsheet import gives about what it read or changed, in one table (as the GEXF import's
 * map/warnings.ts): its key and the message built from how many times it happened and the first examples.
 * The readers of bytes (CSV, XLSX) note what they met as ReadNotes; the layouts add theirs as they map; each
 * warning is said once at the end, in the table's order, so it stays one line on a large file.
 */
import type { LoadIssue } from "../../load/issues.ts";
import { plural, quote } from "../../model/text.ts";
import type { CellPlace } from "./table.ts";

const were = (count: number): string => (count === 1 ? "was" : "were");
const s = (count: number): string => (count === 1 ? "s" : "");

interface WarningSpec {
  /** The message, from the count and the examples (already quoted or written as cell references). */
  readonly message: (count: number, examples: string) => string;
}

export const SHEET_WARNINGS = {
  // What the readers of bytes met.
  bom: { message: (n, e) => `${plural(n, "file")} started with a byte-order mark, which was ignored (${e})` },
  utf16: {
    message: (n, e) =>
      `${plural(n, "file")} ${were(n)} UTF-16 (by the byte-order mark) and ${were(n)} read as such; CSV UTF-8 is the usual form (${e})`,
  },
  latin1: {
    message: (n, e) =>
      `${plural(n, "file")} ${n === 1 ? "is" : "are"} not UTF-8 and ${were(n)} read as Windows-1252 (Latin-1): check the accented letters, or save the file as "CSV UTF-8" (${e})`,
  },
  delimiter: {
    message: (n, e) => `${plural(n, "file")} separated values with another character than a comma, and ${were(n)} read with it (${e})`,
  },
  shortRows: { message: (n, e) => `${plural(n, "row")} had fewer cells than the header; the missing ones read as empty (e.g. ${e})` },
  formulaCached: {
    message: (n, e) => `${plural(n, "cell")} held a formula: never run, each was read as the value the spreadsheet last showed (e.g. ${e})`,
  },
  formulaText: {
    message: (n, e) =>
      `${plural(n, "cell")} held a formula with no value saved: never run, each was read as the formula's text (e.g. ${e})`,
  },
  dateCell: { message: (n, e) => `${plural(n, "cell")} held a spreadsheet date and ${were(n)} read as YYYY-MM-DD (e.g. ${e})` },
  errorCell: { message: (n, e) => `${plural(n, "cell")} held a spreadsheet error value, read as its text (e.g. ${e})` },
  mergedCells: {
    message: (n, e) =>
      `${plural(n, "sheet")} had merged cells: a merged range's value stands in its first cell only, the others read as empty (e.g. ${e})`,
  },
  // What the layouts mapped.
  tableIgnored: {
    message: (n, e) => `${plural(n, "table")} ${were(n)} not read: no table of this layout has such a name or such columns (${e})`,
  },
  headerless: { message: (n, e) => `${plural(n, "column")} had values but no header and ${were(n)} not read (e.g. ${e})` },
  idRewritten: {
    message: (n, e) =>
      `${plural(n, "id")} ${were(n)} rewritten to fit the dataset's id format (lowercase letters and digits joined by hyphens, unique) (e.g. ${e})`,
  },
  noLabel: { message: (n, e) => `${plural(n, "row")} had no name and ${were(n)} named after the id (e.g. ${e})` },
  entityKindMissing: {
    message: (n, e) => `${plural(n, "entity", "entities")} had no kind and ${were(n)} imported as "organization" (e.g. ${e})`,
  },
  entityKindMapped: {
    message: (n, e) => `${plural(n, "entity", "entities")} got ${n === 1 ? "its" : "their"} kind from your mapping (${e})`,
  },
  entityImpliedWithKind: {
    message: (n, e) =>
      `${plural(n, "entity", "entities")} ${were(n)} named by connections but not listed, and ${were(n)} added named as written, of the kind the row gives (e.g. ${e})`,
  },
  entityImplied: {
    message: (n, e) =>
      `${plural(n, "entity", "entities")} ${were(n)} named by connections but not listed, and ${were(n)} added as "organization" named as written (e.g. ${e})`,
  },
  relationKindMapped: { message: (n, e) => `${plural(n, "relation")} got ${n === 1 ? "its" : "their"} kind from your mapping (${e})` },
  relationKindNeutral: {
    message: (n, e) =>
      `${plural(n, "relation")} named a kind the ontology does not have, or none, and ${were(n)} imported as "related_to", the original kind kept as a line of the claim (${e}); map them to precise kinds with --map-kind`,
  },
  relationKindClash: {
    message: (n, e) =>
      `${plural(n, "relation")} named a kind that the ends' kinds (made up by this import) do not allow, and ${were(n)} imported as "related_to", the kind kept as a line of the claim (e.g. ${e}); give the ends' kinds (a Type column, or "source kind" and "target kind" in an edge list)`,
  },
  undirected: {
    message: (n, e) =>
      `${plural(n, "relation")} ${were(n)} undirected or mutual and ${were(n)} imported as directed from source to target as written (e.g. ${e})`,
  },
  intervals: { message: (n, e) => `${plural(n, "row")} had several time spans; each span became a relation of its own (e.g. ${e})` },
  noStart: { message: (n, e) => `${plural(n, "relation")} had no usable date and start${s(n)} on the import day, ongoing (e.g. ${e})` },
  noConfidence: {
    message: (n, e) => `${plural(n, "relation")} had no confidence of the ontology and ${were(n)} set to "alleged" (e.g. ${e})`,
  },
  noClaim: { message: (n, e) => `${plural(n, "relation")} had no claim and got one naming the file and the endpoints (e.g. ${e})` },
  sourceRebuilt: {
    message: (n, e) => `${plural(n, "source")} ${were(n)} made from cited http(s) links, with the link's host as publisher (e.g. ${e})`,
  },
  noEvidence: {
    message: (n, e) =>
      `${plural(n, "relation")} cite${n === 1 ? "s" : ""} no source and now cite${n === 1 ? "s" : ""} the file itself (${e}), as "alleged": give the file's real URL with --source-url`,
  },
  keptColumns: {
    message: (n, e) =>
      `${plural(n, "column")} with no field of ${n === 1 ? "its" : "their"} own ${n === 1 ? "is" : "are"} kept as "header: value" lines of the description or claim (e.g. ${e})`,
  },
  vizColumns: {
    message: (n, e) =>
      `${plural(n, "column")} of colours, sizes or positions ${were(n)} not kept: the explorer lays the graph out itself (e.g. ${e})`,
  },
  cleaned: {
    message: (n, e) =>
      `${plural(n, "text")} held control or bidirectional override characters, which the dataset forbids; they were removed (e.g. ${e})`,
  },
  unusedMapping: { message: (n, e) => `${plural(n, "kind")} of your mapping ${n === 1 ? "is" : "are"} named nowhere in the file (${e})` },
} as const satisfies Record<string, WarningSpec>;

export type SheetWarningKey = keyof typeof SHEET_WARNINGS;

/** What a reader of bytes met, at a place: counted into the warning of that key. */
export interface ReadNote {
  readonly key: SheetWarningKey;
  readonly place: CellPlace;
  /** How the warning names this occurrence: a cell reference, a file, a value. */
  readonly example: string;
}

const KEYS = Object.keys(SHEET_WARNINGS) as SheetWarningKey[];
const EXAMPLES = 3;

/** The warnings of one import: per key, how many times it happened, the first examples and the file of the first. */
export class SheetWarnings {
  private readonly tallies = new Map<SheetWarningKey, { count: number; examples: string[]; file: string }>();

  add(key: SheetWarningKey, example: string, file: string): void {
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = { count: 0, examples: [], file };
      this.tallies.set(key, tally);
    }
    tally.count += 1;
    if (tally.examples.length < EXAMPLES && !tally.examples.includes(example)) tally.examples.push(example);
  }

  note(note: ReadNote): void {
    this.add(note.key, note.example, note.place.table.file);
  }

  /** An example quoted as a value (untrusted text, short and with controls visible). */
  addValue(key: SheetWarningKey, value: string, file: string): void {
    this.add(key, quote(value), file);
  }

  /** The warnings as issues, in the table's order, each at the file of its first occurrence. */
  issues(): LoadIssue[] {
    const issues: LoadIssue[] = [];
    for (const key of KEYS) {
      const tally = this.tallies.get(key);
      if (!tally) continue;
      const spec: WarningSpec = SHEET_WARNINGS[key];
      issues.push({ file: tally.file, pointer: "", severity: "warning", message: spec.message(tally.count, tally.examples.join(", ")) });
    }
    return issues;
  }
}

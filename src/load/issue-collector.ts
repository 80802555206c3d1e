/** Issues as curators read them: zod's issues turned into located, plain messages with "did you mean" hints. */
import type { z } from "zod";
import { closest, distance } from "fastest-levenshtein";
import { datasetMetaSchema, evidenceSchema } from "../model/schema.ts";
import { describeValue, quote } from "../model/text.ts";
import { toPointer, type LoadIssue, type Severity } from "./issues.ts";
import { ITEM_SCHEMAS, type Collection } from "./items.ts";

function fieldsOf(schema: z.ZodObject): string[] {
  return Object.keys(schema.shape);
}

/** Known fields of the object a zod path points into, for "unknown field" suggestions. */
function knownFieldsAt(collection: Collection | "dataset", path: readonly PropertyKey[]): string[] {
  if (collection === "dataset") return fieldsOf(datasetMetaSchema);
  if (collection === "relations" && path[0] === "evidence") return fieldsOf(evidenceSchema);
  return fieldsOf(ITEM_SCHEMAS[collection]);
}

const EXPECTED_NOUN: Record<string, string> = {
  array: "a list",
  object: "an object",
  string: "a string",
  number: "a number",
  boolean: "a boolean",
  null: "null",
};

export class IssueCollector {
  readonly issues: LoadIssue[] = [];

  add(file: string, pointer: string, message: string, severity: Severity = "error"): void {
    this.issues.push({ file, pointer, message, severity });
  }

  /** Converts zod issues of one value (found at `base` in `file`) into curator-facing issues. */
  addZodIssues(file: string, base: readonly PropertyKey[], collection: Collection | "dataset", issues: readonly z.core.$ZodIssue[]): void {
    for (const issue of issues) {
      const path = [...base, ...issue.path];
      const field = String(issue.path[issue.path.length - 1] ?? "");
      if (issue.code === "unrecognized_keys") {
        const known = knownFieldsAt(collection, issue.path);
        for (const key of issue.keys) {
          const suggestion = closest(key, known);
          const hint = suggestion && similar(key, suggestion) ? `; did you mean "${suggestion}"?` : `; known fields: ${known.join(", ")}`;
          this.add(file, toPointer([...path, key]), `unknown field ${quote(key)}${hint}`);
        }
      } else if (issue.code === "invalid_type" && issue.input === undefined) {
        this.add(file, toPointer(path), `missing required field ${quote(field)}`);
      } else if (issue.code === "invalid_type" && issue.message.startsWith("Invalid input")) {
        const what = typeof issue.path[issue.path.length - 1] === "number" ? "each item" : field || "the value";
        this.add(
          file,
          toPointer(path),
          `${what} must be ${EXPECTED_NOUN[issue.expected] ?? issue.expected}, got ${describeValue(issue.input)}`,
        );
      } else if (issue.code === "invalid_union") {
        this.add(file, toPointer(path), `${field || "the value"} has the wrong type: got ${describeValue(issue.input)}`);
      } else {
        this.add(file, toPointer(path), issue.message);
      }
    }
  }
}

export function similar(a: string, b: string): boolean {
  // closest() always answers; only suggest a near miss (a typo), not any field.
  return distance(a.toLowerCase(), b.toLowerCase()) <= Math.max(1, Math.floor(b.length / 3));
}

/**
 * parseDataset: in-memory documents -> a checked Dataset, or every problem at once.
 * Runs in node and in the browser (no I/O here). Each item is validated on its own so one
 * broken relation does not hide the problems of the others, and its references are checked in
 * the same run as its other fields. A problem is reported once, never again as its consequences:
 * ids of broken items still count as defined, and so do the ids a file that is not valid JSON (or a
 * part of a file that is not a list of objects) seems to define; while an entity or source cannot be
 * identified at all, a reference to an undefined one may be to it and is not reported. So one typo
 * does not cascade into "not defined" errors and "never cited" warnings elsewhere.
 */
import { z } from "zod";
import { closest } from "fastest-levenshtein";
import {
  DOCUMENT_KEYS,
  datasetMetaSchema,
  entitySchema,
  relationSchema,
  sourceSchema,
  type Dataset,
  type DatasetMeta,
  type Entity,
  type Relation,
  type Source,
} from "../model/schema.ts";
import { ENTITY_KIND_INFO, type EntityKind } from "../model/ontology.ts";
import { endsBeforeStart } from "../model/dates.ts";
import { describeValue, quote } from "../model/text.ts";
import { IssueCollector, similar } from "./issue-collector.ts";
import { errorCount, toPointer, type LoadIssue } from "./issues.ts";
import { ITEM_SCHEMAS, definitionPlace, isPlainObject, itemPointer, type Collection, type Definition, type Located } from "./items.ts";
import { locatePointers, parseJsonText } from "./json-text.ts";
import { checkReferences } from "./references.ts";
import { factsOfBroken, factsOfValid, rememberMentions, type RelationFacts } from "./relation-facts.ts";
import { gatherUnchecked, Unseen } from "./unseen.ts";

export { IssueCollector } from "./issue-collector.ts";

/** One input file: its text (preferred: errors get line numbers) or an already parsed JSON value. */
export type DatasetInput = { file: string; text: string } | { file: string; json: unknown };

/** How many items the files hold, valid or not. */
export interface ItemCounts {
  entities: number;
  relations: number;
  sources: number;
}

export type LoadResult =
  | { ok: true; dataset: Dataset; issues: LoadIssue[]; counts: ItemCounts }
  | { ok: false; dataset?: undefined; issues: LoadIssue[]; counts: ItemCounts };

export interface ParseOptions {
  /** Dataset name used when no file carries `dataset.name`. */
  defaultName?: string;
  /**
   * Files the caller could not read and has reported (e.g. not UTF-8), with their text decoded leniently:
   * only looked through for the ids they define and cite, so other files' references to them are not errors.
   */
  unreadable?: readonly { file: string; text: string }[];
  /** Told how far the work is, for long loads: a step ("checking files") and how much of it is done. */
  onProgress?: (step: string, done: number, total: number) => void;
}

const COLLECTION_NOUN: Record<Collection, string> = { entities: "entity", relations: "relation", sources: "source" };
/**
 * Each collection is validated with one zod call (an array of the item schema): zod's per-call
 * overhead is paid once per file rather than once per item. Issues carry the item's index first,
 * so they are split per item and each item is still reported (and kept or dropped) on its own.
 */
const ITEM_ARRAY_SCHEMAS = {
  entities: z.array(entitySchema),
  relations: z.array(relationSchema),
  sources: z.array(sourceSchema),
} as const;

/** Zod issues of an array parse, by item index, each with the path inside its item. */
function issuesByItem(issues: readonly z.core.$ZodIssue[]): Map<number, z.core.$ZodIssue[]> {
  const byItem = new Map<number, z.core.$ZodIssue[]>();
  for (const issue of issues) {
    const [index, ...path] = issue.path;
    if (typeof index !== "number") continue;
    const list = byItem.get(index) ?? [];
    list.push({ ...issue, path });
    byItem.set(index, list);
  }
  return byItem;
}

/** Validates and merges dataset documents; reports every problem with its file and JSON pointer. */
export function parseDataset(inputs: readonly DatasetInput[], options: ParseOptions = {}): LoadResult {
  const collector = new IssueCollector();
  const texts = new Map<string, string>();
  const definitions = new Map<string, Definition>();
  const entities: Located<Entity>[] = [];
  const relations: Located<Relation>[] = [];
  const relationFacts: RelationFacts[] = [];
  const sources: Located<Source>[] = [];
  const unseen = new Unseen();
  let meta: { value: DatasetMeta; file: string } | undefined;
  const counts: ItemCounts = { entities: 0, relations: 0, sources: 0 };
  /** Ids that broken relations refer to: they count as used, so the unused-item warnings do not pile onto the errors. */
  const mentioned = new Set<string>();

  const progress = options.onProgress ?? (() => {});
  for (const [inputIndex, input] of inputs.entries()) {
    const { file } = input;
    progress("checking files", inputIndex, inputs.length);
    let value: unknown;
    if ("text" in input) {
      let text = input.text;
      if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
        collector.add(
          file,
          "",
          "the file starts with a byte-order mark (BOM); it was ignored, but save the file as UTF-8 without BOM",
          "warning",
        );
      }
      texts.set(file, text);
      const parsed = parseJsonText(text);
      if (!parsed.ok) {
        gatherUnchecked(parsed.recovered, unseen.ids, mentioned);
        for (const problem of parsed.problems) {
          collector.issues.push({
            file,
            pointer: "",
            message: problem.message,
            severity: "error",
            line: problem.line,
            column: problem.column,
          });
        }
        continue;
      }
      value = parsed.value;
    } else {
      value = input.json;
    }

    if (!isPlainObject(value)) {
      gatherUnchecked(value, unseen.ids, mentioned);
      collector.add(
        file,
        "",
        `a dataset file must hold a JSON object with "entities", "relations" and/or "sources", got ${describeValue(value)}`,
      );
      continue;
    }

    let holdsData = false;
    for (const key of Object.keys(value)) {
      if (!(DOCUMENT_KEYS as readonly string[]).includes(key)) {
        const suggestion = closest(key, [...DOCUMENT_KEYS]);
        const hint = suggestion && similar(key, suggestion) ? `did you mean "${suggestion}"? ` : "";
        collector.add(
          file,
          toPointer([key]),
          `unknown top-level field ${quote(key)}; ${hint}a dataset file holds ${DOCUMENT_KEYS.join(", ")}`,
        );
      }
    }

    const schemaRef = value.$schema;
    if (schemaRef !== undefined && typeof schemaRef !== "string") {
      collector.add(file, "/$schema", `$schema must be a string (a path or URL to the JSON Schema), got ${describeValue(schemaRef)}`);
    }

    if (value.dataset !== undefined) {
      const result = datasetMetaSchema.safeParse(value.dataset, { reportInput: true });
      if (!result.success) {
        if (isPlainObject(value.dataset)) collector.addZodIssues(file, ["dataset"], "dataset", result.error.issues);
        else collector.add(file, "/dataset", `dataset must be an object with a name, got ${describeValue(value.dataset)}`);
      } else if (meta) {
        collector.add(file, "/dataset", `dataset metadata is given twice: also at ${meta.file}#/dataset; keep it in one file`);
      } else {
        meta = { value: result.data, file };
        const period = result.data.period;
        if (period && endsBeforeStart(period.from, period.to)) {
          collector.add(file, "/dataset/period/to", `period ends (${quote(period.to)}) before it starts (${quote(period.from)})`);
        }
      }
    }

    for (const collection of ["entities", "relations", "sources"] as const) {
      const items = value[collection];
      if (items === undefined) continue;
      holdsData = true;
      if (!Array.isArray(items)) {
        gatherUnchecked(items, unseen.ids, mentioned);
        unseen.collections.add(collection);
        collector.add(file, toPointer([collection]), `${collection} must be a list, got ${describeValue(items)}`);
        continue;
      }
      counts[collection] += items.length;
      const parsed = ITEM_ARRAY_SCHEMAS[collection].safeParse(items, { reportInput: true });
      const problems = parsed.success ? undefined : issuesByItem(parsed.error.issues);
      for (let index = 0; index < items.length; index += 1) {
        if (!(index in items)) continue; // a hole in a sparse list (possible in `json` inputs): nothing to check
        const item: unknown = items[index];
        if (!isPlainObject(item)) {
          gatherUnchecked(item, unseen.ids, mentioned);
          unseen.collections.add(collection);
          collector.add(file, itemPointer(collection, index), `each item of ${collection} must be an object, got ${describeValue(item)}`);
          continue;
        }
        // Register the id first, valid item or not, so references to it resolve (see the module comment).
        const id = item.id;
        if (typeof id !== "string" || id.length === 0) unseen.collections.add(collection);
        else {
          const previous = definitions.get(id);
          if (previous) {
            const noun = COLLECTION_NOUN[previous.collection];
            collector.add(
              file,
              `${itemPointer(collection, index)}/id`,
              `duplicate id ${quote(id)}: already used by the ${noun} at ${definitionPlace(previous)}`,
            );
          } else {
            const definition: Definition = { collection, file, index };
            if (collection === "entities" && typeof item.kind === "string" && Object.hasOwn(ENTITY_KIND_INFO, item.kind)) {
              definition.kind = item.kind as EntityKind;
            }
            definitions.set(id, definition);
          }
        }
        const itemIssues = problems?.get(index);
        if (itemIssues) {
          collector.addZodIssues(file, [collection, index], collection, itemIssues);
          if (collection === "relations") {
            rememberMentions(item, mentioned);
            relationFacts.push(factsOfBroken(item, itemIssues, file, index));
          }
          continue;
        }
        // Valid: zod's output of the whole list when it parsed, else of this item alone (the slow path
        // only runs for files with broken items).
        const value = parsed.success ? parsed.data[index] : ITEM_SCHEMAS[collection].parse(item);
        const located = { value, file, index };
        if (collection === "entities") entities.push(located as Located<Entity>);
        else if (collection === "relations") {
          relations.push(located as Located<Relation>);
          relationFacts.push(factsOfValid(located.value as Relation, file, index));
        } else sources.push(located as Located<Source>);
      }
    }
    if (!holdsData && value.dataset === undefined) {
      collector.add(file, "", 'the file holds no "entities", "relations" or "sources"', "warning");
    }
  }

  for (const { text } of options.unreadable ?? []) {
    const parsed = parseJsonText(text);
    gatherUnchecked(parsed.ok ? parsed.value : parsed.recovered, unseen.ids, mentioned);
  }

  progress("checking files", inputs.length, inputs.length);
  progress("checking references", 0, 1);
  checkReferences(collector, definitions, unseen, entities, relationFacts, sources, mentioned);
  progress("checking references", 1, 1);

  locateIssues(collector.issues, texts);
  const order = new Map(inputs.map((input, index) => [input.file, index]));
  collector.issues.sort(
    (a, b) =>
      (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) ||
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
      (a.column ?? 0) - (b.column ?? 0),
  );

  if (errorCount(collector.issues) > 0) return { ok: false, issues: collector.issues, counts };
  return {
    ok: true,
    issues: collector.issues,
    counts,
    dataset: {
      meta: meta?.value ?? { name: options.defaultName ?? "Untitled dataset" },
      entities: entities.map((item) => item.value),
      relations: relations.map((item) => item.value),
      sources: sources.map((item) => item.value),
    },
  };
}

function locateIssues(issues: LoadIssue[], texts: ReadonlyMap<string, string>): void {
  const byFile = new Map<string, LoadIssue[]>();
  for (const issue of issues) {
    if (issue.line !== undefined || !texts.has(issue.file)) continue;
    const list = byFile.get(issue.file) ?? [];
    list.push(issue);
    byFile.set(issue.file, list);
  }
  for (const [file, fileIssues] of byFile) {
    const locations = locatePointers(
      texts.get(file) ?? "",
      fileIssues.map((issue) => issue.pointer),
    );
    for (const issue of fileIssues) {
      const location = locations.get(issue.pointer);
      if (location) {
        issue.line = location.line;
        issue.column = location.column;
      }
    }
  }
}

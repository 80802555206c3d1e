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
import { closest, distance } from "fastest-levenshtein";
import {
  DOCUMENT_KEYS,
  datasetMetaSchema,
  entitySchema,
  evidenceSchema,
  relationSchema,
  sourceSchema,
  type Dataset,
  type DatasetMeta,
  type Entity,
  type Relation,
  type Source,
} from "../model/schema.ts";
import {
  ENTITY_KIND_INFO,
  FAMILIES_WITH_ABOUT,
  RELATION_KINDS,
  allowsEndpoint,
  isRelationKind,
  type EntityKind,
  type RelationKind,
} from "../model/ontology.ts";
import { endsBeforeStart } from "../model/dates.ts";
import { describeValue, quote } from "../model/text.ts";
import { errorCount, toPointer, type LoadIssue, type Severity } from "./issues.ts";
import { locatePointers, parseJsonText } from "./json-text.ts";

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

type Collection = "entities" | "relations" | "sources";

const COLLECTION_NOUN: Record<Collection, string> = { entities: "entity", relations: "relation", sources: "source" };
const WITH_ARTICLE: Record<Collection, string> = { entities: "an entity", relations: "a relation", sources: "a source" };

// Pointers are built only when an issue needs one: a valid 100,000-item dataset needs none.
interface Definition {
  collection: Collection;
  file: string;
  /** Position in its file's collection. */
  index: number;
  /** Entity kind, when the entity's kind is valid. */
  kind?: EntityKind;
}

interface Located<T> {
  value: T;
  file: string;
  index: number;
}

/**
 * What the cross-file checks need of a relation: the fields that passed the schema, which for a
 * broken relation are checked in the same run as its other problems rather than after they are fixed.
 */
interface RelationFacts {
  file: string;
  index: number;
  kind?: RelationKind;
  source?: string;
  target?: string;
  about?: string;
  start?: string;
  end?: string | null;
  /** Cited source ids by position; undefined where the citation itself is broken. */
  citations: (string | undefined)[];
}

/**
 * What the checks could not see: the ids that unreadable parts of the files seem to define, and the
 * collections holding a record whose id is unknown (an item that is not an object, or has no usable id).
 * A reference no definition resolves is not reported when it may be to one of those: the problem that
 * hid it has been reported already.
 */
class Unseen {
  readonly ids = new Set<string>();
  readonly collections = new Set<Collection>();

  mayDefine(id: string, collection: Collection): boolean {
    return this.ids.has(id) || this.collections.has(collection);
  }
}

const ITEM_SCHEMAS = { entities: entitySchema, relations: relationSchema, sources: sourceSchema } as const;
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

/** The pointer of an item of a collection (neither part ever needs RFC 6901 escaping). */
function itemPointer(collection: Collection, index: number): string {
  return `/${collection}/${index}`;
}

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

function startsWith(path: readonly PropertyKey[], prefix: readonly PropertyKey[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, position) => segment === path[position]);
}

function factsOfValid(relation: Relation, file: string, index: number): RelationFacts {
  const facts: RelationFacts = {
    file,
    index,
    kind: relation.kind,
    source: relation.source,
    target: relation.target,
    start: relation.start,
    citations: relation.evidence.map((evidence) => evidence.source),
  };
  if (relation.about !== undefined) facts.about = relation.about;
  if (relation.end !== undefined) facts.end = relation.end;
  return facts;
}

/** The facts of a broken relation: each field no zod issue touches (the issues have already been reported). */
function factsOfBroken(item: Record<string, unknown>, issues: readonly z.core.$ZodIssue[], file: string, index: number): RelationFacts {
  const flagged = issues.flatMap((issue) =>
    issue.code === "unrecognized_keys" ? issue.keys.map((key) => [...issue.path, key]) : [issue.path],
  );
  const clean = (path: readonly PropertyKey[]): boolean =>
    !flagged.some((problem) => startsWith(path, problem) || startsWith(problem, path));
  const text = (field: string): string | undefined => {
    const value = item[field];
    return typeof value === "string" && clean([field]) ? value : undefined;
  };
  const facts: RelationFacts = { file, index, citations: [] };
  const kind = text("kind");
  if (kind !== undefined && isRelationKind(kind)) facts.kind = kind;
  for (const field of ["source", "target", "about", "start"] as const) {
    const value = text(field);
    if (value !== undefined) facts[field] = value;
  }
  if (item.end === null && clean(["end"])) facts.end = null;
  else {
    const end = text("end");
    if (end !== undefined) facts.end = end;
  }
  if (Array.isArray(item.evidence)) {
    facts.citations = (item.evidence as unknown[]).map((evidence, position) =>
      isPlainObject(evidence) && typeof evidence.source === "string" && clean(["evidence", position, "source"])
        ? evidence.source
        : undefined,
    );
  }
  return facts;
}

/**
 * Gathers from a part of a file no check could reach (a file that is not JSON, as far as it could be
 * read; a collection that is not a list; an item that is not an object) the ids it seems to define and
 * those it refers to. Iterative: the part may be nested arbitrarily deep.
 */
function gatherUnchecked(value: unknown, ids: Set<string>, mentioned: Set<string>): void {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== "object" || current === null) continue;
    if (Array.isArray(current)) {
      for (const item of current as unknown[]) pending.push(item);
      continue;
    }
    for (const [key, field] of Object.entries(current)) {
      if (typeof field !== "string") pending.push(field);
      else if (key === "id") ids.add(field);
      else if (key === "source" || key === "target" || key === "about") mentioned.add(field);
    }
  }
}

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

function similar(a: string, b: string): boolean {
  // closest() always answers; only suggest a near miss (a typo), not any field.
  return distance(a.toLowerCase(), b.toLowerCase()) <= Math.max(1, Math.floor(b.length / 3));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function definitionPlace(definition: Definition): string {
  return `${definition.file}#${itemPointer(definition.collection, definition.index)}`;
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

function rememberMentions(relation: Record<string, unknown>, mentioned: Set<string>): void {
  for (const key of ["source", "target", "about"]) {
    const value = relation[key];
    if (typeof value === "string") mentioned.add(value);
  }
  if (Array.isArray(relation.evidence)) {
    for (const evidence of relation.evidence as unknown[]) {
      if (isPlainObject(evidence) && typeof evidence.source === "string") mentioned.add(evidence.source);
    }
  }
}

function checkReferences(
  collector: IssueCollector,
  definitions: ReadonlyMap<string, Definition>,
  unseen: Unseen,
  entities: readonly Located<Entity>[],
  relations: readonly RelationFacts[],
  sources: readonly Located<Source>[],
  mentioned: ReadonlySet<string>,
): void {
  const linkedEntities = new Set<string>(mentioned);
  const citedSources = new Set<string>(mentioned);

  const expectEntity = (file: string, index: number, field: string, id: string, role: string): Definition | undefined => {
    const definition = definitions.get(id);
    if (!definition) {
      if (unseen.mayDefine(id, "entities")) return undefined;
      collector.add(file, `${itemPointer("relations", index)}/${field}`, `${role} ${quote(id)} is not defined: no entity has this id`);
      return undefined;
    }
    if (definition.collection !== "entities") {
      collector.add(
        file,
        `${itemPointer("relations", index)}/${field}`,
        `${role} ${quote(id)} is ${WITH_ARTICLE[definition.collection]} (at ${definitionPlace(definition)}), not an entity`,
      );
      return undefined;
    }
    linkedEntities.add(id);
    return definition;
  };

  const checkEnd = (relation: RelationFacts, end: "source" | "target", definition: Definition | undefined): void => {
    const { kind, file, index } = relation;
    if (kind !== undefined && definition?.kind && !allowsEndpoint(kind, end, definition.kind)) {
      collector.add(
        file,
        `${itemPointer("relations", index)}/${end}`,
        `a "${kind}" relation cannot ${end === "source" ? "start at" : "point to"} a ${definition.kind} (${quote(relation[end] ?? "")}); allowed ${end} kinds: ${RELATION_KINDS[kind][end].join(", ")}`,
      );
    }
  };

  for (const relation of relations) {
    const { file, index, kind } = relation;
    if (relation.source !== undefined) checkEnd(relation, "source", expectEntity(file, index, "source", relation.source, "source entity"));
    if (relation.target !== undefined) checkEnd(relation, "target", expectEntity(file, index, "target", relation.target, "target entity"));
    if (relation.source !== undefined && relation.source === relation.target) {
      collector.add(file, `${itemPointer("relations", index)}/target`, `the relation links ${quote(relation.source)} to itself`, "warning");
    }
    if (relation.about !== undefined) {
      const family = kind === undefined ? undefined : RELATION_KINDS[kind].family;
      if (family !== undefined && !FAMILIES_WITH_ABOUT.includes(family)) {
        collector.add(
          file,
          `${itemPointer("relations", index)}/about`,
          `"about" is only for ${FAMILIES_WITH_ABOUT.join(", ")} relations; "${kind}" is a ${family} relation`,
        );
      }
      expectEntity(file, index, "about", relation.about, "about entity");
    }
    if (relation.start !== undefined && relation.end != null && endsBeforeStart(relation.start, relation.end)) {
      collector.add(file, `${itemPointer("relations", index)}/end`, `end ${quote(relation.end)} is before start ${quote(relation.start)}`);
    }
    relation.citations.forEach((source, cited) => {
      if (source === undefined) return;
      const definition = definitions.get(source);
      if (definition?.collection === "sources") {
        citedSources.add(source);
        return;
      }
      const pointer = `${itemPointer("relations", index)}/evidence/${cited}/source`;
      if (!definition) {
        if (!unseen.mayDefine(source, "sources")) collector.add(file, pointer, `cited source ${quote(source)} is not defined: no source has this id`);
      } else {
        collector.add(
          file,
          pointer,
          `cited source ${quote(source)} is ${WITH_ARTICLE[definition.collection]} (at ${definitionPlace(definition)}), not a source`,
        );
      }
    });
  }

  for (const { value: entity, file, index } of entities) {
    if (!linkedEntities.has(entity.id)) {
      collector.add(
        file,
        `${itemPointer("entities", index)}/id`,
        `entity ${quote(entity.id)} has no relation: link it or remove it`,
        "warning",
      );
    }
  }
  for (const { value: source, file, index } of sources) {
    if (!citedSources.has(source.id)) {
      collector.add(file, `${itemPointer("sources", index)}/id`, `source ${quote(source.id)} is never cited by a relation`, "warning");
    }
    if (source.published === undefined) {
      collector.add(file, itemPointer("sources", index), `source ${quote(source.id)} has no publication date ("published")`, "warning");
    }
  }
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

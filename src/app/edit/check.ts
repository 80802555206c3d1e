/**
 * Live validation of one record as it is typed, by the loader itself (parseDataset) run on the record and
 * only the records it refers to (a relation's entities and cited sources; an entity's relations with their
 * other ends), plus the one whole-dataset fact that needs no parse: whether its id is taken. So a keystroke
 * costs a few records' validation whatever the dataset's size, and says exactly what the loader would say.
 */
import type { RecordCollection } from "../../formats/json/edit.ts";
import { parseDataset } from "../../load/parse.ts";
import type { Entity, Relation, Source } from "../../model/schema.ts";
import { quote } from "../../model/text.ts";
import { collectionOf, type RecordIndex } from "./records.ts";

export interface FieldProblem {
  /** The field inside the record, as a pointer without the record's part: "start", "evidence/0/source"; "" for the record. */
  field: string;
  message: string;
  severity: "error" | "warning";
}

const NOUN: Record<RecordCollection, string> = { entities: "entity", relations: "relation", sources: "source" };

/** Warnings that a record being written naturally has (an entity before its first relation, a source before its citation). */
const NOT_YET = [/ has no relation: link it or remove it$/, / is never cited by a relation$/];

/**
 * The problems of a record (a form's draft: any shape), at their fields. `original` is the id the record had
 * before this edit (null for a new record): its own id is not "taken", and its referrers are checked too.
 */
export function checkRecord(index: RecordIndex, collection: RecordCollection, draft: Record<string, unknown>, original: string | null): FieldProblem[] {
  const entities = new Map<string, Entity>();
  const relations = new Map<string, Relation>();
  const sources = new Map<string, Source>();
  const addEntity = (id: unknown): void => {
    const found = typeof id === "string" ? index.entities.get(id) : undefined;
    if (found) entities.set(found.record.id, found.record);
  };
  const addSource = (id: unknown): void => {
    const found = typeof id === "string" ? index.sources.get(id) : undefined;
    if (found) sources.set(found.record.id, found.record);
  };
  const addReferences = (relation: Record<string, unknown>): void => {
    for (const end of ["source", "target", "about"]) addEntity(relation[end]);
    if (Array.isArray(relation.evidence)) for (const evidence of relation.evidence as unknown[]) if (typeof evidence === "object" && evidence !== null) addSource((evidence as { source?: unknown }).source);
  };
  // The referrers of an edited entity or source are checked with it when what they rely on changed: its id, or
  // an entity's kind (which their relation kinds must allow). Typing a name or a description checks the record alone.
  const before = original === null ? undefined : collection === "entities" ? index.entities.get(original)?.record : index.sources.get(original)?.record;
  const relied = before !== undefined && (draft.id !== original || (collection === "entities" && draft.kind !== (before as Entity).kind));
  const referrers = original === null || collection === "relations" || !relied ? [] : (index.referrers.get(original) ?? []);
  if (collection === "relations") addReferences(draft);
  for (const id of referrers) {
    const relation = index.relations.get(id)?.record;
    if (!relation) continue;
    relations.set(id, relation);
    addReferences(relation);
  }
  // The draft replaces the record it edits among its neighbours.
  if (original !== null) {
    if (collection === "entities") entities.delete(original);
    if (collection === "sources") sources.delete(original);
  }
  const others = (map: Map<string, unknown>): unknown[] => [...map.values()];
  const document = {
    entities: collection === "entities" ? [draft, ...others(entities)] : others(entities),
    relations: collection === "relations" ? [draft, ...others(relations)] : others(relations),
    sources: collection === "sources" ? [draft, ...others(sources)] : others(sources),
  };
  const result = parseDataset([{ file: "draft", json: document }]);
  const own = `/${collection}/0`;
  const problems: FieldProblem[] = [];
  const relationIds = [...relations.keys()];
  for (const issue of result.issues) {
    if (issue.pointer === own || issue.pointer.startsWith(`${own}/`)) {
      if (NOT_YET.some((pattern) => pattern.test(issue.message))) continue;
      problems.push({ field: issue.pointer.slice(own.length + 1), message: issue.message, severity: issue.severity });
      continue;
    }
    // A referrer the edit breaks: said at the field whose change broke it.
    const match = /^\/relations\/(\d+)\//.exec(issue.pointer);
    const position = match ? Number(match[1]) - (collection === "relations" ? 1 : 0) : -1;
    const referrer = relationIds[position];
    if (collection !== "relations" && referrer !== undefined && issue.severity === "error") {
      const renamed = original !== null && draft.id !== original;
      problems.push({ field: collection === "entities" && !renamed ? "kind" : "id", message: `relation ${quote(referrer)} would break: ${issue.message}`, severity: "error" });
    }
  }
  const id = draft.id;
  if (typeof id === "string" && id !== original) {
    const taken = collectionOf(index, id);
    // The loader says so already when the record that has the id is among the neighbours checked.
    const said = problems.some((problem) => problem.field === "id" && problem.message.startsWith("duplicate id"));
    if (taken !== null && !said) problems.push({ field: "id", message: `duplicate id ${quote(id)}: already used by the ${NOUN[taken]} in ${fileOf(index, taken, id)}`, severity: "error" });
    else if (taken === null && original !== null && referrers.length > 0)
      problems.push({ field: "id", message: `${referrers.length} relation(s) refer to ${quote(original)}: keep its id, or change those first`, severity: "error" });
  }
  return problems;
}

function fileOf(index: RecordIndex, collection: RecordCollection, id: string): string {
  return index[collection].get(id)?.file ?? "the dataset";
}

export function hasErrors(problems: readonly FieldProblem[]): boolean {
  return problems.some((problem) => problem.severity === "error");
}

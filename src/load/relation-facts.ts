/** What the cross-file checks read of each relation, valid or broken, and the ids a broken one mentions. */
import type { z } from "zod";
import { isRelationKind, type RelationKind } from "../model/ontology.ts";
import type { Relation } from "../model/schema.ts";
import { isPlainObject } from "./items.ts";

/**
 * What the cross-file checks need of a relation: the fields that passed the schema, which for a
 * broken relation are checked in the same run as its other problems rather than after they are fixed.
 */
export interface RelationFacts {
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

function startsWith(path: readonly PropertyKey[], prefix: readonly PropertyKey[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, position) => segment === path[position]);
}

export function factsOfValid(relation: Relation, file: string, index: number): RelationFacts {
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
export function factsOfBroken(
  item: Record<string, unknown>,
  issues: readonly z.core.$ZodIssue[],
  file: string,
  index: number,
): RelationFacts {
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

/** The ids a broken relation refers to (its ends, what it is about, its citations): they count as used. */
export function rememberMentions(relation: Record<string, unknown>, mentioned: Set<string>): void {
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

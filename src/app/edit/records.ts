/**
 * Every record of the dataset as the workbench needs it: by id, with the file it lives in, and what refers
 * to what (relations to their entities and cited sources), so a form can pick endpoints, check references,
 * list what a deletion would orphan and default a new record's file to its nearest relative's.
 */
import type { RecordCollection } from "../../formats/json/edit.ts";
import type { Entity, Relation, Source } from "../../model/schema.ts";

export interface Located<T> {
  record: T;
  file: string;
}

export interface RecordIndex {
  entities: ReadonlyMap<string, Located<Entity>>;
  relations: ReadonlyMap<string, Located<Relation>>;
  sources: ReadonlyMap<string, Located<Source>>;
  /** Relation ids by the entity or source id they name (source, target, about, cited source). */
  referrers: ReadonlyMap<string, readonly string[]>;
  /** Dataset files in order, with which collections each holds. */
  files: readonly { path: string; holds: ReadonlySet<RecordCollection> }[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Indexes the records of the dataset's files (already validated by the loader: only their shape is trusted). */
export function indexRecords(documents: readonly { file: string; json: unknown }[]): RecordIndex {
  const entities = new Map<string, Located<Entity>>();
  const relations = new Map<string, Located<Relation>>();
  const sources = new Map<string, Located<Source>>();
  const referrers = new Map<string, string[]>();
  const files: { path: string; holds: Set<RecordCollection> }[] = [];
  const refer = (id: unknown, relation: string): void => {
    if (typeof id !== "string") return;
    const list = referrers.get(id);
    if (list === undefined) referrers.set(id, [relation]);
    else if (list.at(-1) !== relation) list.push(relation);
  };
  for (const { file, json } of documents) {
    const holds = new Set<RecordCollection>();
    files.push({ path: file, holds });
    if (!isObject(json)) continue;
    for (const collection of ["entities", "relations", "sources"] as const) {
      const items = json[collection];
      if (!Array.isArray(items)) continue;
      holds.add(collection);
      for (const item of items as unknown[]) {
        if (!isObject(item) || typeof item.id !== "string") continue;
        if (collection === "entities") entities.set(item.id, { record: item as unknown as Entity, file });
        else if (collection === "sources") sources.set(item.id, { record: item as unknown as Source, file });
        else {
          const relation = item as unknown as Relation;
          relations.set(relation.id, { record: relation, file });
          refer(relation.source, relation.id);
          refer(relation.target, relation.id);
          refer(relation.about, relation.id);
          if (Array.isArray(relation.evidence)) for (const evidence of relation.evidence) refer(evidence.source, relation.id);
        }
      }
    }
  }
  return { entities, relations, sources, referrers, files };
}

/** The relations that name this entity or cite this source. */
export function referrersOf(index: RecordIndex, id: string): string[] {
  return [...(index.referrers.get(id) ?? [])];
}

/** The collection holding a record with this id, if any. */
export function collectionOf(index: RecordIndex, id: string): RecordCollection | null {
  if (index.entities.has(id)) return "entities";
  if (index.relations.has(id)) return "relations";
  if (index.sources.has(id)) return "sources";
  return null;
}

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (best === null || count > (counts.get(best) ?? 0)) best = value;
  }
  return best;
}

function firstHolding(index: RecordIndex, collection: RecordCollection): string | null {
  return index.files.find((file) => file.holds.has(collection))?.path ?? null;
}

/**
 * The file a new record goes to unless the user picks another: a relation's, its source entity's file; an
 * entity's, the file of the entity it is added beside; a source's, the file holding most of the sources that
 * relations of the related entity's file cite. Else the first file holding such records.
 */
export function defaultFileFor(index: RecordIndex, collection: RecordCollection, near: string | null): string | null {
  const nearFile = near === null ? null : (index.entities.get(near)?.file ?? index.relations.get(near)?.file ?? index.sources.get(near)?.file ?? null);
  if (collection === "sources" && nearFile !== null) {
    const cited: string[] = [];
    for (const { record, file } of index.relations.values()) {
      if (file !== nearFile) continue;
      for (const evidence of record.evidence) {
        const source = index.sources.get(evidence.source);
        if (source) cited.push(source.file);
      }
    }
    const file = mostCommon(cited);
    if (file !== null) return file;
  }
  if (collection !== "sources" && nearFile !== null) return nearFile;
  return firstHolding(index, collection) ?? index.files[0]?.path ?? null;
}

/** A fresh id from a name: lowercase words joined by hyphens, made unique with a number when taken. */
export function suggestId(index: RecordIndex, name: string): string {
  const base =
    name
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/, "") || "record";
  let id = base;
  for (let number = 2; collectionOf(index, id) !== null; number += 1) id = `${base}-${number}`;
  return id;
}

/**
 * The checked fast path (issue #20): a dataset from files the node loader validated with zero errors at build,
 * publish or serve time (a bundle whose `checked` digest matches its files, see verifyBundle), assembled as
 * parseDataset would return it without validating every field again. Zod's output of a valid item is a copy of the
 * item (the schemas have no defaults or transforms), so the parsed JSON is the dataset. Files a user opens never
 * come here: they are validated in full.
 */
import type { DatasetMeta, Entity, Relation, Source } from "../model/schema.ts";
import type { LoadIssue } from "./issues.ts";
import type { DatasetInput, LoadResult } from "./parse.ts";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The checked documents as a LoadResult, with the warnings the node loader reported when it checked them; null when
 * a document is not what a checked file can be (not JSON, not an object, a collection that is not a list): the caller
 * then validates in full, so a bundle that lies about being checked gets located errors, never a crash.
 */
export function trustedDataset(
  documents: readonly DatasetInput[],
  options: { defaultName: string; warnings: readonly LoadIssue[] },
): LoadResult | null {
  let meta: DatasetMeta | undefined;
  const entities: Entity[] = [];
  const relations: Relation[] = [];
  const sources: Source[] = [];
  for (const document of documents) {
    let value: unknown;
    if ("text" in document) {
      // A byte-order mark is a warning of the loader's (carried in `warnings`), not part of the JSON.
      const text = document.text.charCodeAt(0) === 0xfeff ? document.text.slice(1) : document.text;
      try {
        value = JSON.parse(text);
      } catch {
        return null;
      }
    } else value = document.json;
    if (!isPlainObject(value)) return null;
    const lists = [value.entities, value.relations, value.sources];
    if (lists.some((list) => list !== undefined && !Array.isArray(list))) return null;
    if (value.dataset !== undefined) {
      if (!isPlainObject(value.dataset) || meta) return null;
      meta = value.dataset as DatasetMeta;
    }
    // One item at a time: spreading a 150,000-item list as arguments can overflow the stack.
    for (const item of (value.entities ?? []) as Entity[]) entities.push(item);
    for (const item of (value.relations ?? []) as Relation[]) relations.push(item);
    for (const item of (value.sources ?? []) as Source[]) sources.push(item);
  }
  return {
    ok: true,
    issues: [...options.warnings],
    counts: { entities: entities.length, relations: relations.length, sources: sources.length },
    dataset: { meta: meta ?? { name: options.defaultName }, entities, relations, sources },
  };
}

/** Small synthetic datasets for the analysis tests, checked by the real loader before use. */
import { expect } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import type { AtlasGraph } from "../../src/graph/types.ts";
import { parseDataset } from "../../src/load/parse.ts";
import type { EntityKind, RelationKind } from "../../src/model/ontology.ts";
import type { Entity, Relation, Source } from "../../src/model/schema.ts";

export function entity(id: string, kind: EntityKind, country?: string): Entity {
  return country === undefined ? { id, kind, name: `Name of ${id}` } : { id, kind, name: `Name of ${id}`, country };
}

/** A relation citing its own source `src-<id>`; `end` undefined means ongoing. */
export function relation(
  id: string,
  kind: RelationKind,
  source: string,
  target: string,
  start: string,
  end?: string,
  about?: string,
): Relation {
  const result: Relation = {
    id,
    kind,
    source,
    target,
    start,
    end: end ?? null,
    claim: `Claim of ${id}.`,
    evidence: [{ source: `src-${id}`, locator: "paragraph 1" }],
    confidence: "reported",
  };
  if (about !== undefined) result.about = about;
  return result;
}

/** Every source the relations cite, each published when the first relation citing it starts. */
export function sourcesOf(relations: readonly Relation[]): Source[] {
  const sources = new Map<string, Source>();
  for (const cited of relations) {
    for (const { source: id } of cited.evidence) {
      if (!sources.has(id))
        sources.set(id, { id, url: `https://example.org/${id}`, publisher: "Example News", title: `Report ${id}`, published: cited.start });
    }
  }
  return [...sources.values()];
}

/** The dataset as JSON text through parseDataset (so every fixture obeys the ontology), then the graph. */
export function world(entities: Entity[], relations: Relation[]): AtlasGraph {
  const result = parseDataset([
    { file: "world.json", json: { dataset: { name: "Synthetic world" }, entities, relations, sources: sourcesOf(relations) } },
  ]);
  expect(result.issues, JSON.stringify(result.issues, null, 2)).toEqual([]);
  if (!result.ok) throw new Error("invalid synthetic world");
  return buildGraph(result.dataset);
}

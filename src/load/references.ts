/** The cross-file checks: references to entities and sources, the kinds a relation's ends may have, items nothing uses. */
import type { Entity, Source } from "../model/schema.ts";
import { FAMILIES_WITH_ABOUT, RELATION_KINDS, allowsEndpoint } from "../model/ontology.ts";
import { endsBeforeStart } from "../model/dates.ts";
import { quote } from "../model/text.ts";
import type { IssueCollector } from "./issue-collector.ts";
import { definitionPlace, itemPointer, type Collection, type Definition, type Located } from "./items.ts";
import type { RelationFacts } from "./relation-facts.ts";
import type { Unseen } from "./unseen.ts";

const WITH_ARTICLE: Record<Collection, string> = { entities: "an entity", relations: "a relation", sources: "a source" };

export function checkReferences(
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
        if (!unseen.mayDefine(source, "sources"))
          collector.add(file, pointer, `cited source ${quote(source)} is not defined: no source has this id`);
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

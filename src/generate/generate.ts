/**
 * A seeded synthetic dataset on the ontology, for benchmarks and stress tests.
 *
 * The degree distribution is heavy-tailed by preferential attachment (Barabási–Albert): each
 * entity links, when it is created, to an earlier entity chosen in proportion to its degree + 1,
 * and the remaining relations pick both ends the same way. Every choice respects the ontology's
 * allowed endpoint kinds. The result passes the loader with no error and no warning: every entity
 * is linked, every source is cited and has a publication date, ends never precede starts, and
 * there are no self-loops. The same options give the same dataset, byte for byte once written.
 */
import {
  ENTITY_KINDS,
  FAMILIES_WITH_ABOUT,
  RELATION_KINDS,
  RELATION_KIND_NAMES,
  type Confidence,
  type EntityKind,
  type RelationKind,
} from "../model/ontology.ts";
import { ENTITY_KIND_LOOKS } from "../model/presentation.ts";
import { countryName, type Dataset, type Entity, type Evidence, type Relation, type Source } from "../model/schema.ts";
import { PUBLISHERS, RELATION_VERBS, acronym, countryCode, entityName, followUp, inventedWord, topic } from "./names.ts";
import { slugify } from "../model/text.ts";
import { Random, WeightedChoice } from "./random.ts";

/** Bumped whenever the output for given options changes (benchmarks cache generated data by it). */
export const GENERATOR_VERSION = 2;

/** A slug of a name for ids and URLs; names always hold letters, the fallback is only a guard. */
function slug(name: string, max = 40): string {
  return slugify(name, max) || "item";
}

export interface GenerateOptions {
  entities: number;
  relations: number;
  seed: number;
  /** Default: one source per ten entities (at least one). */
  sources?: number;
  /** Called now and then during long runs: which phase, how far. */
  onProgress?: (phase: string, done: number, total: number) => void;
}

/** Why the options cannot give a valid dataset, or null when they can. */
export function generateOptionsProblem(options: GenerateOptions): string | null {
  const { entities, relations, seed } = options;
  const sources = options.sources ?? defaultSourceCount(entities);
  if (!Number.isSafeInteger(entities) || entities < 2) return `--entities must be a whole number of at least 2, got ${entities}`;
  if (!Number.isSafeInteger(relations) || relations < entities - 1) {
    return `--relations must be a whole number of at least entities - 1 (${entities - 1}) so every entity is linked, got ${relations}`;
  }
  if (!Number.isSafeInteger(sources) || sources < 1) return `--sources must be a whole number of at least 1, got ${sources}`;
  if (!Number.isSafeInteger(seed)) return `--seed must be a whole number, got ${seed}`;
  return null;
}

export function defaultSourceCount(entities: number): number {
  return Math.max(1, Math.round(entities / 10));
}

const PROGRESS_EVERY = 10_000;

const ENTITY_KIND_WEIGHTS: Readonly<Record<EntityKind, number>> = {
  government: 3,
  agency: 10,
  person: 32,
  carrier: 8,
  vendor: 3,
  organization: 20,
  bloc: 1,
  agreement: 5,
  policy: 11,
  legal_case: 7,
};

const RELATION_KIND_WEIGHTS: Readonly<Record<RelationKind, number>> = {
  pressures: 6,
  threatens: 2,
  restricts: 3,
  bans: 2,
  sanctions: 2,
  reviews: 3,
  charges: 1,
  detains: 1,
  retaliates: 1,
  criticizes: 5,
  lobbies: 4,
  uses_equipment_from: 8,
  contracts_with: 8,
  removes_equipment_from: 2,
  supplies: 6,
  shares_intelligence_with: 2,
  funds: 4,
  member_of: 8,
  party_to: 6,
  leads: 5,
  represents: 3,
  part_of: 6,
  owns: 4,
  regulates: 5,
  issues: 6,
  // Never generated: the neutral kind stands for what an import could not name, not for curated data.
  related_to: 0,
};

const CONFIDENCE_WEIGHTS: readonly (readonly [Confidence, number])[] = [
  ["confirmed", 45],
  ["reported", 40],
  ["alleged", 15],
];

/** The days dates may fall on: 1995-01-01 .. 2025-06-30 (as UTC day numbers). */
const FIRST_DAY = Date.UTC(1995, 0, 1) / 86_400_000;
const LAST_DAY = Date.UTC(2025, 5, 30) / 86_400_000;

/** A way for an entity of some kind to take part in a relation: the relation kind and its end. */
interface Role {
  kind: RelationKind;
  side: "source" | "target";
}

/**
 * Entities by kind, each listed once plus once per relation it takes part in, so a uniform draw
 * from the lists is a draw in proportion to degree + 1 (preferential attachment).
 */
class AttachmentPools {
  private readonly pools = new Map<EntityKind, number[]>(ENTITY_KINDS.map((kind) => [kind, []]));

  add(entity: number, kind: EntityKind): void {
    (this.pools.get(kind) as number[]).push(entity);
  }

  size(kinds: readonly EntityKind[]): number {
    let total = 0;
    for (const kind of kinds) total += (this.pools.get(kind) as number[]).length;
    return total;
  }

  /** An entity of one of the kinds, or -1 when there is none. */
  draw(kinds: readonly EntityKind[], random: Random): number {
    const total = this.size(kinds);
    if (total === 0) return -1;
    let index = random.below(total);
    for (const kind of kinds) {
      const pool = this.pools.get(kind) as number[];
      if (index < pool.length) return pool[index] as number;
      index -= pool.length;
    }
    return -1;
  }
}

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** A day rendered with a random precision: mostly full dates, some months, a few years. */
function partialDate(day: number, random: Random): string {
  const full = isoDay(day);
  const roll = random.float();
  return roll < 0.55 ? full : roll < 0.85 ? full.slice(0, 7) : full.slice(0, 4);
}

/** A day skewed towards recent years, as curated data about current affairs is. */
function recentDay(random: Random): number {
  return Math.floor(LAST_DAY - (LAST_DAY - FIRST_DAY) * random.float() ** 1.5);
}

export function generateDataset(options: GenerateOptions): Dataset {
  const problem = generateOptionsProblem(options);
  if (problem) throw new RangeError(problem);
  const entityCount = options.entities;
  const relationCount = options.relations;
  const sourceCount = options.sources ?? defaultSourceCount(entityCount);
  const report = options.onProgress ?? (() => {});
  const random = new Random(options.seed);

  const entityKinds = new WeightedChoice(ENTITY_KINDS.map((kind) => [kind, ENTITY_KIND_WEIGHTS[kind]] as const));
  const relationKinds = new WeightedChoice(RELATION_KIND_NAMES.map((kind) => [kind, RELATION_KIND_WEIGHTS[kind]] as const));
  const confidences = new WeightedChoice(CONFIDENCE_WEIGHTS);
  const rolesOf = new Map<EntityKind, WeightedChoice<Role>>();
  for (const entityKind of ENTITY_KINDS) {
    const roles: [Role, number][] = [];
    for (const kind of RELATION_KIND_NAMES) {
      const spec = RELATION_KINDS[kind];
      const weight = RELATION_KIND_WEIGHTS[kind];
      if ((spec.source as readonly EntityKind[]).includes(entityKind)) roles.push([{ kind, side: "source" }, weight]);
      if ((spec.target as readonly EntityKind[]).includes(entityKind)) roles.push([{ kind, side: "target" }, weight]);
    }
    rolesOf.set(entityKind, new WeightedChoice(roles));
  }

  // Entities. The first is a government: every kind may be linked to one, so each later entity
  // finds a partner among the earlier ones.
  const entities: Entity[] = [];
  for (let index = 0; index < entityCount; index += 1) {
    const kind = index === 0 ? "government" : entityKinds.draw(random);
    const code = kind === "bloc" && random.chance(0.5) ? undefined : countryCode(random, kind !== "government" && kind !== "person");
    const country = code === undefined ? undefined : countryName(code);
    const name = entityName(kind, random, country);
    const entity: Entity = { id: `${slug(name)}-${index + 1}`, kind, name };
    if (random.chance(0.2)) {
      const aliases = [acronym(name), random.chance(0.3) ? name.split(" ")[0] : undefined].filter(
        (alias): alias is string => alias !== undefined && alias !== name,
      );
      if (aliases.length > 0) entity.aliases = [...new Set(aliases)];
    }
    if (code !== undefined) entity.country = code;
    if (random.chance(0.25)) {
      const about = `${ENTITY_KIND_LOOKS[kind].label} active in ${topic(random).toLowerCase()}${country ? ` in ${country}` : ""}.`;
      entity.description = random.chance(0.2) ? `${about}\n${followUp(random)}` : about;
    }
    if (random.chance(0.15)) entity.url = `https://www.${slug(name, 30)}.example/`;
    entities.push(entity);
    if ((index + 1) % PROGRESS_EVERY === 0) report("entities", index + 1, entityCount);
  }

  const pools = new AttachmentPools();
  const vendors: number[] = [];
  const relations: Relation[] = [];
  const addRelation = (kind: RelationKind, source: number, target: number): void => {
    const sourceEntity = entities[source] as Entity;
    const targetEntity = entities[target] as Entity;
    pools.add(source, sourceEntity.kind);
    pools.add(target, targetEntity.kind);
    relations.push(relation(relations.length + 1, kind, sourceEntity, targetEntity, random, vendors, entities, confidences));
    if (relations.length % PROGRESS_EVERY === 0) report("relations", relations.length, relationCount);
  };

  // Growth: each new entity links to an earlier one (a spanning tree, so every entity is linked).
  pools.add(0, "government");
  for (let index = 1; index < entityCount; index += 1) {
    const entity = entities[index] as Entity;
    const roles = rolesOf.get(entity.kind) as WeightedChoice<Role>;
    let partner = -1;
    let role: Role | undefined;
    for (let attempt = 0; attempt < 50 && partner < 0; attempt += 1) {
      role = roles.draw(random);
      const spec = RELATION_KINDS[role.kind];
      partner = pools.draw(role.side === "source" ? spec.target : spec.source, random);
    }
    if (partner < 0 || role === undefined) {
      // Unreachable while every kind can be linked to a government (entity 0); kept as a guard.
      throw new Error(`no earlier entity can be linked to a ${entity.kind}`);
    }
    if (role.side === "source") addRelation(role.kind, index, partner);
    else addRelation(role.kind, partner, index);
    pools.add(index, entity.kind);
    if (entity.kind === "vendor") vendors.push(index);
  }

  // The remaining relations: both ends drawn by preferential attachment, kinds allowed, no self-loop.
  while (relations.length < relationCount) {
    let added = false;
    for (let attempt = 0; attempt < 100 && !added; attempt += 1) {
      const kind = relationKinds.draw(random);
      const spec = RELATION_KINDS[kind];
      const source = pools.draw(spec.source, random);
      const target = pools.draw(spec.target, random);
      if (source < 0 || target < 0 || source === target) continue;
      addRelation(kind, source, target);
      added = true;
    }
    if (!added) throw new Error("could not place a relation after 100 attempts");
  }

  const sources = citeSources(relations, sourceCount, random, report);
  return {
    meta: {
      name: `Synthetic dataset (seed ${options.seed})`,
      description: `Generated by "atlas generate": ${entityCount} entities, ${relationCount} relations, ${sourceCount} sources, seed ${options.seed}. Every name, claim and source is invented.`,
      licence: "CC0-1.0",
      version: `generator ${GENERATOR_VERSION}`,
    },
    entities,
    relations,
    sources,
  };
}

function relation(
  number: number,
  kind: RelationKind,
  source: Entity,
  target: Entity,
  random: Random,
  vendors: readonly number[],
  entities: readonly Entity[],
  confidences: WeightedChoice<Confidence>,
): Relation {
  const startDay = recentDay(random);
  const start = partialDate(startDay, random);
  let end: string | null = null;
  if (random.chance(0.55)) {
    // Durations: mostly months, sometimes years; an end past the last day means "still ongoing".
    const endDay = startDay + Math.floor(-730 * Math.log(1 - random.float()));
    if (endDay <= LAST_DAY) end = partialDate(endDay, random);
  }
  let about: Entity | undefined;
  if (FAMILIES_WITH_ABOUT.includes(RELATION_KINDS[kind].family) && vendors.length > 0 && random.chance(0.4)) {
    about = entities[random.pick(vendors)];
  }
  let claim = `${source.name} ${RELATION_VERBS[kind]} ${target.name}${about === undefined ? "" : ` over ${about.name}`}.`;
  if (random.chance(0.35)) claim += ` ${followUp(random)}`;
  if (random.chance(0.05)) claim += `\n${followUp(random)}`;
  // Keys in the order a curator writes them (and the schema lists them).
  return {
    id: `rel-${number}`,
    kind,
    source: source.id,
    target: target.id,
    ...(about === undefined ? {} : { about: about.id }),
    start,
    end,
    claim,
    evidence: [],
    confidence: confidences.draw(random),
  };
}

/** Makes the sources and cites each at least once; extra citations favour a few prolific sources. */
function citeSources(
  relations: Relation[],
  sourceCount: number,
  random: Random,
  report: (phase: string, done: number, total: number) => void,
): Source[] {
  const sources: Source[] = [];
  for (let index = 0; index < sourceCount; index += 1) {
    const publisher = PUBLISHERS[Math.floor(PUBLISHERS.length * random.float() ** 2)] as string;
    const publishedDay = recentDay(random);
    const published = isoDay(publishedDay);
    const title = `${inventedWord(random)} and the ${topic(random).toLowerCase()} question: ${random.pick(["what we know", "a timeline", "officials respond", "the decision explained", "analysis"])}`;
    const url = `https://www.${slug(publisher, 30)}.example/${published.slice(0, 4)}/${published.slice(5, 7)}/${slug(title, 50)}-${index + 1}`;
    const source: Source = {
      id: `src-${index + 1}`,
      url,
      publisher,
      title,
      published: random.chance(0.3) ? published.slice(0, 7) : published,
    };
    if (random.chance(0.5)) source.accessed = isoDay(Math.min(LAST_DAY, publishedDay + random.between(0, 400)));
    if (random.chance(0.1)) source.archive = `https://web.archive.org/web/${published.replaceAll("-", "")}000000/${url}`;
    sources.push(source);
  }
  relations.forEach((relation, index) => {
    const cited = new Set<number>();
    for (let source = index; source < sourceCount; source += relations.length) cited.add(source);
    const extra = cited.size === 0 ? 1 + (random.chance(0.3) ? 1 : 0) + (random.chance(0.1) ? 1 : 0) : random.chance(0.2) ? 1 : 0;
    for (let added = 0; added < extra; added += 1) cited.add(Math.floor(sourceCount * random.float() ** 2));
    relation.evidence = [...cited].map((source): Evidence => {
      const evidence: Evidence = { source: `src-${source + 1}` };
      if (random.chance(0.4)) evidence.locator = random.pick(["paragraph", "page", "section"]) + ` ${random.between(1, 40)}`;
      return evidence;
    });
    if ((index + 1) % PROGRESS_EVERY === 0) report("citations", index + 1, relations.length);
  });
  return sources;
}

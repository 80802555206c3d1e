/**
 * The relations a leverage analysis follows, indexed once per graph. A big graph has tens of
 * thousands of pressures, and each needs its own walks (the sides of the pressure, in its own time
 * window): entities are numbered and every kind of step is kept in flat typed arrays, so a walk
 * costs integer comparisons where maps of strings cost milliseconds per pressure.
 */
import type { AtlasGraph, EntityAttributes, RelationAttributes } from "../graph/types.ts";
import {
  ACTS_FOR_KINDS,
  BLOC_KIND,
  COUNTRY_MEMBER_KINDS,
  DEPENDENT_END,
  isDependencyKind,
  kindTest,
  MEMBERSHIP_KIND,
  OWNER_KINDS,
  PART_KINDS,
  PRESSURE_FAMILY,
  STATE_KIND,
  type StructureKind,
} from "./rules.ts";
import { daysOf } from "./relations.ts";

export interface Link {
  id: string;
  source: string;
  target: string;
  attributes: RelationAttributes;
}

/** A structure relation an analysis walks (acting for, part of, ownership). */
export interface StructureLink extends Link {
  kind: StructureKind;
}

/** A dependency relation with its ends named by role (rules.ts: DEPENDENT_END). */
export interface DependencyLink extends Link {
  dependent: string;
  provider: string;
}

/** Relations numbered in graph order, with their first and last days as day numbers (relations.ts: daysOf) for activity tests without strings. */
export interface LinkTable<L extends Link = Link> {
  links: readonly L[];
  /** Each relation's number among all the graph's relations (LinkIndex.relations). */
  relation: Int32Array;
  first: Float64Array;
  last: Float64Array;
}

/**
 * Steps of one kind out of each entity, as compressed rows over a table of relations: the steps out
 * of entity number `e` are positions `start[e]` to `start[e + 1] - 1` of `link` (the relation's
 * number in the table) and `to` (the entity number the step reaches), in graph order of the relations.
 */
export interface Steps<L extends Link = Link> extends LinkTable<L> {
  start: Int32Array;
  link: Int32Array;
  to: Int32Array;
}

export interface LinkIndex {
  graph: AtlasGraph;
  /** Entity ids by number (graph order), and numbers by id. */
  ids: readonly string[];
  numbers: ReadonlyMap<string, number>;
  /** Entity attributes by number (the graph's own objects). */
  entities: readonly EntityAttributes[];
  /** Per entity number: 1 for a government (rules.ts: STATE_KIND). */
  isState: Uint8Array;
  /** Per entity number: its country's number, or -1. */
  country: Int32Array;
  /** Per entity number: its country's number when it is a country member (a carrier, vendor, organization or agency with a country), or -1. */
  memberCountry: Int32Array;
  /** Countries by number. */
  countries: readonly string[];
  /** Per country number: its members, in graph order. */
  members: readonly (readonly number[])[];
  /** Per country number: the members with part_of or owns relations down to others (a walk down from a country starts from them). */
  walkableMembers: readonly (readonly number[])[];
  /** Relations an actor acts for another through (rules.ts: ACTS_FOR_KINDS), from the actor to whom it acts for. */
  actsFor: Steps<StructureLink>;
  /** From an entity to what stands under it: part_of from the whole to its parts, then owns from the owner to what it owns. */
  down: Steps<StructureLink>;
  /** The same relations the other way: part_of from the part to the whole, then owns from what is owned to its owner. */
  up: Steps<StructureLink>;
  /** Dependency relations from the end depended on to the dependent end, and from the dependent end to the end depended on. */
  dependents: Steps<DependencyLink>;
  providers: Steps<DependencyLink>;
  /** member_of relations pointing at a bloc, from the member to the bloc, and from the bloc to the member. */
  blocs: Steps;
  blocMembers: Steps;
  /** Pressure relations that name what they are about, in graph order. */
  pressures: Link[];
  /** Every relation's id by number (graph order): tables number their relations among these too. */
  relations: readonly string[];
  /** Every relation's ends (entity numbers), by relation number. */
  sources: Int32Array;
  targets: Int32Array;
}

const isActsForKind = kindTest(ACTS_FOR_KINDS);
const isPartKind = kindTest(PART_KINDS);
const isOwnerKind = kindTest(OWNER_KINDS);
const countryMemberKinds = new Set<string>(COUNTRY_MEMBER_KINDS);

/** Relations gathered in graph order, numbered as they come (LinkTable once built). */
class Table<L extends Link> {
  readonly links: L[] = [];
  private readonly relations: number[] = [];

  /** Adds the graph's relation number `relation`; returns its number in the table. */
  add(link: L, relation: number): number {
    this.links.push(link);
    this.relations.push(relation);
    return this.links.length - 1;
  }

  build(): LinkTable<L> {
    const first = new Float64Array(this.links.length);
    const last = new Float64Array(this.links.length);
    this.links.forEach((item, number) => {
      const days = daysOf(item.attributes.start, item.attributes.end);
      first[number] = days.first;
      last[number] = days.last;
    });
    return { links: this.links, relation: Int32Array.from(this.relations), first, last };
  }
}

/** Steps gathered in graph order (entity from, relation number, entity reached), then laid out by entity (a counting sort). */
class StepLists {
  private readonly from: number[] = [];
  private readonly link: number[] = [];
  private readonly to: number[] = [];

  add(from: number, link: number, to: number): void {
    this.from.push(from);
    this.link.push(link);
    this.to.push(to);
  }

  /** The steps over `table`; `after`'s steps out of each entity follow this list's own (down: the parts, then what is owned). */
  build<L extends Link>(entities: number, table: LinkTable<L>, after?: StepLists): Steps<L> {
    const lists = after ? [this, after] : [this];
    const start = new Int32Array(entities + 1);
    for (const list of lists) for (const from of list.from) start[from + 1] = (start[from + 1] as number) + 1;
    for (let entity = 0; entity < entities; entity += 1) start[entity + 1] = (start[entity + 1] as number) + (start[entity] as number);
    const total = start[entities] as number;
    const link = new Int32Array(total);
    const to = new Int32Array(total);
    const next = start.slice(0, entities);
    for (const list of lists) {
      list.from.forEach((from, item) => {
        const position = next[from] as number;
        next[from] = position + 1;
        link[position] = list.link[item] as number;
        to[position] = list.to[item] as number;
      });
    }
    return { ...table, start, link, to };
  }
}

export function indexLinks(graph: AtlasGraph): LinkIndex {
  const ids = graph.nodes();
  const numbers = new Map(ids.map((id, number) => [id, number]));
  const count = ids.length;
  const isState = new Uint8Array(count);
  const country = new Int32Array(count).fill(-1);
  const memberCountry = new Int32Array(count).fill(-1);
  const countries: string[] = [];
  const countryNumbers = new Map<string, number>();
  const members: number[][] = [];
  const entities = ids.map((id) => graph.getNodeAttributes(id));
  entities.forEach((attributes, number) => {
    if (attributes.kind === STATE_KIND) isState[number] = 1;
    if (attributes.country === undefined) return;
    let code = countryNumbers.get(attributes.country);
    if (code === undefined) {
      code = countries.length;
      countries.push(attributes.country);
      countryNumbers.set(attributes.country, code);
      members.push([]);
    }
    country[number] = code;
    if (countryMemberKinds.has(attributes.kind)) {
      memberCountry[number] = code;
      (members[code] as number[]).push(number);
    }
  });

  // Relations by table: part_of and owns (walked up and down), acting for, dependencies (by either end), bloc memberships.
  const structure = new Table<StructureLink>();
  const acting = new Table<StructureLink>();
  const dependencies = new Table<DependencyLink>();
  const memberships = new Table<Link>();
  const parts = new StepLists();
  const owned = new StepLists();
  const wholes = new StepLists();
  const owners = new StepLists();
  const actsFor = new StepLists();
  const dependents = new StepLists();
  const providers = new StepLists();
  const blocs = new StepLists();
  const blocMembers = new StepLists();
  const pressures: Link[] = [];
  const number = (id: string): number => numbers.get(id) as number;
  const relations: string[] = [];
  const sources = new Int32Array(graph.size);
  const targets = new Int32Array(graph.size);
  graph.forEachEdge((id, attributes, source, target) => {
    const relation = relations.length;
    relations.push(id);
    const link: Link = { id, source, target, attributes };
    const { kind } = attributes;
    const from = number(source);
    const to = number(target);
    sources[relation] = from;
    targets[relation] = to;
    if (attributes.family === PRESSURE_FAMILY && attributes.about !== undefined) pressures.push(link);
    if (isActsForKind(kind)) actsFor.add(from, acting.add({ ...link, kind }, relation), to);
    if (isPartKind(kind)) {
      const part = structure.add({ ...link, kind }, relation);
      parts.add(to, part, from);
      wholes.add(from, part, to);
    }
    if (isOwnerKind(kind)) {
      const ownership = structure.add({ ...link, kind }, relation);
      owned.add(from, ownership, to);
      owners.add(to, ownership, from);
    }
    if (kind === MEMBERSHIP_KIND && graph.getNodeAttribute(target, "kind") === BLOC_KIND) {
      const membership = memberships.add(link, relation);
      blocs.add(from, membership, to);
      blocMembers.add(to, membership, from);
    }
    if (isDependencyKind(kind)) {
      const [dependent, provider] = DEPENDENT_END[kind] === "source" ? [source, target] : [target, source];
      const dependency = dependencies.add({ ...link, dependent, provider }, relation);
      dependents.add(number(provider), dependency, number(dependent));
      providers.add(number(dependent), dependency, number(provider));
    }
  });
  const [structureTable, dependencyTable, membershipTable] = [structure.build(), dependencies.build(), memberships.build()];
  const down = parts.build(count, structureTable, owned);
  return {
    graph,
    ids,
    numbers,
    entities,
    isState,
    country,
    memberCountry,
    countries,
    members,
    walkableMembers: members.map((list) => list.filter((member) => (down.start[member + 1] as number) > (down.start[member] as number))),
    actsFor: actsFor.build(count, acting.build()),
    down,
    up: wholes.build(count, structureTable, owners),
    dependents: dependents.build(count, dependencyTable),
    providers: providers.build(count, dependencyTable),
    blocs: blocs.build(count, membershipTable),
    blocMembers: blocMembers.build(count, membershipTable),
    pressures,
    relations,
    sources,
    targets,
  };
}

/** Whether entity number `entity` has any step in `steps`. */
export function hasSteps(steps: Steps, entity: number): boolean {
  return (steps.start[entity + 1] as number) > (steps.start[entity] as number);
}

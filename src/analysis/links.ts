/**
 * The relations a leverage analysis follows, indexed once per graph by the entity they start
 * from. Sides of a pressure can hold thousands of entities (every company of a country) and are
 * recomputed for each pressure's time window; plain maps of the few relevant relations keep that
 * cheap where walking each entity's full edge list through graphology would not.
 */
import type { AtlasGraph, RelationAttributes } from "../graph/types.ts";
import { daySpan, type DaySpan } from "../model/dates.ts";
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
  type StructureKind,
} from "./rules.ts";

export interface Link {
  id: string;
  source: string;
  target: string;
  attributes: RelationAttributes;
  /** The relation's dates as days, for the many activity tests of a walk (relations.ts: spanIsActiveIn). */
  span: DaySpan;
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

export interface LinkIndex {
  graph: AtlasGraph;
  /** Carriers, vendors, organizations and agencies by country, in graph order. */
  countries: Map<string, Set<string>>;
  /** The same, only those that have part_of or owns relations (a walk down from a country starts from them). */
  walkableMembers: Map<string, string[]>;
  /** Relations an actor acts for another through (rules.ts: ACTS_FOR_KINDS), by the entity acting. */
  actsFor: Map<string, StructureLink[]>;
  /** part_of relations by the whole. */
  parts: Map<string, StructureLink[]>;
  /** owns relations by the owner. */
  owned: Map<string, StructureLink[]>;
  /** The same relations the other way: part_of by the part, owns by what is owned (for walks up to a party). */
  wholes: Map<string, StructureLink[]>;
  owners: Map<string, StructureLink[]>;
  /** Dependency relations by their dependent end, and by the end depended on. */
  byDependent: Map<string, DependencyLink[]>;
  byProvider: Map<string, DependencyLink[]>;
  /** member_of relations pointing at a bloc, by member. */
  blocMemberships: Map<string, Link[]>;
  /** Pressure relations that name what they are about, in graph order. */
  pressures: Link[];
}

const isActsForKind = kindTest(ACTS_FOR_KINDS);
const isPartKind = kindTest(PART_KINDS);
const isOwnerKind = kindTest(OWNER_KINDS);
const countryMemberKinds = new Set<string>(COUNTRY_MEMBER_KINDS);

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexLinks(graph: AtlasGraph): LinkIndex {
  const index: LinkIndex = {
    graph,
    countries: new Map(),
    walkableMembers: new Map(),
    actsFor: new Map(),
    parts: new Map(),
    owned: new Map(),
    wholes: new Map(),
    owners: new Map(),
    byDependent: new Map(),
    byProvider: new Map(),
    blocMemberships: new Map(),
    pressures: [],
  };
  graph.forEachNode((node, attributes) => {
    if (attributes.country === undefined || !countryMemberKinds.has(attributes.kind)) return;
    const members = index.countries.get(attributes.country);
    if (members) members.add(node);
    else index.countries.set(attributes.country, new Set([node]));
  });
  graph.forEachEdge((id, attributes, source, target) => {
    const link: Link = { id, source, target, attributes, span: daySpan(attributes.start, attributes.end) };
    const { kind } = attributes;
    if (attributes.family === PRESSURE_FAMILY && attributes.about !== undefined) index.pressures.push(link);
    if (isActsForKind(kind)) append(index.actsFor, source, { ...link, kind });
    if (isPartKind(kind)) {
      const part: StructureLink = { ...link, kind };
      append(index.parts, target, part);
      append(index.wholes, source, part);
    }
    if (isOwnerKind(kind)) {
      const ownership: StructureLink = { ...link, kind };
      append(index.owned, source, ownership);
      append(index.owners, target, ownership);
    }
    if (kind === MEMBERSHIP_KIND && graph.getNodeAttribute(target, "kind") === BLOC_KIND) append(index.blocMemberships, source, link);
    if (isDependencyKind(kind)) {
      const [dependent, provider] = DEPENDENT_END[kind] === "source" ? [source, target] : [target, source];
      const dependency: DependencyLink = { ...link, dependent, provider };
      append(index.byDependent, dependent, dependency);
      append(index.byProvider, provider, dependency);
    }
  });
  for (const [country, members] of index.countries) {
    const walkable = [...members].filter((member) => index.parts.has(member) || index.owned.has(member));
    if (walkable.length > 0) index.walkableMembers.set(country, walkable);
  }
  return index;
}

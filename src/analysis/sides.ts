/**
 * The two sides of a pressure: which party an actor acts for, and which entities stand under a
 * party. Both walk structure relations active in a time window and remember the relations they
 * walked, because a chain must cite every step.
 *
 * Hand-written breadth-first walks: graphology-traversal follows every edge of a node and does
 * not report the edge it came through, while these walks follow only some relation kinds, only
 * when active in the window, and must return the relations on each path.
 */
import type { AtlasGraph } from "../graph/types.ts";
import { isActiveIn, type TimeWindow } from "./relations.ts";
import { ACTS_FOR_KINDS, COUNTRY_MEMBER_KINDS, kindTest, OWNER_KINDS, PART_KINDS, STATE_KIND, type StructureKind } from "./rules.ts";

/** The party an actor acts for, and the structure relations (in order, from the actor) that say so. */
export interface Resolution {
  party: string;
  via: string[];
}

/** How an entity came to stand under a party: it is the party, shares its country, or a chain of part_of / owns. */
export type MembershipRoute = "self" | "country" | StructureKind;

export interface Membership {
  route: MembershipRoute;
  /** The structure relations from the party down to the entity (empty for self and country). */
  relations: string[];
}

const isActsForKind = kindTest(ACTS_FOR_KINDS);
const isPartKind = kindTest(PART_KINDS);
const isOwnerKind = kindTest(OWNER_KINDS);
const countryMemberKinds = new Set<string>(COUNTRY_MEMBER_KINDS);

/**
 * The governments an actor acts for in the window: the actor itself when it is a government;
 * otherwise the nearest governments reached by following leads / represents / part_of from the
 * actor (a person leads an agency that is part of a government). An actor that reaches no
 * government acts for itself (a bloc, a company, an official whose role is not recorded).
 */
export function actingFor(graph: AtlasGraph, actor: string, window: TimeWindow): Resolution[] {
  if (graph.getNodeAttribute(actor, "kind") === STATE_KIND) return [{ party: actor, via: [] }];
  const paths = new Map<string, string[]>([[actor, []]]);
  let frontier = [actor];
  while (frontier.length > 0) {
    const next: string[] = [];
    const found: Resolution[] = [];
    for (const node of frontier) {
      const path = paths.get(node) ?? [];
      graph.forEachOutEdge(node, (edge, attributes, _source, target) => {
        if (!isActsForKind(attributes.kind) || paths.has(target) || !isActiveIn(attributes, window)) return;
        const via = [...path, edge];
        paths.set(target, via);
        if (graph.getNodeAttribute(target, "kind") === STATE_KIND) found.push({ party: target, via });
        else next.push(target);
      });
    }
    if (found.length > 0) return found;
    frontier = next;
  }
  return [{ party: actor, via: [] }];
}

/** Entities by country, for the country rule of entitiesUnder; built once per analysis. */
export function countryIndex(graph: AtlasGraph): Map<string, string[]> {
  const index = new Map<string, string[]>();
  graph.forEachNode((node, attributes) => {
    if (attributes.country === undefined || !countryMemberKinds.has(attributes.kind)) return;
    const members = index.get(attributes.country);
    if (members) members.push(node);
    else index.set(attributes.country, [node]);
  });
  return index;
}

/**
 * The entities under a party in the window: the party itself; when `byCountry` and the party is
 * a government with a country, every carrier, vendor, organization and agency of that country;
 * then, transitively, anything part_of one of these and anything one of these owns.
 */
export function entitiesUnder(
  graph: AtlasGraph,
  party: string,
  window: TimeWindow,
  countries: Map<string, string[]> | undefined,
): Map<string, Membership> {
  const under = new Map<string, Membership>([[party, { route: "self", relations: [] }]]);
  const { kind, country } = graph.getNodeAttributes(party);
  if (countries && kind === STATE_KIND && country !== undefined) {
    for (const member of countries.get(country) ?? []) {
      if (!under.has(member)) under.set(member, { route: "country", relations: [] });
    }
  }
  let frontier = [...under.keys()];
  while (frontier.length > 0) {
    const next: string[] = [];
    const join = (edge: string, kindOf: StructureKind, from: string, entity: string): void => {
      if (under.has(entity)) return;
      under.set(entity, { route: kindOf, relations: [...(under.get(from)?.relations ?? []), edge] });
      next.push(entity);
    };
    for (const node of frontier) {
      graph.forEachInEdge(node, (edge, attributes, source) => {
        if (isPartKind(attributes.kind) && isActiveIn(attributes, window)) join(edge, attributes.kind, node, source);
      });
      graph.forEachOutEdge(node, (edge, attributes, _source, target) => {
        if (isOwnerKind(attributes.kind) && isActiveIn(attributes, window)) join(edge, attributes.kind, node, target);
      });
    }
    frontier = next;
  }
  return under;
}

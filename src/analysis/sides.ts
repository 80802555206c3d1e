/**
 * The two sides of a pressure: which party an actor acts for, and which entities stand under a
 * party. Both walk structure relations active in a time window and remember the relations they
 * walked, because a chain must cite every step.
 *
 * Hand-written breadth-first walks: graphology-traversal follows every edge of a node and does
 * not report the edge it came through, while these walks follow only some relation kinds, only
 * when active in the window, and must return the relations on each path.
 */
import type { LinkIndex, StructureLink } from "./links.ts";
import { isActiveIn, type TimeWindow } from "./relations.ts";
import { STATE_KIND, type StructureKind } from "./rules.ts";

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

const NONE: readonly StructureLink[] = [];

/**
 * The governments an actor acts for in the window: the actor itself when it is a government;
 * otherwise the nearest governments reached by following the acting-for relations (rules.ts:
 * ACTS_FOR_KINDS) from the actor: a person leads an agency that is part of a government. An actor
 * that reaches no government acts for itself (a bloc, a company, an official whose role is not recorded).
 */
export function actingFor(index: LinkIndex, actor: string, window: TimeWindow): Resolution[] {
  const { graph } = index;
  if (graph.getNodeAttribute(actor, "kind") === STATE_KIND) return [{ party: actor, via: [] }];
  const paths = new Map<string, string[]>([[actor, []]]);
  let frontier = [actor];
  while (frontier.length > 0) {
    const next: string[] = [];
    const found: Resolution[] = [];
    for (const node of frontier) {
      const path = paths.get(node) ?? [];
      for (const link of index.actsFor.get(node) ?? NONE) {
        if (paths.has(link.target) || !isActiveIn(link.attributes, window)) continue;
        const via = [...path, link.id];
        paths.set(link.target, via);
        if (graph.getNodeAttribute(link.target, "kind") === STATE_KIND) found.push({ party: link.target, via });
        else next.push(link.target);
      }
    }
    if (found.length > 0) return found;
    frontier = next;
  }
  return [{ party: actor, via: [] }];
}

/**
 * The entities under a party in the window: the party itself; when `byCountry` and the party is
 * a government with a country, every carrier, vendor, organization and agency of that country;
 * then, transitively, anything part_of one of these and anything one of these owns.
 */
export function entitiesUnder(index: LinkIndex, party: string, window: TimeWindow, byCountry: boolean): Map<string, Membership> {
  const under = new Map<string, Membership>([[party, { route: "self", relations: [] }]]);
  const { kind, country } = index.graph.getNodeAttributes(party);
  if (byCountry && kind === STATE_KIND && country !== undefined) {
    for (const member of index.countries.get(country) ?? []) {
      if (!under.has(member)) under.set(member, { route: "country", relations: [] });
    }
  }
  let frontier = [...under.keys()];
  while (frontier.length > 0) {
    const next: string[] = [];
    const join = (link: StructureLink, from: string, entity: string): void => {
      if (under.has(entity) || !isActiveIn(link.attributes, window)) return;
      under.set(entity, { route: link.kind, relations: [...(under.get(from)?.relations ?? []), link.id] });
      next.push(entity);
    };
    for (const node of frontier) {
      for (const link of index.parts.get(node) ?? NONE) join(link, node, link.source);
      for (const link of index.owned.get(node) ?? NONE) join(link, node, link.target);
    }
    frontier = next;
  }
  return under;
}

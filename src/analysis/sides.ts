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
import { spanIsActiveIn, type TimeWindow } from "./relations.ts";
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
        if (paths.has(link.target) || !spanIsActiveIn(link.span, window)) continue;
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

/** Every country member stands under its government the same way: shared, never mutated. */
const BY_COUNTRY: Membership = Object.freeze({ route: "country", relations: Object.freeze([]) as unknown as string[] });
const SELF: Membership = Object.freeze({ route: "self", relations: Object.freeze([]) as unknown as string[] });

/**
 * The entities under a party in a window, in a fixed order: the party, its country's members (when
 * taken by country), then what part_of / owns chains reach, breadth first.
 *
 * A government's side holds every company and agency of its country: thousands in a big graph, and
 * one side is needed per pressure's time window. So the country members are not copied into each
 * side: they are the index's list, shared, and only the walk beyond them (which depends on the
 * window) is computed, from the few members that have part_of / owns relations at all. Lookups
 * and ordered iteration behave as one Map of the whole side would.
 */
export class Side {
  constructor(
    private readonly index: LinkIndex,
    readonly party: string,
    /** The country whose members stand under the party, if taken by country. */
    private readonly country: string | undefined,
    private readonly members: ReadonlySet<string>,
    private readonly reached: ReadonlyMap<string, Membership>,
  ) {}

  get size(): number {
    return 1 + this.members.size + this.reached.size;
  }

  get(entity: string): Membership | undefined {
    if (entity === this.party) return SELF;
    return this.reached.get(entity) ?? (this.members.has(entity) ? BY_COUNTRY : undefined);
  }

  has(entity: string): boolean {
    return entity === this.party || this.members.has(entity) || this.reached.has(entity);
  }

  /** Every entity with how it stands under the party, in side order. */
  *entries(): IterableIterator<[string, Membership]> {
    yield [this.party, SELF];
    for (const member of this.members) yield [member, BY_COUNTRY];
    yield* this.reached;
  }

  [Symbol.iterator](): IterableIterator<[string, Membership]> {
    return this.entries();
  }

  /** The entries whose entity is a key of `keyed` (an index of relations by entity), in side order, without visiting the rest. */
  *entriesIn(keyed: ReadonlyMap<string, unknown>): IterableIterator<[string, Membership]> {
    if (keyed.has(this.party)) yield [this.party, SELF];
    if (this.country !== undefined) for (const member of countryMembersIn(this.index, this.country, keyed)) yield [member, BY_COUNTRY];
    for (const entry of this.reached) if (keyed.has(entry[0])) yield entry;
  }
}

const NO_MEMBERS: ReadonlySet<string> = new Set();
/** Per relation index, per country: the country's members that are keys of it, in member order (computed once per index). */
const membersIn = new WeakMap<ReadonlyMap<string, unknown>, Map<string, readonly string[]>>();

function countryMembersIn(index: LinkIndex, country: string, keyed: ReadonlyMap<string, unknown>): readonly string[] {
  let byCountry = membersIn.get(keyed);
  if (!byCountry) {
    byCountry = new Map();
    membersIn.set(keyed, byCountry);
  }
  let members = byCountry.get(country);
  if (!members) {
    members = [...(index.countries.get(country) ?? NO_MEMBERS)].filter((member) => keyed.has(member));
    byCountry.set(country, members);
  }
  return members;
}

/** The country whose members stand under the party: a government's, when taken by country. */
function countryTaken(index: LinkIndex, party: string, byCountry: boolean): string | undefined {
  if (!byCountry) return undefined;
  const { kind, country } = index.graph.getNodeAttributes(party);
  return kind === STATE_KIND ? country : undefined;
}

/**
 * The entities under a party in the window: the party itself; when `byCountry` and the party is
 * a government with a country, every carrier, vendor, organization and agency of that country;
 * then, transitively, anything part_of one of these and anything one of these owns.
 *
 * `within`, when given, must hold every entity from which its own entities can be reached down
 * active part_of / owns relations (see `above`): the walk then stays inside it, and the side is
 * exact for the entities of `within` (the first walk down to each passes only through such
 * entities, in the same order), not for the others. It makes a side as cheap as the few entities
 * asked about rather than the whole country.
 */
export function entitiesUnder(index: LinkIndex, party: string, window: TimeWindow, byCountry: boolean, within?: ReadonlySet<string>): Side {
  const taken = countryTaken(index, party, byCountry);
  const members = taken === undefined ? NO_MEMBERS : (index.countries.get(taken) ?? NO_MEMBERS);
  const reached = new Map<string, Membership>();
  const side = new Side(index, party, taken, members, reached);
  const relationsTo = (entity: string): string[] => side.get(entity)?.relations ?? [];
  // Members without part_of / owns relations lead nowhere: the walk starts from the others only.
  let frontier: string[] = [party];
  for (const member of taken === undefined ? [] : (index.walkableMembers.get(taken) ?? [])) {
    if (!within || within.has(member)) frontier.push(member);
  }
  while (frontier.length > 0) {
    const next: string[] = [];
    const join = (link: StructureLink, from: string, entity: string): void => {
      if ((within && !within.has(entity)) || side.has(entity) || !spanIsActiveIn(link.span, window)) return;
      reached.set(entity, { route: link.kind, relations: [...relationsTo(from), link.id] });
      next.push(entity);
    };
    for (const node of frontier) {
      for (const link of index.parts.get(node) ?? NONE) join(link, node, link.source);
      for (const link of index.owned.get(node) ?? NONE) join(link, node, link.target);
    }
    frontier = next;
  }
  return side;
}

/**
 * The entities given and every entity they can be reached from down part_of / owns relations
 * active in the window (what they are part of, who owns them, and so on up): the only entities a
 * walk down to them can pass through.
 */
export function above(index: LinkIndex, entities: Iterable<string>, window: TimeWindow): Set<string> {
  const seen = new Set<string>(entities);
  let frontier = [...seen];
  while (frontier.length > 0) {
    const next: string[] = [];
    const climb = (link: StructureLink, entity: string): void => {
      if (seen.has(entity) || !spanIsActiveIn(link.span, window)) return;
      seen.add(entity);
      next.push(entity);
    };
    for (const node of frontier) {
      for (const link of index.wholes.get(node) ?? NONE) climb(link, link.target);
      for (const link of index.owners.get(node) ?? NONE) climb(link, link.source);
    }
    frontier = next;
  }
  return seen;
}

/** Whether an entity stands under a party in the window (as `entitiesUnder(...).has(entity)`, walking up from the entity instead of down from the party). */
export function isUnder(index: LinkIndex, entity: string, party: string, window: TimeWindow, byCountry: boolean): boolean {
  const taken = countryTaken(index, party, byCountry);
  const members = taken === undefined ? NO_MEMBERS : (index.countries.get(taken) ?? NO_MEMBERS);
  for (const ancestor of above(index, [entity], window)) if (ancestor === party || members.has(ancestor)) return true;
  return false;
}

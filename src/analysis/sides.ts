/**
 * The two sides of a pressure: which party an actor acts for, and which entities stand under a
 * party. Both walk structure relations active in a time window and remember the relations they
 * walked, because a chain must cite every step.
 *
 * Hand-written breadth-first walks over the numbered index (links.ts): graphology-traversal
 * follows every edge of a node and does not report the edge it came through, while these walks
 * follow only some relation kinds, only when active in the window, and must return the relations
 * on each path; and they run tens of thousands of times on a big graph.
 */
import { hasSteps, type LinkIndex, type Steps, type StructureLink } from "./links.ts";
import { windowDays, type DayNumbers, type TimeWindow } from "./relations.ts";
import type { StructureKind } from "./rules.ts";

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

/**
 * A set of entity numbers that is emptied in constant time: a walk marks what it has seen with the
 * current round's number. Walks run tens of thousands of times on a big graph, and a new Set each
 * time was a good part of the cost (allocation and collection).
 */
export class Marks {
  private readonly marks: Uint32Array;
  private readonly order: Int32Array;
  private round = 0;
  /** How many entities are marked in this round. */
  size = 0;

  constructor(entities: number) {
    this.marks = new Uint32Array(entities);
    this.order = new Int32Array(entities);
  }

  /** Empties the set (the marks of earlier rounds no longer count). */
  clear(): this {
    this.round += 1;
    if (this.round === 0xffffffff) {
      this.marks.fill(0);
      this.round = 1;
    }
    this.size = 0;
    return this;
  }

  has(entity: number): boolean {
    return this.marks[entity] === this.round;
  }

  add(entity: number): void {
    if (this.marks[entity] === this.round) return;
    this.marks[entity] = this.round;
    this.order[this.size] = entity;
    this.size += 1;
  }

  /** The entity marked `position`th in this round. */
  at(position: number): number {
    return this.order[position] as number;
  }

  /** The entities marked in this round, in the order marked (a copy). */
  copy(): Int32Array {
    return this.order.slice(0, this.size);
  }
}

/** Scratch sets per index, one per use, so that a walk never empties another's set while it is read. */
interface Scratch {
  /** What lies above some entities (above): read by the walk down that follows. */
  above: Marks;
  /** A walk up to a party (isUnder), a walk down (sideOf). */
  up: Marks;
  down: Marks;
  /** The walk down's steps: for each entity reached, the position it was reached from and the relation. */
  from: Int32Array;
  via: Int32Array;
}

const scratch = new WeakMap<LinkIndex, Scratch>();

function scratchOf(index: LinkIndex): Scratch {
  let sets = scratch.get(index);
  if (!sets) {
    const entities = index.ids.length;
    sets = {
      above: new Marks(entities),
      up: new Marks(entities),
      down: new Marks(entities),
      from: new Int32Array(entities),
      via: new Int32Array(entities),
    };
    scratch.set(index, sets);
  }
  return sets;
}

/** Whether the relation at position `link` of `steps` is active in the window. */
export function isActive(steps: Steps, link: number, days: DayNumbers): boolean {
  return (steps.first[link] as number) <= days.last && (steps.last[link] as number) >= days.first;
}

/**
 * The governments an actor acts for in the window: the actor itself when it is a government;
 * otherwise the nearest governments reached by following the acting-for relations (rules.ts:
 * ACTS_FOR_KINDS) from the actor: a person leads an agency that is part of a government. An actor
 * that reaches no government acts for itself (a bloc, a company, an official whose role is not recorded).
 */
export function actingFor(index: LinkIndex, actor: string, window: TimeWindow): Resolution[] {
  const start = index.numbers.get(actor);
  if (start === undefined || index.isState[start] === 1) return [{ party: actor, via: [] }];
  const days = windowDays(window);
  const { actsFor } = index;
  const paths = new Map<number, number[]>([[start, []]]);
  let frontier = [start];
  while (frontier.length > 0) {
    const next: number[] = [];
    const found: { party: number; via: number[] }[] = [];
    for (const node of frontier) {
      const path = paths.get(node) ?? [];
      for (let step = actsFor.start[node] as number; step < (actsFor.start[node + 1] as number); step += 1) {
        const target = actsFor.to[step] as number;
        const link = actsFor.link[step] as number;
        if (paths.has(target) || !isActive(actsFor, link, days)) continue;
        const via = [...path, link];
        paths.set(target, via);
        if (index.isState[target] === 1) found.push({ party: target, via });
        else next.push(target);
      }
    }
    if (found.length > 0) {
      return found.map(({ party, via }) => ({
        party: index.ids[party] as string,
        via: via.map((link) => (actsFor.links[link] as StructureLink).id),
      }));
    }
    frontier = next;
  }
  return [{ party: actor, via: [] }];
}

/** Every country member stands under its government the same way: shared, never mutated. */
const BY_COUNTRY: Membership = Object.freeze({ route: "country", relations: Object.freeze([]) as unknown as string[] });
const SELF: Membership = Object.freeze({ route: "self", relations: Object.freeze([]) as unknown as string[] });
const NO_MEMBERS: readonly number[] = [];

/**
 * The entities under a party in a window, in a fixed order: the party, its country's members (when
 * taken by country), then what part_of / owns chains reach, breadth first.
 *
 * A government's side holds every company and agency of its country: thousands in a big graph, and
 * one side is needed per pressure's time window. So the country members are not copied into each
 * side: they are the index's list, shared, and only the walk beyond them (which depends on the
 * window) is kept, as entity numbers with the step that reached each. Lookups and ordered
 * iteration behave as one Map of the whole side would; memberships are spelled out when asked for.
 */
export class Side {
  /** The entity numbers reached by the walk, in order; for each, the position of the entity it was reached from (-1: the party or a country member) and the relation (position in index.down). */
  private reached: Int32Array = NOTHING;
  private from: Int32Array = NOTHING;
  private via: Int32Array = NOTHING;
  private readonly memberships: (Membership | undefined)[] = [];

  constructor(
    private readonly index: LinkIndex,
    /** The party's entity number. */
    readonly partyNumber: number,
    /** The number of the country whose members stand under the party, if taken by country (else -1). */
    readonly countryNumber: number,
  ) {}

  get party(): string {
    return this.index.ids[this.partyNumber] as string;
  }

  private get members(): readonly number[] {
    return this.countryNumber < 0 ? NO_MEMBERS : (this.index.members[this.countryNumber] ?? NO_MEMBERS);
  }

  get size(): number {
    return 1 + this.members.length + this.reached.length;
  }

  /** Whether entity number `entity` is the party or a member of its country. */
  isRoot(entity: number): boolean {
    return entity === this.partyNumber || (this.countryNumber >= 0 && this.index.memberCountry[entity] === this.countryNumber);
  }

  /** Whether entity number `entity` stands under the party. */
  includes(entity: number): boolean {
    return this.isRoot(entity) || this.reachedPosition(entity) !== undefined;
  }

  /** Takes the walk's result: the entities reached, in order, each with the position it was reached from (-1: a root) and the relation (position in index.down). */
  seal(reached: Int32Array, from: Int32Array, via: Int32Array): this {
    this.reached = reached;
    this.from = from;
    this.via = via;
    return this;
  }

  /** The position of an entity in the walk (-1: the party or a country member; undefined: not under the party). */
  positionOf(entity: number): number | undefined {
    if (this.isRoot(entity)) return -1;
    return this.reachedPosition(entity);
  }

  private reachedPosition(entity: number): number | undefined {
    const { reached } = this;
    if (reached.length <= SMALL_SIDE) {
      const position = reached.indexOf(entity);
      return position < 0 ? undefined : position;
    }
    return lanesOf(this.index).positionOf(this, reached, entity);
  }

  /** How entity number `entity` stands under the party, or undefined when it does not. */
  membershipOf(entity: number): Membership | undefined {
    if (entity === this.partyNumber) return SELF;
    if (this.isRoot(entity)) return BY_COUNTRY;
    const position = this.reachedPosition(entity);
    return position === undefined ? undefined : this.reachedMembership(position);
  }

  /**
   * Orders entities of the side as the side lists them: the party, its country's members (in
   * member order, which is entity number order), then what the walk reached, in walk order.
   */
  compareOrder(a: number, b: number): number {
    return this.rank(a) - this.rank(b);
  }

  private rank(entity: number): number {
    if (entity === this.partyNumber) return -1;
    const position = this.positionOf(entity);
    if (position === undefined) throw new Error(`entity number ${entity} does not stand under ${this.party}`);
    return position < 0 ? entity : this.index.ids.length + position;
  }

  /** The route of the entity at a position of the walk (positionOf, forEachWith), without spelling its relations out. */
  routeAt(entity: number, position: number): MembershipRoute {
    if (position < 0) return entity === this.partyNumber ? "self" : "country";
    return (this.index.down.links[this.via[position] as number] as StructureLink).kind;
  }

  /** How the entity at a position of the walk (positionOf, forEachWith) stands under the party. */
  membershipAt(entity: number, position: number): Membership {
    return position >= 0 ? this.reachedMembership(position) : entity === this.partyNumber ? SELF : BY_COUNTRY;
  }

  /**
   * Visits the relations (numbers among all the graph's relations) from the party (or a country
   * member) down to the entity at a position of the walk, in that order; none for a root (-1).
   */
  forEachPathRelation(position: number, visit: (relation: number) => void): void {
    if (position < 0) return;
    const steps: number[] = [];
    for (let at = position; at >= 0; at = this.from[at] as number) steps.push(this.via[at] as number);
    const { relation } = this.index.down;
    for (let item = steps.length - 1; item >= 0; item -= 1) visit(relation[steps[item] as number] as number);
  }

  /** Spelled out once per entity: the walk's relations from the party (or a country member) down to it. */
  private reachedMembership(position: number): Membership {
    const known = this.memberships[position];
    if (known) return known;
    // The steps up to a membership already spelled out (or to the walk's start), then down again.
    const pending: number[] = [];
    let base: readonly string[] = [];
    for (let at = position; at >= 0; at = this.from[at] as number) {
      const spelled = this.memberships[at];
      if (spelled) {
        base = spelled.relations;
        break;
      }
      pending.push(at);
    }
    const { links } = this.index.down;
    let membership: Membership | undefined;
    for (let item = pending.length - 1; item >= 0; item -= 1) {
      const at = pending[item] as number;
      const link = links[this.via[at] as number] as (typeof links)[number];
      membership = { route: link.kind, relations: [...base, link.id] };
      this.memberships[at] = membership;
      base = membership.relations;
    }
    return membership as Membership;
  }

  get(entity: string): Membership | undefined {
    const number = this.index.numbers.get(entity);
    return number === undefined ? undefined : this.membershipOf(number);
  }

  has(entity: string): boolean {
    const number = this.index.numbers.get(entity);
    return number !== undefined && this.includes(number);
  }

  /** Every entity with how it stands under the party, in side order. */
  *entries(): IterableIterator<[string, Membership]> {
    const { ids } = this.index;
    yield [this.party, SELF];
    for (const member of this.members) yield [ids[member] as string, BY_COUNTRY];
    for (let position = 0; position < this.reached.length; position += 1) {
      yield [ids[this.reached[position] as number] as string, this.reachedMembership(position)];
    }
  }

  [Symbol.iterator](): IterableIterator<[string, Membership]> {
    return this.entries();
  }

  /** The entity numbers of the side that have steps in `steps`, in side order, without visiting the rest of the country. */
  numbersWith(steps: Steps): number[] {
    const found: number[] = [];
    this.forEachWith(steps, (entity) => found.push(entity));
    return found;
  }

  /** Visits the entities of the side that have steps in `steps`, in side order, with their positions in the walk (-1: the party or a country member). */
  forEachWith(steps: Steps, visit: (entity: number, position: number) => void): void {
    if (hasSteps(steps, this.partyNumber)) visit(this.partyNumber, -1);
    if (this.countryNumber >= 0) for (const member of countryMembersWith(this.index, this.countryNumber, steps)) visit(member, -1);
    for (let position = 0; position < this.reached.length; position += 1) {
      const entity = this.reached[position] as number;
      if (hasSteps(steps, entity)) visit(entity, position);
    }
  }
}

/** Sides up to this many entities reached are searched by scanning; bigger ones through a lane (Lanes). */
const SMALL_SIDE = 16;
const NOTHING = new Int32Array(0);

/**
 * Positions by entity for big sides: a few arrays per index, each held by one side at a time and
 * filled when a side asks (the least recently filled is taken). A map or a bit set per side cost
 * more to build than the lookups they served; a few sides are read at a time (ties read two).
 */
class Lanes {
  private readonly holders: (Side | null)[];
  private readonly rounds: Uint32Array;
  private readonly stamps: Uint32Array[];
  private readonly positions: Int32Array[];
  private round = 0;
  private last = 0;

  constructor(entities: number, lanes: number) {
    this.holders = Array.from({ length: lanes }, () => null);
    this.rounds = new Uint32Array(lanes);
    this.stamps = Array.from({ length: lanes }, () => new Uint32Array(entities));
    this.positions = Array.from({ length: lanes }, () => new Int32Array(entities));
  }

  positionOf(side: Side, reached: Int32Array, entity: number): number | undefined {
    let lane = this.holders.indexOf(side);
    if (lane < 0) lane = this.fill(side, reached);
    return this.stamps[lane]?.[entity] === this.rounds[lane] ? this.positions[lane]?.[entity] : undefined;
  }

  private fill(side: Side, reached: Int32Array): number {
    const lane = (this.last + 1) % this.holders.length;
    this.last = lane;
    this.round += 1;
    if (this.round === 0xffffffff) {
      for (const stamps of this.stamps) stamps.fill(0);
      this.rounds.fill(0);
      this.round = 1;
    }
    const [stamps, positions] = [this.stamps[lane] as Uint32Array, this.positions[lane] as Int32Array];
    reached.forEach((entity, position) => {
      stamps[entity] = this.round;
      positions[entity] = position;
    });
    this.rounds[lane] = this.round;
    this.holders[lane] = side;
    return lane;
  }
}

const LANES = 4;
const lanes = new WeakMap<LinkIndex, Lanes>();

function lanesOf(index: LinkIndex): Lanes {
  let found = lanes.get(index);
  if (!found) {
    found = new Lanes(index.ids.length, LANES);
    lanes.set(index, found);
  }
  return found;
}

/** Per kind of steps, per country: the country's members that have such steps, in member order (computed once per index). */
const membersWith = new WeakMap<Steps, Map<number, readonly number[]>>();

function countryMembersWith(index: LinkIndex, country: number, steps: Steps): readonly number[] {
  let byCountry = membersWith.get(steps);
  if (!byCountry) {
    byCountry = new Map();
    membersWith.set(steps, byCountry);
  }
  let members = byCountry.get(country);
  if (!members) {
    members = (index.members[country] ?? NO_MEMBERS).filter((member) => hasSteps(steps, member));
    byCountry.set(country, members);
  }
  return members;
}

/** The number of the country whose members stand under the party: a government's, when taken by country (else -1). */
export function countryTaken(index: LinkIndex, party: number, byCountry: boolean): number {
  return byCountry && index.isState[party] === 1 ? (index.country[party] as number) : -1;
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
export function sideOf(index: LinkIndex, party: number, days: DayNumbers, byCountry: boolean, within?: Marks): Side {
  const side = new Side(index, party, countryTaken(index, party, byCountry));
  // Members without part_of / owns relations lead nowhere: the walk starts from the others only.
  const roots: number[] = [party];
  if (side.countryNumber >= 0) {
    const walkable = index.walkableMembers[side.countryNumber] ?? NO_MEMBERS;
    if (within && within.size < walkable.length) {
      // Fewer entities to keep to than members to start from: the members among them, in member (= number) order.
      const { down, memberCountry } = index;
      const starts: number[] = [];
      for (let position = 0; position < within.size; position += 1) {
        const entity = within.at(position);
        if (memberCountry[entity] === side.countryNumber && hasSteps(down, entity)) starts.push(entity);
      }
      roots.push(...starts.sort((a, b) => a - b));
    } else {
      for (const member of walkable) if (!within || within.has(member)) roots.push(member);
    }
  }
  const { down } = index;
  const work = scratchOf(index);
  const reached = work.down.clear();
  const { from, via } = work;
  // Breadth first: the roots, then what is reached in the order reached (the scratch set is the queue).
  for (let item = -roots.length; item < reached.size; item += 1) {
    const node = item < 0 ? (roots[item + roots.length] as number) : reached.at(item);
    const position = item < 0 ? -1 : item;
    for (let step = down.start[node] as number; step < (down.start[node + 1] as number); step += 1) {
      const entity = down.to[step] as number;
      if ((within && !within.has(entity)) || reached.has(entity) || side.isRoot(entity)) continue;
      const link = down.link[step] as number;
      if (!isActive(down, link, days)) continue;
      from[reached.size] = position;
      via[reached.size] = link;
      reached.add(entity);
    }
  }
  return side.seal(reached.copy(), from.slice(0, reached.size), via.slice(0, reached.size));
}

/** As sideOf, by entity id; throws for an id the graph lacks. */
export function entitiesUnder(index: LinkIndex, party: string, window: TimeWindow, byCountry: boolean): Side {
  const number = index.numbers.get(party);
  if (number === undefined) throw new Error(`unknown entity id "${party}"`);
  return sideOf(index, number, windowDays(window), byCountry);
}

/**
 * The entities given and every entity they can be reached from down part_of / owns relations
 * active in the window (what they are part of, who owns them, and so on up): the only entities a
 * walk down to them can pass through. The set returned is the index's scratch set, valid until the next call.
 */
export function above(index: LinkIndex, entities: Iterable<number>, days: DayNumbers): Marks {
  const seen = scratchOf(index).above.clear();
  for (const entity of entities) seen.add(entity);
  const { up } = index;
  // The list grows as the walk goes: reading it to its end is the breadth-first walk.
  for (let position = 0; position < seen.size; position += 1) {
    const node = seen.at(position);
    for (let step = up.start[node] as number; step < (up.start[node + 1] as number); step += 1) {
      const entity = up.to[step] as number;
      if (!seen.has(entity) && isActive(up, up.link[step] as number, days)) seen.add(entity);
    }
  }
  return seen;
}

/** What can ever stand under parties and countries of one index, kept as it is asked for (see everUnder). */
/** Whether an entity stands under a party in the window (as `sideOf(...).includes(entity)`, walking up from the entity instead of down from the party). */
export function isUnder(index: LinkIndex, entity: number, party: number, days: DayNumbers, byCountry: boolean): boolean {
  const taken = countryTaken(index, party, byCountry);
  const stands = (node: number): boolean => node === party || (taken >= 0 && index.memberCountry[node] === taken);
  if (stands(entity)) return true;
  // Breadth first up from the entity, stopping at the first entity of the party's side.
  const seen = scratchOf(index).up.clear();
  seen.add(entity);
  const { up } = index;
  for (let position = 0; position < seen.size; position += 1) {
    const node = seen.at(position);
    for (let step = up.start[node] as number; step < (up.start[node + 1] as number); step += 1) {
      const reached = up.to[step] as number;
      if (seen.has(reached) || !isActive(up, up.link[step] as number, days)) continue;
      if (stands(reached)) return true;
      seen.add(reached);
    }
  }
  return false;
}

/**
 * What can stand under a party at some date: the party, the members of the country taken, and
 * whatever either reaches down part_of / owns relations, whatever the relations' dates. A walk in
 * any time window stays within it, so an entity it rules out needs no walk: of the hundreds of
 * entities depending on a vendor, only a few can stand under the party pressed.
 *
 * In a big graph part_of / owns relations can tie thousands of entities into one cycle (a strongly
 * connected component): everything that reaches into it reaches all it reaches. Such a component
 * is a hub: its reach is worked out once and shared, and a party's own reach keeps only what it
 * reaches before the hubs.
 */
import { hasSteps, type LinkIndex } from "./links.ts";
import { countryTaken } from "./sides.ts";

/** Components at least this big are hubs (smaller cycles are walked through like any entity). */
const HUB_SIZE = 16;
/** Parties' own reaches are dropped past this many (countries' and hubs' are kept: there are few). */
const PARTY_REACHES_KEPT = 4096;
const NONE: readonly number[] = [];

/** Entities as a list and as a flag per entity. */
interface Flagged {
  list: readonly number[];
  flags: Uint8Array;
}

/** What a party reaches itself: entities before any hub, and the hubs it enters. */
interface OwnReach {
  local: ReadonlySet<number>;
  hubs: readonly number[];
}

interface Reaches {
  countries: Map<number, Flagged>;
  parties: Map<number, OwnReach>;
  /** Per entity, the hub it belongs to (-1: none); per hub, its members and (once asked) its reach. */
  hubOf: Int32Array;
  hubMembers: (readonly number[])[];
  hubReaches: (Flagged | undefined)[];
}

const known = new WeakMap<LinkIndex, Reaches>();

function reachesOf(index: LinkIndex): Reaches {
  let reaches = known.get(index);
  if (!reaches) {
    const { hubOf, hubMembers } = findHubs(index);
    reaches = { countries: new Map(), parties: new Map(), hubOf, hubMembers, hubReaches: [] };
    known.set(index, reaches);
  }
  return reaches;
}

/**
 * The strongly connected components of the part_of / owns relations (down) that hold at least
 * HUB_SIZE entities. Tarjan's algorithm, iterative: graphology-components' version recurses once
 * per step of a path and overflows the stack on a long part_of chain.
 */
function findHubs(index: LinkIndex): { hubOf: Int32Array; hubMembers: (readonly number[])[] } {
  const { down } = index;
  const count = index.ids.length;
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const hubOf = new Int32Array(count).fill(-1);
  const hubMembers: number[][] = [];
  // The depth-first path: entities and the next step of each to follow.
  const path: number[] = [];
  const nextStep: number[] = [];
  let visited = 0;
  for (let root = 0; root < count; root += 1) {
    if (order[root] !== -1 || !hasSteps(down, root)) continue;
    const enter = (entity: number): void => {
      order[entity] = low[entity] = visited;
      visited += 1;
      stack.push(entity);
      onStack[entity] = 1;
      path.push(entity);
      nextStep.push(down.start[entity] as number);
    };
    enter(root);
    while (path.length > 0) {
      const top = path.length - 1;
      const entity = path[top] as number;
      const step = nextStep[top] as number;
      if (step < (down.start[entity + 1] as number)) {
        nextStep[top] = step + 1;
        const next = down.to[step] as number;
        if (order[next] === -1) enter(next);
        else if (onStack[next] === 1) low[entity] = Math.min(low[entity] as number, order[next] as number);
        continue;
      }
      path.pop();
      nextStep.pop();
      const parent = path[path.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[entity] as number);
      if (low[entity] !== order[entity]) continue;
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop() as number;
        onStack[member] = 0;
        component.push(member);
      } while (member !== entity);
      if (component.length >= HUB_SIZE) {
        for (const item of component) hubOf[item] = hubMembers.length;
        hubMembers.push(component);
      }
    }
  }
  return { hubOf, hubMembers };
}

/** Everything reached down part_of / owns relations from the entities given, at any date, in the order reached. */
function reachedDown(index: LinkIndex, starts: readonly number[]): number[] {
  const seen = new Set<number>(starts);
  const list = [...seen];
  const { down } = index;
  for (let position = 0; position < list.length; position += 1) {
    const node = list[position] as number;
    for (let step = down.start[node] as number; step < (down.start[node + 1] as number); step += 1) {
      const entity = down.to[step] as number;
      if (seen.has(entity)) continue;
      seen.add(entity);
      list.push(entity);
    }
  }
  return list;
}

function flagged(index: LinkIndex, list: readonly number[]): Flagged {
  const flags = new Uint8Array(index.ids.length);
  for (const entity of list) flags[entity] = 1;
  return { list, flags };
}

function hubReach(index: LinkIndex, reaches: Reaches, hub: number): Flagged {
  let reach = reaches.hubReaches[hub];
  if (!reach) {
    reach = flagged(index, reachedDown(index, reaches.hubMembers[hub] ?? NONE));
    reaches.hubReaches[hub] = reach;
  }
  return reach;
}

/** What a party reaches itself: walked down until the hubs, whose reach is shared. */
function ownReach(index: LinkIndex, reaches: Reaches, party: number): OwnReach {
  let own = reaches.parties.get(party);
  if (own) return own;
  const { down } = index;
  const { hubOf } = reaches;
  const hubs = new Set<number>();
  const local = new Set<number>();
  const queue = [party];
  if ((hubOf[party] as number) >= 0) hubs.add(hubOf[party] as number);
  else local.add(party);
  for (let position = 0; position < queue.length; position += 1) {
    const node = queue[position] as number;
    if ((hubOf[node] as number) >= 0) continue;
    for (let step = down.start[node] as number; step < (down.start[node + 1] as number); step += 1) {
      const entity = down.to[step] as number;
      const hub = hubOf[entity] as number;
      if (hub >= 0) hubs.add(hub);
      else if (!local.has(entity)) {
        local.add(entity);
        queue.push(entity);
      }
    }
  }
  own = { local, hubs: [...hubs] };
  if (reaches.parties.size >= PARTY_REACHES_KEPT) reaches.parties.clear();
  reaches.parties.set(party, own);
  return own;
}

export class Reach {
  /** What the party reaches itself, worked out when first needed (null: nothing, it has no part_of / owns relations down). */
  private own: OwnReach | null | undefined;

  constructor(
    private readonly index: LinkIndex,
    private readonly reaches: Reaches,
    readonly party: number,
    private readonly country: Flagged | undefined,
  ) {
    this.own = hasSteps(index.down, party) ? undefined : null;
  }

  has(entity: number): boolean {
    if (entity === this.party || this.country?.flags[entity] === 1) return true;
    const own = this.ownReach();
    if (own === null) return false;
    if (own.local.has(entity)) return true;
    for (const hub of own.hubs) if (hubReach(this.index, this.reaches, hub).flags[entity] === 1) return true;
    return false;
  }

  /** How many entities it holds, at most (an entity reached two ways counts twice). */
  get size(): number {
    const own = this.ownReach();
    let size = 1 + (this.country?.list.length ?? 0);
    if (own) size += own.local.size + own.hubs.reduce((sum, hub) => sum + hubReach(this.index, this.reaches, hub).list.length, 0);
    return size;
  }

  /** Visits each entity once: the party, what its country reaches, then what it reaches itself. */
  forEach(visit: (entity: number) => void): void {
    const own = this.ownReach();
    const seen = new Set<number>([this.party]);
    visit(this.party);
    const lists = [
      this.country?.list ?? NONE,
      [...(own?.local ?? NONE)],
      ...(own?.hubs ?? NONE).map((hub) => hubReach(this.index, this.reaches, hub).list),
    ];
    for (const list of lists) {
      for (const entity of list) {
        if (seen.has(entity)) continue;
        seen.add(entity);
        visit(entity);
      }
    }
  }

  private ownReach(): OwnReach | null {
    if (this.own === undefined) this.own = ownReach(this.index, this.reaches, this.party);
    return this.own;
  }
}

/** What can stand under a party at some date (with its country's members when `byCountry` and it is a government). */
export function everUnder(index: LinkIndex, party: number, byCountry: boolean): Reach {
  const reaches = reachesOf(index);
  const taken = countryTaken(index, party, byCountry);
  let country: Flagged | undefined;
  if (taken >= 0) {
    country = reaches.countries.get(taken);
    if (!country) {
      country = flagged(index, reachedDown(index, index.members[taken] ?? NONE));
      reaches.countries.set(taken, country);
    }
  }
  return new Reach(index, reaches, party, country);
}

/**
 * The ties: what the pressed side relies on the presser's side for in a window. Dependency relations
 * from an entity under the presser to one under the pressed party, with the pressed end dependent, and
 * blocs both sides are `member_of` (or that the pressed side is in when the presser is the bloc itself).
 */
import { firstDay } from "../../model/dates.ts";
import { windowDays, type DayNumbers, type TimeWindow } from "../relations.ts";
import type { Link, LinkIndex } from "../links.ts";
import { everUnder } from "../reach.ts";
import { countryTaken, isActive, type Side } from "../sides.ts";
import { compare, relationMarks, relationNumbers, sideTowards } from "./shared.ts";
import type { BlocTie, DependencyTie, GraphSides, LeverageTie } from "./types.ts";

/** A dependency relation between the two sides' entities, as a number in the table of dependencies. */
interface DependencyCandidate {
  link: number;
  dependent: number;
  provider: number;
}

/** A side's members of one bloc, in side order, and their member_of relations, each followed by how the member stands under the side (relations by number, LinkIndex.relations). */
interface BlocEntry {
  members: string[];
  relations: number[];
}

/** The relations (by number) from a side's party down to an entity of it. */
function pathOf(side: Side, entity: number): number[] {
  const path: number[] = [];
  side.forEachPathRelation(side.positionOf(entity) ?? -1, (relation) => path.push(relation));
  return path;
}

/** Relations by number, as ids, each once in order of first mention; `numbers` gets the numbers kept. */
function uniqueRelations(index: LinkIndex, relations: Iterable<number>, numbers: number[] = []): string[] {
  const seen = relationMarks(index).clear();
  const ids: string[] = [];
  for (const relation of relations) {
    if (seen.has(relation)) continue;
    seen.add(relation);
    numbers.push(relation);
    ids.push(index.relations[relation] as string);
  }
  return ids;
}

/** The ties of a pressed party to a presser in a window (LeverageContext.tiesBetween keeps them). */
export function computeTies(context: GraphSides, pressed: string, presser: string, window: TimeWindow): LeverageTie[] {
  const { index } = context;
  const days = windowDays(window);
  const [pressedNumber, presserNumber] = [context.number(pressed), context.number(presser)];
  const pressedIsCountry = countryTaken(index, pressedNumber, true) >= 0;
  if (pressedIsCountry !== countryTaken(index, presserNumber, true) >= 0) {
    return focusedTies(context, days, window, pressedNumber, presserNumber, pressedIsCountry);
  }
  const pressedSide = context.under(pressed, window, true);
  const presserSide = context.under(presser, window, true);
  // Walk the smaller side: the pressed side's dependencies, or the presser's side's provisions (the same relations qualify).
  const walkPressed = pressedSide.size <= presserSide.size;
  const steps = walkPressed ? index.providers : index.dependents;
  const dependencies: DependencyCandidate[] = [];
  (walkPressed ? pressedSide : presserSide).forEachWith(steps, (node) => {
    for (let step = steps.start[node] as number; step < (steps.start[node + 1] as number); step += 1) {
      const link = steps.link[step] as number;
      const dependent = walkPressed ? node : (steps.to[step] as number);
      const provider = walkPressed ? (steps.to[step] as number) : node;
      // Both sides are whole here: what cannot tie is left out at once (tiesFound checks the same).
      if (!pressedSide.includes(dependent) || !presserSide.includes(provider) || !isActive(steps, link, days)) continue;
      if (pressedSide.includes(provider) || presserSide.includes(dependent)) continue;
      dependencies.push({ link, dependent, provider });
    }
  });
  const presserBlocs = blocMemberships(index, presserSide, days);
  const blocs: [string, BlocEntry, BlocEntry][] = [];
  for (const [bloc, pressedEntry] of blocMemberships(index, pressedSide, days)) {
    // A bloc pressing its own member (or a body part_of the bloc pressing) holds the membership over it.
    const presserEntry = presserBlocs.get(bloc) ?? heldBloc(context, presserSide, bloc);
    if (presserEntry) blocs.push([bloc, pressedEntry, presserEntry]);
  }
  return tiesFound(context, pressedSide, presserSide, dependencies, blocs);
}

/**
 * The ties when one side holds a whole country and the other does not (a government pressed by an
 * official acting for no government, say): the small side is walked whole, the country's side only
 * towards the entities that can tie to the small one (sideTowards). The answer is that of computeTies.
 */
function focusedTies(
  context: GraphSides,
  days: DayNumbers,
  window: TimeWindow,
  pressedNumber: number,
  presserNumber: number,
  pressedIsCountry: boolean,
): LeverageTie[] {
  const { index } = context;
  const [smallNumber, bigNumber] = pressedIsCountry ? [presserNumber, pressedNumber] : [pressedNumber, presserNumber];
  const small = context.under(index.ids[smallNumber] as string, window, true);
  const reachable = everUnder(index, bigNumber, true);
  // The entities the country's side is asked about: only those that can stand under it at some date.
  const asked: number[] = [];
  const ask = (entity: number): void => {
    if (reachable.has(entity)) asked.push(entity);
  };
  // Dependency relations from the small side to what can stand on the other; each end is asked
  // about, since an entity on both sides ties nothing.
  const steps = pressedIsCountry ? index.dependents : index.providers;
  const dependencies: DependencyCandidate[] = [];
  small.forEachWith(steps, (node) => {
    for (let step = steps.start[node] as number; step < (steps.start[node + 1] as number); step += 1) {
      const link = steps.link[step] as number;
      const other = steps.to[step] as number;
      if (!reachable.has(other) || !isActive(steps, link, days)) continue;
      dependencies.push(pressedIsCountry ? { link, dependent: other, provider: node } : { link, dependent: node, provider: other });
      asked.push(other);
      ask(node);
    }
  });
  // Blocs the small side is in, or (when it presses) holds; the country's side is asked about their members.
  const smallBlocs = blocMemberships(index, small, days);
  const candidates = new Set<number>([...smallBlocs.keys()].map((bloc) => context.number(bloc)));
  if (pressedIsCountry) small.forEachWith(index.blocMembers, (bloc) => candidates.add(bloc));
  else for (const bloc of candidates) ask(bloc);
  const { blocMembers } = index;
  const memberships: { bloc: number; member: number; link: number }[] = [];
  for (const bloc of candidates) {
    for (let step = blocMembers.start[bloc] as number; step < (blocMembers.start[bloc + 1] as number); step += 1) {
      const link = blocMembers.link[step] as number;
      const member = blocMembers.to[step] as number;
      if (!reachable.has(member) || !isActive(blocMembers, link, days)) continue;
      memberships.push({ bloc, member, link });
      asked.push(member);
    }
  }
  const big = sideTowards(index, bigNumber, asked, days);
  // The country's side's entries, built as blocMemberships builds them: members in side order, each member's relations in relation order.
  const bigBlocs = new Map<string, BlocEntry>();
  const kept = memberships.filter((item) => big.includes(item.member));
  kept.sort((a, b) => big.compareOrder(a.member, b.member) || a.link - b.link);
  for (const { bloc, member, link } of kept) {
    const id = index.ids[bloc] as string;
    const entry = bigBlocs.get(id) ?? { members: [], relations: [] };
    const memberId = index.ids[member] as string;
    if (!entry.members.includes(memberId)) entry.members.push(memberId);
    entry.relations.push(blocMembers.relation[link] as number, ...pathOf(big, member));
    bigBlocs.set(id, entry);
  }
  const [pressedSide, presserSide] = pressedIsCountry ? [big, small] : [small, big];
  const [pressedBlocs, presserBlocs] = pressedIsCountry ? [bigBlocs, smallBlocs] : [smallBlocs, bigBlocs];
  const blocs: [string, BlocEntry, BlocEntry][] = [];
  for (const [bloc, pressedEntry] of pressedBlocs) {
    const presserEntry = presserBlocs.get(bloc) ?? heldBloc(context, presserSide, bloc);
    if (presserEntry) blocs.push([bloc, pressedEntry, presserEntry]);
  }
  return tiesFound(context, pressedSide, presserSide, dependencies, blocs);
}

/** A bloc standing under a side (the presser is the bloc, or a body of it), as the side's entry for it; undefined when it does not. */
function heldBloc(context: GraphSides, side: Side, bloc: string): BlocEntry | undefined {
  const number = context.number(bloc);
  return side.includes(number) ? { members: [], relations: pathOf(side, number) } : undefined;
}

/** The ties from the dependency relations between the sides (active in the window) and the blocs both are in. */
function tiesFound(
  context: GraphSides,
  pressedSide: Side,
  presserSide: Side,
  dependencies: readonly DependencyCandidate[],
  blocs: readonly [string, BlocEntry, BlocEntry][],
): LeverageTie[] {
  const { graph, index } = context;
  const dependencyTies: DependencyTie[] = [];
  for (const { link: number, dependent, provider } of dependencies) {
    // An entity on both sides (say, a company of one country owned from the other) ties nothing.
    if (!pressedSide.includes(dependent) || !presserSide.includes(provider)) continue;
    if (pressedSide.includes(provider) || presserSide.includes(dependent)) continue;
    const link = index.dependents.links[number] as (typeof index.dependents.links)[number];
    const numbers: number[] = [];
    const relations = [index.dependents.relation[number] as number, ...pathOf(pressedSide, dependent), ...pathOf(presserSide, provider)];
    const tie: DependencyTie = {
      type: "dependency",
      dependent: link.dependent,
      provider: link.provider,
      relation: link.id,
      relations: uniqueRelations(index, relations, numbers),
    };
    relationNumbers.set(tie, numbers);
    dependencyTies.push(tie);
  }
  dependencyTies.sort(
    (a, b) =>
      compare(firstDay(graph.getEdgeAttribute(a.relation, "start")), firstDay(graph.getEdgeAttribute(b.relation, "start"))) ||
      compare(a.relation, b.relation),
  );
  const blocTies = blocs.map(([bloc, pressedEntry, presserEntry]): BlocTie => {
    const numbers: number[] = [];
    const tie: BlocTie = {
      type: "bloc",
      bloc,
      pressedMembers: pressedEntry.members,
      presserMembers: presserEntry.members,
      relations: uniqueRelations(index, [...pressedEntry.relations, ...presserEntry.relations], numbers),
    };
    relationNumbers.set(tie, numbers);
    return tie;
  });
  return [...dependencyTies, ...blocTies.sort((a, b) => compare(a.bloc, b.bloc))];
}

function blocMemberships(index: LinkIndex, side: Side, days: DayNumbers): Map<string, BlocEntry> {
  const { blocs } = index;
  const found = new Map<string, BlocEntry>();
  side.forEachWith(blocs, (member, position) => {
    const memberId = index.ids[member] as string;
    const path: number[] = [];
    side.forEachPathRelation(position, (relation) => path.push(relation));
    for (let step = blocs.start[member] as number; step < (blocs.start[member + 1] as number); step += 1) {
      const number = blocs.link[step] as number;
      if (!isActive(blocs, number, days)) continue;
      const link = blocs.links[number] as Link;
      const entry = found.get(link.target) ?? { members: [], relations: [] };
      if (!entry.members.includes(memberId)) entry.members.push(memberId);
      entry.relations.push(blocs.relation[number] as number, ...path);
      found.set(link.target, entry);
    }
  });
  return found;
}

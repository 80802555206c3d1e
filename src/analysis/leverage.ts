/**
 * Leverage chains: where pressure meets dependency.
 *
 * A chain starts from a pressure relation A -> B that names what it is `about` (V, usually a
 * vendor). Within the pressure's time window (its own dates, or the one day `at`):
 * - the presser and the pressed are the governments A and B act for (sides.ts: actingFor);
 * - the dependents are the entities under B (sides.ts: entitiesUnder, with B's country) that
 *   depend on V or on anything under V (its parts and subsidiaries, not its country), through a
 *   dependency relation active in the window whose dependent end is theirs (rules.ts: DEPENDENT_END);
 * - the ties are what B relies on A for: dependency relations from an entity under A to an
 *   entity under B with B's end dependent (e.g. intelligence sharing), and blocs both sides are
 *   `member_of` in the window (e.g. the Five Eyes), or that B is a member of when A is the bloc.
 * A pressure with no dependent in its window yields no chain; nor does domestic pressure
 * (presser and pressed the same, of one country, or one under the other: see isDomestic).
 * Every relation a chain rests on is listed once, with its sources.
 */
import { relationFilter, SelectionError } from "../graph/select.ts";
import type { AtlasGraph, EntityAttributes } from "../graph/types.ts";
import { firstDay } from "../model/dates.ts";
import { ENTITY_KINDS, type EntityKind } from "../model/ontology.ts";
import { citeRelation, daysOf, windowDays, type CitedRelation, type DayNumbers, type TimeWindow } from "./relations.ts";
import { hasSteps, indexLinks, type Link, type LinkIndex } from "./links.ts";
import { NETWORK_KIND, PRESSURE_FAMILY } from "./rules.ts";
import { everUnder } from "./reach.ts";
import { above, actingFor, countryTaken, isActive, isUnder, Marks, Side, sideOf, type MembershipRoute } from "./sides.ts";

export interface LeverageOptions {
  /** Keep pressures active on this date (YYYY, YYYY-MM or YYYY-MM-DD) and judge everything else on it too. */
  at?: string;
  /** Keep chains whose pressed party is this entity id. */
  target?: string;
}

/** An entity under the pressed party that depends on the vendor. */
export interface DependentEntity {
  id: string;
  kind: EntityKind;
  label: string;
  /** How it stands under the pressed party: is it, shares its country, or a part_of / owns chain. */
  route: MembershipRoute;
  /** The dependency relations on the vendor (or on the vendor's parts). */
  readonly dependencies: readonly string[];
  /** Every relation this dependent rests on: the part_of / owns chain from the pressed party, the dependencies, the vendor's own part_of / owns chain. */
  readonly relations: readonly string[];
}

/** What the pressed side relies on the presser's side for: one dependency relation. */
export interface DependencyTie {
  type: "dependency";
  /** The entity under the pressed party that relies on the other. */
  dependent: string;
  /** The entity under the presser it relies on. */
  provider: string;
  relation: string;
  /** The relation and the part_of / owns chains that put both ends on their sides. */
  relations: string[];
}

/** A bloc both sides belong to in the window, or that the pressed side belongs to when the presser is the bloc itself. */
export interface BlocTie {
  type: "bloc";
  bloc: string;
  /** Members from the pressed side and from the presser's side (none when the presser is the bloc). */
  pressedMembers: string[];
  presserMembers: string[];
  /** The member_of relations of both sides (and the part_of / owns chains of members other than the parties). */
  relations: string[];
}

export type LeverageTie = DependencyTie | BlocTie;

export interface LeverageChain {
  /** `pressure:presser:pressed` (ids never contain a colon). */
  id: string;
  /** The government the pressure comes from (or the acting entity when it acts for none). */
  presser: string;
  /** The government pressed (or the pressed entity when it acts for none). */
  pressed: string;
  /** What the pressure is about. */
  vendor: string;
  /** The pressure relation, as recorded (its ends may be a person or an agency). */
  pressure: string;
  /** The time the chain is judged in: the pressure's dates, or `at`. */
  window: TimeWindow;
  /** The acting-for relations (leads, represents, part_of, member_of) from the pressure's source to the presser, and from its target to the pressed. */
  presserVia: string[];
  pressedVia: string[];
  /** Carriers first, then other kinds in ontology order, then by name. */
  dependents: readonly DependentEntity[];
  /** Dependency ties (by start date), then bloc ties (by bloc id). */
  ties: LeverageTie[];
  /** Every entity the chain touches, for highlighting. */
  entities: string[];
  /** Every relation the chain rests on, once each, with dates, confidence, claim and sources: the pressure first. */
  relations: CitedRelation[];
}

/** One pressure case: a pressure about something, with its presser and pressed resolved. */
export interface PressureCase {
  pressure: string;
  vendor: string;
  window: TimeWindow;
  presser: string;
  pressed: string;
  presserVia: string[];
  pressedVia: string[];
}

/**
 * What analyses of one graph share: the index of the relations they follow and the sides already
 * computed. Build one per graph and pass it to repeated calls (e.g. as a time slider moves);
 * a graph that changes needs a new context.
 */
export class LeverageContext {
  /** Cached sides and ties are dropped past this many, so a long-lived context stays small. */
  static readonly CACHE_LIMIT = 512;
  /** Dependents are kept per pressure case, and a big graph has tens of thousands: more of them are kept. */
  static readonly DEPENDENTS_LIMIT = 65_536;
  readonly index: LinkIndex;
  private readonly sides = new Map<string, Side>();
  private readonly ties = new Map<string, LeverageTie[]>();
  private readonly cited: (CitedRelation | undefined)[] = [];
  private readonly dependents = new Map<string, readonly DependentEntity[]>();
  private readonly cases = new Map<string, readonly PressureCase[]>();
  private relationNumbers: Map<string, number> | undefined;

  constructor(readonly graph: AtlasGraph) {
    this.index = indexLinks(graph);
  }

  /** Entities under a party (with its country) or under a vendor (without: a vendor's country is not the vendor). */
  under(party: string, window: TimeWindow, byCountry: boolean): Side {
    const key = `${party}\u0000${window.from}\u0000${window.to ?? ""}\u0000${byCountry}`;
    let side = this.sides.get(key);
    if (!side) {
      side = sideOf(this.index, this.number(party), windowDays(window), byCountry);
      if (this.sides.size >= LeverageContext.CACHE_LIMIT) this.sides.clear();
      this.sides.set(key, side);
    }
    return side;
  }

  /**
   * A relation with its sources, made once per relation: chains of a big graph cite hundreds of
   * thousands of relations, a few thousand distinct. Frozen, since chains share it.
   */
  cite(relation: string): CitedRelation {
    return this.citeNumber(this.relationNumber(relation));
  }

  /** As cite, by the relation's number (LinkIndex.relations). */
  citeNumber(relation: number): CitedRelation {
    let cited = this.cited[relation];
    if (!cited) {
      cited = citeRelation(this.graph, this.index.relations[relation] as string);
      for (const source of cited.sources) Object.freeze(source);
      Object.freeze(cited.sources);
      this.cited[relation] = Object.freeze(cited);
    }
    return cited;
  }

  /**
   * The dependents of a vendor under a pressed party in a window (dependentsOf), worked out once:
   * the exposure ranking and the chains ask for the same ones, as does every presser of one pressure.
   */
  dependentsIn(vendor: string, pressed: string, window: TimeWindow): readonly DependentEntity[] {
    const key = `${vendor}\u0000${pressed}\u0000${window.from}\u0000${window.to ?? ""}`;
    let found = this.dependents.get(key);
    if (!found) {
      found = findDependents(this, vendor, pressed, window);
      if (this.dependents.size >= LeverageContext.DEPENDENTS_LIMIT) this.dependents.clear();
      this.dependents.set(key, found);
    }
    return found;
  }

  /** The pressure cases for some options (pressureCases), found once: the ranking and the chains of one view ask for the same. */
  casesFor(options: LeverageOptions, find: () => PressureCase[]): readonly PressureCase[] {
    const key = `${options.at ?? ""}\u0000${options.target ?? ""}`;
    let found = this.cases.get(key);
    if (!found) {
      found = find();
      if (this.cases.size >= LeverageContext.CACHE_LIMIT) this.cases.clear();
      this.cases.set(key, found);
    }
    return found;
  }

  /** The number of a relation of the graph (LinkIndex.relations). */
  relationNumber(relation: string): number {
    if (!this.relationNumbers) this.relationNumbers = new Map(this.index.relations.map((id, number) => [id, number]));
    const number = this.relationNumbers.get(relation);
    if (number === undefined) throw new Error(`unknown relation id "${relation}"`);
    return number;
  }

  /** The entity number of an id of the graph. */
  number(entity: string): number {
    const number = this.index.numbers.get(entity);
    if (number === undefined) throw new Error(`unknown entity id "${entity}"`);
    return number;
  }

  /** The ties of a pressed party to a presser in a window (shared by every pressure between them in it). */
  tiesBetween(pressed: string, presser: string, window: TimeWindow): LeverageTie[] {
    const key = `${pressed}\u0000${presser}\u0000${window.from}\u0000${window.to ?? ""}`;
    let ties = this.ties.get(key);
    if (!ties) {
      ties = computeTies(this, pressed, presser, window);
      if (this.ties.size >= LeverageContext.CACHE_LIMIT) this.ties.clear();
      this.ties.set(key, ties);
    }
    return ties;
  }
}

/** The context given (checked to belong to the graph) or a new one. */
export function contextFor(graph: AtlasGraph, context: LeverageContext | undefined): LeverageContext {
  if (context && context.graph !== graph) throw new Error("the analysis context belongs to another graph");
  return context ?? new LeverageContext(graph);
}

function checkOptions(graph: AtlasGraph, options: LeverageOptions): (pressure: Link) => boolean {
  // The shared selection checks the date and states "active at" the same way views do.
  const keep = relationFilter({ families: [PRESSURE_FAMILY], ...(options.at === undefined ? {} : { at: options.at }) });
  if (options.target !== undefined && !graph.hasNode(options.target)) {
    throw new SelectionError(`unknown entity id "${options.target}" (target)`);
  }
  return (pressure) => keep(pressure.attributes);
}

/**
 * Pressure within one country is not leverage between states: the presser and the pressed are
 * the same, share a `country`, or one stands under the other (a carrier lobbying its own government).
 */
function isDomestic(context: LeverageContext, presser: string, pressed: string, window: TimeWindow): boolean {
  if (presser === pressed) return true;
  const presserCountry = context.graph.getNodeAttribute(presser, "country");
  if (presserCountry !== undefined && presserCountry === context.graph.getNodeAttribute(pressed, "country")) return true;
  // Walking up from one party to the other: a side walked down can hold a whole country.
  const [presserNumber, pressedNumber, days] = [context.number(presser), context.number(pressed), windowDays(window)];
  return (
    isUnder(context.index, presserNumber, pressedNumber, days, true) || isUnder(context.index, pressedNumber, presserNumber, days, true)
  );
}

/** Every pressure about something, resolved to its presser and pressed, filtered by `at` and `target`. */
export function pressureCases(context: LeverageContext, options: LeverageOptions = {}): PressureCase[] {
  const keep = checkOptions(context.graph, options);
  return [...context.casesFor(options, () => findCases(context, options, keep))];
}

function findCases(context: LeverageContext, options: LeverageOptions, keep: (pressure: Link) => boolean): PressureCase[] {
  const { graph, index } = context;
  const cases: PressureCase[] = [];
  for (const link of index.pressures) {
    const vendor = link.attributes.about;
    if (vendor === undefined || !graph.hasNode(vendor) || !keep(link)) continue;
    const window: TimeWindow =
      options.at === undefined ? { from: link.attributes.start, to: link.attributes.end } : { from: options.at, to: options.at };
    for (const presser of actingFor(index, link.source, window)) {
      for (const pressed of actingFor(index, link.target, window)) {
        if (options.target !== undefined && pressed.party !== options.target) continue;
        if (isDomestic(context, presser.party, pressed.party, window)) continue;
        cases.push({
          pressure: link.id,
          vendor,
          window,
          presser: presser.party,
          pressed: pressed.party,
          presserVia: presser.via,
          pressedVia: pressed.via,
        });
      }
    }
  }
  return cases.sort(
    (a, b) =>
      compare(firstDay(a.window.from), firstDay(b.window.from)) ||
      compare(a.pressed, b.pressed) ||
      compare(a.presser, b.presser) ||
      compare(a.vendor, b.vendor) ||
      compare(a.pressure, b.pressure),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const KIND_ORDER = new Map<string, number>(ENTITY_KINDS.map((kind, index) => [kind, kind === NETWORK_KIND ? -1 : index]));

/** Orders as `localeCompare(other, "en")` does, without making a collator per comparison (most of a big graph's sorting time). */
const BY_NAME = new Intl.Collator("en");

function byDependentOrder(a: DependentEntity, b: DependentEntity): number {
  return (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) || BY_NAME.compare(a.label, b.label) || compare(a.id, b.id);
}

/**
 * The entities under the pressed party that depend on the vendor (or its parts) in the case's
 * window. The lists are shared by the context's callers (read-only, as their type says).
 */
export function dependentsOf(context: LeverageContext, item: PressureCase): readonly DependentEntity[] {
  return context.dependentsIn(item.vendor, item.pressed, item.window);
}

/** Every date: the window in which dependencies count whatever their dates (dependenciesAtOtherDates, isDependedOn). */
const ALL_DATES: TimeWindow = Object.freeze({ from: "0001", to: null });

/** A dependency that does not count in a case's window, and how far its dates lie from the window. */
export interface DistantDependency {
  /** The entity depending: it stands under the pressed party at some date. */
  dependent: string;
  /** The dependency relation (on what the pressure is about, or on what stands under it). */
  relation: string;
  /**
   * Days from the window to the relation's dates: negative when the relation ends before the
   * window, positive when it starts after; 0 when the dates overlap but the dependent stands
   * under the pressed party (or the supplier under what the pressure is about) only at other dates.
   */
  daysApart: number;
}

/** Days since 1970-01-01 of a day number (YYYYMMDD, relations.ts: daysOf). */
function epochDay(day: number): number {
  return Date.UTC(Math.floor(day / 10_000), Math.floor(day / 100) % 100 - 1, day % 100) / 86_400_000;
}

/**
 * The dependencies that would make a chain of the case at other dates: by entities that stand
 * under the pressed party at some date, on what the pressure is about (or on what stands under
 * it at some date), nearest to the case's window first. Empty when there are none at any date:
 * then, and only then, nothing under the party depends on it. A pressure judged in its own dates
 * can miss dependencies recorded from a later source: this says how near they are.
 */
export function dependenciesAtOtherDates(context: LeverageContext, item: PressureCase): DistantDependency[] {
  const window = windowDays(item.window);
  const inWindow = new Set(dependentsOf(context, item).flatMap((dependent) => dependent.dependencies));
  const found: DistantDependency[] = [];
  for (const dependent of context.dependentsIn(item.vendor, item.pressed, ALL_DATES)) {
    for (const relation of dependent.dependencies) {
      if (inWindow.has(relation)) continue;
      const { start, end } = context.graph.getEdgeAttributes(relation);
      const days = daysOf(start, end);
      const daysApart =
        days.last < window.first ? epochDay(days.last) - epochDay(window.first) : days.first > window.last ? epochDay(days.first) - epochDay(window.last) : 0;
      found.push({ dependent: dependent.id, relation, daysApart });
    }
  }
  return found.sort((a, b) => Math.abs(a.daysApart) - Math.abs(b.daysApart) || compare(a.relation, b.relation));
}

/** Whether anything depends, at some date, on an entity or on what stands under it (part_of / owns): whether it is a supplier at all. */
export function isDependedOn(context: LeverageContext, entity: string): boolean {
  return context.under(entity, ALL_DATES, false).numbersWith(context.index.dependents).length > 0;
}

/** A vendor's side bigger than this is not scanned when the pressed party's reach is smaller (findDependents). */
const BIG_VENDOR_SIDE = 64;

function findDependents(context: LeverageContext, vendor: string, pressed: string, window: TimeWindow): readonly DependentEntity[] {
  const { index } = context;
  const { dependents, providers } = index;
  const days = windowDays(window);
  const party = context.number(pressed);
  const vendorSide = context.under(vendor, window, false);
  // Who depends on the vendor's side in the window: dependency relations (numbers in the table
  // index.dependents and index.providers share) with the dependent and the supplier (its position in
  // the vendor's side), in side order, and in relation order for each supplier.
  const candidates: { link: number; dependent: number; supplier: number; position: number }[] = [];
  // Only entities that can stand under the pressed party at some date are worth a look: a few of the hundreds depending on a vendor.
  const reach = everUnder(index, party, true);
  // (A reach's size is known once what the party reaches itself is worked out: asked only when the vendor's side is big.)
  if (vendorSide.size > BIG_VENDOR_SIDE && reach.size < vendorSide.size) {
    // Fewer of those than entities under the vendor: their own dependencies, put in the order the vendor's side gives.
    reach.forEach((dependent) => {
      if (vendorSide.includes(dependent)) return;
      for (let step = providers.start[dependent] as number; step < (providers.start[dependent + 1] as number); step += 1) {
        const link = providers.link[step] as number;
        const supplier = providers.to[step] as number;
        const position = isActive(providers, link, days) ? vendorSide.positionOf(supplier) : undefined;
        if (position !== undefined) candidates.push({ link, dependent, supplier, position });
      }
    });
    candidates.sort((a, b) => a.position - b.position || a.link - b.link);
  } else {
    vendorSide.forEachWith(dependents, (supplier, position) => {
      for (let step = dependents.start[supplier] as number; step < (dependents.start[supplier + 1] as number); step += 1) {
        const link = dependents.link[step] as number;
        const dependent = dependents.to[step] as number;
        if (!reach.has(dependent) || !isActive(dependents, link, days) || vendorSide.includes(dependent)) continue;
        candidates.push({ link, dependent, supplier, position });
      }
    });
  }
  if (candidates.length === 0) return [];
  const pressedSide = sideTowards(
    index,
    party,
    candidates.map((candidate) => candidate.dependent),
    days,
  );
  // Each dependent's dependencies in candidate order (grouped: a dependent's relations depend on its own only).
  const byDependent = new Map<number, (typeof candidates)[number][]>();
  for (const candidate of candidates) {
    if (!pressedSide.includes(candidate.dependent)) continue;
    const list = byDependent.get(candidate.dependent);
    if (list) list.push(candidate);
    else byDependent.set(candidate.dependent, [candidate]);
  }
  const found: DependentEntity[] = [];
  const seen = relationMarks(index);
  const ids = index.relations;
  for (const [dependent, items] of byDependent) {
    // The relations it rests on, each once: its path from the pressed party, then each dependency and the vendor's path to the supplier.
    seen.clear();
    const relations: string[] = [];
    const numbers: number[] = [];
    const mention = (relation: number): void => {
      if (seen.has(relation)) return;
      seen.add(relation);
      numbers.push(relation);
      relations.push(ids[relation] as string);
    };
    const position = pressedSide.positionOf(dependent) as number;
    pressedSide.forEachPathRelation(position, mention);
    const dependencies: string[] = [];
    for (const candidate of items) {
      dependencies.push((dependents.links[candidate.link] as Link).id);
      mention(dependents.relation[candidate.link] as number);
      vendorSide.forEachPathRelation(candidate.position, mention);
    }
    const { kind, label } = index.entities[dependent] as EntityAttributes;
    const route = pressedSide.routeAt(dependent, position);
    const entry: DependentEntity = { id: index.ids[dependent] as string, kind, label, route, dependencies, relations };
    found.push(entry);
    relationNumbers.set(entry, numbers);
  }
  return found.sort(byDependentOrder);
}

/** A set of the graph's entities by number, emptied in constant time (one per index: one chain is gathered at a time). */
const entitySets = new WeakMap<LinkIndex, Marks>();

function entityMarks(index: LinkIndex): Marks {
  let marks = entitySets.get(index);
  if (!marks) {
    marks = new Marks(index.ids.length);
    entitySets.set(index, marks);
  }
  return marks;
}

/** A set of the graph's relations by number, emptied in constant time (one per index: the dependents of one case are listed at a time). */
const relationSets = new WeakMap<LinkIndex, Marks>();

function relationMarks(index: LinkIndex): Marks {
  let marks = relationSets.get(index);
  if (!marks) {
    marks = new Marks(index.relations.length);
    relationSets.set(index, marks);
  }
  return marks;
}

/**
 * The pressed party's side (with its country), exact for the entities given: only those that can
 * be reached down part_of / owns relations from it need the walk, and it is kept to what lies
 * above them. The party itself and its country's members stand under it without one.
 */
function sideTowards(index: LinkIndex, party: number, entities: readonly number[], days: DayNumbers): Side {
  const taken = countryTaken(index, party, true);
  const walked = entities.filter(
    (entity) => entity !== party && !(taken >= 0 && index.memberCountry[entity] === taken) && hasSteps(index.up, entity),
  );
  // Nothing to walk to: the party and its country's members are the whole of what is asked about.
  if (walked.length === 0) return new Side(index, party, taken);
  return sideOf(index, party, days, true, above(index, walked, days));
}

/** What the pressed side relies on the presser's side for, in the case's window. */
export function tiesOf(context: LeverageContext, item: PressureCase): LeverageTie[] {
  return [...context.tiesBetween(item.pressed, item.presser, item.window)];
}

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

/**
 * The relations of each dependent and tie made here, by number (in the order of its `relations`),
 * so a chain gathers them without looking strings up: a big graph's chains mention millions.
 */
const relationNumbers = new WeakMap<DependentEntity | LeverageTie, readonly number[]>();

function computeTies(context: LeverageContext, pressed: string, presser: string, window: TimeWindow): LeverageTie[] {
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
  context: LeverageContext,
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
function heldBloc(context: LeverageContext, side: Side, bloc: string): BlocEntry | undefined {
  const number = context.number(bloc);
  return side.includes(number) ? { members: [], relations: pathOf(side, number) } : undefined;
}

/** The ties from the dependency relations between the sides (active in the window) and the blocs both are in. */
function tiesFound(
  context: LeverageContext,
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

/** The chain of a case, or null when nothing under the pressed party depends on the vendor in the window. */
export function chainOf(context: LeverageContext, item: PressureCase): LeverageChain | null {
  const dependents = dependentsOf(context, item);
  if (dependents.length === 0) return null;
  const ties = tiesOf(context, item);
  // Each relation once, in order of first mention (by number: a big graph's chains mention millions).
  const { index } = context;
  const seen = relationMarks(index).clear();
  const mentioned: number[] = [];
  const mention = (relation: number): void => {
    if (seen.has(relation)) return;
    seen.add(relation);
    mentioned.push(relation);
  };
  for (const relation of [item.pressure, ...item.presserVia, ...item.pressedVia]) mention(context.relationNumber(relation));
  for (const part of [...dependents, ...ties]) {
    const numbers = relationNumbers.get(part);
    if (numbers) for (const relation of numbers) mention(relation);
    else for (const relation of part.relations) mention(context.relationNumber(relation));
  }
  const relations = mentioned.map((relation) => context.citeNumber(relation));
  // Every entity the chain touches, once, in order of first mention: the parties, the vendor, then each relation's ends.
  const touched = entityMarks(index).clear();
  for (const entity of [item.presser, item.pressed, item.vendor]) touched.add(context.number(entity));
  for (const relation of mentioned) {
    touched.add(index.sources[relation] as number);
    touched.add(index.targets[relation] as number);
  }
  const entities = Array.from(touched.copy(), (entity) => index.ids[entity] as string);
  return {
    id: `${item.pressure}:${item.presser}:${item.pressed}`,
    presser: item.presser,
    pressed: item.pressed,
    vendor: item.vendor,
    pressure: item.pressure,
    window: item.window,
    presserVia: item.presserVia,
    pressedVia: item.pressedVia,
    dependents,
    ties,
    entities,
    relations,
  };
}

/**
 * Every leverage chain of the graph, ordered by the pressure's start, then pressed, presser,
 * vendor and pressure id. Throws SelectionError for a malformed `at` or an unknown `target`.
 * Pass the same `context` to repeated calls on one graph to index it once.
 */
export function leverageChains(graph: AtlasGraph, options: LeverageOptions = {}, context?: LeverageContext): LeverageChain[] {
  const shared = contextFor(graph, context);
  const chains: LeverageChain[] = [];
  for (const item of pressureCases(shared, options)) {
    const chain = chainOf(shared, item);
    if (chain) chains.push(chain);
  }
  return chains;
}

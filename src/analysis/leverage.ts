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
import type { AtlasGraph } from "../graph/types.ts";
import { firstDay } from "../model/dates.ts";
import { ENTITY_KINDS, type EntityKind } from "../model/ontology.ts";
import { citeRelation, spanIsActiveIn, type CitedRelation, type TimeWindow } from "./relations.ts";
import { indexLinks, type DependencyLink, type Link, type LinkIndex } from "./links.ts";
import { NETWORK_KIND, PRESSURE_FAMILY } from "./rules.ts";
import { above, actingFor, entitiesUnder, isUnder, type MembershipRoute, type Side } from "./sides.ts";

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
  dependencies: string[];
  /** Every relation this dependent rests on: the part_of / owns chain from the pressed party, the dependencies, the vendor's own part_of / owns chain. */
  relations: string[];
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
  dependents: DependentEntity[];
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
  readonly index: LinkIndex;
  private readonly sides = new Map<string, Side>();
  private readonly ties = new Map<string, LeverageTie[]>();

  constructor(readonly graph: AtlasGraph) {
    this.index = indexLinks(graph);
  }

  /** Entities under a party (with its country) or under a vendor (without: a vendor's country is not the vendor). */
  under(party: string, window: TimeWindow, byCountry: boolean): Side {
    const key = `${party}\u0000${window.from}\u0000${window.to ?? ""}\u0000${byCountry}`;
    let side = this.sides.get(key);
    if (!side) {
      side = entitiesUnder(this.index, party, window, byCountry);
      if (this.sides.size >= LeverageContext.CACHE_LIMIT) this.sides.clear();
      this.sides.set(key, side);
    }
    return side;
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
  return isUnder(context.index, presser, pressed, window, true) || isUnder(context.index, pressed, presser, window, true);
}

/** Every pressure about something, resolved to its presser and pressed, filtered by `at` and `target`. */
export function pressureCases(context: LeverageContext, options: LeverageOptions = {}): PressureCase[] {
  const { graph, index } = context;
  const keep = checkOptions(graph, options);
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

const NO_DEPENDENCIES: readonly DependencyLink[] = [];

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const KIND_ORDER = new Map<string, number>(ENTITY_KINDS.map((kind, index) => [kind, kind === NETWORK_KIND ? -1 : index]));

function byDependentOrder(a: DependentEntity, b: DependentEntity): number {
  return (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) || a.label.localeCompare(b.label, "en") || compare(a.id, b.id);
}

/** The entities under the pressed party that depend on the vendor (or its parts) in the case's window. */
export function dependentsOf(context: LeverageContext, item: PressureCase): DependentEntity[] {
  const { graph, index } = context;
  const vendorSide = context.under(item.vendor, item.window, false);
  // Who depends on the vendor's side in the window; the pressed side is then walked only towards them.
  const candidates: DependencyLink[] = [];
  for (const [supplier] of vendorSide) {
    for (const link of index.byProvider.get(supplier) ?? NO_DEPENDENCIES) {
      if (!vendorSide.has(link.dependent) && spanIsActiveIn(link.span, item.window)) candidates.push(link);
    }
  }
  if (candidates.length === 0) return [];
  const within = above(
    index,
    candidates.map((link) => link.dependent),
    item.window,
  );
  const pressedSide = entitiesUnder(index, item.pressed, item.window, true, within);
  const found = new Map<string, DependentEntity>();
  for (const link of candidates) {
    const membership = pressedSide.get(link.dependent);
    if (!membership) continue;
    let entry = found.get(link.dependent);
    if (!entry) {
      const { kind, label } = graph.getNodeAttributes(link.dependent);
      entry = { id: link.dependent, kind, label, route: membership.route, dependencies: [], relations: [...membership.relations] };
      found.set(link.dependent, entry);
    }
    entry.dependencies.push(link.id);
    for (const relation of [link.id, ...(vendorSide.get(link.provider)?.relations ?? [])])
      if (!entry.relations.includes(relation)) entry.relations.push(relation);
  }
  return [...found.values()].sort(byDependentOrder);
}

/** What the pressed side relies on the presser's side for, in the case's window. */
export function tiesOf(context: LeverageContext, item: PressureCase): LeverageTie[] {
  return [...context.tiesBetween(item.pressed, item.presser, item.window)];
}

function computeTies(context: LeverageContext, pressed: string, presser: string, window: TimeWindow): LeverageTie[] {
  const { graph, index } = context;
  const pressedSide = context.under(pressed, window, true);
  const presserSide = context.under(presser, window, true);
  // Walk the smaller side: the pressed side's dependencies, or the presser's side's provisions.
  const walkPressed = pressedSide.size <= presserSide.size;
  const links = walkPressed
    ? [...pressedSide.entriesIn(index.byDependent)].flatMap(([node]) => index.byDependent.get(node) ?? NO_DEPENDENCIES)
    : [...presserSide.entriesIn(index.byProvider)].flatMap(([node]) => index.byProvider.get(node) ?? NO_DEPENDENCIES);
  const dependencyTies: DependencyTie[] = [];
  for (const link of links) {
    const dependentMembership = pressedSide.get(link.dependent);
    const providerMembership = presserSide.get(link.provider);
    // An entity on both sides (say, a company of one country owned from the other) ties nothing.
    if (!dependentMembership || !providerMembership || pressedSide.has(link.provider) || presserSide.has(link.dependent)) continue;
    if (!spanIsActiveIn(link.span, window)) continue;
    dependencyTies.push({
      type: "dependency",
      dependent: link.dependent,
      provider: link.provider,
      relation: link.id,
      relations: unique([link.id, ...dependentMembership.relations, ...providerMembership.relations]),
    });
  }
  dependencyTies.sort(
    (a, b) =>
      compare(firstDay(graph.getEdgeAttribute(a.relation, "start")), firstDay(graph.getEdgeAttribute(b.relation, "start"))) ||
      compare(a.relation, b.relation),
  );
  return [...dependencyTies, ...blocTies(context, window, pressedSide, presserSide)];
}

function blocMemberships(index: LinkIndex, side: Side, window: TimeWindow): Map<string, { members: string[]; relations: string[] }> {
  const blocs = new Map<string, { members: string[]; relations: string[] }>();
  for (const [member, membership] of side.entriesIn(index.blocMemberships)) {
    for (const link of index.blocMemberships.get(member) ?? []) {
      if (!spanIsActiveIn(link.span, window)) continue;
      const entry = blocs.get(link.target) ?? { members: [], relations: [] };
      if (!entry.members.includes(member)) entry.members.push(member);
      entry.relations.push(link.id, ...membership.relations);
      blocs.set(link.target, entry);
    }
  }
  return blocs;
}

function blocTies(context: LeverageContext, window: TimeWindow, pressedSide: Side, presserSide: Side): BlocTie[] {
  const pressedBlocs = blocMemberships(context.index, pressedSide, window);
  const presserBlocs = blocMemberships(context.index, presserSide, window);
  const ties: BlocTie[] = [];
  for (const [bloc, pressedEntry] of pressedBlocs) {
    // A bloc pressing its own member (or a body part_of the bloc pressing) holds the membership over it.
    const presserEntry =
      presserBlocs.get(bloc) ?? (presserSide.has(bloc) ? { members: [], relations: presserSide.get(bloc)?.relations ?? [] } : undefined);
    if (!presserEntry) continue;
    ties.push({
      type: "bloc",
      bloc,
      pressedMembers: pressedEntry.members,
      presserMembers: presserEntry.members,
      relations: unique([...pressedEntry.relations, ...presserEntry.relations]),
    });
  }
  return ties.sort((a, b) => compare(a.bloc, b.bloc));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The chain of a case, or null when nothing under the pressed party depends on the vendor in the window. */
export function chainOf(context: LeverageContext, item: PressureCase): LeverageChain | null {
  const dependents = dependentsOf(context, item);
  if (dependents.length === 0) return null;
  const ties = tiesOf(context, item);
  const relationIds = unique([
    item.pressure,
    ...item.presserVia,
    ...item.pressedVia,
    ...dependents.flatMap((dependent) => dependent.relations),
    ...ties.flatMap((tie) => tie.relations),
  ]);
  const { graph } = context;
  const entities = unique([
    item.presser,
    item.pressed,
    item.vendor,
    ...relationIds.flatMap((relation) => [graph.source(relation), graph.target(relation)]),
  ]);
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
    relations: relationIds.map((relation) => citeRelation(graph, relation)),
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

/** The context a graph's leverage analyses share: its link index and what they have already worked out. */
import type { AtlasGraph } from "../../graph/types.ts";
import { citeRelation, windowDays, type CitedRelation, type TimeWindow } from "../relations.ts";
import { indexLinks, type LinkIndex } from "../links.ts";
import { sideOf, type Side } from "../sides.ts";
import { findDependents } from "./dependents.ts";
import { computeTies } from "./ties.ts";
import type { DependentEntity, GraphSides, LeverageOptions, LeverageTie, PressureCase } from "./types.ts";

/**
 * What analyses of one graph share: the index of the relations they follow and the sides already
 * computed. Build one per graph and pass it to repeated calls (e.g. as a time slider moves);
 * a graph that changes needs a new context.
 */
export class LeverageContext implements GraphSides {
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

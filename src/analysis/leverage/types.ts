/** What the leverage analysis answers with (chains, their dependents and ties, pressure cases), and what its walks ask of a context. */
import type { AtlasGraph } from "../../graph/types.ts";
import type { EntityKind } from "../../model/ontology.ts";
import type { LinkIndex } from "../links.ts";
import type { CitedRelation, TimeWindow } from "../relations.ts";
import type { MembershipRoute, Side } from "../sides.ts";

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
 * What the dependents walk and the ties ask of a LeverageContext (context.ts): declared here so that
 * neither imports the context, which calls them.
 */
export interface GraphSides {
  readonly graph: AtlasGraph;
  readonly index: LinkIndex;
  /** Entities under a party (with its country) or under a vendor (without). */
  under(party: string, window: TimeWindow, byCountry: boolean): Side;
  /** The entity number of an id of the graph. */
  number(entity: string): number;
}

/**
 * The rules of the leverage analysis, stated once as data over the ontology's families and
 * relation kinds (never over entity ids). Adding a dependency kind to the ontology fails to
 * compile until DEPENDENT_END says which of its ends relies on the other.
 */
import { RELATION_KINDS, type EntityKind, type RelationFamily, type RelationKind } from "../model/ontology.ts";

type KindsOfFamily<F extends RelationFamily> = {
  [K in RelationKind]: (typeof RELATION_KINDS)[K]["family"] extends F ? K : never;
}[RelationKind];

export type DependencyKind = KindsOfFamily<"dependency">;
export type StructureKind = KindsOfFamily<"structure">;

/** Relations of this family that name what they are `about` are the pressures a chain starts from. */
export const PRESSURE_FAMILY: RelationFamily = "pressure";

/** Relations of this family are dependencies: on the vendor (exposure) and on the presser (ties). */
export const DEPENDENCY_FAMILY: RelationFamily = "dependency";

/**
 * Which end of each dependency kind is the one that relies on the other. Most point from the
 * dependent to what it depends on (a carrier uses a vendor's equipment); `supplies`, `funds`
 * and `shares_intelligence_with` point the other way (the vendor supplies the carrier).
 */
export const DEPENDENT_END: Readonly<Record<DependencyKind, "source" | "target">> = {
  uses_equipment_from: "source",
  contracts_with: "source",
  removes_equipment_from: "source",
  supplies: "target",
  shares_intelligence_with: "target",
  funds: "target",
};

/**
 * Structure relations through which an actor acts for another: a person who `leads` or
 * `represents` a government or agency, an agency that is `part_of` a government, a senator who
 * is `member_of` a senate that is part of a government. Followed from source to target until a
 * government is reached (a bloc one is a member of leads no further: blocs are part of nothing).
 */
export const ACTS_FOR_KINDS: readonly StructureKind[] = ["leads", "represents", "part_of", "member_of"];

/** The entity kind an actor is resolved to: presser and pressed are governments when the structure says so. */
export const STATE_KIND: EntityKind = "government";

/** Structure relations that put an entity under another: X `part_of` Y puts X under Y (followed backwards). */
export const PART_KINDS: readonly StructureKind[] = ["part_of"];
/** Structure relations that put an entity under another: Y `owns` X puts X under Y (followed forwards). */
export const OWNER_KINDS: readonly StructureKind[] = ["owns"];

/** Entities a government holds by sharing its `country`: its companies and its agencies. */
export const COUNTRY_MEMBER_KINDS: readonly EntityKind[] = ["carrier", "vendor", "organization", "agency"];

/** The kind whose members are listed first among dependent entities and counted apart in exposure. */
export const NETWORK_KIND: EntityKind = "carrier";

/** Membership (this structure kind, pointing at an entity of the bloc kind) shared by both sides is a tie. */
export const MEMBERSHIP_KIND: StructureKind = "member_of";
export const BLOC_KIND: EntityKind = "bloc";

export function isDependencyKind(kind: RelationKind): kind is DependencyKind {
  return RELATION_KINDS[kind].family === DEPENDENCY_FAMILY;
}

/** A type guard for membership in one of the kind lists above. */
export function kindTest<K extends RelationKind>(kinds: readonly K[]): (kind: RelationKind) => kind is K {
  const set = new Set<RelationKind>(kinds);
  return (kind): kind is K => set.has(kind);
}

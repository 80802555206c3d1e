/**
 * The ontology as data: the one place to add an entity kind or a relation kind (with its look,
 * label, colour and shape, in presentation.ts). The schemas (schema.ts), the loader's endpoint
 * checks, the explorer's legend and the docs are all derived from these tables.
 */

export const ENTITY_KINDS = [
  "government",
  "agency",
  "person",
  "carrier",
  "vendor",
  "organization",
  "bloc",
  "agreement",
  "policy",
  "legal_case",
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const ENTITY_KIND_INFO: Readonly<Record<EntityKind, { description: string }>> = {
  government: { description: "A state acting as a whole (national or sub-national government)." },
  agency: { description: "A ministry, department, regulator, intelligence or law-enforcement service." },
  person: { description: "An official, executive or other individual." },
  carrier: { description: "A telecommunications operator running a network." },
  vendor: { description: "A maker of network equipment (radio access, core, transmission)." },
  organization: { description: "Any other body: university, company, industry group, court." },
  bloc: { description: "An alliance or union of states (Five Eyes, the EU, NATO)." },
  agreement: { description: "A treaty, memorandum or pact that parties sign." },
  policy: { description: "A law, regulation, order, guideline or toolbox issued by an authority." },
  legal_case: { description: "A court case, extradition or other proceeding." },
};

export const RELATION_FAMILIES = ["pressure", "dependency", "structure"] as const;
export type RelationFamily = (typeof RELATION_FAMILIES)[number];

export const RELATION_FAMILY_INFO: Readonly<Record<RelationFamily, { description: string }>> = {
  pressure: { description: "One actor pushes, restricts, punishes or lobbies another." },
  dependency: { description: "One actor relies on another for equipment, services, money or intelligence." },
  structure: { description: "Membership, leadership, ownership, regulation and other standing ties." },
};

export const CONFIDENCES = ["confirmed", "reported", "alleged"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const CONFIDENCE_INFO: Readonly<Record<Confidence, string>> = {
  confirmed: "An official act or statement, or a fact the parties acknowledge.",
  reported: "Reported by established news media, possibly from unnamed sources.",
  alleged: "An accusation, a contested interpretation, or a fact resting on a weak source.",
};

export interface RelationKindSpec {
  readonly family: RelationFamily;
  readonly description: string;
  /** Entity kinds allowed at the source (tail) of the relation. */
  readonly source: readonly EntityKind[];
  /** Entity kinds allowed at the target (head) of the relation. */
  readonly target: readonly EntityKind[];
}

const STATE_ACTORS = ["government", "agency"] as const satisfies readonly EntityKind[];
const ACTORS = ["government", "agency", "person", "bloc"] as const satisfies readonly EntityKind[];
const COMPANIES = ["carrier", "vendor", "organization"] as const satisfies readonly EntityKind[];
const RULE_MAKERS = ["government", "agency", "bloc", "policy", "legal_case"] as const satisfies readonly EntityKind[];

export const RELATION_KINDS = {
  // pressure
  pressures: {
    family: "pressure",
    description: "Urges, warns or pushes another actor about a decision (the optional `about` names the vendor).",
    source: ACTORS,
    target: [...ACTORS, ...COMPANIES],
  },
  threatens: {
    family: "pressure",
    description: "States a concrete consequence if a decision goes one way (e.g. reviewing intelligence sharing).",
    source: ["government", "agency", "person"],
    target: [...ACTORS, ...COMPANIES],
  },
  restricts: {
    family: "pressure",
    description: "Limits a vendor or operator without excluding it outright (caps, core exclusion, conditions).",
    source: RULE_MAKERS,
    target: COMPANIES,
  },
  bans: {
    family: "pressure",
    description: "Excludes a vendor's equipment or services from (part of) the networks under its authority.",
    source: RULE_MAKERS,
    target: COMPANIES,
  },
  sanctions: {
    family: "pressure",
    description: "Applies sanctions, export controls or an entity-list designation.",
    source: [...STATE_ACTORS, "bloc"],
    target: [...COMPANIES, "person", "government", "agency"],
  },
  reviews: {
    family: "pressure",
    description: "Runs a security review or assessment of a vendor or its equipment.",
    source: [...STATE_ACTORS, "bloc", "person"],
    target: COMPANIES,
  },
  charges: {
    family: "pressure",
    description: "Brings criminal charges or an indictment.",
    source: STATE_ACTORS,
    target: [...COMPANIES, "person"],
  },
  detains: {
    family: "pressure",
    description: "Arrests or detains a person; the end date is the release.",
    source: STATE_ACTORS,
    target: ["person"],
  },
  retaliates: {
    family: "pressure",
    description: "Takes or threatens a measure in response to another actor's decision.",
    source: [...STATE_ACTORS, "person"],
    target: [...ACTORS, ...COMPANIES],
  },
  criticizes: {
    family: "pressure",
    description: "Publicly opposes another actor's decision, policy or conduct.",
    source: [...ACTORS, ...COMPANIES],
    target: [...ACTORS, ...COMPANIES, "policy"],
  },
  lobbies: {
    family: "pressure",
    description: "Lobbies an authority for a decision.",
    source: [...COMPANIES, "person", "government", "agency"],
    target: ACTORS,
  },
  // dependency
  uses_equipment_from: {
    family: "dependency",
    description: "Runs a network (or part of one) on the target's equipment.",
    source: ["carrier", ...STATE_ACTORS, "organization"],
    target: ["vendor"],
  },
  contracts_with: {
    family: "dependency",
    description: "Selects or signs a contract with a supplier (e.g. a 5G radio or core contract, a trial).",
    source: ["carrier", ...STATE_ACTORS, "organization", "vendor"],
    target: COMPANIES,
  },
  removes_equipment_from: {
    family: "dependency",
    description: "Removes or replaces the target's equipment (the claim gives the cost where reported).",
    source: ["carrier", ...STATE_ACTORS, "organization"],
    target: ["vendor"],
  },
  supplies: {
    family: "dependency",
    description: "Supplies equipment or services to the target (the vendor's side of a supply tie).",
    source: ["vendor", "carrier", "organization"],
    target: ["carrier", ...STATE_ACTORS, "organization"],
  },
  shares_intelligence_with: {
    family: "dependency",
    description: "Shares intelligence with the target, which relies on it.",
    source: [...STATE_ACTORS, "bloc"],
    target: [...STATE_ACTORS, "bloc"],
  },
  funds: {
    family: "dependency",
    description: "Funds research, a programme or an organization.",
    source: [...COMPANIES, ...STATE_ACTORS],
    target: [...COMPANIES, ...STATE_ACTORS, "person"],
  },
  // structure
  member_of: {
    family: "structure",
    description: "Is a member of a bloc or organization.",
    source: [...STATE_ACTORS, ...COMPANIES, "person", "bloc"],
    target: ["bloc", "organization"],
  },
  party_to: {
    family: "structure",
    description: "Is a party to an agreement or a legal case.",
    source: [...ACTORS, ...COMPANIES],
    target: ["agreement", "legal_case"],
  },
  leads: {
    family: "structure",
    description: "Heads a government, agency, company or bloc (minister, chief executive, chair).",
    source: ["person"],
    target: [...STATE_ACTORS, ...COMPANIES, "bloc"],
  },
  represents: {
    family: "structure",
    description: "Speaks or acts for an actor (ambassador, spokesperson, negotiator, counsel).",
    source: ["person", "agency"],
    target: [...ACTORS, ...COMPANIES],
  },
  part_of: {
    family: "structure",
    description: "Is a part, subsidiary or department of the target.",
    source: [...STATE_ACTORS, ...COMPANIES],
    target: [...STATE_ACTORS, ...COMPANIES, "bloc"],
  },
  owns: {
    family: "structure",
    description: "Owns or controls the target company.",
    source: [...COMPANIES, ...STATE_ACTORS],
    target: COMPANIES,
  },
  regulates: {
    family: "structure",
    description: "Has regulatory authority over the target.",
    source: ["government", "agency", "bloc", "policy"],
    target: COMPANIES,
  },
  issues: {
    family: "structure",
    description: "Issues, adopts or publishes a policy, law, order or toolbox.",
    source: [...ACTORS],
    target: ["policy"],
  },
  // Neutral: says only that a tie exists. A structure relation because that family's grey reads as a standing
  // tie, not as pressure or dependency, and no leverage rule follows it (rules name the structure kinds they use).
  related_to: {
    family: "structure",
    description: "An unspecified tie from an imported file; replace it with a precise kind.",
    source: ENTITY_KINDS,
    target: ENTITY_KINDS,
  },
} as const satisfies Record<string, RelationKindSpec>;

export type RelationKind = keyof typeof RELATION_KINDS;
export const RELATION_KIND_NAMES = Object.keys(RELATION_KINDS) as [RelationKind, ...RelationKind[]];

export function relationSpec(kind: RelationKind): RelationKindSpec {
  return RELATION_KINDS[kind];
}

export function familyOf(kind: RelationKind): RelationFamily {
  return RELATION_KINDS[kind].family;
}

export function relationKindsOf(family: RelationFamily): RelationKind[] {
  return RELATION_KIND_NAMES.filter((kind) => RELATION_KINDS[kind].family === family);
}

/** Whether a relation of this kind may have an entity of this kind at that end: the one rule the loader and the GEXF import apply. */
export function allowsEndpoint(kind: RelationKind, end: "source" | "target", entityKind: EntityKind): boolean {
  return (RELATION_KINDS[kind][end] as readonly EntityKind[]).includes(entityKind);
}

export function isEntityKind(value: string): value is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(value);
}

export function isRelationKind(value: string): value is RelationKind {
  return Object.prototype.hasOwnProperty.call(RELATION_KINDS, value);
}

export function isRelationFamily(value: string): value is RelationFamily {
  return (RELATION_FAMILIES as readonly string[]).includes(value);
}

/**
 * The kind an import gives a tie whose kind it cannot tell (none given, or one the ontology lacks): it claims
 * nothing beyond the tie, where any guessed kind ("member of", "contracts with") would read as a fact.
 */
export const NEUTRAL_RELATION_KIND = "related_to" satisfies RelationKind;

/** Relation families whose relations may name the entity they are `about`. */
export const FAMILIES_WITH_ABOUT: readonly RelationFamily[] = ["pressure"];

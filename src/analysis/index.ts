/** Analyses over the atlas graph: pure functions, safe in node and the browser. */
export {
  leverageChains,
  pressureCases,
  dependentsOf,
  dependenciesAtOtherDates,
  isDependedOn,
  tiesOf,
  chainOf,
  LeverageContext,
} from "./leverage.ts";
export type {
  LeverageOptions,
  LeverageChain,
  LeverageTie,
  DependencyTie,
  BlocTie,
  DependentEntity,
  DistantDependency,
  PressureCase,
} from "./leverage.ts";
export { exposure, exposureScore, CARRIER_WEIGHT, type ExposureRow } from "./exposure.ts";
export { citeRelation, isActiveIn, type CitedRelation, type CitedSource, type TimeWindow } from "./relations.ts";
export { actingFor, entitiesUnder, Side, type Resolution, type Membership, type MembershipRoute } from "./sides.ts";
export { indexLinks, type Link, type LinkIndex, type DependencyLink, type StructureLink } from "./links.ts";
export * from "./rules.ts";
export { readChain, type ChainReading, type ChainStep, type StepRole } from "./steps.ts";

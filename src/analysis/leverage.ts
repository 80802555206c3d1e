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
 * (presser and pressed the same, of one country, or one under the other: see cases.ts, isDomestic).
 * Every relation a chain rests on is listed once, with its sources.
 *
 * This module is the entry; the work is in leverage/: types.ts (what the analysis answers with),
 * context.ts (the per-graph context and its caches), cases.ts (pressure cases), dependents.ts (the
 * dependents walk), ties.ts (dependency and bloc ties), chains.ts (a case's chain) and other-dates.ts
 * (dependencies outside a case's window).
 */
export type {
  BlocTie,
  DependencyTie,
  DependentEntity,
  LeverageChain,
  LeverageOptions,
  LeverageTie,
  PressureCase,
} from "./leverage/types.ts";
export { LeverageContext, contextFor } from "./leverage/context.ts";
export { pressureCases } from "./leverage/cases.ts";
export { chainOf, dependentsOf, leverageChains, tiesOf } from "./leverage/chains.ts";
export { dependenciesAtOtherDates, isDependedOn, type DistantDependency } from "./leverage/other-dates.ts";

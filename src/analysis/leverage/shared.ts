/** What the dependents walk, the ties and the chains share: sets by number, each part's relation numbers, the pressed side towards some entities. */
import type { DayNumbers } from "../relations.ts";
import { hasSteps, type LinkIndex } from "../links.ts";
import { above, countryTaken, Marks, Side, sideOf } from "../sides.ts";
import type { DependentEntity, LeverageTie } from "./types.ts";

/** Plain string order (code units), for ids: the same in every locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A set of the graph's relations by number, emptied in constant time (one per index: the dependents of one case are listed at a time). */
const relationSets = new WeakMap<LinkIndex, Marks>();

export function relationMarks(index: LinkIndex): Marks {
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
export function sideTowards(index: LinkIndex, party: number, entities: readonly number[], days: DayNumbers): Side {
  const taken = countryTaken(index, party, true);
  const walked = entities.filter(
    (entity) => entity !== party && !(taken >= 0 && index.memberCountry[entity] === taken) && hasSteps(index.up, entity),
  );
  // Nothing to walk to: the party and its country's members are the whole of what is asked about.
  if (walked.length === 0) return new Side(index, party, taken);
  return sideOf(index, party, days, true, above(index, walked, days));
}

/**
 * The relations of each dependent and tie made by the dependents walk and the ties, by number (in the
 * order of its `relations`), so a chain gathers them without looking strings up: a big graph's chains mention millions.
 */
export const relationNumbers = new WeakMap<DependentEntity | LeverageTie, readonly number[]>();

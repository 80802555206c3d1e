/** A chain of a pressure case: its dependents, its ties and every relation and entity it rests on, cited once. */
import type { AtlasGraph } from "../../graph/types.ts";
import type { LinkIndex } from "../links.ts";
import { Marks } from "../sides.ts";
import { pressureCases } from "./cases.ts";
import { contextFor, type LeverageContext } from "./context.ts";
import { relationMarks, relationNumbers } from "./shared.ts";
import type { DependentEntity, LeverageChain, LeverageOptions, LeverageTie, PressureCase } from "./types.ts";

/**
 * The entities under the pressed party that depend on the vendor (or its parts) in the case's
 * window. The lists are shared by the context's callers (read-only, as their type says).
 */
export function dependentsOf(context: LeverageContext, item: PressureCase): readonly DependentEntity[] {
  return context.dependentsIn(item.vendor, item.pressed, item.window);
}

/** What the pressed side relies on the presser's side for, in the case's window. */
export function tiesOf(context: LeverageContext, item: PressureCase): LeverageTie[] {
  return [...context.tiesBetween(item.pressed, item.presser, item.window)];
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

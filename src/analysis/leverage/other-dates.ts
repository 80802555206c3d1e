/** Dependencies outside a case's window: how near a chain is at other dates, and whether anything depends on an entity at all. */
import { daysOf, windowDays, type TimeWindow } from "../relations.ts";
import { dependentsOf } from "./chains.ts";
import type { LeverageContext } from "./context.ts";
import { compare } from "./shared.ts";
import type { PressureCase } from "./types.ts";

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
  return Date.UTC(Math.floor(day / 10_000), (Math.floor(day / 100) % 100) - 1, day % 100) / 86_400_000;
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
        days.last < window.first
          ? epochDay(days.last) - epochDay(window.first)
          : days.first > window.last
            ? epochDay(days.first) - epochDay(window.last)
            : 0;
      found.push({ dependent: dependent.id, relation, daysApart });
    }
  }
  return found.sort((a, b) => Math.abs(a.daysApart) - Math.abs(b.daysApart) || compare(a.relation, b.relation));
}

/** Whether anything depends, at some date, on an entity or on what stands under it (part_of / owns): whether it is a supplier at all. */
export function isDependedOn(context: LeverageContext, entity: string): boolean {
  return context.under(entity, ALL_DATES, false).numbersWith(context.index.dependents).length > 0;
}

/**
 * Exposure: per pressed party (usually a government) and per vendor it is pressed about, how much
 * of what stands under it depends on that vendor, and how hard it is pressed.
 *
 * score = (2 x dependent carriers + other dependent entities) x distinct pressers.
 * Carriers weigh double because they run the networks the pressure is about; each government
 * pressing about the same vendor multiplies the exposure. A vendor nobody under the pressed party
 * depends on scores 0 (pressed, but not exposed) and is still listed.
 */
import type { AtlasGraph } from "../graph/types.ts";
import { contextFor, dependentsOf, pressureCases, type LeverageContext, type LeverageOptions, type PressureCase } from "./leverage.ts";
import { NETWORK_KIND } from "./rules.ts";

export interface ExposureRow {
  pressed: string;
  vendor: string;
  score: number;
  /** Dependent carriers, then other dependent entities (ids, each once, in dependent order). */
  carriers: string[];
  others: string[];
  /** Distinct governments (or acting entities) pressing about the vendor. */
  pressers: string[];
  /** The pressure relations, in chain order. */
  pressures: string[];
}

/** Carriers count double: they run the networks the pressure concerns. */
export const CARRIER_WEIGHT = 2;

export function exposureScore(carriers: number, others: number, pressers: number): number {
  return (CARRIER_WEIGHT * carriers + others) * pressers;
}

/**
 * Exposure rows ranked by score, then dependent carriers, then number of pressures, then pressed
 * and vendor ids. Takes the options and context of leverageChains (`at`, `target`) and throws as it does.
 */
export function exposure(graph: AtlasGraph, options: LeverageOptions = {}, context?: LeverageContext): ExposureRow[] {
  const shared = contextFor(graph, context);
  // Sets gather each row's ids (a row of a big graph can gather hundreds); the row lists them in the order first met.
  const rows = new Map<
    string,
    { carriers: Set<string>; others: Set<string>; pressers: Set<string>; pressures: Set<string>; item: PressureCase }
  >();
  for (const item of pressureCases(shared, options)) {
    const key = `${item.pressed}\u0000${item.vendor}`;
    let row = rows.get(key);
    if (!row) {
      row = { carriers: new Set(), others: new Set(), pressers: new Set(), pressures: new Set(), item };
      rows.set(key, row);
    }
    for (const dependent of dependentsOf(shared, item)) (dependent.kind === NETWORK_KIND ? row.carriers : row.others).add(dependent.id);
    row.pressers.add(item.presser);
    row.pressures.add(item.pressure);
  }
  const ranked = [...rows.values()].map(({ carriers, others, pressers, pressures, item }): ExposureRow => ({
    pressed: item.pressed,
    vendor: item.vendor,
    score: exposureScore(carriers.size, others.size, pressers.size),
    carriers: [...carriers],
    others: [...others],
    pressers: [...pressers],
    pressures: [...pressures],
  }));
  return ranked.sort(
    (a, b) =>
      b.score - a.score ||
      b.carriers.length - a.carriers.length ||
      b.pressures.length - a.pressures.length ||
      (a.pressed < b.pressed ? -1 : a.pressed > b.pressed ? 1 : 0) ||
      (a.vendor < b.vendor ? -1 : a.vendor > b.vendor ? 1 : 0),
  );
}

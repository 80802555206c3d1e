/** Pressure cases: each pressure about something, resolved to the governments (or acting entities) pressing and pressed. */
import { relationFilter, SelectionError } from "../../graph/select.ts";
import type { AtlasGraph } from "../../graph/types.ts";
import { firstDay } from "../../model/dates.ts";
import { windowDays, type TimeWindow } from "../relations.ts";
import type { Link } from "../links.ts";
import { PRESSURE_FAMILY } from "../rules.ts";
import { actingFor, isUnder } from "../sides.ts";
import type { LeverageContext } from "./context.ts";
import { compare } from "./shared.ts";
import type { LeverageOptions, PressureCase } from "./types.ts";

function checkOptions(graph: AtlasGraph, options: LeverageOptions): (pressure: Link) => boolean {
  // The shared selection checks the date and states "active at" the same way views do.
  const keep = relationFilter({ families: [PRESSURE_FAMILY], ...(options.at === undefined ? {} : { at: options.at }) });
  if (options.target !== undefined && !graph.hasNode(options.target)) {
    throw new SelectionError(`unknown entity id "${options.target}" (target)`);
  }
  return (pressure) => keep(pressure.attributes);
}

/**
 * Pressure within one country is not leverage between states: the presser and the pressed are
 * the same, share a `country`, or one stands under the other (a carrier lobbying its own government).
 */
function isDomestic(context: LeverageContext, presser: string, pressed: string, window: TimeWindow): boolean {
  if (presser === pressed) return true;
  const presserCountry = context.graph.getNodeAttribute(presser, "country");
  if (presserCountry !== undefined && presserCountry === context.graph.getNodeAttribute(pressed, "country")) return true;
  // Walking up from one party to the other: a side walked down can hold a whole country.
  const [presserNumber, pressedNumber, days] = [context.number(presser), context.number(pressed), windowDays(window)];
  return (
    isUnder(context.index, presserNumber, pressedNumber, days, true) || isUnder(context.index, pressedNumber, presserNumber, days, true)
  );
}

/** Every pressure about something, resolved to its presser and pressed, filtered by `at` and `target`. */
export function pressureCases(context: LeverageContext, options: LeverageOptions = {}): PressureCase[] {
  const keep = checkOptions(context.graph, options);
  return [...context.casesFor(options, () => findCases(context, options, keep))];
}

function findCases(context: LeverageContext, options: LeverageOptions, keep: (pressure: Link) => boolean): PressureCase[] {
  const { graph, index } = context;
  const cases: PressureCase[] = [];
  for (const link of index.pressures) {
    const vendor = link.attributes.about;
    if (vendor === undefined || !graph.hasNode(vendor) || !keep(link)) continue;
    const window: TimeWindow =
      options.at === undefined ? { from: link.attributes.start, to: link.attributes.end } : { from: options.at, to: options.at };
    for (const presser of actingFor(index, link.source, window)) {
      for (const pressed of actingFor(index, link.target, window)) {
        if (options.target !== undefined && pressed.party !== options.target) continue;
        if (isDomestic(context, presser.party, pressed.party, window)) continue;
        cases.push({
          pressure: link.id,
          vendor,
          window,
          presser: presser.party,
          pressed: pressed.party,
          presserVia: presser.via,
          pressedVia: pressed.via,
        });
      }
    }
  }
  return cases.sort(
    (a, b) =>
      compare(firstDay(a.window.from), firstDay(b.window.from)) ||
      compare(a.pressed, b.pressed) ||
      compare(a.presser, b.presser) ||
      compare(a.vendor, b.vendor) ||
      compare(a.pressure, b.pressure),
  );
}

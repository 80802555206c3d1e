/**
 * Relations as an analysis reports them: endpoints, dates, confidence, claim and the sources
 * they cite resolved through the graph's `sources`, so a result stands on its own (CLI, JSON, panel).
 */
import { daySpan, firstDay, lastDay, spansOverlap } from "../model/dates.ts";
import type { Confidence, RelationFamily, RelationKind } from "../model/ontology.ts";
import type { Source } from "../model/schema.ts";
import type { AtlasGraph, RelationAttributes } from "../graph/types.ts";

/** A source a relation cites, with where in it (when the evidence says). */
export interface CitedSource extends Source {
  locator?: string;
}

export interface CitedRelation {
  id: string;
  kind: RelationKind;
  family: RelationFamily;
  source: string;
  target: string;
  start: string;
  /** null while the relation holds. */
  end: string | null;
  confidence: Confidence;
  claim: string;
  about?: string;
  sources: CitedSource[];
}

/** A span of time; `to` null means open-ended (an ongoing relation). Bounds are partial dates. */
export interface TimeWindow {
  from: string;
  to: string | null;
}

/** A span of days as numbers (YYYYMMDD; open ends infinite), which order as the days do: walks compare numbers, not strings. */
export interface DayNumbers {
  first: number;
  last: number;
}

function dayNumber(day: string): number {
  return Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}

/** The days [start, end] covers, as numbers; a null start means "since always", a null end "ongoing" (as daySpan). */
export function daysOf(start: string | null, end: string | null): DayNumbers {
  return { first: start === null ? -Infinity : dayNumber(firstDay(start)), last: end === null ? Infinity : dayNumber(lastDay(end)) };
}

/** Window days are reused by every relation tested against them: computed once per window object. */
const windowDayNumbers = new WeakMap<TimeWindow, DayNumbers>();

export function windowDays(window: TimeWindow): DayNumbers {
  let days = windowDayNumbers.get(window);
  if (!days) {
    days = daysOf(window.from, window.to);
    windowDayNumbers.set(window, days);
  }
  return days;
}

export function isActiveIn(attributes: Pick<RelationAttributes, "start" | "end">, window: TimeWindow): boolean {
  return spansOverlap(daySpan(attributes.start, attributes.end), daySpan(window.from, window.to));
}

/** The relation with its sources resolved. Throws when a citation names a source the graph lacks (the loader rules that out). */
export function citeRelation(graph: AtlasGraph, id: string): CitedRelation {
  const attributes = graph.getEdgeAttributes(id);
  const known = graph.getAttribute("sources");
  const sources = attributes.evidence.map((evidence): CitedSource => {
    const source = known[evidence.source];
    if (!source) throw new Error(`relation "${id}" cites unknown source "${evidence.source}"`);
    return evidence.locator === undefined ? { ...source } : { ...source, locator: evidence.locator };
  });
  return {
    id,
    kind: attributes.kind,
    family: attributes.family,
    source: graph.source(id),
    target: graph.target(id),
    ...(attributes.about === undefined ? {} : { about: attributes.about }),
    start: attributes.start,
    end: attributes.end,
    confidence: attributes.confidence,
    claim: attributes.claim,
    sources,
  };
}

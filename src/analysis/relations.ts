/**
 * Relations as an analysis reports them: endpoints, dates, confidence, claim and the sources
 * they cite resolved through the graph's `sources`, so a result stands on its own (CLI, JSON, panel).
 */
import { firstDay, isActiveDuring, lastDay } from "../model/dates.ts";
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

/** The latest partial date: stands for an open end in interval checks. */
const OPEN_END = "9999";

/** A relation's dates as the first and the last day it covers (YYYY-MM-DD; an open end sorts after every day). */
export interface DaySpan {
  first: string;
  last: string;
}

const AFTER_EVERY_DAY = "\uffff";

export function daySpan(start: string, end: string | null): DaySpan {
  return { first: firstDay(start), last: end === null ? AFTER_EVERY_DAY : lastDay(end) };
}

/** Window spans are reused by every relation tested against them: computed once per window object. */
const windowSpans = new WeakMap<TimeWindow, DaySpan>();

function windowSpan(window: TimeWindow): DaySpan {
  let span = windowSpans.get(window);
  if (!span) {
    span = { first: firstDay(window.from), last: lastDay(window.to ?? OPEN_END) };
    windowSpans.set(window, span);
  }
  return span;
}

/** As isActiveIn, for a relation whose span is computed already (the analyses' indexes hold one per relation). */
export function spanIsActiveIn(span: DaySpan, window: TimeWindow): boolean {
  const bounds = windowSpan(window);
  return span.first <= bounds.last && span.last >= bounds.first;
}

export function isActiveIn(attributes: Pick<RelationAttributes, "start" | "end">, window: TimeWindow): boolean {
  return isActiveDuring(attributes.start, attributes.end, window.from, window.to ?? OPEN_END);
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

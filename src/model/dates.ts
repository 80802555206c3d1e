/**
 * Partial ISO dates ("2019", "2019-11", "2019-11-22") carry their own precision.
 * A date stands for an interval of days: "2019" is 2019-01-01 .. 2019-12-31.
 * Day strings ("YYYY-MM-DD") compare correctly as plain strings, which keeps
 * time filtering allocation-free on large graphs.
 */

export type DatePrecision = "year" | "month" | "day";

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type DateProblem = "malformed" | "impossible";

/** Returns why a string is not a usable partial date, or null when it is one. */
export function partialDateProblem(value: string): DateProblem | null {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return "malformed";
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return "impossible";
  if (day !== undefined && month !== undefined) {
    if (day < 1 || day > daysInMonth(Number(match[1]), month)) return "impossible";
  }
  return null;
}

export function isPartialDate(value: string): boolean {
  return partialDateProblem(value) === null;
}

export function datePrecision(value: string): DatePrecision {
  return value.length === 4 ? "year" : value.length === 7 ? "month" : "day";
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian rules, computed rather than through Date: time filters call this for every relation. */
function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 31;
}

/** First day covered by a partial date, as YYYY-MM-DD. */
export function firstDay(value: string): string {
  if (value.length === 4) return `${value}-01-01`;
  if (value.length === 7) return `${value}-01`;
  return value;
}

/** Last day covered by a partial date, as YYYY-MM-DD. */
export function lastDay(value: string): string {
  if (value.length === 4) return `${value}-12-31`;
  if (value.length === 7) {
    const days = daysInMonth(Number(value.slice(0, 4)), Number(value.slice(5, 7)));
    return `${value}-${String(days).padStart(2, "0")}`;
  }
  return value;
}

/** True when the interval [start, end] (end null = ongoing) covers the given day or partial date. */
export function isActiveAt(start: string | null, end: string | null, at: string): boolean {
  return isActiveDuring(start, end, at, at);
}

/** An interval as the first and the last day it covers (YYYY-MM-DD), compared as strings. */
export interface DaySpan {
  first: string;
  last: string;
}

/** Sorts before and after every YYYY-MM-DD day: the bounds of an interval open at either end. */
const BEFORE_EVERY_DAY = "";
const AFTER_EVERY_DAY = "\uffff";

/** The days [start, end] covers; a null start means "since always", a null end means "ongoing". */
export function daySpan(start: string | null, end: string | null): DaySpan {
  return { first: start === null ? BEFORE_EVERY_DAY : firstDay(start), last: end === null ? AFTER_EVERY_DAY : lastDay(end) };
}

/** True when two spans share at least one day. */
export function spansOverlap(a: DaySpan, b: DaySpan): boolean {
  return a.first <= b.last && a.last >= b.first;
}

/**
 * True when [start, end] overlaps [from, to]. Each bound may be a partial date;
 * a null start means "since always", a null end means "ongoing".
 */
export function isActiveDuring(start: string | null, end: string | null, from: string, to: string): boolean {
  return spansOverlap(daySpan(start, end), daySpan(from, to));
}

/** The days a relation covers, as the entity spans below read them: a partial-date start, an end (null or absent: ongoing). */
export interface RelationDates {
  source: string;
  target: string;
  start: string;
  end?: string | null;
}

/** From the first day a relation starts to the last day one ends, as YYYY-MM-DD; end null while one is ongoing. */
export interface ActiveSpan {
  start: string;
  end: string | null;
}

/**
 * The span each entity is active in, given its relations: what a dynamic GEXF file writes on nodes, and what
 * the GEXF import recognises as saying nothing new.
 */
export function entityActiveSpans(relations: Iterable<RelationDates>): Map<string, ActiveSpan> {
  const spans = new Map<string, ActiveSpan>();
  const widen = (id: string, start: string, end: string | null): void => {
    const span = spans.get(id);
    if (!span) spans.set(id, { start, end });
    else {
      if (start < span.start) span.start = start;
      if (span.end !== null && (end === null || end > span.end)) span.end = end;
    }
  };
  for (const relation of relations) {
    const start = firstDay(relation.start);
    const end = relation.end === null || relation.end === undefined ? null : lastDay(relation.end);
    widen(relation.source, start, end);
    if (relation.target !== relation.source) widen(relation.target, start, end);
  }
  return spans;
}

/** True when an end date lies wholly before a start date (partial dates overlap otherwise). */
export function endsBeforeStart(start: string, end: string): boolean {
  return lastDay(end) < firstDay(start);
}

/** Today's date as YYYY-MM-DD in UTC. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The time control works in whole months: a position on the slider is a month index
 * (year * 12 + month - 1), shown and stored in the URL as "YYYY-MM". A relation is shown at a
 * month when it is active at some point in that month (isActiveAt with a month-precision date).
 */
import type { AtlasGraph } from "../../graph/types.ts";

/** The years the play button animates. */
export const PLAY_FROM = "2018-01";
export const PLAY_TO = "2024-12";
/** The slider never reaches further back than this, so decades-old ties do not squeeze it. */
const EARLIEST = "2000-01";

export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthOf(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

/** The month a partial date falls in (a year counts as its January). */
export function monthOfDate(date: string): string {
  return date.length === 4 ? `${date}-01` : date.slice(0, 7);
}

export interface TimeBounds {
  min: string;
  max: string;
}

/**
 * The slider's range: the dataset's dated span (relation starts and ends), widened to cover the
 * play range, never before 2000-01 nor after the current month.
 */
export function timeBounds(graph: AtlasGraph, currentMonth: string): TimeBounds {
  let min = monthIndex(PLAY_FROM);
  let max = monthIndex(PLAY_TO);
  graph.forEachEdge((_edge, attributes) => {
    const start = monthIndex(monthOfDate(attributes.start));
    if (start < min) min = start;
    if (start > max) max = start;
    if (attributes.end !== null) {
      const end = monthIndex(monthOfDate(attributes.end));
      if (end > max) max = end;
    }
  });
  min = Math.max(min, monthIndex(EARLIEST));
  max = Math.max(Math.min(max, monthIndex(currentMonth)), min);
  return { min: monthOf(min), max: monthOf(max) };
}

/** Where playing starts: the current month when it lies inside the play range, else its beginning. */
export function playStart(month: string | null): string {
  if (month === null) return PLAY_FROM;
  const index = monthIndex(month);
  return index < monthIndex(PLAY_FROM) || index >= monthIndex(PLAY_TO) ? PLAY_FROM : month;
}

/** The month after `month` while playing, or null once the play range is over. */
export function nextPlayMonth(month: string): string | null {
  const index = monthIndex(month);
  return index >= monthIndex(PLAY_TO) ? null : monthOf(index + 1);
}

/** Clamps a month into the bounds. */
export function clampMonth(month: string, bounds: TimeBounds): string {
  const index = Math.min(Math.max(monthIndex(month), monthIndex(bounds.min)), monthIndex(bounds.max));
  return monthOf(index);
}

/**
 * The time control works in whole months: a position on the slider is a month index
 * (year * 12 + month - 1), shown and stored in the URL as "YYYY-MM". A relation is shown at a
 * month when it is active at some point in that month (isActiveAt with a month-precision date).
 */
import type { AtlasGraph } from "../../graph/types.ts";
import { lastDay } from "../../model/dates.ts";

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
  /** The slider's first and last months. */
  min: string;
  max: string;
  /** The months the play button animates. */
  playFrom: string;
  playTo: string;
}

/**
 * The slider's range and the play range. Play animates the dataset's declared `period` (the embedded
 * dataset says 2018 to 2024), else the dataset's whole dated span. The slider covers the dated span
 * (relation starts and ends), widened to the play range, never before 2000-01 nor after the current month.
 */
export function timeBounds(graph: AtlasGraph, currentMonth: string): TimeBounds {
  const current = monthIndex(currentMonth);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  graph.forEachEdge((_edge, attributes) => {
    const start = monthIndex(monthOfDate(attributes.start));
    min = Math.min(min, start);
    max = Math.max(max, start);
    if (attributes.end !== null) max = Math.max(max, monthIndex(monthOfDate(lastDay(attributes.end))));
  });
  if (!Number.isFinite(min)) min = max = current;
  const period = graph.getAttribute("period");
  const earliest = monthIndex(EARLIEST);
  let playFrom = period ? monthIndex(monthOfDate(period.from)) : Math.max(min, earliest);
  let playTo = period ? monthIndex(monthOfDate(lastDay(period.to))) : max;
  playTo = Math.max(Math.min(playTo, current), playFrom);
  playFrom = Math.min(playFrom, playTo);
  const sliderMin = Math.min(Math.max(min, earliest), playFrom);
  const sliderMax = Math.max(Math.min(Math.max(max, playTo), current), sliderMin);
  return { min: monthOf(sliderMin), max: monthOf(sliderMax), playFrom: monthOf(playFrom), playTo: monthOf(playTo) };
}

/** "2018–2024", or one year when play covers a single year. */
export function playLabel(bounds: TimeBounds): string {
  const from = bounds.playFrom.slice(0, 4);
  const to = bounds.playTo.slice(0, 4);
  return from === to ? from : `${from}–${to}`;
}

/** Where playing starts: the current month when it lies inside the play range (before its end), else its beginning. */
export function playStart(month: string | null, bounds: TimeBounds): string {
  if (month === null) return bounds.playFrom;
  const index = monthIndex(month);
  return index < monthIndex(bounds.playFrom) || index >= monthIndex(bounds.playTo) ? bounds.playFrom : month;
}

/** The month after `month` while playing, or null once the play range is over. */
export function nextPlayMonth(month: string, bounds: TimeBounds): string | null {
  const index = monthIndex(month);
  return index >= monthIndex(bounds.playTo) ? null : monthOf(index + 1);
}

/** Clamps a month into the bounds. */
export function clampMonth(month: string, bounds: TimeBounds): string {
  const index = Math.min(Math.max(monthIndex(month), monthIndex(bounds.min)), monthIndex(bounds.max));
  return monthOf(index);
}

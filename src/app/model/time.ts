/**
 * The time control's model, in whole months: a month is an index (year * 12 + month - 1), shown and
 * stored in the address as "YYYY-MM". A relation is shown at a month when it is active at some point
 * in it (isActiveAt with a month-precision date), and during a range when it is active at some point
 * in it.
 *
 * The timeline reaches the whole dated span (the embedded dataset's period starts in 1870, when the
 * oldest institutional ties begin) but the story is dense in a few years: the scale gives those
 * "story years" most of the width and squeezes the sparse decades before and after them into narrow
 * margins, so a month of the story stays several pixels wide while 1870 is still one drag away.
 */
import type { AtlasGraph } from "../../graph/types.ts";
import { isPartialDate, lastDay } from "../../model/dates.ts";
import { RELATION_FAMILIES, type RelationFamily, type RelationKind } from "../../model/ontology.ts";

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

/** Whole months, both included. */
export interface MonthSpan {
  from: string;
  to: string;
}

export type FamilyCounts = Readonly<Record<RelationFamily, number>>;

export interface Timeline {
  /** The first and last months the control reaches: the dated span and the dataset's period, never after the current month. */
  min: string;
  max: string;
  /** The years most relations start in: Play's default range and the wide part of the scale. */
  story: MonthSpan;
  /** Relations starting in each month, by family (months without a start are absent). */
  starts: ReadonlyMap<number, FamilyCounts>;
}

/** A year belongs to the story when at least this share of the busiest year's relations start in it. */
const STORY_YEAR_SHARE = 0.1;

function zeroCounts(): Record<RelationFamily, number> {
  return Object.fromEntries(RELATION_FAMILIES.map((family) => [family, 0])) as Record<RelationFamily, number>;
}

/**
 * The story years: from the first to the last year in which at least a tenth as many relations start
 * as in the busiest year. A lone tie from 1870 or a handful from the 1940s stay out; a quiet year
 * between two busy ones stays in.
 */
export function storyYears(startsByYear: ReadonlyMap<number, number>): { from: number; to: number } | null {
  const peak = Math.max(0, ...startsByYear.values());
  if (peak === 0) return null;
  const busy = [...startsByYear].filter(([, count]) => count >= peak * STORY_YEAR_SHARE).map(([year]) => year);
  return { from: Math.min(...busy), to: Math.max(...busy) };
}

/** The timeline of a graph: its reach, its story years and its relation starts per month. */
export function timeline(graph: AtlasGraph, currentMonth: string): Timeline {
  const current = monthIndex(currentMonth);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const starts = new Map<number, Record<RelationFamily, number>>();
  const byYear = new Map<number, number>();
  graph.forEachEdge((_edge, attributes) => {
    const start = monthIndex(monthOfDate(attributes.start));
    min = Math.min(min, start);
    max = Math.max(max, start);
    if (attributes.end !== null) max = Math.max(max, monthIndex(monthOfDate(lastDay(attributes.end))));
    let counts = starts.get(start);
    if (!counts) starts.set(start, (counts = zeroCounts()));
    counts[attributes.family] += 1;
    const year = Math.floor(start / 12);
    byYear.set(year, (byYear.get(year) ?? 0) + 1);
  });
  const period = graph.getAttribute("period");
  if (period) {
    min = Math.min(min, monthIndex(monthOfDate(period.from)));
    max = Math.max(max, monthIndex(monthOfDate(lastDay(period.to))));
  }
  if (!Number.isFinite(min)) min = max = current;
  max = Math.max(Math.min(max, current), min);
  min = Math.min(min, max);
  const years = storyYears(byYear);
  const storyFrom = years ? Math.min(Math.max(years.from * 12, min), max) : min;
  const storyTo = years ? Math.max(Math.min(years.to * 12 + 11, max), storyFrom) : max;
  return { min: monthOf(min), max: monthOf(max), story: { from: monthOf(storyFrom), to: monthOf(storyTo) }, starts };
}

// The scale.

/** The sparse years before and after the story get at most this share of the width each. */
const SPARSE_SHARE = 0.12;

/**
 * Where months sit along the timeline, as fractions of its width: three linear pieces (before the
 * story, the story, after it). Month i covers [at(i), at(i + 1)). A three-piece linear map is a few
 * lines; d3-scale's polylinear scale would do it but brings five packages for it.
 */
export interface TimeScale {
  /** The fraction where a month index starts (index + 1 is where it ends). */
  at(index: number): number;
  /** The month index at a fraction of the width, clamped to the timeline. */
  monthAt(fraction: number): number;
  /** Where the story part begins and ends, as fractions (equal to 0 and 1 when nothing is squeezed). */
  story: { from: number; to: number };
}

export function timeScale(line: Pick<Timeline, "min" | "max" | "story">): TimeScale {
  const start = monthIndex(line.min);
  const end = monthIndex(line.max) + 1;
  const storyStart = monthIndex(line.story.from);
  const storyEnd = monthIndex(line.story.to) + 1;
  const total = Math.max(end - start, 1);
  const before = Math.min((storyStart - start) / total, SPARSE_SHARE);
  const after = Math.min((end - storyEnd) / total, SPARSE_SHARE);
  // Month-space breakpoints and the fractions they map to.
  const domain = [start, storyStart, storyEnd, end];
  const range = [0, before, 1 - after, 1];
  const map = (value: number, from: number[], to: number[]): number => {
    for (let piece = 0; piece < 3; piece++) {
      const a = from[piece] as number;
      const b = from[piece + 1] as number;
      if (value <= b || piece === 2) {
        if (b === a) continue;
        const t = (value - a) / (b - a);
        return (to[piece] as number) + t * ((to[piece + 1] as number) - (to[piece] as number));
      }
    }
    return to[3] as number;
  };
  return {
    at: (index) => map(Math.min(Math.max(index, start), end), domain, range),
    monthAt: (fraction) => {
      const value = map(Math.min(Math.max(fraction, 0), 1), range, domain);
      return Math.min(Math.max(Math.floor(value), start), end - 1);
    },
    story: { from: before, to: 1 - after },
  };
}

export interface YearTick {
  year: number;
  /** Where the year begins, as a fraction of the width. */
  fraction: number;
  /** Whether the year is written under its tick (ticks too close to a written one stay bare). */
  labelled: boolean;
}

/** Pixels kept between two written years ("2019" is about 28 px wide). */
const TICK_LABEL_GAP_PX = 36;
/** Years closer than this many pixels get no tick of their own (the squeezed decades). */
const TICK_MIN_PX = 4;

/** How much a year deserves a label: the story's years and the timeline's first year first, then round years. */
function tickRank(year: number, storyFrom: number, storyTo: number, first: number): number {
  if ((year >= storyFrom && year <= storyTo) || year === first) return 0;
  if (year % 100 === 0) return 1;
  if (year % 50 === 0) return 2;
  if (year % 10 === 0) return 3;
  if (year % 5 === 0) return 4;
  return 5;
}

/**
 * The year ticks of a timeline drawn `width` pixels wide: a tick at each January far enough from its
 * neighbours, and a label on as many as fit without crowding, the story's years first.
 */
export function yearTicks(line: Pick<Timeline, "min" | "max" | "story">, scale: TimeScale, width: number): YearTick[] {
  const first = Math.ceil(monthIndex(line.min) / 12);
  const last = Math.floor(monthIndex(line.max) / 12);
  const storyFrom = Number(line.story.from.slice(0, 4));
  const storyTo = Number(line.story.to.slice(0, 4));
  // Ticks in order of rank, each kept when no kept tick is within TICK_MIN_PX of it; then labels the same way.
  const byRank: YearTick[] = [];
  for (let year = first; year <= last; year++) byRank.push({ year, fraction: scale.at(year * 12), labelled: false });
  const rank = (year: number): number => tickRank(year, storyFrom, storyTo, first);
  byRank.sort((a, b) => rank(a.year) - rank(b.year) || a.year - b.year);
  const kept: YearTick[] = [];
  for (const tick of byRank) if (kept.every((other) => Math.abs(other.fraction - tick.fraction) * width >= TICK_MIN_PX)) kept.push(tick);
  const written: number[] = [];
  for (const tick of kept) {
    const px = tick.fraction * width;
    // The last label must fit inside the timeline's right edge.
    if (px > width - TICK_LABEL_GAP_PX / 2) continue;
    if (written.every((other) => Math.abs(other - px) >= TICK_LABEL_GAP_PX)) {
      tick.labelled = true;
      written.push(px);
    }
  }
  return kept.sort((a, b) => a.year - b.year);
}

export interface HistogramColumn {
  /** Left edge and width in pixels. */
  x: number;
  width: number;
  /** Relations starting in the months the column covers, by family. */
  counts: FamilyCounts;
  total: number;
}

/**
 * The relation starts drawn `width` pixels wide: one column per month where months are wide enough,
 * months sharing a pixel merged into one column where the scale squeezes them.
 */
export function histogramColumns(line: Timeline, scale: TimeScale, width: number): HistogramColumn[] {
  const columns = new Map<number, { x: number; right: number; counts: Record<RelationFamily, number>; total: number }>();
  for (const [month, counts] of [...line.starts].sort(([a], [b]) => a - b)) {
    if (month < monthIndex(line.min) || month > monthIndex(line.max)) continue;
    const left = scale.at(month) * width;
    const right = scale.at(month + 1) * width;
    const key = right - left >= 1 ? left : Math.floor(left);
    let column = columns.get(key);
    if (!column) columns.set(key, (column = { x: left, right: Math.max(right, left + 1), counts: zeroCounts(), total: 0 }));
    for (const family of RELATION_FAMILIES) {
      column.counts[family] += counts[family];
      column.total += counts[family];
    }
  }
  return [...columns.values()].map(({ x, right, counts, total }) => ({ x, width: right - x, counts, total }));
}

// Reading and moving.

const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A month typed by the user: "2019-11", "2019", "2019-11-23", "Nov 2019" or "November 2019" (a year
 * is its January, a day its month), or why it is not one.
 */
export function readMonth(text: string): { month: string } | { problem: string } {
  const value = text.trim();
  if (isPartialDate(value)) return { month: monthOfDate(value) };
  const named = /^([a-z]+)\.?\s+(\d{4})$/i.exec(value);
  const index = named ? MONTH_NAMES.findIndex((name) => (named[1] as string).toLowerCase().startsWith(name)) : -1;
  if (named && index >= 0 && (named[1] as string).length >= 3) return { month: `${named[2]}-${String(index + 1).padStart(2, "0")}` };
  return { problem: `"${value}" is not a month: type it as 2019-11, 2019 or Nov 2019` };
}

/** Clamps a month into the timeline. */
export function clampMonth(month: string, line: Pick<Timeline, "min" | "max">): string {
  return monthOf(Math.min(Math.max(monthIndex(month), monthIndex(line.min)), monthIndex(line.max)));
}

/** The range Play animates: the one chosen, else the story years. */
export function playRange(chosen: MonthSpan | null, line: Pick<Timeline, "story">): MonthSpan {
  return chosen ?? line.story;
}

/** "2017–2025", or one year when the range lies in a single year. */
export function rangeLabel(range: MonthSpan): string {
  const from = range.from.slice(0, 4);
  const to = range.to.slice(0, 4);
  return from === to ? from : `${from}–${to}`;
}

/** The month after `month` while playing a range, or null once the range is over. */
export function nextPlayMonth(month: string, range: MonthSpan): string | null {
  const index = monthIndex(month);
  return index >= monthIndex(range.to) ? null : monthOf(Math.max(index + 1, monthIndex(range.from)));
}

/** Play's speeds, in months per second (the first is the default). */
export const PLAY_SPEEDS = [
  { id: "normal", label: "5 months/s", monthsPerSecond: 5 },
  { id: "slow", label: "2 months/s", monthsPerSecond: 2 },
  { id: "fast", label: "12 months/s", monthsPerSecond: 12 },
] as const;
export type PlaySpeed = (typeof PLAY_SPEEDS)[number]["id"];

// The events in a window.

export interface DatedEvent {
  relation: string;
  /** The relation starts or ends then (a relation starting and ending in the window is listed twice, a one-day one once). */
  type: "start" | "end";
  date: string;
  family: RelationFamily;
  kind: RelationKind;
  source: string;
  target: string;
}

/**
 * The relations that start or end within a window of months, in date order (then by relation id),
 * among those `keep` accepts (the view's filters other than time).
 */
export function datedEvents(
  graph: AtlasGraph,
  window: MonthSpan,
  keep: (relation: string) => boolean = () => true,
): DatedEvent[] {
  const from = monthIndex(window.from);
  const to = monthIndex(window.to);
  const inWindow = (date: string): boolean => {
    const month = monthIndex(monthOfDate(date));
    return month >= from && month <= to;
  };
  const events: DatedEvent[] = [];
  graph.forEachEdge((relation, attributes, source, target) => {
    if (!keep(relation)) return;
    const common = { relation, family: attributes.family, kind: attributes.kind, source, target };
    if (inWindow(attributes.start)) events.push({ ...common, type: "start", date: attributes.start });
    if (attributes.end !== null && attributes.end !== attributes.start && inWindow(attributes.end))
      events.push({ ...common, type: "end", date: attributes.end });
  });
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.relation < b.relation ? -1 : a.relation > b.relation ? 1 : 0));
}

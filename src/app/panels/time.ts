/**
 * The time bar under the graph: a timeline with year ticks and the relations starting each month
 * (by family) drawn along it, a slider on it (a click lands on the month under the pointer), a date
 * box, a from-to range that Play animates (the story years by default), Play's speed, whether
 * entities without a relation at the date stay, and the dated events of the month or range.
 * The scale, the ticks, the histogram and the events are model/time.ts's.
 */
import { entityFilter, relationFilter } from "../../graph/select.ts";
import { RELATION_FAMILIES } from "../../model/ontology.ts";
import { formatMonth, formatPartialDate, plural, relationKindLabel } from "../model/format.ts";
import { FAMILY_COLORS } from "../model/palette.ts";
import {
  PLAY_SPEEDS,
  clampMonth,
  datedEvents,
  histogramColumns,
  monthIndex,
  monthOf,
  nextPlayMonth,
  playRange,
  rangeLabel,
  readMonth,
  timeScale,
  timeline,
  yearTicks,
  type DatedEvent,
  type MonthSpan,
  type PlaySpeed,
  type TimeScale,
  type Timeline,
} from "../model/time.ts";
import { viewFilters } from "../model/view.ts";
import type { ViewGraph } from "../model/view-graph.ts";
import { setEntitiesInTime, setRange, setTime } from "../state/actions.ts";
import type { ViewState } from "../state/state.ts";
import { el } from "../ui/dom.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./time.css";

/** Events listed at most (a range over the story years holds hundreds): the rest are counted. */
const EVENTS_SHOWN = 120;
const SPEED_KEY = "atlas.playSpeed";
const HISTOGRAM_HEIGHT = 26;

export interface TimeHandlers {
  onAt: (at: string | null) => void;
  onRange: (range: MonthSpan | null) => void;
  onEntities: (entities: ViewState["entities"]) => void;
  /** An event in the list was chosen: show its month and its entity. */
  onEvent: (event: DatedEvent) => void;
  labelOf: (id: string) => string;
}

function storedSpeed(): PlaySpeed {
  try {
    const value = localStorage.getItem(SPEED_KEY);
    return PLAY_SPEEDS.find((speed) => speed.id === value)?.id ?? PLAY_SPEEDS[0].id;
  } catch {
    return PLAY_SPEEDS[0].id;
  }
}

export class TimeControl {
  readonly element: HTMLElement;
  private readonly scale: TimeScale;
  private readonly slider: HTMLElement;
  private readonly thumb: HTMLElement;
  private readonly band: HTMLElement;
  private readonly ticks: HTMLElement;
  private readonly histogram: HTMLCanvasElement;
  private readonly output: HTMLOutputElement;
  private readonly dateBox: HTMLInputElement;
  private readonly fromBox: HTMLInputElement;
  private readonly toBox: HTMLInputElement;
  private readonly preset: HTMLSelectElement;
  private readonly problem: HTMLElement;
  private readonly playButton: HTMLButtonElement;
  private readonly speed: HTMLSelectElement;
  private readonly allButton: HTMLButtonElement;
  private readonly keepAll: HTMLInputElement;
  private readonly eventsSummary: HTMLElement;
  private readonly eventsList: HTMLElement;
  private readonly resize: ResizeObserver;
  private timer: ReturnType<typeof setInterval> | undefined;
  private at: string | null = null;
  private range: MonthSpan | null = null;
  private drawnWidth = 0;

  constructor(
    readonly line: Timeline,
    private readonly handlers: TimeHandlers,
  ) {
    this.scale = timeScale(line);
    const min = monthIndex(line.min);
    const max = monthIndex(line.max);

    this.playButton = el("button", { class: "button time-play", attrs: { type: "button", "aria-pressed": "false" } });
    this.speed = el(
      "select",
      { class: "select time-speed", attrs: { id: "time-speed", title: "Play speed" } },
      ...PLAY_SPEEDS.map((speed) => el("option", { text: speed.label, attrs: { value: speed.id } })),
    );
    this.speed.value = storedSpeed();
    this.dateBox = el("input", {
      class: "time-box",
      attrs: { type: "text", id: "time-date", inputmode: "numeric", placeholder: "YYYY-MM", autocomplete: "off", size: 8 },
    });
    this.output = el("output", { class: "time-output", attrs: { for: "time-date" } });
    this.allButton = el("button", { class: "button time-all", text: "All dates", attrs: { type: "button", "aria-label": "Show all dates" } });
    this.fromBox = el("input", {
      class: "time-box",
      attrs: { type: "text", id: "time-from", placeholder: line.story.from, autocomplete: "off", size: 8, "aria-labelledby": "time-range-label time-from-label" },
    });
    this.toBox = el("input", {
      class: "time-box",
      attrs: { type: "text", id: "time-to", placeholder: line.story.to, autocomplete: "off", size: 8, "aria-labelledby": "time-range-label time-to-label" },
    });
    this.preset = el(
      "select",
      { class: "select time-preset", attrs: { id: "time-preset", "aria-labelledby": "time-range-label time-preset-label" } },
      el("option", { text: `Story years ${rangeLabel(line.story)}`, attrs: { value: "story" } }),
      el("option", { text: `Full span ${rangeLabel({ from: line.min, to: line.max })}`, attrs: { value: "full" } }),
      el("option", { text: "Custom range", attrs: { value: "custom", hidden: true } }),
    );
    this.keepAll = el("input", { attrs: { type: "checkbox", id: "time-keep-all" } });
    this.problem = el("p", { class: "time-problem", attrs: { id: "time-problem", role: "status", "aria-live": "polite" } });
    this.eventsSummary = el("summary", { class: "time-events-summary" });
    this.eventsList = el("ol", { class: "time-events-list" });

    this.histogram = el("canvas", { class: "time-histogram", attrs: { "aria-hidden": "true", height: HISTOGRAM_HEIGHT } });
    this.band = el("div", { class: "time-band", attrs: { "aria-hidden": "true" } });
    this.thumb = el("span", { class: "time-thumb", attrs: { "aria-hidden": "true" } });
    this.slider = el(
      "div",
      {
        class: "time-slider",
        attrs: {
          role: "slider",
          tabindex: 0,
          id: "time-slider",
          "aria-label": "Date",
          "aria-valuemin": min,
          "aria-valuemax": max,
          "aria-describedby": "time-problem",
        },
      },
      this.thumb,
    );
    this.ticks = el("div", { class: "time-ticks", attrs: { "aria-hidden": "true" } });
    const squeezed = [
      this.scale.story.from > 0 ? el("div", { class: "time-squeezed", attrs: { "aria-hidden": "true" } }) : null,
      this.scale.story.to < 1 ? el("div", { class: "time-squeezed", attrs: { "aria-hidden": "true" } }) : null,
    ];
    if (squeezed[0]) Object.assign(squeezed[0].style, { left: "0", width: `${this.scale.story.from * 100}%` });
    if (squeezed[1]) Object.assign(squeezed[1].style, { left: `${this.scale.story.to * 100}%`, right: "0" });

    this.element = el(
      "section",
      { class: "time-bar", attrs: { "aria-label": "Time" } },
      el(
        "div",
        { class: "time-controls" },
        el(
          "div",
          { class: "time-group" },
          this.playButton,
          el("label", { class: "time-label", text: "Speed", attrs: { for: "time-speed" } }),
          this.speed,
        ),
        el(
          "div",
          { class: "time-group" },
          el("label", { class: "time-label", text: "Date", attrs: { for: "time-date" } }),
          this.dateBox,
          this.allButton,
          this.output,
        ),
        el(
          "div",
          { class: "time-group", attrs: { role: "group", "aria-label": "Range" } },
          el("span", { class: "time-label", text: "Range", attrs: { id: "time-range-label" } }),
          el("label", { class: "time-label", text: "from", attrs: { for: "time-from", id: "time-from-label" } }),
          this.fromBox,
          el("label", { class: "time-label", text: "to", attrs: { for: "time-to", id: "time-to-label" } }),
          this.toBox,
          el("label", { class: "time-label", text: "preset", attrs: { for: "time-preset", id: "time-preset-label" } }),
          this.preset,
        ),
        el(
          "label",
          {
            class: "time-group time-keep",
            attrs: { for: "time-keep-all", title: "At a date, keep the entities that have no relation active then" },
          },
          this.keepAll,
          " Keep inactive entities",
        ),
        el("details", { class: "time-events" }, this.eventsSummary, this.eventsList),
      ),
      this.problem,
      el("div", { class: "timeline" }, ...squeezed, this.band, this.histogram, this.slider, this.ticks),
    );

    this.bind();
    this.resize = new ResizeObserver(() => this.layoutTimeline());
    this.resize.observe(this.histogram);
    this.render();
  }

  private bind(): void {
    const handlers = this.handlers;
    // The slider: a press lands on the month under the pointer, dragging follows it.
    const monthAtPointer = (event: PointerEvent): string => {
      const box = this.slider.getBoundingClientRect();
      return monthOf(this.scale.monthAt((event.clientX - box.left) / Math.max(box.width, 1)));
    };
    this.slider.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      this.slider.focus();
      this.slider.setPointerCapture(event.pointerId);
      this.stopTimer();
      this.change(monthAtPointer(event));
    });
    this.slider.addEventListener("pointermove", (event) => {
      if (!this.slider.hasPointerCapture(event.pointerId)) return;
      const month = monthAtPointer(event);
      if (month !== this.at) this.change(month);
    });
    this.slider.addEventListener("keydown", (event) => {
      const steps: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -12, PageUp: 12 };
      const current = monthIndex(this.at ?? this.line.max);
      let next: number | null = null;
      if (event.key in steps) next = current + (steps[event.key] as number);
      else if (event.key === "Home") next = monthIndex(this.line.min);
      else if (event.key === "End") next = monthIndex(this.line.max);
      if (next === null) return;
      event.preventDefault();
      this.stopTimer();
      this.change(clampMonth(monthOf(next), this.line));
    });

    const readBox = (box: HTMLInputElement): string | null | { problem: string } => {
      if (box.value.trim() === "") return null;
      const read = readMonth(box.value);
      if ("problem" in read) return read;
      return clampMonth(read.month, this.line);
    };
    const commitDate = (): void => {
      const read = readBox(this.dateBox);
      if (read !== null && typeof read === "object") {
        this.showProblem(this.dateBox, read.problem);
        return;
      }
      this.showProblem(this.dateBox, null);
      this.stopTimer();
      this.change(read);
    };
    this.dateBox.addEventListener("change", commitDate);
    this.dateBox.addEventListener("keydown", (event) => {
      if (event.key === "Enter") commitDate();
    });
    // Leaving one box while the other is empty waits for the other (the user is typing the range);
    // Enter takes the range as it is, an empty end standing for the story's.
    const commitRange = (event: Event): void => {
      const typing = event.type === "change" && (this.fromBox.value.trim() === "") !== (this.toBox.value.trim() === "");
      if (typing) return;
      const from = readBox(this.fromBox);
      const to = readBox(this.toBox);
      for (const [box, read] of [
        [this.fromBox, from],
        [this.toBox, to],
      ] as const) {
        if (read !== null && typeof read === "object") {
          this.showProblem(box, read.problem);
          return;
        }
      }
      this.showProblem(this.fromBox, null);
      this.showProblem(this.toBox, null);
      if (from === null && to === null) {
        handlers.onRange(null);
        return;
      }
      const span = { from: (from as string | null) ?? this.line.story.from, to: (to as string | null) ?? this.line.story.to };
      handlers.onRange(monthIndex(span.from) <= monthIndex(span.to) ? span : { from: span.to, to: span.from });
    };
    for (const box of [this.fromBox, this.toBox]) {
      box.addEventListener("change", commitRange);
      box.addEventListener("keydown", (event) => {
        if (event.key === "Enter") commitRange(event);
      });
    }
    this.preset.addEventListener("change", () => {
      if (this.preset.value === "story") handlers.onRange(null);
      else if (this.preset.value === "full") handlers.onRange({ from: this.line.min, to: this.line.max });
    });
    this.playButton.addEventListener("click", () => (this.timer === undefined ? this.play() : this.pause()));
    this.speed.addEventListener("change", () => {
      try {
        localStorage.setItem(SPEED_KEY, this.speed.value);
      } catch {
        // Private windows may refuse storage: the speed then lasts for this page only.
      }
      if (this.timer !== undefined) this.startTimer();
    });
    this.allButton.addEventListener("click", () => {
      this.pause();
      this.change(null);
    });
    this.keepAll.addEventListener("change", () => handlers.onEntities(this.keepAll.checked ? "all" : "active"));
  }

  /** Reflects the view's dates without firing the handlers. */
  set(view: Pick<ViewState, "at" | "range" | "entities">): void {
    this.at = view.at === null ? null : clampMonth(view.at, this.line);
    this.range = view.range;
    this.keepAll.checked = view.entities === "all";
    this.render();
  }

  /** Lists the events of the month shown, else of the range (the view's other filters apply). */
  setEvents(events: readonly DatedEvent[] | null, window: string): void {
    if (events === null) {
      this.eventsSummary.textContent = "Events";
      this.eventsList.replaceChildren(el("li", { class: "hint", text: "Choose a date or a range to list its events." }));
      return;
    }
    this.eventsSummary.textContent = `Events ${window} (${events.length.toLocaleString("en")})`;
    const items = events.slice(0, EVENTS_SHOWN).map((event) => {
      const button = el(
        "button",
        { class: "time-event", attrs: { type: "button", "data-relation": event.relation } },
        el("span", { class: "time-event-date", text: formatPartialDate(event.date) }),
        el("span", {
          text: `${this.handlers.labelOf(event.source)} ${relationKindLabel(event.kind)} ${this.handlers.labelOf(event.target)}${event.type === "end" ? " (ends)" : ""}`,
        }),
      );
      button.style.setProperty("--family-color", FAMILY_COLORS[event.family]);
      button.addEventListener("click", () => this.handlers.onEvent(event));
      return el("li", {}, button);
    });
    if (events.length > EVENTS_SHOWN)
      items.push(el("li", { class: "hint", text: `and ${plural(events.length - EVENTS_SHOWN, "more event")}: narrow the range to see them.` }));
    if (events.length === 0) items.push(el("li", { class: "hint", text: "No relation starts or ends then." }));
    this.eventsList.replaceChildren(...items);
  }

  get playing(): boolean {
    return this.timer !== undefined;
  }

  /** Plays the chosen range (the story years by default) from its first month, never from wherever the date was. */
  play(): void {
    this.stopTimer();
    const range = playRange(this.range, this.line);
    this.change(clampMonth(range.from, this.line));
    this.startTimer();
    this.render();
  }

  pause(): void {
    this.stopTimer();
    this.render();
  }

  destroy(): void {
    this.stopTimer();
    this.resize.disconnect();
  }

  private startTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    const speed = PLAY_SPEEDS.find((option) => option.id === this.speed.value) ?? PLAY_SPEEDS[0];
    this.timer = setInterval(() => {
      const next = this.at === null ? null : nextPlayMonth(this.at, playRange(this.range, this.line));
      if (next === null) this.pause();
      else this.change(next);
    }, 1000 / speed.monthsPerSecond);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private change(at: string | null): void {
    this.at = at;
    this.render();
    this.handlers.onAt(at);
  }

  private showProblem(box: HTMLInputElement, problem: string | null): void {
    box.setAttribute("aria-invalid", String(problem !== null));
    if (problem !== null) box.setAttribute("aria-describedby", "time-problem");
    else box.removeAttribute("aria-describedby");
    this.problem.textContent = problem ?? "";
  }

  private render(): void {
    const at = this.at;
    const shown = monthIndex(at ?? this.line.max);
    this.slider.setAttribute("aria-valuenow", String(shown));
    this.slider.setAttribute("aria-valuetext", at === null ? "All dates" : formatMonth(at));
    this.slider.classList.toggle("time-slider-all", at === null);
    this.thumb.style.left = `${((this.scale.at(shown) + this.scale.at(shown + 1)) / 2) * 100}%`;
    if (document.activeElement !== this.dateBox) this.dateBox.value = at ?? "";
    this.output.textContent =
      at !== null ? `As of ${formatMonth(at)}` : this.range !== null ? `Active during ${rangeLabel(this.range)}` : "All dates";
    this.allButton.disabled = at === null && this.range === null;
    const range = playRange(this.range, this.line);
    if (document.activeElement !== this.fromBox) this.fromBox.value = this.range?.from ?? "";
    if (document.activeElement !== this.toBox) this.toBox.value = this.range?.to ?? "";
    const full = this.range !== null && this.range.from === this.line.min && this.range.to === this.line.max;
    this.preset.value = this.range === null ? "story" : full ? "full" : "custom";
    const left = this.scale.at(monthIndex(range.from));
    const right = this.scale.at(monthIndex(range.to) + 1);
    Object.assign(this.band.style, { left: `${left * 100}%`, width: `${(right - left) * 100}%` });
    this.band.classList.toggle("time-band-chosen", this.range !== null);
    const playing = this.timer !== undefined;
    this.playButton.textContent = playing ? "❚❚ Pause" : `▶ Play ${rangeLabel(range)}`;
    this.playButton.setAttribute("aria-pressed", String(playing));
    this.playButton.title = playing ? "Pause" : `Play ${formatMonth(range.from)} to ${formatMonth(range.to)}, month by month`;
  }

  /** Draws the ticks and the histogram for the timeline's width (again when it changes). */
  private layoutTimeline(): void {
    const width = this.histogram.clientWidth;
    if (width === 0 || width === this.drawnWidth) return;
    this.drawnWidth = width;
    this.ticks.replaceChildren(
      ...yearTicks(this.line, this.scale, width).map((tick) => {
        const mark = el("span", {
          class: tick.labelled ? "time-tick time-tick-labelled" : "time-tick",
          text: tick.labelled ? String(tick.year) : undefined,
          attrs: { "data-year": tick.year },
        });
        mark.style.left = `${tick.fraction * 100}%`;
        return mark;
      }),
    );
    const ratio = window.devicePixelRatio || 1;
    this.histogram.width = Math.round(width * ratio);
    this.histogram.height = Math.round(HISTOGRAM_HEIGHT * ratio);
    const context = this.histogram.getContext("2d");
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, HISTOGRAM_HEIGHT);
    const columns = histogramColumns(this.line, this.scale, width);
    const tallest = Math.max(1, ...columns.map((column) => column.total));
    for (const column of columns) {
      let bottom = HISTOGRAM_HEIGHT;
      // Square-root heights keep a quiet month visible beside the busiest one.
      const height = (HISTOGRAM_HEIGHT - 2) * Math.sqrt(column.total / tallest);
      for (const family of RELATION_FAMILIES) {
        const part = (height * column.counts[family]) / column.total;
        if (part <= 0) continue;
        context.fillStyle = FAMILY_COLORS[family];
        context.fillRect(column.x, bottom - part, Math.max(column.width - (column.width > 3 ? 1 : 0), 1), part);
        bottom -= part;
      }
    }
  }
}

/** The events the view's window covers: the month shown, else the range, with the view's other filters. */
function eventsOf(graph: ViewGraph, view: ViewState): { events: DatedEvent[] | null; window: string } {
  const window = view.at !== null ? { from: view.at, to: view.at } : view.range;
  if (window === null) return { events: null, window: "" };
  // The view's filters but its dates: the window is the events' time.
  const filters = { ...viewFilters(view), at: undefined, from: undefined, to: undefined };
  const keepRelation = relationFilter(filters);
  const keepEntity = entityFilter(filters);
  const keep = (relation: string): boolean => {
    const [source, target] = graph.extremities(relation);
    return (
      keepRelation(graph.getEdgeAttributes(relation)) && keepEntity(graph.getNodeAttributes(source)) && keepEntity(graph.getNodeAttributes(target))
    );
  };
  const label = view.at !== null ? `in ${formatMonth(view.at)}` : `${formatMonth(window.from)} – ${formatMonth(window.to)}`;
  return { events: datedEvents(graph, window, keep), window: label };
}

function mount({ graph, store, region, choose }: PanelContext): MountedPanel {
  const control = new TimeControl(timeline(graph, new Date().toISOString().slice(0, 7)), {
    onAt: (at) => store.dispatch(setTime, at),
    onRange: (range) => store.dispatch(setRange, range),
    onEntities: (entities) => store.dispatch(setEntitiesInTime, entities),
    onEvent: (event) => {
      store.dispatch(setTime, event.date.length === 4 ? `${event.date}-01` : event.date.slice(0, 7));
      choose(event.source);
    },
    labelOf: (id) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id),
  });
  region("pane").append(control.element);
  const dates = new Inputs();
  const events = new Inputs();
  return {
    element: control.element,
    update: (state) => {
      const view = state.view;
      if (dates.changed(view.at, view.range, view.entities)) control.set(view);
      if (events.changed(view.at, view.range, view.families, view.kinds, view.countries, view.confidence)) {
        const { events: list, window } = eventsOf(graph, view);
        control.setEvents(list, window);
      }
    },
    destroy: () => control.destroy(),
  };
}

export const timePanel: Panel = { id: "time", mount };

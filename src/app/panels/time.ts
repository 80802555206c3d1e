/** The time bar: a month slider ("as of" a month), a play button animating the dataset's period (2018 to 2024 for the embedded one), and "All dates". */
import { formatMonth } from "../model/format.ts";
import { clampMonth, monthIndex, monthOf, nextPlayMonth, playLabel, playStart, timeBounds, type TimeBounds } from "../model/time.ts";
import { setTime } from "../state/actions.ts";
import { el } from "../ui/dom.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./time.css";

const PLAY_STEP_MS = 180;
const SLIDER_KEYS = new Set(["Home", "End", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "PageUp", "PageDown"]);

export class TimeControl {
  readonly element: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly output: HTMLOutputElement;
  private readonly playButton: HTMLButtonElement;
  private readonly allButton: HTMLButtonElement;
  private timer: ReturnType<typeof setInterval> | undefined;
  private at: string | null = null;

  constructor(
    private readonly bounds: TimeBounds,
    private readonly onChange: (at: string | null) => void,
  ) {
    this.slider = el("input", {
      class: "time-slider",
      attrs: {
        type: "range",
        id: "time-slider",
        min: monthIndex(bounds.min),
        max: monthIndex(bounds.max),
        step: 1,
        value: monthIndex(bounds.max),
      },
    });
    this.output = el("output", { class: "time-output", attrs: { for: "time-slider", "aria-live": "off" } });
    this.playButton = el("button", { class: "button time-play", attrs: { type: "button", "aria-pressed": "false" } });
    this.allButton = el("button", {
      class: "button time-all",
      text: "All dates",
      attrs: { type: "button", "aria-label": "Show all dates" },
    });
    this.element = el(
      "div",
      { class: "time-bar", attrs: { role: "group", "aria-label": "Time" } },
      this.playButton,
      el("label", { class: "time-label", text: "Date", attrs: { for: "time-slider" } }),
      el(
        "div",
        { class: "time-slider-wrap" },
        this.slider,
        el("div", { class: "time-ticks", attrs: { "aria-hidden": "true" } }, bounds.min.slice(0, 4), el("span"), bounds.max.slice(0, 4)),
      ),
      this.output,
      this.allButton,
    );
    this.slider.addEventListener("input", () => {
      const month = monthOf(Number(this.slider.value));
      this.stopTimer();
      this.change(month);
    });
    // While every date is shown the thumb rests on the last month, where End or ArrowRight move
    // nothing and fire no input: any key or press on the slider first pins the view to its month.
    const pin = (): void => {
      if (this.at === null) {
        this.stopTimer();
        this.change(monthOf(Number(this.slider.value)));
      }
    };
    this.slider.addEventListener("keydown", (event) => {
      if (SLIDER_KEYS.has(event.key)) pin();
    });
    this.slider.addEventListener("pointerdown", pin);
    this.playButton.addEventListener("click", () => (this.timer === undefined ? this.play() : this.pause()));
    this.allButton.addEventListener("click", () => {
      this.pause();
      this.change(null);
    });
    this.render();
  }

  /** Reflects the view's date without firing onChange. */
  set(at: string | null): void {
    this.at = at === null ? null : clampMonth(at, this.bounds);
    this.render();
  }

  get playing(): boolean {
    return this.timer !== undefined;
  }

  play(): void {
    this.pause();
    this.change(playStart(this.at, this.bounds));
    this.timer = setInterval(() => {
      const next = this.at === null ? null : nextPlayMonth(this.at, this.bounds);
      if (next === null) this.pause();
      else this.change(next);
    }, PLAY_STEP_MS);
    this.render();
  }

  pause(): void {
    this.stopTimer();
    this.render();
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private change(at: string | null): void {
    this.at = at;
    this.render();
    this.onChange(at);
  }

  private render(): void {
    const all = this.at === null;
    this.slider.value = String(monthIndex(this.at ?? this.bounds.max));
    this.slider.setAttribute("aria-valuetext", all ? "All dates" : formatMonth(this.at as string));
    this.slider.classList.toggle("time-slider-all", all);
    this.output.textContent = all ? "All dates" : `As of ${formatMonth(this.at as string)}`;
    this.allButton.disabled = all;
    const playing = this.timer !== undefined;
    this.playButton.textContent = playing ? "❚❚ Pause" : `▶ Play ${playLabel(this.bounds)}`;
    this.playButton.setAttribute("aria-pressed", String(playing));
  }
}

function mount({ graph, store, region }: PanelContext): MountedPanel {
  const control = new TimeControl(timeBounds(graph, new Date().toISOString().slice(0, 7)), (at) => store.dispatch(setTime, at));
  region("pane").append(control.element);
  const inputs = new Inputs();
  return {
    element: control.element,
    update: (state) => {
      if (inputs.changed(state.view.at)) control.set(state.view.at);
    },
    destroy: () => control.pause(),
  };
}

export const timePanel: Panel = { id: "time", mount };

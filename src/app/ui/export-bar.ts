/**
 * The export controls under the selection: what will be exported (the selection, or the current view),
 * one "Export …" button per format the browser writes and a control per option of each (both from the
 * format registry, see model/export-buttons.ts), and a status line saying what was exported or,
 * plainly, why nothing could be.
 */
import type { OptionValues } from "../../formats/format.ts";
import type { ExportButton } from "../model/export-buttons.ts";
import { el } from "./dom.ts";

export class ExportBar {
  readonly element: HTMLElement;
  private readonly scope: HTMLElement;
  private readonly status: HTMLElement;
  private readonly buttons: HTMLButtonElement[];
  /** Each format's option controls, by option key. */
  private readonly optionInputs = new Map<string, Map<string, HTMLInputElement | HTMLSelectElement>>();
  /** Each format's number options' defaults, by option key: what an empty or out-of-bounds field means. */
  private readonly numberDefaults = new Map<string, Map<string, { value: number; min: number; max: number }>>();

  constructor(specs: readonly ExportButton[], onExport: (format: string) => void) {
    this.scope = el("p", { class: "export-scope", attrs: { id: "export-scope" } });
    this.buttons = specs.map((spec) => {
      const button = el("button", {
        class: "button",
        text: spec.text,
        attrs: { type: "button", "aria-describedby": "export-scope", "data-format": spec.format },
      });
      button.addEventListener("click", () => onExport(spec.format));
      return button;
    });
    const controls = specs.flatMap((spec) => {
      const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
      const numbers = new Map<string, { value: number; min: number; max: number }>();
      this.optionInputs.set(spec.format, inputs);
      this.numberDefaults.set(spec.format, numbers);
      return spec.options.map((option) => {
        const attrs = { id: option.id, "data-format": spec.format, "data-option": option.key };
        let input: HTMLInputElement | HTMLSelectElement;
        if (option.type === "choice")
          input = el(
            "select",
            { attrs },
            ...(option.choices ?? []).map((choice) =>
              el("option", { text: choice.label, attrs: { value: choice.value, selected: choice.value === option.value } }),
            ),
          );
        else if (option.type === "number") {
          const min = option.min ?? 0;
          const max = option.max ?? Number.MAX_SAFE_INTEGER;
          numbers.set(option.key, { value: Number(option.value), min, max });
          input = el("input", {
            class: "export-number",
            attrs: {
              ...attrs,
              type: "number",
              inputmode: "numeric",
              step: "1",
              min: String(min),
              max: String(max),
              value: option.value ?? "",
            },
          });
        } else input = el("input", { attrs: { ...attrs, type: option.type === "boolean" ? "checkbox" : "text" } });
        inputs.set(option.key, input);
        return option.type === "boolean"
          ? el("label", { class: "export-option", attrs: { for: option.id, title: option.title } }, input, ` ${option.label}`)
          : el("label", { class: "export-option", attrs: { for: option.id, title: option.title } }, `${option.label} `, input);
      });
    });
    this.status = el("div", { class: "export-status", attrs: { role: "status", "aria-live": "polite", id: "export-status" } });
    this.element = el(
      "div",
      { class: "export-bar", attrs: { role: "group", "aria-labelledby": "export-heading" } },
      el("h3", { class: "export-heading", text: "Export", attrs: { id: "export-heading" } }),
      this.scope,
      el("div", { class: "button-row" }, ...this.buttons),
      ...controls,
      this.status,
    );
  }

  /**
   * The chosen value of each of a format's options: a checkbox's state, a select's value, a number field's whole
   * number (its default when the field is empty or out of bounds: the field's own validity shows that), a text
   * field's text (none when empty).
   */
  optionValues(format: string): OptionValues {
    const inputs = this.optionInputs.get(format) ?? new Map<string, HTMLInputElement | HTMLSelectElement>();
    const numbers = this.numberDefaults.get(format);
    return Object.fromEntries(
      [...inputs].map(([key, input]): [string, boolean | string | number | undefined] => {
        const number = numbers?.get(key);
        if (number) {
          const value = Number(input.value);
          return [key, input.value !== "" && Number.isInteger(value) && value >= number.min && value <= number.max ? value : number.value];
        }
        return [
          key,
          input instanceof HTMLInputElement && input.type === "checkbox" ? input.checked : input.value === "" ? undefined : input.value,
        ];
      }),
    );
  }

  /** "Exports the selection: 3 entities, 2 relations." */
  setScope(text: string): void {
    this.scope.textContent = text;
  }

  setBusy(busy: boolean): void {
    for (const button of this.buttons) button.disabled = busy;
    this.element.setAttribute("aria-busy", String(busy));
  }

  showDone(message: string, notes: readonly string[] = []): void {
    this.status.className = "export-status export-done";
    this.status.replaceChildren(el("p", { text: message }), ...notes.map((note) => el("p", { class: "export-note", text: note })));
  }

  showError(message: string): void {
    this.status.className = "export-status export-error";
    this.status.replaceChildren(el("p", { text: message }));
  }

  clearStatus(): void {
    this.status.className = "export-status";
    this.status.replaceChildren();
  }
}

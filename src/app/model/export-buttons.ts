/**
 * The export bar's buttons and option controls, computed from the format registry: one button per format
 * whose writer runs in the browser, in the registry's order, and one control per option of each (a checkbox, a
 * select, a number field or a text field, by the option's type).
 */
import type { FormatSpec } from "../../formats/format.ts";
import { writableFormats, type WritableFormat } from "../../formats/registry.ts";

/** An option's control: a checkbox (yes/no), a select (a choice, with its default chosen), a number field (at its default) or a text field. */
export interface ExportOptionControl {
  /** The option's key in the format's options. */
  key: string;
  /** The control's element id (unique on the page). */
  id: string;
  label: string;
  title: string;
  type: "boolean" | "choice" | "number" | "text";
  /** A choice's values and labels, the default first chosen. */
  choices?: { value: string; label: string }[];
  /** The value shown at first: a choice's or a number's default. */
  value?: string;
  /** A number's bounds. */
  min?: number;
  max?: number;
}

export interface ExportButton {
  /** The format's id (the button's data-format). */
  format: string;
  /** "Export GEXF". */
  text: string;
  options: ExportOptionControl[];
}

export function exportButtons(formats: readonly FormatSpec[] = writableFormats("browser")): ExportButton[] {
  return writableFormats("browser", formats).map((format: WritableFormat) => ({
    format: format.id,
    text: `Export ${format.name}`,
    options: Object.entries(format.options).map(([key, option]): ExportOptionControl => {
      const control = { key, id: `export-${format.id}-${key}`, label: option.control.label, title: option.control.title };
      if (option.type === "choice")
        return { ...control, type: "choice", choices: option.choices.map(({ value, label }) => ({ value, label })), value: option.default };
      if (option.type === "number") return { ...control, type: "number", value: String(option.default), min: option.min, max: option.max };
      return { ...control, type: option.type };
    }),
  }));
}

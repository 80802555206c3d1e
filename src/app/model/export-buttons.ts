/**
 * The export bar's buttons and option controls, computed from the format registry: one button per format
 * whose writer runs in the browser, in the registry's order, and one checkbox per option of each.
 */
import type { FormatSpec } from "../../formats/format.ts";
import { writableFormats, type WritableFormat } from "../../formats/registry.ts";

export interface ExportOptionControl {
  /** The option's key in the format's options. */
  key: string;
  /** The checkbox's element id (unique on the page). */
  id: string;
  label: string;
  title: string;
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
    options: Object.entries(format.options).map(([key, option]) => ({
      key,
      id: `export-${format.id}-${key}`,
      label: option.control.label,
      title: option.control.title,
    })),
  }));
}

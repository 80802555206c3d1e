/** Names of exported files (the browser's downloads): dataset, focus, date, the options on, and the format's extension. */
import type { SubgraphSelection } from "../graph/select.ts";
import { slugify } from "../model/text.ts";
import type { FormatSpec, OptionValues } from "./format.ts";
import { formatById, optionTags, type FormatId } from "./registry.ts";

export interface FileNameParts {
  /** The dataset's name. */
  dataset: string;
  /** The selection the export was made with (none: the whole dataset or the current view). */
  selection?: SubgraphSelection;
  /** "view" when the export is the explorer's current view rather than a selection. */
  scope?: "view";
}

/**
 * E.g. `huawei-5g-pressure-and-dependency_ego-huawei-2_at-2019_dynamic.gexf`: only [a-z0-9._-], at most about
 * 120 characters; each option that is on adds its tag, and the format gives the extension.
 */
export function exportFileName(parts: FileNameParts, format: FormatId | FormatSpec, options: Partial<OptionValues> = {}): string {
  const spec = typeof format === "string" ? formatById(format) : format;
  const { selection = {} } = parts;
  const pieces = [slugify(parts.dataset, 48) || "dataset"];
  if (selection.ego) pieces.push(`ego-${slugify(selection.ego.id, 30)}-${selection.ego.depth ?? 1}`);
  if (selection.path) pieces.push(`path-${slugify(selection.path.from, 20)}-${slugify(selection.path.to, 20)}`);
  if (selection.ids) pieces.push(`${selection.ids.length}-selected`);
  if (selection.families) pieces.push(selection.families.join("-"));
  if (selection.kinds) pieces.push(slugify(selection.kinds.join("-"), 30));
  if (selection.relationKinds) pieces.push(slugify(selection.relationKinds.join("-"), 30));
  if (parts.scope === "view" && !selection.ego && !selection.path && !selection.ids) pieces.push("view");
  if (selection.at !== undefined) pieces.push(`at-${selection.at}`);
  else if (selection.from !== undefined || selection.to !== undefined)
    pieces.push(`${selection.from ?? "start"}-to-${selection.to ?? "now"}`);
  pieces.push(...optionTags(spec, options));
  return `${pieces.join("_")}.${spec.extensions[0]}`;
}

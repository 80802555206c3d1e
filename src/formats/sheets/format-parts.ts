/** What the CSV and XLSX formats' writers and readers share around the layouts: notes, names, results. */
import type { ReadInput, ReadOptions, ReadResult } from "../format.ts";
import { plural } from "../../model/text.ts";
import type { SheetsResult } from "./read.ts";

/** The note for relations about an entity a subgraph left out (the JSON export says the same). */
export function aboutLeftOutNotes(missing: readonly string[]): string[] {
  return missing.length > 0
    ? [
        `${plural(missing.length, "relation")} ${missing.length === 1 ? "is" : "are"} about an entity outside the export; "about" was left out to keep the dataset valid (e.g. ${missing.slice(0, 3).join(", ")})`,
      ]
    : [];
}

/**
 * The dataset's name when the file gives none: the option, else the file's name ("study.xlsx" -> "study"), or
 * for several files their folder or archive ("bundle.zip/entities.csv" -> "bundle").
 */
export function importName(files: readonly ReadInput[], options: ReadOptions): string {
  if (options.name !== undefined) return options.name;
  const strip = (name: string): string => name.replace(/(\.csv)?\.zip$/i, "").replace(/\.(csv|xlsx|tsv|txt)$/i, "");
  const folders = files.map((input) => input.file.split("/").slice(0, -1).join("/"));
  const folder = folders[0] ?? "";
  if (files.length > 1 && folder !== "" && folders.every((other) => other === folder))
    return strip(folder.replace(/^.*[\\/]/, "")) || "Imported tables";
  if (files.length === 1) return strip((files[0]?.file ?? "").replace(/^.*[\\/]/, "")) || "Imported table";
  return "Imported tables";
}

/** How messages name several files read together: their folder or archive ("bundle.zip"), else "N files". */
export function filesShown(files: readonly ReadInput[]): string {
  if (files.length === 1) return files[0]?.file ?? "";
  const folders = files.map((input) => input.file.split("/").slice(0, -1).join("/"));
  const folder = folders[0] ?? "";
  return folder !== "" && folders.every((other) => other === folder) ? folder : `${files.length} files`;
}

/** A readSheets result as a reader's (the layout is said in the warnings). */
export function sheetsResult(result: SheetsResult): ReadResult {
  if (result.ok) return { ok: true, dataset: result.dataset, issues: result.issues, native: result.native };
  return result.unmapped ? { ok: false, issues: result.issues, unmapped: result.unmapped } : { ok: false, issues: result.issues };
}

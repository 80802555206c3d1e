/**
 * The end of a spreadsheet import: the dataset built is checked by the loader itself (zero errors, or no
 * dataset), and each of the loader's errors is placed at the cell its value came from, in the loader's own
 * words (`relations.csv:14:claim: missing required value`). Nothing is returned half-imported.
 */
import type { ReadResult } from "../format.ts";
import { fromPointer, type LoadIssue } from "../../load/issues.ts";
import { parseDataset } from "../../load/parse.ts";
import { plural } from "../../model/text.ts";
import type { ItemOrigin, SheetMapping } from "./mapping.ts";
import { cellIssue, type CellPlace } from "./table.ts";

/** Errors listed before the rest are counted in one line: enough to fix a file, bounded for a broken one. */
const MAX_LISTED_ERRORS = 1_000;

/** The name the converted dataset goes by inside the check, so that the loader's messages can be placed. */
const CONVERTED = "converted-dataset";

/** "relations.csv:14", "study.xlsx:relations:14": a row as messages name it. */
function rowName(origin: ItemOrigin): string {
  const { table, row } = origin;
  return [table.file, table.sheet, row].filter((part) => part !== undefined).join(":");
}

/** Where the value at a pointer of the converted dataset came from. */
function placeOf(state: SheetMapping, pointer: string): CellPlace | undefined {
  const [collection, index, field] = fromPointer(pointer);
  if (collection === "dataset") {
    const key = index === "period" ? `period_${field ?? "from"}` : index;
    return key === undefined ? undefined : state.metaPlaces.get(key);
  }
  const origins =
    collection === "entities"
      ? state.entityOrigins
      : collection === "relations"
        ? state.relationOrigins
        : collection === "sources"
          ? state.sourceOrigins
          : [];
  const origin = origins[Number(index)];
  if (!origin) return undefined;
  const column = field === undefined ? undefined : origin.columns[field];
  return { table: origin.table, row: origin.row, ...(column === undefined ? {} : { column }) };
}

/** A loader message reworded for a spreadsheet: a cell is empty rather than a field missing; items named by their rows. */
function reworded(state: SheetMapping, message: string): string {
  return message
    .replace(/^missing required field "[^"]*"$/, "missing required value")
    .replace(new RegExp(`${CONVERTED}#/(entities|relations|sources)/(\\d+)`, "g"), (whole, collection: string, index: string) => {
      const origins =
        collection === "entities" ? state.entityOrigins : collection === "relations" ? state.relationOrigins : state.sourceOrigins;
      const origin = origins[Number(index)];
      return origin ? `row ${rowName(origin)}` : whole;
    });
}

/** The mapping's errors, the first MAX_LISTED_ERRORS listed and the rest counted. */
function capped(issues: readonly LoadIssue[]): LoadIssue[] {
  const errors = issues.filter((issue) => issue.severity === "error");
  if (errors.length <= MAX_LISTED_ERRORS) return [...issues];
  const kept = new Set(errors.slice(0, MAX_LISTED_ERRORS));
  const listed = issues.filter((issue) => issue.severity !== "error" || kept.has(issue));
  const first = errors[0] as LoadIssue;
  listed.push({
    file: first.file,
    pointer: "",
    severity: "error",
    message: `... and ${plural(errors.length - MAX_LISTED_ERRORS, "more error")}`,
  });
  return listed;
}

/** A place as a key: file, sheet, row and column. */
function placeKey(issue: LoadIssue): string {
  return JSON.stringify([issue.file, issue.cell?.sheet, issue.cell?.row, issue.cell?.column]);
}

/** The import's result: the loader's verdict on the dataset built, its errors placed at their cells. */
export function finishImport(state: SheetMapping, native: boolean, defaultName: string): ReadResult {
  const warnings = state.warnings.issues();
  const meta = state.meta ?? { name: defaultName };
  if (meta.name === undefined) meta.name = defaultName;
  const document = { dataset: meta, entities: state.entities, relations: state.relations, sources: state.sources };
  const check = parseDataset([{ file: CONVERTED, json: document }]);
  const errors: LoadIssue[] = [];
  // The mapping's own errors and the loader's come together, all at once; a cell the mapping could not read is
  // said once (the loader would add that its field is missing).
  const said = new Set(state.issues.filter((issue) => issue.severity === "error").map(placeKey));
  for (const issue of check.issues) {
    if (issue.severity !== "error") continue;
    const place = placeOf(state, issue.pointer);
    if (place && said.has(placeKey(cellIssue(place, "")))) continue;
    // A required column that is missing was said once, at the header; not again for every row.
    if (place && place.column === undefined && /^missing required field/.test(issue.message) && native) continue;
    const message = reworded(state, issue.message);
    errors.push(
      place
        ? cellIssue(place, message)
        : { file: state.file, pointer: "", severity: "error", message: `${message} (${issue.pointer} of the dataset)` },
    );
  }
  if (!check.ok || errors.length > 0 || said.size > 0) {
    if (errors.length === 0 && said.size === 0)
      errors.push({ file: state.file, pointer: "", severity: "error", message: "the dataset built from the file does not load" });
    return { ok: false, issues: capped([...state.issues, ...errors, ...warnings]) };
  }
  return { ok: true, dataset: check.dataset, issues: [...state.issues, ...warnings], native };
}

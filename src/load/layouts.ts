/**
 * Saved layouts in a dataset folder (`layouts/NAME.json`, src/model/layout.ts): told apart from dataset
 * documents by their path, read with their own schema, and checked against the dataset's entities. Pure and
 * browser-safe: the node loader (read.ts), the embedded dataset and bundles all call these with texts they hold.
 *
 * What is refused (an error, the layout not used): JSON syntax, a wrong shape, a coordinate that is not a finite
 * number (JSON's 1e999 reads as Infinity), a name that differs from the file's. What is only said (a warning):
 * ids that are no entity of the dataset (an entity renamed or removed since the layout was saved). Entities the
 * layout does not place (added since) are placed by ForceAtlas2 when drawn.
 */
import { closest, distance } from "fastest-levenshtein";
import { LAYOUTS_FOLDER, layoutDocumentSchema, type LayoutPoint, type SavedLayout } from "../model/layout.ts";
import { quote } from "../model/text.ts";
import { isLayoutPath } from "./bundle.ts";
import { decodeDatasetBytes } from "./decode.ts";
import { errorCount, toPointer, type LoadIssue } from "./issues.ts";
import { locatePointers, parseJsonText } from "./json-text.ts";
import { parseDataset, type LoadResult, type ParseOptions } from "./parse.ts";

/** A file of the dataset folder: its path inside the folder ("/"-separated), its name as messages show it, its text. */
export interface FolderFile {
  readonly path: string;
  readonly file: string;
  readonly text: string;
}


/** A key of a layout document, not inside a string (no backslash before its quote). */
const LAYOUT_KEY = /(?<!\\)"positions"\s*:/;
const DOCUMENT_KEY = /(?<!\\)"(?:entities|relations|sources|dataset)"\s*:/;

/**
 * Whether a file opened on its own (dropped or picked in the explorer, where only its name is known) is a saved
 * layout rather than a dataset document: under layouts/ by its path, or a JSON object whose start has the
 * layout's `positions` and none of a dataset document's keys (a layout's keys come first, as layoutText writes them).
 */
export function looksLikeLayout(file: string, text: string): boolean {
  if (/(^|[\\/])layouts[\\/][^\\/]+$/.test(file)) return true;
  const start = text.slice(0, 4096);
  return LAYOUT_KEY.test(start) && !DOCUMENT_KEY.test(start);
}

/** The layout name a path stands for: "layouts/default.json" -> "default"; undefined for deeper paths or other files. */
export function layoutNameOfPath(relativePath: string): string | undefined {
  const parts = relativePath.split(/[\\/]/);
  return parts.length === 2 && parts[0] === LAYOUTS_FOLDER && parts[1]?.endsWith(".json") ? parts[1].slice(0, -".json".length) : undefined;
}

const LAYOUT_FIELDS = Object.keys(layoutDocumentSchema.shape);

/** Places the issues that point into the text at their line and column. */
function locate(issues: LoadIssue[], text: string): LoadIssue[] {
  const unplaced = issues.filter((issue) => issue.line === undefined && issue.pointer !== "");
  if (unplaced.length === 0) return issues;
  const locations = locatePointers(
    text,
    unplaced.map((issue) => issue.pointer),
  );
  for (const issue of unplaced) {
    const location = locations.get(issue.pointer);
    if (location) Object.assign(issue, location);
  }
  return issues;
}

/** One layout file's text -> the layout, or its errors (every one, located). */
export function parseLayout(input: FolderFile): { layout?: SavedLayout; issues: LoadIssue[] } {
  const { file } = input;
  const issues: LoadIssue[] = [];
  const add = (pointer: string, message: string, severity: LoadIssue["severity"] = "error"): void => {
    issues.push({ file, pointer, message, severity });
  };
  const expectedName = layoutNameOfPath(input.path);
  if (expectedName === undefined) {
    add("", `not read: a saved layout is ${LAYOUTS_FOLDER}/NAME.json, directly in the ${LAYOUTS_FOLDER} folder`, "warning");
    return { issues };
  }
  let text = input.text;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    add("", "the file starts with a byte-order mark (BOM); it was ignored, but save the file as UTF-8 without BOM", "warning");
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    for (const problem of parsed.problems)
      issues.push({ file, pointer: "", message: problem.message, severity: "error", line: problem.line, column: problem.column });
    return { issues };
  }
  const checked = layoutDocumentSchema.safeParse(parsed.value, { reportInput: true });
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          const suggestion = closest(key, LAYOUT_FIELDS);
          const hint =
            distance(key, suggestion) <= Math.max(1, Math.floor(suggestion.length / 3))
              ? `; did you mean "${suggestion}"?`
              : `; a layout has ${LAYOUT_FIELDS.join(", ")}`;
          add(toPointer([...issue.path, key]), `unknown field ${quote(key)}${hint}`);
        }
      } else if (issue.code === "invalid_type" && issue.input === undefined) {
        add(toPointer(issue.path), `missing required field ${quote(String(issue.path[issue.path.length - 1] ?? ""))}`);
      } else if (issue.path.length === 0 && issue.code === "invalid_type") {
        add("", "a layout must be an object with name and positions");
      } else {
        add(toPointer(issue.path), issue.message);
      }
    }
    return { issues: locate(issues, text) };
  }
  const document = checked.data;
  if (document.name !== expectedName) {
    add(
      "/name",
      `name ${quote(document.name)} does not match the file name ${LAYOUTS_FOLDER}/${expectedName}.json: rename one so that they agree`,
    );
    return { issues: locate(issues, text) };
  }
  const positions = new Map<string, LayoutPoint>();
  for (const [id, [x, y]] of Object.entries(document.positions)) positions.set(id, { x, y });
  return { layout: { name: document.name, file, positions }, issues: locate(issues, text) };
}

/**
 * Warnings about a valid layout against the dataset's entities: each id that is no entity, located at its
 * position. Entities the layout does not place (added since it was saved) are not a problem: ForceAtlas2 places
 * them when the layout is drawn, and the SVG export says so.
 */
export function checkLayoutIds(layout: SavedLayout, text: string, entityIds: ReadonlySet<string>): LoadIssue[] {
  const issues: LoadIssue[] = [];
  for (const id of layout.positions.keys()) {
    if (!entityIds.has(id))
      issues.push({
        file: layout.file,
        pointer: toPointer(["positions", id]),
        message: `${quote(id)} is not an entity of the dataset (renamed or removed since the layout was saved?); its position is not used`,
        severity: "warning",
      });
  }
  return locate(issues, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/**
 * Every layout file of a dataset folder read and checked: the layouts that can be used, sorted by name, and the
 * issues. `entityIds` are the dataset's (undefined when the dataset did not load: ids are then not checked).
 */
export function readLayouts(
  files: readonly FolderFile[],
  entityIds: ReadonlySet<string> | undefined,
): { layouts: SavedLayout[]; issues: LoadIssue[] } {
  const layouts: SavedLayout[] = [];
  const issues: LoadIssue[] = [];
  for (const input of files) {
    const read = parseLayout(input);
    issues.push(...read.issues);
    if (!read.layout) continue;
    layouts.push(read.layout);
    if (entityIds) issues.push(...checkLayoutIds(read.layout, input.text, entityIds));
  }
  layouts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { layouts, issues };
}

/** A dataset loaded with its saved layouts (none when the dataset does not load). */
export type DatasetLoadResult = LoadResult & { layouts: SavedLayout[] };

/**
 * The dataset's result with its layout files read and checked: their issues join the dataset's, and an error in
 * a layout fails the load as an error in any file of the folder does (every problem is listed at once).
 */
export function withLayouts(result: LoadResult, layoutFiles: readonly FolderFile[]): DatasetLoadResult {
  const entityIds = result.ok ? new Set(result.dataset.entities.map((entity) => entity.id)) : undefined;
  const read = readLayouts(layoutFiles, entityIds);
  const issues = [...result.issues, ...read.issues];
  if (result.ok && errorCount(read.issues) === 0) return { ...result, issues, layouts: read.layouts };
  return { ok: false, issues, counts: result.counts, layouts: [] };
}

/**
 * withLayouts for layout files read from disk: each decoded as strict UTF-8 first, as dataset files are (one that
 * is not is a located error). The node loader and the bundle's check (build, serve, save) share it.
 */
export function withLayoutBytes(
  result: LoadResult,
  layoutFiles: readonly { readonly path: string; readonly file: string; readonly bytes: Uint8Array }[],
): DatasetLoadResult {
  const texts: FolderFile[] = [];
  const encodingIssues: LoadIssue[] = [];
  for (const { path, file, bytes } of layoutFiles) {
    const decoded = decodeDatasetBytes(file, bytes);
    if (!decoded.ok) encodingIssues.push(decoded.issue);
    else if ("text" in decoded.input) texts.push({ path, file, text: decoded.input.text });
  }
  const loaded = withLayouts(result, texts);
  if (encodingIssues.length === 0) return loaded;
  return { ok: false, issues: [...loaded.issues, ...encodingIssues], counts: loaded.counts, layouts: [] };
}

/**
 * The files of a dataset folder (documents and layouts together, as a bundle or the embedded dataset holds
 * them) -> the checked dataset and its layouts.
 */
export function parseDatasetFolder(files: readonly FolderFile[], options: ParseOptions = {}): DatasetLoadResult {
  const documents = files.filter((input) => !isLayoutPath(input.path)).map(({ file, text }) => ({ file, text }));
  return withLayouts(
    parseDataset(documents, options),
    files.filter((input) => isLayoutPath(input.path)),
  );
}

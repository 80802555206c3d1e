/**
 * A dataset's text as the page opens it, wherever that runs (the load worker, or the page's thread for the
 * embedded dataset, small files, and when no worker starts): parsed, a bundle's hashes verified, its documents
 * validated (or, checked by the node loader, trusted), its saved layouts read, and the graph built and placed
 * (buildGraph, prepareViewGraph). Pure but for WebCrypto (the hashes); tested in node.
 */
import "../zod-config.ts";
import { buildGraph } from "../../graph/build.ts";
import { isBundleJson, isLayoutPath, readBundle, verifyBundle, type BundleContents } from "../../load/bundle.ts";
import type { LoadIssue } from "../../load/issues.ts";
import { parseJsonText } from "../../load/json-text.ts";
import { withLayouts, type DatasetLoadResult } from "../../load/layouts.ts";
import { parseDataset } from "../../load/parse.ts";
import { trustedDataset } from "../../load/trusted.ts";
import type { Dataset } from "../../model/schema.ts";
import { prepareViewGraph, type ViewGraph } from "../model/view-graph.ts";

export interface LoadedDataset {
  /** The dataset and its saved layouts (layouts/NAME.json of a bundle or of the embedded data/), read and checked. */
  result: DatasetLoadResult;
  /** The bundle the dataset came in (its files and layouts); null unless it came as one. */
  bundle: BundleContents | null;
}

/** What the page needs of a load besides the graph: the dataset's issues, counts and saved layouts. */
export type LoadSummary = Omit<DatasetLoadResult, "dataset">;

/**
 * A loaded dataset as the page opens it. From the load worker, the graph stands for the dataset (it carries every
 * record: buildGraph's inverse is datasetFromGraph), so the dataset itself is never copied to the page.
 */
export interface OpenedDataset {
  result: LoadSummary;
  /** What the explorer draws: the graph the load worker built and placed, or the dataset, built when shown; null when it did not load. */
  contents: { graph: ViewGraph } | { dataset: Dataset } | null;
  bundle: BundleContents | null;
}

/**
 * Told what loading does next ("checking the dataset"), before it does it, for datasets big enough to take a while;
 * the page repaints in the meantime (a frame per step, which small datasets do not wait for).
 */
export type LoadingStep = (step: string) => Promise<void>;

export const noStep: LoadingStep = () => Promise.resolve();

/** Texts above this many characters (about 2 MB, some 2,000 entities) get their loading steps said. */
export const LARGE_TEXT = 2_000_000;

const NO_COUNTS = { entities: 0, relations: 0, sources: 0 };

export function failure(file: string, message: string): LoadedDataset {
  return failed([{ file, pointer: "", message, severity: "error" }]);
}

export function failed(issues: LoadIssue[]): LoadedDataset {
  return { result: { ok: false, issues, counts: NO_COUNTS, layouts: [] }, bundle: null };
}

/**
 * A fetched text (the file `file` of the address `pathname`): a bundle, or, unless only a bundle is expected (the
 * page's dataset meta), one dataset file.
 */
export async function openDatasetText(
  text: string,
  source: { file: string; pathname: string; expect: "bundle" | "either" },
  onStep: LoadingStep = noStep,
): Promise<LoadedDataset> {
  const { file } = source;
  const step: LoadingStep = text.length > LARGE_TEXT ? onStep : noStep;
  await step("reading the dataset");
  const json = parseJsonText(text);
  if (json.ok && isBundleJson(json.value)) return openBundle(json.value, file, step);
  if (source.expect === "bundle") {
    if (!json.ok) return failed(json.problems.map((problem) => ({ file, pointer: "", severity: "error", ...problem })));
    return failure(file, `the page's dataset meta names ${source.pathname}, which is not a dataset bundle`);
  }
  await step("checking the dataset");
  // One dataset file has no saved layouts (a folder's layouts/ come in its bundle).
  return { result: { ...parseDataset([{ file, text }], { defaultName: file }), layouts: [] }, bundle: null };
}

/**
 * A bundle's documents validated (each file's hash checked first); its files and layouts kept for saving. A bundle
 * the node loader checked (its digest matches these very files) is not validated again: the checked fast path.
 */
export async function openBundle(json: unknown, shownAs: string, onStep: LoadingStep = noStep): Promise<LoadedDataset> {
  const read = readBundle(json, shownAs);
  if (!read.ok) return failed(read.issues);
  const verified = await verifyBundle(read.files, read.checked, shownAs);
  if (verified.issues.length > 0) return failed(verified.issues);
  await onStep(verified.trusted ? "opening the checked dataset" : "checking the dataset");
  // The checked warnings already hold the layouts' (the node check reads them too): they are read again here, not repeated.
  const trusted = verified.trusted
    ? trustedDataset(read.documents, {
        defaultName: read.name,
        warnings: (read.checked?.warnings ?? []).filter((issue) => !isLayoutPath(issue.file)),
      })
    : null;
  const result = withLayouts(
    trusted ?? parseDataset(read.documents, { defaultName: read.name }),
    read.layouts.map((layout) => ({ path: layout.path, file: layout.path, text: layout.text })),
  );
  const bundle: BundleContents = { name: read.name, files: read.files, layouts: read.layouts };
  if (read.checked) bundle.checked = read.checked;
  return { result, bundle };
}

/** A dataset loaded on the page's thread: the graph is built when it is shown. */
export function openedOnPage(loaded: LoadedDataset): OpenedDataset {
  const { dataset, ...result } = loaded.result;
  return { result, contents: dataset ? { dataset } : null, bundle: loaded.bundle };
}

/** A dataset loaded in the load worker: its graph built and placed there (buildGraph, prepareViewGraph). */
export function openedWithGraph(loaded: LoadedDataset): OpenedDataset {
  const { dataset, ...result } = loaded.result;
  return { result, contents: dataset ? { graph: prepareViewGraph(buildGraph(dataset)) } : null, bundle: loaded.bundle };
}

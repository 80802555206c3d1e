/**
 * Where the explorer's dataset comes from (DELIVERY.md §2), in this order: `?dataset=<url>` on this site (a
 * bundle or one dataset file), else the bundle the page's `<meta name="leverage-atlas-dataset">` names (the
 * build's dataset.bundle.json, or `atlas serve`'s /api/dataset), else the dataset compiled into the page.
 */
import { isBundleJson, readBundle, verifyBundle, type BundleContents } from "../../load/bundle.ts";
import { parseJsonText } from "../../load/json-text.ts";
import { withLayouts, type DatasetLoadResult } from "../../load/layouts.ts";
import { parseDataset } from "../../load/parse.ts";
import type { LoadIssue } from "../../load/issues.ts";

export const DATASET_META = "leverage-atlas-dataset";

export type DatasetSource =
  /** `?dataset=`: a bundle or one dataset file. */
  | { from: "address"; url: string }
  /** The dataset meta: a bundle. */
  | { from: "meta"; url: string }
  | { from: "embedded" };

export interface LoadedDataset {
  /** The dataset and its saved layouts (layouts/NAME.json of a bundle or of the embedded data/), read and checked. */
  result: DatasetLoadResult;
  /** The bundle the dataset came in (its files and layouts); null unless it came as one. */
  bundle: BundleContents | null;
}

/** The content of a `<meta name=...>` of the page, or null. */
export function metaContent(name: string, page: Document = document): string | null {
  return page.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? null;
}

export function datasetSource(params: URLSearchParams, page: Document = document): DatasetSource {
  const address = params.get("dataset");
  if (address) return { from: "address", url: address };
  const meta = metaContent(DATASET_META, page);
  return meta ? { from: "meta", url: meta } : { from: "embedded" };
}

export async function loadFrom(source: DatasetSource): Promise<LoadedDataset> {
  if (source.from === "embedded") {
    const { embeddedInputs, embeddedLayouts } = await import("./embedded.ts");
    return { result: withLayouts(parseDataset(embeddedInputs()), embeddedLayouts()), bundle: null };
  }
  return loadFromUrl(source.url, source.from === "meta" ? "bundle" : "either");
}

function failure(file: string, message: string): LoadedDataset {
  const issue: LoadIssue = { file, pointer: "", message, severity: "error" };
  return { result: { ok: false, issues: [issue], counts: { entities: 0, relations: 0, sources: 0 }, layouts: [] }, bundle: null };
}

function failed(issues: LoadIssue[]): LoadedDataset {
  return { result: { ok: false, issues, counts: { entities: 0, relations: 0, sources: 0 }, layouts: [] }, bundle: null };
}

/**
 * A dataset fetched from this site (the Content-Security-Policy allows no other origin, and the check here
 * turns that into a clear message instead of a blocked request): a bundle, or (by address) one dataset file.
 */
export async function loadFromUrl(address: string, expect: "bundle" | "either" = "either"): Promise<LoadedDataset> {
  let url: URL;
  try {
    url = new URL(address, location.href);
  } catch {
    return failure(address, "the dataset address is not a valid URL");
  }
  if (url.origin !== location.origin) {
    return failure(
      address,
      `only datasets served by this site (${location.origin}) can be opened by address; save the file next to the explorer or drop it on the page`,
    );
  }
  const file = decodeURIComponent(url.pathname.split("/").pop() || url.pathname);
  let response: Response;
  try {
    // Never a cached copy: a served dataset changes on disk between two loads.
    response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
  } catch {
    return failure(file, `could not fetch ${url.pathname}: the network request failed`);
  }
  if (!response.ok)
    return failure(file, `could not fetch ${url.pathname}: the server answered ${response.status} ${response.statusText}`.trim());
  const text = await response.text();
  const json = parseJsonText(text);
  if (json.ok && isBundleJson(json.value)) return openBundle(json.value, file);
  if (expect === "bundle") {
    if (!json.ok) return failed(json.problems.map((problem) => ({ file, pointer: "", severity: "error", ...problem })));
    return failure(file, `the page's dataset meta names ${url.pathname}, which is not a dataset bundle`);
  }
  // One dataset file has no saved layouts (a folder's layouts/ come in its bundle).
  return { result: { ...parseDataset([{ file, text }], { defaultName: file }), layouts: [] }, bundle: null };
}

/** A bundle's documents validated (each file's hash checked first); its files and layouts kept for saving. */
export async function openBundle(json: unknown, shownAs: string): Promise<LoadedDataset> {
  const read = readBundle(json, shownAs);
  if (!read.ok) return failed(read.issues);
  const verified = await verifyBundle(read.files, read.checked, shownAs);
  if (verified.issues.length > 0) return failed(verified.issues);
  const result = withLayouts(
    parseDataset(read.documents, { defaultName: read.name }),
    read.layouts.map((layout) => ({ path: layout.path, file: layout.path, text: layout.text })),
  );
  const bundle: BundleContents = { name: read.name, files: read.files, layouts: read.layouts };
  if (read.checked) bundle.checked = read.checked;
  return { result, bundle };
}

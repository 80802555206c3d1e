/**
 * Where the explorer's dataset comes from (DELIVERY.md §2), in this order: `?dataset=<url>` on this site (a
 * bundle or one dataset file), else the bundle the page's `<meta name="leverage-atlas-dataset">` names (the
 * build's dataset.bundle.json, or `atlas serve`'s /api/dataset), else the dataset compiled into the page.
 */
import { isBundleJson, isLayoutPath, readBundle, verifyBundle, type BundleContents } from "../../load/bundle.ts";
import { parseJsonText } from "../../load/json-text.ts";
import { withLayouts, type DatasetLoadResult } from "../../load/layouts.ts";
import { parseDataset } from "../../load/parse.ts";
import { trustedDataset } from "../../load/trusted.ts";
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

/**
 * Told what loading does next ("checking the dataset"), before it does it, for datasets big enough to take a while;
 * the page repaints in the meantime (a frame per step, which small datasets do not wait for).
 */
export type LoadingStep = (step: string) => Promise<void>;

const noStep: LoadingStep = () => Promise.resolve();

/** Texts above this many characters (about 2 MB, some 2,000 entities) get their loading steps said. */
export const LARGE_TEXT = 2_000_000;

export async function loadFrom(source: DatasetSource, onStep: LoadingStep = noStep): Promise<LoadedDataset> {
  if (source.from === "embedded") {
    const { embeddedInputs, embeddedLayouts } = await import("./embedded.ts");
    return { result: withLayouts(parseDataset(embeddedInputs()), embeddedLayouts()), bundle: null };
  }
  return loadFromUrl(source.url, source.from === "meta" ? "bundle" : "either", onStep);
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
export async function loadFromUrl(address: string, expect: "bundle" | "either" = "either", onStep: LoadingStep = noStep): Promise<LoadedDataset> {
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
  const step: LoadingStep = text.length > LARGE_TEXT ? onStep : noStep;
  await step("reading the dataset");
  const json = parseJsonText(text);
  if (json.ok && isBundleJson(json.value)) return openBundle(json.value, file, step);
  if (expect === "bundle") {
    if (!json.ok) return failed(json.problems.map((problem) => ({ file, pointer: "", severity: "error", ...problem })));
    return failure(file, `the page's dataset meta names ${url.pathname}, which is not a dataset bundle`);
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

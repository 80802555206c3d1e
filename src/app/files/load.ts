/** Where the explorer's dataset comes from: the embedded data/ folder, or `?dataset=<url>` on this site. */
import { parseDatasetFolder, type DatasetLoadResult } from "../../load/layouts.ts";
import { parseDataset, type LoadResult } from "../../load/parse.ts";
import type { LoadIssue } from "../../load/issues.ts";

/** The dataset compiled into the page from data/**\/*.json, with its saved layouts (data/layouts/). */
export function loadEmbedded(): DatasetLoadResult {
  const files = import.meta.glob<string>("/data/**/*.json", { query: "?raw", import: "default", eager: true });
  const inputs = Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, text]) => ({ path: file.slice("/data/".length), file: file.slice(1), text }));
  return parseDatasetFolder(inputs);
}

function failure(file: string, message: string): LoadResult {
  const issue: LoadIssue = { file, pointer: "", message, severity: "error" };
  return { ok: false, issues: [issue], counts: { entities: 0, relations: 0, sources: 0 } };
}

/**
 * A dataset file fetched from this site (the Content-Security-Policy allows no other origin, and
 * the check here turns that into a clear message instead of a blocked request).
 */
export async function loadFromUrl(address: string): Promise<LoadResult> {
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
    response = await fetch(url, { credentials: "same-origin" });
  } catch {
    return failure(file, `could not fetch ${url.pathname}: the network request failed`);
  }
  if (!response.ok)
    return failure(file, `could not fetch ${url.pathname}: the server answered ${response.status} ${response.statusText}`.trim());
  const text = await response.text();
  return parseDataset([{ file, text }], { defaultName: file });
}

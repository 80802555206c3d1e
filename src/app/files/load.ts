/**
 * Where the explorer's dataset comes from (DELIVERY.md §2), in this order: `?dataset=<url>` on this site (a
 * bundle or one dataset file), else the bundle the page's `<meta name="leverage-atlas-dataset">` names (the
 * build's dataset.bundle.json, or `atlas serve`'s /api/dataset), else the dataset compiled into the page.
 * A large fetched dataset is opened in a web worker (load-worker.ts), so the page keeps painting and answering
 * meanwhile; the embedded dataset, small ones, and any when no worker starts, on the page's thread, by the same
 * functions (open-dataset.ts).
 */
import { withLayouts } from "../../load/layouts.ts";
import { parseDataset } from "../../load/parse.ts";
import { ViewGraphImport } from "./graph-transfer.ts";
import type { LoadReply, LoadRequest } from "./load-worker.ts";
import { failure, noStep, openDatasetText, openedOnPage, type LoadingStep, type OpenedDataset } from "./open-dataset.ts";

export { LARGE_TEXT, openBundle, type LoadedDataset, type LoadingStep, type OpenedDataset } from "./open-dataset.ts";

export const DATASET_META = "leverage-atlas-dataset";

export type DatasetSource =
  /** `?dataset=`: a bundle or one dataset file. */
  | { from: "address"; url: string }
  /** The dataset meta: a bundle. */
  | { from: "meta"; url: string }
  | { from: "embedded" };

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
 * Fetched datasets longer than this (about 25,000 entities) are opened in the load worker. Measured
 * (docs/benchmarks.md): at 50,000 entities (65 MB) the page's longest task, sigma's constructor, was about half as
 * long and no task before it took over half a second, for the same first full frame; at 10,000 (13 MB) the graph's
 * crossing from the worker made the first full frame later, so smaller datasets open on the page's thread.
 */
export const WORKER_CHARACTERS = 32_000_000;

export async function loadFrom(source: DatasetSource, onStep: LoadingStep = noStep): Promise<OpenedDataset> {
  if (source.from === "embedded") {
    const { embeddedInputs, embeddedLayouts } = await import("./embedded.ts");
    return openedOnPage({ result: withLayouts(parseDataset(embeddedInputs()), embeddedLayouts()), bundle: null });
  }
  return loadFromUrl(source.url, source.from === "meta" ? "bundle" : "either", onStep);
}

/**
 * A dataset fetched from this site (the Content-Security-Policy allows no other origin, and the check here
 * turns that into a clear message instead of a blocked request): a bundle, or (by address) one dataset file.
 */
export async function loadFromUrl(address: string, expect: "bundle" | "either" = "either", onStep: LoadingStep = noStep): Promise<OpenedDataset> {
  let url: URL;
  try {
    url = new URL(address, location.href);
  } catch {
    return openedOnPage(failure(address, "the dataset address is not a valid URL"));
  }
  if (url.origin !== location.origin) {
    return openedOnPage(
      failure(
        address,
        `only datasets served by this site (${location.origin}) can be opened by address; save the file next to the explorer or drop it on the page`,
      ),
    );
  }
  const file = decodeURIComponent(url.pathname.split("/").pop() || url.pathname);
  let response: Response;
  try {
    // Never a cached copy: a served dataset changes on disk between two loads.
    response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
  } catch {
    return openedOnPage(failure(file, `could not fetch ${url.pathname}: the network request failed`));
  }
  if (!response.ok)
    return openedOnPage(failure(file, `could not fetch ${url.pathname}: the server answered ${response.status} ${response.statusText}`.trim()));
  // A dataset said to be large gets its worker started now, so that the worker's module loads while the body downloads
  // (a compressed response does not say its size: its worker starts once the text is there).
  let worker = Number(response.headers.get("content-length")) > WORKER_CHARACTERS ? startLoadWorker() : null;
  const text = await response.text();
  const request: LoadRequest = { text, file, pathname: url.pathname, expect };
  if (text.length > WORKER_CHARACTERS) {
    worker ??= startLoadWorker();
    const opened = worker ? await openInWorker(worker, request, onStep) : null;
    if (opened) return opened;
  } else worker?.worker.terminate();
  return openedOnPage(await openDatasetText(text, request, onStep));
}

interface LoadWorker {
  worker: Worker;
  /** Set when the worker stopped before it was asked anything (its module did not load). */
  failed: boolean;
}

/** The load worker, or null when none can start here (a Content-Security-Policy without worker-src, an old browser). */
function startLoadWorker(): LoadWorker | null {
  try {
    const started: LoadWorker = {
      worker: new Worker(new URL("./load-worker.ts", import.meta.url), { type: "module", name: "atlas-load" }),
      failed: false,
    };
    started.worker.onerror = (event) => {
      event.preventDefault();
      started.failed = true;
    };
    return started;
  } catch {
    return null;
  }
}

/**
 * The dataset opened in the load worker; null when the worker stopped (its module did not load) or failed, and the
 * page then opens it on its own thread, with the same result.
 * The text is copied to the worker (one copy of a string), so the page still has it then.
 */
function openInWorker({ worker, failed }: LoadWorker, request: LoadRequest, onStep: LoadingStep): Promise<OpenedDataset | null> {
  return new Promise((resolve) => {
    const finish = (opened: OpenedDataset | null): void => {
      worker.terminate();
      resolve(opened);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish(null);
    };
    // The graph's parts are imported as they arrive, each message a task of its own.
    const graph = new ViewGraphImport();
    let parts = 0;
    worker.onmessage = (event: MessageEvent<LoadReply>) => {
      const reply = event.data;
      if (reply.type === "step") void onStep(reply.step);
      else if (reply.type === "graph") {
        try {
          graph.add(reply.part);
          parts += 1;
        } catch {
          finish(null);
        }
      } else if (reply.type === "failed") finish(null);
      else {
        performance.mark("atlas:opened-in-worker");
        finish({ result: reply.result, bundle: reply.bundle, contents: parts > 0 ? { graph: graph.finish() } : null });
      }
    };
    if (failed) {
      finish(null);
      return;
    }
    worker.postMessage(request);
  });
}

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
import { failure, noStep, openDatasetText, openedDataset, type LoadingStep, type OpenedDataset } from "./open-dataset.ts";

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
 * Fetched datasets above this many bytes are opened in the load worker: below it, starting the worker costs the
 * page more than the work it would take off (docs/benchmarks.md).
 */
export const WORKER_BYTES = 1_000_000;

export async function loadFrom(source: DatasetSource, onStep: LoadingStep = noStep): Promise<OpenedDataset> {
  if (source.from === "embedded") {
    const { embeddedInputs, embeddedLayouts } = await import("./embedded.ts");
    return openedDataset({ result: withLayouts(parseDataset(embeddedInputs()), embeddedLayouts()), bundle: null });
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
    return openedDataset(failure(address, "the dataset address is not a valid URL"));
  }
  if (url.origin !== location.origin) {
    return openedDataset(
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
    return openedDataset(failure(file, `could not fetch ${url.pathname}: the network request failed`));
  }
  if (!response.ok)
    return openedDataset(failure(file, `could not fetch ${url.pathname}: the server answered ${response.status} ${response.statusText}`.trim()));
  // Unless the dataset is said to be small, its worker starts now, so that the worker's module loads while the body
  // downloads (a compressed response does not say its size).
  const declared = response.headers.get("content-length");
  let worker = declared !== null && Number(declared) <= WORKER_BYTES ? null : startLoadWorker();
  const bytes = await response.arrayBuffer();
  const request: LoadRequest = { bytes, file, pathname: url.pathname, expect };
  if (bytes.byteLength > WORKER_BYTES) {
    worker ??= startLoadWorker();
    const opened = worker ? await openInWorker(worker, request, onStep) : null;
    if (opened) return opened;
  } else worker?.worker.terminate();
  // Decoded as Response.text() does (UTF-8, a byte-order mark dropped, malformed bytes replaced).
  return openedDataset(await openDatasetText(new TextDecoder().decode(bytes), request, onStep));
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
 * The bytes are copied to the worker, not transferred, so the page still has them then.
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
        finish({ result: reply.result, bundle: reply.bundle, graph: parts > 0 ? graph.finish() : null });
      }
    };
    if (failed) {
      finish(null);
      return;
    }
    worker.postMessage(request);
  });
}

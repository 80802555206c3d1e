/**
 * The web worker that opens a fetched dataset for the page (issue #20): decodes and parses it, verifies a bundle's
 * hashes, validates or trusts its documents, reads its saved layouts, builds and places the graph (open-dataset.ts,
 * the same functions the page runs without a worker), and sends the page what it opens: the load's issues, counts
 * and layouts, the bundle's files (for saving), and the graph as text (graph-transfer.ts). About a second of the
 * page's thread at 10,000 entities, several at 50,000. Main-thread code in load.ts.
 */
import type { BundleContents } from "../../load/bundle.ts";
import { exportViewGraph } from "./graph-transfer.ts";
import { openDatasetText, openedWithGraph, type LoadSummary } from "./open-dataset.ts";

export interface LoadRequest {
  /** The response's text. */
  text: string;
  file: string;
  pathname: string;
  expect: "bundle" | "either";
}

export type LoadReply =
  /** A loading step about to start, to be said on the page. */
  | { type: "step"; step: string }
  /** A part of the graph (graph-transfer.ts), sent before `opened`. */
  | { type: "graph"; part: string }
  /** The load's outcome, after the graph's parts when it loaded. */
  | { type: "opened"; result: LoadSummary; bundle: BundleContents | null }
  /** Something the loader does not report as an issue went wrong: the page opens the dataset itself. */
  | { type: "failed"; message: string };

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<LoadRequest>) => void) | null;
  postMessage(message: LoadReply): void;
};

async function open(request: LoadRequest): Promise<LoadReply> {
  const loaded = await openDatasetText(request.text, request, (step) => {
    scope.postMessage({ type: "step", step });
    return Promise.resolve();
  });
  const opened = openedWithGraph(loaded);
  if (opened.contents && "graph" in opened.contents)
    for (const part of exportViewGraph(opened.contents.graph)) scope.postMessage({ type: "graph", part });
  return { type: "opened", result: opened.result, bundle: opened.bundle };
}

scope.onmessage = (event) => {
  void open(event.data)
    .catch((error: unknown): LoadReply => ({ type: "failed", message: error instanceof Error ? error.message : String(error) }))
    .then((reply) => scope.postMessage(reply));
};

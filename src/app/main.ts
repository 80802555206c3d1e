/**
 * The explorer's entry point: load the dataset (embedded, or ?dataset=<url>), show its problems or
 * a clear message when something is wrong, otherwise open the explorer on the view in the URL.
 * A file opened later (button or drag-and-drop) replaces the dataset; one that cannot be opened
 * leaves the current graph as it was.
 */
import "./zod-config.ts";
import { buildGraph } from "../graph/build.ts";
import { formatIssue } from "../load/issues.ts";
import type { DatasetLoadResult } from "../load/layouts.ts";
import { chooseLayout, type SavedLayout } from "../model/layout.ts";
import type { Dataset } from "../model/schema.ts";
import { Explorer } from "./explorer.ts";
import { loadEmbedded, loadFromUrl } from "./files/load.ts";
import { FileOpener, type OpenedOutcome } from "./files/open-file.ts";
import { applySavedLayout, prepareViewGraph } from "./model/view-graph.ts";
import { hasWebGL2 } from "./render/renderer.ts";
import { defaultViewState, readViewState } from "./state/address.ts";
import type { DatasetStatus, ViewState } from "./state/state.ts";
import { el } from "./ui/dom.ts";
import { renderIssues, renderMessage } from "./ui/errors.ts";

const root = document.getElementById("app") as HTMLElement;
let current: Explorer | null = null;
const opener = new FileOpener(openFile);

function fail(title: string, ...paragraphs: string[]): void {
  current?.destroy();
  current = null;
  renderMessage(root, title, ...paragraphs);
  offerOpenFile();
  root.dataset.state = "error";
}

/** Error pages offer another file: a broken dataset is never a dead end. */
function offerOpenFile(): void {
  root.querySelector(".fatal")?.append(el("p", {}, "Or open another file (or drop one on the page): ", opener.button("Open file…")));
}

/** Builds the graph first, so a failure leaves the current explorer in place, then replaces it. */
function showExplorer(dataset: Dataset, view: ViewState, status: DatasetStatus, layout?: SavedLayout): void {
  const graph = prepareViewGraph(buildGraph(dataset));
  // The dataset's saved layout, when it has one, instead of ForceAtlas2 from scratch.
  const opened = layout ? { name: layout.name, complete: applySavedLayout(graph, layout) === graph.order } : null;
  performance.mark("atlas:graph-built");
  current?.destroy();
  current = null;
  const explorer = new Explorer(root, graph, view, status, opener, opened);
  current = explorer;
  document.title = `${dataset.meta.name} · Leverage Atlas`;
  root.dataset.state = "ready";
  // For the browser console and later tools (export, benchmarks); nothing in the page reads it.
  Object.assign(window, { atlas: explorer });
}

/** A file opened by the user: a new explorer on its dataset, with the view (and the address) reset. */
function openFile(outcome: OpenedOutcome): void {
  history.replaceState(history.state, "", `${location.pathname}${location.hash}`);
  showExplorer(outcome.dataset, defaultViewState(), { notices: [], warnings: [] }, chooseLayout(outcome.layouts));
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const address = params.get("dataset");
  performance.mark("atlas:start");
  // A dataset file by address has no saved layouts (a folder's layouts/ come with the embedded dataset).
  const result: DatasetLoadResult = address ? { ...(await loadFromUrl(address)), layouts: [] } : loadEmbedded();
  performance.mark("atlas:parsed");
  if (!result.ok) {
    renderIssues(root, "The dataset could not be opened", result.issues);
    offerOpenFile();
    root.dataset.state = "error";
    return;
  }
  if (!hasWebGL2()) {
    fail(
      "This browser cannot draw the graph",
      "The explorer draws with WebGL 2, which is turned off or not supported here.",
      "Try a current version of Chrome, Firefox, Edge or Safari, and check that hardware acceleration is enabled.",
    );
    return;
  }
  const { state, problems } = readViewState(params);
  const warnings = result.issues.filter((issue) => issue.severity === "warning").map(formatIssue);
  showExplorer(
    result.dataset,
    state,
    { notices: problems.map((problem) => `Address: ${problem}`), warnings },
    chooseLayout(result.layouts),
  );
  performance.mark("atlas:ready");
}

window.addEventListener("error", (event) => {
  if (root.dataset.state !== "ready") fail("The explorer stopped unexpectedly", event.message || "An unknown error occurred.");
});
window.addEventListener("unhandledrejection", (event) => {
  if (root.dataset.state !== "ready")
    fail("The explorer stopped unexpectedly", event.reason instanceof Error ? event.reason.message : String(event.reason));
});

start().catch((error: unknown) => {
  fail("The explorer could not start", error instanceof Error ? error.message : String(error));
});

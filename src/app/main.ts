/**
 * The explorer's entry point: load the dataset (?dataset=<url>, the page's dataset meta, or the embedded
 * one: files/load.ts), show its problems or a clear message when something is wrong, otherwise open the
 * explorer on the view in the URL. A file opened later (button or drag-and-drop) replaces the dataset; one
 * that cannot be opened leaves the current graph as it was. A page `atlas serve` serves follows its folder:
 * when files change on disk, the dataset is loaded again and replaces the graph in the same view.
 */
import "./zod-config.ts";
import { buildGraph } from "../graph/build.ts";
import { formatIssue, type LoadIssue } from "../load/issues.ts";
import { parseDataset } from "../load/parse.ts";
import { chooseLayout, type SavedLayout } from "../model/layout.ts";
import type { Dataset } from "../model/schema.ts";
import { Workbench } from "./edit/workbench.ts";
import { Explorer } from "./explorer.ts";
import { datasetSource, loadFrom, type DatasetSource, type LoadedDataset } from "./files/load.ts";
import { FileOpener, type OpenedOutcome } from "./files/open-file.ts";
import { followFolder, servedMode, type Served } from "./files/served.ts";
import { carryPositions } from "./model/carry-positions.ts";
import { applySavedLayout, prepareViewGraph } from "./model/view-graph.ts";
import { hasWebGL2 } from "./render/renderer.ts";
import { servedLinkChanged } from "./state/actions.ts";
import { defaultViewState, readViewState } from "./state/address.ts";
import type { DatasetStatus, ServedStatus, ViewState } from "./state/state.ts";
import { el } from "./ui/dom.ts";
import { renderIssues, renderMessage } from "./ui/errors.ts";

const root = document.getElementById("app") as HTMLElement;
const publishedTitle = document.querySelector<HTMLMetaElement>('meta[name="leverage-atlas-title"]')?.content;
let current: Explorer | null = null;
/** An embedded view (?embed=1) opens no file: no button, no drop target. */
const embedded = readViewState(new URLSearchParams(location.search)).state.embed;
const opener = embedded ? null : new FileOpener(openFile);
/** Set while the page follows the folder `atlas serve` serves. */
let served: { mode: Served; status: ServedStatus; stop: () => void } | null = null;
/** The editing workbench of a dataset that came as a bundle (kept while the same dataset is shown again). */
let workbench: Workbench | null = null;
/** The dataset as last loaded, for showing it again with the workbench's edits. */
let lastLoaded: LoadedDataset | null = null;

function fail(title: string, ...paragraphs: string[]): void {
  current?.destroy();
  current = null;
  renderMessage(root, title, ...paragraphs);
  offerOpenFile();
  root.dataset.state = "error";
}

/** Error pages offer another file: a broken dataset is never a dead end. */
function offerOpenFile(): void {
  if (opener) root.querySelector(".fatal")?.append(el("p", {}, "Or open another file (or drop one on the page): ", opener.button("Open file…")));
}

/**
 * Builds the graph first, so a failure leaves the current explorer in place, then replaces it. With `keep`
 * (the same dataset loaded again), entities keep their places and the camera its position.
 */
function showExplorer(dataset: Dataset, view: ViewState, status: DatasetStatus, keep = false, layout?: SavedLayout): void {
  const graph = prepareViewGraph(buildGraph(dataset), layout);
  // The dataset's saved layout, when it has one, instead of ForceAtlas2 from scratch (entities kept on a reload keep their places).
  const opened = layout ? { name: layout.name, complete: applySavedLayout(graph, layout) === graph.order } : null;
  performance.mark("atlas:graph-built");
  const previous = keep ? current : null;
  if (previous) carryPositions(previous.graph, graph);
  const camera = previous?.renderer.getCamera().getState();
  current?.destroy();
  current = null;
  const explorer = new Explorer(root, graph, view, status, opener, workbench, opened);
  if (camera) explorer.renderer.getCamera().setState(camera);
  current = explorer;
  // A site `atlas publish` made keeps the title it was given (--title).
  document.title = publishedTitle ?? `${dataset.meta.name} · Leverage Atlas`;
  root.dataset.state = "ready";
  // For the browser console and later tools (export, benchmarks); nothing in the page reads it.
  Object.assign(window, { atlas: explorer });
}

/** A file opened by the user: a new explorer on its dataset, with the view (and the address) reset. */
function openFile(outcome: OpenedOutcome): void {
  // The page no longer shows the served folder: its changes are not followed any more.
  served?.stop();
  served = null;
  workbench?.destroy();
  workbench = null;
  history.replaceState(history.state, "", `${location.pathname}${location.hash}`);
  showExplorer(outcome.dataset, defaultViewState(), { notices: [], warnings: [] }, false, chooseLayout(outcome.layouts));
}

/**
 * Shows a loaded dataset in the view the address holds (a reload keeps the user's view that way), or its
 * problems. `reload`: the same dataset again, after a change on disk.
 */
function show(loaded: LoadedDataset, reload: boolean): void {
  lastLoaded = loaded;
  if (loaded.result.ok && loaded.bundle) followWithWorkbench(loaded);
  const edited = workbench && workbench.session.edits.length > 0 ? parseDataset(workbench.documents(), { defaultName: loaded.bundle?.name ?? "dataset" }) : null;
  // Kept edits that no longer load (the files changed under them) wait in the pending panel; the files show as they are.
  const result = edited?.ok ? edited : loaded.result;
  if (!result.ok) {
    current?.destroy();
    current = null;
    renderIssues(root, "The dataset could not be opened", result.issues);
    if (served)
      root.querySelector(".fatal")?.append(el("p", {}, "The page shows the dataset again as soon as its files are fixed on disk."));
    offerOpenFile();
    root.dataset.state = "error";
    return;
  }
  const { state, problems } = readViewState(new URLSearchParams(location.search));
  const warnings = result.issues.filter((issue) => issue.severity === "warning").map(formatIssue);
  const status: DatasetStatus = {
    notices: reload ? [] : problems.map((problem) => `Address: ${problem}`),
    warnings,
    ...(loaded.bundle ? { bundle: loaded.bundle } : {}),
    ...(served ? { served: served.status } : {}),
    ...(workbench ? { editing: workbench.mode } : {}),
  };
  showExplorer(result.dataset, state, status, reload && current !== null, chooseLayout(loaded.result.layouts));
}

/**
 * Editing is on for a dataset that came as a bundle (its files are known), except when `atlas serve` serves it
 * read-only or the page is an embed: through the server when it serves it writable, else (a static site) as downloads.
 */
function followWithWorkbench(loaded: LoadedDataset): void {
  const bundle = loaded.bundle;
  if (!bundle || served?.mode.mode === "read-only") return;
  // An embedded view (`?embed=1`, atlas publish) shows the graph to readers: no editing there.
  if (embedded) return;
  const files = bundle.files.map((file) => ({ path: file.path, text: file.text, sha256: file.sha256 }));
  if (workbench) {
    workbench.follow(files);
    return;
  }
  workbench = new Workbench({
    mode: served ? "server" : "download",
    served: served?.mode ?? null,
    datasetKey: `${location.pathname}|${bundle.name}`,
    files,
    onDataset: showEdits,
  });
}

/** The workbench's edits changed the dataset: shows it with them, in the same view; answers why it cannot. */
function showEdits(): LoadIssue[] | null {
  if (!workbench || !lastLoaded) return null;
  const result = parseDataset(workbench.documents(), { defaultName: lastLoaded.bundle?.name ?? "dataset" });
  if (!result.ok) return result.issues;
  const { state } = readViewState(new URLSearchParams(location.search));
  const status: DatasetStatus = {
    notices: [],
    warnings: result.issues.filter((issue) => issue.severity === "warning").map(formatIssue),
    ...(lastLoaded.bundle ? { bundle: lastLoaded.bundle } : {}),
    ...(served ? { served: served.status } : {}),
    editing: workbench.mode,
  };
  showExplorer(result.dataset, state, status, current !== null);
  return null;
}

/** Follows the served folder: each change on disk loads the dataset again (one load at a time; the latest wins). */
function follow(source: DatasetSource, mode: Served, folder: string): void {
  let loading: Promise<void> | null = null;
  let again = false;
  const reload = (): void => {
    if (loading) {
      again = true;
      return;
    }
    loading = loadFrom(source)
      .then((loaded) => {
        if (served) show(loaded, true);
        root.dataset.reloads = String(Number(root.dataset.reloads ?? 0) + 1);
      })
      .finally(() => {
        loading = null;
        if (again) {
          again = false;
          reload();
        }
      });
  };
  const status: ServedStatus = { folder, mode: mode.mode, link: "connecting" };
  const stop = followFolder({
    onChange: reload,
    onLink: (link) => {
      if (!served) return;
      served.status = { ...served.status, link };
      current?.store.dispatch(servedLinkChanged, link);
    },
  });
  served = { mode, status, stop };
}

/** Graphs above this many entities and relations say "drawing the graph" before drawing it (a frame's wait). */
const LARGE_GRAPH = 5_000;

/**
 * While the page first loads a big dataset: says the step under way (the bar beside it moves on the compositor)
 * and lets the page paint it before the step takes the main thread.
 */
async function loadingStep(step: string): Promise<void> {
  if (root.dataset.state !== "loading") return;
  const line = root.querySelector(".app-loading");
  if (line) line.textContent = `Leverage Atlas: ${step}…`;
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const source = datasetSource(params);
  performance.mark("atlas:start");
  const loaded = await loadFrom(source, loadingStep);
  performance.mark("atlas:parsed");
  // Here, just before drawing, the check also warms the GPU process up (software GL: sigma's own context then
  // draws its first frame sooner; made lazily, the embedded dataset's first frame came later: docs/benchmarks.md).
  if (loaded.result.ok && !hasWebGL2()) {
    fail(
      "This browser cannot draw the graph",
      "The explorer draws with WebGL 2, which is turned off or not supported here.",
      "Try a current version of Chrome, Firefox, Edge or Safari, and check that hardware acceleration is enabled.",
    );
    return;
  }
  if (loaded.result.ok && loaded.result.counts.entities + loaded.result.counts.relations > LARGE_GRAPH) await loadingStep("drawing the graph");
  const mode = source.from === "meta" ? servedMode() : null;
  if (mode) follow(source, mode, loaded.bundle?.name ?? "the dataset folder");
  show(loaded, false);
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

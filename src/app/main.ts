/**
 * The explorer's entry point: load the dataset (embedded, or ?dataset=<url>), show its problems or
 * a clear message when something is wrong, otherwise open the explorer on the view in the URL.
 */
import "./zod-config.ts";
import { buildGraph } from "../graph/build.ts";
import { formatIssue } from "../load/issues.ts";
import { Explorer } from "./explorer.ts";
import { loadEmbedded, loadFromUrl } from "./load.ts";
import { prepareViewGraph } from "./model/view-graph.ts";
import { readViewState } from "./model/view-state.ts";
import { hasWebGL2 } from "./renderer.ts";
import { renderIssues, renderMessage } from "./ui/errors.ts";

const root = document.getElementById("app") as HTMLElement;

function fail(title: string, ...paragraphs: string[]): void {
  renderMessage(root, title, ...paragraphs);
  root.dataset.state = "error";
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const address = params.get("dataset");
  performance.mark("atlas:start");
  const result = address ? await loadFromUrl(address) : loadEmbedded();
  performance.mark("atlas:parsed");
  if (!result.ok) {
    renderIssues(root, "The dataset could not be opened", result.issues);
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
  const graph = prepareViewGraph(buildGraph(result.dataset));
  performance.mark("atlas:graph-built");
  const explorer = new Explorer(root, graph, state, { notices: problems.map((problem) => `Address: ${problem}`), warnings });
  root.dataset.state = "ready";
  performance.mark("atlas:ready");
  // For the browser console and later tools (export, benchmarks); nothing in the page reads it.
  Object.assign(window, { atlas: explorer });
}

window.addEventListener("error", (event) => {
  if (root.dataset.state !== "ready") fail("The explorer stopped unexpectedly", String(event.message || "An unknown error occurred."));
});
window.addEventListener("unhandledrejection", (event) => {
  if (root.dataset.state !== "ready")
    fail("The explorer stopped unexpectedly", event.reason instanceof Error ? event.reason.message : String(event.reason));
});

start().catch((error: unknown) => {
  fail("The explorer could not start", error instanceof Error ? error.message : String(error));
});

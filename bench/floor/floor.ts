/**
 * The browser benchmark's floor (issue #20, 1): what the rendering stack alone needs to show a graph. It fetches
 * a graph in graphology's serialized form (`?graph=URL`), imports it and draws it with sigma's defaults: no
 * validation, no panels, no layout, no styles. The benchmark opens it alternating with the explorer on the same
 * graph. Bench only: never part of the product (src/).
 */
import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import Sigma from "sigma";

async function start(): Promise<void> {
  const address = new URLSearchParams(location.search).get("graph");
  if (!address) throw new Error("no ?graph= given");
  const response = await fetch(address, { cache: "no-store" });
  const serialized = (await response.json()) as SerializedGraph;
  performance.mark("floor:parsed");
  const graph = Graph.from(serialized);
  performance.mark("floor:graph-built");
  const container = document.getElementById("graph") as HTMLElement;
  const renderer = new Sigma(graph, container);
  // Sigma draws its first frame in its constructor (a synchronous refresh): nodes and edges, the whole graph.
  performance.mark("floor:ready");
  document.body.dataset.state = "ready";
  document.body.dataset.frame = "full";
  Object.assign(window, { floor: renderer });
}

start().catch((error: unknown) => {
  document.body.dataset.state = "error";
  document.body.textContent = error instanceof Error ? error.message : String(error);
});

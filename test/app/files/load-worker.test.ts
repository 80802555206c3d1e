/**
 * The load worker's pipeline in node: a fetched dataset opened and its graph sent as text gives the page exactly what
 * opening it on the page's thread gives (buildGraph and prepareViewGraph of the loader's dataset), the same issues
 * for broken data, and the bundle's files for saving.
 */
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { exportViewGraph, ViewGraphImport } from "../../../src/app/files/graph-transfer.ts";
import type { LoadReply, LoadRequest } from "../../../src/app/files/load-worker.ts";
import { openDatasetText, openedOnPage } from "../../../src/app/files/open-dataset.ts";
import { prepareViewGraph } from "../../../src/app/model/view-graph.ts";
import { generateDataset } from "../../../src/generate/generate.ts";
import { buildGraph } from "../../../src/graph/build.ts";
import { bundleFiles, bundleFolder } from "../../../src/load/folder-bundle.ts";
import { parseDataset } from "../../../src/load/parse.ts";
import type { Dataset } from "../../../src/model/schema.ts";
import type { ViewGraph } from "../../../src/app/model/view-graph.ts";

const DATA = fileURLToPath(new URL("../../../data", import.meta.url));

type WorkerScope = { onmessage: ((event: { data: LoadRequest }) => void) | null; postMessage: (reply: LoadReply) => void };
const scope = globalThis as unknown as WorkerScope;

/** Runs the worker module's message handler in node, as the page's worker would: its replies, the last one final. */
async function inWorker(text: string, expect: LoadRequest["expect"] = "bundle"): Promise<LoadReply[]> {
  const replies: LoadReply[] = [];
  const done = new Promise<void>((resolve) => {
    scope.postMessage = (reply) => {
      // What crosses to the page is a structured clone.
      replies.push(structuredClone(reply));
      if (reply.type === "opened" || reply.type === "failed") resolve();
    };
  });
  scope.onmessage?.({ data: { text, file: "dataset.bundle.json", pathname: "/dataset.bundle.json", expect } });
  await done;
  return replies;
}

/** A generated dataset as one dataset file. */
function documentText(dataset: Dataset, indent?: number): string {
  return JSON.stringify({ dataset: dataset.meta, entities: dataset.entities, relations: dataset.relations, sources: dataset.sources }, null, indent);
}

/** The worker's outcome, with the graph the page imports from its parts (null when none came). */
function final(replies: LoadReply[]): Extract<LoadReply, { type: "opened" }> & { graph: ViewGraph | null } {
  const reply = replies.at(-1);
  if (reply?.type !== "opened") throw new Error(`the worker answered ${JSON.stringify(reply)}`);
  const parts = replies.flatMap((part) => (part.type === "graph" ? [part.part] : []));
  const graph = new ViewGraphImport();
  for (const part of parts) graph.add(part);
  return { ...reply, graph: parts.length > 0 ? graph.finish() : null };
}

beforeAll(async () => {
  await import("../../../src/app/files/load-worker.ts");
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the load worker", () => {
  it("gives the embedded dataset's graph exactly as buildGraph and prepareViewGraph make it on the page", async () => {
    const { bundle, result } = await bundleFolder(DATA);
    if (!result.ok) throw new Error("data/ does not load");
    const reply = final(await inWorker(JSON.stringify(bundle)));
    const expected = prepareViewGraph(buildGraph(result.dataset));
    expect(reply.graph?.export()).toStrictEqual(expected.export());
    expect(reply.result.counts).toStrictEqual(result.counts);
    expect(reply.result.issues).toStrictEqual(result.issues);
    expect(reply.result.layouts.map((layout) => [layout.name, [...layout.positions]])).toStrictEqual(
      result.layouts.map((layout) => [layout.name, [...layout.positions]]),
    );
    expect(reply.bundle?.files).toStrictEqual(bundle.files);
    expect(reply.bundle?.checked).toStrictEqual(bundle.checked);
  });

  it("gives a generated dataset's graph (10,000 items) as the page's thread builds it, in the same order", async () => {
    const dataset = generateDataset({ entities: 2_500, relations: 7_500, seed: 1 });
    const { bundle, result } = await bundleFiles("generated", [{ path: "generated.json", bytes: new TextEncoder().encode(documentText(dataset)) }]);
    expect(result.ok).toBe(true);
    const reply = final(await inWorker(JSON.stringify(bundle)));
    const onPage = openedOnPage(await openDatasetText(JSON.stringify(bundle), { file: "dataset.bundle.json", pathname: "/dataset.bundle.json", expect: "bundle" }));
    if (!onPage.contents || !("dataset" in onPage.contents)) throw new Error("the page's thread did not load it");
    expect(reply.graph?.export()).toStrictEqual(prepareViewGraph(buildGraph(onPage.contents.dataset)).export());
    expect(reply.graph?.nodes()).toStrictEqual(dataset.entities.map((entity) => entity.id));
    expect(reply.result).toStrictEqual(onPage.result);
  });

  it("says its steps for a large dataset before taking them", async () => {
    const dataset = generateDataset({ entities: 2_500, relations: 7_500, seed: 1 });
    const { bundle } = await bundleFiles("generated", [{ path: "generated.json", bytes: new TextEncoder().encode(documentText(dataset, 2)) }]);
    const steps = (await inWorker(JSON.stringify(bundle))).flatMap((reply) => (reply.type === "step" ? [reply.step] : []));
    expect(steps).toStrictEqual(["reading the dataset", "opening the checked dataset"]);
  });

  it("reports broken data with the same located issues as the page's thread, and sends no graph", async () => {
    const broken = '{"entities": [{"id": "a", "kind": "state"}]}';
    const reply = final(await inWorker(broken, "either"));
    const onPage = parseDataset([{ file: "dataset.bundle.json", text: broken }], { defaultName: "dataset.bundle.json" });
    expect(reply.result.ok).toBe(false);
    expect(reply.graph).toBeNull();
    expect(reply.result.issues).toStrictEqual(onPage.issues);
    const notJson = final(await inWorker("{ nope"));
    expect(notJson.result.issues.map((issue) => [issue.file, issue.message.length > 0])).toStrictEqual([["dataset.bundle.json", true]]);
    const notBundle = final(await inWorker("{}"));
    expect(notBundle.result.issues.map((issue) => issue.message)).toStrictEqual([
      "the page's dataset meta names /dataset.bundle.json, which is not a dataset bundle",
    ]);
  });
});

describe("the graph in parts", () => {
  /** The graph through its parts, as the page imports them. */
  function copied(graph: ViewGraph, itemsPerPart: number): ViewGraph {
    const copy = new ViewGraphImport();
    for (const part of exportViewGraph(graph, itemsPerPart)) copy.add(part);
    return copy.finish();
  }

  it("gives the same graph whatever the parts' size: entities before relations, every item once, in order", () => {
    const dataset = generateDataset({ entities: 60, relations: 150, seed: 2 });
    const graph = prepareViewGraph(buildGraph(dataset));
    for (const size of [1, 7, 60, 61, 209, 210, 1_000]) expect(copied(graph, size).export()).toStrictEqual(graph.export());
    expect([...exportViewGraph(graph, 100)]).toHaveLength(3);
  });

  it("imports with sources that have no prototype, as buildGraph makes them", () => {
    const dataset = generateDataset({ entities: 50, relations: 120, seed: 2 });
    const graph = copied(prepareViewGraph(buildGraph(dataset)), 40);
    const sources = graph.getAttribute("sources");
    expect(Object.getPrototypeOf(sources)).toBeNull();
    expect("constructor" in sources).toBe(false);
    expect(Object.keys(sources)).toStrictEqual(dataset.sources.map((source) => source.id));
  });
});

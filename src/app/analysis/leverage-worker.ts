/**
 * The web worker that runs the leverage analysis (src/analysis) for the Leverage panel: the ranking
 * of pressed parties by exposure once, then the panel's view for a government at a month on
 * request. In a large graph these take seconds to minutes (every pressure's sides are walked in
 * its own time window); here they never hold up the page's first frame, its drawing or its input.
 * Main-thread code in leverage-analysis.ts.
 */
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import { exposure } from "../../analysis/exposure.ts";
import { LeverageContext } from "../../analysis/leverage.ts";
import type { AtlasGraph, EntityAttributes, GraphAttributes, RelationAttributes } from "../../graph/types.ts";
import { defaultGovernment, leverageView, pressedParties, type EntityRef, type LeverageView } from "../model/leverage-view.ts";

export type LeverageRequest =
  /**
   * A part of the graph, in graphology's serialized form (nodes before the edges that need them); the analysis
   * runs when the last part arrives. Parts keep each copy on the page's thread short (a whole 50k graph at once
   * held it for seconds).
   */
  | { type: "graph"; part: SerializedGraph<EntityAttributes, RelationAttributes, GraphAttributes>; last: boolean }
  | { type: "view"; key: string; government: string | null; at: string | null };

export type LeverageReply =
  | { type: "ranking"; parties: EntityRef[]; defaultGovernment: string | null }
  | { type: "view"; key: string; view: LeverageView }
  | { type: "failed"; message: string };

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<LeverageRequest>) => void) | null;
  postMessage(message: LeverageReply): void;
};

let analysed: { graph: AtlasGraph; context: LeverageContext } | null = null;
/** The graph as its parts arrive. */
let received: AtlasGraph | null = null;
/** Only the latest view asked for is worth computing: requests that arrive while one runs replace each other. */
let wanted: Extract<LeverageRequest, { type: "view" }> | null = null;
let scheduled = false;

function fail(error: unknown): void {
  scope.postMessage({ type: "failed", message: error instanceof Error ? error.message : String(error) });
}

function answerView(): void {
  scheduled = false;
  const request = wanted;
  // Before the graph is analysed a request waits (the analysis answers it when done).
  if (!request || !analysed) return;
  wanted = null;
  try {
    const view = leverageView(analysed.graph, analysed.context, { government: request.government, at: request.at, chain: null });
    scope.postMessage({ type: "view", key: request.key, view });
  } catch (error) {
    fail(error);
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === "graph") {
    try {
      received ??= new MultiDirectedGraph();
      received.import(request.part, true);
      if (!request.last) return;
      const graph = received;
      received = null;
      const context = new LeverageContext(graph);
      const ranking = exposure(graph, {}, context);
      analysed = { graph, context };
      scope.postMessage({ type: "ranking", parties: pressedParties(graph, ranking), defaultGovernment: defaultGovernment(graph, ranking) });
    } catch (error) {
      fail(error);
    }
  } else {
    wanted = request;
  }
  // Answer after the queue is read, so a burst of requests (the time control playing) costs one answer.
  if (!scheduled && wanted) {
    scheduled = true;
    setTimeout(answerView, 0);
  }
};

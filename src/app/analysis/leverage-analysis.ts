/**
 * The leverage analysis for the page: a web worker (leverage-worker.ts) ranks the pressed parties
 * once and computes the Leverage panel's view when the government or the month changes. This
 * client follows the state: it asks the worker for the view the state wants (once per government
 * and month), reports the answers into the state (state/actions.ts) and shows a kept answer at once.
 * What the panel and the graph show of it is derived (state/derive.ts).
 */
import type { ViewGraph } from "../model/view-graph.ts";
import { leverageAnswered, leverageFailed, leverageRanked, showLeverageView } from "../state/actions.ts";
import { leverageWanted } from "../state/derive.ts";
import type { ExplorerState } from "../state/state.ts";
import type { Store } from "../state/store.ts";
import type { LeverageReply, LeverageRequest } from "./leverage-worker.ts";

type LeverageGraphPart = Extract<LeverageRequest, { type: "graph" }>["part"] & {
  nodes: NonNullable<Extract<LeverageRequest, { type: "graph" }>["part"]["nodes"]>;
  edges: NonNullable<Extract<LeverageRequest, { type: "graph" }>["part"]["edges"]>;
};

/** Entities and relations per part of the graph sent to the worker: a few tens of milliseconds of copying each. */
const GRAPH_PART_ITEMS = 4_000;

export class LeverageAnalysis {
  private readonly worker: Worker;
  private readonly unsubscribe: () => void;
  /** The key of the view last asked for. */
  private asked = "";

  constructor(
    private readonly graph: ViewGraph,
    private readonly store: Store<ExplorerState>,
  ) {
    this.worker = new Worker(new URL("./leverage-worker.ts", import.meta.url), { type: "module", name: "atlas-leverage" });
    this.worker.onmessage = (event: MessageEvent<LeverageReply>) => this.receive(event.data);
    this.worker.onerror = (event) => this.receive({ type: "failed", message: event.message || "the analysis stopped" });
    // Copying the graph to the worker takes a second or two at 50k entities: after the first frame, not before it,
    // and in parts, each in a task of its own, so the page keeps drawing and answering meanwhile.
    requestAnimationFrame(() => setTimeout(() => this.sendGraph(), 0));
    this.unsubscribe = store.subscribe((state) => this.follow(state));
  }

  destroy(): void {
    this.stopped = true;
    this.unsubscribe();
    this.worker.terminate();
  }

  private stopped = false;

  /** Posts the graph in parts of GRAPH_PART_ITEMS entities or relations, one task each. */
  private sendGraph(): void {
    const { graph } = this;
    const nodes = graph.nodeEntries();
    const edges = graph.edgeEntries();
    const next = (): void => {
      if (this.stopped) return;
      const part: LeverageGraphPart = {
        options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops },
        attributes: graph.getAttributes(),
        nodes: [],
        edges: [],
      };
      for (let entry = nodes.next(); !entry.done; entry = nodes.next()) {
        part.nodes.push({ key: entry.value.node, attributes: entry.value.attributes });
        if (part.nodes.length === GRAPH_PART_ITEMS) break;
      }
      if (part.nodes.length < GRAPH_PART_ITEMS)
        for (let entry = edges.next(); !entry.done; entry = edges.next()) {
          const { edge, source, target, attributes } = entry.value;
          part.edges.push({ key: edge, source, target, attributes });
          if (part.nodes.length + part.edges.length === GRAPH_PART_ITEMS) break;
        }
      const last = part.nodes.length + part.edges.length < GRAPH_PART_ITEMS;
      this.post({ type: "graph", part, last });
      if (!last) setTimeout(next, 0);
    };
    next();
  }

  private post(request: LeverageRequest): void {
    this.worker.postMessage(request);
  }

  /** Until the answer, the panel and the highlight stay as they are (the time control may be playing). */
  private follow(state: ExplorerState): void {
    const analysis = state.analysis.leverage;
    const wanted = leverageWanted(this.graph, state);
    if (wanted === null || analysis.status !== "ready" || analysis.shown === wanted.key) return;
    if (wanted.key in analysis.views) this.store.dispatch(showLeverageView, wanted.key);
    else if (this.asked !== wanted.key) {
      this.asked = wanted.key;
      this.post({ type: "view", key: wanted.key, government: wanted.government, at: wanted.at });
    }
  }

  private receive(reply: LeverageReply): void {
    if (reply.type === "failed") this.store.dispatch(leverageFailed, reply.message);
    else if (reply.type === "ranking") {
      performance.mark("atlas:leverage-ranked");
      this.store.dispatch(leverageRanked, { parties: reply.parties, defaultGovernment: reply.defaultGovernment });
    } else this.store.dispatch(leverageAnswered, { key: reply.key, view: reply.view });
  }
}

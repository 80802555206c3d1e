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
    // Copying the graph to the worker takes a second or two at 50k entities: after the first frame, not before it.
    requestAnimationFrame(() => setTimeout(() => this.post({ type: "graph", graph: graph.export() }), 0));
    this.unsubscribe = store.subscribe((state) => this.follow(state));
  }

  destroy(): void {
    this.unsubscribe();
    this.worker.terminate();
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

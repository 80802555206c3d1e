/** The pointer on the graph, as actions: hovering entities and relations, clicking and shift-clicking entities. */
import { clickEntity, hoverEntity, hoverRelation } from "../state/actions.ts";
import type { ExplorerState } from "../state/state.ts";
import type { Store } from "../state/store.ts";
import type { AtlasRenderer } from "./renderer.ts";

export function bindGraphEvents(renderer: AtlasRenderer, store: Store<ExplorerState>): void {
  renderer.on("enterNode", ({ node }) => store.dispatch(hoverEntity, node));
  renderer.on("leaveNode", () => store.dispatch(hoverEntity, null));
  let lastClicked: string | null = null;
  const clickNode = (node: string, original: MouseEvent | TouchEvent): void => {
    lastClicked = node;
    store.dispatch(clickEntity, { id: node, additive: "shiftKey" in original && original.shiftKey });
  };
  renderer.on("clickNode", ({ node, event }) => clickNode(node, event.original));
  // Sigma counts any two clicks within its double-click delay as a double click, wherever they land:
  // a quick click on one entity then shift-click on another must still select the second.
  renderer.on("doubleClickNode", ({ node, event }) => {
    if (node === lastClicked) return;
    event.preventSigmaDefault();
    clickNode(node, event.original);
  });
  renderer.on("clickStage", () => {
    lastClicked = null;
  });
  renderer.on("enterEdge", ({ edge, event }) => store.dispatch(hoverRelation, { id: edge, x: event.x, y: event.y }));
  renderer.on("leaveEdge", () => store.dispatch(hoverRelation, null));
}

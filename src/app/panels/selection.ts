/**
 * The Selection section: how many entities are selected (click, shift-click, a box), "Select
 * neighbours" and "Clear selection", the selected entities as chips, and room for the actions on
 * the selection (the export panel). Escape clears the selection.
 */
import { plural } from "../model/format.ts";
import type { ViewGraph } from "../model/view-graph.ts";
import { addToSelection, clearSelection, deselect } from "../state/actions.ts";
import { el } from "../ui/dom.ts";
import { SelectionList } from "../ui/selection-list.ts";
import { Inputs, isTextEntry, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";

/** The neighbours of the selected entities that the view shows. */
export function shownNeighbours(graph: ViewGraph, selection: ReadonlySet<string>, shown: ReadonlySet<string>): string[] {
  const neighbours: string[] = [];
  for (const id of selection) {
    graph.forEachNeighbor(id, (neighbour) => {
      if (shown.has(neighbour)) neighbours.push(neighbour);
    });
  }
  return neighbours;
}

function mount({ graph, store, region, provideRegion, choose }: PanelContext): MountedPanel {
  const info = el("p", { class: "hint" });
  const selectNeighbours = el("button", { class: "button", text: "Select neighbours", attrs: { type: "button" } });
  const clear = el("button", { class: "button", text: "Clear selection", attrs: { type: "button" } });
  const actions = el("div", { class: "selection-actions button-row" });
  const list = new SelectionList({
    onOpen: (id) => choose(id),
    onRemove: (id) => store.dispatch(deselect, id),
  });
  actions.append(list.element);
  const section = el(
    "section",
    { class: "panel-section selection", attrs: { "aria-labelledby": "selection-heading" } },
    el("h2", { class: "section-heading", text: "Selection", attrs: { id: "selection-heading" } }),
    info,
    el("div", { class: "button-row" }, selectNeighbours, clear),
    actions,
  );
  region("side").append(section);
  provideRegion("selection-actions", actions);

  let shown: ReadonlySet<string> = new Set();
  selectNeighbours.addEventListener("click", () => store.dispatch(addToSelection, shownNeighbours(graph, store.get().selection, shown)));
  clear.addEventListener("click", () => store.dispatch(clearSelection));

  const count = new Inputs();
  const chips = new Inputs();
  return {
    element: section,
    update: (state, derived) => {
      shown = derived.view.nodes;
      const { selection } = state;
      if (count.changed(selection.size)) {
        info.textContent =
          selection.size === 0
            ? "Shift-click entities, or hold Shift and drag a box, to select several."
            : `${plural(selection.size, "entity", "entities")} selected. Escape clears the selection.`;
      }
      if (chips.changed(selection, shown)) {
        list.show(
          [...selection].map((id) => {
            const attributes = graph.getNodeAttributes(id);
            return { id, label: attributes.label, kind: attributes.kind, hidden: !shown.has(id) };
          }),
        );
      }
    },
    destroy: () => {},
    onEscape: (target) => {
      if (isTextEntry(target) || store.get().selection.size === 0) return false;
      store.dispatch(clearSelection);
      return true;
    },
  };
}

export const selectionPanel: Panel = { id: "selection", mount };

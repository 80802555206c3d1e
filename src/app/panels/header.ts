/** The page header: the dataset's name, its counts (and how much of it the view shows), and the entity search. */
import { plural } from "../model/format.ts";
import type { ViewResult } from "../model/view.ts";
import { EntityCombobox } from "../ui/combobox.ts";
import { el } from "../ui/dom.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./header.css";

function mount({ graph, search, region, choose }: PanelContext): MountedPanel {
  const counts = el("p", { class: "header-counts", attrs: { id: "dataset-counts" } });
  const combobox = new EntityCombobox({
    label: "Search",
    id: "search",
    visibleLabel: true,
    placeholder: "Entities or aliases… (key: /)",
    index: search.index,
    debounceMs: search.debounceMs,
    onChoose: (hit) => choose(hit.id),
  });
  region("header").append(
    el("div", { class: "header-title" }, el("h1", { class: "dataset-name", text: graph.getAttribute("name") }), counts),
    el("div", { class: "header-search", attrs: { role: "search" } }, combobox.element),
  );

  const showCounts = (view: ViewResult): void => {
    const total = graph.getAttribute("counts");
    const filtered = view.nodes.size !== graph.order || view.edges.size !== graph.size;
    counts.replaceChildren(
      `${plural(total.entities, "entity", "entities")} · ${plural(total.relations, "relation")} · ${plural(total.sources, "source")}`,
      filtered
        ? el("span", {
            class: "header-shown",
            text: ` — showing ${view.nodes.size.toLocaleString("en")} entities, ${view.edges.size.toLocaleString("en")} relations`,
          })
        : "",
    );
  };
  const inputs = new Inputs();
  return {
    update: (_state, derived) => {
      if (inputs.changed(derived.view)) showCounts(derived.view);
    },
    destroy: () => {},
  };
}

export const headerPanel: Panel = { id: "header", mount };

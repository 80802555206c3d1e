/**
 * Over an empty graph: why the view shows nothing (model/view.ts's whyEmpty, naming each constraint)
 * and the ways out: keep the entities inactive at the date, clear the filters, or show everything.
 */
import { countryName, entityKindLabel, familyLabel, formatMonth } from "../model/format.ts";
import { narrowsTime, whyEmpty } from "../model/view.ts";
import { clearFilters, setEntitiesInTime, showEverything } from "../state/actions.ts";
import { el } from "../ui/dom.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./empty-view.css";

const NAMES = { family: familyLabel, kind: entityKindLabel, country: countryName, month: formatMonth };

function mount({ graph, store, region }: PanelContext): MountedPanel {
  const reasons = el("ul", { class: "empty-reasons" });
  const keepAll = el("button", { class: "button", text: "Keep inactive entities", attrs: { type: "button" } });
  const clear = el("button", { class: "button", text: "Clear the filters", attrs: { type: "button" } });
  const everything = el("button", { class: "button", text: "Show everything", attrs: { type: "button" } });
  keepAll.addEventListener("click", () => store.dispatch(setEntitiesInTime, "all"));
  clear.addEventListener("click", () => store.dispatch(clearFilters));
  everything.addEventListener("click", () => store.dispatch(showEverything));
  const element = el(
    "section",
    { class: "empty-view", attrs: { role: "status", "aria-labelledby": "empty-view-heading", hidden: true } },
    el("h2", { text: "Nothing to show", attrs: { id: "empty-view-heading" } }),
    el("p", { text: "No entity is left in this view:" }),
    reasons,
    el("div", { class: "button-row" }, keepAll, clear, everything),
  );
  region("pane").append(element);
  const inputs = new Inputs();
  return {
    update: (state, derived) => {
      if (!inputs.changed(derived.view, state.view)) return;
      const empty = derived.view.nodes.size === 0 && graph.order > 0;
      element.hidden = !empty;
      if (!empty) return;
      const why = whyEmpty(graph, state.view, NAMES);
      reasons.replaceChildren(...(why.length > 0 ? why : ["the dataset has no entity"]).map((text) => el("li", { text })));
      keepAll.hidden = !(narrowsTime(state.view) && state.view.entities === "active");
    },
    destroy: () => {},
  };
}

export const emptyViewPanel: Panel = { id: "empty-view", mount };

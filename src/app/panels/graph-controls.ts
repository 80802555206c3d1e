/**
 * The graph's own controls in the toolbar: run or stop the layout (with its live progress), lay out only
 * what the view shows, zoom in and out, fit what is shown.
 */
import { plural } from "../model/format.ts";
import { el } from "../ui/dom.ts";
import type { LayoutState } from "../state/state.ts";
import type { ViewResult } from "../model/view.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./graph-controls.css";

function mount({ graph, layout, renderer, region, fitShown }: PanelContext): MountedPanel {
  // The button's label, and the live iteration count beside it while the layout runs (text only: the name stays "Stop layout").
  const label = el("span");
  const count = el("span", { class: "layout-count", attrs: { "aria-hidden": "true", hidden: true } });
  const toggle = el("button", { class: "button layout-toggle", attrs: { type: "button", id: "layout-toggle" } }, label, count);
  const zoomIn = el("button", { class: "icon-button", text: "+", attrs: { type: "button", "aria-label": "Zoom in", title: "Zoom in" } });
  const zoomOut = el("button", {
    class: "icon-button",
    text: "−",
    attrs: { type: "button", "aria-label": "Zoom out", title: "Zoom out" },
  });
  const fit = el("button", {
    class: "icon-button",
    text: "⤢",
    attrs: { type: "button", "aria-label": "Fit the graph", title: "Fit what is shown in the window" },
  });
  // Runs ForceAtlas2 on the shown entities and relations only: an ego network or a filtered view spreads out on its own.
  const layOutShown = el("button", {
    class: "button",
    text: "Lay out what is shown",
    attrs: { type: "button", id: "layout-shown", title: "Arrange only the entities and relations the view shows" },
  });
  region("toolbar").append(toggle, layOutShown, zoomIn, zoomOut, fit);
  const camera = renderer.getCamera();
  let view: ViewResult | null = null;
  toggle.addEventListener("click", () => layout.toggle());
  layOutShown.addEventListener("click", () => {
    if (!view) return;
    layout.stop();
    layout.start({ nodes: view.nodes, edges: view.edges });
  });
  zoomIn.addEventListener("click", () => void camera.zoomIn({ duration: 250 }));
  zoomOut.addEventListener("click", () => void camera.zoomOut({ duration: 250 }));
  fit.addEventListener("click", () => fitShown());

  const showStatus = ({ status, iterations, saved }: LayoutState): void => {
    label.textContent = status === "running" ? "❚❚ Stop layout" : "▶ Run layout";
    count.hidden = status !== "running";
    if (status === "running") count.textContent = "";
    toggle.setAttribute("aria-pressed", String(status === "running"));
    toggle.title =
      status === "running"
        ? "ForceAtlas2 is arranging the graph"
        : saved !== null && iterations === 0
          ? `Positions from the saved layout "${saved}"; run ForceAtlas2 from them`
          : `${status === "settled" ? "The layout has settled" : "The layout is stopped"} (${plural(iterations, "iteration")})`;
  };
  /** The live count on the layout button: iterations so far and the worker's rate. */
  const showProgress = ({ iterations, iterationsPerSecond }: LayoutState): void => {
    count.textContent = `${iterations.toLocaleString("en")} it · ${Math.round(iterationsPerSecond)}/s`;
    toggle.title = `ForceAtlas2 is arranging the graph: ${plural(iterations, "iteration")}, ${Math.round(iterationsPerSecond)} per second`;
  };
  const status = new Inputs();
  const progress = new Inputs();
  const shown = new Inputs();
  return {
    update: (state, derived) => {
      view = derived.view;
      // Laying out a part makes sense only when the view shows a part (and more than one entity).
      if (shown.changed(derived.view.nodes, state.layout.status))
        layOutShown.disabled = state.layout.status === "running" || derived.view.nodes.size < 2 || derived.view.nodes.size === graph.order;
      const statusChanged = status.changed(state.layout.status);
      const progressed = progress.changed(state.layout.iterations, state.layout.iterationsPerSecond);
      // A (re)started layout shows no count until its first progress.
      if (statusChanged) showStatus(state.layout);
      else if (progressed) showProgress(state.layout);
    },
    destroy: () => {},
  };
}

export const graphControlsPanel: Panel = { id: "graph-controls", mount };

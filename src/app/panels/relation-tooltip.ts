/** The tooltip of the relation under the pointer: its kind and family, its ends, and its dates. */
import { formatPeriod, relationKindLabel } from "../model/format.ts";
import { el } from "../ui/dom.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./relation-tooltip.css";

function mount({ graph, region }: PanelContext): MountedPanel {
  const tooltip = el("div", { class: "edge-tooltip", attrs: { role: "tooltip", hidden: true, id: "edge-tooltip" } });
  region("pane").append(tooltip);
  const inputs = new Inputs();
  return {
    update: (state) => {
      const hovered = state.hover.relation;
      if (!inputs.changed(hovered)) return;
      if (hovered === null || !graph.hasEdge(hovered.id)) {
        tooltip.hidden = true;
        return;
      }
      const attributes = graph.getEdgeAttributes(hovered.id);
      const [source, target] = graph.extremities(hovered.id);
      tooltip.replaceChildren(
        el("strong", { text: relationKindLabel(attributes.kind) }),
        el("span", { class: "tooltip-family", text: ` · ${attributes.family}` }),
        el("br"),
        `${graph.getNodeAttribute(source, "label")} → ${graph.getNodeAttribute(target, "label")}`,
        el("br"),
        el("span", { class: "tooltip-dates", text: formatPeriod(attributes.start, attributes.end) }),
      );
      tooltip.style.left = `${Math.round(hovered.x + 14)}px`;
      tooltip.style.top = `${Math.round(hovered.y + 14)}px`;
      tooltip.hidden = false;
    },
    destroy: () => {},
  };
}

export const relationTooltipPanel: Panel = { id: "relation-tooltip", mount };

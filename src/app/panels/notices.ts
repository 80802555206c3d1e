/**
 * Notices over the graph: what the address asked for that could not be used, what the view cannot
 * show (an unknown focus, a focus hidden by a filter...), and one folded notice for the dataset's warnings.
 */
import { plural } from "../model/format.ts";
import { el } from "../ui/dom.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./notices.css";

/** Warnings listed in the page; the CLI lists them all. */
const MAX_LISTED_WARNINGS = 50;

/** One folded notice for all dataset warnings, built once so it stays open across updates. */
function warningsNotice(warnings: readonly string[]): HTMLElement | null {
  if (warnings.length === 0) return null;
  return el(
    "details",
    { class: "notice notice-warnings" },
    el("summary", { text: `The dataset has ${plural(warnings.length, "warning")}` }),
    el("ul", {}, ...warnings.slice(0, MAX_LISTED_WARNINGS).map((text) => el("li", { text }))),
    warnings.length > MAX_LISTED_WARNINGS
      ? el("p", {
          text: `…and ${(warnings.length - MAX_LISTED_WARNINGS).toLocaleString("en")} more (npm run atlas -- validate lists them all).`,
        })
      : null,
  );
}

function mount({ store, region }: PanelContext): MountedPanel {
  const element = el("div", { class: "notices", attrs: { role: "status", "aria-live": "polite" } });
  region("pane").append(element);
  const warnings = warningsNotice(store.get().dataset.warnings);
  const inputs = new Inputs();
  return {
    update: (state, derived) => {
      if (!inputs.changed(state.dataset.notices, derived.view.notices)) return;
      const all = [...state.dataset.notices, ...derived.view.notices];
      element.replaceChildren(...all.map((text) => el("p", { class: "notice", text })), ...(warnings ? [warnings] : []));
      element.hidden = all.length === 0 && warnings === null;
    },
    destroy: () => {},
  };
}

export const noticesPanel: Panel = { id: "notices", mount };

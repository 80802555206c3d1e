/**
 * In the header, on a page `atlas serve` serves: which folder, whether it is read-only, and whether the
 * page is following the files on disk ("live") or re-making its link to the server.
 */
import type { ServedStatus } from "../state/state.ts";
import { el } from "../ui/dom.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./served.css";

const LINK_WORDS: Record<ServedStatus["link"], string> = { connecting: "connecting…", live: "live", reconnecting: "reconnecting…" };

/** "served from data · live", "served from data · read-only · live". */
export function servedStatusText(served: ServedStatus): string {
  return ["served from " + served.folder, ...(served.mode === "read-only" ? ["read-only"] : []), LINK_WORDS[served.link]].join(" · ");
}

function mount(context: PanelContext): MountedPanel {
  const element = el("p", { class: "served-status", attrs: { role: "status", id: "served-status" } });
  element.hidden = true;
  context.region("header").append(element);
  const inputs = new Inputs();
  // The element's data-* are for tests and styles: the mode and the link.
  const show = (served: ServedStatus | undefined): void => {
    element.hidden = served === undefined;
    if (served === undefined) return;
    element.textContent = servedStatusText(served);
    element.title =
      served.mode === "edit"
        ? "atlas serve serves this dataset folder: changes saved on disk show here at once"
        : "atlas serve serves this dataset folder read-only: changes on disk show here at once; nothing can be saved";
    element.dataset.mode = served.mode;
    element.dataset.link = served.link;
  };
  return {
    update: (state) => {
      if (inputs.changed(state.dataset.served)) show(state.dataset.served);
    },
    destroy: () => {},
  };
}

export const servedPanel: Panel = { id: "served", mount };

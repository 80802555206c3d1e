/**
 * "Save layout" in the toolbar: the positions as drawn now, every entity of the dataset, downloaded as
 * NAME.json in the saved-layout format (src/model/layout.ts; NAME is the layout the explorer opened with, else
 * "default"), for the dataset folder's layouts/; the explorer, `atlas export --format svg` and a published site
 * then open with them instead of running ForceAtlas2. (Saving straight into the folder is `atlas serve`'s.)
 */
import { DEFAULT_LAYOUT_NAME, LAYOUTS_FOLDER, layoutText } from "../../model/layout.ts";
import { download } from "../files/export-files.ts";
import { el } from "../ui/dom.ts";
import type { MountedPanel, Panel, PanelContext } from "./panel.ts";
import "./save-layout.css";

/** How long the saved note stays beside the button. */
const NOTE_MS = 12_000;

function mount({ graph, store, region }: PanelContext): MountedPanel {
  const button = el("button", {
    class: "button",
    text: "Save layout",
    attrs: { type: "button", id: "save-layout", title: `Download the positions as drawn, for the dataset's ${LAYOUTS_FOLDER}/ folder` },
  });
  const note = el("span", { class: "layout-saved", attrs: { role: "status", "aria-live": "polite", id: "layout-saved" } });
  region("toolbar").append(button);
  // The note goes over the graph, not into the toolbar, which it would make wrap.
  region("pane").append(note);
  let timer: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener("click", () => {
    const name = store.get().layout.saved ?? DEFAULT_LAYOUT_NAME;
    const positions = graph.mapNodes((id, attributes) => [id, { x: attributes.x, y: attributes.y }] as const);
    download(new Blob([layoutText(name, positions)], { type: "application/json" }), `${name}.json`);
    note.textContent = `Saved ${name}.json: put it in the dataset's ${LAYOUTS_FOLDER}/ folder to open with these positions.`;
    clearTimeout(timer);
    timer = setTimeout(() => {
      note.textContent = "";
    }, NOTE_MS);
  });
  return {
    update: () => {},
    destroy: () => clearTimeout(timer),
  };
}

export const saveLayoutPanel: Panel = { id: "save-layout", mount };

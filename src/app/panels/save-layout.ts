/**
 * "Save layout" in the toolbar: the positions as drawn now, every entity of the dataset, as NAME.json in the
 * saved-layout format (src/model/layout.ts; NAME is the layout the explorer opened with, else "default"). Served
 * writable by `atlas serve`, it is written into the folder's layouts/ (POST /api/save, checked on its base like
 * any save); otherwise it is downloaded, to put there by hand. The explorer, `atlas export --format svg` and a
 * published site then open with these positions instead of running ForceAtlas2.
 */
import { DEFAULT_LAYOUT_NAME, LAYOUTS_FOLDER, layoutText } from "../../model/layout.ts";
import { download } from "../files/export-files.ts";
import { saveChanges, servedMode, type SaveOutcome } from "../files/served.ts";
import { el } from "../ui/dom.ts";
import type { MountedPanel, Panel, PanelContext } from "./panel.ts";
import "./save-layout.css";

/** How long the saved note stays beside the button. */
const NOTE_MS = 12_000;

/** What the note says after a save into the folder. */
export function savedLayoutNote(path: string, outcome: SaveOutcome): string {
  switch (outcome.status) {
    case "saved":
      return `Saved ${path} in the dataset folder: the dataset opens with these positions.`;
    case "conflict":
      return `Not saved: ${path} changed on disk since the page read it. The page shows it once it reloads; save again then.`;
    case "invalid":
      return `Not saved: ${outcome.issues.find((issue) => issue.severity === "error")?.message ?? "the server found the layout invalid"}.`;
    case "refused":
      return `Not saved: ${outcome.message}.`;
  }
}

function mount({ graph, store, region }: PanelContext): MountedPanel {
  const served = servedMode();
  const writable = served?.mode === "edit";
  const button = el("button", {
    class: "button",
    text: "Save layout",
    attrs: {
      type: "button",
      id: "save-layout",
      title: writable
        ? `Save the positions as drawn into the dataset folder's ${LAYOUTS_FOLDER}/`
        : `Download the positions as drawn, for the dataset's ${LAYOUTS_FOLDER}/ folder`,
    },
  });
  const note = el("span", { class: "layout-saved", attrs: { role: "status", "aria-live": "polite", id: "layout-saved" } });
  region("toolbar").append(button);
  // The note goes over the graph, not into the toolbar, which it would make wrap.
  region("pane").append(note);
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The sha256 of each layout this page saved, until the reloaded bundle brings it (a second save builds on the first). */
  const savedBases = new Map<string, string>();

  const tell = (text: string): void => {
    note.textContent = text;
    clearTimeout(timer);
    timer = setTimeout(() => {
      note.textContent = "";
    }, NOTE_MS);
  };

  button.addEventListener("click", () => {
    const name = store.get().layout.saved ?? DEFAULT_LAYOUT_NAME;
    const positions = graph.mapNodes((id, attributes) => [id, { x: attributes.x, y: attributes.y }] as const);
    const text = layoutText(name, positions);
    if (!writable) {
      download(new Blob([text], { type: "application/json" }), `${name}.json`);
      tell(`Saved ${name}.json: put it in the dataset's ${LAYOUTS_FOLDER}/ folder to open with these positions.`);
      return;
    }
    const path = `${LAYOUTS_FOLDER}/${name}.json`;
    const base = savedBases.get(path) ?? store.get().dataset.bundle?.files.find((file) => file.path === path)?.sha256 ?? null;
    button.disabled = true;
    tell(`Saving ${path}…`);
    void saveChanges(served, [{ path, baseSha256: base, text }]).then((outcome) => {
      button.disabled = false;
      if (outcome.status === "saved") for (const file of outcome.files) savedBases.set(file.path, file.sha256);
      tell(savedLayoutNote(path, outcome));
    });
  });
  return {
    update: () => {},
    destroy: () => clearTimeout(timer),
  };
}

export const saveLayoutPanel: Panel = { id: "save-layout", mount };

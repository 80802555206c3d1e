/**
 * The "Open file" button in the toolbar (files/open-file.ts reads the file and reports on it), and beside it
 * the blank spreadsheet template to fill in and open (files/template.ts).
 */
import { downloadTemplate } from "../files/template.ts";
import { el } from "../ui/dom.ts";
import type { MountedPanel, Panel, PanelContext } from "./panel.ts";

function templateButton(onProblem: (message: string) => void): HTMLButtonElement {
  const button = el("button", {
    class: "button",
    text: "Template",
    attrs: { type: "button", title: "Download a blank spreadsheet (XLSX) with an example row per sheet, to fill in and open here" },
  });
  button.addEventListener("click", () => {
    button.disabled = true;
    downloadTemplate()
      .catch((error: unknown) => onProblem(`the template could not be made: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        button.disabled = false;
      });
  });
  return button;
}

function mount({ opener, region }: PanelContext): MountedPanel {
  if (opener)
    region("toolbar").append(
      opener.button(),
      templateButton((message) => opener.showProblem("The spreadsheet template", message)),
    );
  return { update: () => {}, destroy: () => {} };
}

export const openFilePanel: Panel = { id: "open-file", mount };

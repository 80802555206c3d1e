/** The "Open file" button in the toolbar (files/open-file.ts reads the file and reports on it). */
import type { MountedPanel, Panel, PanelContext } from "./panel.ts";

function mount({ opener, region }: PanelContext): MountedPanel {
  if (opener) region("toolbar").append(opener.button());
  return { update: () => {}, destroy: () => {} };
}

export const openFilePanel: Panel = { id: "open-file", mount };

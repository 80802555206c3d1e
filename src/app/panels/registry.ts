/**
 * Every panel of the explorer, in order. Adding a panel: one module in this folder (a Panel, see
 * panel.ts) and one entry here. The order is the order of the panels' elements within each region
 * (header, toolbar, graph pane, drawer, side panel), and the order in which they are offered Escape:
 * the list of keys is closed first, then the leverage chain cleared, then a box selection, then the
 * selection.
 */
import { boxSelectPanel } from "./box-select.ts";
import { detailsPanel } from "./details.ts";
import { exportPanel } from "./export.ts";
import { focusPanel } from "./focus.ts";
import { graphControlsPanel } from "./graph-controls.ts";
import { graphKeyboardPanel } from "./graph-keyboard.ts";
import { headerPanel } from "./header.ts";
import { keyPanel } from "./key.ts";
import { labelsPanel } from "./labels.ts";
import { legendPanel } from "./legend.ts";
import { leveragePanel } from "./leverage.ts";
import { noticesPanel } from "./notices.ts";
import { openFilePanel } from "./open-file.ts";
import type { Panel } from "./panel.ts";
import { relationTooltipPanel } from "./relation-tooltip.ts";
import { saveLayoutPanel } from "./save-layout.ts";
import { selectionPanel } from "./selection.ts";
import { servedPanel } from "./served.ts";
import { tablePanel } from "./table.ts";
import { timePanel } from "./time.ts";
import { emptyViewPanel } from "./empty-view.ts";
import { editorPanel } from "./editor.ts";
import { pendingPanel } from "./pending.ts";
import { embedPanel } from "./embed.ts";

export const PANELS: readonly Panel[] = [
  // The page header.
  headerPanel,
  servedPanel,
  embedPanel,
  // Over and under the graph.
  graphControlsPanel,
  saveLayoutPanel,
  labelsPanel,
  // The graph's keys and their list in the toolbar (first to take Escape while the list is open).
  graphKeyboardPanel,
  noticesPanel,
  emptyViewPanel,
  relationTooltipPanel,
  keyPanel,
  timePanel,
  // Under the graph (its toggle in the toolbar).
  tablePanel,
  // The side panel (box select puts its toggle in the toolbar).
  detailsPanel,
  leveragePanel,
  legendPanel,
  focusPanel,
  boxSelectPanel,
  selectionPanel,
  exportPanel,
  // Editing (only where the dataset can be edited): the editor card over the graph (after the selection, whose
  // actions it adds to), the workbench bar in the header and the Unsaved edits at the top of the side panel.
  editorPanel,
  pendingPanel,
  // Last in the toolbar.
  openFilePanel,
];

/**
 * The panels an embedded view (`?embed=1`) mounts: the graph's controls and keys (the keyboard's way round the
 * graph), its key (the compact legend), details on click, the search and the link to the full view. Every other panel,
 * and any panel added later unless it is listed here, is the full explorer's only: nothing in an embed edits,
 * opens files or exports.
 */
export const EMBED_PANEL_IDS: ReadonlySet<string> = new Set([
  "header",
  "embed",
  "graph-controls",
  "graph-keyboard",
  "notices",
  "empty-view",
  "relation-tooltip",
  "key",
  "details",
]);

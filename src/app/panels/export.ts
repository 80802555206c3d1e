/**
 * The export controls under the selection (ui/export-bar.ts): GEXF, JSON and PNG of the selection,
 * or of the current view when nothing is selected (model/export-scope.ts decides which), written by
 * files/export-files.ts and downloaded.
 */
import { exportFileName, type ExportFormat } from "../../formats/file-name.ts";
import { download, gexfFile, jsonFile, pngFile, type ExportedFile } from "../files/export-files.ts";
import { describeScope, emptyScopeProblem, exportNameParts, exportScope, exportSubgraph } from "../model/export-scope.ts";
import { plural } from "../model/format.ts";
import type { ViewResult } from "../model/view.ts";
import type { ViewState } from "../state/state.ts";
import { ExportBar } from "../ui/export-bar.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./export.css";

function mount({ graph, renderer, store, region }: PanelContext): MountedPanel {
  let state: ViewState = store.get().view;
  let view: ViewResult | null = null;
  let selection: ReadonlySet<string> = store.get().selection;

  const bar = new ExportBar((format) => void runExport(format));
  region("selection-actions").append(bar.element);

  async function runExport(format: ExportFormat): Promise<void> {
    if (!view) return;
    const scope = exportScope(graph, state, view, selection);
    const problem = emptyScopeProblem(scope);
    if (problem) {
      bar.showError(problem);
      return;
    }
    const dynamic = format === "gexf" && bar.dynamic.checked;
    const name = exportFileName(exportNameParts(graph, scope, dynamic), format);
    bar.setBusy(true);
    bar.showDone(`Exporting ${format.toUpperCase()}…`);
    // Let the status paint before the (synchronous) writers run.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    try {
      let file: ExportedFile;
      if (format === "png") file = await pngFile(renderer, scope.kind === "selection" ? scope : null);
      else {
        const subgraph = exportSubgraph(graph, scope);
        file = format === "gexf" ? gexfFile(subgraph, graph, dynamic) : jsonFile(subgraph);
      }
      download(file.blob, name);
      const counts = `${plural(scope.nodes.size, "entity", "entities")}, ${plural(scope.edges.size, "relation")}`;
      const notes = [...file.notes];
      if (scope.hiddenSelected > 0)
        notes.push(
          `${plural(scope.hiddenSelected, "selected entity", "selected entities")} hidden by the current view ${scope.hiddenSelected === 1 ? "was" : "were"} left out.`,
        );
      bar.showDone(format === "png" ? `Exported an image of ${counts} as ${name}` : `Exported ${counts} as ${name}`, notes);
    } catch (error) {
      bar.showError(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      bar.setBusy(false);
    }
  }

  const selected = new Inputs();
  selected.changed(selection);
  const described = new Inputs();
  return {
    element: bar.element,
    update: (next, derived) => {
      // A new selection is a new export: the last one's status goes.
      if (selected.changed(next.selection)) bar.clearStatus();
      state = next.view;
      view = derived.view;
      selection = next.selection;
      if (described.changed(state, view, selection)) bar.setScope(`Exports ${describeScope(exportScope(graph, state, view, selection))}.`);
    },
    destroy: () => {},
  };
}

export const exportPanel: Panel = { id: "export", mount };

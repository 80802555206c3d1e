/**
 * Selection and export tools plugged into an Explorer through its extension points: the selected
 * entities as chips, box selection, Escape to clear, the export bar (GEXF, JSON, PNG of the selection
 * or of the current view), and the "Open file" button in the toolbar.
 */
import { exportFileName, type ExportFormat } from "../formats/file-name.ts";
import type { Explorer } from "./explorer.ts";
import { download, gexfFile, jsonFile, pngFile, type ExportedFile } from "./files/export-files.ts";
import { describeScope, emptyScopeProblem, exportNameParts, exportScope, exportSubgraph } from "./model/export-scope.ts";
import { plural } from "./model/format.ts";
import type { ViewResult } from "./model/view.ts";
import type { ViewState } from "./state/address.ts";
import { BoxSelect } from "./ui/box-select.ts";
import { ExportBar } from "./ui/export-bar.ts";
import { SelectionList } from "./ui/selection-list.ts";

export interface IoOptions {
  /** The "Open file" button, placed in the graph toolbar. */
  openButton?: HTMLElement;
}

/** Wires the tools into the explorer; returns a function that removes the page-level listeners. */
export function attachIo(explorer: Explorer, options: IoOptions = {}): () => void {
  const { graph } = explorer;
  let state: ViewState = explorer.getState();
  let view: ViewResult | null = null;

  const list = new SelectionList({
    onOpen: (id) => explorer.choose(id),
    onRemove: (id) => explorer.setSelection([...explorer.selection].filter((other) => other !== id)),
  });
  const bar = new ExportBar((format) => void runExport(format));
  explorer.slots.selectionActions.append(list.element, bar.element);

  const box = new BoxSelect(explorer.renderer, explorer.renderer.getContainer(), (ids) => {
    if (ids.length > 0) explorer.setSelection([...explorer.selection, ...ids]);
  });
  explorer.slots.toolbar.append(box.toggle);
  if (options.openButton) explorer.slots.toolbar.append(options.openButton);

  const refresh = (): void => {
    list.show(
      [...explorer.selection].map((id) => {
        const attributes = graph.getNodeAttributes(id);
        return { id, label: attributes.label, kind: attributes.kind, hidden: view !== null && !view.nodes.has(id) };
      }),
    );
    if (view) bar.setScope(`Exports ${describeScope(exportScope(graph, state, view, explorer.selection))}.`);
  };
  explorer.onSelectionChange(() => {
    bar.clearStatus();
    refresh();
  });
  explorer.onViewChange((next, nextView) => {
    state = next;
    view = nextView;
    refresh();
  });

  async function runExport(format: ExportFormat): Promise<void> {
    if (!view) return;
    const scope = exportScope(graph, state, view, explorer.selection);
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
      if (format === "png") file = await pngFile(explorer.renderer, scope.kind === "selection" ? scope : null);
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

  // Escape: stop a box drag, else leave box mode, else clear the selection (inputs and panels that
  // use Escape themselves come first: they call preventDefault).
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    const target = event.target;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
    if (target instanceof HTMLInputElement && !["checkbox", "radio", "range", "button"].includes(target.type)) return;
    if (box.cancel()) event.preventDefault();
    else if (box.isActive) {
      box.setActive(false);
      event.preventDefault();
    } else if (explorer.selection.size > 0) {
      explorer.setSelection([]);
      event.preventDefault();
    }
  };
  document.addEventListener("keydown", onKeyDown);
  refresh();
  return () => document.removeEventListener("keydown", onKeyDown);
}

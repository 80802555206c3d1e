/**
 * The export controls under the selection (ui/export-bar.ts): every format the browser writes, of the selection,
 * or of the current view when nothing is selected (model/export-scope.ts decides which), written by
 * files/export-files.ts and downloaded.
 */
import { exportFileName } from "../../formats/file-name.ts";
import type { WriteInput } from "../../formats/format.ts";
import { findFormat, writableFormats } from "../../formats/registry.ts";
import { download, drawnCanvas, exportFile } from "../files/export-files.ts";
import { slidePicture } from "../files/slide.ts";
import { LABEL_FONT_PX } from "../model/labels.ts";
import { slideLegend, slideText } from "../model/slide.ts";
import { exportButtons } from "../model/export-buttons.ts";
import { describeScope, emptyScopeProblem, exportNameParts, exportScope, exportSubgraph } from "../model/export-scope.ts";
import { plural } from "../model/format.ts";
import type { ViewResult } from "../model/view.ts";
import type { LabelPreference, ViewState } from "../state/state.ts";
import type { AtlasRenderer } from "../render/renderer.ts";
import { ExportBar } from "../ui/export-bar.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./export.css";

/** The labels sigma draws now, each on its side, at the preference's size. */
function drawnLabels(renderer: AtlasRenderer, preference: LabelPreference): WriteInput["labels"] {
  const shown = renderer.getNodeDisplayedLabels();
  return { fontSize: LABEL_FONT_PX[preference.size], side: (id) => (shown.has(id) ? renderer.getNodeState(id).labelSide : undefined) };
}

function mount({ graph, renderer, store, region }: PanelContext): MountedPanel {
  let state: ViewState = store.get().view;
  let view: ViewResult | null = null;
  let selection: ReadonlySet<string> = store.get().selection;
  let labels: LabelPreference = store.get().labels;

  const formats = writableFormats("browser");
  const bar = new ExportBar(exportButtons(formats), (format) => void runExport(format));
  region("selection-actions").append(bar.element);

  async function runExport(formatId: string): Promise<void> {
    const format = findFormat(formatId, formats);
    if (!view || !format) return;
    const scope = exportScope(graph, state, view, selection);
    const problem = emptyScopeProblem(scope);
    if (problem) {
      bar.showError(problem);
      return;
    }
    const options = bar.optionValues(format.id);
    const name = exportFileName(exportNameParts(graph, scope), format, options);
    bar.setBusy(true);
    bar.showDone(`Exporting ${format.name}…`);
    // Let the status paint before the (synchronous) writers run.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    try {
      const only = scope.kind === "selection" ? scope : null;
      const file = await exportFile(format, {
        graph: exportSubgraph(graph, scope),
        options,
        // The explorer's current positions (the layout writes them into the graph it draws).
        positions: (id) => (graph.hasNode(id) ? { x: graph.getNodeAttribute(id, "x"), y: graph.getNodeAttribute(id, "y") } : undefined),
        // How big each entity is drawn and the month shown, for pictures drawn again (SVG).
        sizes: (id) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "size") : undefined),
        ...(state.at === null ? {} : { asOf: state.at }),
        // The labels drawn now and sigma's spread of parallel relations, so a redrawn picture (SVG) shows the same.
        labels: drawnLabels(renderer, labels),
        parallels: (id) => {
          if (!graph.hasEdge(id)) return undefined;
          const { parallelIndex, parallelCount } = renderer.getEdgeState(id);
          return { index: parallelIndex, count: parallelCount };
        },
        drawing: {
          capture: (slide) => {
            if (!slide) return drawnCanvas(renderer, only);
            const forced = new Set([
              ...(state.focus === null ? [] : [state.focus]),
              ...selection,
              ...(view?.path?.found ? view.path.nodes : []),
            ]);
            const counts = { entities: scope.nodes.size, relations: scope.edges.size, selection: scope.kind === "selection" };
            return slidePicture(
              {
                graph,
                scope,
                text: slideText(graph, state, counts, new Date().toISOString().slice(0, 10)),
                legend: slideLegend(graph, scope),
                labels,
                forced,
              },
              slide,
            );
          },
        },
      });
      download(file.blob, name);
      const counts = `${plural(scope.nodes.size, "entity", "entities")}, ${plural(scope.edges.size, "relation")}`;
      const notes = [...file.notes];
      if (scope.hiddenSelected > 0)
        notes.push(
          `${plural(scope.hiddenSelected, "selected entity", "selected entities")} hidden by the current view ${scope.hiddenSelected === 1 ? "was" : "were"} left out.`,
        );
      bar.showDone(
        format.writer.writes === "picture" ? `Exported an image of ${counts} as ${name}` : `Exported ${counts} as ${name}`,
        notes,
      );
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
      labels = next.labels;
      if (described.changed(state, view, selection)) bar.setScope(`Exports ${describeScope(exportScope(graph, state, view, selection))}.`);
    },
    destroy: () => {},
  };
}

export const exportPanel: Panel = { id: "export", mount };

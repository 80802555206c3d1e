/**
 * The label controls in the toolbar: how many labels the graph shows (few, some, many or all that fit;
 * "all" draws every one) and how big. A preference of this browser: kept in localStorage, not in the
 * address (render/labels.ts draws them).
 */
import { LABEL_DENSITIES, LABEL_DENSITY_NAMES, LABEL_SIZES, LABEL_SIZE_NAMES, type LabelDensity, type LabelSize } from "../model/labels.ts";
import { setLabels } from "../state/actions.ts";
import type { LabelPreference } from "../state/state.ts";
import { el } from "../ui/dom.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./labels.css";

const STORAGE_KEY = "atlas.labels";

/** The preference this browser kept, or the default ("some", "medium") when there is none or it is unreadable. */
export function storedLabelPreference(): LabelPreference {
  const fallback: LabelPreference = { density: "some", size: "medium" };
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null");
    if (typeof stored !== "object" || stored === null) return fallback;
    const { density, size } = stored as Record<string, unknown>;
    return {
      density: (LABEL_DENSITIES as readonly unknown[]).includes(density) ? (density as LabelDensity) : fallback.density,
      size: (LABEL_SIZES as readonly unknown[]).includes(size) ? (size as LabelSize) : fallback.size,
    };
  } catch {
    return fallback;
  }
}

function keep(preference: LabelPreference): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(preference));
  } catch {
    // Storage may be refused (private windows): the preference then lasts for this page only.
  }
}

function mount({ store, region }: PanelContext): MountedPanel {
  const density = el(
    "select",
    { class: "select toolbar-select", attrs: { id: "label-density", title: "How many entities are labelled" } },
    ...LABEL_DENSITIES.map((value) => el("option", { text: LABEL_DENSITY_NAMES[value], attrs: { value } })),
  );
  const size = el(
    "select",
    { class: "select toolbar-select", attrs: { id: "label-size", title: "Label size" } },
    ...LABEL_SIZES.map((value) => el("option", { text: LABEL_SIZE_NAMES[value], attrs: { value } })),
  );
  density.addEventListener("change", () => store.dispatch(setLabels, { density: density.value as LabelDensity }));
  size.addEventListener("change", () => store.dispatch(setLabels, { size: size.value as LabelSize }));
  const element = el(
    "div",
    { class: "toolbar-group", attrs: { role: "group", "aria-label": "Labels" } },
    el("label", { class: "toolbar-label", text: "Labels", attrs: { for: "label-density" } }),
    density,
    el("label", { class: "toolbar-label", text: "Label size", attrs: { for: "label-size" } }),
    size,
  );
  region("toolbar").append(element);
  const inputs = new Inputs();
  let first = true;
  return {
    element,
    update: (state) => {
      if (!inputs.changed(state.labels)) return;
      density.value = state.labels.density;
      size.value = state.labels.size;
      if (!first) keep(state.labels);
      first = false;
    },
    destroy: () => {},
  };
}

export const labelsPanel: Panel = { id: "labels", mount };

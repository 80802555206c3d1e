/** The legend: one labelled checkbox per relation family and entity kind, with colour, shape and counts. */
import {
  ENTITY_KINDS,
  RELATION_FAMILIES,
  RELATION_FAMILY_INFO,
  ENTITY_KIND_INFO,
  type EntityKind,
  type RelationFamily,
} from "../../model/ontology.ts";
import { FAMILY_COLORS, KIND_COLORS, KIND_SHAPES } from "../model/palette.ts";
import { entityKindLabel, familyLabel } from "../model/format.ts";
import { legendCounts, type LegendCounts } from "../model/legend.ts";
import { setFilters } from "../state/actions.ts";
import { el, swatch } from "../ui/dom.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./legend.css";

export interface LegendSelection {
  families: RelationFamily[];
  kinds: EntityKind[];
}

export class Legend {
  readonly element: HTMLElement;
  private readonly familyBoxes = new Map<RelationFamily, { input: HTMLInputElement; count: HTMLElement }>();
  private readonly kindBoxes = new Map<EntityKind, { input: HTMLInputElement; count: HTMLElement; row: HTMLElement }>();

  constructor(onChange: (selection: LegendSelection) => void) {
    const emit = (): void => onChange(this.selection());
    const familyRows = RELATION_FAMILIES.map((family) => {
      const input = el("input", { attrs: { type: "checkbox", checked: true, "data-family": family } });
      const count = el("span", { class: "legend-count" });
      input.addEventListener("change", emit);
      this.familyBoxes.set(family, { input, count });
      return el(
        "label",
        { class: "legend-row", attrs: { title: RELATION_FAMILY_INFO[family].description } },
        input,
        el("span", { class: `edge-swatch edge-swatch-${family}`, attrs: { "aria-hidden": "true" } }),
        el("span", { class: "legend-name", text: familyLabel(family) }),
        count,
      );
    });
    for (const family of RELATION_FAMILIES) {
      this.familyBoxes
        .get(family)
        ?.input.parentElement?.querySelector<HTMLElement>(".edge-swatch")
        ?.style.setProperty("--swatch-color", FAMILY_COLORS[family]);
    }
    const kindRows = ENTITY_KINDS.map((kind) => {
      const input = el("input", { attrs: { type: "checkbox", checked: true, "data-kind": kind } });
      const count = el("span", { class: "legend-count" });
      input.addEventListener("change", emit);
      const row = el(
        "label",
        { class: "legend-row", attrs: { title: ENTITY_KIND_INFO[kind].description } },
        input,
        swatch(KIND_COLORS[kind], KIND_SHAPES[kind]),
        el("span", { class: "legend-name", text: entityKindLabel(kind) }),
        count,
      );
      this.kindBoxes.set(kind, { input, count, row });
      return row;
    });
    const allKinds = el("button", { class: "link-button", text: "all", attrs: { type: "button", "aria-label": "Show all entity kinds" } });
    allKinds.addEventListener("click", () => {
      for (const { input } of this.kindBoxes.values()) input.checked = true;
      emit();
    });
    this.element = el(
      "section",
      { class: "panel-section legend", attrs: { "aria-labelledby": "legend-heading" } },
      el("h2", { class: "section-heading", text: "Legend", attrs: { id: "legend-heading" } }),
      el("fieldset", { class: "legend-group" }, el("legend", { text: "Relations" }), ...familyRows),
      el("fieldset", { class: "legend-group legend-kinds" }, el("legend", {}, "Entities ", allKinds), ...kindRows),
    );
  }

  selection(): LegendSelection {
    return {
      families: RELATION_FAMILIES.filter((family) => this.familyBoxes.get(family)?.input.checked),
      kinds: ENTITY_KINDS.filter((kind) => this.kindBoxes.get(kind)?.input.checked),
    };
  }

  set(selection: LegendSelection): void {
    for (const [family, { input }] of this.familyBoxes) input.checked = selection.families.includes(family);
    for (const [kind, { input }] of this.kindBoxes) input.checked = selection.kinds.includes(kind);
  }

  /** Shows "shown of total" counts; kinds absent from the dataset are dimmed. */
  setCounts(total: LegendCounts, shown: LegendCounts): void {
    const text = (shownCount: number, totalCount: number): string =>
      shownCount === totalCount
        ? totalCount.toLocaleString("en")
        : `${shownCount.toLocaleString("en")} of ${totalCount.toLocaleString("en")}`;
    for (const [family, { count }] of this.familyBoxes) count.textContent = text(shown.families[family], total.families[family]);
    for (const [kind, { count, row }] of this.kindBoxes) {
      count.textContent = text(shown.kinds[kind], total.kinds[kind]);
      row.classList.toggle("legend-empty", total.kinds[kind] === 0);
    }
  }
}

function mount({ graph, store, region }: PanelContext): MountedPanel {
  const legend = new Legend((selection) => store.dispatch(setFilters, selection));
  region("side").append(legend.element);
  const totals = legendCounts(graph);
  const filters = new Inputs();
  const counts = new Inputs();
  return {
    element: legend.element,
    update: (state, derived) => {
      if (filters.changed(state.view.families, state.view.kinds)) legend.set(state.view);
      if (counts.changed(derived.shown)) legend.setCounts(totals, derived.shown);
    },
    destroy: () => {},
  };
}

export const legendPanel: Panel = { id: "legend", mount };

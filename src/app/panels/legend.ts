/**
 * The legend and filters: one labelled checkbox per relation family, entity kind, confidence and
 * country, with colour, shape and "shown of total" counts, an "only" button on each row and "all" on
 * each group; and whether entities left without a shown relation stay.
 */
import {
  CONFIDENCES,
  CONFIDENCE_INFO,
  ENTITY_KINDS,
  ENTITY_KIND_INFO,
  RELATION_FAMILIES,
  RELATION_FAMILY_INFO,
  type Confidence,
  type EntityKind,
  type RelationFamily,
} from "../../model/ontology.ts";
import { FAMILY_COLORS, KIND_COLORS, KIND_SHAPES } from "../model/palette.ts";
import { countryName, entityKindLabel, familyLabel } from "../model/format.ts";
import { legendCounts, type LegendCounts } from "../model/legend.ts";
import { setFilters, type Filters } from "../state/actions.ts";
import type { ViewState } from "../state/state.ts";
import { el, swatch } from "../ui/dom.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./legend.css";

/** "12" when all are shown, "3 of 12" otherwise. */
function countText(shown: number, total: number): string {
  return shown === total ? total.toLocaleString("en") : `${shown.toLocaleString("en")} of ${total.toLocaleString("en")}`;
}

interface GroupSpec<T extends string> {
  /** The group's name ("Relations"), and what its "all" button names ("relation families"). */
  heading: string;
  nouns: string;
  values: readonly T[];
  name: (value: T) => string;
  title?: (value: T) => string;
  visual?: (value: T) => HTMLElement;
  /** The row's data attribute, for tests and styles: data-family="pressure". */
  data: string;
  onChange: (selected: T[]) => void;
}

/** A fieldset of checkboxes with counts, "only" on each row and "all" on the group. */
class FilterGroup<T extends string> {
  readonly element: HTMLElement;
  private readonly rows = new Map<T, { input: HTMLInputElement; count: HTMLElement; row: HTMLElement }>();

  constructor(
    private readonly spec: GroupSpec<T>,
    className = "",
  ) {
    const emit = (): void => spec.onChange(this.selected());
    const rows = spec.values.map((value) => {
      const input = el("input", { attrs: { type: "checkbox", checked: true, [`data-${spec.data}`]: value } });
      input.addEventListener("change", emit);
      const count = el("span", { class: "legend-count" });
      const only = el("button", {
        class: "link-button legend-only",
        text: "only",
        attrs: { type: "button", "aria-label": `Show only ${spec.name(value)}` },
      });
      only.addEventListener("click", () => spec.onChange([value]));
      const label = el(
        "label",
        { class: "legend-label", attrs: spec.title ? { title: spec.title(value) } : {} },
        input,
        spec.visual?.(value),
        el("span", { class: "legend-name", text: spec.name(value) }),
        count,
      );
      const row = el("div", { class: "legend-row" }, label, only);
      this.rows.set(value, { input, count, row });
      return row;
    });
    const all = el("button", {
      class: "link-button",
      text: "all",
      attrs: { type: "button", "aria-label": `Show all ${spec.nouns}` },
    });
    all.addEventListener("click", () => spec.onChange([...spec.values]));
    this.element = el("fieldset", { class: `legend-group ${className}` }, el("legend", {}, `${spec.heading} `, all), ...rows);
  }

  selected(): T[] {
    return this.spec.values.filter((value) => this.rows.get(value)?.input.checked);
  }

  set(selected: readonly T[] | null): void {
    for (const [value, { input }] of this.rows) input.checked = selected === null || selected.includes(value);
  }

  setCounts(shown: (value: T) => number, total: (value: T) => number): void {
    for (const [value, { count, row }] of this.rows) {
      count.textContent = countText(shown(value), total(value));
      row.classList.toggle("legend-empty", total(value) === 0);
    }
  }
}

export class Legend {
  readonly element: HTMLElement;
  private readonly families: FilterGroup<RelationFamily>;
  private readonly kinds: FilterGroup<EntityKind>;
  private readonly confidences: FilterGroup<Confidence>;
  private readonly countries: FilterGroup<string>;
  private readonly countriesSummary: HTMLElement;
  private readonly isolated: HTMLInputElement;

  constructor(
    /** The dataset's countries, most entities first. */
    private readonly countryCodes: readonly string[],
    onChange: (filters: Partial<Filters>) => void,
  ) {
    this.families = new FilterGroup({
      heading: "Relations",
      nouns: "relation families",
      values: RELATION_FAMILIES,
      name: familyLabel,
      title: (family) => RELATION_FAMILY_INFO[family].description,
      visual: (family) => {
        const line = el("span", { class: "edge-swatch", attrs: { "aria-hidden": "true" } });
        line.style.setProperty("--swatch-color", FAMILY_COLORS[family]);
        return line;
      },
      data: "family",
      onChange: (families) => onChange({ families }),
    });
    this.kinds = new FilterGroup(
      {
        heading: "Entities",
        nouns: "entity kinds",
        values: ENTITY_KINDS,
        name: entityKindLabel,
        title: (kind) => ENTITY_KIND_INFO[kind].description,
        visual: (kind) => swatch(KIND_COLORS[kind], KIND_SHAPES[kind]),
        data: "kind",
        onChange: (kinds) => onChange({ kinds }),
      },
      "legend-kinds",
    );
    this.confidences = new FilterGroup({
      heading: "Confidence",
      nouns: "confidences",
      values: CONFIDENCES,
      name: (confidence) => confidence,
      title: (confidence) => CONFIDENCE_INFO[confidence],
      data: "confidence",
      onChange: (confidence) => onChange({ confidence }),
    });
    this.countries = new FilterGroup(
      {
        heading: "Countries",
        nouns: "countries",
        values: countryCodes,
        name: countryName,
        data: "country",
        onChange: (countries) => onChange({ countries: countries.length === countryCodes.length ? null : countries }),
      },
      "legend-countries-list",
    );
    this.countriesSummary = el("summary", { class: "legend-countries-summary" });
    this.isolated = el("input", { attrs: { type: "checkbox", id: "hide-isolated" } });
    this.isolated.addEventListener("change", () => onChange({ isolated: this.isolated.checked ? "hide" : "show" }));
    this.element = el(
      "section",
      { class: "panel-section legend", attrs: { "aria-labelledby": "legend-heading" } },
      el("h2", { class: "section-heading", text: "Legend and filters", attrs: { id: "legend-heading" } }),
      this.families.element,
      this.kinds.element,
      this.confidences.element,
      el("details", { class: "legend-countries" }, this.countriesSummary, this.countries.element),
      el(
        "label",
        { class: "legend-isolated", attrs: { for: "hide-isolated" } },
        this.isolated,
        " Hide entities without a shown relation",
      ),
    );
  }

  set(view: Pick<ViewState, "families" | "kinds" | "confidence" | "countries" | "isolated">): void {
    this.families.set(view.families);
    this.kinds.set(view.kinds);
    this.confidences.set(view.confidence);
    this.countries.set(view.countries);
    this.isolated.checked = view.isolated === "hide";
    const chosen = view.countries?.length ?? this.countryCodes.length;
    this.countriesSummary.textContent =
      view.countries === null
        ? `Countries: all ${this.countryCodes.length}`
        : `Countries: ${chosen} of ${this.countryCodes.length}${chosen > 0 && chosen <= 3 ? ` (${view.countries.map(countryName).join(", ")})` : ""}`;
  }

  /** Shows "shown of total" counts; values absent from the dataset are dimmed. */
  setCounts(total: LegendCounts, shown: LegendCounts): void {
    this.families.setCounts(
      (family) => shown.families[family],
      (family) => total.families[family],
    );
    this.kinds.setCounts(
      (kind) => shown.kinds[kind],
      (kind) => total.kinds[kind],
    );
    this.confidences.setCounts(
      (confidence) => shown.confidences[confidence],
      (confidence) => total.confidences[confidence],
    );
    this.countries.setCounts(
      (country) => shown.countries.get(country) ?? 0,
      (country) => total.countries.get(country) ?? 0,
    );
  }
}

function mount({ graph, store, region }: PanelContext): MountedPanel {
  const totals = legendCounts(graph);
  const countries = [...totals.countries].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b)).map(([code]) => code);
  const legend = new Legend(countries, (filters) => store.dispatch(setFilters, filters));
  region("side").append(legend.element);
  const filters = new Inputs();
  const counts = new Inputs();
  return {
    element: legend.element,
    update: (state, derived) => {
      const { view } = state;
      if (filters.changed(view.families, view.kinds, view.confidence, view.countries, view.isolated)) legend.set(view);
      if (counts.changed(derived.shown)) legend.setCounts(totals, derived.shown);
    },
    destroy: () => {},
  };
}

export const legendPanel: Panel = { id: "legend", mount };

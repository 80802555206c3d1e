/**
 * The Details region: an entity's kind and attributes, then its relations grouped by family and
 * direction, each with dates, confidence, claim and source links. Long groups show the first
 * entries and a button for the rest, so a hub with thousands of relations stays responsive.
 */
import { CONFIDENCE_INFO } from "../../model/ontology.ts";
import { KIND_COLORS, KIND_SHAPES, FAMILY_COLORS } from "../model/palette.ts";
import { entityKindLabel, familyLabel, formatPartialDate, formatPeriod, plural, relationKindLabel } from "../model/format.ts";
import { entityDetails, type EntityDetails, type RelationGroup, type RelationView, type SourceView } from "../model/details.ts";
import { focusEntity, setDepth, toggleSelected } from "../state/actions.ts";
import type { ExplorerState } from "../state/state.ts";
import { append, el, externalLink, swatch } from "../ui/dom.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./details.css";
import "./relations.css";

const FIRST_SHOWN = 30;

export interface DetailsActions {
  /** Open another entity's details. */
  onEntity: (id: string) => void;
  onClose: () => void;
  /** Extra buttons for the entity (neighbourhood, path, selection...). */
  actions?: (details: EntityDetails) => HTMLElement[];
  /** Opens a relation in the editor (only where the dataset can be edited). */
  onEditRelation?: (id: string) => void;
}

export class DetailsPanel {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;

  constructor(private readonly handlers: DetailsActions) {
    this.body = el("div", { class: "details-body" });
    this.element = el(
      "section",
      { class: "panel-section details", attrs: { role: "region", "aria-label": "Details", id: "details" } },
      this.body,
    );
    // Escape inside the panel closes it (keyboard users need no pointer to reach the close button).
    this.element.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && this.body.querySelector("#details-title")) {
        event.preventDefault();
        handlers.onClose();
      }
    });
    this.show(null);
  }

  show(details: EntityDetails | null): void {
    if (details === null) {
      this.body.replaceChildren(
        el("h2", { class: "section-heading", text: "Details" }),
        el("p", { class: "hint", text: "Search for an entity or click one in the graph to see its relations and their sources." }),
      );
      return;
    }
    const close = el("button", {
      class: "icon-button",
      text: "×",
      attrs: { type: "button", "aria-label": "Close details", title: "Close details" },
    });
    close.addEventListener("click", () => this.handlers.onClose());
    const heading = el("h2", { class: "details-title", attrs: { id: "details-title", tabindex: "-1" } }, details.label);
    const kind = el(
      "p",
      { class: "details-kind" },
      swatch(KIND_COLORS[details.kind], KIND_SHAPES[details.kind]),
      entityKindLabel(details.kind),
    );
    const facts = el("dl", { class: "facts" });
    const fact = (term: string, ...value: (Node | string)[]): void => {
      facts.append(el("dt", { text: term }), el("dd", {}, ...value));
    };
    if (details.aliases.length > 0) fact("Also known as", details.aliases.join(", "));
    if (details.country) fact("Country", `${details.country.name} (${details.country.code})`);
    if (details.url) fact("Website", externalLink(details.url, new URL(details.url).hostname));
    fact("Id", el("code", { text: details.id }));
    const actions = this.handlers.actions?.(details) ?? [];

    const total = details.groups.reduce((sum, group) => sum + group.relations.length, 0);
    const summary = el(
      "p",
      { class: "details-summary" },
      plural(total, "relation"),
      details.hiddenCount > 0 ? ` shown; ${plural(details.hiddenCount, "relation")} hidden by the current filters` : "",
    );
    this.body.replaceChildren();
    append(
      this.body,
      el("div", { class: "details-header" }, heading, close),
      kind,
      details.description ? el("p", { class: "details-description", text: details.description }) : null,
      facts,
      actions.length > 0 ? el("div", { class: "details-actions" }, ...actions) : null,
      summary,
      ...details.groups.map((group) => this.renderGroup(details, group)),
    );
  }

  /** Moves keyboard focus to the details heading (after a search choice). */
  focusHeading(): void {
    this.body.querySelector<HTMLElement>("#details-title")?.focus({ preventScroll: false });
  }

  private renderGroup(details: EntityDetails, group: RelationGroup): HTMLElement {
    const direction = group.direction === "out" ? `from ${details.label}` : `to ${details.label}`;
    const heading = el(
      "h3",
      { class: "group-heading" },
      el("span", { class: "edge-swatch", attrs: { "aria-hidden": "true" } }),
      `${familyLabel(group.family)} ${direction}`,
      el("span", { class: "group-count", text: ` (${group.relations.length})` }),
    );
    heading.querySelector<HTMLElement>(".edge-swatch")?.style.setProperty("--swatch-color", FAMILY_COLORS[group.family]);
    const list = el("ul", { class: "relations" });
    const renderItems = (relations: RelationView[]): void =>
      list.append(...relations.map((relation) => this.renderRelation(group, relation)));
    renderItems(group.relations.slice(0, FIRST_SHOWN));
    const section = el(
      "section",
      { class: `relation-group family-${group.family}`, attrs: { "data-family": group.family, "data-direction": group.direction } },
      heading,
      list,
    );
    if (group.relations.length > FIRST_SHOWN) {
      const more = el("button", {
        class: "button more",
        text: `Show ${group.relations.length - FIRST_SHOWN} more`,
        attrs: { type: "button" },
      });
      more.addEventListener("click", () => {
        renderItems(group.relations.slice(FIRST_SHOWN));
        more.remove();
      });
      section.append(more);
    }
    return section;
  }

  private renderRelation(group: RelationGroup, relation: RelationView): HTMLElement {
    const other = el("button", {
      class: "entity-link",
      text: relation.other.label,
      attrs: { type: "button", "data-entity": relation.other.id },
    });
    other.addEventListener("click", () => this.handlers.onEntity(relation.other.id));
    const line =
      group.direction === "out"
        ? el("p", { class: "relation-line" }, el("span", { class: "relation-kind", text: relationKindLabel(relation.kind) }), " → ", other)
        : el(
            "p",
            { class: "relation-line" },
            other,
            " ",
            el("span", { class: "relation-kind", text: relationKindLabel(relation.kind) }),
            " →",
          );
    const about = relation.about ? el("span", { class: "relation-about" }, " · about ", relation.about.label) : null;
    const meta = el(
      "p",
      { class: "relation-meta" },
      el("time", { text: formatPeriod(relation.start, relation.end) }),
      " · ",
      el("span", {
        class: `confidence confidence-${relation.confidence}`,
        text: relation.confidence,
        attrs: { title: CONFIDENCE_INFO[relation.confidence] },
      }),
      about,
    );
    const onEdit = this.handlers.onEditRelation;
    const edit = onEdit
      ? el("button", { class: "button relation-edit", text: "Edit", attrs: { type: "button", "aria-label": `Edit relation ${relation.id}` } })
      : null;
    edit?.addEventListener("click", () => onEdit?.(relation.id));
    return el(
      "li",
      { class: "relation", attrs: { "data-relation": relation.id } },
      edit,
      line,
      meta,
      el("p", { class: "relation-claim", text: relation.claim }),
      el("ul", { class: "sources", attrs: { "aria-label": "Sources" } }, ...relation.sources.map((source) => this.renderSource(source))),
    );
  }

  private renderSource(source: SourceView): HTMLElement {
    const title = source.url ? externalLink(source.url, source.title, "source-link") : el("span", { text: source.title });
    const details = [source.publisher, source.published ? formatPartialDate(source.published) : null, source.locator ?? null].filter(
      (part): part is string => part !== null,
    );
    return el(
      "li",
      { class: "source" },
      title,
      el("span", { class: "source-meta", text: ` — ${details.join(", ")}` }),
      source.archive ? el("span", {}, " (", externalLink(source.archive, "archived copy"), ")") : null,
    );
  }
}

/** The entity's actions: show its neighbourhood (or the whole graph again), start a path from it, select or deselect it. */
function entityActions(
  context: PanelContext,
  state: ExplorerState,
  details: EntityDetails,
): { buttons: HTMLElement[]; select: HTMLElement } {
  const { store } = context;
  const neighbourhood = el("button", {
    class: "button",
    text: state.view.depth === null ? "Show neighbourhood" : "Show whole graph",
    attrs: { type: "button" },
  });
  neighbourhood.addEventListener("click", () => store.dispatch(setDepth, store.get().view.depth === null ? 1 : null));
  const pathFrom = el("button", { class: "button", text: "Path from here…", attrs: { type: "button" } });
  pathFrom.addEventListener("click", () => context.request({ type: "path-from", id: details.id }));
  const select = el("button", { class: "button", text: selectLabel(state, details.id), attrs: { type: "button" } });
  select.addEventListener("click", () => store.dispatch(toggleSelected, details.id));
  // Embedded, the view offers no path or selection tools (their panels are the full explorer's).
  const buttons = state.view.embed ? [neighbourhood] : [neighbourhood, pathFrom, select];
  if (context.workbench && !state.view.embed) {
    const addRelation = el("button", { class: "button", text: "Add relation from here", attrs: { type: "button" } });
    addRelation.addEventListener("click", () => context.request({ type: "edit", collection: "relations", id: null, from: details.id }));
    const editEntity = el("button", { class: "button", text: "Edit entity", attrs: { type: "button" } });
    editEntity.addEventListener("click", () => context.request({ type: "edit", collection: "entities", id: details.id }));
    buttons.push(addRelation, editEntity);
  }
  return { buttons, select };
}

function selectLabel(state: ExplorerState, id: string): string {
  return state.selection.has(id) ? "Deselect" : "Select";
}

function mount(context: PanelContext): MountedPanel {
  const { graph, store, region } = context;
  let state = store.get();
  let select: { id: string; button: HTMLElement } | null = null;
  const panel = new DetailsPanel({
    onEntity: (id) => context.choose(id),
    onClose: () => store.dispatch(focusEntity, null),
    ...(context.workbench ? { onEditRelation: (id: string) => context.request({ type: "edit", collection: "relations", id }) } : {}),
    actions: (details) => {
      const actions = entityActions(context, state, details);
      select = { id: details.id, button: actions.select };
      return actions.buttons;
    },
  });
  region("side").append(panel.element);
  const content = new Inputs();
  const selection = new Inputs();
  return {
    element: panel.element,
    update: (next, derived) => {
      state = next;
      if (selection.changed(state.selection) && select) select.button.textContent = selectLabel(state, select.id);
      const { focus } = derived.sigma;
      if (content.changed(focus, derived.view, state.view.depth)) {
        // Showing an entity makes its actions again (entityActions), with the state's labels.
        if (focus === null) select = null;
        panel.show(focus === null ? null : entityDetails(graph, focus, (edge) => derived.view.edges.has(edge)));
      }
    },
    destroy: () => {},
    handle: (request) => {
      if (request.type === "focus-details") panel.focusHeading();
    },
  };
}

export const detailsPanel: Panel = { id: "details", mount };

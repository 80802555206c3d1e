/**
 * Focus and path controls: the ego network depth around the focused entity, and a shortest path between
 * two entities (following the relations' direction or not), each step naming its relations and which
 * way they go.
 */
import { relationKindLabel } from "../model/format.ts";
import type { SearchHit, SearchIndex } from "../model/search.ts";
import type { ViewGraph } from "../model/view-graph.ts";
import type { PathResult, PathStep } from "../model/view.ts";
import { setDepth, setPath, setPathMode } from "../state/actions.ts";
import { EGO_DEPTHS, type EgoDepth, type ViewState } from "../state/state.ts";
import { EntityCombobox } from "../ui/combobox.ts";
import { el } from "../ui/dom.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./focus.css";

export interface FocusPanelHandlers {
  onDepth: (depth: EgoDepth | null) => void;
  onPath: (from: string, to: string) => void;
  onClearPath: () => void;
  onPathMode: (mode: ViewState["paths"]) => void;
  /** Opens an entity's details (a click on a step of the path). */
  onEntity: (id: string) => void;
}

export class FocusPanel {
  readonly element: HTMLElement;
  private readonly depth: HTMLSelectElement;
  private readonly depthHint: HTMLElement;
  private readonly from: EntityCombobox;
  private readonly to: EntityCombobox;
  private readonly status: HTMLElement;
  private readonly clear: HTMLButtonElement;
  private readonly directed: HTMLInputElement;

  constructor(
    index: SearchIndex,
    private readonly labelOf: (id: string) => SearchHit | null,
    private readonly handlers: FocusPanelHandlers,
    debounceMs: number,
  ) {
    this.depth = el(
      "select",
      { class: "select", attrs: { id: "ego-depth" } },
      el("option", { text: "Whole graph", attrs: { value: "" } }),
      ...EGO_DEPTHS.map((depth) =>
        el("option", { text: `${depth} ${depth === 1 ? "step" : "steps"} around the focus`, attrs: { value: String(depth) } }),
      ),
    );
    this.depth.addEventListener("change", () => handlers.onDepth(this.depth.value === "" ? null : (Number(this.depth.value) as EgoDepth)));
    this.depthHint = el("p", { class: "hint", text: "Choose an entity to focus on first." });

    const tryPath = (): void => {
      const from = this.from.value;
      const to = this.to.value;
      if (from && to) handlers.onPath(from.id, to.id);
    };
    this.from = new EntityCombobox({
      label: "Path from",
      visibleLabel: true,
      placeholder: "Entity…",
      index,
      onChoose: tryPath,
      keepChoice: true,
      debounceMs,
    });
    this.to = new EntityCombobox({
      label: "Path to",
      visibleLabel: true,
      placeholder: "Entity…",
      index,
      onChoose: tryPath,
      keepChoice: true,
      debounceMs,
    });
    const find = el("button", { class: "button", text: "Find path", attrs: { type: "button" } });
    find.addEventListener("click", () => {
      if (!this.from.value || !this.to.value) this.setStatus("Choose both ends of the path first.");
      else tryPath();
    });
    this.clear = el("button", { class: "button", text: "Clear path", attrs: { type: "button" } });
    this.clear.addEventListener("click", () => {
      this.from.setValue(null);
      this.to.setValue(null);
      handlers.onClearPath();
    });
    this.status = el("div", { class: "path-status", attrs: { role: "status", "aria-live": "polite", id: "path-status" } });
    this.directed = el("input", { attrs: { type: "checkbox", id: "path-directed" } });
    this.directed.addEventListener("change", () => handlers.onPathMode(this.directed.checked ? "directed" : "undirected"));

    this.element = el(
      "section",
      { class: "panel-section focus-panel", attrs: { "aria-labelledby": "focus-heading" } },
      el("h2", { class: "section-heading", text: "Focus and path", attrs: { id: "focus-heading" } }),
      el("div", { class: "field" }, el("label", { text: "Neighbourhood", attrs: { for: "ego-depth" } }), this.depth),
      this.depthHint,
      el("div", { class: "path-fields" }, this.from.element, this.to.element),
      el(
        "label",
        { class: "path-mode", attrs: { for: "path-directed", title: "Go only from a relation's source to its target (who acts, to whom)" } },
        this.directed,
        " Follow the relations' direction",
      ),
      el("div", { class: "button-row" }, find, this.clear),
      this.status,
    );
  }

  set(
    focus: string | null,
    depth: EgoDepth | null,
    path: { from: string; to: string } | null,
    result: PathResult | null,
    mode: ViewState["paths"] = "undirected",
  ): void {
    this.directed.checked = mode === "directed";
    this.depth.value = depth === null ? "" : String(depth);
    this.depth.disabled = focus === null;
    this.depthHint.hidden = focus !== null;
    this.clear.disabled = path === null;
    if (path) {
      this.from.setValue(this.labelOf(path.from));
      this.to.setValue(this.labelOf(path.to));
    }
    if (result === null) this.setStatus("");
    else if (!result.found) this.setStatus(result.message, true);
    else {
      const steps = result.nodes.map((id) => {
        const button = el("button", { class: "entity-link", text: this.labelOf(id)?.label ?? id, attrs: { type: "button" } });
        button.addEventListener("click", () => this.handlers.onEntity(id));
        return button;
      });
      const line = el("p", { class: "path-chain" });
      steps.forEach((step, index) => line.append(...(index === 0 ? [step] : [" → ", step])));
      const count = `${result.nodes.length - 1} ${result.nodes.length === 2 ? "step" : "steps"}`;
      this.status.replaceChildren(
        el("p", { text: `Shortest path${result.directed ? " along the relations' direction" : ""}: ${count}` }),
        line,
        el("ol", { class: "path-steps" }, ...result.steps.map((step) => this.stepItem(step))),
      );
      this.status.classList.remove("path-none");
    }
  }

  /** A step: each relation joining its two entities as a sentence ("Telus lobbies Government of Canada"), marked when it goes against the path. */
  private stepItem(step: PathStep): HTMLElement {
    const name = (id: string): string => this.labelOf(id)?.label ?? id;
    return el(
      "li",
      { class: "path-step" },
      ...step.relations.map((relation) => {
        const [source, target] = relation.forward ? [step.from, step.to] : [step.to, step.from];
        return el(
          "p",
          { class: relation.forward ? "path-relation" : "path-relation path-against", attrs: { "data-relation": relation.id } },
          el("span", { class: "path-arrow", text: relation.forward ? "→" : "←", attrs: { "aria-hidden": "true" } }),
          ` ${name(source)} `,
          el("strong", { text: relationKindLabel(relation.kind) }),
          ` ${name(target)}`,
          relation.forward ? null : el("span", { class: "path-against-note", text: " (against the path's direction)" }),
        );
      }),
    );
  }

  /** Prefills the start of the path with an entity (from the details panel). */
  setFrom(hit: SearchHit): void {
    this.from.setValue(hit);
    this.to.input.focus();
  }

  private setStatus(text: string, none = false): void {
    this.status.replaceChildren(...(text ? [el("p", { text })] : []));
    this.status.classList.toggle("path-none", none);
  }
}

function hitOf(graph: ViewGraph, id: string): SearchHit | null {
  if (!graph.hasNode(id)) return null;
  const attributes = graph.getNodeAttributes(id);
  return { id, label: attributes.label, kind: attributes.kind };
}

function mount({ graph, store, search, region, choose }: PanelContext): MountedPanel {
  const panel = new FocusPanel(
    search.index,
    (id) => hitOf(graph, id),
    {
      onDepth: (depth) => store.dispatch(setDepth, depth),
      onPath: (from, to) => store.dispatch(setPath, { from, to }),
      onClearPath: () => store.dispatch(setPath, null),
      onPathMode: (mode) => store.dispatch(setPathMode, mode),
      onEntity: (id) => choose(id),
    },
    search.debounceMs,
  );
  region("side").append(panel.element);
  const inputs = new Inputs();
  return {
    element: panel.element,
    update: (state, derived) => {
      const { depth, path, paths } = state.view;
      if (inputs.changed(derived.sigma.focus, depth, path, derived.view.path, paths))
        panel.set(derived.sigma.focus, depth, path, derived.view.path, paths);
    },
    destroy: () => {},
    handle: (request) => {
      const hit = request.type === "path-from" ? hitOf(graph, request.id) : null;
      if (hit) panel.setFrom(hit);
    },
  };
}

export const focusPanel: Panel = { id: "focus", mount };

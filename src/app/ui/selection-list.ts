/**
 * The selected entities as a list of chips: the name opens the entity's details, × deselects it.
 * Long selections list the first few and say how many more; everything is reachable by keyboard.
 */
import "./selection-list.css";
import { KIND_COLORS, KIND_SHAPES } from "../model/palette.ts";
import type { EntityKind } from "../../model/ontology.ts";
import { el, swatch } from "./dom.ts";

const LISTED = 24;

export interface SelectionListHandlers {
  onOpen: (id: string) => void;
  onRemove: (id: string) => void;
}

export class SelectionList {
  readonly element: HTMLElement;

  constructor(private readonly handlers: SelectionListHandlers) {
    this.element = el("ul", { class: "selection-list", attrs: { "aria-label": "Selected entities", hidden: true } });
  }

  show(entities: readonly { id: string; label: string; kind: EntityKind; hidden: boolean }[]): void {
    this.element.hidden = entities.length === 0;
    const items = entities.slice(0, LISTED).map((entity) => {
      const open = el(
        "button",
        {
          class: "chip-label",
          attrs: { type: "button", title: entity.hidden ? "Hidden by the current view" : "Show details" },
        },
        swatch(KIND_COLORS[entity.kind], KIND_SHAPES[entity.kind]),
        entity.label,
      );
      open.addEventListener("click", () => this.handlers.onOpen(entity.id));
      const remove = el("button", {
        class: "chip-remove",
        text: "×",
        attrs: { type: "button", "aria-label": `Deselect ${entity.label}`, title: "Deselect" },
      });
      remove.addEventListener("click", () => this.handlers.onRemove(entity.id));
      return el("li", { class: entity.hidden ? "chip chip-hidden" : "chip", attrs: { "data-entity": entity.id } }, open, remove);
    });
    const more = entities.length - LISTED;
    this.element.replaceChildren(...items, more > 0 ? el("li", { class: "chip-more", text: `and ${more.toLocaleString("en")} more` }) : "");
  }
}

/**
 * An entity picker following the WAI-ARIA combobox pattern (input + listbox): typing lists matches
 * (debounced), ArrowUp/ArrowDown move the active option, Enter chooses it, Escape closes the list.
 * Used by the header search and by the path's from/to pickers.
 */
import "./combobox.css";
import { KIND_COLORS, KIND_SHAPES } from "../model/palette.ts";
import { entityKindLabel } from "../model/format.ts";
import { searchEntities, type SearchHit, type SearchIndex } from "../model/search.ts";
import { el, swatch, uniqueId } from "./dom.ts";

export interface ComboboxOptions {
  label: string;
  /** The input's id (another element points at it, e.g. the "/" key); made up when absent. */
  id?: string;
  /** Show the label visibly (otherwise it is the input's accessible name only). */
  visibleLabel?: boolean;
  placeholder?: string;
  index: SearchIndex;
  onChoose: (hit: SearchHit) => void;
  /** Debounce for large graphs; 0 searches on every keystroke. */
  debounceMs?: number;
  /** Keep the chosen entity's name in the input after choosing (path pickers) or clear it (search). */
  keepChoice?: boolean;
}

export class EntityCombobox {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly listbox: HTMLUListElement;
  private hits: SearchHit[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chosen: SearchHit | null = null;

  constructor(private readonly options: ComboboxOptions) {
    const listId = uniqueId("listbox");
    const inputId = options.id ?? uniqueId("combobox");
    this.input = el("input", {
      class: "combobox-input",
      attrs: {
        id: inputId,
        type: "text",
        role: "combobox",
        "aria-autocomplete": "list",
        "aria-expanded": "false",
        "aria-controls": listId,
        autocomplete: "off",
        spellcheck: "false",
        placeholder: options.placeholder,
        "aria-label": options.visibleLabel ? undefined : options.label,
      },
    });
    this.listbox = el("ul", {
      class: "combobox-list",
      attrs: { id: listId, role: "listbox", "aria-label": `${options.label} results`, hidden: true },
    });
    const label = options.visibleLabel ? el("label", { class: "combobox-label", text: options.label, attrs: { for: inputId } }) : null;
    this.element = el("div", { class: "combobox" }, label, this.input, this.listbox);

    this.input.addEventListener("input", () => this.scheduleSearch());
    this.input.addEventListener("keydown", (event) => this.onKeyDown(event));
    this.input.addEventListener("blur", () => setTimeout(() => this.close(), 120));
    this.input.addEventListener("focus", () => {
      if (this.input.value.trim() !== "" && this.chosen === null) this.scheduleSearch();
    });
    // mousedown, not click: choosing must happen before the input's blur closes the list.
    this.listbox.addEventListener("mousedown", (event) => {
      const option = (event.target as Element).closest<HTMLElement>("[role=option]");
      if (!option) return;
      event.preventDefault();
      this.choose(Number(option.dataset.index));
    });
  }

  /** The entity currently chosen (path pickers), or null. */
  get value(): SearchHit | null {
    return this.chosen;
  }

  /** Shows an entity as chosen without firing onChoose. */
  setValue(hit: SearchHit | null): void {
    this.chosen = hit;
    this.input.value = hit ? hit.label : "";
  }

  private scheduleSearch(): void {
    this.chosen = null;
    clearTimeout(this.timer);
    const delay = this.options.debounceMs ?? 0;
    if (delay <= 0) this.runSearch();
    else this.timer = setTimeout(() => this.runSearch(), delay);
  }

  private runSearch(): void {
    this.hits = searchEntities(this.options.index, this.input.value, 8);
    this.active = this.hits.length > 0 ? 0 : -1;
    this.renderList();
  }

  private renderList(): void {
    const query = this.input.value.trim();
    this.listbox.replaceChildren(
      ...this.hits.map((hit, index) =>
        el(
          "li",
          {
            class: "combobox-option",
            attrs: {
              id: `${this.listbox.id}-${index}`,
              role: "option",
              "aria-selected": index === this.active ? "true" : "false",
              "data-index": index,
              "data-id": hit.id,
            },
          },
          swatch(KIND_COLORS[hit.kind], KIND_SHAPES[hit.kind]),
          el("span", { class: "option-label", text: hit.label }),
          hit.alias ? el("span", { class: "option-alias", text: `(${hit.alias})` }) : null,
          el("span", { class: "option-kind", text: entityKindLabel(hit.kind) }),
        ),
      ),
    );
    if (this.hits.length === 0 && query !== "") {
      this.listbox.append(
        el("li", {
          class: "combobox-empty",
          text: "No entity matches",
          attrs: { role: "option", "aria-disabled": "true", "aria-selected": "false" },
        }),
      );
    }
    const open = query !== "";
    this.listbox.hidden = !open;
    this.input.setAttribute("aria-expanded", String(open));
    this.updateActive();
  }

  private updateActive(): void {
    for (const option of this.listbox.querySelectorAll<HTMLElement>("[data-index]")) {
      option.setAttribute("aria-selected", String(Number(option.dataset.index) === this.active));
    }
    if (this.active >= 0 && !this.listbox.hidden) {
      const id = `${this.listbox.id}-${this.active}`;
      this.input.setAttribute("aria-activedescendant", id);
      document.getElementById(id)?.scrollIntoView({ block: "nearest" });
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        event.preventDefault();
        if (this.listbox.hidden) this.runSearch();
        if (this.hits.length === 0) return;
        const step = event.key === "ArrowDown" ? 1 : -1;
        this.active = (this.active + step + this.hits.length) % this.hits.length;
        this.updateActive();
        return;
      }
      case "Enter": {
        if (this.timer !== undefined) {
          clearTimeout(this.timer);
          this.timer = undefined;
          if (this.chosen === null) this.runSearch();
        }
        if (this.active >= 0 && !this.listbox.hidden) {
          event.preventDefault();
          this.choose(this.active);
        }
        return;
      }
      case "Escape": {
        if (!this.listbox.hidden) {
          event.preventDefault();
          this.close();
        } else if (this.input.value !== "") {
          event.preventDefault();
          this.setValue(null);
        }
        return;
      }
    }
  }

  private choose(index: number): void {
    const hit = this.hits[index];
    if (!hit) return;
    this.close();
    if (this.options.keepChoice) this.setValue(hit);
    else this.setValue(null);
    this.options.onChoose(hit);
  }

  private close(): void {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }
}

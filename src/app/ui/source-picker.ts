/**
 * A source picker for a citation: a combobox (the WAI-ARIA pattern the entity picker follows) searching the
 * dataset's sources by title, publisher and URL. The chosen source's id is its value.
 */
import type { RecordIndex } from "../edit/records.ts";
import { searchSources } from "../edit/duplicates.ts";
import { el, uniqueId } from "./dom.ts";
import "./combobox.css";

export class SourcePicker {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly listbox: HTMLUListElement;
  private hits: { id: string; label: string; detail: string }[] = [];
  private active = -1;
  private chosen = "";

  constructor(
    label: string,
    private readonly index: () => RecordIndex,
    private readonly onChange: (id: string) => void,
  ) {
    const inputId = uniqueId("source-picker");
    const listId = uniqueId("source-list");
    this.input = el("input", {
      class: "combobox-input",
      attrs: { id: inputId, type: "text", role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": listId, autocomplete: "off", placeholder: "Search title, publisher or URL" },
    });
    this.listbox = el("ul", { class: "combobox-list", attrs: { id: listId, role: "listbox", "aria-label": `${label} results`, hidden: true } });
    this.element = el("div", { class: "combobox" }, el("label", { class: "combobox-label", text: label, attrs: { for: inputId } }), this.input, this.listbox);
    this.input.addEventListener("input", () => {
      this.chosen = "";
      this.onChange("");
      this.search();
    });
    this.input.addEventListener("keydown", (event) => this.onKey(event));
    this.input.addEventListener("blur", () => setTimeout(() => this.close(), 120));
    this.listbox.addEventListener("mousedown", (event) => {
      const option = (event.target as Element).closest<HTMLElement>("[role=option][data-index]");
      if (!option) return;
      event.preventDefault();
      this.choose(Number(option.dataset.index));
    });
  }

  get value(): string {
    return this.chosen;
  }

  /** Shows a source as chosen (its title), without telling onChange. */
  setValue(id: string): void {
    this.chosen = id;
    this.input.value = id === "" ? "" : (this.index().sources.get(id)?.record.title ?? id);
    this.input.dataset.source = id;
  }

  private search(): void {
    this.hits = searchSources(this.index(), this.input.value);
    this.active = this.hits.length > 0 ? 0 : -1;
    this.listbox.replaceChildren(
      ...this.hits.map((hit, position) =>
        el(
          "li",
          { class: "combobox-option", attrs: { id: `${this.listbox.id}-${position}`, role: "option", "aria-selected": String(position === this.active), "data-index": position, "data-id": hit.id } },
          el("span", { class: "option-label", text: hit.label }),
          el("span", { class: "option-kind", text: hit.detail }),
        ),
      ),
    );
    if (this.hits.length === 0 && this.input.value.trim() !== "")
      this.listbox.append(el("li", { class: "combobox-empty", text: "No source matches: add one with New source", attrs: { role: "option", "aria-disabled": "true", "aria-selected": "false" } }));
    const open = this.input.value.trim() !== "";
    this.listbox.hidden = !open;
    this.input.setAttribute("aria-expanded", String(open));
  }

  private onKey(event: KeyboardEvent): void {
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && this.hits.length > 0) {
      event.preventDefault();
      this.active = (this.active + (event.key === "ArrowDown" ? 1 : -1) + this.hits.length) % this.hits.length;
      for (const option of this.listbox.querySelectorAll<HTMLElement>("[data-index]")) option.setAttribute("aria-selected", String(Number(option.dataset.index) === this.active));
      this.input.setAttribute("aria-activedescendant", `${this.listbox.id}-${this.active}`);
    } else if (event.key === "Enter" && this.active >= 0 && !this.listbox.hidden) {
      event.preventDefault();
      this.choose(this.active);
    } else if (event.key === "Escape" && !this.listbox.hidden) {
      event.preventDefault();
      this.close();
    }
  }

  private choose(position: number): void {
    const hit = this.hits[position];
    if (!hit) return;
    this.close();
    this.setValue(hit.id);
    this.onChange(hit.id);
  }

  private close(): void {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }
}

/**
 * The export controls under the selection: what will be exported (the selection, or the current view),
 * "Export GEXF", "Export JSON", "Export PNG", the dynamic-GEXF option, and a status line saying what
 * was exported or, plainly, why nothing could be.
 */
import type { ExportFormat } from "../../formats/file-name.ts";
import { el } from "./dom.ts";

export class ExportBar {
  readonly element: HTMLElement;
  readonly dynamic: HTMLInputElement;
  private readonly scope: HTMLElement;
  private readonly status: HTMLElement;
  private readonly buttons: HTMLButtonElement[];

  constructor(onExport: (format: ExportFormat) => void) {
    this.scope = el("p", { class: "export-scope", attrs: { id: "export-scope" } });
    this.buttons = (["gexf", "json", "png"] as const).map((format) => {
      const button = el("button", {
        class: "button",
        text: `Export ${format.toUpperCase()}`,
        attrs: { type: "button", "aria-describedby": "export-scope", "data-format": format },
      });
      button.addEventListener("click", () => onExport(format));
      return button;
    });
    this.dynamic = el("input", { attrs: { type: "checkbox", id: "export-dynamic" } });
    const dynamicLabel = el(
      "label",
      { class: "export-dynamic", attrs: { for: "export-dynamic", title: "Write each relation's dates, for Gephi's timeline" } },
      this.dynamic,
      " Dynamic GEXF (timeline)",
    );
    this.status = el("div", { class: "export-status", attrs: { role: "status", "aria-live": "polite", id: "export-status" } });
    this.element = el(
      "div",
      { class: "export-bar", attrs: { role: "group", "aria-labelledby": "export-heading" } },
      el("h3", { class: "export-heading", text: "Export", attrs: { id: "export-heading" } }),
      this.scope,
      el("div", { class: "button-row" }, ...this.buttons),
      dynamicLabel,
      this.status,
    );
  }

  /** "Exports the selection: 3 entities, 2 relations." */
  setScope(text: string): void {
    this.scope.textContent = text;
  }

  setBusy(busy: boolean): void {
    for (const button of this.buttons) button.disabled = busy;
    this.element.setAttribute("aria-busy", String(busy));
  }

  showDone(message: string, notes: readonly string[] = []): void {
    this.status.className = "export-status export-done";
    this.status.replaceChildren(el("p", { text: message }), ...notes.map((note) => el("p", { class: "export-note", text: note })));
  }

  showError(message: string): void {
    this.status.className = "export-status export-error";
    this.status.replaceChildren(el("p", { text: message }));
  }

  clearStatus(): void {
    this.status.className = "export-status";
    this.status.replaceChildren();
  }
}

/**
 * Opening files in the page: an "Open file" button (file picker) and drag-and-drop anywhere on the
 * page (a drop target shows while a file is dragged over). Files are read in a web worker
 * (import-worker.ts) with a time limit, so a large or hostile file never freezes or hangs the page.
 * The outcome is shown in a report over the page: the errors, located, when the file cannot be opened
 * (the graph being explored stays as it was), or what was opened and how it was mapped.
 */
import "./open-file.css";
import { errorCount } from "../../load/issues.ts";
import { ENTITY_KINDS } from "../../model/ontology.ts";
import {
  importSummary,
  openButtonTitle,
  openHint,
  pickerAccept,
  readerControls,
  sizeProblem,
  withKindChoices,
  type ImportOutcome,
  type ReaderValues,
} from "../model/import-file.ts";
import { plural } from "../model/format.ts";
import type { ImportRequest } from "./import-worker.ts";
import { el } from "../ui/dom.ts";
import { errorsFirst, issueList } from "../ui/errors.ts";

/** A file that takes longer than this to read is given up on, with a message: bounded time. */
export const IMPORT_TIME_LIMIT_MS = 120_000;
/** Issues listed in the report; the CLI (`atlas validate` / `atlas import`) lists them all. */
const MAX_LISTED_ISSUES = 100;

export type OpenedOutcome = Extract<ImportOutcome, { ok: true }>;

export class FileOpener {
  readonly input: HTMLInputElement;
  private readonly dropTarget: HTMLElement;
  private readonly report: HTMLElement;
  private worker: Worker | null = null;
  private dragDepth = 0;
  /** The files last opened and the readers' options they were read with: "Read again" reads them anew. */
  private lastFiles: File[] = [];
  private lastValues: ReaderValues = {};

  /** `onOpened` shows the dataset; when it throws, the error is reported like a file error. */
  constructor(private readonly onOpened: (outcome: OpenedOutcome) => void) {
    this.input = el("input", {
      class: "visually-hidden",
      attrs: {
        type: "file",
        id: "open-file-input",
        accept: pickerAccept(),
        multiple: true,
        tabindex: "-1",
        "aria-hidden": "true",
      },
    });
    this.input.addEventListener("change", () => {
      const files = [...(this.input.files ?? [])];
      this.input.value = "";
      if (files.length > 0) void this.open(files);
    });
    this.dropTarget = el(
      "div",
      { class: "drop-target", attrs: { hidden: true, id: "drop-target" } },
      el("div", { class: "drop-target-box" }, el("p", { class: "drop-target-title", text: "Drop to open" }), el("p", { text: openHint() })),
    );
    this.report = el("section", {
      class: "import-report",
      attrs: { id: "import-report", hidden: true, "aria-labelledby": "import-report-title" },
    });
    // Escape dismisses the report (and cancels a reading in progress) wherever keyboard focus is: the
    // report is over the page, so it takes Escape before the explorer's panels (registered after this).
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || event.defaultPrevented || this.report.hidden) return;
      event.preventDefault();
      this.dismiss();
    });
    document.body.append(this.input, this.dropTarget, this.report);
    this.bindDragAndDrop();
  }

  /** A new "Open file" button (the explorer's toolbar and the error page each get one). */
  button(label = "Open file"): HTMLButtonElement {
    const button = el("button", {
      class: "button",
      text: label,
      attrs: {
        type: "button",
        title: openButtonTitle(),
        "aria-controls": "import-report",
      },
    });
    button.addEventListener("click", () => this.input.click());
    return button;
  }

  /** Reads the files in the worker (with the readers' options given) and hands a valid dataset on; reports errors otherwise. */
  async open(files: File[], values: ReaderValues = {}): Promise<void> {
    this.cancel();
    this.lastFiles = files;
    this.lastValues = values;
    const shown = files.length === 1 ? (files[0] as File).name : `${files.length} files`;
    const tooBig = sizeProblem(files.reduce((sum, file) => sum + file.size, 0));
    if (tooBig) {
      this.showFailure(shown, [{ file: shown, pointer: "", message: tooBig, severity: "error" }]);
      return;
    }
    this.showLoading(
      shown,
      files.reduce((sum, file) => sum + file.size, 0),
    );
    let request: ImportRequest;
    try {
      request = { files: await Promise.all(files.map(async (file) => ({ file: file.name, bytes: await file.arrayBuffer() }))), values };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.showFailure(shown, [{ file: shown, pointer: "", message: `the browser could not read the file: ${reason}`, severity: "error" }]);
      return;
    }
    const outcome = await this.readInWorker(request, shown);
    if (outcome === null) return; // cancelled
    if (!outcome.ok) {
      this.showFailure(outcome.file, outcome.issues, outcome);
      return;
    }
    this.setReport("loading", "Building the graph…");
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    try {
      this.onOpened(outcome);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.showFailure(outcome.file, [
        { file: outcome.file, pointer: "", message: `the dataset is valid but could not be shown: ${reason}`, severity: "error" },
      ]);
      return;
    }
    this.showOpened(outcome);
  }

  /** Hides the report, cancelling a reading in progress (its Dismiss or Cancel button, Escape). */
  dismiss(): void {
    if (this.report.dataset.state === "loading") this.cancel();
    this.report.hidden = true;
  }

  /** Says in the report that something about files went wrong (e.g. the template could not be made). */
  showProblem(what: string, message: string): void {
    this.setReport("failed", `${what}: something went wrong`, el("p", { text: message }));
  }

  /** Stops reading a file (the Cancel button, or a new file). */
  cancel(): void {
    this.cancelReading();
  }

  private readInWorker(request: ImportRequest, shown: string): Promise<ImportOutcome | null> {
    return new Promise((resolve) => {
      const worker = new Worker(new URL("./import-worker.ts", import.meta.url), { type: "module", name: "atlas-import" });
      this.worker = worker;
      const finish = (outcome: ImportOutcome | null): void => {
        clearTimeout(timer);
        worker.terminate();
        if (this.worker === worker) {
          this.worker = null;
          this.cancelReading = () => {};
        }
        resolve(outcome);
      };
      const failed = (message: string): ImportOutcome => ({
        ok: false,
        file: shown,
        format: null,
        issues: [{ file: shown, pointer: "", message, severity: "error" }],
      });
      const timer = setTimeout(
        () =>
          finish(
            failed(
              `reading the file took longer than ${IMPORT_TIME_LIMIT_MS / 1000} seconds and was stopped; the CLI (npm run atlas -- validate / import) handles very large files`,
            ),
          ),
        IMPORT_TIME_LIMIT_MS,
      );
      worker.onmessage = (event: MessageEvent<ImportOutcome>) => finish(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        finish(failed(`the file could not be read: ${event.message || "the reader stopped unexpectedly"}`));
      };
      // A cancelled reading ends with no outcome (null).
      this.cancelReading = () => finish(null);
      worker.postMessage(
        request,
        request.files.map((file) => file.bytes),
      );
    });
  }

  private cancelReading: () => void = () => {};

  private bindDragAndDrop(): void {
    const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes("Files") ?? false;
    window.addEventListener("dragenter", (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      this.dragDepth += 1;
      this.dropTarget.hidden = false;
    });
    window.addEventListener("dragover", (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    });
    window.addEventListener("dragleave", (event) => {
      if (!hasFiles(event)) return;
      this.dragDepth = Math.max(0, this.dragDepth - 1);
      if (this.dragDepth === 0) this.dropTarget.hidden = true;
    });
    window.addEventListener("drop", (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      this.dragDepth = 0;
      this.dropTarget.hidden = true;
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) void this.open(files);
    });
  }

  private setReport(state: "loading" | "failed" | "opened", title: string, ...body: (Node | string | null)[]): void {
    const close = el("button", {
      class: "icon-button",
      text: "×",
      attrs: {
        type: "button",
        "aria-label": state === "loading" ? "Cancel" : "Dismiss",
        title: state === "loading" ? "Cancel" : "Dismiss",
      },
    });
    close.addEventListener("click", () => this.dismiss());
    this.report.dataset.state = state;
    this.report.setAttribute("role", state === "failed" ? "alert" : "status");
    this.report.setAttribute("aria-busy", String(state === "loading"));
    this.report.replaceChildren(
      el("div", { class: "import-report-header" }, el("h2", { text: title, attrs: { id: "import-report-title" } }), close),
      ...body.filter((part): part is Node | string => part !== null),
    );
    this.report.hidden = false;
  }

  private showLoading(shown: string, bytes: number): void {
    const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;
    this.setReport(
      "loading",
      `Opening ${shown}…`,
      el("p", { class: "import-progress", text: `Reading ${size}; the graph stays usable meanwhile.` }),
    );
  }

  private showFailure(shown: string, issues: ImportOutcome["issues"], outcome?: Extract<ImportOutcome, { ok: false }>): void {
    const errors = errorCount(issues);
    const listed = errorsFirst(issues).slice(0, MAX_LISTED_ISSUES);
    this.setReport(
      "failed",
      `${shown} could not be opened`,
      el("p", {
        text: `${plural(errors, "error")}: nothing was loaded, and the graph you were exploring is unchanged.`,
      }),
      outcome ? this.readAgainForm(outcome, true) : null,
      issueList(listed),
      issues.length > listed.length
        ? el("p", { class: "hint", text: `…and ${(issues.length - listed.length).toLocaleString("en")} more.` })
        : null,
    );
    this.report.querySelector<HTMLElement>("button")?.focus();
  }

  private showOpened(outcome: OpenedOutcome): void {
    const notes = outcome.issues;
    const listed = notes.slice(0, MAX_LISTED_ISSUES);
    const severalFiles = new Set(notes.map((note) => note.file)).size > 1;
    const { title, detail } = importSummary(outcome);
    this.setReport(
      "opened",
      title,
      el("p", { class: "import-detail", text: detail }),
      notes.length > 0
        ? el(
            "details",
            { class: "import-notes", attrs: { open: true } },
            // A mapped file's issues say how it was mapped (notes); a file read back exactly can only have warnings.
            el("summary", { text: `${plural(notes.length, outcome.native ? "warning" : "note")} on how the file was read` }),
            el(
              "ul",
              { class: "import-note-list" },
              ...listed.map((note) => {
                const cell = note.cell;
                const where = [
                  severalFiles ? note.file : "",
                  note.pointer,
                  note.line !== undefined ? `line ${note.line}` : "",
                  cell?.sheet ?? "",
                  cell?.row !== undefined ? `row ${cell.row}` : "",
                  cell?.column ?? "",
                ]
                  .filter(Boolean)
                  .join(" ");
                return el("li", {}, where ? el("code", { text: where }) : null, where ? " " : null, note.message);
              }),
            ),
            notes.length > listed.length
              ? el("p", { class: "hint", text: `…and ${(notes.length - listed.length).toLocaleString("en")} more.` })
              : null,
          )
        : null,
      outcome.native ? null : this.readAgainForm(outcome, false),
    );
    this.report.querySelector<HTMLElement>("button")?.focus();
  }

  /**
   * The reader's options (the spreadsheets' layout and kind mapping: a select and a text field, from the
   * registry) and "Read again"; with entity kinds the ontology lacks, a table that maps each to one of its
   * kinds. Null for formats without options. Open (a form) after a failure, folded away after a success.
   */
  private readAgainForm(outcome: ImportOutcome, failed: boolean): HTMLElement | null {
    const controls = readerControls(outcome.format, this.lastValues);
    if (controls.length === 0 || this.lastFiles.length === 0) return null;
    const unmapped = !outcome.ok ? (outcome.unmapped?.entity ?? []) : [];
    const kindSelects = new Map<string, HTMLSelectElement>();
    const table =
      unmapped.length === 0
        ? null
        : el(
            "table",
            { class: "kind-map" },
            el("caption", { text: "Kinds the ontology does not have: choose one for each" }),
            el(
              "thead",
              {},
              el(
                "tr",
                {},
                el("th", { text: "In the file", attrs: { scope: "col" } }),
                el("th", { text: "Rows", attrs: { scope: "col" } }),
                el("th", { text: "Entity kind", attrs: { scope: "col" } }),
              ),
            ),
            el(
              "tbody",
              {},
              ...unmapped.map(({ name, count }) => {
                const select = el(
                  "select",
                  { attrs: { "aria-label": `Entity kind for "${name}"`, "data-kind": name } },
                  el("option", { text: "Choose…", attrs: { value: "" } }),
                  ...ENTITY_KINDS.map((kind) => el("option", { text: kind.replace(/_/g, " "), attrs: { value: kind } })),
                );
                kindSelects.set(name, select);
                return el(
                  "tr",
                  {},
                  el("th", { text: name, attrs: { scope: "row" } }),
                  el("td", { text: count.toLocaleString("en") }),
                  el("td", {}, select),
                );
              }),
            ),
          );
    const fields = controls.map((control) => {
      const input =
        control.type === "choice"
          ? el(
              "select",
              { attrs: { id: control.id, "data-option": control.key } },
              ...control.choices.map((choice) =>
                el("option", { text: choice.label, attrs: { value: choice.value, selected: choice.value === control.value } }),
              ),
            )
          : el("input", { attrs: { id: control.id, type: "text", "data-option": control.key, value: control.value, spellcheck: "false" } });
      return el("label", { class: "import-option", attrs: { for: control.id, title: control.title } }, `${control.label} `, input);
    });
    const form = el(
      "form",
      { class: "import-read-again" },
      table,
      ...fields,
      el("button", { class: "button", text: failed ? "Read again" : "Read it again with these options", attrs: { type: "submit" } }),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const values: Record<string, string> = {};
      for (const field of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[data-option]"))
        values[field.dataset.option as string] = field.value;
      const choices = new Map([...kindSelects].map(([name, select]) => [name, select.value]));
      if (choices.size > 0) values.mapKind = withKindChoices(values.mapKind, choices);
      void this.open(this.lastFiles, values);
    });
    return failed ? form : el("details", { class: "import-options" }, el("summary", { text: "Read it differently (layout, kinds)" }), form);
  }
}

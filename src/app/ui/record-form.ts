/**
 * The form of one entity, relation or source, built from edit/form.ts (the schemas' fields, the ontology's
 * choices): every control with a visible label, each problem the loader finds (edit/check.ts) shown at its
 * field as the user types, likely duplicates flagged with a link, and its action disabled while the record
 * would not validate. A relation's ends are entity pickers limited to the kinds its kind allows.
 */
import type { RecordCollection } from "../../formats/json/edit.ts";
import { ENTITY_KINDS, RELATION_KIND_NAMES, type EntityKind, type RelationKind } from "../../model/ontology.ts";
import { datePrecision, isPartialDate } from "../../model/dates.ts";
import { checkRecord, hasErrors, type FieldProblem } from "../edit/check.ts";
import { likelyDuplicateEntities, likelyDuplicateSources, type Duplicate } from "../edit/duplicates.ts";
import { allowedEndKinds, formFields, recordOf, takesAbout, type FieldSpec, type FormValues } from "../edit/form.ts";
import { suggestId, type RecordIndex } from "../edit/records.ts";
import { entityKindLabel, relationKindLabel } from "../model/format.ts";
import type { SearchIndex } from "../model/search.ts";
import { EntityCombobox } from "./combobox.ts";
import { el, uniqueId } from "./dom.ts";
import { SourcePicker } from "./source-picker.ts";
import "./record-form.css";

const NOUN: Record<RecordCollection, string> = { entities: "entity", relations: "relation", sources: "source" };

export interface RecordFormOptions {
  collection: RecordCollection;
  /** The record edited, or null for a new one. */
  original: Record<string, unknown> | null;
  values: FormValues;
  /** The file the record is saved to, the files it may go to (new records only). */
  file: string | null;
  files: readonly string[];
  index: () => RecordIndex;
  entities: SearchIndex;
  /** The values or the file changed (the workbench keeps them across a rebuild). */
  onInput: (values: FormValues, file: string | null) => void;
  onSubmit: (record: Record<string, unknown>, file: string) => string | null;
  onCancel: () => void;
  onDelete: (() => void) | null;
  onDuplicate: (collection: RecordCollection, id: string) => void;
  /** "New source…" from a citation row (relations only). */
  onNewSource: ((row: number) => void) | null;
}

interface FieldView {
  element: HTMLElement;
  problem: HTMLElement;
  focus: () => void;
}

export class RecordForm {
  readonly element: HTMLFormElement;
  private readonly fields = new Map<string, FieldView>();
  private readonly evidenceRows: { problem: HTMLElement; sourceProblem: HTMLElement; picker: SourcePicker }[] = [];
  private readonly evidenceList: HTMLElement;
  private readonly formProblem: HTMLElement;
  private readonly duplicates: HTMLElement;
  private readonly submit: HTMLButtonElement;
  private readonly touched = new Set<string>();
  private idTouched: boolean;
  private file: string | null;
  private readonly endPickers = new Map<string, { picker: EntityCombobox; index: { entries: SearchIndex["entries"] } }>();

  constructor(private readonly options: RecordFormOptions) {
    const { collection, original } = options;
    this.idTouched = original !== null || options.values.fields.id !== "";
    this.file = options.file;
    const noun = NOUN[collection];
    const headingId = uniqueId("editor-heading");
    this.formProblem = el("p", { class: "field-problem form-problem", attrs: { role: "alert" } });
    this.duplicates = el("div", { class: "duplicates", attrs: { role: "status", "aria-live": "polite" } });
    this.evidenceList = el("div", { class: "evidence-list" });
    this.submit = el("button", { class: "button primary", text: original ? `Keep changes` : `Add ${noun}`, attrs: { type: "submit" } });
    const cancel = el("button", { class: "button", text: "Cancel", attrs: { type: "button" } });
    cancel.addEventListener("click", () => options.onCancel());
    const remove = options.onDelete ? el("button", { class: "button danger", text: `Delete ${noun}…`, attrs: { type: "button" } }) : null;
    remove?.addEventListener("click", () => options.onDelete?.());

    this.element = el(
      "form",
      { class: "record-form", attrs: { "aria-labelledby": headingId, "data-collection": collection, novalidate: true } },
      el("h2", { class: "editor-heading", text: original ? `Edit ${noun} ${String(original.id)}` : `New ${noun}`, attrs: { id: headingId } }),
      this.fileField(),
      ...formFields(collection).map((spec) => this.field(spec)),
      this.duplicates,
      this.formProblem,
      el("div", { class: "button-row editor-actions" }, this.submit, cancel, remove),
    );
    this.element.addEventListener("submit", (event) => {
      event.preventDefault();
      this.trySubmit();
    });
    this.element.addEventListener("focusout", (event) => {
      const name = (event.target as HTMLElement).closest<HTMLElement>("[data-field]")?.dataset.field;
      if (name) this.touched.add(name);
      this.validate();
    });
    this.validate();
  }

  get values(): FormValues {
    return this.options.values;
  }

  focusFirst(): void {
    this.element.querySelector<HTMLElement>("input:not([disabled]), select:not([disabled]), textarea")?.focus();
  }

  private fileField(): HTMLElement {
    const id = uniqueId("editor-file");
    const select = el("select", { attrs: { id, disabled: this.options.original !== null } });
    for (const path of this.options.files) select.append(el("option", { text: path, attrs: { value: path, selected: path === this.file } }));
    select.addEventListener("change", () => {
      this.file = select.value;
      this.changed();
    });
    return el(
      "div",
      { class: "field", attrs: { "data-field": "file" } },
      el("label", { text: this.options.original ? "In file" : "Save in file", attrs: { for: id } }),
      select,
    );
  }

  private field(spec: FieldSpec): HTMLElement {
    const { values } = this.options;
    const id = uniqueId(`editor-${spec.name}`);
    const problem = el("p", { class: "field-problem", attrs: { id: `${id}-problem` } });
    const hint = spec.hint ? el("p", { class: "field-hint", text: spec.hint, attrs: { id: `${id}-hint` } }) : null;
    const label = el("label", { text: `${spec.label}${spec.required ? "" : " (optional)"}`, attrs: { for: id } });
    const describedBy = [hint ? `${id}-hint` : "", `${id}-problem`].filter(Boolean).join(" ");
    let control: HTMLElement;
    let focus: () => void;
    if (spec.type === "evidence") return this.evidenceField(problem);
    if (spec.type === "entity") return this.entityField(spec, problem);
    if (spec.type === "choice") {
      const select = el("select", { attrs: { id, "aria-describedby": describedBy } });
      if (values.fields[spec.name] === "") select.append(el("option", { text: "Choose…", attrs: { value: "", selected: true } }));
      for (const choice of spec.choices ?? [])
        select.append(el("option", { text: this.choiceLabel(spec.name, choice), attrs: { value: choice, selected: choice === values.fields[spec.name] } }));
      select.addEventListener("change", () => {
        values.fields[spec.name] = select.value;
        this.touched.add(spec.name);
        this.changed();
      });
      control = select;
      focus = () => select.focus();
    } else {
      const multiline = spec.type === "text" || spec.type === "lines";
      const input = multiline
        ? el("textarea", { attrs: { id, rows: spec.type === "lines" ? 2 : 3, "aria-describedby": describedBy } })
        : el("input", { attrs: { id, type: "text", spellcheck: spec.type === "line" ? undefined : "false", "aria-describedby": describedBy, inputmode: spec.type === "date" ? "numeric" : undefined } });
      input.value = values.fields[spec.name] ?? "";
      input.addEventListener("input", () => {
        values.fields[spec.name] = input.value;
        if (spec.name === "id") this.idTouched = input.value !== "";
        this.changed();
      });
      control = input;
      focus = () => input.focus();
    }
    const element = el("div", { class: `field field-${spec.type}`, attrs: { "data-field": spec.name } }, label, control, hint, problem);
    this.fields.set(spec.name, { element, problem, focus });
    return element;
  }

  private choiceLabel(name: string, choice: string): string {
    if (name !== "kind") return choice;
    return this.options.collection === "relations"
      ? (RELATION_KIND_NAMES as readonly string[]).includes(choice) ? relationKindLabel(choice as RelationKind) : choice
      : (ENTITY_KINDS as readonly string[]).includes(choice) ? entityKindLabel(choice as EntityKind) : choice;
  }

  /** A relation's source, target or about: a search over the entities of the kinds the relation's kind allows there. */
  private entityField(spec: FieldSpec, problem: HTMLElement): HTMLElement {
    const { values } = this.options;
    const index = { entries: this.options.entities.entries };
    const picker = new EntityCombobox({
      label: `${spec.label}${spec.required ? "" : " (optional)"}`,
      visibleLabel: true,
      placeholder: "Search entities",
      index,
      keepChoice: true,
      onChoose: (hit) => {
        values.fields[spec.name] = hit.id;
        picker.input.dataset.entity = hit.id;
        this.touched.add(spec.name);
        this.changed();
      },
    });
    picker.input.setAttribute("aria-describedby", problem.id);
    picker.input.addEventListener("input", () => {
      values.fields[spec.name] = "";
      picker.input.dataset.entity = "";
      this.changed();
    });
    const current = this.options.index().entities.get(values.fields[spec.name] ?? "")?.record;
    if (current) {
      picker.setValue({ id: current.id, label: current.name, kind: current.kind });
      picker.input.dataset.entity = current.id;
    }
    this.endPickers.set(spec.name, { picker, index });
    const element = el("div", { class: "field field-entity", attrs: { "data-field": spec.name } }, picker.element, problem);
    this.fields.set(spec.name, { element, problem, focus: () => picker.input.focus() });
    return element;
  }

  private evidenceField(problem: HTMLElement): HTMLElement {
    const add = el("button", { class: "button", text: "Add citation", attrs: { type: "button" } });
    add.addEventListener("click", () => {
      this.options.values.evidence.push({ source: "", locator: "" });
      this.renderEvidence();
      this.changed();
    });
    this.renderEvidence();
    const element = el(
      "fieldset",
      { class: "field field-evidence", attrs: { "data-field": "evidence" } },
      el("legend", { text: "Evidence: the sources that say so" }),
      this.evidenceList,
      el("div", { class: "button-row" }, add),
      problem,
    );
    this.fields.set("evidence", { element, problem, focus: () => this.evidenceRows[0]?.picker.input.focus() });
    return element;
  }

  private renderEvidence(): void {
    const { values } = this.options;
    this.evidenceRows.length = 0;
    this.evidenceList.replaceChildren(
      ...values.evidence.map((row, position) => {
        const picker = new SourcePicker(`Source ${position + 1}`, this.options.index, (id) => {
          row.source = id;
          this.touched.add(`evidence/${position}/source`);
          this.changed();
        });
        picker.setValue(row.source);
        const locatorId = uniqueId("editor-locator");
        const locator = el("input", { attrs: { id: locatorId, type: "text", placeholder: "page, paragraph or quote" } });
        locator.value = row.locator;
        locator.addEventListener("input", () => {
          row.locator = locator.value;
          this.changed();
        });
        const sourceProblem = el("p", { class: "field-problem" });
        const rowProblem = el("p", { class: "field-problem" });
        const remove = el("button", { class: "button", text: "Remove", attrs: { type: "button", "aria-label": `Remove citation ${position + 1}` } });
        remove.addEventListener("click", () => {
          values.evidence.splice(position, 1);
          this.renderEvidence();
          this.changed();
        });
        const newSource = this.options.onNewSource ? el("button", { class: "button", text: "New source…", attrs: { type: "button" } }) : null;
        newSource?.addEventListener("click", () => this.options.onNewSource?.(position));
        this.evidenceRows.push({ problem: rowProblem, sourceProblem, picker });
        return el(
          "div",
          { class: "evidence-row", attrs: { "data-row": position } },
          picker.element,
          sourceProblem,
          el("label", { text: "Where in it (optional)", attrs: { for: locatorId } }),
          locator,
          rowProblem,
          el("div", { class: "button-row" }, newSource, remove),
        );
      }),
    );
  }

  /** A value changed: suggest an id (until the user types one), validate, tell the owner. */
  private changed(): void {
    if (!this.idTouched) {
      const idInput = this.fields.get("id")?.element.querySelector("input");
      const suggested = this.suggestedId();
      if (idInput && suggested !== null) {
        idInput.value = suggested;
        this.options.values.fields.id = suggested;
      }
    }
    this.validate();
    this.options.onInput(this.options.values, this.file);
  }

  private suggestedId(): string | null {
    const { fields } = this.options.values;
    const base =
      this.options.collection === "entities"
        ? fields.name
        : this.options.collection === "sources"
          ? [fields.publisher, fields.published?.slice(0, 4), fields.title].filter(Boolean).join(" ")
          : [fields.source, fields.kind, fields.target, fields.start?.slice(0, 4)].filter(Boolean).join(" ");
    return base && base.trim() !== "" ? suggestId(this.options.index(), base) : null;
  }

  record(): Record<string, unknown> {
    return recordOf(this.options.collection, this.options.values, this.options.original);
  }

  problems(): FieldProblem[] {
    const original = this.options.original === null ? null : String(this.options.original.id);
    return checkRecord(this.options.index(), this.options.collection, this.record(), original);
  }

  private validate(): FieldProblem[] {
    const { collection, values } = this.options;
    if (collection === "relations") this.limitEnds(values.fields.kind ?? "");
    const problems = this.problems();
    const shown = new Map<HTMLElement, string[]>();
    const say = (element: HTMLElement, message: string): void => {
      shown.set(element, [...(shown.get(element) ?? []), message]);
    };
    for (const problem of problems) {
      const [top = "", row, part] = problem.field.split("/");
      if (!this.touched.has("*") && !this.touched.has(top) && !this.touched.has(problem.field) && !(top === "evidence" && this.touched.has(`evidence/${row}/source`))) continue;
      const evidence = top === "evidence" && row !== undefined ? this.evidenceRows[Number(row)] : undefined;
      const target = evidence ? (part === "source" ? evidence.sourceProblem : evidence.problem) : (this.fields.get(top)?.problem ?? this.formProblem);
      say(target, problem.severity === "warning" ? `Warning: ${problem.message}` : problem.message);
    }
    for (const element of [...[...this.fields.values()].map((field) => field.problem), ...this.evidenceRows.flatMap((row) => [row.problem, row.sourceProblem]), this.formProblem]) {
      const messages = shown.get(element) ?? [];
      element.textContent = messages.join("; ");
      element.hidden = messages.length === 0;
      element.closest(".field")?.toggleAttribute("data-invalid", messages.length > 0 && element !== this.formProblem);
    }
    this.showDateHints();
    this.showDuplicates();
    const blocked = hasErrors(problems) || this.file === null;
    this.submit.disabled = blocked;
    this.element.dataset.valid = String(!blocked);
    return problems;
  }

  /** A date's hint says which precision it carries ("2019-11": month), so the kept precision is visible. */
  private showDateHints(): void {
    for (const spec of formFields(this.options.collection)) {
      if (spec.type !== "date") continue;
      const hint = this.fields.get(spec.name)?.element.querySelector<HTMLElement>(".field-hint");
      const value = (this.options.values.fields[spec.name] ?? "").trim();
      if (hint) hint.textContent = value !== "" && isPartialDate(value) ? `${spec.hint ?? ""} (this one: to the ${datePrecision(value)})` : (spec.hint ?? "");
    }
  }

  private limitEnds(kind: string): void {
    for (const [name, { index }] of this.endPickers) {
      const allowed = name === "about" ? null : new Set<string>(allowedEndKinds(kind, name === "source" ? "source" : "target"));
      index.entries = allowed === null ? this.options.entities.entries : this.options.entities.entries.filter(({ entry }) => allowed.has(entry.kind));
    }
    const about = this.fields.get("about")?.element;
    if (about) about.hidden = !takesAbout(kind) && (this.options.values.fields.about ?? "") === "";
  }

  private showDuplicates(): void {
    const { collection, values, original } = this.options;
    const except = original === null ? null : String(original.id);
    let found: Duplicate[] = [];
    if (collection === "entities") found = likelyDuplicateEntities(this.options.index(), [values.fields.name ?? "", ...(values.fields.aliases ?? "").split("\n")], except);
    if (collection === "sources") found = likelyDuplicateSources(this.options.index(), values.fields.url ?? "", values.fields.title ?? "", except);
    if (found.length === 0) {
      this.duplicates.replaceChildren();
      return;
    }
    const target: RecordCollection = collection === "sources" ? "sources" : "entities";
    this.duplicates.replaceChildren(
      el("p", { class: "duplicates-heading", text: "Possibly already in the dataset:" }),
      el(
        "ul",
        {},
        ...found.map((duplicate) => {
          const open = el("button", { class: "entity-link", text: duplicate.label, attrs: { type: "button", "data-id": duplicate.id } });
          open.addEventListener("click", () => this.options.onDuplicate(target, duplicate.id));
          return el("li", {}, open, ` (${duplicate.why})`);
        }),
      ),
    );
  }

  private trySubmit(): void {
    this.touched.add("*");
    const problems = this.validate();
    if (hasErrors(problems) || this.file === null) {
      const first = problems.find((problem) => problem.severity === "error");
      this.fields.get(first?.field.split("/")[0] ?? "")?.focus();
      return;
    }
    const refused = this.options.onSubmit(this.record(), this.file);
    if (refused !== null) {
      this.formProblem.textContent = refused;
      this.formProblem.hidden = false;
    }
  }
}

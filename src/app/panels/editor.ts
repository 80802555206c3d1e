/**
 * The editor: a card over the graph with the form of the entity, relation or source being added or changed
 * (ui/record-form.ts), opened from an entity's details ("Add relation from here", "Edit entity", a relation's
 * "Edit"), from two selected entities, or from the workbench bar. What it holds is kept in the workbench
 * (edit/workbench.ts) while it is open, so an edit (which rebuilds the explorer) or a change on disk does not
 * lose typing; "New source…" from a citation stacks a source form on the relation's, then returns to it.
 * Deleting a record that others refer to lists them and offers to delete them too.
 */
import type { RecordCollection, RecordEdit } from "../../formats/json/edit.ts";
import { emptyValues, valuesOf, type FormValues } from "../edit/form.ts";
import { defaultFileFor, referrersOf } from "../edit/records.ts";
import type { FormDraft, Workbench } from "../edit/workbench.ts";
import { el } from "../ui/dom.ts";
import { RecordForm } from "../ui/record-form.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext, type PanelRequest } from "./panel.ts";
import "./editor.css";

const NOUN: Record<RecordCollection, string> = { entities: "entity", relations: "relation", sources: "source" };

type EditRequest = Extract<PanelRequest, { type: "edit" }>;

/** The draft an edit request opens: the record's values, or a new record's (a relation's ends filled in). */
export function draftFor(workbench: Workbench, request: EditRequest, near: string | null): FormDraft | null {
  const index = workbench.index();
  const { collection } = request;
  if (request.id !== null) {
    const found = index[collection].get(request.id);
    if (!found) return null;
    return { collection, original: request.id, values: valuesOf(collection, found.record), file: found.file };
  }
  const values = emptyValues(collection);
  if (request.from !== undefined) values.fields.source = request.from;
  if (request.to !== undefined) values.fields.target = request.to;
  return { collection, original: null, values, file: defaultFileFor(index, collection, request.from ?? near) };
}

function mount(context: PanelContext): MountedPanel {
  const { workbench } = context;
  const card = el("section", { class: "editor-card", attrs: { id: "editor", "aria-label": "Editor" } });
  card.hidden = true;
  context.region("pane").append(card);
  if (!workbench) return { update: () => {}, destroy: () => {} };

  const between = el("button", { class: "button", text: "Add relation between the two", attrs: { type: "button", id: "relation-between" } });
  between.hidden = true;
  between.addEventListener("click", () => {
    const [from, to] = [...context.store.get().selection];
    if (from !== undefined && to !== undefined) open({ type: "edit", collection: "relations", id: null, from, to });
  });
  context.region("selection-actions").prepend(between);

  let form: RecordForm | null = null;

  const close = (): void => {
    workbench.drafts.pop();
    show();
  };

  const open = (request: EditRequest): void => {
    const draft = draftFor(workbench, request, context.store.get().view.focus);
    if (!draft) return;
    workbench.drafts = [draft];
    show();
    form?.focusFirst();
  };

  const remove = (draft: FormDraft): void => {
    const id = draft.original;
    if (id === null || draft.file === null) return;
    const index = workbench.index();
    const referrers = draft.collection === "relations" ? [] : referrersOf(index, id);
    const own: { path: string; edit: RecordEdit } = { path: draft.file, edit: { op: "delete", collection: draft.collection, id } };
    if (referrers.length === 0) {
      commitClosing(draft, () => workbench.commitAll([own]));
      return;
    }
    const cascade = el("button", { class: "button danger", text: `Delete ${NOUN[draft.collection]} and these ${referrers.length} relation(s)`, attrs: { type: "button" } });
    const keep = el("button", { class: "button", text: "Keep it", attrs: { type: "button" } });
    const confirm = el(
      "div",
      { class: "delete-confirm", attrs: { role: "alert" } },
      el("p", { text: `${referrers.length} relation(s) refer to ${id}; it cannot be deleted alone:` }),
      el("ul", {}, ...referrers.slice(0, 20).map((relation) => el("li", {}, el("code", { text: relation }), ` (${index.relations.get(relation)?.file ?? ""})`))),
      referrers.length > 20 ? el("p", { text: `and ${referrers.length - 20} more` }) : null,
      el("div", { class: "button-row" }, cascade, keep),
    );
    cascade.addEventListener("click", () =>
      commitClosing(draft, () =>
        workbench.commitAll([
          ...referrers.map((relation): { path: string; edit: RecordEdit } => ({
            path: index.relations.get(relation)?.file ?? draft.file ?? "",
            edit: { op: "delete", collection: "relations", id: relation },
          })),
          own,
        ]),
      ),
    );
    keep.addEventListener("click", () => confirm.remove());
    card.querySelector(".delete-confirm")?.remove();
    card.append(confirm);
    cascade.focus();
  };

  /**
   * Commits with the form closed: a commit rebuilds the explorer, whose editor shows the form beneath (or
   * none); when the commit is refused nothing was rebuilt and the form comes back with the problem.
   */
  const commitClosing = (draft: FormDraft, commit: () => string | null): string | null => {
    const index = workbench.drafts.lastIndexOf(draft);
    if (index >= 0) workbench.drafts.splice(index, 1);
    const problem = commit();
    if (problem !== null) workbench.drafts.splice(index >= 0 ? index : workbench.drafts.length, 0, draft);
    else if (card.isConnected) show();
    return problem;
  };

  const show = (): void => {
    const draft = workbench.drafts.at(-1);
    card.hidden = draft === undefined;
    if (!draft) {
      form = null;
      card.replaceChildren();
      return;
    }
    const index = workbench.index();
    const original = draft.original === null ? null : ((index[draft.collection].get(draft.original)?.record as unknown as Record<string, unknown> | undefined) ?? null);
    form = new RecordForm({
      collection: draft.collection,
      original,
      values: draft.values,
      file: draft.file,
      files: index.files.map((file) => file.path),
      index: () => workbench.index(),
      entities: context.search.index,
      onInput: (values: FormValues, file) => {
        draft.values = values;
        draft.file = file;
      },
      onSubmit: (record, file) => {
        const id = String(record.id);
        const edit: RecordEdit = draft.original === null ? { op: "add", collection: draft.collection, id, record } : { op: "replace", collection: draft.collection, id: draft.original, record };
        // A source added from a citation fills that citation in the form beneath (before the commit rebuilds it).
        const citation = draft.returnTo === undefined ? undefined : workbench.drafts.at(-2)?.values.evidence[draft.returnTo];
        const before = citation?.source;
        if (citation) citation.source = id;
        const problem = commitClosing(draft, () => workbench.commit(file, edit));
        if (problem !== null && citation && before !== undefined) citation.source = before;
        return problem;
      },
      onCancel: close,
      onDelete: draft.original === null ? null : () => remove(draft),
      onDuplicate: (collection, id) => {
        if (collection === "entities") context.choose(id);
        else {
          const found = draftFor(workbench, { type: "edit", collection, id }, null);
          if (found) {
            workbench.drafts.push(found);
            show();
          }
        }
      },
      onNewSource:
        draft.collection === "relations"
          ? (row) => {
              const source = draftFor(workbench, { type: "edit", collection: "sources", id: null }, draft.values.fields.source ?? null);
              if (!source) return;
              source.returnTo = row;
              workbench.drafts.push(source);
              show();
              form?.focusFirst();
            }
          : null,
    });
    const stacked = workbench.drafts.length > 1 ? el("p", { class: "hint", text: `Back to the ${NOUN[workbench.drafts.at(-2)?.collection ?? "relations"]} once this is added or cancelled.` }) : null;
    card.replaceChildren(stacked ?? "", form.element);
  };

  show();
  const selection = new Inputs();
  // No `element`: the card shows itself only while a form is open.
  return {
    update: (state) => {
      if (selection.changed(state.selection)) between.hidden = state.selection.size !== 2;
    },
    destroy: () => {},
    handle: (request) => {
      if (request.type === "edit") open(request);
    },
    onEscape: (target) => {
      // Escape inside the form closes it (a picker's open list closes first: it keeps its Escape).
      if (card.hidden || !card.contains(target as Node | null)) return false;
      close();
      return true;
    },
  };
}

export const editorPanel: Panel = { id: "editor", mount };

/**
 * The workbench bar in the header (New entity / relation / source, Undo, Redo, how many edits are unsaved)
 * and the Unsaved edits section of the side panel: every pending edit, a diff of each changed file, Save all
 * (or, on a static site, Download changed files) and Discard. A refused save is said here: a file changed on
 * disk shows that change and offers to re-apply the edits to it (they are kept meanwhile); an invalid dataset
 * lists its problems. Edits kept from an earlier visit are offered back here.
 */
import { structuredPatch } from "diff";
import { plural } from "../model/format.ts";
import { canRedo, canUndo, changedFiles } from "../edit/session.ts";
import type { Conflict, SaveReport, Workbench, WorkbenchState } from "../edit/workbench.ts";
import { append, el } from "../ui/dom.ts";
import { issueList } from "../ui/errors.ts";
import { isTextEntry, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./pending.css";

/** A unified diff of two texts as lines ("+", "-", " " and "@@" hunk heads), a few lines of context each. */
export function diffLines(before: string, after: string): { kind: "add" | "remove" | "same" | "hunk"; text: string }[] {
  const patch = structuredPatch("before", "after", before, after, "", "", { context: 1 });
  return patch.hunks.flatMap((hunk) => [
    { kind: "hunk" as const, text: `@@ line ${hunk.newStart} @@` },
    ...hunk.lines.map((line) => ({ kind: line.startsWith("+") ? ("add" as const) : line.startsWith("-") ? ("remove" as const) : ("same" as const), text: line })),
  ]);
}

function diffView(before: string, after: string, label: string): HTMLElement {
  return el(
    "pre",
    { class: "diff", attrs: { "aria-label": label, tabindex: "0" } },
    ...diffLines(before, after).map((line) => el("span", { class: `diff-${line.kind}`, text: `${line.text}\n` })),
  );
}

function button(text: string, id?: string, title?: string): HTMLButtonElement {
  return el("button", { class: "button", text, attrs: { type: "button", id, title, "aria-label": title } });
}

function mount(context: PanelContext): MountedPanel {
  const { workbench } = context;
  const section = el("section", { class: "panel-section pending", attrs: { id: "pending", "aria-labelledby": "pending-heading" } });
  section.hidden = true;
  if (!workbench) return { update: () => {}, destroy: () => {} };
  const newEntity = button("+ Entity", undefined, "New entity");
  const newRelation = button("+ Relation", undefined, "New relation");
  const newSource = button("+ Source", undefined, "New source");
  const undoButton = button("Undo", "undo");
  const redoButton = button("Redo", "redo");
  const count = el("button", { class: "button pending-count", attrs: { type: "button", id: "pending-count", "aria-controls": "pending" } });
  const bar = el(
    "div",
    { class: "workbench-bar", attrs: { role: "toolbar", "aria-label": "Edit the dataset" } },
    newEntity,
    newRelation,
    newSource,
    undoButton,
    redoButton,
    count,
  );
  context.region("header").append(bar);
  context.region("side").prepend(section);
  for (const [control, collection] of [
    [newEntity, "entities"],
    [newRelation, "relations"],
    [newSource, "sources"],
  ] as const)
    control.addEventListener("click", () => context.request({ type: "edit", collection, id: null }));
  undoButton.addEventListener("click", () => workbench.undo());
  redoButton.addEventListener("click", () => workbench.redo());
  count.addEventListener("click", () => section.scrollIntoView({ block: "start" }));

  const render = (state: WorkbenchState): void => {
    const { session } = state;
    undoButton.disabled = !canUndo(session);
    redoButton.disabled = !canRedo(session);
    undoButton.title = session.edits.at(-1) ? `Undo: ${session.edits.at(-1)?.summary ?? ""}` : "Nothing to undo";
    redoButton.title = session.undone.at(-1) ? `Redo: ${session.undone.at(-1)?.summary ?? ""}` : "Nothing to redo";
    count.textContent = session.edits.length === 0 ? "Saved" : plural(session.edits.length, "unsaved edit");
    count.dataset.count = String(session.edits.length);
    section.dataset.count = String(session.edits.length);
    section.dataset.saving = String(state.saving);
    section.dataset.report = state.report?.status ?? "";
    section.hidden = session.edits.length === 0 && state.report === null && state.offered === null && state.otherTabs === 0;
    const changed = changedFiles(session);
    const save = button(workbench.mode === "server" ? "Save all" : "Download changed files", "save-all");
    save.disabled = state.saving || changed.length === 0;
    save.addEventListener("click", () => void workbench.save());
    const discard = button("Discard all", "discard-all");
    discard.disabled = state.saving || session.edits.length === 0;
    discard.addEventListener("click", () => workbench.discard());
    section.replaceChildren();
    append(
      section,
      el("h2", { class: "section-heading", text: "Unsaved edits", attrs: { id: "pending-heading" } }),
      offeredView(workbench, state),
      state.otherTabs > 0
        ? el("p", { class: "hint", text: `This dataset is open in ${plural(state.otherTabs, "other tab")}: each keeps its own edits, and a save that would overwrite a change made elsewhere is refused.` })
        : null,
      reportView(workbench, state.report),
      session.edits.length > 0
        ? el("ol", { class: "pending-list" }, ...session.edits.map((edit) => el("li", {}, edit.summary, el("span", { class: "pending-file", text: ` (${edit.path})` }))))
        : null,
      ...changed.map((file) => el("details", { class: "pending-diff" }, el("summary", { text: `Diff of ${file.path}` }), diffView(file.baseText, file.text, `Changes to ${file.path}`))),
      session.edits.length > 0
        ? el("p", { class: "hint", text: workbench.mode === "server" ? "Save writes every changed file, or none." : "This page is not served by atlas serve: Save downloads the changed files to put in the dataset folder." })
        : null,
      session.edits.length > 0 ? el("div", { class: "button-row" }, save, discard) : null,
    );
  };
  render(workbench.store.get());
  const unsubscribe = workbench.store.subscribe((state) => render(state));

  const onKey = (event: KeyboardEvent): void => {
    if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== "z" || isTextEntry(event.target)) return;
    event.preventDefault();
    if (event.shiftKey) workbench.redo();
    else workbench.undo();
  };
  document.addEventListener("keydown", onKey);
  // No `element`: the section shows itself only while there is something to say.
  return {
    update: () => {},
    destroy: () => {
      unsubscribe();
      document.removeEventListener("keydown", onKey);
      bar.remove();
    },
  };
}

function offeredView(workbench: Workbench, state: WorkbenchState): HTMLElement | null {
  if (!state.offered) return null;
  const restore = button("Restore them", "restore-edits");
  restore.addEventListener("click", () => workbench.restoreOffered());
  const drop = button("Discard them");
  drop.addEventListener("click", () => workbench.dropOffered());
  return el(
    "div",
    { class: "pending-offer", attrs: { role: "status" } },
    el("p", { text: `${plural(state.offered.edits.length, "unsaved edit")} from an earlier visit to this dataset were kept in this browser.` }),
    el("div", { class: "button-row" }, restore, drop),
  );
}

function conflictView(workbench: Workbench, conflict: Conflict): HTMLElement {
  const reapply = button(`Reload ${conflict.path} and re-apply the edits`);
  reapply.classList.add("reapply");
  reapply.addEventListener("click", () => workbench.reapply(conflict));
  return el(
    "div",
    { class: "conflict", attrs: { "data-path": conflict.path } },
    el("p", { text: conflict.diskText === null ? `${conflict.path} was removed from disk since it was read.` : `${conflict.path} changed on disk since it was read (another editor, git, another tab). Its change:` }),
    conflict.diskText === null ? null : diffView(conflict.baseText, conflict.diskText, `External change to ${conflict.path}`),
    conflict.diskText === null ? null : reapply,
  );
}

function reportView(workbench: Workbench, report: SaveReport | null): HTMLElement | null {
  if (report === null) return null;
  switch (report.status) {
    case "saved":
      return el("p", { class: "save-report saved", attrs: { role: "status" }, text: `Saved ${report.files.join(", ")}.` });
    case "downloaded":
      return el("p", { class: "save-report saved", attrs: { role: "status" }, text: `Downloaded ${report.files.join(", ")}: put them in the dataset folder.` });
    case "reapplied":
      return el(
        "div",
        { class: "save-report", attrs: { role: "status" } },
        el("p", { text: `The edits now apply to ${report.path} as it is on disk; save again to write them.` }),
        report.dropped.length > 0 ? el("ul", {}, ...report.dropped.map((text) => el("li", { text: `Dropped: ${text}` }))) : null,
      );
    case "conflict":
      return el(
        "div",
        { class: "save-report refused", attrs: { role: "alert" } },
        el("p", { text: "Nothing was saved: the edits are kept." }),
        ...report.conflicts.map((conflict) => conflictView(workbench, conflict)),
      );
    case "invalid":
      return el("div", { class: "save-report refused", attrs: { role: "alert" } }, el("p", { text: "Nothing was saved: the dataset would not validate." }), issueList(report.issues));
    case "refused":
      return el("p", { class: "save-report refused", attrs: { role: "alert" }, text: `Nothing was saved: ${report.message}.` });
  }
}

export const pendingPanel: Panel = { id: "pending", mount };

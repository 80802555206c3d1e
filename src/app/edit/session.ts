/**
 * The edit session: the dataset files as read (their texts and sha256s, the bases of a save), the pending
 * record edits in order, and what undo has taken back (redo's stack). Pure and serialisable (it is kept in
 * localStorage as it is): every function returns a new session. A file's current text is its base text with
 * its pending edits applied by formats/json/edit.ts, so a save changes only the lines of the edited records.
 */
import { applyRecordEdits, type RecordCollection, type RecordEdit } from "../../formats/json/edit.ts";

export interface BaseFile {
  path: string;
  text: string;
  /** The sha256 of the text as read; null for a file the session creates. */
  sha256: string | null;
}

export interface PendingEdit {
  /** The dataset file the edit changes. */
  path: string;
  edit: RecordEdit;
  /** What the edit does, in words ("add relation canada-bans-huawei"). */
  summary: string;
}

export interface EditSession {
  /** The files as read, by path. */
  files: Readonly<Record<string, BaseFile>>;
  edits: readonly PendingEdit[];
  /** Edits undo took back, the most recent last. */
  undone: readonly PendingEdit[];
}

/** One file to write: what the save sends (files/served.ts FileChange). */
export interface ChangedFile {
  path: string;
  baseSha256: string | null;
  baseText: string;
  text: string;
}

export type Applied = { ok: true; session: EditSession } | { ok: false; problem: string };

const NOUN: Record<RecordCollection, string> = { entities: "entity", relations: "relation", sources: "source" };

export function startSession(files: readonly BaseFile[]): EditSession {
  return { files: Object.fromEntries(files.map((file) => [file.path, { ...file }])), edits: [], undone: [] };
}

/** "add relation x", "change entity y", "delete source z". */
export function describeEdit(edit: RecordEdit): string {
  const verb = edit.op === "add" ? "add" : edit.op === "replace" ? "change" : "delete";
  return `${verb} ${NOUN[edit.collection]} ${edit.id}`;
}

/** The file's text with the given edits applied; the base text when none apply to it. */
function textWith(session: EditSession, path: string, edits: readonly PendingEdit[]): { ok: true; text: string } | { ok: false; problem: string } {
  const base = session.files[path]?.text ?? "{}\n";
  const mine = edits.filter((edit) => edit.path === path).map((edit) => edit.edit);
  return mine.length === 0 ? { ok: true, text: base } : applyRecordEdits(base, mine);
}

/** The file's text now, with its pending edits (every stored edit applied once, so this cannot fail). */
export function currentText(session: EditSession, path: string): string {
  const outcome = textWith(session, path, session.edits);
  return outcome.ok ? outcome.text : (session.files[path]?.text ?? "");
}

/** Adds an edit when it applies to the file's current text; a new edit clears what redo could bring back. */
export function addEdit(session: EditSession, path: string, edit: RecordEdit): Applied {
  const placed = edit.op === "add" && edit.before === undefined ? placeAdded(currentText(session, path), edit) : edit;
  const pending: PendingEdit = { path, edit: placed, summary: describeEdit(edit) };
  const outcome = textWith(session, path, [...session.edits, pending]);
  if (!outcome.ok) return { ok: false, problem: `${path}: ${outcome.problem}` };
  const files = session.files[path] ? session.files : { ...session.files, [path]: { path, text: "{}\n", sha256: null } };
  return { ok: true, session: { files, edits: [...session.edits, pending], undone: [] } };
}

/**
 * A new record goes before the last record of its collection, not after it: appending would add a comma to
 * the last record's line, and a `git diff` would show that line changed too. Only the new lines differ so.
 */
function placeAdded(text: string, edit: Extract<RecordEdit, { op: "add" }>): RecordEdit {
  let items: unknown;
  try {
    items = (JSON.parse(text) as Record<string, unknown> | null)?.[edit.collection];
  } catch {
    return edit;
  }
  const last: unknown = Array.isArray(items) ? items.at(-1) : undefined;
  const id = typeof last === "object" && last !== null ? (last as { id?: unknown }).id : undefined;
  return typeof id === "string" ? { ...edit, before: id } : edit;
}

export function canUndo(session: EditSession): boolean {
  return session.edits.length > 0;
}

export function canRedo(session: EditSession): boolean {
  return session.undone.length > 0;
}

/** Takes back the latest edit. */
export function undo(session: EditSession): EditSession {
  const last = session.edits.at(-1);
  if (!last) return session;
  return { ...session, edits: session.edits.slice(0, -1), undone: [...session.undone, last] };
}

/** Brings back the edit undo took back last. */
export function redo(session: EditSession): EditSession {
  const next = session.undone.at(-1);
  if (!next) return session;
  return { ...session, edits: [...session.edits, next], undone: session.undone.slice(0, -1) };
}

/** Drops every pending edit (and the redo stack). */
export function discardAll(session: EditSession): EditSession {
  return session.edits.length === 0 && session.undone.length === 0 ? session : { ...session, edits: [], undone: [] };
}

/** The files whose text the pending edits change, with their bases. */
export function changedFiles(session: EditSession): ChangedFile[] {
  const paths = [...new Set(session.edits.map((edit) => edit.path))].sort();
  const changed: ChangedFile[] = [];
  for (const path of paths) {
    const base = session.files[path];
    const text = currentText(session, path);
    const baseText = base?.sha256 === null ? "" : (base?.text ?? "");
    if (text !== baseText || base?.sha256 === null) changed.push({ path, baseSha256: base?.sha256 ?? null, baseText, text });
  }
  return changed;
}

/**
 * After a save wrote these files: their texts become the bases (with the sha256s the server or the download
 * computed) and their edits leave the session; edits of other files stay pending.
 */
export function markSaved(session: EditSession, saved: readonly { path: string; sha256: string; text: string }[]): EditSession {
  const files = { ...session.files };
  for (const file of saved) files[file.path] = { path: file.path, text: file.text, sha256: file.sha256 };
  const paths = new Set(saved.map((file) => file.path));
  return { files, edits: session.edits.filter((edit) => !paths.has(edit.path)), undone: session.undone.filter((edit) => !paths.has(edit.path)) };
}

/**
 * The folder's files as read again (a change on disk, a save): files without pending edits take the new
 * texts; a file with pending edits keeps its base, so a save of it is checked against what is on disk now
 * (and refused when that changed) rather than silently overwriting it.
 */
export function followFiles(session: EditSession, files: readonly BaseFile[]): EditSession {
  const edited = new Set([...session.edits, ...session.undone].map((edit) => edit.path));
  const next: Record<string, BaseFile> = {};
  for (const file of files) next[file.path] = edited.has(file.path) ? (session.files[file.path] ?? file) : { ...file };
  for (const path of edited) if (!next[path] && session.files[path]) next[path] = session.files[path];
  return { ...session, files: next };
}

/**
 * Re-applies the file's pending edits to the text now on disk (after a save was refused because the file
 * changed): the text becomes the file's base; edits that no longer apply (their record is gone, or was added
 * meanwhile) are dropped and returned with their problem.
 */
export function rebaseFile(
  session: EditSession,
  file: BaseFile,
): { session: EditSession; dropped: { edit: PendingEdit; problem: string }[] } {
  const dropped: { edit: PendingEdit; problem: string }[] = [];
  const kept: PendingEdit[] = [];
  let text = file.text;
  for (const pending of session.edits) {
    if (pending.path !== file.path) {
      kept.push(pending);
      continue;
    }
    const outcome = applyRecordEdits(text, [pending.edit]);
    if (outcome.ok) {
      text = outcome.text;
      kept.push(pending);
    } else dropped.push({ edit: pending, problem: outcome.problem });
  }
  return {
    session: { files: { ...session.files, [file.path]: { ...file } }, edits: kept, undone: session.undone.filter((edit) => edit.path !== file.path) },
    dropped,
  };
}

/** A stored session (localStorage) read back: the shape checked, since storage is untrusted input. */
export function readStoredSession(value: unknown): EditSession | null {
  if (typeof value !== "object" || value === null) return null;
  const { files, edits, undone } = value as Record<string, unknown>;
  if (typeof files !== "object" || files === null || !Array.isArray(edits) || !Array.isArray(undone)) return null;
  const isFile = (file: unknown): file is BaseFile =>
    typeof file === "object" &&
    file !== null &&
    typeof (file as BaseFile).path === "string" &&
    typeof (file as BaseFile).text === "string" &&
    (typeof (file as BaseFile).sha256 === "string" || (file as BaseFile).sha256 === null);
  const isEdit = (edit: unknown): edit is PendingEdit => {
    if (typeof edit !== "object" || edit === null) return false;
    const { path, edit: change, summary } = edit as { path?: unknown; edit?: unknown; summary?: unknown };
    if (typeof path !== "string" || typeof summary !== "string" || typeof change !== "object" || change === null) return false;
    const { op, collection, id, record } = change as { op?: unknown; collection?: unknown; id?: unknown; record?: unknown };
    return (
      (op === "add" || op === "replace" || op === "delete") &&
      (collection === "entities" || collection === "relations" || collection === "sources") &&
      typeof id === "string" &&
      (op === "delete" || (typeof record === "object" && record !== null && !Array.isArray(record)))
    );
  };
  const fileList = Object.values(files as Record<string, unknown>);
  if (!fileList.every(isFile) || !edits.every(isEdit) || !undone.every(isEdit)) return null;
  return { files: Object.fromEntries(fileList.map((file) => [file.path, file])), edits, undone };
}

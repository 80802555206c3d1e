import { diffLines } from "diff";
import { describe, expect, it } from "vitest";
import {
  addEdit,
  canRedo,
  canUndo,
  changedFiles,
  currentText,
  discardAll,
  followFiles,
  markSaved,
  readStoredSession,
  rebaseFile,
  redo,
  startSession,
  undo,
  type EditSession,
} from "../../../src/app/edit/session.ts";
import { parseDataset } from "../../../src/load/parse.ts";
import { ACTORS, FILES, PRESSURE } from "./fixture.ts";

function added(session: EditSession): EditSession {
  const applied = addEdit(session, "actors.json", { op: "add", collection: "relations", id: PRESSURE.id, record: PRESSURE });
  if (!applied.ok) throw new Error(applied.problem);
  return applied.session;
}

describe("the edit session", () => {
  it("applies an added relation to its file's text, before the last relation, so that no existing line changes", () => {
    const session = added(startSession(FILES));
    const text = currentText(session, "actors.json");
    const removed = diffLines(ACTORS, text).filter((part) => part.removed);
    expect(removed).toEqual([]);
    expect(text.indexOf('"id": "canada-presses-bell"')).toBeLessThan(text.indexOf('"id": "bell-uses-huawei"'));
    const loaded = parseDataset(FILES.map((file) => ({ file: file.path, text: currentText(session, file.path) })));
    expect(loaded.ok).toBe(true);
    expect(changedFiles(session).map((file) => file.path)).toEqual(["actors.json"]);
    expect(changedFiles(session)[0]?.baseSha256).toBe("a".repeat(64));
  });

  it("refuses an edit that cannot apply (a second record with the same id) and keeps the session", () => {
    const session = added(startSession(FILES));
    const again = addEdit(session, "actors.json", { op: "add", collection: "relations", id: PRESSURE.id, record: PRESSURE });
    expect(again.ok).toBe(false);
    expect(!again.ok && again.problem).toMatch(/already has a relation/);
  });

  it("undoes and redoes every edit in order, and a new edit clears redo", () => {
    const first = added(startSession(FILES));
    const changeEnd = addEdit(first, "actors.json", {
      op: "replace",
      collection: "relations",
      id: PRESSURE.id,
      record: { ...PRESSURE, end: "2025-12" },
    });
    if (!changeEnd.ok) throw new Error(changeEnd.problem);
    const undone = undo(changeEnd.session);
    expect(currentText(undone, "actors.json")).toBe(currentText(first, "actors.json"));
    expect(canRedo(undone)).toBe(true);
    expect(currentText(redo(undone), "actors.json")).toContain('"end": "2025-12"');
    const back = undo(undo(changeEnd.session));
    expect(currentText(back, "actors.json")).toBe(ACTORS);
    expect(canUndo(back)).toBe(false);
    const fresh = addEdit(undone, "actors.json", { op: "delete", collection: "entities", id: "jane-doe" });
    expect(fresh.ok && canRedo(fresh.session)).toBe(false);
    expect(discardAll(changeEnd.session).edits).toEqual([]);
  });

  it("creates a new file for a record added to a path it does not have", () => {
    const applied = addEdit(startSession(FILES), "new.json", { op: "add", collection: "entities", id: "x", record: { id: "x", kind: "person", name: "X" } });
    if (!applied.ok) throw new Error(applied.problem);
    const [file] = changedFiles(applied.session);
    expect(file?.baseSha256).toBeNull();
    expect(JSON.parse(file?.text ?? "")).toEqual({ entities: [{ id: "x", kind: "person", name: "X" }] });
  });

  it("after a save, the saved texts are the bases and their edits leave the session", () => {
    const session = added(startSession(FILES));
    const saved = markSaved(session, [{ path: "actors.json", text: currentText(session, "actors.json"), sha256: "c".repeat(64) }]);
    expect(saved.edits).toEqual([]);
    expect(saved.files["actors.json"]?.sha256).toBe("c".repeat(64));
    expect(changedFiles(saved)).toEqual([]);
  });

  it("follows files read again, but keeps the base of a file with pending edits (so a stale save is refused)", () => {
    const session = added(startSession(FILES));
    const followed = followFiles(session, [
      { path: "actors.json", text: ACTORS.replace("Jane Doe", "Jane Roe"), sha256: "d".repeat(64) },
      { path: "sources/world.json", text: "{}", sha256: "e".repeat(64) },
    ]);
    expect(followed.files["actors.json"]?.sha256).toBe("a".repeat(64));
    expect(followed.files["sources/world.json"]?.sha256).toBe("e".repeat(64));
  });

  it("re-applies pending edits to a file changed on disk, dropping those that no longer apply", () => {
    const session = added(startSession(FILES));
    const external = ACTORS.replace("Jane Doe", "Jane Roe");
    const { session: rebased, dropped } = rebaseFile(session, { path: "actors.json", text: external, sha256: "f".repeat(64) });
    expect(dropped).toEqual([]);
    expect(currentText(rebased, "actors.json")).toContain("Jane Roe");
    expect(currentText(rebased, "actors.json")).toContain(PRESSURE.id);
    const gone = rebaseFile(session, { path: "actors.json", text: currentText(session, "actors.json"), sha256: "f".repeat(64) });
    expect(gone.dropped.map((item) => item.edit.summary)).toEqual([`add relation ${PRESSURE.id}`]);
  });

  it("reads a stored session back, and refuses a malformed one", () => {
    const session = added(startSession(FILES));
    expect(readStoredSession(JSON.parse(JSON.stringify(session)))).toEqual(session);
    expect(readStoredSession({ files: {}, edits: [{ path: "a.json", edit: { op: "drop" } }], undone: [] })).toBeNull();
    expect(readStoredSession("nonsense")).toBeNull();
  });
});

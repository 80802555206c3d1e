/**
 * The workbench of one dataset in the page: its edit session (session.ts) in a store, kept across the
 * explorer being rebuilt (every edit and every change on disk rebuilds it), saved to localStorage on every
 * change and offered back on the next open, and saved to the files: through `atlas serve` (POST /api/save,
 * all files or none, each checked against the sha256 it was read with) or, on a static site, as downloads.
 * Tabs of the same dataset keep their edits under their own keys and tell each other that they are open
 * (BroadcastChannel, and a stamp in localStorage), so one never overwrites another's and only a closed tab's
 * edits are offered back; the server's base check refuses a stale save.
 */
import type { RecordEdit } from "../../formats/json/edit.ts";
import { isLayoutPath, sha256Hex } from "../../load/bundle.ts";
import type { LoadIssue } from "../../load/issues.ts";
import type { DatasetInput } from "../../load/parse.ts";
import { download } from "../files/export-files.ts";
import { saveChanges, type Served } from "../files/served.ts";
import { Store } from "../state/store.ts";
import type { FormValues } from "./form.ts";
import { indexRecords, type RecordIndex } from "./records.ts";
import {
  addEdit,
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
  type BaseFile,
  type EditSession,
} from "./session.ts";

/** "server": saves write the files through atlas serve; "download": a static site's Save downloads them. */
export type EditingMode = "server" | "download";

export interface Conflict {
  path: string;
  /** The text the edits were made on, and the text on disk now (null: the file is gone). */
  baseText: string;
  diskText: string | null;
  diskSha256: string | null;
}

export type SaveReport =
  | { status: "saved"; files: string[] }
  | { status: "downloaded"; files: string[] }
  | { status: "conflict"; conflicts: Conflict[] }
  | { status: "invalid"; issues: LoadIssue[] }
  | { status: "refused"; message: string }
  | { status: "reapplied"; path: string; dropped: string[] };

export interface WorkbenchState {
  session: EditSession;
  /** Unsaved edits kept from an earlier visit (or a closed tab), offered back. */
  offered: EditSession | null;
  saving: boolean;
  report: SaveReport | null;
  /** Other open tabs of this dataset. */
  otherTabs: number;
}

/** What an editor form holds while it is open: kept here, so a rebuild of the explorer does not lose typing. */
export interface FormDraft {
  collection: "entities" | "relations" | "sources";
  /** The id of the record edited; null for a new one. */
  original: string | null;
  values: FormValues;
  file: string | null;
  /** A source form opened from a relation's citation: the row the new source fills in once added. */
  returnTo?: number;
}

const STORAGE_PREFIX = "leverage-atlas/edits/";
/** Each open tab stamps `ALIVE_PREFIX + tab` this often; a tab whose stamp is older is gone (closed or crashed). */
const ALIVE_PREFIX = "leverage-atlas/alive/";
const ALIVE_EVERY_MS = 2_000;
const GONE_AFTER_MS = 7_000;
const TAB_KEY = "leverage-atlas/tab";

function tabId(): string {
  try {
    const known = sessionStorage.getItem(TAB_KEY);
    if (known) return known;
    const id = crypto.randomUUID();
    sessionStorage.setItem(TAB_KEY, id);
    return id;
  } catch {
    return crypto.randomUUID();
  }
}

export interface WorkbenchOptions {
  mode: EditingMode;
  served: Served | null;
  /** Names the dataset in storage: the page's address and the dataset's name. */
  datasetKey: string;
  files: readonly BaseFile[];
  /** The edits changed the dataset: show it again; answers the problems that keep it from loading (then the edit is taken back). */
  onDataset: () => LoadIssue[] | null;
}

export class Workbench {
  readonly store: Store<WorkbenchState>;
  readonly mode: EditingMode;
  /** The open editor forms, the one shown last (a source added from a relation's form stacks on it). */
  drafts: FormDraft[] = [];
  private readonly tab = tabId();
  private readonly channel: BroadcastChannel | null;
  private readonly tabs = new Map<string, number>();
  private indexed: { session: EditSession; index: RecordIndex } | null = null;
  private readonly aliveTimer: ReturnType<typeof setInterval>;

  constructor(private readonly options: WorkbenchOptions) {
    this.mode = options.mode;
    const own = this.readStored(this.storageKey(this.tab));
    const session = own ? followFiles(own, options.files) : startSession(options.files);
    this.store = new Store<WorkbenchState>({ session, offered: null, saving: false, report: null, otherTabs: 0 });
    this.channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(`${STORAGE_PREFIX}${options.datasetKey}`) : null;
    this.channel?.addEventListener("message", (event: MessageEvent<{ tab?: string; type?: string }>) => this.heard(event.data));
    this.channel?.postMessage({ tab: this.tab, type: "open" });
    window.addEventListener("pagehide", this.onPageHide);
    this.stampAlive();
    this.aliveTimer = setInterval(() => {
      this.stampAlive();
      // A tab that closed (or crashed) since leaves its edits: offered here once its stamp is old.
      if (this.store.get().offered === null) this.offerLeftovers();
    }, ALIVE_EVERY_MS);
    this.store.subscribe((state, previous) => {
      if (state.session !== previous.session) this.persist(state.session);
    });
    // Edits kept by a tab that is gone are offered once the open tabs have had a moment to say they are open.
    setTimeout(() => this.offerLeftovers(), 300);
  }

  get session(): EditSession {
    return this.store.get().session;
  }

  /** The dataset documents as the edits leave them (layouts are not documents). */
  documents(session: EditSession = this.session): DatasetInput[] {
    return Object.keys(session.files)
      .filter((path) => !isLayoutPath(path))
      .sort()
      .map((path) => ({ file: path, text: currentText(session, path) }));
  }

  /** Every record with its file, as the edits leave them (rebuilt when the session changed). */
  index(): RecordIndex {
    const session = this.session;
    if (this.indexed?.session !== session) {
      const documents = this.documents(session).map((document) => {
        try {
          return { file: document.file, json: JSON.parse("text" in document ? document.text : "{}") as unknown };
        } catch {
          return { file: document.file, json: null };
        }
      });
      this.indexed = { session, index: indexRecords(documents) };
    }
    return this.indexed.index;
  }

  /** Applies record edits to one file; answers the problem that refused them (nothing changed then). */
  commit(path: string, ...edits: RecordEdit[]): string | null {
    const before = this.session;
    let session = before;
    for (const edit of edits) {
      const applied = addEdit(session, path, edit);
      if (!applied.ok) return applied.problem;
      session = applied.session;
    }
    return this.change(session, before);
  }

  /** Edits in several files as one user step (a cascading delete). */
  commitAll(changes: readonly { path: string; edit: RecordEdit }[]): string | null {
    const before = this.session;
    let session = before;
    for (const { path, edit } of changes) {
      const applied = addEdit(session, path, edit);
      if (!applied.ok) return applied.problem;
      session = applied.session;
    }
    return this.change(session, before);
  }

  undo(): void {
    this.change(undo(this.session), this.session);
  }

  redo(): void {
    this.change(redo(this.session), this.session);
  }

  discard(): void {
    this.change(discardAll(this.session), this.session);
    this.store.dispatch((state) => ({ ...state, report: null }));
  }

  /** The folder's files as read again: the bases follow them where no edit is pending. */
  follow(files: readonly BaseFile[]): void {
    this.store.dispatch((state) => ({ ...state, session: followFiles(state.session, files) }));
  }

  restoreOffered(): void {
    const offered = this.store.get().offered;
    if (!offered) return;
    this.store.dispatch((state) => ({ ...state, offered: null }));
    const merged: EditSession = { ...followFiles(offered, Object.values(this.session.files)), undone: [] };
    if (this.change(merged, this.session) === null) this.forgetLeftovers();
  }

  dropOffered(): void {
    this.forgetLeftovers();
    this.store.dispatch((state) => ({ ...state, offered: null }));
  }

  /** Re-applies a conflicting file's edits to the text now on disk. */
  reapply(conflict: Conflict): void {
    if (conflict.diskText === null || conflict.diskSha256 === null) return;
    const { session, dropped } = rebaseFile(this.session, { path: conflict.path, text: conflict.diskText, sha256: conflict.diskSha256 });
    if (this.change(session, this.session) === null) {
      this.store.dispatch((state) => ({
        ...state,
        report: { status: "reapplied", path: conflict.path, dropped: dropped.map(({ edit, problem }) => `${edit.summary}: ${problem}`) },
      }));
    }
  }

  /** Writes every changed file (atlas serve), or downloads them (a static site). */
  async save(): Promise<void> {
    const changed = changedFiles(this.session);
    if (changed.length === 0 || this.store.get().saving) return;
    this.store.dispatch((state) => ({ ...state, saving: true, report: null }));
    const saved = this.session;
    let report: SaveReport;
    if (this.mode === "download" || !this.options.served) {
      for (const file of changed) download(new Blob([file.text], { type: "application/json" }), file.path.split("/").pop() ?? file.path);
      const hashed = await Promise.all(changed.map(async (file) => ({ path: file.path, text: file.text, sha256: await sha256Hex(file.text) })));
      this.store.dispatch((state) => ({ ...state, session: markSaved(state.session, hashed) }));
      report = { status: "downloaded", files: changed.map((file) => file.path) };
    } else {
      const outcome = await saveChanges(
        this.options.served,
        changed.map(({ path, baseSha256, text }) => ({ path, baseSha256, text })),
      );
      if (outcome.status === "saved") {
        const texts = new Map(changed.map((file) => [file.path, file.text]));
        const files = outcome.files.map((file) => ({ path: file.path, sha256: file.sha256, text: texts.get(file.path) ?? "" }));
        // Edits made while the save was on its way stay pending: only what was sent is marked saved.
        this.store.dispatch((state) => ({ ...state, session: state.session === saved ? markSaved(state.session, files) : state.session }));
        report = { status: "saved", files: files.map((file) => file.path) };
      } else if (outcome.status === "conflict") {
        const bases = new Map(changed.map((file) => [file.path, file.baseText]));
        report = {
          status: "conflict",
          conflicts: outcome.conflicts.map((conflict) => ({
            path: conflict.path,
            baseText: bases.get(conflict.path) ?? "",
            diskText: conflict.text,
            diskSha256: conflict.sha256,
          })),
        };
      } else if (outcome.status === "invalid") report = { status: "invalid", issues: outcome.issues };
      else report = { status: "refused", message: outcome.message };
    }
    this.store.dispatch((state) => ({ ...state, saving: false, report }));
  }

  destroy(): void {
    clearInterval(this.aliveTimer);
    this.forgetAlive();
    window.removeEventListener("pagehide", this.onPageHide);
    this.channel?.postMessage({ tab: this.tab, type: "closed" });
    this.channel?.close();
  }

  /** Moves to a session; when the dataset it leaves does not load, goes back and answers why. */
  private change(session: EditSession, before: EditSession): string | null {
    if (session === before) return null;
    this.store.dispatch((state) => ({ ...state, session }));
    const problems = this.options.onDataset();
    if (problems === null) return null;
    // The dataset with the edit did not load, so it was not shown: only the session goes back.
    this.store.dispatch((state) => ({ ...state, session: before }));
    const first = problems.find((issue) => issue.severity === "error") ?? problems[0];
    return first ? `${first.file}: ${first.message}` : "the dataset would not load";
  }

  private storageKey(tab: string): string {
    return `${STORAGE_PREFIX}${this.options.datasetKey}/${tab}`;
  }

  /** Kept: the edits, and the base of each file they change (the other files are read again on the next open). */
  private persist(session: EditSession): void {
    const edited = new Set([...session.edits, ...session.undone].map((edit) => edit.path));
    const key = this.storageKey(this.tab);
    try {
      if (edited.size === 0) localStorage.removeItem(key);
      else {
        const files = Object.fromEntries([...edited].flatMap((path) => (session.files[path] ? [[path, session.files[path]]] : [])));
        localStorage.setItem(key, JSON.stringify({ files, edits: session.edits, undone: session.undone, at: new Date().toISOString() }));
      }
    } catch {
      // Storage full or turned off: the edits still live in the page until it closes.
    }
    this.channel?.postMessage({ tab: this.tab, type: "open" });
  }

  private readStored(key: string): EditSession | null {
    try {
      const text = localStorage.getItem(key);
      return text === null ? null : readStoredSession(JSON.parse(text));
    } catch {
      return null;
    }
  }

  private heard(message: { tab?: string; type?: string }): void {
    const { tab, type } = message;
    if (typeof tab !== "string" || tab === this.tab) return;
    if (type === "closed") this.tabs.delete(tab);
    else {
      const known = this.tabs.has(tab);
      this.tabs.set(tab, Date.now());
      // A tab that just opened hears from the others: they answer once.
      if (!known) this.channel?.postMessage({ tab: this.tab, type: "here" });
    }
    const otherTabs = this.tabs.size;
    this.store.dispatch((state) => (state.otherTabs === otherTabs ? state : { ...state, otherTabs }));
  }

  private leftoverKeys(): string[] {
    const prefix = `${STORAGE_PREFIX}${this.options.datasetKey}/`;
    const keys: string[] = [];
    try {
      for (let position = 0; position < localStorage.length; position += 1) {
        const key = localStorage.key(position);
        if (key === null || !key.startsWith(prefix)) continue;
        const tab = key.slice(prefix.length);
        if (tab !== this.tab && !this.tabs.has(tab) && !this.isAlive(tab)) keys.push(key);
      }
    } catch {
      return [];
    }
    return keys;
  }

  private offerLeftovers(): void {
    const offered = this.leftoverKeys()
      .map((key) => this.readStored(key))
      .find((session): session is EditSession => session !== null && session.edits.length > 0);
    if (offered) this.store.dispatch((state) => ({ ...state, offered }));
  }

  private forgetLeftovers(): void {
    try {
      for (const key of this.leftoverKeys()) localStorage.removeItem(key);
    } catch {
      // Nothing to forget when storage is off.
    }
  }

  private readonly onPageHide = (): void => {
    this.forgetAlive();
    this.channel?.postMessage({ tab: this.tab, type: "closed" });
  };

  private stampAlive(): void {
    try {
      localStorage.setItem(`${ALIVE_PREFIX}${this.tab}`, String(Date.now()));
    } catch {
      // Without storage there is nothing another tab could take for left over.
    }
  }

  private forgetAlive(): void {
    try {
      localStorage.removeItem(`${ALIVE_PREFIX}${this.tab}`);
    } catch {
      // As above.
    }
  }

  /** Whether another tab stamped itself recently (the BroadcastChannel answer may not have come yet). */
  private isAlive(tab: string): boolean {
    try {
      return Date.now() - Number(localStorage.getItem(`${ALIVE_PREFIX}${tab}`) ?? 0) < GONE_AFTER_MS;
    } catch {
      return false;
    }
  }
}

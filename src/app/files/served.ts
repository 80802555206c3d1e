/**
 * A page served by `atlas serve` (DELIVERY.md §3): its mode and per-launch session token from the page's
 * metas, the live link that says when the dataset folder changed on disk, and the one call that saves
 * changed files. A static site has none of the metas: there is nothing to follow or save to.
 */
import type { LoadIssue } from "../../load/issues.ts";
import { metaContent } from "./load.ts";

export const MODE_META = "leverage-atlas-mode";
export const SESSION_META = "leverage-atlas-session";
export const EVENTS_URL = "/api/events";
export const SAVE_URL = "/api/save";
export const TOKEN_HEADER = "X-Atlas-Token";

export type Served = { mode: "edit"; token: string } | { mode: "read-only" };

/** How the page is served: by `atlas serve` in edit or read-only mode, or (null) as a static site. */
export function servedMode(page: Document = document): Served | null {
  const mode = metaContent(MODE_META, page);
  const token = metaContent(SESSION_META, page);
  if (mode === "edit" && token) return { mode: "edit", token };
  if (mode === "read-only" || mode === "edit") return { mode: "read-only" };
  return null;
}

/** What the server said a folder change touched (the `changed` event's data). */
export interface FolderChange {
  files: string[];
  bundle: string;
}

export type LiveLink = "connecting" | "live" | "reconnecting";

/**
 * Follows the server's events: `onChange` when dataset files changed on disk (the researcher's editor, git,
 * a save), and after the link comes back from a break (changes may have been missed meanwhile).
 */
export function followFolder(handlers: { onChange: (change: FolderChange | null) => void; onLink: (link: LiveLink) => void }): () => void {
  const events = new EventSource(EVENTS_URL);
  let broken = false;
  handlers.onLink("connecting");
  events.addEventListener("open", () => {
    handlers.onLink("live");
    if (broken) handlers.onChange(null);
    broken = false;
  });
  events.addEventListener("error", () => {
    broken = true;
    handlers.onLink("reconnecting");
  });
  events.addEventListener("changed", (event) => {
    handlers.onChange(parseChange((event as MessageEvent<string>).data));
  });
  return () => events.close();
}

function parseChange(data: string): FolderChange | null {
  try {
    const value = JSON.parse(data) as Partial<FolderChange>;
    return Array.isArray(value.files) && typeof value.bundle === "string"
      ? { files: value.files.filter((file): file is string => typeof file === "string"), bundle: value.bundle }
      : null;
  } catch {
    return null;
  }
}

/** One file to write: its whole new text, and the sha256 of the text it was made from (null: a new file). */
export interface FileChange {
  path: string;
  baseSha256: string | null;
  text: string;
}

export type SaveOutcome =
  | { status: "saved"; files: { path: string; sha256: string }[] }
  /** Files changed on disk since they were read: nothing was written; each with what is on disk now (null: gone). */
  | { status: "conflict"; conflicts: { path: string; sha256: string | null; text: string | null }[] }
  /** The dataset with the changes would not validate: nothing was written. */
  | { status: "invalid"; issues: LoadIssue[] }
  /** Any other refusal (403, 400, 405, 413, 415, a network failure), in words. */
  | { status: "refused"; httpStatus: number; message: string };

/** Sends changed files to the server (all written, or none); never throws. */
export async function saveChanges(served: Served, changes: readonly FileChange[]): Promise<SaveOutcome> {
  if (served.mode !== "edit") return { status: "refused", httpStatus: 405, message: "the dataset is served read-only" };
  let response: Response;
  try {
    response = await fetch(SAVE_URL, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", [TOKEN_HEADER]: served.token },
      body: JSON.stringify({ changes }),
    });
  } catch {
    return { status: "refused", httpStatus: 0, message: "the server could not be reached (is atlas serve still running?)" };
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status === 200) return { status: "saved", files: body.files as { path: string; sha256: string }[] };
  if (response.status === 409)
    return { status: "conflict", conflicts: body.conflicts as { path: string; sha256: string | null; text: string | null }[] };
  if (response.status === 422) return { status: "invalid", issues: body.issues as LoadIssue[] };
  const message = typeof body.error === "string" ? body.error : `the server answered ${response.status}`;
  return { status: "refused", httpStatus: response.status, message };
}

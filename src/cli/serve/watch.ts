/**
 * Watches a dataset folder for changes to its files, whoever makes them (the researcher's editor, git, a
 * save): node's recursive fs.watch (inotify on Linux since node 20.13, FSEvents, ReadDirectoryChangesW),
 * debounced; then the folder's *.json files are hashed and compared with the last time, so the listeners
 * hear which files really changed (an editor's swap files, the server's own temporary files, a save that
 * wrote the same bytes and touches without a change say nothing).
 */
import { watch, type FSWatcher } from "node:fs";
import { sha256Hex } from "../../load/bundle.ts";
import { readFolderFiles } from "../../load/folder-bundle.ts";

/** Editors save in bursts (write, rename, chmod): one look at the folder after this much quiet. */
export const DEBOUNCE_MS = 150;

export interface FolderWatcher {
  close(): void;
}

async function snapshot(folder: string): Promise<Map<string, string>> {
  const files = await readFolderFiles(folder);
  return new Map(await Promise.all(files.map(async (file) => [file.path, await sha256Hex(file.bytes)] as const)));
}

/** Calls `onChange` with the paths (sorted) of the files added, removed or changed since the last call. */
export async function watchFolder(
  folder: string,
  onChange: (files: string[]) => void,
  onError: (error: Error) => void = () => {},
): Promise<FolderWatcher> {
  let known = await snapshot(folder);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let looking: Promise<void> = Promise.resolve();
  let closed = false;

  const look = async (): Promise<void> => {
    const now = await snapshot(folder).catch((error: unknown) => {
      onError(error as Error);
      return null;
    });
    if (now === null || closed) return;
    const changed = new Set<string>();
    for (const [file, hash] of now) if (known.get(file) !== hash) changed.add(file);
    for (const file of known.keys()) if (!now.has(file)) changed.add(file);
    known = now;
    if (changed.size > 0) onChange([...changed].sort());
  };

  const listener = (_event: string, name: string | null): void => {
    // Hidden files and folders are never dataset files (.git, editors' swap files, the server's temporary files).
    if (name !== null && name.split(/[\\/]/).some((part) => part.startsWith("."))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      looking = looking.then(look);
    }, DEBOUNCE_MS);
  };
  // Node 20's recursive watch on Linux loses a top-level file once it is replaced by a rename (an atomic save,
  // the server's own or an editor's); a plain watch of the folder itself keeps hearing those files.
  const watchers: FSWatcher[] = [watch(folder, { recursive: true }, listener), watch(folder, listener)];
  for (const watcher of watchers) watcher.on("error", onError);
  return {
    close: () => {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}

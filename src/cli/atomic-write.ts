/**
 * Output of commands that write files: all or nothing. The content goes to a temporary file (or folder) in
 * the target's folder (so the final rename stays on one file system and is atomic), which replaces the
 * target only once complete; on any failure the temporary one is removed and the target is left as it was.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { CliError, EXIT } from "./io.ts";

/** Why a file cannot be written, in words (not the temporary file's name and an error code). */
function reason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return "its folder does not exist";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "the file system is read-only";
    case "ENOTDIR":
      return "a part of the path is a file, not a folder";
    case "EISDIR":
      return "it is a folder";
    case "ENOSPC":
      return "the disk is full";
    default:
      return (error as Error).message;
  }
}

const WRITE_ERRORS = new Set(["EISDIR", "EACCES", "EPERM", "EROFS", "ENOSPC", "ENOTDIR"]);

/** A failure while writing `target`, as a usage error when it is about the target (not writable, disk full). */
function failedWriting(target: string, error: unknown): unknown {
  if (error instanceof CliError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  return code !== undefined && WRITE_ERRORS.has(code) ? new CliError(`cannot write ${target}: ${reason(error)}`, EXIT.usage) : error;
}

/** A temporary name next to the target (same folder, so the final rename stays on one file system). */
function temporaryFor(target: string, suffix: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.${suffix}`);
}

type Write = (chunk: string | Uint8Array) => void;

/** Writes a chunk, text as UTF-8 (writeSync's overloads take one or the other). */
function put(descriptor: number, chunk: string | Uint8Array): void {
  if (typeof chunk === "string") writeSync(descriptor, chunk);
  else writeSync(descriptor, chunk);
}

function openTemporary(target: string): { temporary: string; descriptor: number } {
  const temporary = temporaryFor(target, "tmp");
  try {
    return { temporary, descriptor: openSync(temporary, "wx") };
  } catch (error) {
    throw new CliError(`cannot write ${target}: ${reason(error)}`, EXIT.usage);
  }
}

/** Runs `produce`, which hands the file's content on in chunks, and puts the result at `target` atomically. */
export function writeFileAtomically(target: string, produce: (write: Write) => void): void {
  const { temporary, descriptor } = openTemporary(target);
  let closed = false;
  try {
    produce((chunk) => put(descriptor, chunk));
    closeSync(descriptor);
    closed = true;
    renameSync(temporary, target);
  } catch (error) {
    if (!closed) closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw failedWriting(target, error);
  }
}

/** writeFileAtomically for content produced asynchronously. */
export async function writeFileAtomicallyAsync(target: string, produce: (write: Write) => Promise<void>): Promise<void> {
  const { temporary, descriptor } = openTemporary(target);
  let closed = false;
  try {
    await produce((chunk) => put(descriptor, chunk));
    closeSync(descriptor);
    closed = true;
    renameSync(temporary, target);
  } catch (error) {
    if (!closed) closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw failedWriting(target, error);
  }
}

/**
 * Runs `produce`, which adds files to a folder (relative "/"-separated names, or directly into the temporary
 * `folder` it is given), and puts the folder at `target` once complete: built in a temporary folder beside it,
 * then renamed into place. An existing folder at `target` is replaced only then; on failure it is left as it
 * was and the temporary folder goes.
 */
export async function writeFolderAtomically(
  target: string,
  produce: (add: (name: string, content: (write: Write) => void) => void, folder: string) => Promise<void>,
): Promise<void> {
  const temporary = temporaryFor(target, "tmp");
  const previous = temporaryFor(target, "old");
  try {
    mkdirSync(temporary);
  } catch (error) {
    throw new CliError(`cannot write ${target}: ${reason(error)}`, EXIT.usage);
  }
  try {
    await produce((name, content) => {
      const file = path.join(temporary, ...name.split("/"));
      mkdirSync(path.dirname(file), { recursive: true });
      const descriptor = openSync(file, "wx");
      try {
        content((chunk) => put(descriptor, chunk));
      } finally {
        closeSync(descriptor);
      }
    }, temporary);
    let replaced = false;
    if (existsSync(target)) {
      if (!statSync(target).isDirectory()) throw new CliError(`cannot write ${target}: it is a file, not a folder`, EXIT.usage);
      renameSync(target, previous);
      replaced = true;
    }
    renameSync(temporary, target);
    if (replaced) rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    if (existsSync(previous) && !existsSync(target)) renameSync(previous, target);
    throw failedWriting(target, error);
  }
}

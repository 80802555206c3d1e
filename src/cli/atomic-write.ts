/**
 * Output of commands that write files: all or nothing. The text goes to a temporary file in the target's
 * folder (so the final rename stays on one file system and is atomic), which replaces the target only once
 * complete; on any failure the temporary file is removed and the target is left as it was.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
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

/** Runs `produce`, which hands the file's text on in chunks, and puts the result at `target` atomically. */
export function writeFileAtomically(target: string, produce: (write: (chunk: string) => void) => void): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let descriptor: number;
  try {
    descriptor = openSync(temporary, "wx");
  } catch (error) {
    throw new CliError(`cannot write ${target}: ${reason(error)}`, EXIT.usage);
  }
  let closed = false;
  try {
    produce((chunk) => {
      writeSync(descriptor, chunk);
    });
    closeSync(descriptor);
    closed = true;
    renameSync(temporary, target);
  } catch (error) {
    if (!closed) closeSync(descriptor);
    rmSync(temporary, { force: true });
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EISDIR" || code === "EACCES" || code === "EPERM" || code === "EROFS" || code === "ENOSPC" || code === "ENOTDIR") {
      throw new CliError(`cannot write ${target}: ${reason(error)}`, EXIT.usage);
    }
    throw error;
  }
}

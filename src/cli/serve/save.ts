/**
 * `POST /api/save` once the request itself is allowed (server.ts checks token, origin, host, type and size):
 * the body's shape, each path (inside the folder, symlinks included), the base of each file (409 and
 * nothing written when a file changed on disk since the page read it), the whole dataset with the changes
 * applied (422 and nothing written unless it loads with zero errors), then every file written atomically.
 * Never runs, fetches or opens anything the data names: it only reads and writes the folder's files.
 */
import { randomBytes } from "node:crypto";
import { lstat, mkdir, readFile, realpath, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { datasetPathProblem, sha256Hex } from "../../load/bundle.ts";
import { folderName, readFolderFiles, validateFolderFiles } from "../../load/folder-bundle.ts";

/** An answer: the HTTP status and its JSON body. */
export interface Answer {
  status: number;
  body: unknown;
}

const saveRequestSchema = z.strictObject({
  changes: z
    .array(
      z.strictObject({
        path: z.string(),
        baseSha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .nullable(),
        text: z.string(),
      }),
    )
    .min(1),
});

export type SaveRequest = z.infer<typeof saveRequestSchema>;

function refusal(status: number, error: string): Answer {
  return { status, body: { error } };
}

/** The request body's shape, or a 400 saying what is wrong with it. */
export function parseSaveRequest(text: string): SaveRequest | Answer {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refusal(400, "the body is not JSON");
  }
  const parsed = saveRequestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
    return refusal(400, `the body is not {"changes": [{"path", "baseSha256", "text"}, ...]}${where}: ${issue?.message ?? "malformed"}`);
  }
  return parsed.data;
}

function isInside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * Where a dataset path is on disk, or why it may not be written: the path rules of bundles (relative, no
 * "..", no hidden part, .json), and, with symlinks resolved, still inside the folder; an existing file must
 * be a regular file (a symlink is not one of the folder's files: the folder listing skips it).
 */
export async function resolveDatasetPath(folderReal: string, relative: string): Promise<{ file: string } | { problem: string }> {
  const problem = datasetPathProblem(relative);
  if (problem) return { problem };
  const file = path.join(folderReal, ...relative.split("/"));
  const info = await lstat(file).catch(() => undefined);
  if (info && !info.isFile())
    return {
      problem: `"${relative}" is ${info.isSymbolicLink() ? "a symbolic link" : "not a file"}; only the folder's own files can be written`,
    };
  // The deepest folder on the way that exists, with its symlinks resolved, must be the folder or inside it.
  let existing = path.dirname(file);
  for (;;) {
    const found = await lstat(existing).catch(() => undefined);
    if (found) break;
    existing = path.dirname(existing);
  }
  const real = await realpath(existing).catch(() => undefined);
  if (real === undefined || !isInside(folderReal, real)) return { problem: `"${relative}" leads outside the dataset folder` };
  if (!(await lstat(real)).isDirectory()) return { problem: `"${relative}": a part of the path is a file, not a folder` };
  return { file };
}

/** A name beside the target, hidden (so the folder listing and the watcher skip it) and unique to this write. */
function temporaryFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString("hex")}.atlas-tmp`);
}

/**
 * Applies a save to the folder. The caller runs one save at a time, so nothing changes between the checks
 * and the writes but what another program does meanwhile (then the next save sees it as a conflict).
 */
export async function applySave(folder: string, request: SaveRequest): Promise<Answer> {
  const folderReal = await realpath(folder);
  const seen = new Set<string>();
  const targets: { change: SaveRequest["changes"][number]; file: string }[] = [];
  for (const change of request.changes) {
    if (seen.has(change.path)) return refusal(400, `"${change.path}" is changed twice in one save`);
    seen.add(change.path);
    const resolved = await resolveDatasetPath(folderReal, change.path);
    if ("problem" in resolved) return refusal(400, resolved.problem);
    targets.push({ change, file: resolved.file });
  }

  const conflicts: { path: string; sha256: string | null; text: string | null }[] = [];
  for (const { change, file } of targets) {
    const bytes = await readFile(file).catch(() => undefined);
    const sha256 = bytes === undefined ? null : await sha256Hex(bytes);
    if (sha256 !== change.baseSha256)
      conflicts.push({ path: change.path, sha256, text: bytes === undefined ? null : new TextDecoder().decode(bytes) });
  }
  if (conflicts.length > 0) return { status: 409, body: { error: "conflict", conflicts } };

  const encoder = new TextEncoder();
  const changed = new Map(targets.map(({ change }) => [change.path, encoder.encode(change.text)]));
  const files = (await readFolderFiles(folderReal)).filter((file) => !changed.has(file.path));
  for (const [relative, bytes] of changed) files.push({ path: relative, bytes });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const result = validateFolderFiles(folderName(folder), files);
  const { issues } = result;
  if (issues.some((issue) => issue.severity === "error")) return { status: 422, body: { error: "invalid", issues } };

  // Every file goes to a temporary file first; only when all are written are they renamed into place.
  const written: { temporary: string; file: string }[] = [];
  try {
    for (const { change, file } of targets) {
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = temporaryFor(file);
      written.push({ temporary, file });
      await writeFile(temporary, changed.get(change.path) as Uint8Array, { flag: "wx" });
    }
  } catch (error) {
    await Promise.all(written.map(({ temporary }) => rm(temporary, { force: true })));
    return refusal(500, `the files could not be written: ${(error as Error).message}`);
  }
  for (const { temporary, file } of written) await rename(temporary, file);
  return {
    status: 200,
    body: {
      files: await Promise.all(
        targets.map(async ({ change }) => ({ path: change.path, sha256: await sha256Hex(changed.get(change.path) as Uint8Array) })),
      ),
    },
  };
}

/**
 * Dataset bundles: a whole dataset folder as one JSON value, the one wire format between node (the build,
 * `atlas serve`, `atlas publish`) and the page. Each file keeps its exact text and the sha256 of its bytes
 * (the base a save is checked against); `checked`, when present, says node validated these very files.
 * Pure and browser-safe: hashes come from WebCrypto (`crypto.subtle`, in node 20 and every browser).
 */
import { z } from "zod";
import { toPointer, type LoadIssue } from "./issues.ts";
import type { DatasetInput } from "./parse.ts";
import { LAYOUTS_FOLDER } from "../model/layout.ts";
import { describeValue, quote } from "../model/text.ts";

export const BUNDLE_FORMAT = "leverage-atlas/dataset-bundle";
export const BUNDLE_VERSION = 1;

// The folder of a dataset that holds saved layouts (`layouts/NAME.json`), which are not dataset documents.
export { LAYOUTS_FOLDER };

/** True for a saved layout's path (relative to the dataset folder, "/"-separated): never read as a dataset document. */
export function isLayoutPath(path: string): boolean {
  return path.startsWith(`${LAYOUTS_FOLDER}/`);
}

/**
 * Why `path` cannot name a file of a dataset folder, or null: relative, "/"-separated, ending in .json, no
 * empty, "." or ".." segment, no hidden segment and no node_modules (the folder listing skips both, so such
 * a file would never be part of the dataset). The server applies it to every path it is asked to write.
 */
export function datasetPathProblem(path: string): string | null {
  if (path === "") return "the path is empty";
  if (path.startsWith("/") || /^[a-zA-Z]:/.test(path) || path.includes("\\"))
    return `${quote(path)} is not a relative path of "/"-separated names`;
  const parts = path.split("/");
  if (parts.some((part) => part === "" || part === "." || part === ".."))
    return `${quote(path)} is not a relative path inside the dataset folder (no empty, "." or ".." parts)`;
  if (parts.some((part) => part.startsWith("."))) return `${quote(path)} names a hidden file or folder`;
  if (parts.includes("node_modules")) return `${quote(path)} is inside node_modules`;
  if (!path.endsWith(".json") || path.endsWith("/.json")) return `${quote(path)} is not a .json file`;
  return null;
}

export interface BundleFile {
  /** Relative to the dataset folder, "/"-separated. */
  path: string;
  /** The file's exact text. */
  text: string;
  /** Lowercase hex sha256 of the file's bytes (its text as UTF-8). */
  sha256: string;
}

export interface BundleCheck {
  /** bundleDigest of the files: which files, exactly, were validated. */
  digest: string;
  /** What validated them: "atlas <version>". */
  by: string;
  /** When, as an ISO 8601 time. */
  at: string;
  /** The loader's warnings about these files (it found no error): the page shows them without validating again. */
  warnings?: LoadIssue[];
}

export interface DatasetBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  /** The dataset folder's name (the dataset's name when no file carries one). */
  name: string;
  /** Sorted by path. */
  files: BundleFile[];
  checked?: BundleCheck;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** Lowercase hex sha256 of bytes, or of a text's UTF-8 bytes. */
export async function sha256Hex(content: string | Uint8Array): Promise<string> {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The digest `checked` carries: sha256 of one `path<TAB>sha256<LF>` line per file, in path order. */
export async function bundleDigest(files: readonly Pick<BundleFile, "path" | "sha256">[]): Promise<string> {
  const sorted = [...files].sort((a, b) => comparePaths(a.path, b.path));
  return sha256Hex(sorted.map((file) => `${file.path}\t${file.sha256}\n`).join(""));
}

/** Code-unit order, the same in node and every browser (localeCompare is not). */
function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A bundle of files (sorted by path). Each file's sha256 is computed from its text unless given (node gives
 * the hash of the bytes on disk: see folder-bundle.ts). With `checked`, the caller has validated exactly
 * these files with the loader; the digest is computed here.
 */
export async function makeBundle(
  name: string,
  files: readonly { path: string; text: string; sha256?: string }[],
  checked?: { by: string; at?: Date; warnings?: readonly LoadIssue[] },
): Promise<DatasetBundle> {
  const hashed = await Promise.all(
    files.map(async (file) => ({ path: file.path, text: file.text, sha256: file.sha256 ?? (await sha256Hex(file.text)) })),
  );
  hashed.sort((a, b) => comparePaths(a.path, b.path));
  const bundle: DatasetBundle = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, name, files: hashed };
  if (checked) {
    bundle.checked = { digest: await bundleDigest(hashed), by: checked.by, at: (checked.at ?? new Date()).toISOString() };
    if (checked.warnings && checked.warnings.length > 0) bundle.checked.warnings = [...checked.warnings];
  }
  return bundle;
}

/** True when a parsed JSON value says it is a bundle (whatever else is wrong with it). */
export function isBundleJson(json: unknown): boolean {
  return typeof json === "object" && json !== null && !Array.isArray(json) && (json as Record<string, unknown>).format === BUNDLE_FORMAT;
}

const fileSchema = z.strictObject({
  path: z.string().check((ctx) => {
    const problem = datasetPathProblem(ctx.value);
    if (problem) ctx.issues.push({ code: "custom", input: ctx.value, message: problem });
  }),
  text: z.string(),
  sha256: z.string().regex(HEX_SHA256, { error: "sha256 must be 64 lowercase hexadecimal digits" }),
});

const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION, {
    error: (issue) =>
      typeof issue.input === "number"
        ? `this bundle is version ${issue.input}; this explorer reads version ${BUNDLE_VERSION}`
        : `version must be the number ${BUNDLE_VERSION}, got ${describeValue(issue.input)}`,
  }),
  name: z.string().min(1, { error: "name must not be empty" }),
  files: z.array(fileSchema),
  checked: z
    .strictObject({
      digest: z.string().regex(HEX_SHA256, { error: "digest must be 64 lowercase hexadecimal digits" }),
      by: z.string(),
      at: z.string(),
      warnings: z
        .array(
          z.strictObject({
            file: z.string(),
            pointer: z.string(),
            message: z.string(),
            severity: z.literal("warning"),
            line: z.number().optional(),
            column: z.number().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});

/** The value at a zod issue's path (zod leaves it out of its issues). */
function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const segment of path)
    value = typeof value === "object" && value !== null ? (value as Record<PropertyKey, unknown>)[segment] : undefined;
  return value;
}

/** A zod issue in words: what the field holds and what it must hold (zod's own wording is for programmers). */
function issueMessage(json: unknown, issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? String(issue.path[issue.path.length - 1]) : "the bundle";
  switch (issue.code) {
    case "invalid_type": {
      const expected = issue.expected === "array" ? "a list" : issue.expected === "object" ? "an object" : `a ${issue.expected}`;
      return `${field} must be ${expected}, got ${describeValue(valueAt(json, issue.path))}`;
    }
    case "unrecognized_keys":
      return `unknown field${issue.keys.length === 1 ? "" : "s"} ${issue.keys.map(quote).join(", ")}`;
    default:
      return issue.message;
  }
}

/** What a bundle holds besides its documents: its files (paths, texts and sha256s: the bases of a save) and layouts. */
export interface BundleContents {
  name: string;
  files: BundleFile[];
  /** Saved layouts (`layouts/*.json`), as text: read by the layout format, not the dataset loader. */
  layouts: { path: string; text: string }[];
  checked?: BundleCheck;
}

export type BundleReadResult =
  | ({
      ok: true;
      /** The dataset documents (every file but the layouts), each named by its path in the bundle: the path to save it to. */
      documents: DatasetInput[];
    } & BundleContents)
  | { ok: false; issues: LoadIssue[] };

/**
 * Reads a parsed bundle: its structure (every problem, each at its JSON pointer in `shownAs`), then splits
 * its files into dataset documents and layouts. The documents still have to be validated (parseDataset);
 * whether their texts match their hashes is verifyBundle's question (asynchronous: hashing).
 */
export function readBundle(json: unknown, shownAs: string): BundleReadResult {
  if (!isBundleJson(json)) {
    return {
      ok: false,
      issues: [{ file: shownAs, pointer: "", severity: "error", message: `not a dataset bundle: it has no "format": "${BUNDLE_FORMAT}"` }],
    };
  }
  const parsed = bundleSchema.safeParse(json);
  const issues: LoadIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        file: shownAs,
        pointer: toPointer(issue.path),
        severity: "error",
        message: issueMessage(json, issue),
      }));
  if (!parsed.success) return { ok: false, issues };
  const seen = new Set<string>();
  parsed.data.files.forEach((file, index) => {
    if (seen.has(file.path))
      issues.push({ file: shownAs, pointer: `/files/${index}/path`, severity: "error", message: `${quote(file.path)} is listed twice` });
    seen.add(file.path);
  });
  if (issues.length > 0) return { ok: false, issues };
  const { name, files, checked } = parsed.data;
  const sorted = [...files].sort((a, b) => comparePaths(a.path, b.path));
  return {
    ok: true,
    name,
    documents: sorted.filter((file) => !isLayoutPath(file.path)).map((file) => ({ file: file.path, text: file.text })),
    layouts: sorted.filter((file) => isLayoutPath(file.path)).map((file) => ({ path: file.path, text: file.text })),
    files: sorted,
    ...(checked ? { checked } : {}),
  };
}

/**
 * Checks each file's text against its sha256 (a mismatch: the file on disk is not valid UTF-8, so its text is
 * not its bytes, or the bundle was altered) and whether `checked` vouches for exactly these files.
 * `trusted` is true only when both hold: then the documents validated with zero errors where they were made.
 */
export async function verifyBundle(
  files: readonly BundleFile[],
  checked: BundleCheck | undefined,
  shownAs: string,
): Promise<{ issues: LoadIssue[]; trusted: boolean }> {
  const actual = await Promise.all(files.map((file) => sha256Hex(file.text)));
  const issues: LoadIssue[] = [];
  files.forEach((file, index) => {
    if (actual[index] !== file.sha256)
      issues.push({
        file: file.path,
        pointer: "",
        severity: "error",
        message: `the text ${shownAs} gives for this file does not match its sha256: the file is not valid UTF-8 (run "atlas validate" for the first bad byte), or it was altered on the way`,
      });
  });
  const trusted = issues.length === 0 && checked !== undefined && checked.digest === (await bundleDigest(files));
  return { issues, trusted };
}

/**
 * Zip archives read safely, in node and the browser alike (fflate's streaming unzip, synchronous): a CSV
 * bundle zipped for download, and the parts of an XLSX workbook. Decompression is counted as it happens
 * and stops at a limit, whatever sizes the archive declares (a zip bomb declares small ones), so a 10 MB
 * file cannot unpack to gigabytes; entries nobody asked for are skipped without being decompressed.
 */
import { Unzip, UnzipInflate, type UnzipFile } from "fflate";
import type { ReadInput } from "./format.ts";

/** At most this many bytes are unpacked from one archive: about twice what the 100k/300k benchmark workbook unpacks to. */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;
/** At most this many entries in one archive. */
export const MAX_ZIP_ENTRIES = 10_000;

/** Whether the bytes start like a zip archive (a local file header, or the end record of an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** Receives an entry's content as it is unpacked, in chunks; the last call has `final` set. May throw to stop reading. */
export type EntrySink = (chunk: Uint8Array, final: boolean) => void;

export interface ZipLimits {
  readonly maxBytes?: number;
  readonly maxEntries?: number;
}

/** Why an archive could not be read, in words for the user. */
export class ZipProblem {
  constructor(readonly message: string) {}
}

/** How many compressed bytes are handed to the unzipper at a time. */
const PUSH_BYTES = 32 * 1024;

const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024).toLocaleString("en")} MB`;

/**
 * Reads an archive entry by entry, in the archive's order: `open(name)` returns a sink for an entry to unpack,
 * or undefined to skip it. Returns a ZipProblem when the archive is damaged, unpacks beyond the limit, or holds
 * more entries than the limit; what a sink throws is thrown on.
 */
export function readZip(bytes: Uint8Array, open: (name: string) => EntrySink | undefined, limits: ZipLimits = {}): ZipProblem | null {
  const maxBytes = limits.maxBytes ?? MAX_UNZIPPED_BYTES;
  const maxEntries = limits.maxEntries ?? MAX_ZIP_ENTRIES;
  let unpacked = 0;
  let entries = 0;
  // Set by the unzipper's callbacks: typed so, not as the `null` TypeScript would narrow it to after this line.
  let problem = null as ZipProblem | null;
  let thrown: { error: unknown } | undefined;
  /** Entries started whose last chunk has not come: a cut archive leaves one. */
  const unfinished = new Set<string>();
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file: UnzipFile) => {
    entries += 1;
    if (problem) return;
    if (entries > maxEntries) {
      problem = new ZipProblem(`the archive holds more than ${maxEntries.toLocaleString("en")} files; it is refused`);
      return;
    }
    const sink = file.name.endsWith("/") ? undefined : open(file.name);
    if (!sink) return;
    if (file.compression !== 0 && file.compression !== 8) {
      problem = new ZipProblem(
        `${JSON.stringify(file.name)} in the archive is compressed with method ${file.compression}, which this reader does not know (only stored and deflated files are read); is it encrypted?`,
      );
      return;
    }
    file.ondata = (error, chunk, final) => {
      if (problem) return;
      if (error) {
        problem = new ZipProblem(`the archive is damaged: ${JSON.stringify(file.name)} cannot be unpacked (${error.message})`);
        return;
      }
      unpacked += chunk.length;
      if (final) unfinished.delete(file.name);
      if (unpacked > maxBytes) {
        problem = new ZipProblem(
          `the archive unpacks to more than ${megabytes(maxBytes)}; it is refused (is it a zip bomb?), or split it into smaller files`,
        );
        file.terminate();
        return;
      }
      // fflate hands what a handler throws back to it as a decompression error: keep it, and stop.
      try {
        sink(chunk, final);
      } catch (error) {
        thrown = { error };
        file.terminate();
      }
    };
    unfinished.add(file.name);
    file.start();
  };
  try {
    // In slices: an entry is inflated as its compressed bytes come, and deflate expands 1 byte to at most
    // about 1,000, so each step unpacks at most some 32 MB before the count is checked.
    for (let offset = 0; offset < bytes.length && !problem && !thrown; offset += PUSH_BYTES)
      unzip.push(bytes.subarray(offset, offset + PUSH_BYTES), offset + PUSH_BYTES >= bytes.length);
    if (bytes.length === 0) unzip.push(bytes, true);
  } catch (error) {
    if (error instanceof ZipProblem) return error;
    if (problem) return problem;
    // fflate's own errors (a truncated archive, a bad header) are plain Errors with a code; a sink's are thrown on.
    if (error instanceof Error && "code" in error) return new ZipProblem(`the archive is damaged: ${error.message}`);
    throw error;
  }
  if (thrown) throw thrown.error;
  if (problem) return problem;
  if (unfinished.size > 0 || !hasEndRecord(bytes))
    return new ZipProblem("the archive is cut short or damaged: it does not end as a zip archive does (is the download complete?)");
  return null;
}

/** Whether the archive ends with its end-of-central-directory record (within the last 64 KB, after an archive comment). */
function hasEndRecord(bytes: Uint8Array): boolean {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1)
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 5 && bytes[at + 3] === 6) return true;
  return false;
}

/** An entry's chunks joined into one array. */
export function collect(onDone: (bytes: Uint8Array) => void): EntrySink {
  const chunks: Uint8Array[] = [];
  return (chunk, final) => {
    chunks.push(chunk);
    if (!final) return;
    const joined = new Uint8Array(chunks.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of chunks) {
      joined.set(part, offset);
      offset += part.length;
    }
    onDone(joined);
  };
}

/** Entries nobody means as data: folders' metadata written by macOS, hidden files. */
function isClutter(name: string): boolean {
  return name.split("/").some((part) => part.startsWith(".") || part === "__MACOSX");
}

/**
 * The files of a zip archive as inputs of their own, named `archive.zip/inner/name.csv`, in the archive's
 * order; hidden files and macOS metadata are left out. A ZipProblem when the archive cannot be read safely.
 */
export function unpackArchive(input: ReadInput, limits: ZipLimits = {}): ReadInput[] | ZipProblem {
  const files: ReadInput[] = [];
  const problem = readZip(
    input.bytes,
    (name) => (isClutter(name) ? undefined : collect((bytes) => files.push({ file: `${input.file}/${name}`, bytes }))),
    limits,
  );
  return problem ?? files;
}

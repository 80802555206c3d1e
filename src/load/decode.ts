/**
 * A dataset file's bytes -> its text, as strict UTF-8, in node (loadDataset) and the browser (opening a
 * file) alike. A byte order mark is kept so parseDataset can warn about it; invalid bytes are an error
 * naming the first bad byte, never silently replaced.
 */
import type { LoadIssue } from "./issues.ts";
import { parseDataset, type DatasetInput, type LoadResult, type ParseOptions } from "./parse.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Byte offset of the first invalid UTF-8 sequence (where a lenient decoder puts its first U+FFFD). */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decoded = new TextDecoder("utf-8").decode(bytes);
  const replaced = decoded.indexOf("\ufffd");
  // The index counts UTF-16 units; re-encoding the prefix counts bytes.
  return replaced < 0 ? 0 : new TextEncoder().encode(decoded.slice(0, replaced)).length;
}

/**
 * On failure, `lenientText` is the text with U+FFFD for the bad bytes: never data, but what parseDataset's
 * `unreadable` option looks through so the file's ids are not reported missing elsewhere.
 */
export function decodeDatasetBytes(
  file: string,
  bytes: Uint8Array,
): { ok: true; input: DatasetInput } | { ok: false; issue: LoadIssue; lenientText: string } {
  try {
    return { ok: true, input: { file, text: utf8.decode(bytes) } };
  } catch {
    return {
      ok: false,
      lenientText: new TextDecoder("utf-8").decode(bytes),
      issue: {
        file,
        pointer: "",
        severity: "error",
        message: `the file is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(bytes)}); save it as UTF-8`,
      },
    };
  }
}

/**
 * Files' bytes -> parseDataset: each decoded as strict UTF-8; a file that is not is reported (and looked
 * through leniently for the ids it defines, so other files are not blamed), never read as data.
 */
export function parseDatasetBytes(files: readonly { file: string; bytes: Uint8Array }[], options: ParseOptions = {}): LoadResult {
  const inputs: DatasetInput[] = [];
  const encodingIssues: LoadIssue[] = [];
  const unreadable: { file: string; text: string }[] = [];
  for (const { file, bytes } of files) {
    const decoded = decodeDatasetBytes(file, bytes);
    if (decoded.ok) inputs.push(decoded.input);
    else {
      encodingIssues.push(decoded.issue);
      unreadable.push({ file, text: decoded.lenientText });
    }
  }
  const result = parseDataset(inputs, { ...options, unreadable: [...(options.unreadable ?? []), ...unreadable] });
  if (encodingIssues.length === 0) return result;
  return { ok: false, issues: [...encodingIssues, ...result.issues], counts: result.counts };
}

/**
 * The web worker that reads opened files (decode, parse, validate or map GEXF), so a large file
 * never freezes the page. It answers one ImportOutcome per request; main-thread code in open-file.ts.
 */
import "../zod-config.ts";
import { readImportFiles, type ImportOutcome } from "../model/import-file.ts";

export interface ImportRequest {
  files: { file: string; bytes: ArrayBuffer }[];
}

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportOutcome): void;
};

scope.onmessage = (event) => {
  const { files } = event.data;
  const file = files.map((input) => input.file).join(", ");
  let outcome: ImportOutcome;
  try {
    outcome = readImportFiles(files.map((input) => ({ file: input.file, bytes: new Uint8Array(input.bytes) })));
  } catch (error) {
    // The readers report bad input as issues; this is a bug, still said plainly and located at the file.
    const message = `the file could not be read: ${error instanceof Error ? error.message : String(error)}`;
    outcome = { ok: false, file, format: null, issues: [{ file, pointer: "", message, severity: "error" }] };
  }
  scope.postMessage(outcome);
};

/**
 * The web worker that reads opened files (unzip, decode, parse, validate or map GEXF and spreadsheets), so a large file
 * never freezes the page. It answers one ImportOutcome per request; main-thread code in open-file.ts.
 */
import "../zod-config.ts";
import { readImportFiles, type ImportOutcome, type ReaderValues } from "../model/import-file.ts";

export interface ImportRequest {
  files: { file: string; bytes: ArrayBuffer }[];
  /** The readers' options (the spreadsheets' layout and kind mapping), from the report's controls. */
  values?: ReaderValues;
}

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportOutcome): void;
};

scope.onmessage = (event) => {
  const { files, values } = event.data;
  const file = files.map((input) => input.file).join(", ");
  let outcome: ImportOutcome;
  try {
    outcome = readImportFiles(
      files.map((input) => ({ file: input.file, bytes: new Uint8Array(input.bytes) })),
      values ? { values } : {},
    );
  } catch (error) {
    // The readers report bad input as issues; this is a bug, still said plainly and located at the file.
    const message = `the file could not be read: ${error instanceof Error ? error.message : String(error)}`;
    outcome = { ok: false, file, format: null, issues: [{ file, pointer: "", message, severity: "error" }] };
  }
  scope.postMessage(outcome);
};

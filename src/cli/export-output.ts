/**
 * Where an export goes from the CLI: a format's file to stdout or to --out (atomically); a bundle (several
 * files) to a folder, or to a zip when --out ends in .zip (atomically too). Nothing is written on failure.
 */
import { memoryBundle, zipFiles } from "../formats/bundle.ts";
import type { WriteInput, WriteReport } from "../formats/format.ts";
import type { WritableFormat } from "../formats/registry.ts";
import { writeFileAtomically, writeFileAtomicallyAsync, writeFolderAtomically } from "./atomic-write.ts";
import { CliError, EXIT, type CliIo } from "./io.ts";

/** Why this format cannot be written where asked (stdout for a binary file or a bundle), or null. */
export function outputProblem(format: WritableFormat, out: string | undefined): string | null {
  if (out !== undefined) return null;
  const { writer } = format;
  if (writer.output === "bundle") return `--format ${format.id} writes several files: give --out FOLDER (or --out FILE.zip)`;
  if (writer.content === "bytes") return `--format ${format.id} writes a binary file: give --out FILE`;
  return null;
}

/** Writes the export; the writer's report says what to tell the user. */
export async function writeExport(format: WritableFormat, input: WriteInput, out: string | undefined, io: CliIo): Promise<WriteReport> {
  const problem = outputProblem(format, out);
  if (problem !== null) throw new CliError(problem, EXIT.usage);
  const { writer } = format;
  let report: WriteReport | undefined;
  if (writer.output === "file") {
    if (out === undefined) {
      report = await writer.write(input, (chunk) => io.stdout(typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk)));
    } else {
      await writeFileAtomicallyAsync(out, async (write) => {
        report = await writer.write(input, write);
      });
    }
  } else if (out !== undefined && out.toLowerCase().endsWith(".zip")) {
    const { bundle, files } = memoryBundle();
    report = await writer.write(input, bundle);
    writeFileAtomically(out, (write) => write(zipFiles(files)));
  } else if (out !== undefined) {
    await writeFolderAtomically(out, async (add) => {
      report = await writer.write(input, { add });
    });
  }
  if (report === undefined) throw new Error(`the ${format.name} writer reported nothing`);
  return report;
}

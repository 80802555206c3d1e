/** Running the CLI in tests: what it prints is captured instead of written. */
import type { CliIo } from "../../src/cli/io.ts";
import { runCli } from "../../src/cli/program.ts";

export interface CapturedIo extends CliIo {
  out: string;
  err: string;
}

/** An io whose stdout and stderr collect into `out` and `err`; `stderrIsTerminal` makes progress draw as on a terminal. */
export function captureIo(stderrIsTerminal = false): CapturedIo {
  const io: CapturedIo = {
    out: "",
    err: "",
    stderrIsTerminal,
    stdout: (text) => {
      io.out += text;
    },
    stderr: (text) => {
      io.err += text;
    },
  };
  return io;
}

/** `atlas <args>`: its exit code and everything it printed. */
export async function atlas(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return atlasOn({}, ...args);
}

/** `atlas <args>` with stdout as described: a terminal, or fitted to a width. */
export async function atlasOn(
  output: Pick<CliIo, "stdoutIsTerminal" | "columns">,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = Object.assign(captureIo(), output);
  const code = await runCli(args, io);
  return { code, stdout: io.out, stderr: io.err };
}

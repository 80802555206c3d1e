/** The CLI's view of the outside world, injectable so commands run in-process under test. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal: long commands then show their progress there. */
  stderrIsTerminal?: boolean;
  /** True when stdout is a terminal: long reports then start compact, with a line saying how to see all. */
  stdoutIsTerminal?: boolean;
  /** The width text output is fitted to (tables narrowed, paragraphs wrapped); undefined: not fitted. */
  columns?: number;
}

/** The width of output that does not go to a terminal, unless COLUMNS says otherwise. */
export const DEFAULT_COLUMNS = 100;

/** The terminal's width; else COLUMNS (the shell's convention) when it is a number; else DEFAULT_COLUMNS. */
export function outputColumns(stream: { isTTY?: boolean; columns?: number }, environment: NodeJS.ProcessEnv): number {
  if (stream.isTTY === true && stream.columns !== undefined && stream.columns > 0) return stream.columns;
  const fromEnvironment = Number(environment.COLUMNS);
  return Number.isInteger(fromEnvironment) && fromEnvironment > 0 ? fromEnvironment : DEFAULT_COLUMNS;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // @types/node says isTTY is a boolean, but a piped stream's is undefined.
  /* eslint-disable @typescript-eslint/no-unnecessary-boolean-literal-compare */
  stderrIsTerminal: process.stderr.isTTY === true,
  stdoutIsTerminal: process.stdout.isTTY === true,
  /* eslint-enable @typescript-eslint/no-unnecessary-boolean-literal-compare */
  columns: outputColumns(process.stdout, process.env),
};

/**
 * A reader that stops early (`atlas leverage | head`) closes the pipe: what is left of the output has
 * nowhere to go, which is the reader's choice, not a failure, so it is dropped without a word and the
 * command keeps its exit status. Any other write error (a full disk behind `>`) is said in one line.
 */
export function quietOnClosedOutput(streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
      if (stream !== process.stderr) process.stderr.write(`atlas: cannot write the output: ${error.message}\n`);
      process.exit(EXIT.usage);
    });
  }
}

/** A failure the user can act on: printed as one line, never with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
  }
}

export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

/** The `atlas` command line: commands are registered here; each lives in commands/. */
import { Command, CommanderError } from "commander";
import { CliError, EXIT, processIo, type CliIo } from "./io.ts";
import { registerValidate } from "./commands/validate.ts";
import { registerStats } from "./commands/stats.ts";
import { registerSchema } from "./commands/schema.ts";
import { registerLeverage } from "./commands/leverage.ts";
import { registerExport } from "./commands/export.ts";
import { registerImport } from "./commands/import.ts";
import { registerGenerate } from "./commands/generate.ts";

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command("atlas")
    .description("Leverage Atlas: check, explore and export datasets of technology pressure and vendor dependency")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  registerValidate(program, io, setExit);
  registerStats(program, io);
  registerSchema(program, io);
  registerLeverage(program, io);
  registerExport(program, io);
  registerImport(program, io);
  registerGenerate(program, io);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  return program;
}

/** Runs the CLI on arguments (without node and script) and returns the exit status. Never throws. */
export async function runCli(args: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    if (args.length === 0) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync([...args], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error it has already printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError) {
      io.stderr(`atlas: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`atlas: internal error: ${message}\n(this is a bug in Leverage Atlas; please report it with the command you ran)\n`);
    return EXIT.internal;
  }
}

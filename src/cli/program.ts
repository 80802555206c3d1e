/**
 * The `atlas` command line: commands are registered here; each lives in commands/. A command's module is
 * imported only when it runs (or when help lists them all), so `atlas validate` never loads graphology or the
 * GEXF code: start-up time is most of what a user waits for on a small dataset.
 */
import { Command, CommanderError } from "commander";
import { CliError, EXIT, processIo, type CliIo } from "./io.ts";

type Register = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  validate: async () => (await import("./commands/validate.ts")).registerValidate,
  stats: async () => (await import("./commands/stats.ts")).registerStats,
  schema: async () => (await import("./commands/schema.ts")).registerSchema,
  leverage: async () => (await import("./commands/leverage.ts")).registerLeverage,
  export: async () => (await import("./commands/export.ts")).registerExport,
  import: async () => (await import("./commands/import.ts")).registerImport,
  generate: async () => (await import("./commands/generate.ts")).registerGenerate,
  template: async () => (await import("./commands/template.ts")).registerTemplate,
  layout: async () => (await import("./commands/layout.ts")).registerLayout,
  serve: async () => (await import("./commands/serve.ts")).registerServe,
  publish: async () => (await import("./commands/publish.ts")).registerPublish,
};

/** The program with the command `args` name registered, or with all of them (help, an unknown command). */
async function buildProgram(args: readonly string[], io: CliIo, setExit: (code: number) => void): Promise<Command> {
  const program = new Command("atlas")
    .description("Leverage Atlas: check, explore and export datasets of technology pressure and vendor dependency")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  const named = args[0] !== undefined && Object.hasOwn(COMMANDS, args[0]) ? [args[0]] : Object.keys(COMMANDS);
  const registers = await Promise.all(named.map((name) => (COMMANDS[name] as () => Promise<Register>)()));
  for (const register of registers) register(program, io, setExit);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  return program;
}

/** Runs the CLI on arguments (without node and script) and returns the exit status. Never throws. */
export async function runCli(args: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  try {
    const program = await buildProgram(args, io, (code) => {
      exitCode = code;
    });
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

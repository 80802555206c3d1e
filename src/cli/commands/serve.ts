/**
 * `atlas serve [DIR] [--port N] [--read-only]`: the explorer on a dataset folder, on this machine only
 * (127.0.0.1), following the folder: a file changed on disk (an editor, git, a save from the page) shows in
 * the page at once. Writable unless --read-only: the page saves edits into the folder's files (serve/save.ts).
 * Runs until interrupted (Ctrl-C).
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { Option, type Command } from "commander";
import { bundleFolder } from "../../load/folder-bundle.ts";
import { formatIssue } from "../../load/issues.ts";
import { plural } from "../../model/text.ts";
import { DEFAULT_DATASET_PATH } from "../dataset.ts";
import { CliError, EXIT, type CliIo } from "../io.ts";
import { buildApp, defaultAppFolder, packageRoot, staleReason } from "../serve/app-files.ts";
import { startServer, type AtlasServer } from "../serve/server.ts";

export const DEFAULT_PORT = 5174;

function portNumber(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new CliError(`--port must be a number from 0 to 65535 (0: any free port), got "${value}"`, EXIT.usage);
  return port;
}

/** Waits for Ctrl-C (or a termination signal), then stops the server. */
function untilInterrupted(server: AtlasServer, io: CliIo): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      io.stderr("atlas serve: stopping\n");
      void server.close().then(resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

export function registerServe(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("serve")
    .description("explore a dataset folder in the browser, following its files as they change; saves edits into them unless --read-only")
    .argument("[dir]", "dataset folder", DEFAULT_DATASET_PATH)
    .option("--port <n>", `port on 127.0.0.1 (0: any free port)`, String(DEFAULT_PORT))
    .option("--read-only", "serve without editing: the page cannot save")
    .addOption(
      new Option("--app <folder>", "a built explorer to serve instead of building this package's (for tests and tools)").hideHelp(),
    )
    .addHelpText(
      "after",
      [
        "",
        "Only this machine can connect (127.0.0.1). A save must come from the served page itself: its Origin, the",
        "session token this launch puts in the page, and paths inside the folder (no symlink out of it). A save is",
        "refused when a file changed on disk since the page read it, or when the dataset would not validate.",
      ].join("\n"),
    )
    .action(async (dir: string, options: { port: string; readOnly?: boolean; app?: string }) => {
      const port = portNumber(options.port);
      const info = await stat(dir).catch(() => undefined);
      if (!info?.isDirectory())
        throw new CliError(info ? `${dir} is a file; atlas serve serves a dataset folder` : `no such folder: ${dir}`, EXIT.usage);

      let app = options.app;
      if (app === undefined) {
        const root = packageRoot();
        app = defaultAppFolder(root);
        const reason = await staleReason(root, app);
        if (reason !== null) {
          io.stderr(`atlas serve: ${reason}; building it (vite build, once)…\n`);
          await buildApp(root, app);
        }
      }

      const { result } = await bundleFolder(dir);
      const errors = result.issues.filter((issue) => issue.severity === "error");
      for (const issue of errors.slice(0, 20)) io.stderr(`${formatIssue(issue)}\n`);
      if (errors.length > 0)
        io.stderr(`atlas serve: ${dir} has ${plural(errors.length, "error")}; the page lists them until they are fixed\n`);

      const server = await startServer({
        folder: dir,
        app,
        port,
        readOnly: options.readOnly === true,
        onChange: (files) => io.stderr(`changed: ${files.join(", ")}\n`),
        onError: (error) => io.stderr(`atlas serve: ${error.message}\n`),
      }).catch((error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EADDRINUSE") throw new CliError(`port ${port} is in use; choose another with --port (0: any free port)`, EXIT.usage);
        throw error;
      });
      const mode = options.readOnly === true ? "read-only" : `edit mode: saves write into ${path.resolve(dir)}`;
      io.stdout(`Serving ${dir} at ${server.url} (${mode}; Ctrl-C to stop)\n`);
      await untilInterrupted(server, io);
      setExit(EXIT.ok);
    });
}

/**
 * `atlas serve` for tests: the built bin started as a child process on a free port (the real server, as a
 * user runs it), raw HTTP requests to it (node's http: fetch will not send a forged Host header), and a
 * folder's files listed with the hidden ones (a save must leave no temporary file behind), and a stand-in for
 * the built explorer that serve and publish copy.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { atlasCommand } from "./bin.ts";

export interface RunningServe {
  url: string;
  port: number;
  child: ChildProcess;
  /** What it printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/** The CLI run from its sources (tsx), for tests whose project does not build the bin first (e2e). */
export function atlasFromSources(): string[] {
  return [process.execPath, "--import", "tsx", "src/cli/main.ts"];
}

/** Starts `atlas serve ...args` (the built bin unless told otherwise) and waits for the line with its URL. */
export async function startServe(args: readonly string[], options: { atlas?: string[]; timeoutMs?: number } = {}): Promise<RunningServe> {
  const [command, ...prefix] = options.atlas ?? atlasCommand();
  const timeoutMs = options.timeoutMs ?? 120_000;
  const child = spawn(command as string, [...prefix, "serve", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`atlas serve did not start:\n${output}`)), timeoutMs);
    const take = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1] as string);
      }
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`atlas serve exited with ${String(code)}:\n${output}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): unknown;
}

/**
 * One HTTP request with exactly the headers given (Host included, when given). With `chunks`, the body is
 * streamed and stops as soon as the server answers (a refused upload: the server may close the connection).
 */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: readonly Buffer[] } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = httpRequest(
      url,
      { method: options.method ?? "GET", headers: options.headers ?? {}, setHost: options.headers?.Host === undefined },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) as unknown });
        });
        response.on("error", reject);
      },
    );
    outgoing.on("error", (error) => {
      if (!answered) reject(error);
    });
    if (!options.chunks) {
      outgoing.end(options.body);
      return;
    }
    const chunks = [...options.chunks];
    const next = (): void => {
      const chunk = chunks.shift();
      if (answered || outgoing.destroyed) return;
      if (chunk === undefined) outgoing.end();
      else if (outgoing.write(chunk)) setImmediate(next);
      else outgoing.once("drain", next);
    };
    next();
  });
}

/** Every file below a folder, hidden ones included, relative and sorted. */
export async function allFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A stand-in for the built explorer: an index.html like the build's (dataset meta, CSP, title) and one asset. */
export async function fakeExplorerBuild(folder: string): Promise<string> {
  await mkdir(path.join(folder, "assets"), { recursive: true });
  await writeFile(
    path.join(folder, "index.html"),
    [
      "<!doctype html>",
      "<html>",
      "  <head>",
      '    <meta name="leverage-atlas-dataset" content="dataset.bundle.json">',
      '    <meta http-equiv="Content-Security-Policy" content="default-src \'self\'">',
      "    <title>Leverage Atlas</title>",
      "  </head>",
      "  <body></body>",
      "</html>",
      "",
    ].join("\n"),
  );
  await writeFile(path.join(folder, "assets", "app.js"), "console.log('app');\n");
  return folder;
}

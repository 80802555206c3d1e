/** `python3 -m http.server` for tests: a plain static host (no server code of ours) on a free port of 127.0.0.1. */
import { spawn } from "node:child_process";

export interface StaticServer {
  /** http://127.0.0.1:PORT/ */
  url: string;
  stop(): Promise<void>;
}

/** Serves `folder` with python3's http.server on a free port and waits for the line with its address. */
export async function startPythonServer(folder: string, timeoutMs = 30_000): Promise<StaticServer> {
  // -u: the "Serving HTTP on ..." line comes through the pipe at once. Port 0: any free port (it prints the real one).
  const child = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`python3 -m http.server did not start:\n${output}`)), timeoutMs);
    const take = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = /port (\d+)/.exec(output);
      if (found && found[1] !== "0") {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${found[1]}/`);
      }
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`python3 -m http.server exited with ${String(code)}:\n${output}`));
    });
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

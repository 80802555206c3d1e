/** Runs one benchmark task in a fresh node process (see child.ts) and returns its JSON result. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { TaskArgs, TaskName, TaskOutput } from "./tasks/index.ts";

const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));
// The loader by absolute URL, so children start the same way whatever the current directory.
const TSX = import.meta.resolve("tsx");

export async function runTask<N extends TaskName>(name: N, args: TaskArgs<N>, nodeFlags: readonly string[] = []): Promise<TaskOutput<N>> {
  const child = spawn(process.execPath, [...nodeFlags, "--import", TSX, CHILD, name, JSON.stringify(args)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    stdout += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  const last = stdout.trimEnd().split("\n").pop() ?? "";
  if (code !== 0 || last === "") throw new Error(`benchmark task "${name}" failed (exit ${code})`);
  return JSON.parse(last) as TaskOutput<N>;
}

/**
 * Cold start of the installable `atlas` (#20 target 6): `atlas validate` on the embedded dataset, each run a fresh
 * node process, alternating with `node -e 0`, the floor any node program pays. Wall time and CPU time (user +
 * system, read by a preloaded hook as the process exits) of both sides. Runs in the harness's own process: each
 * run is already a process of its own.
 */
import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// CommonJS, so that `node --require` preloads it before any program, ES module or not.
const CPU_HOOK = `process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  try { require("node:fs").writeSync(3, String((user + system) / 1000)); } catch {}
});
`;

export interface StartSample {
  ms: number;
  cpuMs: number | undefined;
}

export interface Starter {
  /** What runs, in words. */
  what: string;
  args: readonly string[];
  /** Whether the preloaded CPU hook sees the whole work (false when the program hands it to a child process). */
  cpu: boolean;
}

export const NODE_FLOOR: Starter = { what: "node -e 0", args: ["-e", "0"], cpu: true };

export function builtAtlas(bin: string): Starter {
  return { what: "atlas validate (built bin)", args: [bin, "validate"], cpu: true };
}

/** What `npm run atlas -- validate` starts (tsx runs the program in a child process of its own), without npm. */
export const TSX_ATLAS: Starter = {
  what: "tsx src/cli/main.ts validate",
  args: [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "src/cli/main.ts", "validate"],
  cpu: false,
};

/** One cold start in the repository root; its stdout is discarded, a failure is an error. */
export async function coldStart(starter: Starter, hook: string): Promise<StartSample> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--require", hook, ...starter.args], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit", "pipe"],
  });
  let reported = "";
  const report = child.stdio[3];
  if (report && "setEncoding" in report) {
    report.setEncoding("utf8");
    report.on("data", (chunk: string) => {
      reported += chunk;
    });
  }
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`${starter.what} failed (exit ${code})`);
  return { ms, cpuMs: starter.cpu && reported !== "" ? Number(reported) : undefined };
}

/** Writes the CPU hook to a fresh temporary folder and returns its path. */
export async function cpuHook(): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "atlas-bench-cli-")), "cpu-hook.cjs");
  await writeFile(file, CPU_HOOK);
  return file;
}

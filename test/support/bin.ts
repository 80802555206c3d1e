/** How tests run the real `atlas` program in a process of its own. */
import path from "node:path";

/** The command and its first arguments: node on the TypeScript entry through tsx. */
export function atlasCommand(): string[] {
  return [process.execPath, path.resolve("node_modules/tsx/dist/cli.mjs"), path.resolve("src/cli/main.ts")];
}

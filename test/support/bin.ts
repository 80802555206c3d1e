/** How tests run the installable `atlas` program (package.json "bin", built by test/support/build-cli.ts). */
import { readFileSync } from "node:fs";
import path from "node:path";

/** The bin file package.json names, from the repository root. */
export function atlasBin(): string {
  const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { bin: { atlas: string } };
  return path.resolve(manifest.bin.atlas);
}

/** The command and its first arguments: node on the built bin. */
export function atlasCommand(): string[] {
  return [process.execPath, atlasBin()];
}

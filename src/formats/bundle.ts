/**
 * Bundles: the several files a bundle writer (format.ts) writes, collected in memory and packed as a zip
 * (fflate, in node and the browser alike). The CLI can also write them as a folder (cli/atomic-write.ts).
 */
import { zipSync } from "fflate";
import type { Bundle, Chunk } from "./format.ts";

/** Why a name cannot be a file in a bundle (it must stay inside it), or null. */
export function bundleNameProblem(name: string): string | null {
  const parts = name.split("/");
  if (name === "" || parts.some((part) => part === "" || part === "." || part === ".." || part.includes("\\")))
    return `"${name}" is not a relative path of "/"-separated names`;
  return null;
}

/** The bytes of a file written in chunks (text as UTF-8). */
export function joinChunks(chunks: readonly Chunk[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts = chunks.map((chunk) => (typeof chunk === "string" ? encoder.encode(chunk) : chunk));
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** A Bundle that keeps its files in memory, in the order they were added. */
export function memoryBundle(): { bundle: Bundle; files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const bundle: Bundle = {
    add(name, produce) {
      const problem = bundleNameProblem(name);
      if (problem) throw new Error(`a bundle file name: ${problem}`);
      if (files.has(name)) throw new Error(`a bundle holds "${name}" twice`);
      const chunks: Chunk[] = [];
      produce((chunk) => chunks.push(chunk));
      files.set(name, joinChunks(chunks));
    },
  };
  return { bundle, files };
}

/** The files as one zip archive (deflated). */
export function zipFiles(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(files));
}

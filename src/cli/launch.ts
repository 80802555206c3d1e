#!/usr/bin/env node
/**
 * The `atlas` bin (package.json): starts the bundled program (dist-cli/program.cjs, built from main.ts by
 * scripts/build-cli.ts) with V8's code cache beside it, so a cold start does not parse and compile the bundle
 * again. Node 20 has no module compile cache (module.enableCompileCache is node 22), but vm.Script takes cached
 * data: measured here, a third or more of `atlas validate`'s start-up over `node -e 0`. The cache is written at
 * build time; when V8 rejects it (another node version) it is written again at exit, where that is allowed.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire, wrap } from "node:module";
import path from "node:path";
import { Script } from "node:vm";

const program = path.join(__dirname, "program.cjs");
const cacheFile = `${program}.cache`;

function readCache(): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

const cachedData = readCache();
const script = new Script(wrap(readFileSync(program, "utf8")), { filename: program, ...(cachedData ? { cachedData } : {}) });
if (cachedData === undefined || script.cachedDataRejected === true) {
  // At exit the cache also holds the functions this run compiled. Written aside and renamed, so that a run
  // started meanwhile reads a whole file or none; a folder it may not write to (a global install) is no error.
  process.once("exit", () => {
    const aside = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(aside, script.createCachedData());
      renameSync(aside, cacheFile);
    } catch {
      rmSync(aside, { force: true });
    }
  });
}
const programModule = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(
  programModule.exports,
  createRequire(program),
  programModule,
  program,
  __dirname,
);

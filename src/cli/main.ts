#!/usr/bin/env node
/** Entry point of `npm run atlas -- <command>` and of the bundled program the `atlas` bin starts (launch.ts). */
import { quietOnClosedOutput } from "./io.ts";
import { runCli } from "./program.ts";

quietOnClosedOutput();
// No top-level await: the bundle is CommonJS, which V8 can keep a code cache of (see launch.ts).
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

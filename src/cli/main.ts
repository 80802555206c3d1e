#!/usr/bin/env node
/** Entry point of `npm run atlas -- <command>`. */
import { quietOnClosedOutput } from "./io.ts";
import { runCli } from "./program.ts";

quietOnClosedOutput();
process.exitCode = await runCli(process.argv.slice(2));

/**
 * Entry point of a benchmark child process: `node --import tsx child.ts <task> <json args>`.
 * Heavy measurements run in fresh processes so each starts with an empty heap and its peak RSS
 * is its own. Prints the task's result as one JSON line on stdout; logs go to stderr.
 */
import { TASKS, type TaskName } from "./tasks/index.ts";

const [name, json] = process.argv.slice(2);
if (name === undefined || !Object.hasOwn(TASKS, name)) {
  process.stderr.write(`bench child: unknown task ${JSON.stringify(name)}\n`);
  process.exit(2);
}
const task = await TASKS[name as TaskName]();
// The parent (run-child.ts) sends this task's own arguments; `never` fits the parameter of whichever task it is.
const output = await task(JSON.parse(json ?? "{}") as never);
process.stdout.write(`${JSON.stringify(output)}\n`);

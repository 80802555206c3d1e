/**
 * Progress of long work on stderr, so stdout stays clean for output. On a terminal one line is
 * rewritten in place; otherwise (when asked for with --progress) a line is printed now and then.
 */
import type { CliIo } from "./io.ts";

export interface Progress {
  /** `done` of `total` items of a step (e.g. "relations"). */
  update(step: string, done: number, total: number): void;
  /** Clears the progress line. */
  finish(): void;
}

const SILENT: Progress = { update: () => {}, finish: () => {} };

/** How often the line may be redrawn (terminal) or a new line printed (log). */
const TERMINAL_INTERVAL_MS = 100;
const LOG_INTERVAL_MS = 2_000;

export function progressOn(io: CliIo, options: { force?: boolean } = {}): Progress {
  const terminal = io.stderrIsTerminal === true;
  if (!terminal && !options.force) return SILENT;
  const started = performance.now();
  let last = -Infinity;
  let lastStep = "";
  let shown = false;
  return {
    update(step, done, total) {
      const now = performance.now();
      const stepDone = done >= total;
      if (step === lastStep && !stepDone && now - last < (terminal ? TERMINAL_INTERVAL_MS : LOG_INTERVAL_MS)) return;
      last = now;
      lastStep = step;
      const percent = total > 0 ? Math.floor((100 * done) / total) : 100;
      const line = `${step}: ${done.toLocaleString("en")} of ${total.toLocaleString("en")} (${percent}%), ${((now - started) / 1000).toFixed(1)} s`;
      if (terminal) {
        io.stderr(`\r\u001b[K${line}`);
        shown = true;
      } else {
        io.stderr(`${line}\n`);
      }
    },
    finish() {
      if (terminal && shown) io.stderr("\r\u001b[K");
      shown = false;
    },
  };
}

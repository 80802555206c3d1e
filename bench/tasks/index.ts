/** The tasks a benchmark child process can run, loaded on demand so each child imports only its own code. */
export const TASKS = {
  load: async () => (await import("./load.ts")).load,
  "load-baseline": async () => (await import("./load.ts")).loadBaseline,
  subgraph: async () => (await import("./subgraph.ts")).subgraph,
  table: async () => (await import("./table.ts")).table,
  "edit-check": async () => (await import("./edit-check.ts")).editCheck,
  "gexf-write": async () => (await import("./gexf.ts")).gexfWrite,
  "gexf-read": async () => (await import("./gexf.ts")).gexfRead,
  "gexf-read-baseline": async () => (await import("./gexf.ts")).gexfReadBaseline,
  "interop-write": async () => (await import("./interop.ts")).interopWrite,
  browser: async () => (await import("./browser.ts")).browserBench,
  leverage: async () => (await import("./leverage.ts")).leverage,
  "xlsx-write": async () => (await import("./sheets.ts")).xlsxWrite,
  "xlsx-write-plain": async () => (await import("./sheets.ts")).xlsxWritePlain,
  "json-write": async () => (await import("./sheets.ts")).jsonWrite,
  "xlsx-read": async () => (await import("./sheets.ts")).xlsxRead,
  "json-read": async () => (await import("./sheets.ts")).jsonRead,
  "xlsx-read-cells": async () => (await import("./sheets.ts")).xlsxReadCells,
} as const;

export type TaskName = keyof typeof TASKS;
type TaskFunction<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]>>;
export type TaskArgs<N extends TaskName> = Parameters<TaskFunction<N>>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<TaskFunction<N>>>;

/** One benchmark measured against its baseline in the same process: the samples of both, wall and CPU. */
export interface MeasuredCase {
  name: string;
  baseline: string;
  ms: number[];
  baselineMs: number[];
  cpuMs: number[];
  baselineCpuMs: number[];
  notes: string;
}

/** A full collection between measurements when node runs with --expose-gc (the harness starts the subgraph and GEXF-writing children so). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Runs `work`, returning its result with its wall time and the CPU time (user + system, all threads)
 * the process spent meanwhile. CPU time is reported beside wall time because on a shared machine
 * other processes stretch wall time but hardly CPU time.
 */
export async function measure<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  return { value, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

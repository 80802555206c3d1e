/**
 * The generated datasets benchmarks run on, cached under .bench/ (git-ignored) by size, seed and
 * generator version, so repeated runs skip generation. A folder is used only once complete.
 */
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GENERATOR_VERSION, generateDataset } from "../src/generate/generate.ts";
import { writeDataset } from "../src/generate/write.ts";
import { listDatasetFiles } from "../src/load/read.ts";

export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BENCH_FOLDER = path.join(REPO_ROOT, ".bench");

export interface BenchDataset {
  dir: string;
  files: string[];
  entities: number;
  relations: number;
}

const COMPLETE = ".complete";

export async function benchDataset(
  entities: number,
  relations: number,
  seed: number,
  log: (message: string) => void,
): Promise<BenchDataset> {
  const dir = path.join(BENCH_FOLDER, "data", `e${entities}-r${relations}-s${seed}-g${GENERATOR_VERSION}`);
  const complete = await stat(path.join(dir, COMPLETE)).then(
    () => true,
    () => false,
  );
  if (!complete) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    log(
      `generating ${entities.toLocaleString("en")} entities, ${relations.toLocaleString("en")} relations (seed ${seed}) into ${path.relative(REPO_ROOT, dir)}`,
    );
    const start = performance.now();
    const dataset = generateDataset({ entities, relations, seed });
    await writeDataset(dataset, dir);
    await writeFile(path.join(dir, COMPLETE), "");
    log(`generated in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  return { dir, files: await listDatasetFiles(dir), entities, relations };
}

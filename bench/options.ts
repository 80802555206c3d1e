/** Command-line options of `npm run bench`. */
import { parseArgs } from "node:util";

export const SIZES = {
  tiny: { entities: 2_000, relations: 6_000, runs: 1, repeats: 1, gexfRepeats: 1, browserSizes: [] },
  small: { entities: 10_000, relations: 30_000, runs: 3, repeats: 5, gexfRepeats: 2, browserSizes: [1_000, 10_000] },
  full: { entities: 100_000, relations: 300_000, runs: 3, repeats: 5, gexfRepeats: 1, browserSizes: [1_000, 10_000, 50_000] },
} as const;
export type SizeName = keyof typeof SIZES;

export interface BenchOptions {
  json: boolean;
  entities: number;
  relations: number;
  seed: number;
  runs: number;
  repeats: number;
  gexfRepeats: number;
  checkBigGexf: boolean;
  browserSizes: number[];
  /** Entry ids to run (all when empty). */
  only: string[];
  help: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

Measures load, memory, subgraph extraction, the explorer's table view, GEXF export, the interop exports
(GraphML, Neo4j, Cypher), the leverage analysis, the browser and the CLI's cold start against baselines
measured in the same run.

Options:
  --json               print one JSON object {machine, results: [{name, ms, baselineMs, ratio, ...}]}
  --size <name>        tiny (2k/6k), small (10k/30k) or full (100k/300k, the default)
  --entities <n>       entities in the generated dataset (overrides --size)
  --relations <n>      relations (default: 3 x entities)
  --seed <n>           generator seed (default 1)
  --runs <n>           fresh-process runs per side for load and memory
  --repeats <n>        repetitions per side for subgraph extraction
  --gexf-repeats <n>   repetitions per side for the GEXF write and parse, and the interop writes (default 1 at full size)
  --check-gexf         check the GEXF files with check-gexf even above 64 MB (full size: slow)
  --only <ids>         comma-separated entries to run: load, subgraph, table, gexf, interop, xlsx, leverage, browser, cli
                       (leverage: 50k entities at full size, the run's size when smaller)
                       (browser: 1k, 10k and 50k entities at full size, 1k and 10k at small, none at tiny)
  -h, --help           show this help
`;

export class UsageError extends Error {}

function wholeNumber(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < min)
    throw new UsageError(`--${name} must be a whole number of at least ${min}, got "${value}"`);
  return number;
}

export function parseBenchOptions(args: readonly string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        json: { type: "boolean", default: false },
        size: { type: "string", default: "full" },
        entities: { type: "string" },
        relations: { type: "string" },
        seed: { type: "string" },
        runs: { type: "string" },
        repeats: { type: "string" },
        "gexf-repeats": { type: "string" },
        "check-gexf": { type: "boolean", default: false },
        only: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (!Object.hasOwn(SIZES, values.size))
    throw new UsageError(`--size must be one of ${Object.keys(SIZES).join(", ")}, got "${values.size}"`);
  const size = SIZES[values.size as SizeName];
  const entities = wholeNumber("entities", values.entities, 2) ?? size.entities;
  const relations =
    wholeNumber("relations", values.relations, entities - 1) ?? (values.entities === undefined ? size.relations : entities * 3);
  return {
    json: values.json,
    entities,
    relations,
    seed: wholeNumber("seed", values.seed, 0) ?? 1,
    runs: wholeNumber("runs", values.runs, 1) ?? size.runs,
    repeats: wholeNumber("repeats", values.repeats, 1) ?? size.repeats,
    gexfRepeats: wholeNumber("gexf-repeats", values["gexf-repeats"], 1) ?? size.gexfRepeats,
    checkBigGexf: values["check-gexf"],
    browserSizes: [...size.browserSizes],
    only:
      values.only === undefined
        ? []
        : values.only
            .split(",")
            .map((id) => id.trim())
            .filter(Boolean),
    help: values.help,
  };
}

import type { Command } from "commander";
import { buildGraph } from "../../graph/build.ts";
import { graphStats, type RankedEntity } from "../../graph/stats.ts";
import { CliError, EXIT, type CliIo } from "../io.ts";
import { DEFAULT_DATASET_PATH, loadOrFail } from "../dataset.ts";
import { table } from "../table.ts";

function ranking(title: string, entities: readonly RankedEntity[], format: (value: number) => string, width: number | undefined): string {
  return `${title}\n${table(
    ["#", "entity", "kind", "value"],
    entities.map((entity, index) => [index + 1, `${entity.label} (${entity.id})`, entity.kind, format(entity.value)]),
    [0, 3],
    { width, shrink: { 1: "wrap" } },
  )}`;
}

export function registerStats(program: Command, io: CliIo): void {
  program
    .command("stats")
    .description("count entities and relations by kind and family; rank entities by degree and betweenness")
    .argument("[path]", "dataset folder or file", DEFAULT_DATASET_PATH)
    .option("--json", "print the statistics as one JSON object")
    .option("--limit <n>", "how many entities to rank", "10")
    .action(async (path: string, options: { json?: boolean; limit: string }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new CliError(`--limit must be a positive whole number, got "${options.limit}"`, EXIT.usage);
      const graph = buildGraph(await loadOrFail(path, io));
      const stats = graphStats(graph, { limit });
      if (options.json) {
        io.stdout(`${JSON.stringify(stats, null, 2)}\n`);
        return;
      }
      const counts = (record: Record<string, number>): (string | number)[][] =>
        Object.entries(record)
          .filter(([, count]) => count > 0)
          .map(([key, count]) => [key, count]);
      const sections = [
        `${stats.name}: ${stats.entities} entities, ${stats.relations} relations, ${stats.sources} sources`,
        table(["entity kind", "count"], counts(stats.entitiesByKind), [1]),
        table(["relation family", "count"], counts(stats.relationsByFamily), [1]),
        table(["relation kind", "count"], counts(stats.relationsByKind), [1]),
        table(["confidence", "count"], counts(stats.relationsByConfidence), [1]),
        ranking("Top entities by degree", stats.topByDegree, String, io.columns),
        stats.topByBetweenness
          ? ranking("Top entities by betweenness (normalized)", stats.topByBetweenness, (value) => value.toFixed(4), io.columns)
          : "Betweenness skipped: the graph is too large for an exact computation.",
      ];
      io.stdout(`${sections.join("\n\n")}\n`);
    });
}

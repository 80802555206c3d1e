/**
 * The tables data/README.md carries that are derived from code or data: the ontology tables (from
 * src/model/ontology.ts) and the files table (records per file under data/). readme.test.ts checks that the README
 * holds them verbatim; `npx tsx test/data/readme-tables.ts` prints them to paste after a change.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { CONFIDENCE_INFO, CONFIDENCES, ENTITY_KIND_INFO, ENTITY_KINDS, RELATION_KINDS, RELATION_KIND_NAMES } from "../../src/model/ontology.ts";
import { isLayoutPath } from "../../src/load/bundle.ts";
import { listDatasetFiles } from "../../src/load/read.ts";

/** The entity-kind, relation-kind and confidence tables, in the order of the ontology. */
export function ontologyTables(): string {
  const entityRows = ENTITY_KINDS.map((kind) => `| \`${kind}\` | ${ENTITY_KIND_INFO[kind].description} |`);
  const relationRows = RELATION_KIND_NAMES.map((kind) => {
    const spec = RELATION_KINDS[kind];
    return `| \`${kind}\` | ${spec.family} | ${spec.description} | ${spec.source.join(", ")} | ${spec.target.join(", ")} |`;
  });
  const confidenceRows = CONFIDENCES.map((confidence) => `| \`${confidence}\` | ${CONFIDENCE_INFO[confidence]} |`);
  return [
    "| kind | what it is |",
    "| --- | --- |",
    ...entityRows,
    "",
    "| relation | family | meaning | from | to |",
    "| --- | --- | --- | --- | --- |",
    ...relationRows,
    "",
    "| confidence | meaning |",
    "| --- | --- |",
    ...confidenceRows,
  ].join("\n");
}

/** One row per data file: entities, relations and sources it holds, with a total row. */
export async function filesTable(folder = "data"): Promise<string> {
  const rows: string[] = [];
  const total = [0, 0, 0];
  for (const file of await listDatasetFiles(folder)) {
    // Saved layouts (layouts/) hold positions, not records.
    if (isLayoutPath(path.relative(folder, file))) continue;
    const json = JSON.parse(await readFile(file, "utf8")) as { entities?: unknown[]; relations?: unknown[]; sources?: unknown[] };
    const counts = [json.entities?.length ?? 0, json.relations?.length ?? 0, json.sources?.length ?? 0];
    counts.forEach((count, index) => (total[index]! += count));
    rows.push(`| \`${path.relative(folder, file).split(path.sep).join("/")}\` | ${counts.join(" | ")} |`);
  }
  return ["| file | entities | relations | sources |", "| --- | --- | --- | --- |", ...rows, `| **total** | ${total.join(" | ")} |`].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ontologyTables());
  console.log();
  console.log(await filesTable());
}

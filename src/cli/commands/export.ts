/**
 * `atlas export`: a subgraph of a dataset in any format of the registry whose writer runs in node
 * (src/formats/node.ts): the --format choices, the formats' own flags (GEXF's --dynamic) and their --help
 * lines all come from it.
 */
import type { Command } from "commander";
import { buildGraph } from "../../graph/build.ts";
import { SelectionError, selectSubgraph, type SubgraphSelection } from "../../graph/select.ts";
import { isPartialDate, firstDay, lastDay } from "../../model/dates.ts";
import {
  ENTITY_KINDS,
  RELATION_FAMILIES,
  RELATION_KIND_NAMES,
  type EntityKind,
  type RelationFamily,
  type RelationKind,
} from "../../model/ontology.ts";
import { listWords, plural } from "../../model/text.ts";
import type { OptionValues } from "../../formats/format.ts";
import { NODE_FORMATS } from "../../formats/node.ts";
import { findFormat, formatsForFileName, optionTags, writableFormats, type WritableFormat } from "../../formats/registry.ts";
import { writeExport } from "../export-output.ts";
import { addFormatFlags, flagSynopsis, flagValues, formatFlags } from "../format-flags.ts";
import { progressOn } from "../progress.ts";
import { chooseLayout } from "../../model/layout.ts";
import { DEFAULT_DATASET_PATH, loadWithLayoutsOrFail } from "../dataset.ts";
import { CliError, EXIT, type CliIo } from "../io.ts";

/** The formats `atlas export` writes, in the registry's order; the first is the default. */
const FORMATS = writableFormats("node", NODE_FORMATS);
const DEFAULT_FORMAT = FORMATS[0] as WritableFormat;

const FORMAT_FLAGS = formatFlags(FORMATS);

interface ExportOptions {
  format?: string;
  ego?: string;
  depth?: string;
  direction?: string;
  family?: string;
  kind?: string;
  relationKind?: string;
  at?: string;
  from?: string;
  to?: string;
  path?: string;
  directed?: boolean;
  ids?: string;
  dropIsolated?: boolean;
  out?: string;
  /** The formats' own flags, by attribute (see FORMAT_FLAGS). */
  [formatFlag: string]: string | boolean | undefined;
}

const EXAMPLES = `
Examples:
  $ npm run atlas -- export data --out huawei.gexf                       # the whole dataset, GEXF 1.3
  $ npm run atlas -- export data --dynamic --out timeline.gexf           # with dates for Gephi's timeline
  $ npm run atlas -- export --format json --out huawei.json              # a dataset file that loads back
  $ npm run atlas -- export --ego huawei --depth 2 --out huawei-ego.gexf # entities within 2 relations of huawei
  $ npm run atlas -- export --ego huawei --direction in                  # who acts on huawei (GEXF on stdout)
  $ npm run atlas -- export --family pressure,dependency --kind government,vendor
  $ npm run atlas -- export --relation-kind bans,restricts --drop-isolated
  $ npm run atlas -- export --at 2019-11                                 # relations active in November 2019
  $ npm run atlas -- export --from 2019 --to 2020-06                     # relations active at some point in that span
  $ npm run atlas -- export --path gov-united-states,telus [--directed]  # a shortest path and the relations among it
  $ npm run atlas -- export --ids bell,telus,huawei                      # exactly these entities
  $ npm run atlas -- export --format svg --ego huawei --at 2019-11 --out huawei.svg  # a figure of a view, as of a month
  $ npm run atlas -- export --format svg --width 1600 --height 1000 --layout forceatlas2 --out all.svg

The result is the induced subgraph: the chosen entities (all when no --ego, --path or --ids) and every
relation among them that passes the filters. Dates are YYYY, YYYY-MM or YYYY-MM-DD. Formats that place
entities (GEXF positions, the SVG figure) use the dataset's saved layout (layouts/default.json, else the
first; see atlas layout) when it has one.

Exit status: 0 written; 1 invalid dataset, or a selection the data cannot satisfy (an unknown id, no path);
2 usage error (bad flag, flag combination or value; output not writable); 3 internal error.
Nothing is written on failure: --out is replaced only by a complete file.`;

function list<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  if (items.length === 0) throw new CliError(`${flag} needs at least one value; one of: ${allowed.join(", ")}`, EXIT.usage);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item))
      throw new CliError(`${flag}: unknown value "${item}"; expected one of: ${allowed.join(", ")}`, EXIT.usage);
  }
  return items as T[];
}

function ids(flag: string, value: string): string[] {
  const items = value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  if (items.length === 0) throw new CliError(`${flag} needs at least one entity id`, EXIT.usage);
  return items;
}

function date(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isPartialDate(value))
    throw new CliError(`${flag} must be a date like 2019, 2019-11 or 2019-11-22, got "${value}"`, EXIT.usage);
  return value;
}

/** The selection the flags describe; every flag problem is a usage error naming the flag. */
export function selectionFromFlags(options: ExportOptions): SubgraphSelection {
  const selection: SubgraphSelection = {};
  const families = list<RelationFamily>("--family", options.family, RELATION_FAMILIES);
  const kinds = list<EntityKind>("--kind", options.kind, ENTITY_KINDS);
  const relationKinds = list<RelationKind>("--relation-kind", options.relationKind, RELATION_KIND_NAMES);
  if (families) selection.families = families;
  if (kinds) selection.kinds = kinds;
  if (relationKinds) selection.relationKinds = relationKinds;

  const at = date("--at", options.at);
  const from = date("--from", options.from);
  const to = date("--to", options.to);
  if (at !== undefined && (from !== undefined || to !== undefined))
    throw new CliError("--at cannot be combined with --from or --to: give one date, or a span", EXIT.usage);
  if (from !== undefined && to !== undefined && lastDay(to) < firstDay(from))
    throw new CliError(`--to ${to} is before --from ${from}`, EXIT.usage);
  if (at !== undefined) selection.at = at;
  if (from !== undefined) selection.from = from;
  if (to !== undefined) selection.to = to;

  if (options.ego === undefined) {
    if (options.depth !== undefined) throw new CliError("--depth needs --ego", EXIT.usage);
    if (options.direction !== undefined) throw new CliError("--direction needs --ego", EXIT.usage);
  } else {
    const egoId = options.ego.trim();
    if (egoId === "") throw new CliError("--ego needs an entity id", EXIT.usage);
    const depth = options.depth === undefined ? 1 : Number(options.depth);
    if (!Number.isInteger(depth) || depth < 0 || depth > 10)
      throw new CliError(`--depth must be a whole number from 0 to 10, got "${options.depth}"`, EXIT.usage);
    const direction = options.direction ?? "both";
    if (direction !== "out" && direction !== "in" && direction !== "both")
      throw new CliError(`--direction must be out, in or both, got "${direction}"`, EXIT.usage);
    selection.ego = { id: egoId, depth, direction };
  }

  if (options.path === undefined) {
    if (options.directed) throw new CliError("--directed needs --path", EXIT.usage);
  } else {
    const ends = ids("--path", options.path);
    if (ends.length !== 2)
      throw new CliError(`--path needs exactly two entity ids separated by a comma (A,B), got ${ends.length}`, EXIT.usage);
    selection.path = { from: ends[0] as string, to: ends[1] as string, directed: options.directed === true };
  }
  if (options.ids !== undefined) selection.ids = ids("--ids", options.ids);
  if (options.dropIsolated) selection.dropIsolated = true;
  return selection;
}

/** The format the flags ask for (--format, else the --out extension, else the default) and its options' values. */
function formatOf(options: ExportOptions): { format: WritableFormat; values: OptionValues } {
  let format: WritableFormat | undefined;
  if (options.format !== undefined) {
    format = findFormat(options.format, FORMATS);
    if (!format) throw new CliError(`--format must be ${listWords(FORMATS.map((known) => known.id))}, got "${options.format}"`, EXIT.usage);
  } else {
    format = (options.out === undefined ? undefined : formatsForFileName(options.out, FORMATS)[0]) ?? DEFAULT_FORMAT;
  }
  const values = flagValues(format, FORMAT_FLAGS, options);
  return { format, values };
}

/** The --help section naming each format, its extensions and its flags. */
function formatsHelp(): string {
  const width = Math.max(...FORMATS.map((format) => format.id.length));
  const lines = FORMATS.map((format) => {
    const flags = Object.values(format.options).map(flagSynopsis);
    return `  ${format.id.padEnd(width)}  .${format.extensions[0]}  ${format.description}${flags.length > 0 ? ` (${flags.join(", ")})` : ""}`;
  });
  return `
Formats (--format; by default the one the --out extension names, else ${DEFAULT_FORMAT.id}):
${lines.join("\n")}
`;
}

export function registerExport(program: Command, io: CliIo): void {
  const command = program
    .command("export")
    .description(`export a dataset or a subgraph of it as ${listWords(FORMATS.map((format) => format.label))} (see Formats below)`)
    .argument("[path]", "dataset folder or file", DEFAULT_DATASET_PATH)
    .option(
      "--format <format>",
      `${listWords(FORMATS.map((format) => format.id))} (default: from the --out extension, else ${DEFAULT_FORMAT.id})`,
    );
  addFormatFlags(command, FORMAT_FLAGS);
  command
    .option("--ego <id>", "entities within --depth relations of this entity")
    .option("--depth <n>", "ego depth, 0 to 10 (default 1)")
    .option("--direction <dir>", "ego direction: out (what it acts on), in (what acts on it) or both (default)")
    .option("--family <families>", `relation families, comma-separated: ${RELATION_FAMILIES.join(", ")}`)
    .option("--kind <kinds>", `entity kinds, comma-separated: ${ENTITY_KINDS.join(", ")}`)
    .option("--relation-kind <kinds>", "relation kinds, comma-separated (see atlas schema)")
    .option("--at <date>", "relations active on this date")
    .option("--from <date>", "relations active at some point from this date (with or without --to)")
    .option("--to <date>", "relations active at some point until this date")
    .option("--path <a,b>", "the entities on a shortest path between two entities")
    .option("--directed", "with --path: follow relations in their direction only")
    .option("--ids <ids>", "these entities, comma-separated")
    .option("--drop-isolated", "leave out entities without any relation in the result")
    .option("--out <file>", "write to this file (atomically) instead of stdout")
    .addHelpText("after", formatsHelp() + EXAMPLES)
    .action(async (path: string, options: ExportOptions) => {
      const { format, values } = formatOf(options);
      const selection = selectionFromFlags(options);
      const { dataset, layouts } = await loadWithLayoutsOrFail(path, io);
      const graph = buildGraph(dataset);
      // Formats that place entities (GEXF's viz:position, the SVG figure) take the dataset's saved layout.
      const layout = chooseLayout(layouts);
      let subgraph;
      try {
        subgraph = selectSubgraph(graph, selection);
      } catch (error) {
        if (error instanceof SelectionError) throw new CliError(`${path}: ${error.message}`, EXIT.invalid);
        throw error;
      }
      const progress = progressOn(io);
      const { out } = options;
      let report;
      try {
        report = await writeExport(
          format,
          {
            graph: subgraph,
            options: values,
            ...(layout ? { positions: (id: string) => layout.positions.get(id) } : {}),
            ...(selection.at === undefined ? {} : { asOf: selection.at }),
            // Progress only when writing a file: on stdout the text itself is the output.
            ...(out === undefined
              ? {}
              : { onProgress: (done: number, total: number) => progress.update(`writing ${format.name}`, done, total) }),
          },
          out,
          io,
        );
      } finally {
        progress.finish();
      }
      if (out !== undefined) {
        const what = [format.label, ...optionTags(format, values)].join(", ");
        io.stderr(
          `wrote ${out} (${what}): ${plural(subgraph.order, "entity", "entities")}, ${plural(subgraph.size, "relation")}, ${plural(report.sources, "source")}\n`,
        );
      }
      for (const note of report.notes) io.stderr(`warning: ${note}\n`);
    });
}

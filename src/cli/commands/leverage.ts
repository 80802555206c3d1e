import type { Command } from "commander";
import { buildGraph } from "../../graph/build.ts";
import { SelectionError } from "../../graph/select.ts";
import type { AtlasGraph } from "../../graph/types.ts";
import { exposure, type ExposureRow } from "../../analysis/exposure.ts";
import { leverageChains, type LeverageChain, type LeverageOptions } from "../../analysis/leverage.ts";
import type { TimeWindow } from "../../analysis/relations.ts";
import { readChain } from "../../analysis/steps.ts";
import { CliError, DEFAULT_COLUMNS, EXIT, type CliIo } from "../io.ts";
import { DEFAULT_DATASET_PATH, loadOrFail } from "../dataset.ts";
import { paragraph, table } from "../table.ts";

/** How many chains or exposure rows a terminal shows unless --limit says otherwise. */
const TERMINAL_LIMIT = 20;

const DEFINITIONS = `
Definitions (the README's "Leverage analysis" section says more):
  chain       a pressure relation that names what it is about (the vendor), judged within its
              own dates (or on --at DATE), with everything below active in that time
  presser,    the governments the pressure's source and target act for: a person or agency is
  pressed     followed through leads / represents / part_of / member_of to the nearest government
              (an actor that reaches none acts for itself); pressure within one country is skipped
  under B     B itself; when B is a government, the carriers, vendors, organizations and agencies
              of its country; anything part_of those (transitively); and what they own
  dependents  entities under the pressed that depend on the vendor (or its parts) through a
              dependency relation (uses_equipment_from, contracts_with, supplies, ...);
              no dependent, no chain
  ties        what the pressed side relies on the presser's side for (a dependency relation with
              the pressed side's end dependent, e.g. shares_intelligence_with from the presser),
              and blocs both belong to (member_of, e.g. the Five Eyes)
  exposure    per pressed government and vendor: score = (2 x dependent carriers + other dependents)
              x distinct pressers

Output: on a terminal, a summary of the chains (one line each) and at most ${TERMINAL_LIMIT} chains or exposure
rows, fitted to its width, with a line saying how to see all; elsewhere (a pipe, a file) every chain in
detail, fitted to ${DEFAULT_COLUMNS} columns (or COLUMNS). --summary, --details and --limit choose.

Exit status: 0 done (also when no chain is found), 1 invalid dataset, 2 usage error (bad option,
unknown --target id, malformed --at date).`;

function dates(start: string, end: string | null): string {
  return `${start} .. ${end ?? "ongoing"}`;
}

function windowText(window: TimeWindow): string {
  return window.from === window.to ? `on ${window.from}` : `from ${window.from} ${window.to === null ? "(ongoing)" : `to ${window.to}`}`;
}

/** Lines of a chain's block are indented by this much under its numbered first line. */
const INDENT = "   ";

function chainText(graph: AtlasGraph, chain: LeverageChain, index: number, width: number | undefined): string {
  const label = (id: string): string => graph.getNodeAttribute(id, "label");
  const named = (id: string): string => `${label(id)} (${id})`;
  const { steps, sources } = readChain(chain);
  const dependents = chain.dependents.map(
    (dependent) =>
      `${named(dependent.id)}, ${dependent.kind}, ${dependent.route === "country" ? "same country" : `via ${dependent.route}`}`,
  );
  // When the vendor stands on the presser's side, the dependencies on it are ties too: say so once.
  const onVendor = new Set(chain.dependents.flatMap((dependent) => dependent.dependencies));
  const repeated = chain.ties.filter((tie) => tie.type === "dependency" && onVendor.has(tie.relation)).length;
  const ties = [
    ...(repeated > 0
      ? [
          `the ${repeated === 1 ? "dependency" : `${repeated} dependencies`} on ${label(chain.vendor)} listed below (it stands under ${label(chain.presser)})`,
        ]
      : []),
    ...chain.ties.flatMap((tie) =>
      tie.type === "bloc"
        ? [tie.presserMembers.length === 0 ? `member of ${named(tie.bloc)}` : `both in ${named(tie.bloc)}`]
        : onVendor.has(tie.relation)
          ? []
          : [`${label(tie.dependent)} relies on ${label(tie.provider)} (${graph.getEdgeAttribute(tie.relation, "kind")})`],
    ),
  ];
  const rows = steps.map(({ role, relation, sourceNumbers }, step) => [
    step + 1,
    role,
    `${label(relation.source)} -${relation.kind}-> ${label(relation.target)}`,
    dates(relation.start, relation.end),
    relation.confidence,
    sourceNumbers.map((number) => `[${number}]`).join(" "),
  ]);
  const indent = (text: string): string => text.replace(/^(?=.)/gm, INDENT);
  const inner = width === undefined ? undefined : width - INDENT.length;
  const item = (line: string): string => paragraph(line, inner, "  ", "    ");
  const heading = `${index}. ${named(chain.presser)} -> ${named(chain.pressed)} about ${named(chain.vendor)}, ${windowText(chain.window)} [${chain.pressure}]`;
  return [
    paragraph(heading, width, "", INDENT),
    indent(`Dependents (${chain.dependents.length}):\n${dependents.map(item).join("\n")}`),
    indent(chain.ties.length === 0 ? "Ties: none recorded" : `Ties (${chain.ties.length}):\n${ties.map(item).join("\n")}`),
    "",
    indent(
      table(["#", "role", "relation", "dates", "confidence", "sources"], rows, [0], { width: inner, shrink: { 2: "wrap", 5: "wrap" } }),
    ),
    "",
    indent(
      `Claims:\n${steps.map(({ relation }, step) => paragraph(relation.claim.replace(/\s*\n\s*/g, " "), inner, `  ${step + 1}. `, "     ")).join("\n")}`,
    ),
    "",
    indent(
      `Sources:\n${sources
        .map(
          (source, number) =>
            `${paragraph(`${source.publisher}, "${source.title}"${source.published ? `, ${source.published}` : ""}`, inner, `  [${number + 1}] `, "      ")}\n      ${source.url}`,
        )
        .join("\n")}`,
    ),
  ].join("\n");
}

/** The chains one line each, numbered as --details numbers them: who pressed whom about which vendor, when, and how much hangs on it. */
function chainSummary(graph: AtlasGraph, chains: readonly LeverageChain[], width: number | undefined): string {
  const label = (id: string): string => graph.getNodeAttribute(id, "label");
  return table(
    ["#", "presser", "pressed", "vendor", "when", "dependents", "ties"],
    chains.map((chain, index) => [
      index + 1,
      label(chain.presser),
      label(chain.pressed),
      label(chain.vendor),
      chain.window.from === chain.window.to ? chain.window.from : `${chain.window.from} .. ${chain.window.to ?? "ongoing"}`,
      chain.dependents.length,
      chain.ties.length,
    ]),
    [0, 5, 6],
    { width, shrink: { 1: "truncate", 2: "truncate", 3: "truncate", 4: "wrap" } },
  );
}

function exposureText(graph: AtlasGraph, rows: readonly ExposureRow[], width: number | undefined): string {
  const label = (id: string): string => graph.getNodeAttribute(id, "label");
  return table(
    ["#", "pressed", "vendor", "score", "carriers", "other dependents", "pressers", "pressures"],
    rows.map((row, index) => [
      index + 1,
      `${label(row.pressed)} (${row.pressed})`,
      `${label(row.vendor)} (${row.vendor})`,
      row.score,
      row.carriers.map(label).join(", ") || "-",
      row.others.map(label).join(", ") || "-",
      row.pressers.map(label).join(", "),
      row.pressures.length,
    ]),
    [0, 3, 7],
    { width, shrink: { 1: "wrap", 2: "wrap", 4: "wrap", 5: "wrap", 6: "wrap" } },
  );
}

function scope(options: LeverageOptions): string {
  return [
    options.at === undefined ? "all dates" : `active on ${options.at}`,
    options.target === undefined ? undefined : `pressed: ${options.target}`,
  ]
    .filter((part) => part !== undefined)
    .join("; ");
}

interface LeverageFlags {
  at?: string;
  target?: string;
  exposure?: boolean;
  json?: boolean;
  limit?: string;
  summary?: boolean;
  details?: boolean;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** How much to print and in which form: the flags, else what suits where the output goes (see the help). */
function outputChoices(flags: LeverageFlags, io: CliIo): { limit: number | undefined; summary: boolean } {
  if (flags.summary && flags.details) throw new CliError("--summary and --details exclude each other: choose one", EXIT.usage);
  const terminal = io.stdoutIsTerminal === true && flags.json !== true;
  let limit: number | undefined = terminal ? TERMINAL_LIMIT : undefined;
  if (flags.limit !== undefined) {
    const value = flags.limit.trim() === "" ? Number.NaN : Number(flags.limit);
    if (!Number.isSafeInteger(value) || value < 0)
      throw new CliError(`--limit must be a whole number, 0 for all, got "${flags.limit}"`, EXIT.usage);
    limit = value === 0 ? undefined : value;
  }
  return { limit, summary: flags.summary === true || (terminal && flags.details !== true) };
}

/** The closing line: how many were left out by --limit and how to see them, and other ways to see more. */
function more(shown: number, total: number, nouns: string, hints: readonly string[], width: number | undefined): string {
  const all = shown < total ? [`showing ${shown} of ${total} ${nouns}: --limit 0 for all`] : [];
  const parts = [...all, ...hints];
  return parts.length === 0 ? "" : `\n${paragraph(`(${parts.join("; ")})`, width)}\n`;
}

export function registerLeverage(program: Command, io: CliIo): void {
  program
    .command("leverage")
    .description(
      "where pressure meets dependency: who is pressed about which vendor, what depends on it, what ties give the presser weight",
    )
    .argument("[path]", "dataset folder or file", DEFAULT_DATASET_PATH)
    .option("--at <date>", "keep pressures active on this date (YYYY, YYYY-MM or YYYY-MM-DD) and judge dependencies and ties on it")
    .option("--target <id>", "keep chains whose pressed government is this entity id")
    .option("--exposure", "print the exposure ranking (pressed government x vendor) instead of the chains")
    .option("--json", "print one JSON object: {chains: [...]} (or {exposure: [...]} with --exposure)")
    .option("--limit <n>", `at most this many chains or exposure rows; 0 for all (default: ${TERMINAL_LIMIT} on a terminal, else all)`)
    .option("--summary", "one line per chain (the default on a terminal)")
    .option("--details", "each chain's dependents, ties, steps, claims and sources (the default elsewhere)")
    .addHelpText("after", DEFINITIONS)
    .action(async (path: string, flags: LeverageFlags) => {
      const { limit, summary } = outputChoices(flags, io);
      const graph = buildGraph(await loadOrFail(path, io));
      const options: LeverageOptions = {};
      if (flags.at !== undefined) options.at = flags.at;
      if (flags.target !== undefined) options.target = flags.target;
      const width = io.columns;
      try {
        if (flags.exposure) {
          const rows = exposure(graph, options);
          const shown = limit === undefined ? rows : rows.slice(0, limit);
          io.stdout(
            flags.json
              ? `${JSON.stringify({ exposure: shown }, null, 2)}\n`
              : `Exposure (${scope(options)}): ${plural(rows.length, "pressed government and vendor pair")}\n\n${exposureText(graph, shown, width)}\n${more(shown.length, rows.length, "pairs", [], width)}`,
          );
          return;
        }
        const chains = leverageChains(graph, options);
        const shown = limit === undefined ? chains : chains.slice(0, limit);
        if (flags.json) {
          io.stdout(`${JSON.stringify({ chains: shown }, null, 2)}\n`);
          return;
        }
        const header = `Leverage chains (${scope(options)}): ${chains.length}`;
        if (chains.length === 0) {
          io.stdout(`${header}\nNo pressure about a vendor met a dependency on it in the same time.\n`);
        } else if (summary) {
          const hints = ["--details for each chain's steps, claims and sources", "--json for everything"];
          io.stdout(`${header}\n\n${chainSummary(graph, shown, width)}\n${more(shown.length, chains.length, "chains", hints, width)}`);
        } else {
          const blocks = shown.map((chain, index) => chainText(graph, chain, index + 1, width));
          io.stdout(`${header}\n\n${blocks.join("\n\n")}\n${more(shown.length, chains.length, "chains", [], width)}`);
        }
      } catch (error) {
        if (error instanceof SelectionError) throw new CliError(error.message, EXIT.usage);
        throw error;
      }
    });
}

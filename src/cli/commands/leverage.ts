import type { Command } from "commander";
import { buildGraph } from "../../graph/build.ts";
import { SelectionError } from "../../graph/select.ts";
import type { AtlasGraph } from "../../graph/types.ts";
import { exposure, type ExposureRow } from "../../analysis/exposure.ts";
import { leverageChains, type LeverageChain, type LeverageOptions } from "../../analysis/leverage.ts";
import type { TimeWindow } from "../../analysis/relations.ts";
import { readChain } from "../../analysis/steps.ts";
import { CliError, EXIT, type CliIo } from "../io.ts";
import { DEFAULT_DATASET_PATH, loadOrFail } from "../dataset.ts";
import { table } from "../table.ts";

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

Exit status: 0 done (also when no chain is found), 1 invalid dataset, 2 usage error (bad option,
unknown --target id, malformed --at date).`;

function dates(start: string, end: string | null): string {
  return `${start} .. ${end ?? "ongoing"}`;
}

function windowText(window: TimeWindow): string {
  return window.from === window.to ? `on ${window.from}` : `from ${window.from} ${window.to === null ? "(ongoing)" : `to ${window.to}`}`;
}

function chainText(graph: AtlasGraph, chain: LeverageChain, index: number): string {
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
  const indent = (text: string): string => text.replace(/^(?=.)/gm, "   ");
  return [
    `${index}. ${named(chain.presser)} -> ${named(chain.pressed)} about ${named(chain.vendor)}, ${windowText(chain.window)} [${chain.pressure}]`,
    indent(`Dependents (${chain.dependents.length}):\n${dependents.map((line) => `  ${line}`).join("\n")}`),
    indent(chain.ties.length === 0 ? "Ties: none recorded" : `Ties (${chain.ties.length}):\n${ties.map((line) => `  ${line}`).join("\n")}`),
    "",
    indent(table(["#", "role", "relation", "dates", "confidence", "sources"], rows, [0])),
    "",
    indent(`Claims:\n${steps.map(({ relation }, step) => `  ${step + 1}. ${relation.claim.replace(/\s*\n\s*/g, " ")}`).join("\n")}`),
    "",
    indent(
      `Sources:\n${sources.map((source, number) => `  [${number + 1}] ${source.publisher}, "${source.title}"${source.published ? `, ${source.published}` : ""}\n      ${source.url}`).join("\n")}`,
    ),
  ].join("\n");
}

function exposureText(graph: AtlasGraph, rows: readonly ExposureRow[]): string {
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
    .addHelpText("after", DEFINITIONS)
    .action(async (path: string, flags: { at?: string; target?: string; exposure?: boolean; json?: boolean }) => {
      const graph = buildGraph(await loadOrFail(path, io));
      const options: LeverageOptions = {};
      if (flags.at !== undefined) options.at = flags.at;
      if (flags.target !== undefined) options.target = flags.target;
      try {
        if (flags.exposure) {
          const rows = exposure(graph, options);
          io.stdout(
            flags.json
              ? `${JSON.stringify({ exposure: rows }, null, 2)}\n`
              : `Exposure (${scope(options)}): ${rows.length} pressed government and vendor pair${rows.length === 1 ? "" : "s"}\n\n${exposureText(graph, rows)}\n`,
          );
          return;
        }
        const chains = leverageChains(graph, options);
        if (flags.json) {
          io.stdout(`${JSON.stringify({ chains }, null, 2)}\n`);
          return;
        }
        const header = `Leverage chains (${scope(options)}): ${chains.length}`;
        io.stdout(
          chains.length === 0
            ? `${header}\nNo pressure about a vendor met a dependency on it in the same time.\n`
            : `${header}\n\n${chains.map((chain, index) => chainText(graph, chain, index + 1)).join("\n\n")}\n`,
        );
      } catch (error) {
        if (error instanceof SelectionError) throw new CliError(error.message, EXIT.usage);
        throw error;
      }
    });
}

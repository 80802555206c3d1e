/**
 * Tables (from CSV files or a workbook) -> a dataset, for the CSV and XLSX readers alike: the layout given
 * (`--layout`) or told from the headers (and said), the user's kind mapping (`--map-kind`), the layout's
 * mapping, kinds left unmapped listed in one error, then the loader's check (check.ts).
 *
 * Layouts: `atlas` (Leverage Atlas's own, read back exactly: layouts/atlas.ts), `kumu` (Elements and
 * Connections), `gephi` (Data Laboratory's nodes and edges tables), `edges` (one edge list, entities
 * implied); the foreign ones in layouts/foreign.ts.
 */
import type { ChoiceOption, ReadOptions, ReadResult, TextOption, UnmappedKinds } from "../format.ts";
import { ENTITY_KINDS } from "../../model/ontology.ts";
import { listWords, plural, quote } from "../../model/text.ts";
import { finishImport } from "./check.ts";
import { escapeKindName, parseKindMapping } from "./kinds.ts";
import { looksLikeAtlas, mapAtlasTables } from "./layouts/atlas.ts";
import { detectForeignLayout, mapForeignTables } from "./layouts/foreign.ts";
import { SheetMapping } from "./mapping.ts";
import type { ReadNote } from "./notes.ts";
import type { SheetTable } from "./table.ts";

export const LAYOUTS = ["auto", "atlas", "kumu", "gephi", "edges"] as const;
export type Layout = (typeof LAYOUTS)[number];

/** The spreadsheet readers' options: the layout and the kind mapping (flags of `atlas import`, controls in the explorer). */
export const SHEET_READ_OPTIONS = {
  layout: {
    type: "choice",
    flag: "--layout",
    valueName: "layout",
    help: "how the tables are laid out: atlas (Leverage Atlas's own), kumu (Elements, Connections), gephi (nodes and edges tables), edges (one edge list); by default told from the headers",
    control: { label: "Layout", title: "How the tables are laid out; by default told from their headers" },
    choices: [
      { value: "auto", label: "Tell from the headers" },
      { value: "atlas", label: "Leverage Atlas" },
      { value: "kumu", label: "Kumu (Elements, Connections)" },
      { value: "gephi", label: "Gephi (nodes and edges tables)" },
      { value: "edges", label: "An edge list (source, target, kind)" },
    ],
    default: "auto",
  } satisfies ChoiceOption<Layout>,
  mapKind: {
    type: "text",
    flag: "--map-kind",
    valueName: "mapping",
    help: 'kinds the file names mapped to the ontology\'s, e.g. "Company=vendor,Telco=carrier,Funding=funds" (entity or relation kinds)',
    control: { label: "Kinds", title: 'Kinds of the file mapped to the ontology\'s: "Company=vendor,Telco=carrier"' },
  } satisfies TextOption,
} as const;

export interface SheetsInput {
  /** How the import names what it read: the file, or "N files". */
  readonly file: string;
  readonly tables: readonly SheetTable[];
  readonly notes: readonly ReadNote[];
}

export type SheetsResult = ReadResult & { readonly layout?: Exclude<Layout, "auto"> };

const LAYOUT_NAMES: Record<Exclude<Layout, "auto">, string> = {
  atlas: "a Leverage Atlas spreadsheet",
  kumu: "Kumu's layout (Elements, Connections)",
  gephi: "Gephi's Data Laboratory tables (nodes, edges)",
  edges: "an edge list (source, target, kind)",
};

/** The layout the tables are in, from their names and headers; undefined when none fits. */
export function detectLayout(tables: readonly SheetTable[]): Exclude<Layout, "auto"> | undefined {
  if (looksLikeAtlas(tables)) return "atlas";
  return detectForeignLayout(tables);
}

/** The error listing entity kinds no mapping covers, with a --map-kind to start from. */
function unmappedError(unmapped: UnmappedKinds): string {
  const named = unmapped.entity.map(({ name, count }) => `${quote(name)} (${plural(count, "row")})`).join(", ");
  const example = unmapped.entity.map(({ name }) => `${escapeKindName(name)}=…`).join(",");
  return `entity kinds the ontology does not have: ${named}; map each to one of ${ENTITY_KINDS.join(", ")} with --map-kind "${example}" (or in the explorer's table)`;
}

/** Reads tables into a dataset (see the module comment). */
export function readSheets(input: SheetsInput, options: ReadOptions, defaultName: string): SheetsResult {
  const values = options.values ?? {};
  const asked = (typeof values.layout === "string" ? values.layout : "auto") as Layout;
  const mappingText = typeof values.mapKind === "string" ? values.mapKind : undefined;
  const fail = (message: string): SheetsResult => ({ ok: false, issues: [{ file: input.file, pointer: "", severity: "error", message }] });
  if (!(LAYOUTS as readonly string[]).includes(asked)) return fail(`unknown layout ${quote(asked)}; one of: ${LAYOUTS.join(", ")}`);
  const parsed = parseKindMapping(mappingText);
  if (!parsed.ok) return fail(`the kind mapping cannot be read: ${parsed.problems.join("; ")}`);

  const detected = asked === "auto" ? detectLayout(input.tables) : asked;
  if (detected === undefined) {
    const headers = input.tables.map(
      (table) =>
        `${table.sheet ?? table.file}: ${
          table.header
            .filter((cell) => cell !== "")
            .slice(0, 8)
            .join(", ") || "(no header)"
        }`,
    );
    return fail(
      `the layout cannot be told from the headers (${headers.join("; ")}); a Leverage Atlas spreadsheet has entities/relations/sources tables, Kumu's has Label/Type and From/To columns, Gephi's Id/Label and Source/Target, an edge list source and target; name the layout with --layout`,
    );
  }
  const state = new SheetMapping(input.file, options, parsed.mapping);
  for (const note of input.notes) state.warnings.note(note);
  if (asked === "auto" && detected !== "atlas")
    state.issues.push({
      file: input.file,
      pointer: "",
      severity: "warning",
      message: `read as ${LAYOUT_NAMES[detected]}, told from the headers; name another with --layout (${LAYOUTS.filter((layout) => layout !== "auto").join(", ")})`,
    });
  if (detected === "atlas") mapAtlasTables(state, input.tables);
  else mapForeignTables(state, input.tables, detected);

  const unmapped: UnmappedKinds = { entity: [...state.unmapped.entity].map(([name, count]) => ({ name, count })) };
  if (unmapped.entity.length > 0) {
    const issues = [...state.issues, { file: input.file, pointer: "", severity: "error" as const, message: unmappedError(unmapped) }];
    return { ok: false, issues, unmapped, layout: detected };
  }
  const unused = [...parsed.mapping.given].filter(([normal]) => !state.mappingUsed.has(normal)).map(([, name]) => quote(name));
  if (unused.length > 0) state.warnings.add("unusedMapping", listWords(unused, "and"), input.file);
  const result = finishImport(state, detected === "atlas", defaultName);
  return { ...result, layout: detected };
}

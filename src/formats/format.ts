/**
 * What a file format declares to the registry (registry.ts): its names, extensions and media type, its
 * options, and its writer and/or reader with where each runs. The CLI (`export --format`, `import`), the
 * explorer's export bar, the Open file dispatcher and exportFileName are driven by these declarations alone:
 * adding a format is one module exporting a FormatSpec plus one entry in the registry.
 *
 * Browser-safe: types only, no node imports. A writer or reader whose code needs node goes in a format
 * registered by the node entry point (node.ts), never imported by the browser.
 */
import type { AtlasGraph } from "../graph/types.ts";
import type { LoadIssue } from "../load/issues.ts";
import type { SavedLayout } from "../model/layout.ts";
import type { LabelSide } from "../model/presentation.ts";
import type { Dataset } from "../model/schema.ts";

/** Where code runs: the CLI (node) and/or the explorer (browser). */
export type Runtime = "node" | "browser";

interface OptionBase {
  /** The CLI flag, e.g. "--dynamic" or "--layout" (a choice or a text takes a value: "--layout <layout>"). */
  readonly flag: `--${string}`;
  /** The flag's line in `--help`. */
  readonly help: string;
  /** The explorer's control (a checkbox, a select or a text field): its label and tooltip. */
  readonly control: { readonly label: string; readonly title: string };
}

/** A yes/no option of a format (GEXF's `dynamic`): a CLI flag and a checkbox in the explorer's export bar. */
export interface BooleanOption extends OptionBase {
  readonly type: "boolean";
  /** Said when the option is on: appended to the file name (`_dynamic`) and to the CLI's summary ("GEXF 1.3, dynamic"). */
  readonly tag: string;
}

/** One value of a choice option. */
export interface Choice<V extends string = string> {
  readonly value: V;
  /** The value in the explorer's select ("Kumu (Elements, Connections)"). */
  readonly label: string;
}

/** One of a few values (the spreadsheet readers' `layout`, the SVG's): `--layout <value>` and a select in the explorer. */
export interface ChoiceOption<V extends string = string> extends OptionBase {
  readonly type: "choice";
  readonly choices: readonly [Choice<V>, ...Choice<V>[]];
  /** The value when none is given. */
  readonly default: V;
  /** The flag's value as `--help` names it: "layout" in "--layout <layout>". */
  readonly valueName: string;
}

/** Free text (the spreadsheet readers' `mapKind`, "Company=vendor,Telco=carrier"): `--map-kind <text>` and a text field. */
export interface TextOption extends OptionBase {
  readonly type: "text";
  /** The flag's value as `--help` names it: "mapping" in "--map-kind <mapping>". */
  readonly valueName: string;
}

/** A whole number within bounds (the SVG's `width`): `--width <pixels>` and a number field in the explorer. */
export interface NumberOption extends OptionBase {
  readonly type: "number";
  /** The value when none is given. */
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** The flag's value as `--help` names it: "pixels" in "--width <pixels>". */
  readonly valueName: string;
}

export type FormatOption = BooleanOption | ChoiceOption | TextOption | NumberOption;

export type OptionSpecs = Readonly<Record<string, FormatOption>>;

/** The value an option takes: on/off, one of its choices, a number, or text (undefined when not given). */
export type OptionValue<O extends FormatOption> = O extends BooleanOption
  ? boolean
  : O extends ChoiceOption<infer V>
    ? V
    : O extends NumberOption
      ? number
      : string | undefined;

/** The chosen value of each of a format's options. */
export type OptionValues<O extends OptionSpecs = OptionSpecs> = { readonly [K in keyof O]: OptionValue<O[K]> };

export interface Position {
  x: number;
  y: number;
}

/** A picture framed for a slide: fitted to what is exported, with a title, the date and a legend. */
export interface SlideRequest {
  /** The picture's width in pixels (16:9); twice a 1280-pixel slide by default. */
  readonly width?: number;
}

/** The explorer's drawing of the graph, handed to writers of the picture as drawn (PNG). */
export interface Drawing {
  /** The graph as drawn now, showing only what is exported, on white; with a slide request, framed as a slide. */
  capture(slide?: SlideRequest): HTMLCanvasElement | Promise<HTMLCanvasElement>;
}

export interface WriteInput<V extends OptionValues = OptionValues> {
  /** What to write: a dataset's graph or a subgraph of it (writers never change it). */
  readonly graph: AtlasGraph;
  readonly options: V;
  /** Where each entity is drawn (the explorer's layout, a saved layout); writers that place entities fall back to their own layout. */
  readonly positions?: (id: string) => Position | undefined;
  /** How big each entity is drawn (its radius in pixels, as the explorer draws it); writers that draw fall back to sizes by degree. */
  readonly sizes?: (id: string) => number | undefined;
  /** The date the view shows (the explorer's time control, the CLI's --at): a picture says "as of" it. */
  readonly asOf?: string;
  /**
   * The labels the view draws: each labelled entity's side (the explorer's placement) and the text size; writers
   * that draw place their own labels without it.
   */
  readonly labels?: { readonly fontSize: number; readonly side: (id: string) => LabelSide | undefined };
  /**
   * Where each relation stands among those between the same two entities, as the view spreads them apart (sigma
   * counts every relation of the graph it draws, shown or not); without it, among the relations written.
   */
  readonly parallels?: (relationId: string) => { readonly index: number; readonly count: number } | undefined;
  /** The date a writer stamps into the file (YYYY-MM-DD); today (UTC) by default. Fixed by tests. */
  readonly date?: string;
  /** Told now and then how many items are written, for progress on big graphs. */
  readonly onProgress?: (done: number, total: number) => void;
  /** The explorer's drawing; only the explorer has one (writers with `runs: ["browser"]` may rely on it). */
  readonly drawing?: Drawing;
}

/** A piece of a file's content, handed on as it is written: text (written as UTF-8) or bytes. */
export type Chunk = string | Uint8Array;
export type Emit = (chunk: Chunk) => void;

export interface WriteReport {
  /** How many sources the output carries (the CLI's summary says so). */
  readonly sources: number;
  /** Caveats in plain words, one sentence each without a final stop: warnings in the CLI, notes in the explorer. */
  readonly notes: readonly string[];
}

/** Several named files written together: a folder from the CLI, a zip (or a folder) otherwise. */
export interface Bundle {
  /** Adds a file (a path inside the bundle, "/"-separated), its content handed on by `produce`. */
  add(name: string, produce: (emit: Emit) => void): void;
}

interface WriterBase {
  /** Where the writer's code can run; the CLI offers formats that run in node, the export bar those that run in the browser. */
  readonly runs: readonly Runtime[];
  /** "data": the entities and relations themselves; "picture": an image of them ("Exported an image of …"). */
  readonly writes: "data" | "picture";
}

/** Writes one file, handing its content on in chunks as it goes (to a file in node, into a Blob in the browser). */
export interface FileWriter<V extends OptionValues = OptionValues> extends WriterBase {
  readonly output: "file";
  /** "text" (UTF-8; may go to the CLI's stdout) or "bytes" (a binary file: the CLI needs --out). */
  readonly content: "text" | "bytes";
  write(input: WriteInput<V>, emit: Emit): WriteReport | Promise<WriteReport>;
}

/** Writes several files (e.g. one CSV per table): a folder or a zip from the CLI, a zip in the browser. */
export interface BundleWriter<V extends OptionValues = OptionValues> extends WriterBase {
  readonly output: "bundle";
  write(input: WriteInput<V>, bundle: Bundle): WriteReport | Promise<WriteReport>;
}

export type FormatWriter<V extends OptionValues = OptionValues> = FileWriter<V> | BundleWriter<V>;

/** A file to read: its name (as the user knows it) and its bytes. */
export interface ReadInput {
  readonly file: string;
  readonly bytes: Uint8Array;
}

export interface ReadOptions {
  /** The import day (YYYY-MM-DD) for relations a file leaves undated; today by default. */
  readonly today?: string;
  /** Where the file came from: cited by relations the file gives no source for. */
  readonly sourceUrl?: string;
  /** The dataset's name when the file has none (default: from the file name). */
  readonly name?: string;
  /**
   * The values of the reader's own options (`FormatReader.options`, e.g. the spreadsheet layout), by key;
   * those not given take their defaults. From the CLI's flags or the explorer's controls.
   */
  readonly values?: Readonly<Record<string, boolean | string | undefined>>;
}

/**
 * Entity kinds named in a file that are not the ontology's and that no mapping covers, with how many rows name
 * each: the explorer offers a table to map them (the CLI's error lists them). Relation kinds the ontology lacks
 * become the neutral related_to, with a warning, and need no mapping.
 */
export interface UnmappedKinds {
  readonly entity: readonly { readonly name: string; readonly count: number }[];
}

/** A dataset that validates with zero errors, or every error (located); never a partial dataset. */
export type ReadResult =
  | {
      readonly ok: true;
      readonly dataset: Dataset;
      readonly issues: LoadIssue[];
      readonly native: boolean;
      /** Saved layouts read with the dataset's files (layouts/NAME.json), sorted by name. */
      readonly layouts?: readonly SavedLayout[];
    }
  | { readonly ok: false; readonly issues: LoadIssue[]; readonly unmapped?: UnmappedKinds };

export type Likeness = "yes" | "maybe" | "no";

export interface FormatReader {
  readonly runs: readonly Runtime[];
  /**
   * "one": a file at a time. "several": one or more files read together as one dataset (a dataset split
   * across files; the files of a folder or of a zip).
   */
  readonly accepts: "one" | "several";
  /** What such a file is called in messages, without an article: "GEXF file", "dataset". */
  readonly noun: string;
  /** Where such files come from, for the Open file hint: "from Gephi, graphology or networkx". */
  readonly from?: string;
  /** The reader's line in `atlas import --help`. */
  readonly help: string;
  /** What such a file starts with, for the message about a file no reader recognises: "<". */
  readonly signature: string;
  /**
   * The format's files are zip archives (XLSX): read as they are. A zip of any other format's files (a CSV
   * bundle) is unpacked before reading (archive.ts), so its files reach their readers one by one.
   */
  readonly zipped?: true;
  /** Options of reading (the spreadsheets' layout and kind mapping): flags of `atlas import`, controls in the explorer. */
  readonly options?: OptionSpecs;
  /**
   * Whether the bytes look like this format, when the file's extension names no format or several: "yes"
   * when they surely are (GEXF's root element), "maybe" when they could be (any XML). The first "yes"
   * wins, else the first "maybe", so a broad guess never shadows a sure one of a format registered later.
   */
  sniff(bytes: Uint8Array): Likeness;
  read(files: readonly ReadInput[], options: ReadOptions): ReadResult;
  /** What was read, for the message after it: "a Leverage Atlas GEXF export, read back exactly"; `native: false` adds where the notes are. */
  describe(read: { readonly native: boolean; readonly files: number }): string;
}

export interface FormatSpec<O extends OptionSpecs = OptionSpecs> {
  /** The `--format` value and the explorer's `data-format`: lowercase letters, digits and hyphens. */
  readonly id: string;
  /** Short name: the explorer's button ("Export GEXF") and progress messages. */
  readonly name: string;
  /** What a written file is, in the CLI's summary: "GEXF 1.3", "JSON dataset". */
  readonly label: string;
  /** The format's line in `atlas export --help`. */
  readonly description: string;
  /** File extensions without the dot, the one written first; all are recognised when reading. "csv.zip" is fine. */
  readonly extensions: readonly [string, ...string[]];
  readonly mediaType: string;
  readonly options: O;
  readonly writer?: FormatWriter<OptionValues<O>>;
  readonly reader?: FormatReader;
}

/** Declares a format, keeping its id and its options' names in its type (so its writer sees typed options). */
export function defineFormat<const Id extends string, const O extends OptionSpecs>(
  spec: FormatSpec<O> & { readonly id: Id },
): FormatSpec<O> & { readonly id: Id } {
  return spec;
}

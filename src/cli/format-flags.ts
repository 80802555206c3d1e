/**
 * The flags of formats' options, for `atlas export` (writers' options: GEXF's --dynamic, the SVG's --width and
 * --layout) and `atlas import` (readers' options: the spreadsheets' --layout and --map-kind): one commander option
 * per flag, shared by the formats that declare it, and the values the command line gives for the format actually
 * used. A yes/no option is a bare flag, a choice takes one of its values, a number a whole number within its
 * bounds, a text any value.
 */
import { Option, type Command } from "commander";
import type { FormatOption, OptionSpecs, OptionValues } from "../formats/format.ts";
import { defaultValues } from "../formats/registry.ts";
import { listWords } from "../model/text.ts";
import { CliError, EXIT } from "./io.ts";

/** A format (or a reader) with options, as the flags see it: its name in messages and its options. */
export interface OptionOwner {
  readonly name: string;
  readonly options: OptionSpecs;
}

/** A flag of some formats' option (several formats may share one: CSV's and XLSX's --layout). */
export interface FormatFlag<F extends OptionOwner = OptionOwner> {
  readonly option: FormatOption;
  /** The key commander stores the flag under (--map-kind: mapKind). */
  readonly attribute: string;
  /** The formats that have it, and the option's key in each. */
  readonly owners: { readonly format: F; readonly key: string }[];
}

/** The flags of these formats' options, each once (the first format's help and choices describe it). */
export function formatFlags<F extends OptionOwner>(formats: readonly F[]): FormatFlag<F>[] {
  const flags = new Map<string, FormatFlag<F>>();
  for (const format of formats) {
    for (const [key, option] of Object.entries(format.options)) {
      const known = flags.get(option.flag);
      if (known) known.owners.push({ format, key });
      else flags.set(option.flag, { option, attribute: new Option(option.flag).attributeName(), owners: [{ format, key }] });
    }
  }
  return [...flags.values()];
}

/** The commander option of a flag: `--dynamic`, `--layout <layout>` (its choices checked), `--width <pixels>`, `--map-kind <mapping>`. */
function commanderOption(flag: FormatFlag): Option {
  const { option } = flag;
  if (option.type === "boolean") return new Option(option.flag, option.help);
  const made = new Option(`${option.flag} <${option.valueName}>`, option.help);
  if (option.type === "choice") made.choices(option.choices.map((choice) => choice.value)).default(undefined);
  return made;
}

export function addFormatFlags(command: Command, flags: readonly FormatFlag[]): void {
  for (const flag of flags) command.addOption(commanderOption(flag));
}

/** A number flag's value: a whole number within the option's bounds, else a usage error naming the flag. */
function numberValue(option: FormatOption & { type: "number" }, given: string): number {
  const value = /^\s*-?\d+\s*$/.test(given) ? Number(given) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < option.min || value > option.max)
    throw new CliError(`${option.flag} must be a whole number from ${option.min} to ${option.max}, got "${given}"`, EXIT.usage);
  return value;
}

/**
 * The values of `format`'s options: each at its default unless its flag was given. A flag given for a format
 * that lacks it is a usage error naming the formats it applies to.
 */
export function flagValues<F extends OptionOwner>(
  format: F,
  flags: readonly FormatFlag<F>[],
  given: Readonly<Record<string, unknown>>,
): OptionValues {
  const values: Record<string, boolean | string | number | undefined> = { ...defaultValues(format.options) };
  for (const flag of flags) {
    const value = given[flag.attribute];
    if (value === undefined || value === false) continue;
    const owner = flag.owners.find((candidate) => candidate.format === format);
    if (!owner)
      throw new CliError(
        `${flag.option.flag} applies to ${listWords(flag.owners.map((other) => other.format.name))} only, not to ${format.name}`,
        EXIT.usage,
      );
    const { option } = flag;
    // commander hands a flag with a value its text.
    const text = typeof value === "string" ? value : JSON.stringify(value);
    values[owner.key] = option.type === "boolean" ? true : option.type === "number" ? numberValue(option, text) : text;
  }
  return values;
}

/** "--layout atlas|kumu|gephi|edges", "--width <pixels>" or "--dynamic", for the lists of flags in --help. */
export function flagSynopsis(option: FormatOption): string {
  if (option.type === "boolean") return option.flag;
  if (option.type === "choice") return `${option.flag} ${option.choices.map((choice) => choice.value).join("|")}`;
  return `${option.flag} <${option.valueName}>`;
}

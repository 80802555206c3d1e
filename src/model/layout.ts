/**
 * Saved layouts: where each entity of a dataset is drawn, kept in the dataset folder as `layouts/NAME.json`
 * so that opening the dataset (the explorer, a published site, `atlas export --format svg`) draws the same
 * picture every time instead of recomputing ForceAtlas2. A layout is not a dataset document: the loader reads
 * it with its own schema (src/load/layouts.ts) and checks its ids against the dataset's entities.
 *
 * `{"$schema": "../../schema/layout.schema.json", "name": "default", "positions": {"bell": [12.5, -3.25], ...}}`
 * with coordinates in the explorer's graph space (ForceAtlas2's units, y pointing up).
 */
import { z } from "zod";
import { ID_MAX_LENGTH, ID_PATTERN } from "./schema.ts";
import { describeValue, quote } from "./text.ts";

/** The folder of a dataset that holds its saved layouts. */
export const LAYOUTS_FOLDER = "layouts";
/** The layout opened when a dataset has several. */
export const DEFAULT_LAYOUT_NAME = "default";
/** Where the committed JSON Schema lives, and the `$schema` a layout in `data/layouts/` points to. */
export const LAYOUT_SCHEMA_PATH = "schema/layout.schema.json";
export const LAYOUT_SCHEMA_REFERENCE = `../../${LAYOUT_SCHEMA_PATH}`;

export interface LayoutPoint {
  readonly x: number;
  readonly y: number;
}

function coordinate(axis: "x" | "y") {
  return z
    .number({
      error: (issue) =>
        issue.input === undefined
          ? undefined
          : typeof issue.input === "number"
            ? // JSON has no Infinity or NaN: a literal too big for a double (1e999) reads as Infinity.
              `${axis} must be a finite number, got ${String(issue.input)} (a number too large to store, e.g. 1e999)`
            : `${axis} must be a number, got ${describeValue(issue.input)}`,
    })
    .meta({ description: `The entity's ${axis} in the explorer's graph space${axis === "y" ? " (pointing up)" : ""}.` });
}

const pointSchema = z
  .tuple([coordinate("x"), coordinate("y")], {
    error: (issue) =>
      issue.input === undefined
        ? undefined
        : Array.isArray(issue.input)
          ? `a position is a list of two numbers [x, y], got ${issue.input.length} item${issue.input.length === 1 ? "" : "s"}`
          : `a position must be a list of two numbers [x, y], got ${describeValue(issue.input)}`,
  })
  .meta({ description: "[x, y]" });

/** A layout's name: an id (lowercase letters and digits joined by hyphens), so that it is a safe file name too. */
export const layoutNameSchema = z
  .string({ error: (issue) => (issue.input === undefined ? undefined : `name must be a string, got ${describeValue(issue.input)}`) })
  .check((ctx) => {
    if (!isLayoutName(ctx.value))
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        message: `malformed layout name ${quote(ctx.value)}: names are lowercase letters and digits joined by single hyphens, at most ${ID_MAX_LENGTH} characters (e.g. "default"), as in layouts/NAME.json`,
      });
  })
  .meta({ pattern: ID_PATTERN.source, maxLength: ID_MAX_LENGTH, description: "The layout's name; the file is layouts/NAME.json." });

export function isLayoutName(value: string): boolean {
  return value.length <= ID_MAX_LENGTH && ID_PATTERN.test(value);
}

export const layoutDocumentSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: layoutNameSchema,
    positions: z
      .record(z.string(), pointSchema, {
        error: (issue) =>
          issue.input === undefined ? undefined : `positions must be an object of entity ids to [x, y], got ${describeValue(issue.input)}`,
      })
      .meta({ description: "Entity id -> [x, y]." }),
  })
  .meta({
    title: "Leverage Atlas saved layout",
    description: "Where each entity of a dataset is drawn: layouts/NAME.json in the dataset folder.",
  });

export type LayoutDocument = z.infer<typeof layoutDocumentSchema>;

/** A layout read from a dataset: its name, the file it came from (as the caller shows it) and its positions. */
export interface SavedLayout {
  readonly name: string;
  readonly file: string;
  readonly positions: ReadonlyMap<string, LayoutPoint>;
}

/** The layout a dataset opens with: the one named "default", else the first by name; none when there are none. */
export function chooseLayout<L extends { readonly name: string }>(layouts: readonly L[]): L | undefined {
  return layouts.find((layout) => layout.name === DEFAULT_LAYOUT_NAME) ?? [...layouts].sort((a, b) => (a.name < b.name ? -1 : 1))[0];
}

/** Coordinates are kept to the hundredth: a layout's extent is hundreds of units, and shorter numbers diff better. */
function rounded(value: number): number {
  const result = Math.round(value * 100) / 100;
  return result === 0 ? 0 : result;
}

/**
 * The text of `layouts/NAME.json`: one entity per line, sorted by id (so saving again changes only the lines of
 * entities that moved), coordinates to the hundredth. Non-finite coordinates are refused: they cannot be read back.
 */
export function layoutText(name: string, positions: Iterable<readonly [string, LayoutPoint]>, schema = LAYOUT_SCHEMA_REFERENCE): string {
  const entries = [...positions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = entries.map(([id, { x, y }]) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`the position of ${JSON.stringify(id)} is not finite`);
    return `    ${JSON.stringify(id)}: [${rounded(x)}, ${rounded(y)}]`;
  });
  const body = lines.length === 0 ? "{}" : `{\n${lines.join(",\n")}\n  }`;
  return `{\n  "$schema": ${JSON.stringify(schema)},\n  "name": ${JSON.stringify(name)},\n  "positions": ${body}\n}\n`;
}

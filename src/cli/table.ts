/**
 * Plain-text tables and paragraphs for terminal output. Columns are padded to their widest cell; given a
 * width (the terminal's), the columns that may give way are narrowed until the table fits, their cells cut
 * with an ellipsis or wrapped over lines. Widths are display columns (string-width: accents, CJK, emoji).
 */
import cliTruncate from "cli-truncate";
import stringWidth from "string-width";
import wrapAnsi from "wrap-ansi";

/** How a column gives way when the table is wider than the output: cut with an ellipsis, or wrapped over lines. */
export type Shrink = "truncate" | "wrap";

export interface TableOptions {
  /** Fit the table to this many columns (undefined: as wide as its cells). */
  width?: number | undefined;
  /** Per column index: how it may give way; a column without an entry keeps its width (numbers, dates, codes). */
  shrink?: Readonly<Record<number, Shrink>>;
}

const GAP = "  ";
/** The narrowest a column that gives way becomes. */
const MIN_COLUMN = 6;
/** A wrapped column is kept at least as wide as its longest word, up to this (longer words are broken). */
const MAX_WHOLE_WORD = 24;

function longestWord(texts: readonly string[]): number {
  let longest = 0;
  for (const text of texts) for (const word of text.split(/\s+/)) longest = Math.max(longest, stringWidth(word));
  return longest;
}

/**
 * Column widths: as wide as their cells when that fits; else the columns that may give way share what is
 * left in proportion to how much more than their minimum they would need, none under its minimum (the
 * table then overflows rather than becoming unreadable).
 */
function columnWidths(
  natural: readonly number[],
  minimum: readonly number[],
  flexible: readonly boolean[],
  width: number | undefined,
): number[] {
  const gaps = GAP.length * (natural.length - 1);
  if (width === undefined || natural.reduce((sum, value) => sum + value, 0) + gaps <= width) return [...natural];
  const widths = natural.map((value, column) => (flexible[column] ? Math.min(value, minimum[column] ?? value) : value));
  const left = width - gaps - widths.reduce((sum, value) => sum + value, 0);
  if (left <= 0) return widths;
  const wants = widths.map((value, column) => (natural[column] ?? 0) - value);
  const wanted = wants.reduce((sum, value) => sum + value, 0);
  let given = 0;
  widths.forEach((value, column) => {
    const grant = Math.floor((left * (wants[column] ?? 0)) / wanted);
    widths[column] = value + grant;
    given += grant;
  });
  // What rounding left over goes to the columns still short, widest want first.
  const short = wants.map((want, column) => ({ want, column })).filter(({ want }) => want > 0);
  short.sort((a, b) => b.want - a.want);
  for (let index = 0; given < left && short.length > 0; index = (index + 1) % short.length) {
    const column = short[index]?.column ?? 0;
    if ((widths[column] ?? 0) < (natural[column] ?? 0)) {
      widths[column] = (widths[column] ?? 0) + 1;
      given += 1;
    } else if (short.every(({ column: other }) => (widths[other] ?? 0) >= (natural[other] ?? 0))) break;
  }
  return widths;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - stringWidth(text)));
  return right ? fill + text : text + fill;
}

/** A cell's lines at a width: whole when it fits, else cut or wrapped (a word longer than the width is broken). */
function cellLines(text: string, width: number, shrink: Shrink | undefined): string[] {
  if (shrink === undefined || stringWidth(text) <= width) return [text];
  if (shrink === "truncate") return [cliTruncate(text, width)];
  // Break at spaces; only a word longer than the whole column is broken inside.
  return wrapAnsi(text, width, { hard: false, trim: true })
    .split("\n")
    .flatMap((line) => (stringWidth(line) <= width ? [line] : wrapAnsi(line, width, { hard: true, trim: true }).split("\n")));
}

/** A table: a header, a rule of dashes, one row (or, with wrapped cells, a few lines) per item. */
export function table(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  rightAligned: readonly number[] = [],
  options: TableOptions = {},
): string {
  const cells = [header, ...rows].map((row) => row.map(String));
  const natural = header.map((_, column) => Math.max(...cells.map((row) => stringWidth(row[column] ?? ""))));
  const shrink = options.shrink ?? {};
  const flexible = header.map((_, column) => shrink[column] !== undefined);
  // Wrapped columns (headers too) keep whole words when that fits the width; else the longest words give way
  // first: every wrapped column's minimum is capped at the largest width that fits (never under MIN_COLUMN).
  const texts = (column: number): string[] => cells.map((row) => row[column] ?? "");
  const fixedMinimum = header.map((title, column) => Math.min(natural[column] ?? 0, Math.max(MIN_COLUMN, stringWidth(title))));
  const wordMinimum = header.map((_, column) =>
    Math.min(natural[column] ?? 0, Math.max(MIN_COLUMN, Math.min(MAX_WHOLE_WORD, longestWord(texts(column))))),
  );
  const minimumUnder = (cap: number): number[] =>
    header.map((_, column) =>
      shrink[column] === "wrap"
        ? Math.min(wordMinimum[column] ?? 0, Math.max(cap, MIN_COLUMN))
        : flexible[column]
          ? (fixedMinimum[column] ?? 0)
          : (natural[column] ?? 0),
    );
  const needs = (minimum: readonly number[]): number => minimum.reduce((sum, value) => sum + value, 0) + GAP.length * (header.length - 1);
  let cap = MAX_WHOLE_WORD;
  while (options.width !== undefined && cap > MIN_COLUMN && needs(minimumUnder(cap)) > options.width) cap -= 1;
  const minimum = minimumUnder(cap);
  const widths = columnWidths(natural, minimum, flexible, options.width);
  const render = (row: readonly string[]): string[] => {
    const columns = row.map((cell, column) => cellLines(cell, widths[column] ?? 0, shrink[column]));
    const height = Math.max(1, ...columns.map((lines) => lines.length));
    return Array.from({ length: height }, (_, line) =>
      columns
        .map((lines, column) => pad(lines[line] ?? "", widths[column] ?? 0, rightAligned.includes(column)))
        .join(GAP)
        .trimEnd(),
    );
  };
  const rule = widths.map((width) => "-".repeat(width)).join(GAP);
  return [...render(cells[0] ?? []), rule, ...cells.slice(1).flatMap(render)].join("\n");
}

/**
 * A paragraph wrapped to a width: the first line starts with `indent`, the next ones with `hanging`. Words
 * longer than a line (URLs) are kept whole, so they stay usable; with no width, the text is one line.
 */
export function paragraph(text: string, width: number | undefined, indent = "", hanging = indent): string {
  if (width === undefined) return indent + text;
  const available = Math.max(20, width - Math.max(stringWidth(indent), stringWidth(hanging)));
  return wrapAnsi(text, available, { hard: false, trim: true })
    .split("\n")
    .map((line, index) => (index === 0 ? indent : hanging) + line)
    .join("\n");
}

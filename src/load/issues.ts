/** Problems found in a dataset, located precisely enough for a curator to jump to them. */

export type Severity = "error" | "warning";

export interface LoadIssue {
  /** The file as the caller named it (a path, or a name for in-memory documents). */
  file: string;
  /** RFC 6901 JSON pointer into the file ("" for the whole file or a syntax error). */
  pointer: string;
  message: string;
  severity: Severity;
  /** 1-based line and column of the pointed value (or of the syntax error), when known. */
  line?: number;
  column?: number;
  /**
   * In a spreadsheet (CSV or XLSX): the sheet of a workbook, the row as a spreadsheet program numbers it,
   * and the column's header, as far as known.
   */
  cell?: { sheet?: string; row?: number; column?: string };
}

/** An RFC 6901 pointer from path segments. */
export function toPointer(path: readonly PropertyKey[]): string {
  let pointer = "";
  for (const segment of path) {
    pointer += `/${String(segment).replace(/~/g, "~0").replace(/\//g, "~1")}`;
  }
  return pointer;
}

/** Path segments from an RFC 6901 pointer; numeric segments stay strings. */
export function fromPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function errorCount(issues: readonly LoadIssue[]): number {
  return issues.filter((issue) => issue.severity === "error").length;
}

/**
 * One issue as a line: `file:/pointer: message (line L, column C)`, `file:L:C: message` for syntax errors, or
 * `file:sheet:row:column: message` in a spreadsheet (`relations.csv:14:claim: missing required value`).
 */
export function formatIssue(issue: LoadIssue): string {
  if (issue.cell) {
    const { sheet, row, column } = issue.cell;
    const place = [issue.file, sheet, row, column].filter((part) => part !== undefined).join(":");
    return `${place}: ${issue.severity === "warning" ? "warning: " : ""}${issue.message}`;
  }
  const where = issue.line === undefined ? "" : ` (line ${issue.line}, column ${issue.column ?? 1})`;
  const severity = issue.severity === "warning" ? "warning: " : "";
  if (issue.pointer === "") {
    const position = issue.line === undefined ? "" : `:${issue.line}:${issue.column ?? 1}`;
    return `${issue.file}${position}: ${severity}${issue.message}`;
  }
  return `${issue.file}:${issue.pointer}: ${severity}${issue.message}${where}`;
}

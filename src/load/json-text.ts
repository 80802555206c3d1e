/**
 * Strict JSON parsing with located errors, and pointer -> line:column lookup.
 * JSON.parse is fast but reports one error with an offset at best; jsonc-parser (Microsoft's, the one
 * VS Code uses) recovers and reports every syntax error with its place. We parse with JSON.parse and
 * only fall back to jsonc-parser when something is wrong, so valid files pay nothing extra.
 */
import { parse as parseLenient, printParseErrorCode, visit, type JSONPath, type ParseError } from "jsonc-parser";
import { toPointer } from "./issues.ts";

export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
}

/**
 * On failure, `recovered` is what jsonc-parser's error recovery read of the text (undefined when nothing):
 * not to be trusted as data, only to learn which ids the file defines so other files are not blamed for it.
 */
export type JsonTextResult = { ok: true; value: unknown } | { ok: false; problems: SyntaxProblem[]; recovered?: unknown };

const MAX_SYNTAX_PROBLEMS = 20;

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "malformed number",
  PropertyNameExpected: "expected a field name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected ':' after the field name",
  CommaExpected: "expected ',' between items",
  CloseBraceExpected: "expected '}' to close the object",
  CloseBracketExpected: "expected ']' to close the list",
  EndOfFileExpected: "unexpected text after the end of the JSON value",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "comments are not allowed in JSON",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "unterminated number",
  InvalidUnicode: "malformed \\u escape",
  InvalidEscapeCharacter: "invalid escape sequence",
  InvalidCharacter: "control character inside a string (escape it, e.g. \\n)",
};

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let index = text.indexOf("\n"); index !== -1 && index < end; index = text.indexOf("\n", index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** Offset of the last non-whitespace character before `offset`, or -1. */
function previousSignificantOffset(text: string, offset: number): number {
  for (let index = offset - 1; index >= 0; index -= 1) {
    if (!/\s/.test(text[index] ?? "")) return index;
  }
  return -1;
}

/** A curator-facing message for a syntax error, and the offset it is best reported at. */
function describeSyntaxError(text: string, error: ParseError): { message: string; offset: number } {
  const name = printParseErrorCode(error.error);
  const previous = previousSignificantOffset(text, error.offset);
  if ((name === "PropertyNameExpected" || name === "ValueExpected") && text[previous] === ",") {
    return { message: "trailing comma: remove this ',' before the closing bracket or brace", offset: previous };
  }
  if (error.offset >= text.trimEnd().length) {
    return { message: `unexpected end of file: the JSON is truncated (${SYNTAX_MESSAGES[name] ?? "incomplete"})`, offset: error.offset };
  }
  if (name === "InvalidSymbol" && text.startsWith("'", error.offset)) {
    return { message: "strings and field names need double quotes, not single quotes", offset: error.offset };
  }
  return { message: SYNTAX_MESSAGES[name] ?? "JSON syntax error", offset: error.offset };
}

const CASCADE_CODES = new Set(["CloseBraceExpected", "CloseBracketExpected", "EndOfFileExpected", "ValueExpected", "CommaExpected"]);

/**
 * After one error jsonc-parser recovers, but the recovery often yields follow-on errors (a missing
 * bracket, then a missing brace at the same place). Keep the first error and later ones only when
 * they start on another line and are not mere closing-bracket echoes, so each reported error is real.
 */
function withoutCascades(text: string, errors: readonly ParseError[]): ParseError[] {
  const kept: ParseError[] = [];
  const end = text.trimEnd().length - 1;
  let lastLine = -1;
  for (const error of errors) {
    const { line } = lineColumnAt(text, error.offset);
    const echoAtEnd = CASCADE_CODES.has(printParseErrorCode(error.error)) && error.offset >= end;
    if (kept.length === 0 || (line !== lastLine && !echoAtEnd)) kept.push(error);
    lastLine = line;
  }
  return kept;
}

/** Parses strict JSON (RFC 8259); on failure returns every syntax problem with its line and column. */
export function parseJsonText(text: string): JsonTextResult {
  if (text.trim().length === 0)
    return { ok: false, problems: [{ message: "the file is empty; a dataset file holds a JSON object", line: 1, column: 1 }] };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (parseError) {
    const start = text.search(/\S/);
    if (text[start] === "<") {
      return {
        ok: false,
        problems: [
          {
            message: "the file is not JSON: it starts with '<' (XML?); a GEXF file is read with `atlas import` or opened in the explorer",
            ...lineColumnAt(text, start),
          },
        ],
      };
    }
    const errors: ParseError[] = [];
    let recovered: unknown;
    try {
      recovered = parseLenient(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false }) as unknown;
    } catch {
      // jsonc-parser recurses per nesting level: absurdly deep junk may overflow it; JSON.parse's message remains.
    }
    if (errors.length === 0) {
      const message = parseError instanceof Error ? parseError.message : String(parseError);
      const position = /position (\d+)/.exec(message);
      const at = lineColumnAt(text, position ? Number(position[1]) : 0);
      return { ok: false, problems: [{ message: `JSON syntax error: ${message}`, ...at }], recovered };
    }
    const independent = withoutCascades(text, errors);
    const problems = independent.slice(0, MAX_SYNTAX_PROBLEMS).map((error) => {
      const { message, offset } = describeSyntaxError(text, error);
      return { message, ...lineColumnAt(text, offset) };
    });
    if (independent.length > MAX_SYNTAX_PROBLEMS) {
      const last = problems[problems.length - 1];
      if (last) last.message += ` (and ${independent.length - MAX_SYNTAX_PROBLEMS} more syntax errors after this one)`;
    }
    return { ok: false, problems, recovered };
  }
}

/**
 * Finds the line and column of each pointer in a JSON text. A pointer to a field points at its key;
 * a pointer to something absent (a missing field) resolves to its nearest present ancestor.
 */
export function locatePointers(text: string, pointers: Iterable<string>): Map<string, { line: number; column: number }> {
  const wanted = new Set<string>();
  for (const pointer of pointers) {
    let current = pointer;
    for (;;) {
      wanted.add(current);
      if (current === "") break;
      current = current.slice(0, current.lastIndexOf("/"));
    }
  }
  const found = new Map<string, { line: number; column: number }>();
  // Paths are only materialised down to the deepest wanted pointer: deeper junk costs a counter, not a copy per node.
  let maxDepth = 0;
  for (const pointer of wanted) maxDepth = Math.max(maxDepth, pointer === "" ? 0 : pointer.split("/").length - 1);
  let depth = 0;
  const record = (path: JSONPath, line: number, character: number): void => {
    const pointer = toPointer(path);
    if (wanted.has(pointer) && !found.has(pointer)) found.set(pointer, { line: line + 1, column: character + 1 });
  };
  const enter = (line: number, character: number, pathSupplier: () => JSONPath): void => {
    if (depth <= maxDepth) record(pathSupplier(), line, character);
    depth += 1;
  };
  const leave = (): void => {
    depth -= 1;
  };
  try {
    visit(text, {
      onObjectBegin: (_offset, _length, line, character, pathSupplier) => enter(line, character, pathSupplier),
      onObjectEnd: leave,
      onArrayBegin: (_offset, _length, line, character, pathSupplier) => enter(line, character, pathSupplier),
      onArrayEnd: leave,
      onObjectProperty: (property, _offset, _length, line, character, pathSupplier) => {
        if (depth <= maxDepth) record([...pathSupplier(), property], line, character);
      },
      onLiteralValue: (_value, _offset, _length, line, character, pathSupplier) => {
        if (depth <= maxDepth) record(pathSupplier(), line, character);
      },
    });
  } catch {
    // Too deeply nested for jsonc-parser's recursion: the issues keep their pointers, without line numbers.
  }
  const result = new Map<string, { line: number; column: number }>();
  for (const pointer of pointers) {
    let current = pointer;
    for (;;) {
      const location = found.get(current);
      if (location) {
        result.set(pointer, location);
        break;
      }
      if (current === "") break;
      current = current.slice(0, current.lastIndexOf("/"));
    }
  }
  return result;
}

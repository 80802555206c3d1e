/**
 * Record-level edits of a dataset file's text with the smallest diff: add, replace or delete one entity,
 * relation or source, changing only that record's lines (so a `git diff` shows exactly the edit). The rest
 * of the file keeps its bytes, order and formatting; a new record is laid out like its neighbours (the
 * data files put one entity or source per line and a relation over several lines, some keys sharing a
 * line). Pure and browser-safe: the page computes the new texts, the server only checks and writes them.
 *
 * jsonc-parser finds the records (parseTree, with offsets) and splices the text (applyEdits). Its `modify`
 * is not used: it lays out an object in its own formatter's style, one key per line, not the file's.
 */
import {
  applyEdits,
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type Edit,
  type Node,
  type ParseError,
} from "jsonc-parser";
import { lineColumnAt } from "../../load/json-text.ts";
import { quote } from "../../model/text.ts";

export type RecordCollection = "entities" | "relations" | "sources";

export type RecordEdit =
  /** Appends a record (or inserts it before the record `before`: then no other line of the file changes). */
  | { op: "add"; collection: RecordCollection; id: string; record: Record<string, unknown>; before?: string }
  /** Replaces the record with this id: only the values that differ change (a changed id included). */
  | { op: "replace"; collection: RecordCollection; id: string; record: Record<string, unknown> }
  | { op: "delete"; collection: RecordCollection; id: string };

export type EditOutcome = { ok: true; text: string } | { ok: false; problem: string };

/** Applies edits in order; the first that cannot be applied stops with its problem (the text is then unchanged). */
export function applyRecordEdits(text: string, edits: readonly RecordEdit[]): EditOutcome {
  let current = text;
  for (const edit of edits) {
    const outcome = applyRecordEdit(current, edit);
    if (!outcome.ok) return outcome;
    current = outcome.text;
  }
  return { ok: true, text: current };
}

const NOUN: Record<RecordCollection, string> = { entities: "entity", relations: "relation", sources: "source" };

export function applyRecordEdit(text: string, edit: RecordEdit): EditOutcome {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || root === undefined) {
    const first = errors[0];
    const at = first ? lineColumnAt(text, first.offset) : { line: 1, column: 1 };
    return fail(
      `the file is not valid JSON (${first ? printParseErrorCode(first.error) : "empty"} at line ${at.line}, column ${at.column})`,
    );
  }
  if (root.type !== "object") return fail("the file does not hold a JSON object");
  const layout = detectLayout(text);
  const array = findNodeAtLocation(root, [edit.collection]);
  if (array !== undefined && array.type !== "array") return fail(`"${edit.collection}" is not a list`);
  const found = array ? findRecord(array, edit.id) : { index: -1, count: 0 };
  if (found.count > 1) return fail(`the file has ${found.count} ${edit.collection} with the id ${quote(edit.id)}`);
  const noun = NOUN[edit.collection];

  if (edit.op === "add") {
    if (found.index >= 0) return fail(`the file already has ${withArticle(noun)} with the id ${quote(edit.id)}`);
    if (edit.record.id !== edit.id) return fail(`the new ${noun}'s id is ${quote(String(edit.record.id))}, not ${quote(edit.id)}`);
    return done(text, addRecord(text, root, array, edit, layout));
  }
  if (array === undefined || found.index < 0) return fail(`the file has no ${noun} with the id ${quote(edit.id)}`);
  const node = array.children?.[found.index] as Node;
  if (edit.op === "delete") return done(text, deleteRecord(text, array, found.index));
  const style = learnStyle(text, array, edit.collection, layout, node);
  const before = text.slice(node.offset, node.offset + node.length);
  return done(text, [{ offset: node.offset, length: node.length, content: replaceRecordText(before, edit.record, style, layout) }]);
}

function fail(problem: string): EditOutcome {
  return { ok: false, problem };
}

function done(text: string, edits: Edit[]): EditOutcome {
  return { ok: true, text: applyEdits(text, edits) };
}

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** The position of the record with this id in a collection, and how many have it. */
function findRecord(array: Node, id: string): { index: number; count: number } {
  let index = -1;
  let count = 0;
  (array.children ?? []).forEach((child, position) => {
    if (child.type !== "object") return;
    const idNode = findNodeAtLocation(child, ["id"]);
    if (idNode?.type === "string" && idNode.value === id) {
      count += 1;
      if (index < 0) index = position;
    }
  });
  return { index, count };
}

// --- The file's layout ---------------------------------------------------------------------------------

interface Layout {
  eol: string;
  /** Between a key and its value, and between the items of a one-line list or object. */
  colon: string;
  comma: string;
  /** One level of indentation. */
  unit: string;
}

function detectLayout(text: string): Layout {
  const unit = /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
  return {
    eol: text.includes("\r\n") ? "\r\n" : "\n",
    colon: /"\s*:\S/.test(text) && !/"\s*: /.test(text) ? ":" : ": ",
    comma: /[\]}"\d],\S/.test(text) && !/[\]}"\d], \S/.test(text) ? "," : ", ",
    unit,
  };
}

/** One-line JSON with the file's separators (`{"source": "x", "locator": "y"}`), as the data files write nested values. */
function inline(value: unknown, layout: Layout): string {
  if (Array.isArray(value)) return `[${value.map((item) => inline(item, layout)).join(layout.comma)}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, field]) => field !== undefined);
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}${layout.colon}${inline(field, layout)}`).join(layout.comma)}}`;
  }
  return value === undefined ? "null" : JSON.stringify(value);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The whitespace before `offset` on its line, or null when something else precedes it there. */
function indentBefore(text: string, offset: number): string | null {
  const before = text.slice(lineStart(text, offset), offset);
  return /^[ \t]*$/.test(before) ? before : null;
}

function onSameLine(text: string, from: number, to: number): boolean {
  return !text.slice(from, to).includes("\n");
}

function end(node: Node): number {
  return node.offset + node.length;
}

/** How a collection's records are laid out: one per line, or over lines whose keys are grouped as in the file. */
type RecordStyle = { lines: false } | { lines: true; indent: string; inner: string; shareLine: (a: string, b: string) => boolean };

/** Keys the project's data files put on one line of a relation, for a file that has no relation to learn from. */
const DEFAULT_RELATION_LINES = [
  ["id", "kind", "source", "target", "about"],
  ["start", "end"],
];

/**
 * The style of a collection's records, from the record nearest the edit (`template`); which keys share a line
 * is learned from every record of the collection laid out over lines (union of keys seen on one line).
 */
function learnStyle(
  text: string,
  array: Node | undefined,
  collection: RecordCollection,
  layout: Layout,
  template: Node | undefined,
): RecordStyle {
  const records = (array?.children ?? []).filter((child) => child.type === "object");
  const multiline = (node: Node): boolean => !onSameLine(text, node.offset, end(node));
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let current = key;
    while (parent.has(current) && parent.get(current) !== current) current = parent.get(current) as string;
    return current;
  };
  const union = (a: string, b: string): void => {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA !== rootB) parent.set(rootA, rootB);
  };
  const learned = records.filter(multiline);
  for (const record of learned) {
    const properties = record.children ?? [];
    for (let index = 1; index < properties.length; index += 1) {
      const previous = properties[index - 1] as Node;
      const property = properties[index] as Node;
      if (onSameLine(text, end(previous), property.offset)) union(keyOf(previous), keyOf(property));
    }
  }
  if (learned.length === 0 && collection === "relations")
    for (const [first, ...rest] of DEFAULT_RELATION_LINES) for (const key of rest) union(first as string, key);
  const shareLine = (a: string, b: string): boolean => find(a) === find(b);

  const model = template ?? records[records.length - 1];
  const itemIndent = model ? (indentBefore(text, model.offset) ?? null) : null;
  if (model && itemIndent !== null) {
    if (!multiline(model)) return { lines: false };
    const firstProperty = model.children?.[0];
    const inner = firstProperty
      ? (indentBefore(text, firstProperty.offset) ?? `${itemIndent}${layout.unit}`)
      : `${itemIndent}${layout.unit}`;
    return { lines: true, indent: itemIndent, inner, shareLine };
  }
  if (model) return { lines: false };
  // No record to follow: entities and sources one per line, relations over lines (the data files' style).
  if (collection !== "relations") return { lines: false };
  const indent = arrayItemIndent(text, array, layout);
  return { lines: true, indent, inner: `${indent}${layout.unit}`, shareLine };
}

function keyOf(property: Node): string {
  return String(property.children?.[0]?.value);
}

/** The indentation of an item of `array` (or of a new collection, at the top level of the file). */
function arrayItemIndent(text: string, array: Node | undefined, layout: Layout): string {
  const owner = array?.parent ?? array;
  const base = owner ? (/^[ \t]*/.exec(text.slice(lineStart(text, owner.offset)))?.[0] ?? "") : layout.unit;
  return `${base}${layout.unit}`;
}

/** A record's text in the collection's style, starting at its `{` (the caller puts the indentation before it). */
function formatRecord(record: Record<string, unknown>, style: RecordStyle, layout: Layout): string {
  const entries = Object.entries(record).filter(([, value]) => value !== undefined);
  if (!style.lines) return inline(record, layout);
  const lines: string[][] = [];
  let previousKey: string | null = null;
  for (const [key, value] of entries) {
    const piece = `${JSON.stringify(key)}${layout.colon}${inline(value, layout)}`;
    const last = lines[lines.length - 1];
    if (last && previousKey !== null && style.shareLine(previousKey, key)) last.push(piece);
    else lines.push([piece]);
    previousKey = key;
  }
  const body = lines.map((pieces) => `${style.inner}${pieces.join(layout.comma)}`).join(`,${layout.eol}`);
  return `{${layout.eol}${body}${layout.eol}${style.indent}}`;
}

// --- Add and delete -------------------------------------------------------------------------------------

function addRecord(text: string, root: Node, array: Node | undefined, edit: Extract<RecordEdit, { op: "add" }>, layout: Layout): Edit[] {
  const items = array?.children ?? [];
  const beforeIndex = edit.before === undefined || array === undefined ? -1 : findRecord(array, edit.before).index;
  const next = beforeIndex >= 0 ? (items[beforeIndex] as Node) : undefined;
  const template = next ?? items[items.length - 1];
  const style = learnStyle(text, array, edit.collection, layout, template);
  const record = formatRecord(edit.record, style, layout);
  if (next) {
    const indent = indentBefore(text, next.offset);
    return [{ offset: next.offset, length: 0, content: indent === null ? `${record}${layout.comma}` : `${record},${layout.eol}${indent}` }];
  }
  const last = items[items.length - 1];
  if (last) {
    const indent = indentBefore(text, last.offset);
    return [{ offset: end(last), length: 0, content: indent === null ? `${layout.comma}${record}` : `,${layout.eol}${indent}${record}` }];
  }
  const itemIndent = style.lines ? style.indent : arrayItemIndent(text, array, layout);
  const closingIndent = itemIndent.slice(0, Math.max(0, itemIndent.length - layout.unit.length));
  const list = `[${layout.eol}${itemIndent}${record}${layout.eol}${closingIndent}]`;
  if (array) return [{ offset: array.offset, length: array.length, content: list }];
  // No such collection yet: a new last field of the file's object.
  const fields = root.children ?? [];
  const lastField = fields[fields.length - 1];
  const property = `${JSON.stringify(edit.collection)}${layout.colon}${list}`;
  if (lastField)
    return [
      { offset: end(lastField), length: 0, content: `,${layout.eol}${indentBefore(text, lastField.offset) ?? layout.unit}${property}` },
    ];
  return [{ offset: root.offset, length: root.length, content: `{${layout.eol}${layout.unit}${property}${layout.eol}}` }];
}

/** Removes the record's lines (or, for a last record, the comma before it too), never its neighbours' text. */
function deleteRecord(text: string, array: Node, index: number): Edit[] {
  const items = array.children ?? [];
  const node = items[index] as Node;
  const previous = items[index - 1];
  const next = items[index + 1];
  const alone = indentBefore(text, node.offset) !== null;
  if (next) {
    if (alone && indentBefore(text, next.offset) !== null) return [removal(lineStart(text, node.offset), lineStart(text, next.offset))];
    return [removal(node.offset, next.offset)];
  }
  if (previous) return [removal(end(previous), end(node))];
  return [{ offset: array.offset, length: array.length, content: "[]" }];
}

function removal(from: number, to: number): Edit {
  return { offset: from, length: to - from, content: "" };
}

// --- Replace: only the values that differ ------------------------------------------------------------------

/** Equal as JSON values (object key order aside): such a value keeps its text, escapes and spacing. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

function parseObject(text: string): Node {
  return parseTree(text) as Node;
}

/**
 * The record's new text, made from its old text by one change at a time (each re-read, the record is small):
 * removed keys go with their line (or their place in it), changed values are rewritten in place, added keys
 * go after the key before them in the new record, on its line when the collection's style puts them together.
 */
function replaceRecordText(before: string, record: Record<string, unknown>, style: RecordStyle, layout: Layout): string {
  let text = before;
  const wanted = Object.entries(record).filter(([, value]) => value !== undefined);
  const wantedKeys = new Set(wanted.map(([key]) => key));
  const properties = (): Node[] => parseObject(text).children ?? [];
  const propertyNamed = (key: string): Node | undefined => properties().find((property) => keyOf(property) === key);

  for (const property of properties()) {
    const key = keyOf(property);
    if (!wantedKeys.has(key)) text = applyEdits(text, [removeProperty(text, properties(), key)]);
  }
  for (const [key, value] of wanted) {
    const valueNode = propertyNamed(key)?.children?.[1];
    if (valueNode === undefined) continue;
    if (!sameJson(getNodeValue(valueNode), value))
      text = applyEdits(text, [{ offset: valueNode.offset, length: valueNode.length, content: inline(value, layout) }]);
  }
  let previousKey: string | null = null;
  for (const [key, value] of wanted) {
    if (propertyNamed(key) === undefined)
      text = applyEdits(text, [insertProperty(text, properties(), previousKey, key, value, style, layout)]);
    previousKey = key;
  }
  return text;
}

function removeProperty(text: string, properties: readonly Node[], key: string): Edit {
  const index = properties.findIndex((property) => keyOf(property) === key);
  const property = properties[index] as Node;
  const previous = properties[index - 1];
  const next = properties[index + 1];
  const lineEnd = text.indexOf("\n", end(property));
  const restOfLine = lineEnd < 0 ? text.slice(end(property)) : text.slice(end(property), lineEnd);
  const alone = indentBefore(text, property.offset) !== null && /^[\s,]*$/.test(restOfLine);
  if (next) {
    if (alone && indentBefore(text, next.offset) !== null) return removal(lineStart(text, property.offset), lineStart(text, next.offset));
    if (onSameLine(text, property.offset, next.offset) || !previous) return removal(property.offset, next.offset);
    return removal(end(previous), end(property));
  }
  if (previous) return removal(end(previous), end(property));
  return removal(property.offset, end(property));
}

function insertProperty(
  text: string,
  properties: readonly Node[],
  afterKey: string | null,
  key: string,
  value: unknown,
  style: RecordStyle,
  layout: Layout,
): Edit {
  const piece = `${JSON.stringify(key)}${layout.colon}${inline(value, layout)}`;
  const first = properties[0];
  if (first === undefined) {
    const object = parseObject(text);
    return { offset: object.offset, length: object.length, content: `{${piece}}` };
  }
  const after = afterKey === null ? undefined : properties.find((property) => keyOf(property) === afterKey);
  if (after === undefined) {
    const indent = indentBefore(text, first.offset);
    const ownLine = style.lines && indent !== null && !style.shareLine(key, keyOf(first));
    if (ownLine) return { offset: lineStart(text, first.offset), length: 0, content: `${indent}${piece},${layout.eol}` };
    return { offset: first.offset, length: 0, content: `${piece}${layout.comma}` };
  }
  const sameLine = !style.lines || onSameLine(text, 0, text.length) || style.shareLine(keyOf(after), key);
  if (sameLine) return { offset: end(after), length: 0, content: `${layout.comma}${piece}` };
  // On a line of its own after the line of `after`: after the comma that ends that line's last key, if any.
  const indent = /^[ \t]*/.exec(text.slice(lineStart(text, after.offset)))?.[0] ?? "";
  let lastOnLine = properties.indexOf(after);
  while (lastOnLine + 1 < properties.length && onSameLine(text, after.offset, (properties[lastOnLine + 1] as Node).offset)) lastOnLine += 1;
  const lineLast = properties[lastOnLine] as Node;
  if (lastOnLine === properties.length - 1) return { offset: end(lineLast), length: 0, content: `,${layout.eol}${indent}${piece}` };
  return { offset: text.indexOf(",", end(lineLast)) + 1, length: 0, content: `${layout.eol}${indent}${piece},` };
}

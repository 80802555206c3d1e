/**
 * How a value of the dataset is written in one spreadsheet cell, and read back, in the Leverage Atlas
 * layout (CSV and XLSX alike). Every rule is reversible, so a dataset written and read back is the same:
 *
 * - Formula guard (OWASP, CSV injection): a text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 *   return would be run as a formula by a spreadsheet program, so it is written with a leading `'`. A text
 *   that already starts with `'` gets one too, so reading removes exactly one leading `'` from any cell.
 * - Lists (aliases, evidence) are joined with `; `. Inside an item, `\` is written `\\` and `;` is written
 *   `\;`, so every unescaped `;` separates items; one space after it is part of the separator. Reading is
 *   lenient about that space (`a;b` reads as two items) and about a `\` before any other character (kept
 *   as that character).
 * - Evidence is a list of `source-id` or `source-id (locator)`. A source id has neither spaces nor
 *   parentheses, so the locator is everything between the first ` (` and the item's last `)`: parentheses
 *   inside a locator need no escape (`src-1 (p. 3 (note))`).
 */
import type { Evidence } from "../../model/schema.ts";

/** First characters a spreadsheet program may take as the start of a formula (OWASP), and the guard itself. */
const GUARDED_START = /^[=+\-@\t\r']/;

/** The text as written in a cell: with a leading `'` when it could be taken for a formula (see the module comment). */
export function guardFormula(text: string): string {
  return GUARDED_START.test(text) ? `'${text}` : text;
}

/** A cell of the Leverage Atlas layout as its text: one leading `'` removed. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

function escapeItem(item: string): string {
  return item.replace(/[\\;]/g, (character) => `\\${character}`);
}

/** A list as one cell: items escaped and joined with "; " (no items: an empty cell). */
export function joinList(items: readonly string[]): string {
  return items.map(escapeItem).join("; ");
}

/** A list cell's items (see the module comment); an empty cell holds none. */
export function splitList(cell: string): string[] {
  if (cell === "") return [];
  const items: string[] = [];
  let current = "";
  for (let index = 0; index < cell.length; index += 1) {
    const character = cell[index] as string;
    if (character === "\\" && index + 1 < cell.length) {
      current += cell.charAt(index + 1);
      index += 1;
    } else if (character === ";") {
      items.push(current);
      current = "";
      if (cell[index + 1] === " ") index += 1;
    } else current += character;
  }
  items.push(current);
  return items;
}

/** Evidence as one cell: `source-id (locator); source-id`. */
export function formatEvidence(evidence: readonly Evidence[]): string {
  return joinList(evidence.map((item) => (item.locator === undefined ? item.source : `${item.source} (${item.locator})`)));
}

export type EvidenceRead = { ok: true; evidence: Evidence[] } | { ok: false; problem: string };

/** An evidence cell's citations, or why an item is not `source-id` or `source-id (locator)`. */
export function parseEvidence(cell: string): EvidenceRead {
  const evidence: Evidence[] = [];
  for (const [index, raw] of splitList(cell).entries()) {
    const item = raw.replace(/^[ \t]+/, "");
    const open = item.search(/[\s(]/);
    if (open === -1) {
      if (item === "") return { ok: false, problem: `item ${index + 1} of the list is empty (two "; " in a row?)` };
      evidence.push({ source: item });
      continue;
    }
    const source = item.slice(0, open);
    const rest = item.slice(open).replace(/[ \t]+$/, "");
    if (rest.trim() === "") {
      evidence.push({ source });
      continue;
    }
    const locatorStart = rest.startsWith(" (") ? 2 : rest.startsWith("(") ? 1 : -1;
    if (source === "" || locatorStart === -1 || !rest.endsWith(")"))
      return {
        ok: false,
        problem: `item ${index + 1} (${JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw)}) is not "source-id" or "source-id (locator)"`,
      };
    evidence.push({ source, locator: rest.slice(locatorStart, -1) });
  }
  return { ok: true, evidence };
}

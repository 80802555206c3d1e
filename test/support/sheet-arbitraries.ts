/**
 * Datasets for the spreadsheet round trips: datasetArb's (arbitraries.ts), with any text field, alias,
 * locator and the dataset's metadata replaced, now and then, by text that spreadsheets mishandle: quotes,
 * commas, semicolons and our list separators, parentheses, backslashes, line breaks (LF, CRLF, a lone CR),
 * formula starts (= + - @ and a tab), a leading apostrophe, OOXML's own escapes (_x000D_), U+FFFE, accents,
 * emoji and right-to-left text. Kept apart from arbitraries.ts so that the datasets other tests draw (and
 * their recorded golden answers) stay as they are.
 */
import fc from "fast-check";
import { characterProblem, type Dataset } from "../../src/model/schema.ts";
import { datasetArb, lineTextArb, partialDateArb, type DatasetArbOptions } from "./arbitraries.ts";

const SPREADSHEET_LINES = [
  'He said "no", then "yes"',
  "a, b, c",
  "a; b; c",
  "a;b",
  "; leading semicolon",
  "trailing semicolon;",
  "back\\slash; and \\; escaped",
  "\\",
  "p. 3 (footnote 4)",
  "(",
  ")",
  "x (y",
  "=1+1",
  '=HYPERLINK("http://evil.example","click")',
  "+41 22 000 00 00",
  "-5% year on year",
  "@SUM(A1:A9)",
  "'quoted start",
  "''",
  "'=1+1",
  "_x000D_ and _x0041_ literally",
  "ends with _x",
  "Société Générale, Zürich, São Paulo",
  "華為技術有限公司",
  "emoji 📡🛰️ 👩‍👩‍👧 🇨🇦",
  "עברית ועוד",
  "العربية والإنجليزية mixed",
  "  spaces around  ",
  "42",
  "2019-11-22",
  "TRUE",
  "#N/A",
  "\ufffe and \uffff",
];

/** One-line text with spreadsheet trouble in it, or any line the schema accepts. */
export const sheetLineArb: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(...SPREADSHEET_LINES),
    lineTextArb(30),
    fc.tuple(fc.constantFrom(...SPREADSHEET_LINES), lineTextArb(10)).map(([a, b]) => `${a} ${b}`),
  )
  .filter((value) => value.trim().length > 0 && characterProblem(value, false) === null);

/** Text of several lines, joined by LF, CRLF, a lone CR, blank lines or a tab; or a formula start on its own. */
export const sheetTextArb: fc.Arbitrary<string> = fc
  .oneof(
    fc
      .tuple(fc.array(sheetLineArb, { minLength: 1, maxLength: 3 }), fc.constantFrom("\n", "\r\n", "\r", "\n\n", "\t"))
      .map(([lines, separator]) => lines.join(separator)),
    fc.constantFrom("\tstarts with a tab", "\rstarts with a carriage return", "-\n-", "line\r\nand _x000A_"),
  )
  .filter((value) => value.trim().length > 0 && characterProblem(value, true) === null);

/** Replaces a value now and then, keeping it otherwise. */
function maybe<T>(value: T, replacement: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: fc.constant(value), weight: 1 }, { arbitrary: replacement, weight: 2 });
}

/** A valid dataset whose texts carry spreadsheet trouble (see the module comment), with its metadata filled in. */
export function sheetDatasetArb(options: DatasetArbOptions = {}): fc.Arbitrary<Dataset> {
  return datasetArb(options).chain((dataset) =>
    fc.record({
      meta: fc.record(
        {
          name: sheetLineArb,
          description: sheetTextArb,
          licence: sheetLineArb,
          version: sheetLineArb,
          url: fc.constantFrom("https://example.org/dataset?a=1&b=2", "http://example.com/x_x000D_y"),
          period: fc.tuple(partialDateArb, partialDateArb).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
        },
        { requiredKeys: ["name"] },
      ),
      entities: fc.tuple(
        ...dataset.entities.map((entity) =>
          fc
            .record({
              name: maybe(entity.name, sheetLineArb),
              aliases: maybe(entity.aliases, fc.array(sheetLineArb, { minLength: 1, maxLength: 3 })),
              description: maybe(entity.description, sheetTextArb),
            })
            .map((texts) => {
              const next = { ...entity, name: texts.name };
              if (texts.aliases !== undefined) next.aliases = texts.aliases;
              if (texts.description !== undefined) next.description = texts.description;
              return next;
            }),
        ),
      ),
      relations: fc.tuple(
        ...dataset.relations.map((relation) =>
          fc
            .record({
              claim: maybe(relation.claim, sheetTextArb),
              locators: fc.array(fc.option(sheetLineArb, { nil: undefined }), {
                minLength: relation.evidence.length,
                maxLength: relation.evidence.length,
              }),
            })
            .map(({ claim, locators }) => ({
              ...relation,
              claim,
              evidence: relation.evidence.map((item, index) => {
                const locator = locators[index] ?? item.locator;
                return locator === undefined ? { source: item.source } : { source: item.source, locator };
              }),
            })),
        ),
      ),
      sources: fc.tuple(
        ...dataset.sources.map((source) =>
          fc
            .record({ publisher: maybe(source.publisher, sheetLineArb), title: maybe(source.title, sheetLineArb) })
            .map((texts) => ({ ...source, ...texts })),
        ),
      ),
    }),
  );
}

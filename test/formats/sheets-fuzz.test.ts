/**
 * The spreadsheet readers never throw: arbitrary bytes, CSV-like text and zips of XLSX parts with arbitrary
 * content are each answered with a dataset or with errors, every error placed at a file of the input.
 */
import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { ReadInput } from "../../src/formats/format.ts";
import { NODE_FORMATS } from "../../src/formats/node.ts";
import { readFiles } from "../../src/formats/read-files.ts";
import { readableFormats } from "../../src/formats/registry.ts";

const READERS = readableFormats("node", NODE_FORMATS);

function answered(inputs: readonly ReadInput[], values: Record<string, string> = {}): void {
  const outcome = readFiles(inputs, READERS, { today: "2026-01-01", values });
  if (outcome.ok) {
    expect(outcome.dataset.entities.length + outcome.dataset.relations.length).toBeGreaterThanOrEqual(0);
    return;
  }
  expect(outcome.issues.some((issue) => issue.severity === "error")).toBe(true);
  for (const issue of outcome.issues)
    expect(
      inputs.some((input) => issue.file === input.file || issue.file.startsWith(`${input.file}/`) || issue.file === outcome.file),
    ).toBe(true);
}

const cell = fc.oneof(
  fc.constantFrom(
    "",
    "id",
    "kind",
    "name",
    "source",
    "target",
    "From",
    "To",
    "Label",
    "Type",
    "Id",
    "Source",
    "Target",
    "claim",
    "evidence",
    "=1+1",
    '"',
    "a,b",
    "x\ny",
    "vendor",
    "bans",
    "2019",
    "src (p. 1",
  ),
  fc.string({ maxLength: 12 }),
);
const csvText = fc
  .tuple(
    fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
    fc.constantFrom(",", ";", "\t"),
    fc.constantFrom("\n", "\r\n"),
  )
  .map(([rows, separator, lineEnd]) => rows.map((row) => row.join(separator)).join(lineEnd));

describe("the spreadsheet readers never throw", () => {
  it("on arbitrary bytes named .csv, .xlsx or .zip", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom("x.csv", "x.xlsx", "x.zip", "x.csv.zip"), (bytes, file) => {
        answered([{ file, bytes }]);
      }),
      { numRuns: 300 },
    );
  });

  it("on CSV-like text in any layout, with any mapping", () => {
    fc.assert(
      fc.property(
        fc.array(csvText, { minLength: 1, maxLength: 3 }),
        fc.constantFrom("auto", "atlas", "kumu", "gephi", "edges"),
        fc.constantFrom("", "Company=vendor", "a=b", "x=bans,,=", "\\=\\,=person"),
        (texts, layout, mapKind) => {
          answered(
            texts.map((text, index) => ({ file: `t${index}.csv`, bytes: strToU8(text) })),
            { layout, mapKind },
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("on zips of workbook parts with arbitrary content", () => {
    const part = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom(
        '<workbook xmlns:r="r"><sheets><sheet name="s" r:id="rId1"/></sheets></workbook>',
        '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c><c r="ZZZZ9"><v>1</v></c></row><row><c t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>',
        "<sst><si><t>source</t></si><si><r><t>tar</t></r><r><t>get</t></r></si></sst>",
        '<styleSheet><numFmts><numFmt numFmtId="200" formatCode="yyyy"/></numFmts><cellXfs><xf numFmtId="200"/></cellXfs></styleSheet>',
      ),
    );
    fc.assert(
      fc.property(
        fc.subarray(
          [
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/worksheets/sheet1.xml",
            "xl/sharedStrings.xml",
            "xl/styles.xml",
            "_rels/.rels",
          ],
          {
            minLength: 1,
          },
        ),
        fc.array(part, { minLength: 6, maxLength: 6 }),
        (names, contents) => {
          const bytes = zipSync(Object.fromEntries(names.map((name, index) => [name, strToU8(contents[index] ?? "")])));
          answered([{ file: "fuzz.xlsx", bytes }]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

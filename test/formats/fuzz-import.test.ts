/**
 * Fuzzing the GEXF importer: whatever the text, readGexf answers without throwing, either with located
 * errors and no dataset, or with a dataset the loader accepts with zero errors.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readGexf, type GexfReadResult } from "../../src/formats/gexf/read.ts";
import { RECORD_PREFIX } from "../../src/formats/gexf/profile.ts";
import { writeDatasetJson } from "../../src/formats/json/write.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { anyTreeArb, damage, damageArb, element, gexfArb, serialize, xmlToken } from "./gexf-arbitraries.ts";

/** Runs per property (FUZZ_RUNS=5000 for a longer hunt), and a generous timeout: the machine, not the importer, sets the pace. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const TIMEOUT = 120_000;

/** The importer's contract, checked on every answer. */
function checkAnswer(result: GexfReadResult, { foreign }: { foreign: boolean }): void {
  const errors = result.issues.filter((issue) => issue.severity === "error");
  for (const issue of result.issues) {
    expect(typeof issue.message).toBe("string");
    // Messages quote file text short and escaped, so no value of any size or content floods a terminal.
    expect(issue.message.length).toBeLessThan(1_000);
  }
  if (!result.ok) {
    expect(errors.length).toBeGreaterThan(0);
    for (const issue of errors) {
      if (issue.message.startsWith("... and ")) continue;
      expect(issue.line, issue.message).toBeGreaterThanOrEqual(1);
      expect(issue.column, issue.message).toBeGreaterThanOrEqual(1);
      // In a file that is not a Leverage Atlas export, the mapping itself never builds an invalid dataset:
      // the loader's safety net is never what refuses it.
      if (foreign) expect(issue.message).not.toMatch(/of the converted dataset\)$/);
    }
    return;
  }
  expect(errors).toEqual([]);
  const loaded = parseDataset([{ file: "imported.json", text: writeDatasetJson(result.dataset) }]);
  expect(loaded.issues.filter((issue) => issue.severity === "error")).toEqual([]);
  expect(loaded.dataset).toEqual(result.dataset);
}

function read(text: string): GexfReadResult {
  return readGexf(text, { file: "fuzz.gexf", today: "2026-01-01" });
}

describe("readGexf never throws", () => {
  it(
    "on arbitrary text, bytes read as UTF-8 or Latin-1 included",
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: "binary" }),
            fc
              .uint8Array({ maxLength: 200 })
              .map((bytes) => new TextDecoder(bytes[0] !== undefined && bytes[0] % 2 === 0 ? "utf-8" : "latin1").decode(bytes)),
          ),
          (text) => {
            checkAnswer(read(text), { foreign: true });
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "on XML-like token soup: malformed XML, stray entities, DOCTYPEs, CDATA and comments",
    () => {
      fc.assert(
        fc.property(fc.array(xmlToken, { maxLength: 40 }), (tokens) => {
          checkAnswer(read(tokens.join("")), { foreign: true });
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "on well-formed GEXF-shaped trees with random attributes, values, namespaces, hierarchies and records",
    () => {
      fc.assert(
        fc.property(gexfArb, ({ text, native }) => {
          checkAnswer(read(text), { foreign: !native });
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "on arbitrary well-formed XML trees under a <gexf> root or any other",
    () => {
      fc.assert(
        fc.property(anyTreeArb, fc.boolean(), (tree, underGexf) => {
          const root = underGexf
            ? element(
                "gexf",
                [
                  ["xmlns:viz", "http://gexf.net/1.3/viz"],
                  ["xmlns:g", "http://gexf.net/1.3"],
                ],
                [tree],
              )
            : tree;
          checkAnswer(read(serialize(root)), { foreign: true });
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "on GEXF-shaped trees cut, with a range deleted, or with a token inserted",
    () => {
      fc.assert(
        fc.property(gexfArb, damageArb, ({ text, native }, how) => {
          const mutated = damage(text, how);
          checkAnswer(read(mutated), { foreign: !native && !mutated.includes(RECORD_PREFIX) });
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDataset } from "../../src/load/parse.ts";
import { toDocument, datasetArb } from "../support/arbitraries.ts";

describe("parseDataset never throws", () => {
  it("on arbitrary JSON values, answering with located issues instead", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseDataset([{ file: "any.json", json: value }]);
        for (const issue of result.issues) {
          expect(typeof issue.message).toBe("string");
          expect(issue.pointer === "" || issue.pointer.startsWith("/")).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const result = parseDataset([{ file: "any.json", text }]);
        if (!result.ok) expect(result.issues.some((issue) => issue.severity === "error")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("on valid datasets with one field replaced by arbitrary JSON", () => {
    fc.assert(
      fc.property(
        datasetArb({ maxEntities: 4, maxRelations: 4, maxSources: 2 }),
        fc.jsonValue(),
        fc.nat(),
        fc.nat(),
        (dataset, junk, which, field) => {
          const document = toDocument(dataset) as Record<string, Record<string, unknown>[]>;
          const collection = (["entities", "relations", "sources"] as const)[which % 3] ?? "entities";
          const items = document[collection] ?? [];
          const item = items[field % Math.max(1, items.length)];
          if (item) {
            const keys = Object.keys(item);
            item[keys[field % keys.length] ?? "id"] = junk;
          }
          parseDataset([{ file: "mutated.json", text: JSON.stringify(document) }]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

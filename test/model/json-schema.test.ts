import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { datasetJsonSchemaText } from "../../src/model/json-schema.ts";
import { listDatasetFiles } from "../../src/load/read.ts";

describe("the committed JSON Schema", () => {
  it("is exactly what the zod schemas generate (run `npm run schema` when this fails)", async () => {
    expect(await readFile("schema/dataset.schema.json", "utf8")).toBe(datasetJsonSchemaText());
  });

  it("is referenced by $schema from every data file, with a path that resolves", async () => {
    for (const file of await listDatasetFiles("data")) {
      const document = JSON.parse(await readFile(file, "utf8")) as { $schema?: string };
      const depth = file.split("/").length - 2;
      expect(document.$schema, file).toBe(`${"../".repeat(depth + 1)}schema/dataset.schema.json`);
    }
  });
});

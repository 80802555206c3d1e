import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { datasetJsonSchemaText, layoutJsonSchemaText } from "../../src/model/json-schema.ts";
import { isLayoutPath } from "../../src/load/bundle.ts";
import { listJsonFiles } from "../../src/load/read.ts";

describe("the committed JSON Schemas", () => {
  it("are exactly what the zod schemas generate (run `npm run schema` when this fails)", async () => {
    expect(await readFile("schema/dataset.schema.json", "utf8")).toBe(datasetJsonSchemaText());
    expect(await readFile("schema/layout.schema.json", "utf8")).toBe(layoutJsonSchemaText());
  });

  it("are referenced by $schema from every data file (saved layouts: the layout's), with a path that resolves", async () => {
    for (const file of await listJsonFiles("data")) {
      const document = JSON.parse(await readFile(file, "utf8")) as { $schema?: string };
      const depth = file.split("/").length - 2;
      const schema = isLayoutPath(path.relative("data", file)) ? "schema/layout.schema.json" : "schema/dataset.schema.json";
      expect(document.$schema, file).toBe(`${"../".repeat(depth + 1)}${schema}`);
    }
  });
});

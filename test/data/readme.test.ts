/** data/README.md keeps the tables derived from code and data in sync: the ontology tables and the files table. */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { filesTable, ontologyTables } from "./readme-tables.ts";

const readme = await readFile("data/README.md", "utf8");

describe("data/README.md", () => {
  it("holds the ontology tables as src/model/ontology.ts defines them (print them with npx tsx test/data/readme-tables.ts)", () => {
    expect(readme.includes(ontologyTables()), "update the ontology tables in data/README.md").toBe(true);
  });

  it("holds the files table with the current number of records per file (print it with npx tsx test/data/readme-tables.ts)", async () => {
    expect(readme.includes(await filesTable()), "update the files table in data/README.md").toBe(true);
  });
});

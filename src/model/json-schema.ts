/** The JSON Schemas of a dataset file and of a saved layout, generated from the zod schemas so editors can autocomplete and check. */
import { z } from "zod";
import { layoutDocumentSchema } from "./layout.ts";
import { datasetDocumentSchema } from "./schema.ts";

export function datasetJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(datasetDocumentSchema, { target: "draft-2020-12" });
}

/** The committed file's exact text: two-space indent, trailing newline. */
export function datasetJsonSchemaText(): string {
  return `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`;
}

export function layoutJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(layoutDocumentSchema, { target: "draft-2020-12" });
}

/** The committed schema/layout.schema.json's exact text. */
export function layoutJsonSchemaText(): string {
  return `${JSON.stringify(layoutJsonSchema(), null, 2)}\n`;
}

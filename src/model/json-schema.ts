/** The JSON Schema of a dataset file, generated from the zod schemas so editors can autocomplete and check. */
import { z } from "zod";
import { datasetDocumentSchema } from "./schema.ts";

export function datasetJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(datasetDocumentSchema, { target: "draft-2020-12" });
}

/** The committed file's exact text: two-space indent, trailing newline. */
export function datasetJsonSchemaText(): string {
  return `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`;
}

/**
 * The record forms as data, built from the zod schemas (which fields a record has, in their order, and
 * which are required) and the ontology (the choices of a kind or a confidence), and the two conversions:
 * a record to the strings its form shows, and the strings back to the record a save writes (empty optional
 * fields left out, partial dates kept as typed so their precision stays).
 */
import type { RecordCollection } from "../../formats/json/edit.ts";
import { CONFIDENCES, ENTITY_KINDS, RELATION_KINDS, RELATION_KIND_NAMES, allowsEndpoint, type EntityKind, type RelationKind } from "../../model/ontology.ts";
import type { ZodType } from "zod";
import { entitySchema, relationSchema, sourceSchema } from "../../model/schema.ts";

export type FieldType = "id" | "line" | "text" | "choice" | "date" | "url" | "country" | "entity" | "lines" | "evidence";

export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  choices?: readonly string[];
  hint?: string;
}

const SCHEMAS = { entities: entitySchema, relations: relationSchema, sources: sourceSchema } as const;

const LABELS: Record<string, string> = {
  id: "Id",
  kind: "Kind",
  name: "Name",
  aliases: "Aliases (one per line)",
  country: "Country (ISO code)",
  description: "Description",
  url: "URL",
  source: "From (source entity)",
  target: "To (target entity)",
  about: "About (the entity the pressure concerns)",
  start: "Start date",
  end: "End date",
  claim: "Claim",
  evidence: "Evidence",
  confidence: "Confidence",
  publisher: "Publisher",
  title: "Title",
  published: "Published",
  accessed: "Accessed",
  archive: "Archived copy (URL)",
};

const TYPES: Record<RecordCollection, Record<string, FieldType>> = {
  entities: { id: "id", kind: "choice", name: "line", aliases: "lines", country: "country", description: "text", url: "url" },
  relations: { id: "id", kind: "choice", source: "entity", target: "entity", about: "entity", start: "date", end: "date", claim: "text", evidence: "evidence", confidence: "choice" },
  sources: { id: "id", url: "url", publisher: "line", title: "line", published: "date", accessed: "date", archive: "url" },
};

const CHOICES: Record<string, readonly string[]> = { kind: ENTITY_KINDS, confidence: CONFIDENCES };

const DATE_HINT = "YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source is";

/** The fields of a collection's form, in the schema's order. */
export function formFields(collection: RecordCollection): FieldSpec[] {
  const shape: Record<string, ZodType> = SCHEMAS[collection].shape;
  return Object.entries(shape).map(([name, schema]) => {
    const type = TYPES[collection][name] ?? "line";
    const spec: FieldSpec = { name, label: LABELS[name] ?? name, type, required: !schema.safeParse(undefined).success };
    if (type === "choice") spec.choices = collection === "relations" && name === "kind" ? RELATION_KIND_NAMES : CHOICES[name];
    if (type === "date") spec.hint = name === "end" ? `${DATE_HINT}; empty while it holds` : DATE_HINT;
    return spec;
  });
}

export interface EvidenceValue {
  source: string;
  locator: string;
}

/** What a form holds: a string per field, the evidence as rows. */
export interface FormValues {
  fields: Record<string, string>;
  evidence: EvidenceValue[];
}

export function emptyValues(collection: RecordCollection): FormValues {
  const fields: Record<string, string> = {};
  for (const spec of formFields(collection)) if (spec.type !== "evidence") fields[spec.name] = "";
  if (collection === "relations") fields.confidence = "reported";
  return { fields, evidence: collection === "relations" ? [{ source: "", locator: "" }] : [] };
}

/** A record's form values. */
export function valuesOf(collection: RecordCollection, record: Record<string, unknown>): FormValues {
  const values = emptyValues(collection);
  for (const spec of formFields(collection)) {
    const value = record[spec.name];
    if (spec.type === "evidence") {
      values.evidence = Array.isArray(value)
        ? (value as { source?: unknown; locator?: unknown }[]).map((item) => ({ source: typeof item.source === "string" ? item.source : "", locator: typeof item.locator === "string" ? item.locator : "" }))
        : [];
    } else if (spec.type === "lines") values.fields[spec.name] = Array.isArray(value) ? value.join("\n") : "";
    else values.fields[spec.name] = typeof value === "string" ? value : "";
  }
  return values;
}

/**
 * The record a form's values stand for. Optional fields left empty are absent, but a relation's end that was
 * null stays null (ongoing, said explicitly, as the file had it); a required field left empty is absent too, so
 * the loader says it is missing.
 */
export function recordOf(collection: RecordCollection, values: FormValues, original: Record<string, unknown> | null = null): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const spec of formFields(collection)) {
    if (spec.type === "evidence") {
      record[spec.name] = values.evidence
        .filter((row) => row.source.trim() !== "" || row.locator.trim() !== "")
        .map((row) => (row.locator.trim() === "" ? { source: row.source.trim() } : { source: row.source.trim(), locator: row.locator.trim() }));
      continue;
    }
    const raw = values.fields[spec.name] ?? "";
    if (spec.type === "lines") {
      const lines = raw.split("\n").map((line) => line.trim()).filter((line) => line !== "");
      if (lines.length > 0 || spec.required) record[spec.name] = lines;
      continue;
    }
    const value = raw.trim();
    if (value !== "") record[spec.name] = value;
    else if (spec.name === "end" && original !== null && original.end === null) record.end = null;
  }
  return record;
}

/** The entity kinds a relation kind allows at one end (all kinds while the relation's kind is not chosen). */
export function allowedEndKinds(kind: string, end: "source" | "target"): readonly EntityKind[] {
  if (!Object.hasOwn(RELATION_KINDS, kind)) return ENTITY_KINDS;
  return ENTITY_KINDS.filter((entityKind) => allowsEndpoint(kind as RelationKind, end, entityKind));
}

/** Whether the relation kind may name what it is `about` (pressure relations). */
export function takesAbout(kind: string): boolean {
  return Object.hasOwn(RELATION_KINDS, kind) && RELATION_KINDS[kind as RelationKind].family === "pressure";
}
